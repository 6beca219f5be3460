#!/bin/sh
# Two builds of one commit are byte-identical; a rebuild keeps the
# mtime (and inode) of every unchanged file and rewrites only the pages
# whose content changed.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)
if ! samples_repo "$d/repo"; then
	skip "site determinism" "no sample-postmortems/make-repo.sh"
	done_testing; exit
fi
check "determinism: first build" build_site "$d/repo" "$d/a"
check "determinism: second build" build_site "$d/repo" "$d/b" -j 1
check "determinism: byte-identical (diff -r)" diff -r "$d/a" "$d/b"
check "determinism: build with TZ and LC_ALL changed" \
    env TZ=Asia/Tokyo LC_ALL=C sh -c \
    ". '$TOP/tests/site/site-lib.sh'; PM='$PM'; build_site '$d/repo' '$d/c'"
check "determinism: same under another TZ" diff -r "$d/a" "$d/c"

# Rebuild in place: nothing changed, every file kept.
# Files only: directories are new in every build (the tree is swapped).
files() { (cd "$1" && find . -type f -printf '%P %i %T@\n' | sort); }
files "$d/a" >"$d/before"
sleep 1
check "incremental: rebuild in place" build_site "$d/repo" "$d/a"
files "$d/a" >"$d/after"
check "incremental: nothing changed, inodes and mtimes kept" \
    test_cmp "$d/before" "$d/after"

# Change one report's title: its page, the lists that show it and the
# search index change; another report's page does not.
f=$(cd "$d/repo" && git ls-files '*.md' | grep postgres-main-migration-lock)
# A report page that does not show the changed report anywhere.
other=$(cd "$d/a/r" && grep -L postgres-main-migration-lock *.html | tail -1)
stat -c '%i %Y' "$d/a/r/$other" >"$d/other.before"
stat -c '%Y' "$d/a/r/2024-05-21-postgres-main-migration-lock.html" >"$d/page.before"
(cd "$d/repo" && sed -i 's/^title: "Schema migration/title: "The schema migration/' "$f" &&
    git commit -q -am 'retitle')
sleep 1
check "incremental: rebuild after one change" build_site "$d/repo" "$d/a"
stat -c '%i %Y' "$d/a/r/$other" >"$d/other.after"
check "incremental: an unrelated page keeps inode and mtime" \
    test_cmp "$d/other.before" "$d/other.after"
stat -c '%Y' "$d/a/r/2024-05-21-postgres-main-migration-lock.html" >"$d/page.after"
check "incremental: the changed report's page is rewritten" \
    sh -c "! cmp -s '$d/page.before' '$d/page.after'"
check "incremental: the new title is on the index" \
    grep -q 'The schema migration' "$d/a/index.html"
check "incremental: no temporary directories left" \
    sh -c "! ls -A '$d' | grep -q '^\.'"
done_testing
