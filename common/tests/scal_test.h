/* scal_test.h - the few assertions the C unit tests need.
 *
 * A test file defines test functions and lists them in main() with
 * SCAL_RUN(name); a failed check prints file:line and the values, the test
 * goes on, and main returns non-zero if any check failed. */
#ifndef SCAL_TEST_H
#define SCAL_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int scal_test_failures;
static int scal_test_checks;

#define SCAL_CHECK(cond)                                                        \
    do {                                                                        \
        scal_test_checks++;                                                     \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            scal_test_failures++;                                               \
        }                                                                       \
    } while (0)

#define SCAL_CHECK_EQ_U64(a, b)                                                 \
    do {                                                                        \
        uint64_t va_ = (uint64_t)(a), vb_ = (uint64_t)(b);                      \
        scal_test_checks++;                                                     \
        if (va_ != vb_) {                                                       \
            fprintf(stderr, "%s:%d: %s == %s failed: %" PRIu64 " != %" PRIu64 "\n", \
                    __FILE__, __LINE__, #a, #b, va_, vb_);                      \
            scal_test_failures++;                                               \
        }                                                                       \
    } while (0)

#define SCAL_CHECK_NEAR(a, b, tol)                                              \
    do {                                                                        \
        double va_ = (a), vb_ = (b);                                            \
        scal_test_checks++;                                                     \
        if (!(va_ - vb_ <= (tol) && vb_ - va_ <= (tol))) {                      \
            fprintf(stderr, "%s:%d: %s ~ %s failed: %g vs %g (tol %g)\n",       \
                    __FILE__, __LINE__, #a, #b, va_, vb_, (double)(tol));       \
            scal_test_failures++;                                               \
        }                                                                       \
    } while (0)

#define SCAL_RUN(fn)                                                            \
    do {                                                                        \
        int before_ = scal_test_failures;                                       \
        fn();                                                                   \
        fprintf(stderr, "%s %s\n", scal_test_failures == before_ ? "PASS" : "FAIL", #fn); \
    } while (0)

#define SCAL_TEST_END()                                                         \
    (fprintf(stderr, "%d checks, %d failed\n", scal_test_checks, scal_test_failures), \
     scal_test_failures != 0)

#endif
