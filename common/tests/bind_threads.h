/* bind_threads.h - run workers as pthreads that bind themselves to a plan and
 * record what the kernel then says about them, for the binding tests on the
 * real machine. Checks happen in main, after the join: scal_test.h's
 * counters are not thread-safe. */
#ifndef BIND_THREADS_H
#define BIND_THREADS_H

#include "scal_bind.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>

typedef struct {
    const scal_topo_t *topo;
    scal_bind_slot_t slot;
    int rc, err;     /* scal_bind_apply's result */
    cpu_set_t mask;  /* sched_getaffinity of the thread after binding */
    int mask_rc;
    int ran_on;      /* scal_bind_current_pu after binding */
} bind_worker_t;

static void *bind_worker_main(void *arg)
{
    bind_worker_t *w = arg;
    errno = 0;
    w->rc = scal_bind_apply(w->topo, &w->slot);
    w->err = errno;
    CPU_ZERO(&w->mask);
    w->mask_rc = sched_getaffinity(0, sizeof w->mask, &w->mask); /* 0: this thread */
    w->ran_on = scal_bind_current_pu(w->topo);
    return NULL;
}

/* Start n workers on slots[0..n-1] (n <= 8) and wait for them; 0 or -1. */
static int bind_run_workers(const scal_topo_t *t, const scal_bind_slot_t *slots, int n,
                            bind_worker_t *out)
{
    pthread_t th[8];
    if (n > 8)
        return -1;
    for (int i = 0; i < n; i++) {
        out[i] = (bind_worker_t){.topo = t, .slot = slots[i], .ran_on = -1};
        if (pthread_create(&th[i], NULL, bind_worker_main, &out[i]) != 0)
            return -1;
    }
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
    return 0;
}

/* The mask holds exactly the one CPU `cpu`. */
static int mask_is_only(const cpu_set_t *m, int cpu)
{
    return cpu >= 0 && CPU_COUNT(m) == 1 && CPU_ISSET(cpu, m);
}

#endif
