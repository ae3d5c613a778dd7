/* fuzz_jobfile.c - libFuzzer target for scal-run's job files.
 *
 * Each input is the whole content of a job file, written to NAME.job in a
 * private temporary folder that also holds two readable files (g.mtx,
 * p.csv) for the file keys to name.  A job that loads is expanded into its
 * sweep, and every point's command is built (without looking for the
 * programs) and printed into memory, as --dry-run does; so is the runs.csv
 * header.  A refusal must carry a message and exit status 2, as every job-file
 * mistake is bad input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobfile.h"
#include "runs.h"
#include "sweep.h"
#include "util.h"

#define REQUIRE(cond)                                                             \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "fuzz_jobfile: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                              \
        }                                                                         \
    } while (0)

#define FUZZ_COMMANDS 500

static char *dir, *job_path, *aux[2];
static sr_tools_t tools;

static void drop_dir(void)
{
    unlink(job_path);
    for (int i = 0; i < 2; i++)
        unlink(aux[i]);
    rmdir(dir);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    REQUIRE(f);
    REQUIRE(fwrite(data, 1, size, f) == size);
    REQUIRE(fclose(f) == 0);
}

static void set_up(void)
{
    /* mkdtemp's template: six 'X' */
    char tmpl[] = "/tmp/fuzz_jobfile." "X" "X" "X" "X" "X" "X";
    REQUIRE(mkdtemp(tmpl));
    dir = sr_xstrdup(tmpl);
    job_path = sr_xasprintf("%s/fuzz.job", dir);
    aux[0] = sr_xasprintf("%s/g.mtx", dir);
    aux[1] = sr_xasprintf("%s/p.csv", dir);
    write_file(aux[0], (const uint8_t *)"%%MatrixMarket matrix coordinate pattern general\n1 1 0\n",
               55);
    write_file(aux[1], (const uint8_t *)"0,0\n", 4);
    atexit(drop_dir);
    sr_tools_find(&tools);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir)
        set_up();
    write_file(job_path, data, size);

    sr_job_t job;
    sr_err_t err = {0};
    if (sr_job_load(job_path, &job, &err) != 0) {
        REQUIRE(err.status == SR_EXIT_USAGE && err.msg[0]);
        sr_job_free(&job);
        return 0;
    }
    REQUIRE(job.nseries >= 1);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    REQUIRE(plan.n >= job.nseries && plan.nsweep >= 1);
    sr_buf_t text = {0};
    sr_runs_header(&plan, &text);
    /* A job may hold 100000 runs; their commands differ only in values, so
     * the first few hundred and the last one show any fault. */
    for (size_t i = 0; i < plan.n; i++) {
        if (i == FUZZ_COMMANDS)
            i = plan.n - 1;
        sr_cmd_t cmd;
        REQUIRE(sr_point_command(&job, &plan.pts[i], &tools, "/results", 0, &cmd, &err) == 0);
        REQUIRE(plan.pts[i].workers >= 1 && plan.pts[i].id[0]);
        sr_cmd_format(&cmd, &text);
        sr_cmd_free(&cmd);
    }
    sr_buf_free(&text);
    sr_plan_free(&plan);
    sr_job_free(&job);
    return 0;
}
