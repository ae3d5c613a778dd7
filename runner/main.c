/* main.c - scal-run: job files drive sweeps of the engines into results/;
 * --compare sets two results folders side by side. */
#include <stdio.h>
#include <string.h>

#include "compare.h"
#include "scal_sys.h"
#include "study.h"

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("scal-run %s\n", scal_version());
        return 0;
    }
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--compare") == 0)
            return sr_compare_main(argc, argv);
    return sr_main(argc, argv);
}
