#!/usr/bin/env bash
#
# make-repo.sh DEST
#
# Build a Git repository of sample post-mortems at DEST, as a team would have
# written them over two and a half years: one commit per report, in the order
# the reports were shared, each dated when it was shared (the report's
# `distributed` field, or the date in the commit_date table below for reports
# that rely on Git history instead).  A later commit moves one report into a
# per-service folder so that tools must follow renames to find when a report
# was first added.
#
# The result is deterministic: the same sample files always give the same
# commit ids.  Works from any directory; needs only bash and git.

set -euo pipefail

usage() {
	echo "usage: $0 DEST" >&2
	exit 2
}

[ $# -eq 1 ] || usage
dest=$1
[ -n "$dest" ] || usage

src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
reports=$src/reports

if [ -e "$dest" ]; then
	if [ ! -d "$dest" ]; then
		echo "$0: $dest exists and is not a directory" >&2
		exit 1
	fi
	if [ -n "$(ls -A "$dest")" ]; then
		echo "$0: $dest exists and is not empty; refusing to touch it" >&2
		exit 1
	fi
fi

# Keep the user's and the system's Git configuration (signing, hooks paths,
# templates, autocrlf) out of the picture, and ignore any repository we may be
# running inside of.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
	GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CEILING_DIRECTORIES \
	GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export TZ=UTC LC_ALL=C

# When a report has no `distributed` field, the time it was first committed
# is when it was shared.  Most were committed the day after the incident ended;
# 2026-05-19-postgres-main-replica-lag-stale-reads was shared four days late
# (ended 2026-05-19T14:20Z, committed 2026-05-23T16:00Z: about 98 hours).
commit_date() {
	case $1 in
	2024-06-18-notifications-kafka-consumer-lag)		echo 2024-06-19T15:20:00Z ;;
	2025-01-14-checkout-redis-cart-eviction)		echo 2025-01-15T17:45:00Z ;;
	2025-07-22-postgres-main-wal-disk-full-replication-slot) echo 2025-07-23T10:30:00Z ;;
	2026-02-10-search-flood-stage-read-only-index)		echo 2026-02-11T09:20:00Z ;;
	2026-05-19-postgres-main-replica-lag-stale-reads)	echo 2026-05-23T16:00:00Z ;;
	2026-10-13-payments-settlement-batch-delay)		echo 2026-10-14T09:00:00Z ;;
	*) return 1 ;;
	esac
}

# The report moved into a per-service folder by a later commit.
rename_id=2024-06-18-notifications-kafka-consumer-lag
rename_from=postmortems/2024/$rename_id.md
rename_to=postmortems/2024/notifications/$rename_id.md
rename_date=2026-10-15T10:00:00Z

# front_matter_field FILE FIELD: the raw value of a top-level scalar field.
front_matter_field() {
	awk -v key="$2" '
		NR == 1 { if ($0 != "---") exit; next }
		$0 == "---" { exit }
		index($0, key ":") == 1 {
			v = substr($0, length(key) + 2)
			sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v)
			print v; exit
		}' "$1"
}

# first_author FILE: the first @handle of `authors`, without the @.
first_author() {
	front_matter_field "$1" authors | sed -n 's/^[^@]*@\([A-Za-z0-9_-]*\).*$/\1/p'
}

git_commit() {	# git_commit DATE HANDLE MESSAGE
	GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1 \
	git -C "$dest" -c user.name="$2" -c user.email="$2@example.com" \
		-c commit.gpgsign=false \
		commit -q --no-verify -m "$3"
}

# Collect "date<TAB>year<TAB>id" for every report, oldest first.
list=$(
	for f in "$reports"/*/*.md; do
		[ -e "$f" ] || continue
		id=$(basename "$f" .md)
		year=$(basename "$(dirname "$f")")
		date=$(front_matter_field "$f" distributed)
		if [ -z "$date" ]; then
			date=$(commit_date "$id") || {
				echo "$0: $id has no distributed field and no commit_date entry" >&2
				exit 1
			}
		fi
		printf '%s\t%s\t%s\n' "$date" "$year" "$id"
	done | sort
)
[ -n "$list" ] || { echo "$0: no reports under $reports" >&2; exit 1; }

mkdir -p "$dest"
git init -q -b main "$dest"

first=1
while IFS=$'\t' read -r date year id; do
	f=$reports/$year/$id.md
	mkdir -p "$dest/postmortems/$year"
	cp "$f" "$dest/postmortems/$year/$id.md"
	git -C "$dest" add "postmortems/$year/$id.md"
	if [ $first -eq 1 ]; then
		cat > "$dest/.postmortem.yaml" <<'YAML'
# postmortem configuration for the sample repository
site:
  title: Example Corp incident archive
include:
  - "postmortems/**/*.md"
YAML
		git -C "$dest" add .postmortem.yaml
		first=0
	fi
	if [ "$(front_matter_field "$f" status)" = draft ]; then
		msg="Add draft post-mortem $id"
	else
		msg="Add post-mortem $id"
	fi
	git_commit "$date" "$(first_author "$f")" "$msg"
done <<< "$list"

# Move one report into a service folder, with no change to its content.
mkdir -p "$dest/$(dirname "$rename_to")"
git -C "$dest" mv "$rename_from" "$rename_to"
git_commit "$rename_date" "$(first_author "$reports/2024/$rename_id.md")" \
	"Move notifications post-mortem into postmortems/2024/notifications/"

n=$(git -C "$dest" rev-list --count HEAD)
echo "$dest: $n commits, HEAD $(git -C "$dest" rev-parse --short HEAD)"
