#!/bin/sh
# A program that prints its figure and then fails.
echo "rate: 5 items/s"
echo "fail.sh: giving up" >&2
exit 3
