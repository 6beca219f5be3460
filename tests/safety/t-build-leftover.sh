#!/bin/sh
# A build killed before its swap leaves a hidden ".OUT.new-*" beside
# --out.  The next build names it and never deletes it (it may hold no
# marker, so it cannot be proven ours).
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
bash "$TOP/sample-postmortems/make-repo.sh" "$T/repo" >/dev/null 2>&1
mkdir "$T/.site.new-Ab12Cd"
echo "someone's notes" >"$T/.site.new-Ab12Cd/notes.txt"
pm -C "$T/repo" build --out "$T/site" --today 2026-11-01 >"$T/out" 2>"$T/err"
check "build succeeds beside a leftover" test -f "$T/site/index.html"
check "build names the leftover" grep -q "\.site\.new-Ab12Cd' was left by an interrupted build" "$T/err"
check "build keeps the leftover and its files" test -f "$T/.site.new-Ab12Cd/notes.txt"
done_testing
