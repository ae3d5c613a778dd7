/* main.c - scal-run: job files drive sweeps of the engines into results/. */
#include "study.h"

int main(int argc, char **argv)
{
    return sr_main(argc, argv);
}
