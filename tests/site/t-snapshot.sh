#!/bin/sh
# The site snapshot (lib/site/snapshot.h): a build whose inputs did not
# change links the files of the last build into out instead of loading,
# linting and rendering.  Whatever happens (cold, warm, --no-cache, any
# -j, after an edit of a report, of the configuration, of the theme,
# of --today, after a hand edit of the published site, with a corrupt,
# truncated, stale, forged or half-deleted snapshot) the site is byte
# for byte the one a build without any cache makes, and the messages
# are the same.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)
r=$d/repo

# A small repository with what prints notes: a report linking a Git LFS
# pointer (attachment note), a file without front matter (adopt note).
report_repo "$r"
mkdir -p "$r/postmortems" "$r/assets" "$r/notes"
cat >"$r/postmortems/a.md" <<'EOF'
---
id: 2025-01-05-cache-a
title: Queue workers stall on a full disk
severity: P2
started: 2025-01-05T10:00:00Z
ended: 2025-01-05T11:30:00Z
authors: ["@ana"]
services: [queue]
tags: [disk]
---
# Summary

The queue workers stopped when the disk filled. See ![graph](../assets/graph.png)
and [[2025-02-07-cache-b]].

# Timeline

- 10:00 disk reaches 100%
- 11:30 space freed
EOF
cat >"$r/postmortems/b.md" <<'EOF'
---
id: 2025-02-07-cache-b
title: Search index rebuild overloads the database
severity: P3
started: 2025-02-07T08:00:00Z
ended: 2025-02-07T08:45:00Z
authors: ["@bo"]
services: [search, db]
---
# Summary

A rebuild of the search index saturated the primary database.
EOF
cat >"$r/notes/login-outage.md" <<'EOF'
# Postmortem: login page slow

Date: 2025-03-01
Severity: SEV3

## Summary

Logins took ten seconds for an hour.

## Timeline

- 10:00 latency rises
- 11:00 cache restarted

## Root cause

The session cache was full.

## Action items

- [ ] Alert on cache fill (@ana)
EOF
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%064d\nsize 12345\n' 0 \
    >"$r/assets/graph.png"
printf 'site:\n  title: "Cache test"\n' >"$r/.postmortem.yaml"
(cd "$r" && git add -A && commit_at 2025-03-02T00:00:00Z reports) >/dev/null

# b OUT [ARGS]: build with timings; stderr without them in OUT.err, and
# OUT.reused says whether the snapshot was used.
b() {
	o=$1; shift
	(cd "$r" && PM_SITE_TIMING=1 $PM build --out "$o" --today 2026-11-01 \
	    "$@") 2>"$o.raw"
	rc=$?
	# The count of unchanged files depends on what out held before.
	grep -v '^build: \|^site: ' "$o.raw" | sed -e "s|$o|OUT|g" \
	    -e 's/, [0-9]* unchanged)/)/' >"$o.err"
	if grep -q '^build: reuse' "$o.raw"; then echo yes; else echo no; fi \
	    >"$o.reused"
	return $rc
}
reused() { test "$(cat "$1.reused")" = yes; }
# same A B: the same files, bytes and messages.
same() { diff -r "$1" "$2" >&2 && test_cmp "$1.err" "$2.err"; }
# ref NAME [ARGS]: the reference build, no cache, one thread.
ref() { n=$1; shift; rm -rf "$d/$n"; b "$d/$n" --no-cache -j 1 "$@"; }
# snapdir OUT: the snapshot of OUT (the one holding its index.html).
snapdir() {
	for s in "$r"/.git/postmortem/site/[0-9a-f]*; do
		[ "$(stat -c %i "$s/f/index.html" 2>/dev/null)" = \
		    "$(stat -c %i "$1/index.html")" ] && echo "$s" && return
	done
	echo "$r/.git/postmortem/site/none"
}

check "snapshot: reference build (--no-cache -j 1)" ref ref
check "snapshot: --no-cache writes no snapshot" \
    test ! -e "$r/.git/postmortem/site"
check "snapshot: the notes are printed" \
    sh -c "grep -q 'Git LFS pointer' '$d/ref.err' && grep -q 'adopt' '$d/ref.err'"
check "snapshot: cold build" b "$d/site"
check "snapshot: cold build is not a reuse" sh -c "! grep -q yes '$d/site.reused'"
check "snapshot: cold = reference" same "$d/ref" "$d/site"
check "snapshot: one snapshot recorded" test -f "$(snapdir "$d/site")/index"
rm -rf "$d/site"
check "snapshot: warm build, out removed" b "$d/site"
check "snapshot: warm build reuses the snapshot" reused "$d/site"
check "snapshot: warm = reference (bytes and messages)" same "$d/ref" "$d/site"
for j in 1 2 5; do
	rm -rf "$d/j$j"
	b "$d/j$j" --no-cache -j $j
	check "snapshot: --no-cache -j $j = reference" same "$d/ref" "$d/j$j"
