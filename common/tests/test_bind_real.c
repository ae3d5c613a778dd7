/* test_bind_real.c - binding on this machine: the allowed set is what the
 * process may use, a bound thread's kernel affinity is exactly its planned
 * PU, it runs there, and binding one thread leaves the others alone. */
#include "bind_threads.h"
#include "scal_test.h"

#include <hwloc.h>
#include <stdlib.h>

static scal_topo_t *topo;

/* The process affinity at start, before any thread is bound. */
static cpu_set_t start_mask;

static void test_allowed_is_process_affinity(void)
{
    char buf[1024];
    SCAL_CHECK(scal_topo_allowed(topo, buf, sizeof buf) > 0);
    hwloc_bitmap_t allowed = hwloc_bitmap_alloc();
    SCAL_CHECK(hwloc_bitmap_list_sscanf(allowed, buf) == 0);
    int n = 0;
    for (int cpu = hwloc_bitmap_first(allowed); cpu >= 0; cpu = hwloc_bitmap_next(allowed, cpu)) {
        SCAL_CHECK(CPU_ISSET(cpu, &start_mask));
        n++;
    }
    SCAL_CHECK(n >= 1 && n == scal_topo_npus(topo));
    hwloc_bitmap_free(allowed);
}

static void test_bound_thread_runs_on_planned_pu(void)
{
    scal_bind_slot_t slots[2];
    int over = -1;
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_COMPACT, 2, slots, &over) == 0);
    SCAL_CHECK(over == (scal_topo_npus(topo) < 2));
    bind_worker_t w[2];
    SCAL_CHECK(bind_run_workers(topo, slots, 2, w) == 0);
    for (int i = 0; i < 2; i++) {
        if (w[i].rc != 0)
            fprintf(stderr, "worker %d: bind to PU %d: %s\n", i, slots[i].pu, strerror(w[i].err));
        SCAL_CHECK(w[i].rc == 0 && w[i].mask_rc == 0);
        SCAL_CHECK(mask_is_only(&w[i].mask, slots[i].pu));
        SCAL_CHECK_EQ_U64(w[i].ran_on, slots[i].pu);
    }
    if (scal_topo_npus(topo) >= 2)
        SCAL_CHECK(slots[0].pu != slots[1].pu);
}

static void test_spread_threads_too(void)
{
    scal_bind_slot_t slots[2];
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_SPREAD, 2, slots, NULL) == 0);
    bind_worker_t w[2];
    SCAL_CHECK(bind_run_workers(topo, slots, 2, w) == 0);
    for (int i = 0; i < 2; i++) {
        SCAL_CHECK(w[i].rc == 0 && mask_is_only(&w[i].mask, slots[i].pu));
        SCAL_CHECK_EQ_U64(w[i].ran_on, slots[i].pu);
    }
}

static void test_unbound_slot_keeps_inherited_affinity(void)
{
    scal_bind_slot_t slots[2];
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_NONE, 2, slots, NULL) == 0);
    bind_worker_t w[2];
    SCAL_CHECK(bind_run_workers(topo, slots, 2, w) == 0);
    for (int i = 0; i < 2; i++) {
        SCAL_CHECK(w[i].rc == 0);
        SCAL_CHECK(CPU_EQUAL(&w[i].mask, &start_mask));
        SCAL_CHECK(w[i].ran_on >= 0 && CPU_ISSET(w[i].ran_on, &start_mask));
    }
}

static void test_main_thread_untouched(void)
{
    /* Workers bind themselves with HWLOC_CPUBIND_THREAD, never the process. */
    cpu_set_t now;
    SCAL_CHECK(sched_getaffinity(0, sizeof now, &now) == 0);
    SCAL_CHECK(CPU_EQUAL(&now, &start_mask));
}

static void test_refuses_pu_outside_allowed(void)
{
    scal_bind_slot_t s = {.pu = 4095, .core = -1};
    errno = 0;
    SCAL_CHECK(scal_bind_apply(topo, &s) == -1 && errno == EINVAL);
}

static void test_current_pu_is_allowed(void)
{
    int cpu = scal_bind_current_pu(topo);
    SCAL_CHECK(cpu >= 0 && CPU_ISSET(cpu, &start_mask));
    cpu = scal_bind_current_pu(NULL); /* without the hwloc fallback */
    SCAL_CHECK(cpu >= 0 && CPU_ISSET(cpu, &start_mask));
}

static void test_topology_text_of_this_machine(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    SCAL_CHECK(scal_topo_print(topo, f) == 0);
    fclose(f);
    SCAL_CHECK(text && strncmp(text, "topology: this machine (hwloc ", 30) == 0);
    SCAL_CHECK(text && strstr(text, "\nallowed pus: "));
    SCAL_CHECK(text && strstr(text, "\ndefault bind: "));
    if (text)
        fputs(text, stderr); /* what the machine looked like, for the log */
    free(text);
}

int main(void)
{
    if (sched_getaffinity(0, sizeof start_mask, &start_mask) != 0) {
        perror("sched_getaffinity");
        return 1;
    }
    char err[256] = "";
    topo = scal_topo_load(err, sizeof err);
    if (!topo) {
        fprintf(stderr, "scal_topo_load: %s\n", err);
        return 1;
    }
    SCAL_RUN(test_allowed_is_process_affinity);
    SCAL_RUN(test_bound_thread_runs_on_planned_pu);
    SCAL_RUN(test_spread_threads_too);
    SCAL_RUN(test_unbound_slot_keeps_inherited_affinity);
    SCAL_RUN(test_main_thread_untouched);
    SCAL_RUN(test_refuses_pu_outside_allowed);
    SCAL_RUN(test_current_pu_is_allowed);
    SCAL_RUN(test_topology_text_of_this_machine);
    scal_topo_free(topo);
    return SCAL_TEST_END();
}
