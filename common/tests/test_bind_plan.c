/* test_bind_plan.c - placement, defaults and reports on synthetic topologies,
 * so the same answers hold on any machine. PU numbers are OS indices; in
 * these descriptions they equal logical ones unless the test says otherwise. */
#include "scal_bind.h"
#include "scal_test.h"

#include <errno.h>
#include <stdlib.h>

#define MAXW 64

static const char *const two_pack = "pack:2 core:4 pu:2"; /* PUs 2c, 2c+1 on core c */
static const char *const two_numa = "node:2 core:4 pu:1";
static const char *const one_core = "core:1 pu:1";

static scal_topo_t *load(const char *desc, const char *bound)
{
    char err[256] = "";
    scal_topo_t *t = scal_topo_synthetic(desc, bound, err, sizeof err);
    if (!t)
        fprintf(stderr, "cannot load '%s' bound '%s': %s\n", desc, bound ? bound : "-", err);
    SCAL_CHECK(t != NULL);
    return t;
}

/* Plan n workers and compare their PUs with want[0..n-1]; returns oversubscribed. */
static int check_plan(const char *desc, const char *bound, scal_bind_policy_t p, int n,
                      const int *want)
{
    scal_topo_t *t = load(desc, bound);
    if (!t)
        return -1;
    scal_bind_slot_t slots[MAXW];
    int over = -1;
    SCAL_CHECK(scal_bind_plan(t, p, n, slots, &over) == 0);
    int same = 1;
    for (int w = 0; w < n; w++)
        same &= slots[w].pu == want[w];
    if (!same) {
        fprintf(stderr, "%s [%s] %s n=%d got:", desc, bound ? bound : "all", scal_bind_name(p), n);
        for (int w = 0; w < n; w++)
            fprintf(stderr, " %d", slots[w].pu);
        fprintf(stderr, "\n");
    }
    SCAL_CHECK(same);
    scal_topo_free(t);
    return over;
}

static void test_parse_policy(void)
{
    scal_bind_policy_t p = SCAL_BIND_AUTO;
    char err[128] = "";
    SCAL_CHECK(scal_bind_parse("none", &p, err, sizeof err) == 0 && p == SCAL_BIND_NONE);
    SCAL_CHECK(scal_bind_parse("compact", &p, err, sizeof err) == 0 && p == SCAL_BIND_COMPACT);
    SCAL_CHECK(scal_bind_parse("spread", &p, err, sizeof err) == 0 && p == SCAL_BIND_SPREAD);
    errno = 0;
    SCAL_CHECK(scal_bind_parse("scatter", &p, err, sizeof err) == -1 && errno == EINVAL);
    SCAL_CHECK(strstr(err, "'scatter'") != NULL);
    SCAL_CHECK(p == SCAL_BIND_SPREAD); /* untouched on error */
    SCAL_CHECK(scal_bind_parse("auto", &p, err, sizeof err) == -1);
    SCAL_CHECK(scal_bind_parse("", &p, err, sizeof err) == -1);
    SCAL_CHECK(scal_bind_parse(NULL, &p, NULL, 0) == -1);
    SCAL_CHECK(strcmp(scal_bind_name(SCAL_BIND_COMPACT), "compact") == 0);
    SCAL_CHECK(strcmp(scal_bind_name((scal_bind_policy_t)42), "?") == 0);
}

static void test_bad_inputs_are_refused(void)
{
    char err[256] = "";
    errno = 0;
    SCAL_CHECK(scal_topo_synthetic("pack:2 bogus:3", NULL, err, sizeof err) == NULL);
    SCAL_CHECK(errno == EINVAL && strstr(err, "bogus") != NULL);
    SCAL_CHECK(scal_topo_synthetic(two_pack, "0-3,x", err, sizeof err) == NULL);
    SCAL_CHECK(errno == EINVAL && strstr(err, "0-3,x") != NULL);
    /* A binding outside the machine leaves nothing to run on. */
    SCAL_CHECK(scal_topo_synthetic(two_pack, "100-120", err, sizeof err) == NULL);
    SCAL_CHECK(errno == EINVAL);
    SCAL_CHECK(scal_topo_synthetic(NULL, NULL, err, sizeof err) == NULL);

    scal_topo_t *t = load(two_pack, NULL);
    scal_bind_slot_t s[2];
    SCAL_CHECK(scal_bind_plan(t, SCAL_BIND_COMPACT, 0, s, NULL) == -1 && errno == EINVAL);
    SCAL_CHECK(scal_bind_plan(t, (scal_bind_policy_t)9, 2, s, NULL) == -1 && errno == EINVAL);
    SCAL_CHECK(scal_bind_plan(NULL, SCAL_BIND_COMPACT, 2, s, NULL) == -1);
    /* Applying a PU outside the allowed set is refused before hwloc is asked. */
    scal_bind_slot_t outside = {.pu = 99, .core = -1};
    SCAL_CHECK(scal_bind_apply(t, &outside) == -1 && errno == EINVAL);
    scal_topo_free(t);
    scal_topo_free(NULL);
}

