#!/bin/sh
# The output directory: a foreign non-empty --out is refused; a failed
# build (theme syntax error, missing theme) leaves the old site byte for
# byte and no temporary directory behind.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)
report_repo "$d/repo"
add_report "$d/repo" "reports/one.md" '---
title: One
severity: P2
started: 2025-02-09T10:00:00Z
ended: 2025-02-09T11:00:00Z
authors: ["@a"]
---

## Summary

One.
' 2025-02-10T00:00:00Z

mkdir -p "$d/w/foreign" && echo mine >"$d/w/foreign/notes.txt"
build_site "$d/repo" "$d/w/foreign" 2>"$d/err"
check "refuse: foreign --out exits 2" test $? -eq 2
check "refuse: says why" grep -q 'did not create\|not empty' "$d/err"
check "refuse: foreign file untouched" test "$(cat "$d/w/foreign/notes.txt")" = mine
check "refuse: nothing else created" test "$(ls -A "$d/w")" = foreign
echo x >"$d/w/file"
build_site "$d/repo" "$d/w/file" 2>/dev/null
check "refuse: --out that is a file exits 2" test $? -eq 2
rm "$d/w/file"
mkdir "$d/w/empty"
check "accept: empty --out" build_site "$d/repo" "$d/w/empty"
check "accept: marker written" test -f "$d/w/empty/.postmortem-site"

check "atomic: first build" build_site "$d/repo" "$d/w/site"
cp -a "$d/w/site" "$d/copy"
mkdir -p "$d/theme"
printf '{{>header}}\n{{#rows}}unclosed\n' >"$d/theme/list.html"
build_site "$d/repo" "$d/w/site" --theme "$d/theme" 2>"$d/err"
check "atomic: theme syntax error exits 2" test $? -eq 2
check "atomic: the error names file and line" grep -q 'list.html:2' "$d/err"
check "atomic: old site byte-identical" diff -r "$d/copy" "$d/w/site"
build_site "$d/repo" "$d/w/site" --theme "$d/no-such-theme" 2>"$d/err"
check "atomic: missing theme directory exits 2" test $? -eq 2
check "atomic: old site still byte-identical" diff -r "$d/copy" "$d/w/site"
check "atomic: no temporary directory left" \
    test "$(ls -A "$d/w" | tr '\n' ' ')" = "empty foreign site "
echo extra >"$d/w/site/added-by-hand.html"
build_site "$d/repo" "$d/w/site" 2>/dev/null
check "refuse: a site with a hand-added file" test $? -eq 2
check "refuse: hand-added file kept" test -f "$d/w/site/added-by-hand.html"
rm "$d/w/site/added-by-hand.html"
printf '{{>header}}<p class="custom">{{count}}</p>{{>rows}}{{>footer}}\n' \
    >"$d/theme/list.html"
check "theme: override builds" build_site "$d/repo" "$d/w/site" --theme "$d/theme"
check "theme: override file used" grep -q 'class="custom"' "$d/w/site/index.html"
check "theme: other files from the default" grep -q 'class="facts"' \
    "$d/w/site/r/one.html"
done_testing
