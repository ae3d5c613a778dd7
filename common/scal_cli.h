/* scal_cli.h - the engines' command line: a table of options, parsed into
 * scal_config_t, with --help generated from the same table. */
#ifndef SCAL_CLI_H
#define SCAL_CLI_H

#include <stdio.h>

#include "scal_config.h"

enum { SCAL_CLI_OK = 0, SCAL_CLI_EXIT = 1, SCAL_CLI_ERROR = 2 };

/* Parse argv (argv[1] is the workload, or --help / --version) for the
 * engine in cfg->engine (cfg must hold scal_config_defaults()).
 * Returns SCAL_CLI_OK; SCAL_CLI_EXIT after printing --help or --version to
 * `out` (exit 0); or SCAL_CLI_ERROR with a message naming the option and
 * the bad value in err (exit 2).  Nothing is opened or written. */
int scal_cli_parse(scal_config_t *cfg, int argc, char **argv, FILE *out,
                   char *err, size_t errlen);

/* Check `value` for the numeric engine option `name` (its long name, no
 * dashes) against the same type and range the engines' parser applies, so
 * that a job file is refused before anything runs.  Options of both engines
 * share their ranges.  Returns 0 (also for a name that is not a numeric
 * option), or -1 with what was expected in err ("a whole number in
 * 1..4096"). */
int scal_option_check(const char *name, const char *value, char *err, size_t errlen);

/* Parse a whole decimal number in [min, max] from s: no sign, no junk, no
 * overflow.  Returns 0, or -1. */
int scal_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out);

/* Parse a finite double in [min, max].  Returns 0, or -1. */
int scal_parse_double(const char *s, double min, double max, double *out);

/* Names of enum values, for messages and records. */
const char *scal_pool_name(int pool);
const char *scal_share_name(int share);

#endif
