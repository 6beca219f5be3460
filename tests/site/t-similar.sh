#!/bin/sh
# Similar incidents from text, on a generated corpus (gen-similar.sh):
# 300 reports, about half of them in planted recurring groups of 2 to 5
# incidents (same component failing the same way, other words, weeks to
# months apart), the others each their own incident, many of them with
# the component or the failure of a group, all with generic filler.
#
# Printed: precision and recall of the pairs listed under "Similar
# incidents" on the report pages, and of the pairs put in one set on the
# trend page, against the planted groups.  The bars: 0.85 precision and
# 0.90 recall for pairs, 0.90 and 0.90 for sets.  Pairs may be a little
# less precise than sets: a report page lists the closest few incidents,
# and two incidents of the same failure in different components are
# close (they share the failure's words and signature) without being
# the same problem; sets link only mutual nearest neighbours.  Then:
# reports that share only generic words are not similar, and two builds
# are byte-identical.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)

sh "$TOP/tests/site/gen-similar.sh" "$d/c" 300 1
(cd "$d/c" && git init -q && git add -A reports &&
    commit_at 2026-10-01T00:00:00Z corpus) >/dev/null
check "similar: build the generated corpus" build_site "$d/c" "$d/site"

# The planted pairs, "a b" with a < b.
awk '$2 != "-" { m[$2] = m[$2] " " $1 }
    END { for (g in m) { n = split(m[g], v, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
	    print (v[i] < v[j] ? v[i] " " v[j] : v[j] " " v[i]) } }' \
    "$d/c/truth" | sort -u >"$d/truth-pairs"

# The listed pairs: each report page's "Similar incidents".
for f in "$d"/site/r/*.html; do
	id=$(basename "$f" .html)
	sed -n '/<ul class="refs similar">/,/<\/ul>/p' "$f" |
	    grep -o 'href="\.\./r/[^"]*\.html"' |
	    sed 's|href="\.\./r/||; s|\.html"||' |
	    awk -v a="$id" '{ print (a < $1 ? a " " $1 : $1 " " a) }'
done | sort -u >"$d/page-pairs"

# The pairs of each set on the trend page.
awk '/<section class="cluster"/ { n = 0 }
    /<section class="cluster"/, /<\/section>/ {
	if (match($0, /^<tr><td><a href="r\/[^"]*\.html"/)) {
		id = substr($0, RSTART + 19, RLENGTH - 25)
		for (i = 1; i <= n; i++)
			print (v[i] < id ? v[i] " " id : id " " v[i])
		v[++n] = id
	} }' "$d/site/trends.html" | sort -u >"$d/set-pairs"

# prf NAME PREDICTED MIN_P MIN_R: print precision and recall; 0 if both
# reach their bar.
prf() {
	tp=$(comm -12 "$2" "$d/truth-pairs" | wc -l)
	np=$(wc -l <"$2")
	nt=$(wc -l <"$d/truth-pairs")
	awk -v n="$1" -v tp="$tp" -v np="$np" -v nt="$nt" -v mp="$3" \
	    -v mr="$4" 'BEGIN {
		p = np ? tp / np : 0; r = nt ? tp / nt : 0
		printf "# %s: %d predicted, %d planted, %d right: " \
		    "precision %.3f, recall %.3f\n", n, np, nt, tp, p, r
		exit !(p >= mp && r >= mr) }'
}
check "similar: planted groups have pairs" test -s "$d/truth-pairs"
check "similar: pairs on report pages reach the bar" \
    prf "pairs" "$d/page-pairs" 0.85 0.90
check "similar: sets on the trend page reach the bar" \
    prf "sets" "$d/set-pairs" 0.90 0.90

# Each listed incident shows the terms it shares.
check "similar: a listed incident shows its shared terms" \
    grep -q '<small class="shared">Shared: <span class="term">' \
    "$d"/site/r/*.html

# Same input, same bytes (one thread and several).
check "similar: second build" build_site "$d/c" "$d/site2" -j 1
check "similar: two builds are byte-identical" \
    diff -r "$d/site" "$d/site2"

# Generic words only: three reports about different things that all
# say kubernetes, outage, error, customers and on-call.
generic() {
	cat <<EOF
---
title: "$2"
id: $1
severity: P2
status: final
started: $3T10:00:00Z
ended: $3T11:00:00Z
---

## Summary

Kubernetes outage: customers saw errors and the on-call engineer was
paged. $4

## Root Cause

The outage was an error in production. $5
EOF
}
report_repo "$d/g"
add_report "$d/g" g1.md "$(generic g1 'Checkout outage' 2025-01-10 \
    'The payment form rejected every card.' \
    'A currency table shipped with a missing column.')" \
    2025-01-11T10:00:00Z
add_report "$d/g" g2.md "$(generic g2 'Search outage' 2025-02-10 \
    'Product listings came back empty.' \
    'An analyzer plugin crashed on emoji in titles.')" \
    2025-02-11T10:00:00Z
add_report "$d/g" g3.md "$(generic g3 'Login outage' 2025-03-10 \
    'Nobody could sign in with SAML.' \
    'The identity provider rotated its signing key.')" \
    2025-03-12T10:00:00Z
check "similar: build (generic words only)" build_site "$d/g" "$d/g-site"
check "similar: generic words make no similar incidents" \
    sh -c "! grep -q 'class=\"refs similar\"' '$d'/g-site/r/*.html"
check "similar: generic words make no recurring set" \
    sh -c "! grep -q '<section class=\"cluster\"' '$d/g-site/trends.html'"
done_testing