static void test_counts(void)
{
    scal_topo_t *t = load(two_pack, NULL);
    SCAL_CHECK_EQ_U64(scal_topo_npus(t), 16);
    SCAL_CHECK_EQ_U64(scal_topo_ncores(t), 8);
    scal_topo_free(t);
    t = load(two_pack, "0-3,8");
    SCAL_CHECK_EQ_U64(scal_topo_npus(t), 5);
    SCAL_CHECK_EQ_U64(scal_topo_ncores(t), 3);
    char buf[64];
    SCAL_CHECK(scal_topo_allowed(t, buf, sizeof buf) == 5 && strcmp(buf, "0-3,8") == 0);
    scal_topo_free(t);
    /* Bits outside the machine are dropped, not kept as phantom PUs. */
    t = load(two_pack, "14-40");
    SCAL_CHECK_EQ_U64(scal_topo_npus(t), 2);
    scal_topo_free(t);
}

/* ---- compact -------------------------------------------------------------- */

static void test_compact_one_pu_per_core_first(void)
{
    /* The brief's example: 4 cores x 2 PUs, 6 workers. */
    static const int want6[] = {0, 2, 4, 6, 1, 3};
    SCAL_CHECK(check_plan("core:4 pu:2", NULL, SCAL_BIND_COMPACT, 6, want6) == 0);

    static const int want3[] = {0, 2, 4};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_COMPACT, 3, want3) == 0);
    static const int want8[] = {0, 2, 4, 6, 8, 10, 12, 14}; /* as many as cores */
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_COMPACT, 8, want8) == 0);
    static const int want10[] = {0, 2, 4, 6, 8, 10, 12, 14, 1, 3};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_COMPACT, 10, want10) == 0);
    static const int want16[] = {0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_COMPACT, 16, want16) == 0);
}

static void test_compact_single_pu_cores(void)
{
    static const int want3[] = {0, 1, 2};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_COMPACT, 3, want3) == 0);
    static const int want8[] = {0, 1, 2, 3, 4, 5, 6, 7};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_COMPACT, 8, want8) == 0);
}

static void test_compact_reports_os_indices(void)
{
    /* Hyperthread siblings numbered i and i+4, as Linux does on most x86. */
    static const int want[] = {0, 1, 2, 3, 4, 5};
    SCAL_CHECK(check_plan("core:4 pu:2(indexes=0,4,1,5,2,6,3,7)", NULL, SCAL_BIND_COMPACT, 6,
                          want) == 0);
}

static void test_compact_inside_allowed_subset(void)
{
    /* Cores 0 and 1 whole, core 4 (package 1) through PU 8 only. */
    static const int want3[] = {0, 2, 8};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_COMPACT, 3, want3) == 0);
    static const int want5[] = {0, 2, 8, 1, 3};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_COMPACT, 5, want5) == 0);
    /* A subset starting on a core's second PU. */
    static const int want4[] = {5, 6, 8, 7};
    SCAL_CHECK(check_plan(two_pack, "5-8", SCAL_BIND_COMPACT, 4, want4) == 0);
}

/* ---- spread --------------------------------------------------------------- */

static void test_spread_packages_first(void)
{
    static const int want1[] = {0};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_SPREAD, 1, want1) == 0);
    static const int want2[] = {0, 8};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_SPREAD, 2, want2) == 0);
    static const int want4[] = {0, 4, 8, 12};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_SPREAD, 4, want4) == 0);
    static const int want8[] = {0, 2, 4, 6, 8, 10, 12, 14}; /* as many as cores */
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_SPREAD, 8, want8) == 0);
    /* More than cores: every core once, then second PUs spread too. */
    static const int want12[] = {0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_SPREAD, 12, want12) == 0);
    static const int want16[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_SPREAD, 16, want16) == 0);
}

