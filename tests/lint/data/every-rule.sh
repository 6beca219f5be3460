# A corpus on which every built-in rule fires, for the format checks
# (t-sarif.sh, t-sarif-formats.sh), sourced after tests/lib.sh:
#
#   make_every_rule DIR   a repository with four reports and a
#                         configuration, nothing committed
#
# faults.md breaks most rules at once; stale.md shares its id and was
# shared late (with distribution_hours raised so that only the 7-day
# rule fires there); broken.md has invalid YAML; bytes.md an invalid
# UTF-8 byte and no severity.  faults.md also links an image that is
# not there (links/local).  Lint it with --today 2026-11-01.
make_every_rule() {
	mkdir -p "$1"
	# A repository (no commit needed): links/local looks files up in
	# its working tree.
	git init -q "$1"
	printf 'thresholds:\n  distribution_hours: 200\n' >"$1/.postmortem.yaml"
	cat >"$1/faults.md" <<'EOR'
---
title: Checkout errors after the cache resize
id: faults
severity: P2
started: 2025-02-09T10:05:00Z
detected: 2025-02-09T10:12:00
mitigated: 2025-02-09T10:50:00Z
ended: 2025-02-09T11:20:00Z
authors: ["@kim"]
related: [no-such-report]
distributed: 2025-02-19T12:00:00Z
follow_up: 2025-02-12
---

## Summary

Checkout failed for some customers for an hour after the cache was resized.

## Root Cause

It broke.

## Timeline

| Time | Event | Source | Actor |
|------|-------|--------|-------|
| 10:05 | Checkout errors start | logs | system |
| ??:?? | Someone looks at the dashboard | chat | @kim |
| 10:50 | Cache restored | shell | @kim |
| 10:40 | Old cache size found in the change | review | @kim |
| 14:00 CET | Status page updated | web | @lee |
| 2025-02-12 10:00 | Review meeting | calendar | @kim |

See also [[another-missing-report]] and ![the graph](img/missing.png).

## Contributing Factors

- The resize halved the memory of every node.

## Action Items

| ID | Action | Owner | Deadline | Priority | Status | Ticket |
|----|--------|-------|----------|----------|--------|--------|
| A1 | Page on cache evictions above 100/s | | | | open | |
| A2 | Add a canary step for cache changes | @kim | 2025-02-30 | High | open | OPS-2 |
| A3 | Write the cache sizing rule down | @lee | 2025-03-01 | someday | open | OPS-3 |
| A4 | Improve monitoring | @lee | 2025-03-01 | Low | open | OPS-4 |

## Lessons Learned

- The outage was caused by human error.
EOR
	cat >"$1/stale.md" <<'EOR'
---
title: Search index lag
id: faults
severity: P3
started: 2025-03-01T10:00:00Z
ended: 2025-03-01T11:00:00Z
authors: ["@lee"]
detected: 2025-03-01T10:10:00Z
distributed: 2025-03-09T12:00:00Z
follow_up: 2025-03-29
---

## Summary

Search results were an hour old for an hour while the indexer was stuck.

## Impact

- Stale search results for every customer.

## Root Cause

The indexer waited on a lock that a crashed job held, and nothing expired the
lock, so new documents queued until an engineer removed it by hand.

## Timeline (all times UTC)

- 10:00 indexing stops
- 10:30 indexer restarted by hand

## Contributing Factors

- Locks have no expiry.
- The lag alert waits 20 minutes.

## Action Items

| ID | Action | Owner | Deadline | Priority | Status | Ticket |
|----|--------|-------|----------|----------|--------|--------|
| A1 | Expire indexer locks after 5 minutes | @lee | 2025-04-01 | High | done | IDX-1 |

## Lessons Learned

- Locks need owners and expiry.
EOR
	printf -- '---\ntitle: [unclosed\nseverity: P2\n---\n\n## Summary\n\nText.\n' \
	    >"$1/broken.md"
	printf -- '---\ntitle: No severity here\nstarted: 2025-01-01T00:00:00Z\nended: 2025-01-01T01:00:00Z\nauthors: ["@kim"]\n---\n\n## Summary\n\nBad byte: \377 here.\n' \
	    >"$1/bytes.md"
}
