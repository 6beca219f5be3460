#!/bin/sh
# Golden pages of the sample site: the index, one report and the trend
# page, built with --today 2026-11-01.  REGEN=1 rewrites the goldens.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
G=$TOP/tests/site/golden
d=$(tmpdir)
if ! samples_repo "$d/repo"; then
	skip "site golden pages" "no sample-postmortems/make-repo.sh"
	done_testing; exit
fi
check "build: sample site" build_site "$d/repo" "$d/site"
report=r/2024-05-21-postgres-main-migration-lock.html
for f in index.html "$report" trends.html; do
	name=$(echo "$f" | tr / _)
	if [ -n "${REGEN:-}" ]; then
		mkdir -p "$G" && cp "$d/site/$f" "$G/$name"
		ok "golden: regenerated $f"
	else
		check "golden: $f" test_cmp "$G/$name" "$d/site/$f"
	fi
done
done_testing
