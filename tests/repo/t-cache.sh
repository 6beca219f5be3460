#!/bin/sh
# The cache under .git/postmortem/ (lib/source/cache.c): never needed
# for a correct answer.  On a generated repository (planted violations,
# ids/unique and distribution/48h among them), lint --staged FILE,
# lint --rev, lint of the work tree and build give byte-identical
# output with no cache, a cold one, a warm one, --no-cache and any -j;
# a cache that is corrupt, truncated, from another binary or
# configuration, unwritable, or written by parallel runs changes
# nothing and never crashes; the cache is never in the work tree, and
# --no-cache writes nothing at all.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "cache"
T=$(tmpdir)
R=$T/repo
python3 "$GEN" --count 40 --violations 0.4 --git --renames 0.2 --seed 11 \
    --out "$R" >/dev/null || { not_ok "cache: generate"; done_testing; exit; }
cd "$R" || exit 2
C=.git/postmortem/cache
export PM_CACHE_STATS=1

# A staged change to a report with a planted error, and a staged new
# report that takes the id of another (ids/unique across the index).
f=$(python3 -c 'import json; print(sorted(v["path"] for v in json.load(open("violations.json")) if v["rule"] in ("distribution/48h", "language/blameless"))[0])')
printf '\nA staged line.\n' >>"$f"
git add "$f"
other=$(git ls-files 'postmortems/*.md' | sed -n 3p)
id=$(sed -n 's/^id: //p' "$other")
sed "s/^id: .*/id: $id/" "$(git ls-files 'postmortems/*.md' | sed -n 5p)" \
    >postmortems/dup.md
git add postmortems/dup.md

# out NAME ARGS...: run lint, standard output and status in $T/NAME
# (the cache's own line of standard error in $T/NAME.cache).
out() {
	n=$1; shift
	$PM lint --today 2026-11-01 "$@" >"$T/$n" 2>"$T/$n.err"
	echo "exit $?" >>"$T/$n"
	grep '^cache:' "$T/$n.err" >"$T/$n.cache"
	grep -v '^cache:' "$T/$n.err" >>"$T/$n"
}
same() { cmp -s "$T/$1" "$T/$2" || { diff -u "$T/$1" "$T/$2" | head -20 >&2; false; }; }

git status --porcelain --ignored >"$T/status0"
rm -rf .git/postmortem
out nc --no-cache --staged --format json "$f" postmortems/dup.md
check "cache: --no-cache writes nothing, even under .git" \
    test ! -e .git/postmortem
check "cache: --staged finds the duplicate id" grep -q 'ids/unique' "$T/nc"
out cold --staged --format json "$f" postmortems/dup.md
check "cache: a cold run writes .git/postmortem/cache" test -f "$C"
check "cache: cold run says it found none" grep -q '^cache: missing' "$T/cold.cache"
check "cache: cold output = --no-cache output" same nc cold
out warm --staged --format json "$f" postmortems/dup.md
check "cache: warm run reads every other report from the cache" \
    grep -q '^cache: ok, [1-9][0-9]* hits, 0 added' "$T/warm.cache"
check "cache: warm output = --no-cache output" same nc warm
check "cache: nothing new in the work tree" \
    sh -c "git status --porcelain --ignored | cmp -s - '$T/status0'"

# Every way a cache can be wrong, then the same answer.
cp "$C" "$T/good"
bad() {
	bn=$1
	out "$bn" --staged --format json "$f" postmortems/dup.md
	check "cache: $bn: same output" same nc "$bn"
	check "cache: $bn: noticed ($2)" grep -q "^cache: $2" "$T/$bn.cache"
	check "cache: $bn: rewritten and good again" sh -c \
	    "PM_CACHE_STATS=1 $PM lint --staged '$f' 2>&1 >/dev/null | grep -q '^cache: ok'"
}
head -c 1000 "$T/good" >"$C"
bad truncated corrupt
head -c 0 "$T/good" >"$C"
bad empty corrupt
python3 -c '
import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 0x55
open(sys.argv[2], "wb").write(b)' "$T/good" "$C"
bad flipped-byte corrupt
head -c 20000 /dev/urandom >"$C"
bad random corrupt
# Another binary version: the same records under another key, with a
# right checksum, so only the key tells.
python3 - "$T/good" "$C" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()[:-8]
n = struct.unpack("<I", b[8:12])[0]
key = b[12:12 + n].replace(b"postmortem ", b"postmortem 9.9.9-")
b = b[:8] + struct.pack("<I", len(key)) + key + b[12 + n:]
h = 0xcbf29ce484222325
for c in b:
    h = ((h ^ c) * 0x100000001b3) & 0xffffffffffffffff
open(sys.argv[2], "wb").write(b + struct.pack("<Q", h))
PY
bad other-version stale
# Lies with a right checksum: a record whose id is wrong is trusted
# (the key is the blob's content id), but records out of order or cut
# short are not.
python3 - "$T/good" "$C" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()[:-8]
n = struct.unpack("<I", b[8:12])[0]
p = 12 + n
cnt = struct.unpack("<I", b[p:p + 4])[0]
b = b[:p] + struct.pack("<I", cnt + 5) + b[p + 4:]
h = 0xcbf29ce484222325
for c in b:
    h = ((h ^ c) * 0x100000001b3) & 0xffffffffffffffff
