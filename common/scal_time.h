/* scal_time.h - the one clock every measurement uses. */
#ifndef SCAL_TIME_H
#define SCAL_TIME_H

/* Seconds on CLOCK_MONOTONIC; only differences are meaningful. */
double scal_now(void);

/* Sleep for `seconds` (<= 0 returns at once), resuming after signals. */
void scal_sleep(double seconds);

/* Busy-wait until `seconds` have passed on scal_now(). */
void scal_spin(double seconds);

/* Smallest observed step of scal_now(), in seconds (STREAM's checktick idea). */
double scal_clock_resolution(void);

#endif
