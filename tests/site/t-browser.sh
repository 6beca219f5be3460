#!/bin/sh
# The built sample site in a real browser (Debian's chromium, headless,
# file:// URLs): the index, a report, the trend page and the search page
# load without console errors (no CSP refusals, no uncaught exceptions),
# the charts are SVG with bars, and the search finds a report.  Saves
# build/site-trends.png and build/site-trends-dark.png (the dark scheme).  Skipped when chromium is not installed
# ('make test-deps').
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
if ! command -v chromium >/dev/null 2>&1; then
	skip "site browser test" "chromium not installed (make test-deps)"
	done_testing; exit
fi
d=$(tmpdir)
if ! samples_repo "$d/repo"; then
	skip "site browser test" "no sample-postmortems/make-repo.sh"
	done_testing; exit
fi
check "browser: build" build_site "$d/repo" "$d/site"
chrome() {
	timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$(mktemp -d "$d/prof.XXXXXX")" \
	    --enable-logging=stderr --v=0 "$@"
}
# console: PAGE: dump the DOM; console messages go to $d/PAGE.log.
console() {
	pg=$(echo "$1" | tr '/?=' '___')
	chrome --virtual-time-budget=3000 --dump-dom \
	    "file://$d/site/$1" >"$d/$pg.dom" 2>"$d/$pg.log"
}
noerrors() {
	! grep -E 'Uncaught|Refused|Content Security Policy|Failed to load|ERR_FILE_NOT_FOUND' \
	    "$d/$1.log" >&2
}
for page in index.html r/2024-05-21-postgres-main-migration-lock.html \
    trends.html search.html; do
	pn=$(echo "$page" | tr '/?=' '___')
	check "browser: $page loads" console "$page"
	check "browser: $page has no console errors" noerrors "$pn"
done
check "browser: trends has SVG charts" grep -q '<svg' "$d/trends.html.dom"
check "browser: trends charts have bars" \
    test "$(grep -o '<rect' "$d/trends.html.dom" | wc -l)" -gt 20
check "browser: charts have accessible tables" \
    test "$(grep -o '<table class="data"' "$d/trends.html.dom" | wc -l)" -ge 5
check "browser: index filter box shown by script" \
    sh -c "! grep -q 'class=\"filter-box\" hidden' '$d/index.html.dom'"
check "browser: search runs from file://" console "search.html?q=postgres"
check "browser: search finds the postgres report" \
    grep -q 'postgres-main-migration-lock.html' "$d/search.html_q_postgres.dom"
mkdir -p "$TOP/build"
check "browser: screenshot of the trends page" sh -c \
    "cd '$TOP' && timeout 60 chromium --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync \
    --user-data-dir=\$(mktemp -d '$d/prof.XXXXXX') \
    --screenshot=build/site-trends.png --window-size=1280,2000 \
    'file://$d/site/trends.html' >/dev/null 2>&1 && test -s build/site-trends.png"
check "browser: screenshot of the trends page, dark scheme" sh -c \
    "cd '$TOP' && timeout 60 chromium --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --force-dark-mode \
    --user-data-dir=\$(mktemp -d '$d/prof.XXXXXX') \
    --screenshot=build/site-trends-dark.png --window-size=1280,2000 \
    'file://$d/site/trends.html' >/dev/null 2>&1 && test -s build/site-trends-dark.png"
done_testing
