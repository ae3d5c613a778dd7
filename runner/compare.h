/* compare.h - `scal-run --compare OLD NEW`: two results folders, point by point.
 *
 * A point is a run id (`series/key=value...`) of runs.csv; its values are
 * the wall times of its ok repetitions. For each point both folders hold:
 * the ratio of medians NEW / OLD (above 1: NEW is slower) with its 95% CI
 * (percentile bootstrap, the stats.c one, from a fixed seed so a comparison
 * repeats exactly), and the Mann-Whitney U test of NEW against OLD. A point
 * is "slower" when the test is significant (p < SR_CMP_ALPHA), the CI lies
 * above 1 and the ratio exceeds 1 + threshold (the noise threshold);
 * "faster" the mirror image (CI below 1, ratio under 1 / (1 + threshold));
 * else "no change". */
#ifndef SR_COMPARE_H
#define SR_COMPARE_H

#include <stddef.h>

#define SR_CMP_ALPHA 0.05
#define SR_CMP_THRESHOLD 0.05      /* default noise threshold: 5% */
#define SR_CMP_SEED 20151115ULL    /* the bootstrap's seed (one stream per point) */

typedef enum sr_cmp_label { SR_CMP_NO_CHANGE, SR_CMP_FASTER, SR_CMP_SLOWER } sr_cmp_label_t;

typedef struct sr_cmp_point {
    double old_median, new_median;
    double ratio, ratio_lo, ratio_hi; /* NEW / OLD medians and its 95% CI */
    double u, p;                      /* Mann-Whitney U of NEW against OLD, two-sided p */
    sr_cmp_label_t label;
} sr_cmp_point_t;

/* The comparison of one point's walls. Returns 0, or -1 when a set is
 * empty. */
int sr_cmp_point(const double *old, size_t nold, const double *new_, size_t nnew, double threshold,
                 unsigned long long seed, sr_cmp_point_t *out);
const char *sr_cmp_label_name(sr_cmp_label_t l);

/* scal-run --compare: argv holds what followed --compare (OLD NEW and
 * options). Returns the exit status. */
int sr_compare_main(int argc, char **argv);

#endif
