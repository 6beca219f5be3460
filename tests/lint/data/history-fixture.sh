# A repository with a past, for t-since.sh and t-baseline.sh (sourced
# after tests/lib.sh): three committed reports that already have
# findings, written before anyone ran the linter.
#
#   make_history DIR     create DIR as a Git repository with one commit
#   new_of <FILE         lint's findings without line:col
#   all COND...          every condition holds
#
# Each report has an action item without owner, deadline and priority
# (one merged finding), one sentence the local pack flags, and the
# distribution/follow-up fields set so that the history does not add
# findings of its own.

# write_report FILE ID TITLE
write_report() {
	cat >"$1" <<EOF
---
title: $3
id: $2
severity: P2
status: final
started: 2024-03-04T10:00:00Z
detected: 2024-03-04T10:06:00Z
mitigated: 2024-03-04T10:40:00Z
ended: 2024-03-04T11:00:00Z
services: [ledger]
tags: [storage]
authors: ["@kim"]
distributed: 2024-03-05T09:00:00Z
follow_up: 2024-04-01
---

## Summary

The ledger service stopped accepting writes for an hour when its volume
filled up with compaction leftovers.

## Impact

- 900 writes were refused and retried by the clients.

## Root Cause

Compaction wrote its temporary files on the data volume and never removed
them after a failed run, so free space shrank a little every night until
the volume was full and the database switched to read-only mode.

## Timeline (all times UTC)

| Time | Event | Source | Actor |
|------|-------|--------|-------|
| 10:00 | Writes start failing | app logs | system |
| 10:06 | Disk usage alert fires | alerting | system |
| 10:40 | Leftover files removed; writes resume | shell | @kim |
| 11:00 | Incident closed | chat | @kim |

## Contributing Factors

- Compaction leaves its files behind after a failure.
- The disk alert threshold was set at 99%, too late to act.

## Action Items

| ID | Action | Owner | Deadline | Priority | Status | Ticket |
|----|--------|-------|----------|----------|--------|--------|
| A1 | Remove compaction leftovers on start | @kim | 2024-03-20 | High | done | LED-1 |
| A2 | Alert on disk usage above 85% | | | | done | LED-2 |

## Lessons Learned

- The operator fumbled the cleanup command under pressure.
- Space alerts need room to act.
EOF
}

make_history() {
	mkdir -p "$1/reports" "$1/.postmortem"
	(
		cd "$1" || exit 1
		git init -q .
		cat >.postmortem/words.yaml <<'EOF'
# This test's own pattern, so that the shipped packs do not matter.
family: language/blameless
locale: en
rules:
  - id: fumbled
    pattern: '\bfumbled\b'
    message: "say what made the step hard, not who fumbled it"
EOF
		# Only the local pack: the shipped packs may change.
		printf 'rule_packs: [.postmortem/words.yaml]\n' \
		    >.postmortem.yaml
		write_report reports/ledger-disk.md 2024-03-04-ledger-disk \
		    "Ledger disk full"
		write_report reports/queue-disk.md 2024-05-06-queue-disk \
		    "Queue disk full"
		write_report reports/cache-disk.md 2024-07-08-cache-disk \
		    "Cache disk full"
		git add -A
		commit_at 2024-08-01T12:00:00Z "reports written by hand"
	)
}

# all COND...: every shell condition holds (for one check).
all() {
	for c in "$@"; do
		eval "$c" || return 1
	done
}

# The findings lint prints, without the line and column (which moving
# lines change) and without the summary.
new_of() {
	sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: /\1: /p'
}
