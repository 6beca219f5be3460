#!/bin/sh
# Accuracy on legacy reports (bench/gen-corpus.py --style legacy: no
# front matter, in the shapes real teams write: tables, lists, bullets
# with bold or bracketed times, 12-hour clocks, zone sentences, setext
# headings, metadata as bold lines, checklists...), selected by
# 'include'.  tests/accuracy.py compares with the generator's manifest:
#
#  1. lint: every planted violation is found at its line, and nothing
#     else is an error except frontmatter/required;
#  2. adopt --write infers title, severity, started and ended equal to
#     the manifest's (and never a wrong value);
#  3. lint again: the same violations, at the lines moved down by the
#     front matter, and no other error at all.
#
# Shapes the reader does not handle yet (GAPS in the generator) are
# counted apart ("# expected gap" lines), not failed.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "adopt accuracy"

d=$(tmpdir)
c=$d/corpus
A="python3 $TOP/tests/accuracy.py"
python3 "$GEN" --style legacy --git --violations 0.2 --count 400 \
    --seed 7 --out "$c" >/dev/null || { not_ok "adopt accuracy generates"
	done_testing; exit; }
printf 'include: ["postmortems/**/*.md"]\n' >"$c/.postmortem.yaml"

# report STATUS NAME FILE: ok/not ok with the last line of FILE, its
# other lines as diagnostics.
report() {
	if [ "$1" -eq 0 ]; then ok "$2: $(tail -1 "$3")"
	else not_ok "$2: $(tail -1 "$3")"; fi
	sed '$d; s/^#* */#   /' "$3" | head -60
}

(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/before.json" \
    2>"$d/before.err"
check "adopt accuracy: lint of legacy reports exits 1" test $? -eq 1
$A lint "$c" "$d/before.json" --allow frontmatter/required >"$d/r1"
report $? "adopt accuracy: lint before adopt" "$d/r1"

(cd "$c" && git ls-files postmortems | while read -r f; do
	printf '%s %s\n' "$f" "$(wc -l <"$f")"; done) >"$d/lines.before"
(cd "$c" && $PM adopt --write >/dev/null 2>"$d/adopt.err")
check "adopt accuracy: adopt --write exits 0 or 1" test $? -le 1
$A adopted "$c" >"$d/r2"
report $? "adopt accuracy: inferred fields" "$d/r2"

(cd "$c" && while read -r f n; do
	printf '%s %s\n' "$f" "$(($(wc -l <"$f") - n))"; done \
    <"$d/lines.before") | python3 -c '
import json, sys
print(json.dumps({p: int(n) for p, n in (l.split() for l in sys.stdin)}))
' >"$d/shift.json"
(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/after.json" \
    2>"$d/after.err"
check "adopt accuracy: lint of adopted reports exits 1" test $? -eq 1
$A lint "$c" "$d/after.json" --shift "$d/shift.json" >"$d/r3"
report $? "adopt accuracy: lint after adopt" "$d/r3"

# Timelines of days and no time of day (--shape timeline=us-day-paragraph,
# which the default draw never makes): adopt writes the days, and lint
# finds the planted violations with no other error, before and after.
c=$d/days
python3 "$GEN" --style legacy --git --violations 0.3 --count 40 --seed 5 \
    --shape timeline=us-day-paragraph --out "$c" >/dev/null ||
    { not_ok "adopt accuracy (days) generates"; done_testing; exit; }
printf 'include: ["postmortems/**/*.md"]\ndate_order: mdy\n' \
    >"$c/.postmortem.yaml"
(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/dbefore.json" \
    2>/dev/null
$A lint "$c" "$d/dbefore.json" --allow frontmatter/required >"$d/d1"
report $? "adopt accuracy (days): lint before adopt" "$d/d1"
(cd "$c" && git ls-files postmortems | while read -r f; do
	printf '%s %s\n' "$f" "$(wc -l <"$f")"; done) >"$d/dlines"
(cd "$c" && $PM adopt --write >/dev/null 2>&1)
$A adopted "$c" >"$d/d2"
report $? "adopt accuracy (days): inferred fields" "$d/d2"
check "adopt accuracy (days): started written as a day" \
    test "$(cat "$c"/postmortems/*/*.md | grep -c '^started: [0-9-]*$')" \
    -eq 40
(cd "$c" && while read -r f n; do
	printf '%s %s\n' "$f" "$(($(wc -l <"$f") - n))"; done \
    <"$d/dlines") | python3 -c '
import json, sys
print(json.dumps({p: int(n) for p, n in (l.split() for l in sys.stdin)}))
' >"$d/dshift.json"
(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/dafter.json" \
    2>/dev/null
$A lint "$c" "$d/dafter.json" --shift "$d/dshift.json" >"$d/d3"
report $? "adopt accuracy (days): lint after adopt" "$d/d3"
done_testing
