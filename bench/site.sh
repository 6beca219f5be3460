#!/bin/sh
# The archive benchmark (called by 'make bench', or alone):
#     sh bench/site.sh [CORPUS]          default /tmp/corp/c10k
# Builds the site of CORPUS (a Git repository of reports) with
# postmortem (first build, then a no-change rebuild), and the same
# Markdown files with Hugo (bench/hugo: a minimal theme, two taxonomies),
# and prints wall time and peak RSS of each.  Output goes under build/
# (not /tmp: on some ext4 set-ups, creating 10k files right after
# deleting 10k is several times slower, which measures the file system,
# not the program).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-/tmp/corp/c10k}
pm=$top/build/postmortem
out=$top/build/bench-site
[ -d "$corpus/.git" ] || { echo "site bench: no corpus at $corpus" >&2; exit 0; }
rm -rf "$out" && mkdir -p "$out"
t() { /usr/bin/time -f "%e s wall, %M KB peak RSS, %P CPU" "$@"; }

n=$(cd "$corpus" && git ls-files '*.md' | wc -l)
echo "site bench: $n files in $corpus, $(nproc) CPUs"
printf 'postmortem build (first):  '
(cd "$corpus" && t "$pm" build --out "$out/pm" --today 2026-11-01 -q) 2>&1 | tail -1
printf 'postmortem build (rebuild): '
(cd "$corpus" && t "$pm" build --out "$out/pm" --today 2026-11-01 -q) 2>&1 | tail -1
echo "  $(find "$out/pm" -type f | wc -l) files"

if command -v hugo >/dev/null 2>&1; then
	cp -R "$top/bench/hugo" "$out/hugo"
	mkdir -p "$out/hugo/content/reports"
	(cd "$corpus" && git ls-files -z '*.md' | xargs -0 cp -t "$out/hugo/content/reports/" 2>/dev/null || true)
	printf 'hugo (same files, 2 taxonomies): '
	(cd "$out/hugo" && t hugo --quiet -d "$out/hugo-public") 2>&1 | tail -1
	echo "  $(find "$out/hugo-public" -type f | wc -l) files ($(hugo version | cut -d' ' -f2))"
else
	echo "hugo: not installed, skipped"
fi
