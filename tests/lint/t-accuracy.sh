#!/bin/sh
# Accuracy on a generated corpus (../shared/bench/gen-corpus): every
# planted violation is found at its line (anywhere in the file for
# rules whose line is null), and files without planted violations get
# no error-level finding.  Skipped when the generator is absent.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "accuracy"

d=$(tmpdir)
python3 "$GEN" --count 300 --violations 0.2 --locales en,es,ja,zh,ko \
    --git --out "$d/corpus" >/dev/null || { not_ok "accuracy generates"; done_testing; exit; }
(cd "$d/corpus" && $PM lint --format json --today 2026-11-01) \
    >"$d/lint.json" 2>"$d/lint.err"
rc=$?
check "accuracy lint exits 1 (planted errors)" test "$rc" -eq 1

python3 - "$d/corpus/violations.json" "$d/lint.json" <<'PY' >"$d/report"
import json, sys
planted = json.load(open(sys.argv[1]))
found = json.load(open(sys.argv[2]))["findings"]
by = {}
for f in found:
    by.setdefault((f["path"], f["rule"]), []).append(f)
missed = []
for v in planted:
    fs = by.get((v["path"], v["rule"]), [])
    if not any(v["line"] is None or f["line"] == v["line"] for f in fs):
        missed.append(v)
dirty = {v["path"] for v in planted}
false = [f for f in found if f["severity"] == "error" and f["path"] not in dirty]
for m in missed:
    print("missed: %s:%s %s" % (m["path"], m["line"], m["rule"]))
for f in false[:50]:
    print("false: %s:%d: %s [%s]" % (f["path"], f["line"], f["message"], f["rule"]))
print("planted %d, found %d, missed %d, false errors on clean files %d"
      % (len(planted), len(planted) - len(missed), len(missed), len(false)))
sys.exit(1 if missed or false else 0)
PY
if [ $? -eq 0 ]; then
	ok "accuracy: $(tail -1 "$d/report")"
else
	not_ok "accuracy: $(tail -1 "$d/report")"
	sed 's/^/#   /' "$d/report" | head -60
fi
done_testing
