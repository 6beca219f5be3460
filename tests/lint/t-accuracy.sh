#!/bin/sh
# Accuracy on a generated corpus (bench/gen-corpus.py: reports with
# front matter in five locales, a Git history with chosen dates and
# renames, 20% of the reports with a planted violation): every planted
# violation is found at its line (anywhere in the file for rules whose
# line is null), and no other error is reported (tests/accuracy.py).
# The same with --rev HEAD.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "accuracy"

d=$(tmpdir)
python3 "$GEN" --count 300 --violations 0.2 --locales en,es,ja,zh,ko \
    --renames 0.1 --git --seed 3 --out "$d/corpus" >/dev/null ||
    { not_ok "accuracy generates"; done_testing; exit; }
(cd "$d/corpus" && $PM lint --format json --today 2026-11-01) \
    >"$d/lint.json" 2>"$d/lint.err"
check "accuracy lint exits 1 (planted errors)" test $? -eq 1
for l in en es ja zh ko; do
	check "accuracy: the corpus has reports in locale $l" \
	    grep -q "^locale: $l\$" -r "$d/corpus/postmortems"
done

# result NAME LINT.json: run the comparison, ok/not ok.
result() {
	python3 "$TOP/tests/accuracy.py" lint "$d/corpus" "$2" >"$d/report"
	if [ $? -eq 0 ]; then ok "$1: $(tail -1 "$d/report")"
	else not_ok "$1: $(tail -1 "$d/report")"; fi
	sed '$d; s/^#* */#   /' "$d/report" | head -40
}
result "accuracy (worktree)" "$d/lint.json"
(cd "$d/corpus" && $PM lint --rev HEAD --format json --today 2026-11-01) \
    >"$d/rev.json" 2>/dev/null
result "accuracy (--rev HEAD)" "$d/rev.json"
done_testing
