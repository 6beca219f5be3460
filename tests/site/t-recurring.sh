#!/bin/sh
# Recurring problems on the trend page: a service with the same
# contributing-factor category twice within 180 days is a cluster.
# Reports that 'postmortem adopt' converted carry their "Category:" line
# as the front matter field 'category' (and a tag), not as a factor
# category: that field counts too, and its value gets a factor page.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)

# adopted ID DAY CATEGORY: a report as 'postmortem adopt' writes it.
adopted() {
	cat <<EOF
---
title: Ingress outage $1
id: "$1"
severity: SEV3
status: final
started: $2T10:00:00Z
ended: $2T11:00:00Z
services: [ingress-nginx]
tags: [$3]
authors: [Test User]
category: $3
---
# Ingress outage $1

## Summary

The ingress replicas were drained at once.

## Timeline

| Time (UTC) | Event |
|---|---|
| $2 10:00 | Errors start |
| $2 11:00 | Resolved |
EOF
}

# cluster_row SITE: the cluster rows of the trend page, one a line.
cluster_rows() {
	sed -n '/<table class="clusters">/,/<\/table>/p' "$1/trends.html" |
	    grep '^<tr><td>' || true
}

# Two reports 30 days apart, same service and category: one cluster.
report_repo "$d/a"
add_report "$d/a" pm/a1.md "$(adopted a1 2024-03-01 Kubernetes)" \
    2024-03-02T10:00:00Z
add_report "$d/a" pm/a2.md "$(adopted a2 2024-03-31 Kubernetes)" \
    2024-04-01T10:00:00Z
check "recurring: build (adopted reports)" build_site "$d/a" "$d/a-site"
cluster_rows "$d/a-site" >"$d/a-rows"
check "recurring: one cluster" test "$(wc -l <"$d/a-rows")" -eq 1
check "recurring: the cluster names service and category" \
    grep -q '>ingress-nginx</a></td><td><a href="factor/kubernetes.html">Kubernetes</a></td><td class="num">2</td><td class="date">2024-03-01</td><td class="date">2024-03-31</td>' \
    "$d/a-rows"
check "recurring: the cluster lists both reports" \
    sh -c "grep -q '>a1</a>' '$d/a-rows' && grep -q '>a2</a>' '$d/a-rows'"
check "recurring: the category has a factor page" \
    test -f "$d/a-site/factor/kubernetes.html"
check "recurring: each report links the other under the category" \
    grep -q 'href="../r/a1.html"' "$d/a-site/r/a2.html"

# 200 days apart: no cluster.  Another category: no cluster.
report_repo "$d/b"
add_report "$d/b" pm/b1.md "$(adopted b1 2024-01-01 Kubernetes)" \
    2024-01-02T10:00:00Z
add_report "$d/b" pm/b2.md "$(adopted b2 2024-07-19 Kubernetes)" \
    2024-07-20T10:00:00Z
add_report "$d/b" pm/b3.md "$(adopted b3 2024-07-29 Certificates)" \
    2024-07-30T10:00:00Z
check "recurring: build (far apart, other category)" \
    build_site "$d/b" "$d/b-site"
check "recurring: no cluster" \
    test "$(cluster_rows "$d/b-site" | wc -l)" -eq 0

# Legacy reports with a "Category:" line, converted by adopt --write.
legacy() {
	cat <<EOF
# Ingress outage $1

- Category: Kubernetes
- Severity: SEV3
- Service: ingress-nginx

## Summary

The ingress replicas were drained at once.

## Timeline

| Time (UTC) | Event |
|---|---|
| $2 10:00 | Errors start |
| $2 11:00 | Resolved |
EOF
}
report_repo "$d/c"
add_report "$d/c" c1.md "$(legacy one 2023-05-01)" 2023-05-02T10:00:00Z
add_report "$d/c" c2.md "$(legacy two 2023-05-31)" 2023-06-01T10:00:00Z
check "recurring: adopt --write legacy reports" \
    sh -c "cd '$d/c' && $PM adopt --write >/dev/null 2>&1"
check "recurring: adopt wrote the field 'category'" \
    grep -q '^category: Kubernetes' "$d/c/c1.md"
(cd "$d/c" && git add c1.md c2.md &&
    commit_at 2023-06-02T10:00:00Z "adopt") >/dev/null 2>&1
check "recurring: build (after adopt)" build_site "$d/c" "$d/c-site"
check "recurring: one cluster after adopt" \
    test "$(cluster_rows "$d/c-site" | wc -l)" -eq 1
done_testing
