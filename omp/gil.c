/* gil.c - the emulated global interpreter lock (see gil.h). */
#include "gil.h"

#include <errno.h>
#include <time.h>

#include "scal_time.h"

int scal_gil_init(scal_gil_t *g, double interval_s)
{
    pthread_condattr_t attr;
    if (pthread_mutex_init(&g->mu, NULL) != 0 || pthread_condattr_init(&attr) != 0)
        return -1;
    /* The timed wait runs on the same monotonic clock as all our timing. */
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_cond_init(&g->released, &attr) | pthread_cond_init(&g->switched, &attr);
    pthread_condattr_destroy(&attr);
    g->locked = 0;
    g->waiters = 0;
    g->switch_number = 0;
    atomic_init(&g->drop_request, 0);
    g->interval = interval_s;
    return rc == 0 ? 0 : -1;
}

void scal_gil_destroy(scal_gil_t *g)
{
    pthread_cond_destroy(&g->released);
    pthread_cond_destroy(&g->switched);
    pthread_mutex_destroy(&g->mu);
}

static struct timespec deadline_after(double seconds)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long ns = ts.tv_nsec + (long)(seconds * 1e9);
    ts.tv_sec += ns / 1000000000L;
    ts.tv_nsec = ns % 1000000000L;
    return ts;
}

double scal_gil_take(scal_gil_t *g)
{
    double t0 = scal_now();
    pthread_mutex_lock(&g->mu);
    if (g->locked) {
        g->waiters++;
        while (g->locked) {
            unsigned long seen = g->switch_number;
            struct timespec until = deadline_after(g->interval);
            int rc = pthread_cond_timedwait(&g->released, &g->mu, &until);
            /* A whole interval passed and nobody else got the lock: ask
             * the holder to let go at its next switch point. */
            if (rc == ETIMEDOUT && g->locked && g->switch_number == seen)
                atomic_store_explicit(&g->drop_request, 1, memory_order_relaxed);
        }
        g->waiters--;
    }
    g->locked = 1;
    g->switch_number++;
    atomic_store_explicit(&g->drop_request, 0, memory_order_relaxed);
    pthread_cond_broadcast(&g->switched);
    pthread_mutex_unlock(&g->mu);
    return scal_now() - t0;
}

void scal_gil_drop(scal_gil_t *g, int forced)
{
    pthread_mutex_lock(&g->mu);
    g->locked = 0;
    pthread_cond_signal(&g->released);
    if (forced && g->waiters > 0) {
        unsigned long seen = g->switch_number;
        while (g->switch_number == seen)
            pthread_cond_wait(&g->switched, &g->mu);
    }
    pthread_mutex_unlock(&g->mu);
}

double scal_gil_switch_point(scal_gil_t *g)
{
    if (!atomic_load_explicit(&g->drop_request, memory_order_relaxed))
        return 0.0;
    scal_gil_drop(g, 1);
    return scal_gil_take(g);
}
