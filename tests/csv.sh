# csv.sh - reading the project's CSV files (records, runs.csv, summary.csv,
# traces) by column name, for every shell test; sourced.  A column is found
# by its header, never by its position, so that the record schema
# (common/record.c) can grow or reorder without a test noticing.  Fields
# must not hold quoted commas before the columns read.

# csv_col NAME [FILE]: column NAME of every data row (stdin without FILE);
# status 3 when the header has no such column.
csv_col() {
    awk -F, -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i; if (!c) exit 3; next }
        { print $c }' "${2:-/dev/stdin}"
}

# csv_last NAME [FILE]: column NAME of the last data row ("" without one).
csv_last() {
    csv_col "$@" | tail -n 1
}

# csv_awk PROGRAM [NAME=VALUE...] [FILE...]: run the awk PROGRAM over the
# data rows, where c["NAME"] is the number of column NAME ($c["wall_s"]);
# NAME=VALUE operands set awk variables before the file is read.
csv_awk() {
    local prog=$1
    shift
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } '"$prog" "$@"
}
