/* test_bind_taskset.c - a process that something outside confined to one PU
 * (CTest starts it under `taskset -c 0`, as mpirun or srun would bind a
 * rank): it sees the restriction as an external binding, defaults to none,
 * flags 2 workers as oversubscribed, and even an explicit compact plan keeps
 * every thread inside its cpuset. */
#include "bind_threads.h"
#include "scal_test.h"

#include <hwloc.h>
#include <stdlib.h>

static scal_topo_t *topo;
static int machine_pus; /* PUs the machine allows, whatever our binding */

static void test_allowed_is_the_taskset(void)
{
    char buf[64];
    SCAL_CHECK(scal_topo_allowed(topo, buf, sizeof buf) == 1 && strcmp(buf, "0") == 0);
    SCAL_CHECK_EQ_U64(scal_topo_npus(topo), 1);
}

static void test_external_binding_detected(void)
{
    char desc[256] = "";
    int ext = scal_bind_external(topo, desc, sizeof desc);
    if (machine_pus < 2) {
        /* One PU is the whole machine: nothing outside restricted us. */
        fprintf(stderr, "note: single-PU machine, taskset -c 0 restricts nothing\n");
        SCAL_CHECK(ext == 0 && scal_bind_default(topo) == SCAL_BIND_COMPACT);
        return;
    }
    SCAL_CHECK(ext == 1);
    SCAL_CHECK(strncmp(desc, "bound by launcher to PUs 0", 26) == 0);
    SCAL_CHECK(scal_bind_default(topo) == SCAL_BIND_NONE);
    SCAL_CHECK(scal_bind_resolve(topo, SCAL_BIND_AUTO) == SCAL_BIND_NONE);
}

static void test_two_workers_oversubscribed(void)
{
    scal_bind_slot_t slots[2];
    int over = 0;
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_AUTO, 2, slots, &over) == 0 && over == 1);
    over = 0;
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_SPREAD, 2, slots, &over) == 0 && over == 1);
    char msg[160];
    SCAL_CHECK(scal_bind_format_oversub(msg, sizeof msg, topo, 2) > 0);
    SCAL_CHECK(strstr(msg, "2 workers on 1 allowed PUs (0)") != NULL);
}

static void test_threads_stay_inside(void)
{
    /* Compact asked for explicitly: both workers share PU 0, none escapes. */
    scal_bind_slot_t slots[2];
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_COMPACT, 2, slots, NULL) == 0);
    SCAL_CHECK(slots[0].pu == 0 && slots[1].pu == 0);
    bind_worker_t w[2];
    SCAL_CHECK(bind_run_workers(topo, slots, 2, w) == 0);
    for (int i = 0; i < 2; i++) {
        SCAL_CHECK(w[i].rc == 0 && w[i].mask_rc == 0);
        SCAL_CHECK(mask_is_only(&w[i].mask, 0));
        SCAL_CHECK_EQ_U64(w[i].ran_on, 0);
    }
    /* The default (none) binds nobody; the threads inherit the taskset. */
    SCAL_CHECK(scal_bind_plan(topo, SCAL_BIND_AUTO, 2, slots, NULL) == 0);
    SCAL_CHECK(bind_run_workers(topo, slots, 2, w) == 0);
    for (int i = 0; i < 2; i++) {
        SCAL_CHECK(w[i].rc == 0 && mask_is_only(&w[i].mask, 0));
        SCAL_CHECK_EQ_U64(w[i].ran_on, 0);
    }
}

static void test_topology_text_says_bound(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    SCAL_CHECK(scal_topo_print(topo, f) == 0);
    fclose(f);
    SCAL_CHECK(text && strstr(text, "\nallowed pus: 0 (1 PUs on 1 cores)\n"));
    if (machine_pus >= 2)
        SCAL_CHECK(text && strstr(text, "\nexternally bound: yes (bound by launcher to PUs 0"));
    free(text);
}

static int count_machine_pus(void)
{
    hwloc_topology_t t;
    if (hwloc_topology_init(&t) != 0 || hwloc_topology_load(t) != 0)
        return -1;
    int n = hwloc_bitmap_weight(hwloc_topology_get_allowed_cpuset(t));
    hwloc_topology_destroy(t);
    return n;
}

int main(void)
{
    cpu_set_t mask;
    if (sched_getaffinity(0, sizeof mask, &mask) != 0 || !mask_is_only(&mask, 0)) {
        fprintf(stderr, "run me under `taskset -c 0` (CTest does)\n");
        return 1;
    }
    /* The launcher hints must not matter here: the cpuset alone says bound. */
    unsetenv("OMP_PLACES");
    unsetenv("OMP_PROC_BIND");
    unsetenv("OMPI_MCA_hwloc_base_binding_policy");
    unsetenv("SLURM_CPU_BIND");
    machine_pus = count_machine_pus();
    char err[256] = "";
    topo = scal_topo_load(err, sizeof err);
    if (!topo || machine_pus < 1) {
        fprintf(stderr, "cannot load the topology: %s\n", err);
        return 1;
    }
    SCAL_RUN(test_allowed_is_the_taskset);
    SCAL_RUN(test_external_binding_detected);
    SCAL_RUN(test_two_workers_oversubscribed);
    SCAL_RUN(test_threads_stay_inside);
    SCAL_RUN(test_topology_text_says_bound);
    scal_topo_free(topo);
    return SCAL_TEST_END();
}
