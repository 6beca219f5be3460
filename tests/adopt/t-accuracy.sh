#!/bin/sh
# Accuracy on legacy reports (../shared/bench/gen-corpus --style legacy:
# no front matter, "All times in UTC.", action items as bullets, a
# Stats list), with the reports selected by 'include':
#
#  1. lint: every planted violation is found at its line (anywhere in
#     the file when its line is null), and nothing else is an error
#     except frontmatter/required (authors cannot be inferred from
#     these reports);
#  2. adopt --write, then lint again: the same, at the lines moved down
#     by the front matter, and not even frontmatter/required (authors
#     come from the commit that added the file).
#
# Skipped when the generator or python3 is absent.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "adopt accuracy"

d=$(tmpdir)
c=$d/corpus
python3 "$GEN" --style legacy --git --violations 0.2 --count 300 \
    --out "$c" >/dev/null || { not_ok "adopt accuracy generates"
	done_testing; exit; }
printf 'include: ["postmortems/**/*.md"]\n' >"$c/.postmortem.yaml"

# compare VIOLATIONS LINT.JSON SHIFTS ALLOWED: SHIFTS maps path to the
# number of lines added at the top ("" for none); ALLOWED is the rule
# that may fire anywhere ("" for none).
compare() {
	python3 - "$@" <<'PY'
import json, sys
planted = json.load(open(sys.argv[1]))
found = json.load(open(sys.argv[2]))["findings"]
shift = json.load(open(sys.argv[3])) if sys.argv[3] else {}
allowed = sys.argv[4]
by = {}
for f in found:
    by.setdefault((f["path"], f["rule"]), []).append(f)
missed = []
for v in planted:
    fs = by.get((v["path"], v["rule"]), [])
    want = None if v["line"] is None else v["line"] + shift.get(v["path"], 0)
    if not any(want is None or f["line"] == want for f in fs):
        missed.append(v)
keys = {(v["path"], v["rule"]) for v in planted}
false = [f for f in found if f["severity"] == "error" and
         f["rule"] != allowed and (f["path"], f["rule"]) not in keys]
for m in missed[:30]:
    print("missed: %s:%s %s" % (m["path"], m["line"], m["rule"]))
for f in false[:30]:
    print("false: %s:%d: %s [%s]" % (f["path"], f["line"], f["message"],
                                     f["rule"]))
print("planted %d, found %d, missed %d, other errors %d"
      % (len(planted), len(planted) - len(missed), len(missed), len(false)))
sys.exit(1 if missed or false else 0)
PY
}

report() {
	if [ "$1" -eq 0 ]; then
		ok "$2: $(tail -1 "$3")"
	else
		not_ok "$2: $(tail -1 "$3")"
		sed 's/^/#   /' "$3" | head -40
	fi
}

(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/before.json" \
    2>"$d/before.err"
check "adopt accuracy: lint of legacy reports exits 1" test $? -eq 1
compare "$c/violations.json" "$d/before.json" "" frontmatter/required \
    >"$d/before.report"
report $? "adopt accuracy: lint before adopt" "$d/before.report"

(cd "$c" && git ls-files postmortems | while read -r f; do
	printf '%s %s\n' "$f" "$(wc -l <"$f")"; done) >"$d/lines.before"
(cd "$c" && $PM adopt --write >/dev/null 2>"$d/adopt.err")
check "adopt accuracy: adopt --write infers every required field" \
    test $? -eq 0
(cd "$c" && while read -r f n; do
	printf '%s %s\n' "$f" "$(($(wc -l <"$f") - n))"; done \
    <"$d/lines.before") | python3 -c '
import json, sys
print(json.dumps({p: int(n) for p, n in (l.split() for l in sys.stdin)}))
' >"$d/shift.json"
(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/after.json" \
    2>"$d/after.err"
check "adopt accuracy: lint of adopted reports exits 1" test $? -eq 1
compare "$c/violations.json" "$d/after.json" "$d/shift.json" "" \
    >"$d/after.report"
report $? "adopt accuracy: lint after adopt" "$d/after.report"

done_testing
