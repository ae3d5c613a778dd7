/* envinfo.c - the environment record of a study (see envinfo.h). */
#include "envinfo.h"

#include <hwloc.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "build_info.h"
#include "scal_sys.h"
#include "launch.h"
#include "scal_time.h"

#define SR_VERSION_TIMEOUT_S 10.0

/* The first non-empty line `prog --version` prints, or a reason. */
static void sr_tool_version(const char *prog, sr_buf_t *out)
{
    char *path = sr_which(prog);
    if (!path) {
        sr_buf_puts(out, "not found on PATH");
        return;
    }
    extern char **environ;
    char *argv[] = {path, "--version", NULL};
    sr_proc_spec_t spec = {argv, environ, NULL, SR_VERSION_TIMEOUT_S, -1, 0};
    sr_proc_result_t res;
    sr_err_t err;
    if (sr_proc_run(&spec, &res, &err) != 0) {
        sr_buf_puts(out, err.msg);
        free(path);
        return;
    }
    const char *text = res.out.len ? sr_buf_str(&res.out) : sr_buf_str(&res.err_tail);
    text += strspn(text, "\r\n");
    sr_buf_printf(out, "%.*s (%s)", (int)strcspn(text, "\r\n"), text, path);
    sr_proc_result_free(&res);
    free(path);
}

static void sr_cpu_model(sr_buf_t *out)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0 && strchr(line, ':')) {
            char *v = strchr(line, ':') + 1;
            v += strspn(v, " \t");
            sr_buf_add(out, v, strcspn(v, "\n"));
            fclose(f);
            return;
        }
    }
    if (f)
        fclose(f);
    sr_buf_puts(out, "unknown");
}

static void sr_topology(sr_buf_t *out)
{
    hwloc_topology_t topo;
    if (hwloc_topology_init(&topo) != 0 || hwloc_topology_load(topo) != 0) {
        sr_buf_puts(out, "topology: unavailable (hwloc failed)\n");
        return;
    }
    sr_buf_printf(out, "packages: %d\ncores: %d\npus: %d\n",
                  hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_PACKAGE),
                  hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_CORE),
                  hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_PU));
    hwloc_topology_destroy(topo);
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        sr_buf_printf(out, "allowed_pus: %d\n", CPU_COUNT(&set));
    unsigned v = hwloc_get_api_version();
    sr_buf_printf(out, "hwloc: %u.%u.%u (built against %u.%u.%u)\n", v >> 16, (v >> 8) & 0xff, v & 0xff,
                  HWLOC_API_VERSION >> 16, (HWLOC_API_VERSION >> 8) & 0xff, HWLOC_API_VERSION & 0xff);
}

void sr_envinfo(const sr_tools_t *tools, sr_buf_t *out)
{
    char stamp[32];
    sr_utc_stamp(stamp);
    sr_buf_printf(out, "date_utc: %s\n", stamp);
    char host[256] = "unknown";
    gethostname(host, sizeof host - 1);
    sr_buf_printf(out, "hostname: %s\n", host);
    struct utsname u;
    if (uname(&u) == 0)
        sr_buf_printf(out, "uname: %s %s %s %s %s\n", u.sysname, u.nodename, u.release, u.version, u.machine);
    sr_buf_puts(out, "cpu_model: ");
    sr_cpu_model(out);
    sr_buf_puts(out, "\n");
    sr_topology(out);
    sr_buf_printf(out, "scalestudy: %s\n", scal_version());
    sr_buf_printf(out, "compiler: %s\nbuild_type: %s\nc_flags: %s\n", SR_BUILD_COMPILER, SR_BUILD_TYPE,
                  SR_BUILD_FLAGS);
    sr_buf_puts(out, "mpirun: ");
    sr_tool_version("mpirun", out);
    sr_buf_puts(out, "\ngnuplot: ");
    sr_tool_version("gnuplot", out);
    sr_buf_puts(out, "\n");
    for (int e = 0; e < SR_NENGINES; e++)
        sr_buf_printf(out, "engine_%s: %s%s\n", sr_engine_name((sr_engine_t)e), tools->engine[e],
                      tools->engine_found[e] ? "" : " (not found)");
    const char *vars[] = {"OMP_PLACES", "OMP_PROC_BIND", "SCAL_ENGINE_DIR"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v)
            sr_buf_printf(out, "%s: %s\n", vars[i], v);
    }
    if (tools->slurm.in_job) {
        sr_slurm_envinfo(&tools->slurm, out);
        sr_buf_puts(out, "srun: ");
        sr_tool_version("srun", out);
        sr_buf_puts(out, "\n");
    }
}

