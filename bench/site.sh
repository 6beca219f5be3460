#!/bin/sh
# The archive benchmark (called by 'make bench', or alone):
#     sh bench/site.sh [CORPUS]     default $CORPUS, else build/bench/c10000
# Builds the site of CORPUS (a Git repository of reports) with
# postmortem ($PM, default build/postmortem): a first build with its
# phase times (PM_SITE_TIMING: wall and CPU of load, lint, model, pages),
# then a no-change rebuild; then the same Markdown files with Hugo
# (bench/hugo: a minimal theme, two taxonomies).  Prints wall time and
# peak RSS of each, and how many times faster the first build is.
# Target on an idle 2-CPU machine, 10,000 reports: < 3 s wall,
# < 500 MB RSS, at least 5 times faster than Hugo.
#
# Output goes under build/ (not /tmp).  The output of the previous run
# is moved aside first and deleted only at the end: on ext4 without a
# journal, creating files while the inodes of files deleted in the last
# minute are still cached makes every create scan for a free inode
# ("recently deleted"), which measures the file system, not the
# program.  Other programs deleting many files meanwhile have the same
# effect: compare the CPU column of the phases when the machine is busy.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${CORPUS:-$top/build/bench/c10000}}
pm=${PM:-$top/build/postmortem}
out=$top/build/bench-site
[ -d "$corpus/.git" ] || { echo "site bench: no corpus at $corpus" >&2; exit 0; }
if [ -e "$out" ]; then
	old=$out.old.$$
	mv "$out" "$old"
	trap 'rm -rf "$old"' EXIT
fi
mkdir -p "$out"
t() { /usr/bin/time -f "%e s wall, %M KB peak RSS, %P CPU" "$@"; }
secs() { sed -n 's/^\([0-9.]*\) s wall.*/\1/p' "$1"; }

n=$(cd "$corpus" && git ls-files '*.md' | wc -l)
echo "site bench: $n files in $corpus, $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
(cd "$corpus" && PM_SITE_TIMING=1 t "$pm" build --out "$out/pm" \
    --today 2026-11-01 -q) 2>"$out/first.err" || { cat "$out/first.err" >&2; exit 1; }
sed 's/^/  /' "$out/first.err" | sed '$d'
tail -1 "$out/first.err" >"$out/first.time"
echo "postmortem build (first):   $(cat "$out/first.time")"
printf 'postmortem build (rebuild): '
(cd "$corpus" && t "$pm" build --out "$out/pm" --today 2026-11-01 -q) 2>&1 | tail -1
echo "  $(find "$out/pm" -type f | wc -l) files"

if command -v hugo >/dev/null 2>&1; then
	cp -R "$top/bench/hugo" "$out/hugo"
	mkdir -p "$out/hugo/content/reports"
	(cd "$corpus" && git ls-files -z '*.md' | xargs -0 cp -t "$out/hugo/content/reports/" 2>/dev/null || true)
	(cd "$out/hugo" && t hugo --quiet -d "$out/hugo-public") 2>&1 | tail -1 >"$out/hugo.time"
	echo "hugo (same files, 2 taxonomies): $(cat "$out/hugo.time")"
	echo "  $(find "$out/hugo-public" -type f | wc -l) files ($(hugo version | cut -d' ' -f2))"
	awk -v p="$(secs "$out/first.time")" -v h="$(secs "$out/hugo.time")" \
	    'BEGIN { if (p > 0) printf "postmortem first build: %.1fx faster than hugo\n", h / p }'
else
	echo "hugo: not installed, skipped"
fi
