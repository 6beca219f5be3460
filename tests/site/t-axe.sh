#!/bin/sh
# Accessibility of the archive (WCAG 2.1 AA): axe-core (rule sets
# wcag2a, wcag2aa, wcag21a, wcag21aa) plus a check of chart colours
# (1.4.11) on every kind of page, in light and dark colour schemes, on
# screen and in print, and on a 360-pixel screen, run in Debian's
# Chromium through puppeteer-core (tests/site/axe.js); then the
# keyboard alone (tests/site/keys.js).  On the sample site, on a
# corpus of bench/gen-corpus.py, and on one tests/site/mkcorpus.sh
# writes (five years of reports, some without severity, titles in
# Japanese, Chinese and Korean, a report without front matter).
# Every violation is printed with its page, mode and selector.
# axe-core and puppeteer-core come from npm into build/axe ('make
# test-deps'); skipped without them, node or chromium.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
mods=$TOP/build/axe/node_modules
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -f "$mods/axe-core/axe.min.js" ] || [ ! -d "$mods/puppeteer-core" ]; then
	skip "axe-core" "no $mods/{axe-core,puppeteer-core} (make test-deps)"
	done_testing; exit
fi
if ! command -v node >/dev/null 2>&1 || [ ! -x "$chromium" ]; then
	skip "axe-core" "node or $chromium not installed (make test-deps)"
	done_testing; exit
fi
export CHROMIUM="$chromium"
d=$(tmpdir)

# axe SITE PAGE...: no violation; each one shown as a "# " line.
axe() {
	site=$1; shift
	node "$TOP/tests/site/axe.js" "$mods" "$site" "$@" >"$d/axe.out" 2>&1
	rc=$?
	sed 's/^/# /' "$d/axe.out"
	[ "$rc" -eq 0 ]
}
# keys SITE [WORD]: the keyboard test's own ok/not ok lines, counted as
# this script's checks.
keys() {
	node "$TOP/tests/site/keys.js" "$mods" "$@" >"$d/keys.out" 2>&1
	rc=$?
	tap "$d/keys.out"
	[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || not_ok "keys: ran (exit $rc)"
}
# first DIR: the first page of a facet folder other than its index.
first() {
	(cd "$1/$2" && ls | grep -v '^index\.html$' | sort | head -1 |
	    sed "s|^|$2/|")
}
# kinds SITE: one page of every kind the archive writes.
kinds() {
	echo index.html trends.html search.html 'search.html?q=a'
	for f in service tag factor author owner; do
		echo "$f/index.html" "$(first "$1" "$f")"
	done
	first "$1" year
	first "$1" severity
}

if samples_repo "$d/repo"; then
	check "axe: build the sample site" build_site "$d/repo" "$d/s"
	check "axe: samples, every kind of page, light, dark, print and narrow" \
	    axe "$d/s" $(kinds "$d/s") 'search.html?q=postgres' \
	    r/2024-05-21-postgres-main-migration-lock.html \
	    "$(cd "$d/s" && ls r/*.html | sort | tail -1)"
	keys "$d/s"
else
	skip "axe: samples" "no sample-postmortems/make-repo.sh"
fi

sh "$TOP/tests/site/mkcorpus.sh" "$d/corpus" 240 60 >/dev/null
# And one report written without front matter (selected by include):
# a long code line, a missing cross-reference, a table.
cat >"$d/corpus/reports/db-notes.md" <<'END'
# Database failover stalled the order queue

Date: 2024-03-05

## Summary

The primary lost its disk at 09:10 and the replica took over at 09:40,
see [[no-such-report]].

```
2024-03-05T09:10:00Z ERROR pool: could not connect to primary at 10.0.0.5:5432: connection refused (after 30 retries, giving up on every worker of the pool)
```

| Time | Event |
|------|-------|
| 09:10 | Disk lost |
| 09:40 | Replica promoted |
END
printf 'include:\n  - "reports/db-notes.md"\n' >"$d/corpus/.postmortem.yaml"
(cd "$d/corpus" && git add reports .postmortem.yaml &&
    commit_at 2026-10-31T13:00:00Z legacy)
check "axe: build a 240-report corpus over 60 months" \
    build_site "$d/corpus" "$d/c"
unknown=$(cd "$d/c" && grep -l 'sev-none' r/*.html | sort | head -1)
cjk=$(cd "$d/c" && grep -l '인증' r/*.html | sort | head -1)
legacy=r/db-notes.html
check "axe: corpus has reports without severity, in Korean, without front matter" \
    test -n "$unknown" -a -n "$cjk" -a -f "$d/c/$legacy"
# The pages this corpus has that the others may not (every kind of
# page is checked on the samples and on the generated corpus below).
check "axe: corpus, five years, light, dark, print and narrow" \
    axe "$d/c" index.html trends.html "$(first "$d/c" owner)" \
    "$(first "$d/c" severity)" "$unknown" "$cjk" "$legacy" \
    'search.html?q=%E6%B1%BA'
keys "$d/c" checkout

# The project's corpus generator: five locales, recurring incidents,
# planted checklist violations.
if command -v python3 >/dev/null 2>&1; then
	python3 "$TOP/bench/gen-corpus.py" --count 150 --out "$d/gen" \
	    --git --recurring 3 --violations 0.2 --seed 16 >/dev/null
	check "axe: build a bench/gen-corpus.py corpus" \
	    build_site "$d/gen" "$d/g"
	# A report in each of the generator's other locales.
	loc=$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))
for l in ("es", "ja", "zh", "ko"):
    print(next(("r/%s.html" % r["id"] for r in m["reports"]
        if r["locale"] == l), ""))' "$d/gen/manifest.json")
	check "axe: generated corpus has reports in es, ja, zh and ko" \
	    sh -c 'for f in $2; do test -f "$1/$f" || exit 1; done
	    test $(echo $2 | wc -w) -eq 4' - "$d/g" "$loc"
	check "axe: generated corpus, every kind of page, light, dark, print and narrow" \
	    axe "$d/g" $(kinds "$d/g") $loc
else
	skip "axe: generated corpus" "no python3"
fi

# A corpus with no overdue action item: the owner chart says so.
sh "$TOP/tests/site/mkcorpus.sh" "$d/small" 2 2 >/dev/null
(cd "$d/small" && sed -i 's/| open |/| done |/' reports/*.md &&
    git commit -qam done)
check "axe: build a corpus with nothing overdue" build_site "$d/small" "$d/e"
check "axe: nothing overdue, the trend page" axe "$d/e" trends.html
done_testing
