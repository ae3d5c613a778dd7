/* omp_rate.c - a stranger's OpenMP program for the engine = command tests:
 * it knows nothing of scalestudy. It prints on stderr what OpenMP gave it
 * (threads, places, binding) and on stdout a rate whose value is known:
 * 1000.25 x threads + N (N its argument), after an earlier line that a
 * figure regex also matches, so that the last match must win. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
    int team = 0;
#pragma omp parallel
    {
#pragma omp atomic
        team++;
    }
    const char *places = getenv("OMP_PLACES"), *bind = getenv("OMP_PROC_BIND");
    fprintf(stderr, "omp_rate: team=%d max_threads=%d OMP_PLACES=%s OMP_PROC_BIND=%s num_places=%d\n", team,
            omp_get_max_threads(), places ? places : "(unset)", bind ? bind : "(unset)", omp_get_num_places());
    printf("warming up\nrate: 1.5 items/s (a first estimate)\n");
    printf("threads=%d\nrate: %.2f items/s\n", team, 1000.25 * team + (double)n);
    return 0;
}
