/* scal_rng.h - counter-based random numbers.
 *
 * Every random quantity in scalestudy (sleep durations, graph rows, query
 * pairs) is drawn from a stream keyed by (seed, stream id): a sleep task k
 * uses stream k, a graph row i uses stream i.  A stream is a SplitMix64
 * sequence (Steele, Lea, Flood 2014) started at a key that mixes the seed and
 * the stream id, so any worker can regenerate any stream alone and every
 * engine, pool and thread count sees the same numbers.
 */
#ifndef SCAL_RNG_H
#define SCAL_RNG_H

#include <math.h>
#include <stdint.h>

#define SCAL_RNG_GOLDEN 0x9e3779b97f4a7c15ULL

typedef struct scal_rng {
    uint64_t state;
} scal_rng_t;

/* The SplitMix64 output function: a bijection on 64-bit words. */
static inline uint64_t scal_mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Start stream `stream` of seed `seed`.  Distinct streams of one seed get
 * distinct keys (stream * golden is a bijection, and so is scal_mix64). */
static inline scal_rng_t scal_rng_init(uint64_t seed, uint64_t stream)
{
    scal_rng_t r;
    r.state = scal_mix64(scal_mix64(seed) ^ (stream * SCAL_RNG_GOLDEN + 0x2545f4914f6cdd1dULL));
    return r;
}

static inline uint64_t scal_rng_next(scal_rng_t *r)
{
    r->state += SCAL_RNG_GOLDEN;
    return scal_mix64(r->state);
}

/* Uniform double in [0, 1), 53 random bits. */
static inline double scal_rng_uniform(scal_rng_t *r)
{
    return (double)(scal_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform double in (0, 1]: safe to take the logarithm of. */
static inline double scal_rng_uniform_pos(scal_rng_t *r)
{
    return (double)((scal_rng_next(r) >> 11) + 1) * 0x1.0p-53;
}

/* Standard normal deviate by the Box-Muller transform (one of the pair). */
static inline double scal_rng_normal(scal_rng_t *r)
{
    double u1 = scal_rng_uniform_pos(r);
    double u2 = scal_rng_uniform(r);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * 3.14159265358979323846 * u2);
}

/* Uniform integer in [0, n), n > 0, without modulo bias (Lemire 2019). */
static inline uint64_t scal_rng_below(scal_rng_t *r, uint64_t n)
{
    uint64_t x = scal_rng_next(r);
    __uint128_t m = (__uint128_t)x * n;
    uint64_t low = (uint64_t)m;
    if (low < n) {
        uint64_t t = (0 - n) % n;
        while (low < t) {
            x = scal_rng_next(r);
            m = (__uint128_t)x * n;
            low = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

#endif
