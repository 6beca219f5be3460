#!/bin/sh
# Recurring problems on the trend page, on a small fixture: the section
# is compared with a golden file (REGEN=1 rewrites it).
#
#   s1 s2 s3  one cache evicting session keys, told three ways, months
#             apart: one set, oldest first, named by title; for s2 and
#             s3, whether the action items of the earlier ones were done
#             before they started (a dated "done", an open item past its
#             deadline, a checked box without a date).
#   c1 c2     two certificate renewals of one service and a category that
#             few reports have: linked with less shared text.
#   f1 f2     the same failure two years apart: similar on their pages,
#             but not a set (more than 400 days).
#   g1        shares only generic words (kubernetes, outage, error) with
#             the others: similar to none.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
G=$TOP/tests/site/golden
d=$(tmpdir)

# rep ID TITLE DAY SERVICE CATEGORY SUMMARY ROOT ACTIONS
rep() {
	cat <<EOF
---
title: "$2"
id: $1
severity: P2
status: final
started: $3T10:00:00Z
ended: $3T12:00:00Z
services: [$4]
---

## Summary

$6

## Root Cause

$7

## Contributing Factors

- **$5**: see the root cause.

## Action Items

$8
EOF
}
report_repo "$d/r"
add_report "$d/r" s1.md "$(rep s1 'Redis session cache hits maxmemory and evicts logged-in sessions' \
    2024-02-05 sessions 'Capacity Planning' \
    'The `session-cache` Redis instance reached maxmemory and, under the allkeys-lru policy, evicted active session keys. Users were logged out.' \
    'Session keys carry no TTL and the new remember-me feature doubled their size, so `session-cache` filled up and evicted keys.' \
    '| ID | Action | Owner | Deadline | Status |
|---|---|---|---|---|
| A1 | Alert on session-cache memory above 80% | @ana | 2024-02-20 | done 2024-02-19 |
| A2 | Switch session-cache to volatile-lru with a TTL on session keys | @ben | 2024-03-01 | open |')" \
    2024-02-06T10:00:00Z
add_report "$d/r" c1.md "$(rep c1 'Billing portal certificate expires' \
    2024-03-04 billing 'Certificate Renewal' \
    'The TLS certificate of the billing portal expired and browsers refused the page.' \
    'The renewal job had been failing quietly since the DNS provider changed its API token.' \
    '- [x] Monitor certificate expiry of the billing portal @cara due 2024-03-20')" \
    2024-03-05T10:00:00Z
add_report "$d/r" s2.md "$(rep s2 'Users logged out again as session keys are evicted' \
    2024-05-14 sessions 'Capacity Planning' \
    'Evictions on `session-cache` logged users out for forty minutes: Redis had reached its maxmemory limit once more.' \
    'Session keys still have no TTL; the allkeys-lru policy evicts sessions as soon as `session-cache` is full.' \
    '- [x] Raise the maxmemory of session-cache @ben due 2024-05-20')" \
    2024-05-15T10:00:00Z
add_report "$d/r" g1.md "$(rep g1 'Kubernetes outage in the build farm' \
    2024-05-20 ci 'Tooling' \
    'A kubernetes outage: builds failed with an error and engineers were paged.' \
    'A node pool upgrade drained every runner at once.' \
    '- Stagger node pool upgrades @dan due 2024-06-01')" \
    2024-05-21T10:00:00Z
add_report "$d/r" c2.md "$(rep c2 'Invoices API certificate not renewed in time' \
    2024-06-10 billing 'Certificate Renewal' \
    'Clients of the invoices API failed the TLS handshake after its certificate expired.' \
    'The ACME client lost its account key in a redeploy and stopped renewing.' \
    '- Keep the ACME account key in the secret store @cara due 2024-07-01 (done)')" \
    2024-06-11T10:00:00Z
add_report "$d/r" s3.md "$(rep s3 'Evicted Redis session keys after session-cache fills up' \
    2024-11-02 sessions 'Capacity Planning' \
    'For the third time `session-cache` hit maxmemory and Redis evicted session keys, logging users out.' \
    'A marketing campaign doubled logins; without a TTL on session keys the allkeys-lru policy evicted them.' \
    '- Put a TTL on session keys @ben due 2024-12-01')" \
    2024-11-03T10:00:00Z
# f1, f2: an nginx worker crash loop, two years apart.
add_report "$d/r" f1.md "$(rep f1 'nginx workers crash on oversized headers' \
    2021-03-01 edge 'Input Validation' \
    'nginx worker processes crashed with signal 11 when a client sent oversized cookie headers through the `edge-lb` pool.' \
    'A third-party module of `edge-lb` mishandled large_client_header_buffers overflows.' \
    '- Remove the header module from edge-lb @eve due 2021-04-01')" \
    2021-03-02T10:00:00Z
add_report "$d/r" f2.md "$(rep f2 'Oversized cookie headers crash nginx workers on edge-lb' \
    2023-04-11 edge 'Input Validation' \
    'Clients with oversized cookie headers made nginx worker processes on `edge-lb` crash with signal 11.' \
    'The header module of `edge-lb` came back with an image rebuild and still mishandles large_client_header_buffers.' \
    '- Pin the edge-lb image @eve due 2023-05-01')" \
    2023-04-12T10:00:00Z
check "recurring: build" build_site "$d/r" "$d/site"

sed -n '/<section aria-labelledby="h-recur">/,/<section aria-labelledby="h-actions">/p' \
    "$d/site/trends.html" | sed '$d' >"$d/recurring.html"
if [ -n "${REGEN:-}" ]; then
	cp "$d/recurring.html" "$G/recurring.html"
	ok "recurring: regenerated golden/recurring.html"
else
	check "recurring: golden section" test_cmp "$G/recurring.html" \
	    "$d/recurring.html"
fi

# sets NAME...: the report ids of each set, one set a line.
sets() {
	awk '/<section class="cluster"/ { s = "" }
	    match($0, /^<tr><td><a href="r\/[^"]*\.html"/) {
		s = s " " substr($0, RSTART + 19, RLENGTH - 25) }
	    /^<\/section>$/ && s != "" { print substr(s, 2); s = "" }' \
	    "$d/site/trends.html"
}
sets >"$d/sets"
check "recurring: the session evictions are one set, oldest first" \
    grep -qx 's1 s2 s3' "$d/sets"
check "recurring: the certificate renewals are one set" \
    grep -qx 'c1 c2' "$d/sets"
check "recurring: no other set" test "$(wc -l <"$d/sets")" -eq 2
check "recurring: incidents named by title" \
    grep -q '>Users logged out again as session keys are evicted</a>' \
    "$d/recurring.html"
check "recurring: a dated done before the next start counts" \
    grep -q 'of 2 earlier action items: 1 done before it started; 1 still open (1 past the deadline then)' \
    "$d/recurring.html"
check "recurring: a checked box without a date is not claimed" \
    grep -q '1 done, date not recorded' "$d/recurring.html"
similar_of() {
	sed -n '/<ul class="refs similar">/,/<\/ul>/p' "$d/site/r/$1.html" |
	    grep -o 'href="\.\./r/[^"]*\.html"' | sed 's|.*r/||; s|\.html"||' |
	    sort | tr '\n' ' '
}
check "recurring: s2 lists s1 and s3 as similar" \
    test "$(similar_of s2)" = "s1 s3 "
check "recurring: f1 and f2 are similar though far apart" \
    test "$(similar_of f2)" = "f1 "
check "recurring: generic words link nothing" test -z "$(similar_of g1)"
done_testing