static void test_spread_numa_first(void)
{
    static const int want2[] = {0, 4};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_SPREAD, 2, want2) == 0);
    static const int want3[] = {0, 2, 4};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_SPREAD, 3, want3) == 0);
    static const int want4[] = {0, 2, 4, 6};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_SPREAD, 4, want4) == 0);
    static const int want8[] = {0, 1, 2, 3, 4, 5, 6, 7};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_SPREAD, 8, want8) == 0);
}

static void test_spread_inside_allowed_subset(void)
{
    /* Package 0 offers cores 0 and 1, package 1 only core 4 (PU 8): two
     * workers still take one package each, before any core gets two. */
    static const int want2[] = {0, 8};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_SPREAD, 2, want2) == 0);
    static const int want3[] = {0, 2, 8};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_SPREAD, 3, want3) == 0);
    static const int want5[] = {0, 1, 2, 3, 8};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_SPREAD, 5, want5) == 0);
}

/* ---- single core, oversubscription, none --------------------------------- */

static void test_single_core(void)
{
    static const int want1[] = {0};
    SCAL_CHECK(check_plan(one_core, NULL, SCAL_BIND_COMPACT, 1, want1) == 0);
    SCAL_CHECK(check_plan(one_core, NULL, SCAL_BIND_SPREAD, 1, want1) == 0);
    static const int want3[] = {0, 0, 0};
    SCAL_CHECK(check_plan(one_core, NULL, SCAL_BIND_COMPACT, 3, want3) == 1);
    SCAL_CHECK(check_plan(one_core, NULL, SCAL_BIND_SPREAD, 3, want3) == 1);
    /* One core, two hardware threads: both used before any sharing. */
    static const int want2[] = {0, 1};
    SCAL_CHECK(check_plan("core:1 pu:2", NULL, SCAL_BIND_COMPACT, 2, want2) == 0);
    SCAL_CHECK(check_plan("core:1 pu:2", NULL, SCAL_BIND_SPREAD, 2, want2) == 0);
}

static void test_oversubscription_round_robin(void)
{
    static const int cwant[] = {0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15, 0, 2};
    SCAL_CHECK(check_plan(two_pack, NULL, SCAL_BIND_COMPACT, 18, cwant) == 1);
    static const int swant[] = {0, 1, 2, 3, 4, 5, 6, 7, 0, 1};
    SCAL_CHECK(check_plan(two_numa, NULL, SCAL_BIND_SPREAD, 10, swant) == 1);
    static const int subset[] = {0, 2, 8, 1, 3, 0, 2};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_COMPACT, 7, subset) == 1);
    /* Exactly as many workers as PUs is not oversubscribed. */
    static const int exact[] = {0, 2, 8, 1, 3};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_COMPACT, 5, exact) == 0);
}

static void test_none_leaves_whole_allowed_set(void)
{
    static const int unbound[] = {-1, -1, -1};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_NONE, 3, unbound) == 0);
    /* Oversubscription is about PUs, whoever binds: flagged under none too. */
    static const int unbound6[] = {-1, -1, -1, -1, -1, -1};
    SCAL_CHECK(check_plan(two_pack, "0-3,8", SCAL_BIND_NONE, 6, unbound6) == 1);
    /* Applying an unbound slot does nothing and succeeds. */
    scal_topo_t *t = load(two_pack, NULL);
    scal_bind_slot_t s = {.pu = -1, .core = -1};
    SCAL_CHECK(scal_bind_apply(t, &s) == 0);
    scal_topo_free(t);
}

static void test_slots_carry_machine_core(void)
{
    /* Core numbers are the machine's logical ones, even inside a subset
     * whose restricted view renumbers its cores from 0. */
    scal_topo_t *t = load(two_pack, "6-9");
    scal_bind_slot_t s[4];
    SCAL_CHECK(scal_bind_plan(t, SCAL_BIND_COMPACT, 4, s, NULL) == 0);
    SCAL_CHECK(s[0].pu == 6 && s[0].core == 3);
    SCAL_CHECK(s[1].pu == 8 && s[1].core == 4);
    SCAL_CHECK(s[2].pu == 7 && s[2].core == 3);
    SCAL_CHECK(s[3].pu == 9 && s[3].core == 4);
    scal_topo_free(t);
}

/* ---- external binding and defaults --------------------------------------- */

static void clear_hints(void)
{
    unsetenv("OMP_PLACES");
    unsetenv("OMP_PROC_BIND");
    unsetenv("OMPI_MCA_hwloc_base_binding_policy");
    unsetenv("SLURM_CPU_BIND");
}