open(sys.argv[2], "wb").write(b + struct.pack("<Q", h))
PY
bad wrong-count corrupt
mkdir -p "$T/dir" && rm -f "$C" && mkdir "$C"
out isdir --staged --format json "$f" postmortems/dup.md
check "cache: a directory where the cache goes: same output" same nc isdir
rmdir "$C"

# Another configuration: stale, rebuilt.
cp "$T/good" "$C"
printf 'timezone: UTC\n' >.postmortem.yaml
out otherconf --staged --format json "$f" postmortems/dup.md
check "cache: another configuration makes it stale" \
    grep -q '^cache: stale' "$T/otherconf.cache"
rm .postmortem.yaml

# Unwritable (a file where its folder goes, which stops root too): the
# answer all the same, and said.
rm -rf .git/postmortem && : >.git/postmortem
out ro --staged --format json "$f" postmortems/dup.md
check "cache: unwritable: same output" same nc ro
check "cache: unwritable: not written, and said" grep -q 'not written' "$T/ro.cache"
rm -f .git/postmortem

# Parallel runs, all cold and all writing: each answer the same, the
# cache left valid, no temporary file left behind.
$PM lint --no-cache --today 2026-11-01 --staged --format json "$f" \
    postmortems/dup.md >"$T/ncjson" 2>/dev/null
i=0
while [ $i -lt 6 ]; do
	$PM lint --today 2026-11-01 --staged --format json "$f" \
	    postmortems/dup.md >"$T/par$i" 2>/dev/null &
	i=$((i + 1))
done
wait
i=0 ok_par=1
while [ $i -lt 6 ]; do
	cmp -s "$T/par$i" "$T/ncjson" || ok_par=0
	i=$((i + 1))
done
check "cache: six parallel cold runs give the same answer" test $ok_par = 1
check "cache: after parallel writers the cache is good" sh -c \
    "PM_CACHE_STATS=1 $PM lint --staged '$f' 2>&1 >/dev/null | grep -q '^cache: ok'"
check "cache: no temporary file left" \
    test "$(ls .git/postmortem | tr '\n' ' ')" = "cache "
# A writer that died half-way leaves its temporary file: ignored.
head -c 500 "$C" >.git/postmortem/cache.AbC123
out leftover --staged --format json "$f" postmortems/dup.md
check "cache: a leftover temporary file is ignored" same nc leftover

# The whole tree, --rev and build: same with and without the cache, any -j.
for src in "" "--rev HEAD" "--rev HEAD~4"; do
	# shellcheck disable=SC2086
	out "a$src" --no-cache $src --format json -j 1
	# shellcheck disable=SC2086
	out "b$src" $src --format json -j 3
	# shellcheck disable=SC2086
	out "c$src" $src --format json
	check "cache: lint ${src:-(work tree)}: same with cache, -j 1 and -j 3" \
	    sh -c "cmp -s '$T/a$src' '$T/b$src' && cmp -s '$T/a$src' '$T/c$src'"
done
$PM build --no-cache -j 1 --out "$T/site1" --today 2026-11-01 >/dev/null 2>&1
$PM build -j 3 --out "$T/site2" --today 2026-11-01 >/dev/null 2>&1
$PM build --out "$T/site3" --today 2026-11-01 >/dev/null 2>&1
check "cache: build: same site with and without the cache, any -j" \
    sh -c "diff -r '$T/site1' '$T/site2' >&2 && diff -r '$T/site1' '$T/site3' >&2"
check "cache: build wrote nothing in the work tree" \
    sh -c "git status --porcelain --ignored | cmp -s - '$T/status0'"
cd "$TOP" || exit 2
# The first commit of a staged report, as of HEAD, is kept in the cache
# by commit: rewriting that commit (another HEAD) asks the history
# again, so a late report is never excused by a stale answer.
d=$(tmpdir)
git init -q "$d/r"
(
	cd "$d/r" || exit 2
	mkdir postmortems
	cat >postmortems/late.md <<'EOF'
---
title: Queue backlog
id: late-one
severity: SEV3
status: final
started: 2024-03-01T10:00:00Z
ended: 2024-03-01T11:00:00Z
authors: ["@kim"]
---

## Summary

The queue backed up.
EOF
	git add -A && commit_at 2024-03-01T12:00:00Z "on time"
	printf '\nMore.\n' >>postmortems/late.md && git add -A
	$PM lint --staged --format json postmortems/late.md >"$d/a1" 2>/dev/null
	$PM lint --staged --format json postmortems/late.md >"$d/a2" 2>/dev/null
	git reset -q --soft HEAD~0
	GIT_COMMITTER_DATE=2024-03-09T12:00:00Z git commit -q --amend \
	    --no-edit --date 2024-03-09T12:00:00Z --only postmortems/late.md \
	    2>/dev/null || true
	printf '\nAgain.\n' >>postmortems/late.md && git add -A
	$PM lint --staged --format json postmortems/late.md >"$d/a3" 2>/dev/null
	$PM lint --staged --no-cache --format json postmortems/late.md \
	    >"$d/a4" 2>/dev/null
)
check "cache: first commit of a staged report, warm = cold" \
    cmp -s "$d/a1" "$d/a2"
check "cache: on time before the commit is rewritten" \
    sh -c "! grep -q 'distribution/48h' '$d/a1'"
check "cache: rewritten 8 days late, the warm run says so" \
    grep -q 'distribution/48h' "$d/a3"
check "cache: ... as --no-cache does" cmp -s "$d/a3" "$d/a4"
done_testing