done
rm -rf "$d/site"
check "snapshot: warm build, -j 2" b "$d/site" -j 2
check "snapshot: warm -j 2 = reference" same "$d/ref" "$d/site"

# In place: every file kept (inode and mtime), reported as unchanged.
files() { (cd "$1" && find . -type f -printf '%P %i %T@\n' | sort); }
files "$d/site" >"$d/before"
check "snapshot: rebuild in place" b "$d/site" -q
check "snapshot: in place, reused" reused "$d/site"
files "$d/site" >"$d/after"
check "snapshot: in place, inodes and mtimes kept" test_cmp "$d/before" "$d/after"
b "$d/site"
check "snapshot: in place, every file counted unchanged" \
    grep -q "(\([0-9]*\) files, \1 unchanged)" "$d/site.raw"

# A hand edit of the published site is never reused: appended (size)
# and overwritten in place with the same size (mtime).
ref ref
printf 'hand edit\n' >>"$d/site/index.html"
check "snapshot: after an appending hand edit" b "$d/site"
check "snapshot: the edited file is rebuilt, not reused" same "$d/ref" "$d/site"
check "snapshot: the snapshot shared the edited inode: not reused" \
    sh -c "! grep -q yes '$d/site.reused'"
sleep 1
python3 - "$d/site/r/2025-02-07-cache-b.html" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:
    b = bytearray(f.read()); b[-2] ^= 0x20; f.seek(0); f.write(b)
EOF
check "snapshot: after a same-size hand edit" b "$d/site"
check "snapshot: same-size edit rebuilt" same "$d/ref" "$d/site"
check "snapshot: a sibling site never shares the edited file" \
    same "$d/ref" "$d/j2"

# Every input in the key: a new commit, the configuration, the theme,
# --today, --base-url.  Each time: no reuse, and the reference bytes.
(cd "$r" && sed -i 's/full disk/full data disk/' postmortems/a.md &&
    git commit -qam edit) >/dev/null
ref ref
check "snapshot: after a commit" b "$d/site"
check "snapshot: after a commit, not reused" sh -c "! grep -q yes '$d/site.reused'"
check "snapshot: after a commit = reference" same "$d/ref" "$d/site"
check "snapshot: the edit is on the page" grep -q 'full data disk' "$d/site/index.html"
b "$d/site"
check "snapshot: then reused again" reused "$d/site"
check "snapshot: and still the reference" same "$d/ref" "$d/site"

printf 'site:\n  title: "Cache test, renamed"\n' >"$r/.postmortem.yaml"
ref ref
b "$d/site"
check "snapshot: configuration changed, not reused" sh -c "! grep -q yes '$d/site.reused'"
check "snapshot: configuration changed = reference" same "$d/ref" "$d/site"
check "snapshot: the new title is there" grep -q 'Cache test, renamed' "$d/site/index.html"

cp -R "$TOP/themes/default" "$d/theme"
ref ref --theme "$d/theme"
b "$d/site" --theme "$d/theme"
check "snapshot: theme copy = reference" same "$d/ref" "$d/site"
printf '/* changed */\n' >>"$d/theme/style.css"
ref ref --theme "$d/theme"
b "$d/site" --theme "$d/theme"
check "snapshot: theme file changed, not reused" sh -c "! grep -q yes '$d/site.reused'"
check "snapshot: theme file changed = reference" same "$d/ref" "$d/site"
check "snapshot: the changed stylesheet is published" grep -q changed "$d/site/style.css"

ref ref --today 2026-12-01 --base-url https://pm.example.com/
b "$d/site" --today 2026-12-01 --base-url https://pm.example.com/
check "snapshot: --today and --base-url changed, not reused" \
    sh -c "! grep -q yes '$d/site.reused'"
check "snapshot: --today and --base-url = reference" same "$d/ref" "$d/site"
ref ref
b "$d/site"
b "$d/site"
check "snapshot: back to the defaults, reused" reused "$d/site"
check "snapshot: back to the defaults = reference" same "$d/ref" "$d/site"

