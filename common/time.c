/* time.c - the monotonic clock, sleeping and spinning. */
#include "scal_time.h"

#include <errno.h>
#include <math.h>
#include <time.h>

double scal_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void scal_sleep(double seconds)
{
    if (!(seconds > 0))
        return;
    struct timespec req;
    req.tv_sec = (time_t)seconds;
    req.tv_nsec = (long)((seconds - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec >= 1000000000L) {
        req.tv_sec++;
        req.tv_nsec -= 1000000000L;
    }
    while (nanosleep(&req, &req) != 0 && errno == EINTR)
        ;
}

void scal_spin(double seconds)
{
    if (!(seconds > 0))
        return;
    double until = scal_now() + seconds;
    while (scal_now() < until)
        ;
}

double scal_clock_resolution(void)
{
    double best = INFINITY;
    for (int i = 0; i < 20; i++) {
        double t0 = scal_now(), t1;
        while ((t1 = scal_now()) == t0)
            ;
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    return best;
}
