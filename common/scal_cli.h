/* scal_cli.h - the engines' command line: a table of options, parsed into
 * scal_config_t, with --help generated from the same table. */
#ifndef SCAL_CLI_H
#define SCAL_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "scal_config.h"

enum { SCAL_CLI_OK = 0, SCAL_CLI_EXIT = 1, SCAL_CLI_ERROR = 2 };

/* ---- the option table ----
 *
 * Every engine option is one row: the engines' own (dispatch, output) in
 * cli.c, each workload's in that workload's file, listed by its descriptor
 * (scal_workload_t.options).  The rows drive the engines' parser, their
 * --help, and scal-run's job-file keys and checks; nothing else lists an
 * option. */

typedef enum scal_opt_kind {
    SCAL_OPT_U64,    /* uint64_t, a whole number in [umin, umax] */
    SCAL_OPT_INT,    /* int, a whole number in [umin, umax] */
    SCAL_OPT_DOUBLE, /* double, a finite number in [dmin, dmax] */
    SCAL_OPT_ENUM,   /* int, the index of one of `choices` */
    SCAL_OPT_STR,    /* const char *, a non-empty string (the argv word itself) */
    SCAL_OPT_FLAG,   /* int, 1 when given; takes no value (a job file's on|off) */
} scal_opt_kind_t;

enum {
    SCAL_OPT_NOT_A_KEY = 1u << 0, /* no job-file key: scal-run sets it (--format, --repeat...) */
    SCAL_OPT_INPUT = 1u << 1,     /* SCAL_OPT_STR naming a file the engine reads: a job file
                                   * resolves it against its own folder and checks it first */
    SCAL_OPT_SIZE = 1u << 2,      /* the problem size: job files' `weak = KEY` may grow it */
};

typedef struct scal_option {
    const char *name;           /* long name, no dashes */
    scal_opt_kind_t kind;
    size_t off;                 /* offsetof(scal_config_t, its field) */
    uint64_t umin, umax;        /* SCAL_OPT_U64, SCAL_OPT_INT */
    double dmin, dmax;          /* SCAL_OPT_DOUBLE */
    const char *const *choices; /* SCAL_OPT_ENUM, NULL-terminated */
    unsigned engines;           /* SCAL_ENGINE_* mask */
    unsigned flags;             /* SCAL_OPT_NOT_A_KEY | SCAL_OPT_INPUT | SCAL_OPT_SIZE */
    const char *meta, *help;    /* --help: "--name META  help [range] (default) {workloads}" */
} scal_option_t;

/* Option i of the whole table, or NULL past the last: the engines' own rows,
 * then every workload's (in workload-table order; a row several workloads
 * list comes once).  Two rows may share a name for different engines. */
const scal_option_t *scal_option_at(size_t i);
/* The row `name` has for any engine in `engines` (a SCAL_ENGINE_* mask), or
 * NULL. */
const scal_option_t *scal_option_find(const char *name, unsigned engines);
/* Whether workload `i` of the workload table (scal_workload_at) takes o:
 * an engine row applies to every workload, a workload's row to the
 * workloads that list it. */
int scal_option_for_workload(const scal_option_t *o, size_t i);
/* Check `value` for o exactly as the engines' parser does (a flag takes
 * "on"); store it into cfg when cfg is not NULL.  Returns 0, or -1 with
 * what was expected in `expected` ("an integer >= 1", "a whole number in
 * 1..4096", "a number in 0..1e+09", "map|submit|as-completed"). */
int scal_option_value(const scal_option_t *o, const char *value, scal_config_t *cfg,
                      char *expected, size_t len);

/* The value o has when not given, for `engine` ("omp" or "mpi"), as --help
 * shows it: "" when it has none fixed (a flag, a file, chunk's 0: chosen by
 * the pool, omp's threads: the CPUs this process may use). */
void scal_option_default(const scal_option_t *o, const char *engine, char *buf, size_t len);

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
