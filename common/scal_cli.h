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
/* The same, with why it was refused in `why` ("not a number", "too large
 * for a double", "out of range").  A value that underflows (1e-320, a
 * subnormal; 1e-400, which rounds to 0) is representable and accepted. */
int scal_parse_double_why(const char *s, double min, double max, double *out, char *why,
                          size_t whylen);

/* Check the files a parsed command line names, before anything is
 * written: no two of --graph, --pairs-file, --out, --trace, --write-graph
 * the same file (scal_files_distinct), and every output writable
 * (scal_output_check).  Returns 0, or -1 with err naming the options and
 * the path (exit 2). */
int scal_cli_check_files(const scal_config_t *cfg, char *err, size_t errlen);

/* ---- rules between options, one table for the engines and scal-run ---- */

typedef enum { SCAL_RULE_EXCLUDES, SCAL_RULE_NEEDS } scal_rule_kind_t;

typedef struct scal_option_rule {
    scal_rule_kind_t kind;
    const char *a, *a_value;   /* the option, and the value the rule is about (NULL: any) */
    const char *b, *b_values;  /* EXCLUDES: b given; NEEDS: b's value in "x|y" */
    const char *c;             /* EXCLUDES: only when c is given too (NULL: b alone) */
    const char *why;
} scal_option_rule_t;

typedef struct scal_rule_violation {
    const scal_option_rule_t *rule;
    const char *a_value, *b_value;
    int b_given;               /* 0: b_value is b's default */
    char b_default[64];
} scal_rule_violation_t;

/* The i-th value given for option `name` (long name, no dashes), or NULL
 * after the last; a flag given is "on", a flag off is not given. */
typedef const char *(*scal_option_value_fn)(void *ctx, const char *name, int i);

/* Check every rule against the options `given` reports, for `engine`
 * (SCAL_ENGINE_*; rules about options it lacks do not apply).  Lists (a job
 * file's comma lists, every value meeting every other) are checked value by
 * value.  Returns 0, or -1 with the first broken rule in v. */
int scal_option_rules_check(scal_option_value_fn given, void *ctx, unsigned engine,
                            scal_rule_violation_t *v);
/* The message for v, options spelled with `dashes` ("--" or ""); returns -1. */
int scal_option_rule_text(const scal_rule_violation_t *v, const char *dashes, char *err,
                          size_t errlen);
/* Rule i, or NULL past the last. */
const scal_option_rule_t *scal_option_rule_at(size_t i);

/* Names of enum values, for messages and records. */
const char *scal_pool_name(int pool);
const char *scal_share_name(int share);

#endif