static void test_default_compact_when_free(void)
{
    clear_hints();
    scal_topo_t *t = load(two_pack, NULL);
    char desc[256];
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 0);
    SCAL_CHECK(strcmp(desc, "not bound: PUs 0-15 are the whole allowed machine") == 0);
    SCAL_CHECK(scal_bind_default(t) == SCAL_BIND_COMPACT);
    SCAL_CHECK(scal_bind_resolve(t, SCAL_BIND_AUTO) == SCAL_BIND_COMPACT);
    SCAL_CHECK(scal_bind_resolve(t, SCAL_BIND_SPREAD) == SCAL_BIND_SPREAD);
    scal_topo_free(t);
    /* An explicit binding to the whole machine is no restriction. */
    t = load(two_pack, "0-15");
    SCAL_CHECK(scal_bind_external(t, NULL, 0) == 0);
    scal_topo_free(t);
}

static void test_default_none_when_launcher_bound(void)
{
    clear_hints();
    scal_topo_t *t = load(two_pack, "0");
    char desc[256];
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 1);
    SCAL_CHECK(strcmp(desc, "bound by launcher to PUs 0") == 0);
    SCAL_CHECK(scal_bind_default(t) == SCAL_BIND_NONE);
    SCAL_CHECK(scal_bind_resolve(t, SCAL_BIND_AUTO) == SCAL_BIND_NONE);
    /* AUTO in a plan means the default: nobody is moved. */
    scal_bind_slot_t s[2];
    int over = 0;
    SCAL_CHECK(scal_bind_plan(t, SCAL_BIND_AUTO, 2, s, &over) == 0);
    SCAL_CHECK(s[0].pu == -1 && s[1].pu == -1 && over == 1);
    scal_topo_free(t);
}

static void test_env_hints_name_the_binder(void)
{
    clear_hints();
    setenv("SLURM_CPU_BIND", "quiet,mask_cpu:0xF", 1);
    setenv("OMP_PROC_BIND", "false", 1); /* asks for no binding: not a hint */
    scal_topo_t *t = load(two_pack, "0-3");
    char desc[256];
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 1);
    SCAL_CHECK(strcmp(desc, "bound by Slurm to PUs 0-3 (SLURM_CPU_BIND=quiet,mask_cpu:0xF)") == 0);
    scal_topo_free(t);

    /* The outermost binder is named; every hint is listed. */
    clear_hints();
    setenv("OMP_PLACES", "cores", 1);
    setenv("OMPI_MCA_hwloc_base_binding_policy", "core", 1);
    t = load(two_pack, "0-1");
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 1);
    SCAL_CHECK(strcmp(desc, "bound by Open MPI to PUs 0-1 "
                            "(OMPI_MCA_hwloc_base_binding_policy=core, OMP_PLACES=cores)") == 0);
    scal_topo_free(t);
    clear_hints();
    setenv("OMP_PROC_BIND", "close", 1);
    t = load(two_pack, "0");
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 1);
    SCAL_CHECK(strcmp(desc, "bound by OpenMP runtime to PUs 0 (OMP_PROC_BIND=close)") == 0);
    scal_topo_free(t);

    /* A hint with an unrestricted cpuset: named, but the process is free. */
    clear_hints();
    setenv("OMP_PLACES", "cores", 1);
    setenv("OMPI_MCA_hwloc_base_binding_policy", "core", 1);
    t = load(two_pack, NULL);
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 0);
    SCAL_CHECK(strcmp(desc, "not bound: PUs 0-15 are the whole allowed machine "
                            "(OMPI_MCA_hwloc_base_binding_policy=core, OMP_PLACES=cores set)") ==
               0);
    SCAL_CHECK(scal_bind_default(t) == SCAL_BIND_COMPACT);
    scal_topo_free(t);

    /* Hints are read at load time, not later. */
    clear_hints();
    t = load(two_pack, "0");
    setenv("OMP_PLACES", "threads", 1);
    SCAL_CHECK(scal_bind_external(t, desc, sizeof desc) == 1);
    SCAL_CHECK(strstr(desc, "OMP_PLACES") == NULL);
    scal_topo_free(t);
    clear_hints();
}

/* ---- reports ------------------------------------------------------------- */

