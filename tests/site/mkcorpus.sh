#!/bin/sh
# mkcorpus.sh DIR N [MONTHS]: a Git repository of N made-up reports
# spread over MONTHS months (default 60) ending in October 2026, for the
# browser tests: every severity and some with none, a few services,
# tags, authors and owners, action items done, open and overdue (on
# 2026-11-01), a title in Japanese, Chinese and Korean now and then.
# Deterministic: the same N and MONTHS give the same files and commit.
set -eu
dir=$1; n=$2; months=${3:-60}
mkdir -p "$dir/reports"
awk -v n="$n" -v months="$months" -v dir="$dir/reports" 'BEGIN {
	split("checkout payments search auth notifications api-gateway", svc, " ")
	split("deploy database dns certificates capacity config", tag, " ")
	split("ana bo chen dara emil fatou", who, " ")
	split("team-core team-data team-edge team-payments-and-billing-platform", own, " ")
	split("P0 P1 P2 P3 P4 -", sev, " ")
	split("Change Management|Monitoring Gap|Capacity Planning|Testing Gap", cat, "|")
	split("Checkout latency after a deploy|Database failover took too long|" \
	    "Certificate expired on the edge|Queue backlog delayed e-mails|" \
	    "決済サービスの遅延|搜索索引只读|인증 서버 장애|DNS answers went stale", ttl, "|")
	first = 2026 * 12 + 9 - months + 1	# last month: 2026-10
	for (i = 0; i < n; i++) {
		m = first + int(i * months / n)
		y = int(m / 12); mo = m % 12 + 1
		d = i % 28 + 1
		day = sprintf("%04d-%02d-%02d", y, mo, d)
		id = sprintf("%s-r%05d", day, i)
		f = dir "/" id ".md"
		s = sev[(i * 7) % 6 + 1]
		printf "---\ntitle: \"%s (%d)\"\nid: %s\n", ttl[i % 8 + 1], i, id > f
		if (s != "-")
			printf "severity: %s\n", s > f
		printf "status: final\nstarted: %sT10:00:00Z\n", day > f
		printf "detected: %sT10:%02d:00Z\n", day, 2 + i % 50 > f
		printf "ended: %sT%02d:30:00Z\n", day, 11 + i % 12 > f
		printf "services: [%s]\ntags: [%s, %s]\n", svc[i % 6 + 1],
		    tag[i % 6 + 1], tag[(i * 5) % 6 + 1] > f
		printf "authors: [\"@%s\"]\n---\n\n", who[i % 6 + 1] > f
		printf "## Summary\n\nA made-up incident number %d for the " \
		    "browser tests.\n\n", i > f
		printf "## Contributing Factors\n\n1. **%s**: invented for " \
		    "the test.\n\n", cat[i % 4 + 1] > f
		printf "## Action Items\n\n| ID | Action | Owner | Deadline | " \
		    "Status |\n|----|--------|-------|----------|--------|\n" > f
		dm = m + 2; dl = sprintf("%04d-%02d-15", int(dm / 12), dm % 12 + 1)
		printf "| A1 | Fix the cause | %s | %s | %s |\n",
		    own[i % 4 + 1], dl, i % 3 ? "done" : "open" > f
		printf "| A2 | Add an alert | %s | %s | done |\n",
		    own[(i + 1) % 4 + 1], dl > f
		close(f)
	}
}'
cd "$dir"
git init -q
git add reports
GIT_AUTHOR_DATE=2026-10-31T12:00:00Z GIT_COMMITTER_DATE=2026-10-31T12:00:00Z \
    git -c user.name=Test -c user.email=test@example.com commit -q -m corpus
