#!/bin/sh
# The trend page's charts stay readable (no browser needed): above 36
# months the per-month charts draw quarters while their tables keep the
# months; SVG text is never scaled (width = viewBox width); severity
# unknown is a series of its own; a chart with nothing to draw says so
# in words; owners are horizontal bars with long names cut.  And a
# report's locale field gives the lang= of its title and body (WCAG
# 3.1.2) when it is a language tag.  On corpora
# written by tests/site/mkcorpus.sh.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)

# fig FILE ID: the <figure> of chart ID, one line.
fig() {
	awk -v id="$2" 'index($0, "id=\"" id "\"") && /<figure/ { on = 1 }
	    on { printf "%s", $0 } on && /<\/figure>/ { exit }' "$1"
}
# has TEXT PATTERN: TEXT matches PATTERN (grep -E).
has() {
	printf '%s' "$1" | grep -Eq "$2"
}
hasnt() { ! has "$@"; }
# count PATTERN TEXT: how many times PATTERN occurs in TEXT.
count() {
	printf '%s' "$2" | grep -o "$1" | wc -l | tr -d ' '
}

sh "$TOP/tests/site/mkcorpus.sh" "$d/long" 120 60 >/dev/null
check "charts: build 60 months" build_site "$d/long" "$d/l"
m=$(fig "$d/l/trends.html" per-month)
check "charts: 60 months are 21 quarter bars" \
    test "$(count '<text[^>]*class="xlab">20[0-9][0-9]-Q' "$m")" -ge 5 -a \
    "$(count '<title>20[0-9][0-9]-Q[1-4], P' "$m")" -gt 20 -a \
    "$(count '<title>20[0-9][0-9]-[01][0-9], ' "$m")" -eq 0
check "charts: its table keeps the 60 months" \
    test "$(count '<th scope="row">20[0-9][0-9]-[01][0-9]<' "$m")" -eq 60
check "charts: its description says quarters" has "$m" 'one bar per quarter'

a=$(fig "$d/l/trends.html" actions)
check "charts: action items by quarter too, table by month" \
    test "$(count '<title>20[0-9][0-9]-Q[1-4], done' "$a")" -eq 21 -a \
    "$(count '<th scope="row">20[0-9][0-9]-[01][0-9]<' "$a")" -eq 60
check "charts: severity unknown is its own series, in the table" \
    has "$m" '<th scope="col">unknown</th>'
check "charts: severity unknown is in the legend" \
    has "$m" '<g class="legend">.*<text[^>]*>unknown</text>'

# Drawn one unit per pixel: width and height equal the viewBox.
check "charts: SVG never scaled (width = viewBox width)" sh -c \
    "grep -o '<svg [^>]*>' '$d/l/trends.html' | grep -vE \
    'width=\"([0-9]+)\" height=\"([0-9]+)\" viewBox=\"0 0 \\1 \\2\"' |
    grep . >&2 && exit 1; grep -q '<svg ' '$d/l/trends.html'"
check "charts: chart text at the body size" \
    grep -q '^\.chart-svg text {.*font-size: 1rem' "$d/l/style.css"
o=$(fig "$d/l/trends.html" overdue-owners)
check "charts: owners as horizontal bars, a long name cut" \
    has "$o" 'class="ylab">team-payments-and-billi…<'
check "charts: the owner's whole name in the table" \
    has "$o" '<th scope="row">team-payments-and-billing-platform<'


# 2 reports in 2 months, nothing overdue: per month, words for owners.
# One says locale ja, the other a word that is no language tag.
sh "$TOP/tests/site/mkcorpus.sh" "$d/short" 2 2 >/dev/null
(cd "$d/short" && sed -i 's/| open |/| done |/' reports/*.md &&
    sed -i 's/^status: final$/status: final\nlocale: ja/' \
    reports/2026-09-01-r00000.md &&
    sed -i 's/^status: final$/status: final\nlocale: ja_JP/' \
    reports/2026-10-02-r00001.md && git commit -qam done)
check "charts: build 2 months, nothing overdue" build_site "$d/short" "$d/s"
m=$(fig "$d/s/trends.html" per-month)
check "charts: 2 months are 2 month bars" \
    test "$(count '<text[^>]*class="xlab">2026-' "$m")" -eq 2
o=$(fig "$d/s/trends.html" overdue-owners)
check "charts: nothing overdue is said in words" \
    has "$o" '<p>No action item is overdue on 2026-11-01.</p>'
check "charts: nothing overdue draws no axes" hasnt "$o" '<svg' 
check "lang: a report's locale is the lang of its title in lists" \
    grep -q 'r00000.html" lang="ja">' "$d/s/index.html"
check "lang: and of its title and body on its page" sh -c \
    'grep -q "<h1 lang=\"ja\">" "$1" && grep -q "<div class=\"body\" lang=\"ja\">" "$1"' \
    - "$d/s/r/2026-09-01-r00000.html"
check "lang: a locale that is no language tag gives no lang" sh -c \
    '! grep -q "lang=\"ja_" "$1/index.html" "$1/r/2026-10-02-r00001.html"' \
    - "$d/s"
check "charts: no health data is said in words" \
    grep -q '<figure class="chart-none" id="health">' "$d/s/trends.html"
done_testing
