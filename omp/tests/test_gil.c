/* test_gil.c - the emulated GIL excludes, hands over when asked, and is
 * free while its holder blocks.  Bounds are generous: the machine is shared;
 * a broken lock misses them by orders of magnitude. */
#include <pthread.h>
#include <stdatomic.h>

#include "gil.h"
#include "scal_test.h"
#include "scal_time.h"

#define INTERVAL 0.005

typedef struct shared {
    scal_gil_t gil;
    atomic_int inside, max_inside;
    atomic_int holder_running;
    double hold_for;
    double waited;
} shared_t;

static void *compute_under_gil(void *arg)
{
    shared_t *s = arg;
    scal_gil_take(&s->gil);
    double until = scal_now() + s->hold_for;
    while (scal_now() < until) {
        int now_inside = atomic_fetch_add(&s->inside, 1) + 1;
        int m = atomic_load(&s->max_inside);
        if (now_inside > m)
            atomic_store(&s->max_inside, now_inside);
        atomic_fetch_sub(&s->inside, 1);
        scal_gil_switch_point(&s->gil);
    }
    scal_gil_drop(&s->gil, 0);
    return NULL;
}

static void test_at_most_one_thread_computes(void)
{
    shared_t s = {.hold_for = 0.05};
    scal_gil_init(&s.gil, INTERVAL);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, compute_under_gil, &s);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    SCAL_CHECK(atomic_load(&s.max_inside) == 1);
    scal_gil_destroy(&s.gil);
}

static void *hold_with_switch_points(void *arg)
{
    shared_t *s = arg;
    scal_gil_take(&s->gil);
    atomic_store(&s->holder_running, 1);
    double until = scal_now() + s->hold_for;
    while (scal_now() < until)
        scal_gil_switch_point(&s->gil);
    scal_gil_drop(&s->gil, 0);
    return NULL;
}

/* A waiter gets the lock after about one interval, not when the holder is
 * done: the holder must honour the drop request. */
static void test_waiter_gets_lock_within_intervals(void)
{
    shared_t s = {.hold_for = 1.0};
    scal_gil_init(&s.gil, INTERVAL);
    pthread_t t;
    pthread_create(&t, NULL, hold_with_switch_points, &s);
    while (!atomic_load(&s.holder_running))
        ;
    double waited = scal_gil_take(&s.gil);
    unsigned long taken_at = s.gil.switch_number;
    /* Hold it for a while: the old holder must not take it back unasked. */
    scal_sleep(0.002);
    SCAL_CHECK(s.gil.switch_number == taken_at);
    scal_gil_drop(&s.gil, 0);
    pthread_join(t, NULL);
    SCAL_CHECK(waited < 0.3);
    scal_gil_destroy(&s.gil);
}

static void *block_inside(void *arg)
{
    shared_t *s = arg;
    scal_gil_take(&s->gil);
    atomic_store(&s->holder_running, 1);
    scal_gil_drop(&s->gil, 0); /* as a sleeping task does */
    scal_sleep(0.5);
    scal_gil_take(&s->gil);
    scal_gil_drop(&s->gil, 0);
    return NULL;
}

static void test_lock_is_free_while_holder_sleeps(void)
{
    shared_t s = {0};
    scal_gil_init(&s.gil, INTERVAL);
    pthread_t t;
    pthread_create(&t, NULL, block_inside, &s);
    while (!atomic_load(&s.holder_running))
        ;
    scal_sleep(0.01);
    double waited = scal_gil_take(&s.gil);
    scal_gil_drop(&s.gil, 0);
    pthread_join(t, NULL);
    SCAL_CHECK(waited < 0.25);
    scal_gil_destroy(&s.gil);
}

int main(void)
{
    SCAL_RUN(test_at_most_one_thread_computes);
    SCAL_RUN(test_waiter_gets_lock_within_intervals);
    SCAL_RUN(test_lock_is_free_while_holder_sleeps);
    return SCAL_TEST_END();
}