# A damaged snapshot never changes the result or crashes.
S=$(snapdir "$d/site")
cp "$S/index" "$d/index.good"
damage() {
	what=$1; shift
	cp "$d/index.good" "$S/index"
	"$@"
	rm -rf "$d/site"
	check "snapshot: $what: build" b "$d/site"
	check "snapshot: $what: not reused" sh -c "! grep -q yes '$d/site.reused'"
	check "snapshot: $what: = reference" same "$d/ref" "$d/site"
	# The build recorded a sound snapshot again.
	cp "$S/index" "$d/index.good"
}
damage "truncated index" sh -c "head -c 300 '$d/index.good' >'$S/index'"
damage "empty index" sh -c ": >'$S/index'"
damage "garbage index" sh -c "head -c 4096 /dev/urandom >'$S/index'"
damage "one flipped byte" python3 -c "
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[len(b) // 2] ^= 1
open(p, 'wb').write(b)" "$S/index"
damage "index from another version" sed -i 's/^postmortem-snapshot 1$/postmortem-snapshot 9/' "$S/index"
damage "a file gone" rm "$S/f/index.html"
damage "a file replaced by a symbolic link" \
    sh -c "rm '$S/f/style.css' && ln -s /etc/passwd '$S/f/style.css'"
damage "index is a directory" sh -c "rm '$S/index' && mkdir '$S/index'"

# forge DIR: rewrite the index to match the files of f/ as they are
# now: a snapshot tampered with by someone who can write .git, which
# is beyond what the cache defends against; here it proves that
# --no-cache reads no snapshot.
forge() {
	python3 - "$1" <<'EOF'
import os, sys
d = sys.argv[1]
lines = open(d + "/index", "rb").read()[:-21].decode().split("\n")[:-1]
res = []
for ln in lines:
    p = ln.split(" ", 4)
    if len(p) == 5 and all(x.isdigit() for x in p[:4]) and \
       os.path.lexists(d + "/f/" + p[4]):
        st = os.lstat(d + "/f/" + p[4])
        ln = "%d %d %d %d %s" % (st.st_size, st.st_mtime_ns // 10**9,
            st.st_mtime_ns % 10**9, st.st_ino, p[4])
    res.append(ln)
body = ("\n".join(res) + "\n").encode()
h = 0xcbf29ce484222325
for c in body:
    h = ((h ^ c) * 0x100000001b3) & 0xffffffffffffffff
open(d + "/index", "wb").write(body + b"end %016x\n" % h)
EOF
}
b "$d/site"
S=$(snapdir "$d/site")
printf 'forged\n' >>"$S/f/index.html"
forge "$S"
rm -rf "$d/site"
b "$d/site"
check "snapshot: a forged snapshot is used (the test's own check)" \
    grep -q forged "$d/site/index.html"
rm -rf "$d/site"
check "snapshot: --no-cache reads no snapshot" b "$d/site" --no-cache
check "snapshot: --no-cache = reference" same "$d/ref" "$d/site"
rm -rf "$r/.git/postmortem/site"

# A failed build leaves the previous site; a reuse refuses an --out it
# did not make, with the message of a build without the cache.
b "$d/site"
b "$d/site"
check "snapshot: warm again" reused "$d/site"
files "$d/site" >"$d/before"
printf 'mine\n' >"$d/site/precious.txt"
b "$d/site" && st=0 || st=$?
check "snapshot: refuses a foreign file (warm), exit 2" test "$st" = 2
cp "$d/site.err" "$d/warm-refusal.err"
b "$d/site" --no-cache && st=0 || st=$?
check "snapshot: refuses a foreign file (--no-cache), exit 2" test "$st" = 2
check "snapshot: same refusal with and without the cache" \
    test_cmp "$d/warm-refusal.err" "$d/site.err"
check "snapshot: the foreign file is still there" test -f "$d/site/precious.txt"
rm "$d/site/precious.txt"
files "$d/site" >"$d/after"
check "snapshot: the old site is intact" test_cmp "$d/before" "$d/after"

# Builds at the same time, some recording and some reusing, each
# into its own --out: every one is the reference.
rm -rf "$d"/par*
for i in 1 2 3 4; do b "$d/par$i" -q & done
wait
for i in 1 2 3 4; do b "$d/par$i" -q & done
wait
for i in 1 2 3 4; do
	check "snapshot: parallel builds: par$i = reference" \
	    diff -r "$d/ref" "$d/par$i"
done

# At most three snapshots per repository; no temporary directory left.
for i in 1 2 3 4 5; do b "$d/many$i" -q; done
n=$(ls "$r/.git/postmortem/site" | wc -l)
check "snapshot: at most three snapshots kept ($n)" test "$n" -le 3
check "snapshot: no temporary directory left" \
    sh -c "! ls -a '$r/.git/postmortem/site' | grep -q '\.new-\|\.old-'"
check "snapshot: nothing in the work tree" \
    sh -c "cd '$r' && ! git status --porcelain --ignored | grep -v '^ M .postmortem.yaml$'"
done_testing