static void test_topology_text(void)
{
    clear_hints();
    scal_topo_t *t = load(two_pack, "0-3,8");
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    SCAL_CHECK(scal_topo_print(t, f) == 0);
    fclose(f);
    static const char golden[] = "topology: synthetic \"pack:2 core:4 pu:2\"\n"
                                 "packages: 2\n"
                                 "numa nodes: 1\n"
                                 "cores: 8\n"
                                 "pus: 16\n"
                                 "package 0: PUs 0-7 (4 cores)\n"
                                 "package 1: PUs 8-15 (4 cores)\n"
                                 "numa node 0: PUs 0-15 (8 cores)\n"
                                 "machine allowed pus: 0-15\n"
                                 "allowed pus: 0-3,8 (5 PUs on 3 cores)\n"
                                 "externally bound: yes (bound by launcher to PUs 0-3,8)\n"
                                 "default bind: none\n";
    SCAL_CHECK(text && strcmp(text, golden) == 0);
    if (text && strcmp(text, golden) != 0)
        fprintf(stderr, "got:\n%s", text);
    free(text);
    scal_topo_free(t);

    t = load(two_numa, NULL);
    text = NULL;
    f = open_memstream(&text, &len);
    SCAL_CHECK(scal_topo_print(t, f) == 0);
    fclose(f);
    SCAL_CHECK(text && strstr(text, "numa nodes: 2\n"));
    SCAL_CHECK(text && strstr(text, "numa node 1: PUs 4-7 (4 cores)\n"));
    SCAL_CHECK(text && strstr(text, "externally bound: no ("));
    SCAL_CHECK(text && strstr(text, "default bind: compact\n"));
    free(text);
    scal_topo_free(t);
}

static void test_report_lines(void)
{
    scal_topo_t *t = load(two_pack, "0-3,8");
    scal_bind_slot_t s[4];
    SCAL_CHECK(scal_bind_plan(t, SCAL_BIND_COMPACT, 4, s, NULL) == 0);
    char line[128];
    SCAL_CHECK(scal_bind_format_line(line, sizeof line, t, "host0", 0, 1, &s[1]) > 0);
    SCAL_CHECK(strcmp(line, "host0 rank 0 thread 1 -> PU 2 (core 1)") == 0);
    SCAL_CHECK(scal_bind_format_line(line, sizeof line, t, "n7", 3, 2, &s[2]) > 0);
    SCAL_CHECK(strcmp(line, "n7 rank 3 thread 2 -> PU 8 (core 4)") == 0);
    scal_bind_slot_t unbound = {.pu = -1, .core = -1};
    SCAL_CHECK(scal_bind_format_line(line, sizeof line, t, "host0", 1, 0, &unbound) > 0);
    SCAL_CHECK(strcmp(line, "host0 rank 1 thread 0 -> PUs 0-3,8 (unbound)") == 0);
    /* snprintf semantics: the length is reported even when it does not fit. */
    char tiny[8];
    int n = scal_bind_format_line(tiny, sizeof tiny, t, "host0", 0, 1, &s[1]);
    SCAL_CHECK(n == (int)strlen("host0 rank 0 thread 1 -> PU 2 (core 1)") && strlen(tiny) == 7);
    SCAL_CHECK(scal_bind_format_line(line, sizeof line, t, NULL, 0, 0, &s[0]) == -1);

    SCAL_CHECK(scal_bind_format_oversub(line, sizeof line, t, 7) > 0);
    SCAL_CHECK(strcmp(line, "warning: 7 workers on 5 allowed PUs (0-3,8): oversubscribed, "
                            "PUs are shared round-robin") == 0);
    scal_topo_free(t);
}

int main(void)
{
    SCAL_RUN(test_parse_policy);
    SCAL_RUN(test_bad_inputs_are_refused);
    SCAL_RUN(test_counts);
    SCAL_RUN(test_compact_one_pu_per_core_first);
    SCAL_RUN(test_compact_single_pu_cores);
    SCAL_RUN(test_compact_reports_os_indices);
    SCAL_RUN(test_compact_inside_allowed_subset);
    SCAL_RUN(test_spread_packages_first);
    SCAL_RUN(test_spread_numa_first);
    SCAL_RUN(test_spread_inside_allowed_subset);
    SCAL_RUN(test_single_core);
    SCAL_RUN(test_oversubscription_round_robin);
    SCAL_RUN(test_none_leaves_whole_allowed_set);
    SCAL_RUN(test_slots_carry_machine_core);
    SCAL_RUN(test_default_compact_when_free);
    SCAL_RUN(test_default_none_when_launcher_bound);
    SCAL_RUN(test_env_hints_name_the_binder);
    SCAL_RUN(test_topology_text);
    SCAL_RUN(test_report_lines);
    return SCAL_TEST_END();
}
