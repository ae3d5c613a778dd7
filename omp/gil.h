/* gil.h - an emulated global interpreter lock, after CPython's (ceval_gil.c
 * since 3.2): one lock; a thread that waits longer than the switch interval
 * without the holder changing sets a drop request; the holder sees it at its
 * next switch point, releases, and then waits until another thread has taken
 * the lock (forced switching), so it cannot simply take it back.  A thread
 * releases the lock while it blocks (a sleep), as CPython does around I/O. */
#ifndef SCAL_GIL_H
#define SCAL_GIL_H

#include <pthread.h>
#include <stdatomic.h>

typedef struct scal_gil {
    pthread_mutex_t mu;
    pthread_cond_t released;  /* signalled when the lock is let go */
    pthread_cond_t switched;  /* broadcast when a thread takes the lock */
    int locked;
    int waiters;
    unsigned long switch_number; /* how many times the lock was taken */
    atomic_int drop_request;
    double interval;
} scal_gil_t;

/* Returns 0, or -1 if the pthread objects could not be created. */
int scal_gil_init(scal_gil_t *g, double interval_s);
void scal_gil_destroy(scal_gil_t *g);

/* Take the lock; returns the seconds spent waiting for it. */
double scal_gil_take(scal_gil_t *g);

/* Let the lock go.  forced: the release answers a drop request, so wait
 * until another thread has taken it before returning. */
void scal_gil_drop(scal_gil_t *g, int forced);

/* A switch point: if a waiter asked for the lock, hand it over and take it
 * back afterwards.  Returns the seconds spent waiting (0 if no switch). */
double scal_gil_switch_point(scal_gil_t *g);

#endif
