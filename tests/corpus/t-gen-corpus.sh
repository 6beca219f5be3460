#!/bin/sh
# The project's corpus generator (bench/gen-corpus.py), used by the
# accuracy tests and 'make bench': deterministic per seed, a Git
# history with the chosen commit dates and renames, recurring groups,
# every legacy shape, a manifest that matches the files.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "gen-corpus"
d=$(tmpdir)
g() { python3 "$GEN" "$@" >/dev/null; }

g --count 60 --style mixed --git --renames 0.3 --recurring 4 \
    --violations 0.3 --seed 5 --out "$d/a" &&
    g --count 60 --style mixed --git --renames 0.3 --recurring 4 \
    --violations 0.3 --seed 5 --out "$d/b" &&
    g --count 60 --style mixed --git --renames 0.3 --recurring 4 \
    --violations 0.3 --seed 6 --out "$d/c"
check "gen-corpus runs" test $? -eq 0
check "same seed: same commit id" \
    test "$(git -C "$d/a" rev-parse HEAD)" = "$(git -C "$d/b" rev-parse HEAD)"
check "same seed: same manifest" cmp -s "$d/a/manifest.json" "$d/b/manifest.json"
check "another seed: another corpus" \
    test "$(git -C "$d/a" rev-parse HEAD)" != "$(git -C "$d/c" rev-parse HEAD)"
check "the work tree is clean and the manifest untracked" \
    test -z "$(git -C "$d/a" status --porcelain)"
check "count: 60 reports" \
    test "$(git -C "$d/a" ls-files 'postmortems/*.md' | wc -l)" -eq 60

python3 - "$d/a" <<'PY' >"$d/facts"
import json, subprocess, sys, datetime as dt
d = sys.argv[1]
m = json.load(open(d + "/manifest.json"))
git = lambda *a: subprocess.run(["git", "-C", d] + list(a), capture_output=True,
                                text=True, check=True).stdout
bad = []
for r in m["reports"]:
    # the commit that added the file (under its first path) is dated as the manifest says
    # (not 'git log --follow': its copy detection may pair two reports of one recurring
    # problem)
    first = r.get("first_path", r["path"])
    log = git("log", "--diff-filter=A", "--format=%cI", "--", first).split()
    t = dt.datetime.fromisoformat(log[-1]).astimezone(dt.timezone.utc)
    if t.strftime("%Y-%m-%dT%H:%M:%SZ") != r["committed"]:
        bad.append("date " + r["path"])
    if "first_path" in r and "R100\t%s\t%s" % (first, r["path"]) not in \
            git("log", "-M", "--name-status", "--format="):
        bad.append("rename " + r["path"])
    text = open(d + "/" + r["path"], encoding="utf-8").read()
    if r["style"] == "frontmatter" and not text.startswith("---\n"):
        bad.append("style " + r["path"])
    if r["style"] == "legacy" and text.startswith("---"):
        bad.append("style " + r["path"])
print("renamed", sum(1 for r in m["reports"] if "first_path" in r))
print("groups", len(m["recurring"]))
ok = all(len(g["ids"]) >= 2 for g in m["recurring"])
for g in m["recurring"]:
    days = [dt.date.fromisoformat(i[:10]) for i in g["ids"]]
    ok = ok and all((b - a).days >= 14 for a, b in zip(days, days[1:]))
print("groups-apart", ok)
print("styles", len({r["style"] for r in m["reports"]}))
print("bad", len(bad), *bad[:5])
PY
check "commit dates and renames are as the manifest says" grep -q '^bad 0$' "$d/facts"
check "some reports were renamed" grep -q '^renamed [1-9]' "$d/facts"
check "four recurring groups" grep -q '^groups 4$' "$d/facts"
check "recurring incidents come back weeks apart" grep -q '^groups-apart True$' "$d/facts"
check "mixed style has both styles" grep -q '^styles 2$' "$d/facts"
sed 's/^/#   /' "$d/facts"

# Every legacy shape can be asked for, and appears in the file.
python3 - "$GEN" "$d" <<'PY' >"$d/shapes"
import json, subprocess, sys
gen, d = sys.argv[1], sys.argv[2]
shapes = json.loads(subprocess.run(["python3", gen, "--list-shapes"], capture_output=True,
                                   check=True).stdout)["shapes"]
n = 0
for k, vs in shapes.items():
    for v in vs:
        out = "%s/s-%s-%s" % (d, k, v)
        subprocess.run(["python3", gen, "--count", "3", "--style", "legacy", "--shape",
                        "%s=%s" % (k, v), "--out", out], check=True, capture_output=True)
        m = json.load(open(out + "/manifest.json"))
        if not all(r["shape"][k] == v for r in m["reports"]):
            print("not drawn: %s=%s" % (k, v))
        n += 1
print("shapes", n)
PY
check "every legacy shape can be forced" sh -c "! grep -q 'not drawn' '$d/shapes'"
check "the shapes of issue 11 are there" \
    sh -c "grep -q 'heading-entry' '$GEN' && grep -q 'twelve-hour-bullet' '$GEN' &&
    grep -q 'us-date-paragraph' '$GEN' && grep -q 'setext' '$GEN' &&
    grep -q 'checklist' '$GEN' && grep -q 'iana-sentence' '$GEN'"
f=$(ls "$d"/s-timeline-heading-entry/postmortems/*/*.md | head -1)
check "heading-per-entry timeline looks like one" grep -q '^### .*[0-9]:[0-9][0-9]' "$f"
f=$(ls "$d"/s-timeline-twelve-hour-bullet/postmortems/*/*.md | head -1)
check "12-hour clock bullets" grep -qE '^- [0-9]{1,2}:[0-9]{2} [AP]M' "$f"
f=$(ls "$d"/s-headings-setext/postmortems/*/*.md | head -1)
check "setext headings" grep -q '^---*$' "$f"
done_testing
