/* fault.c - SCAL_FAULT, the test-only fault hook (fault.h). */
#include "fault.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int scal_fault_init(scal_fault_t *f, int rank, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    const char *v = getenv("SCAL_FAULT");
    if (!v || !*v)
        return 0;
    char action[16], when[16], tail;
    int r, n = 0;
    unsigned long long after = 0;
    int fields = sscanf(v, "%15[a-z-]:%d:%15[a-z-]%n", action, &r, when, &n);
    const char *rest = fields == 3 ? v + n : "";
    scal_fault_kind_t kind = SCAL_FAULT_NONE;
    if (fields == 3 && r >= 0 && strcmp(action, "kill-rank") == 0 &&
        strcmp(when, "after-tasks") == 0 && rest[0] == ':' && rest[1] >= '0' &&
        rest[1] <= '9' && sscanf(rest, ":%llu%c", &after, &tail) == 1)
        kind = SCAL_FAULT_KILL_AFTER_TASKS;
    else if (fields == 3 && r >= 0 && strcmp(action, "stop-rank") == 0 &&
             strcmp(when, "before-window") == 0 && *rest == '\0')
        kind = SCAL_FAULT_STOP_BEFORE_WINDOW;
    if (kind == SCAL_FAULT_NONE) {
        snprintf(err, errlen,
                 "SCAL_FAULT='%s' is neither kill-rank:RANK:after-tasks:N nor "
                 "stop-rank:RANK:before-window",
                 v);
        return -1;
    }
    if (r == rank) {
        f->kind = kind;
        f->after = after;
    }
    return 0;
}

void scal_fault_task_done(scal_fault_t *f)
{
    if (f->kind != SCAL_FAULT_KILL_AFTER_TASKS)
        return;
    if (atomic_fetch_add_explicit(&f->done, 1, memory_order_relaxed) + 1 >= f->after)
        raise(SIGKILL);
}

void scal_fault_before_window(const scal_fault_t *f)
{
    if (f->kind == SCAL_FAULT_STOP_BEFORE_WINDOW)
        raise(SIGSTOP);
}
