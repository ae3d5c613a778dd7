#!/bin/bash
# keys_doc.sh - jobs/README.md's table of engine keys is `scal-run --list-keys`
# (the option table): it fails, with the diff and the command that
# regenerates it, when the two differ.  Also checks that this check can fail
# (a README edited in one cell), that the rewrite mends it and keeps the rest
# of the file, and --list-keys' own exit codes.
. "$(dirname "$0")/lib.sh"
: "${KEYS_DOC:?set by CTest}" "${README:?set by CTest}"

bash "$KEYS_DOC" --check "$SCAL_RUN" "$README" > diff.txt 2> err.txt
rc=$?
if [ $rc -ne 0 ]; then
    cat diff.txt err.txt
fi
check "jobs/README.md's engine keys are scal-run --list-keys" [ $rc -eq 0 ]

"$SCAL_RUN" --list-keys > keys.md 2> err.txt
rc=$?
check "--list-keys exits 0, nothing on stderr" eval '[ $rc -eq 0 ] && [ ! -s err.txt ]'
check "--list-keys: a markdown table, header first" \
    eval '[ "$(head -1 keys.md)" = "| key | values | applies to | meaning |" ] && ! grep -qv "^|.*|$" keys.md'
check "--list-keys: one row per key (threads of both engines is one)" \
    eval '[ -z "$(cut -d"|" -f2 keys.md | sort | uniq -d)" ] && [ "$(grep -c "^| \`threads\` |" keys.md)" -eq 1 ]'
check "--list-keys: no option scal-run sets itself" eval '! grep -qE "^\| \`(repeat|warmup|format|out|trace|show|topology|write-graph)\` " keys.md'
check "--list-keys: ranges, choices, files and flags in words" eval '
    grep -qxF "| \`tasks\` | integer 1 … 100000000 | factor, sleep, spin, triad | number of tasks (default 32) |" keys.md &&
    grep -q "^| \`pool\` | \`map\` \\\\| \`submit\` \\\\| \`as-completed\` | all | " keys.md &&
    grep -q "^| \`graph\` | a readable regular file | paths | " keys.md &&
    grep -q "^| \`gil\` | \`on\` \\\\| \`off\` | omp | " keys.md &&
    grep -q "^| \`share\` | .* | paths (mpi only) | " keys.md'

"$SCAL_RUN" --list-keys extra > out.txt 2> err.txt
rc=$?
check "--list-keys with an argument: exit 2, named, nothing on stdout" \
    eval '[ $rc -eq 2 ] && grep -q "^scal-run: --list-keys takes nothing else (got .extra.)" err.txt && [ ! -s out.txt ]'
"$SCAL_RUN" --dry-run --list-keys > out.txt 2> err.txt
rc=$?
check "--list-keys with --dry-run: exit 2, named" \
    eval '[ $rc -eq 2 ] && grep -q "takes nothing else (got .--dry-run.)" err.txt && [ ! -s out.txt ]'

# The check can fail: one cell of a copy edited, then mended.
cp "$README" readme.md
lineno=$(grep -n '^| `pool` |' readme.md | head -1 | cut -d: -f1)
check "the copy has the pool row" [ -n "$lineno" ]
sed -i "${lineno}s/as-completed/as-completed \\\\| \`lifo\`/" readme.md
cp readme.md edited.md
bash "$KEYS_DOC" --check "$SCAL_RUN" readme.md > diff.txt 2> err.txt
rc=$?
check "an edited table fails the check (exit 1)" [ $rc -eq 1 ]
check "...showing the edited line" grep -q '^-| `pool` |.*lifo' diff.txt
check "...and the command that regenerates it" grep -q "regenerate it with: .*keys-doc.sh $SCAL_RUN readme.md" err.txt
check "--check changes nothing" cmp -s readme.md edited.md
bash "$KEYS_DOC" "$SCAL_RUN" readme.md 2> err.txt
check "the rewrite mends the table" bash "$KEYS_DOC" --check "$SCAL_RUN" readme.md
outside() { awk '/^<!-- engine keys: /{skip=1} !skip{print} /^<!-- end of engine keys -->$/{skip=0}' "$1"; }
check "...and keeps the rest of the file" cmp -s <(outside readme.md) <(outside "$README")

# Markers missing or doubled: refused, the file untouched.
grep -vxF '<!-- end of engine keys -->' "$README" > nomarker.md
cp nomarker.md nomarker.orig
bash "$KEYS_DOC" "$SCAL_RUN" nomarker.md > out.txt 2> err.txt
rc=$?
check "no end marker: exit 2, said, file untouched" \
    eval '[ $rc -eq 2 ] && grep -q "needs the line" err.txt && cmp -s nomarker.md nomarker.orig'
finish