/* /proc/stat's total steal ticks (-1 when unreadable) and procs_running. */
static void sr_proc_stat(long long *steal, long *running)
{
    *steal = -1;
    *running = -1;
    FILE *f = fopen("/proc/stat", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        long long v[8];
        if (strncmp(line, "cpu ", 4) == 0 &&
            sscanf(line + 4, "%lld %lld %lld %lld %lld %lld %lld %lld", &v[0], &v[1], &v[2], &v[3], &v[4],
                   &v[5], &v[6], &v[7]) == 8)
            *steal = v[7];
        else if (strncmp(line, "procs_running ", 14) == 0)
            *running = strtol(line + 14, NULL, 10);
    }
    fclose(f);
}

static int sr_cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define SR_PROBE_SPINS 40
#define SR_PROBE_SPIN_S 100e-6
#define SR_PROBE_SLEEPS 20
#define SR_PROBE_SLEEP_NS 200000L

void sr_noise_probe(sr_buf_t *out)
{
    long long steal0, steal1;
    long running0, running1;
    sr_proc_stat(&steal0, &running0);
    double t0 = scal_now();
    /* A fixed amount of work, timed again and again: on a quiet core each
     * takes the same time; preemption and frequency changes spread them. */
    double spin[SR_PROBE_SPINS], slept[SR_PROBE_SLEEPS];
    volatile unsigned long long x = 1;
    unsigned long long iters = 1000;
    for (;;) { /* calibrate to about SR_PROBE_SPIN_S */
        double a = scal_now();
        for (unsigned long long i = 0; i < iters; i++)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        if (scal_now() - a >= SR_PROBE_SPIN_S || iters > (1ULL << 34))
            break;
        iters *= 2;
    }
    for (int k = 0; k < SR_PROBE_SPINS; k++) {
        double a = scal_now();
        for (unsigned long long i = 0; i < iters; i++)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        spin[k] = scal_now() - a;
    }
    for (int k = 0; k < SR_PROBE_SLEEPS; k++) {
        struct timespec ts = {0, SR_PROBE_SLEEP_NS};
        double a = scal_now();
        nanosleep(&ts, NULL);
        slept[k] = scal_now() - a - (double)SR_PROBE_SLEEP_NS * 1e-9;
    }
    double took = scal_now() - t0;
    sr_proc_stat(&steal1, &running1);
    qsort(spin, SR_PROBE_SPINS, sizeof *spin, sr_cmp_d);
    qsort(slept, SR_PROBE_SLEEPS, sizeof *slept, sr_cmp_d);
    double med = spin[SR_PROBE_SPINS / 2];
    sr_buf_printf(out, "noise_spin: %d equal busy loops: min %.1f us, median %.1f us, max %.1f us "
                       "(median +%.1f%%, max +%.1f%% over min)\n",
                  SR_PROBE_SPINS, spin[0] * 1e6, med * 1e6, spin[SR_PROBE_SPINS - 1] * 1e6,
                  100 * (med / spin[0] - 1), 100 * (spin[SR_PROBE_SPINS - 1] / spin[0] - 1));
    sr_buf_printf(out, "noise_sleep: %d sleeps of %ld us: overshoot median %.1f us, max %.1f us\n",
                  SR_PROBE_SLEEPS, SR_PROBE_SLEEP_NS / 1000, slept[SR_PROBE_SLEEPS / 2] * 1e6,
                  slept[SR_PROBE_SLEEPS - 1] * 1e6);
    long hz = sysconf(_SC_CLK_TCK);
    if (steal0 >= 0 && steal1 >= 0 && hz > 0)
        sr_buf_printf(out, "noise_steal: %.3f s of CPU steal during the %.1f ms probe (/proc/stat)\n",
                      (double)(steal1 - steal0) / (double)hz, took * 1e3);
    else
        sr_buf_puts(out, "noise_steal: n/a (/proc/stat unreadable)\n");
    if (running0 >= 0 && running1 >= 0)
        sr_buf_printf(out, "noise_others_running: %ld, then %ld other runnable tasks "
                           "(/proc/stat procs_running less this one) on %ld online CPUs\n",
                      running0 - 1, running1 - 1, sysconf(_SC_NPROCESSORS_ONLN));
    else
        sr_buf_puts(out, "noise_others_running: n/a (/proc/stat unreadable)\n");
}
