#!/bin/sh
# Benchmarks ('make bench'): the README's performance table, measured
# here and now, with the yardsticks in the same run.
#
# Generates once, under build/bench/ (bench/gen-corpus.py, nothing
# outside the repository): c10000, 10,000 reports with front matter and
# one commit each, and legacy10000, the same count without front
# matter.  Then, median of $RUNS runs (default 5), wall seconds and
# CPU seconds (user + system), and peak RSS:
#
#   lint --staged FILE (one staged report, in a clone) with a cold cache
#     (.git/postmortem removed before each run) and a warm one, against
#     'git status --porcelain' in the same clone: goal <= 2.5x;
#   lint of the whole tree, cold and warm, against
#     'cmark-gfm -e table' over the same bytes: goal <= 0.75x;
#   build of the whole archive, cold and warm (the snapshot of the last
#     build reused: --out removed, nothing else changed), against hugo
#     with a minimal theme (bench/hugo) on the same files: hugo >= 5x
#     slower; and a build after one changed report (a new commit before
#     each run, the previous site in place), against the same hugo run;
#   loading (build/bench-load) and adopt (dry run) on legacy reports.
#
# PM, BUILD and RUNS may be set; BENCH_STAGES=1 also runs the stages'
# own scripts (bench/lint.sh, site.sh, adopt.sh) afterwards.
cd "$(dirname "$0")/.." || exit 2
TOP=$PWD
: "${BUILD:=build}" "${RUNS:=5}"
: "${PM:=$BUILD/postmortem}"
case "$PM" in /*) ;; *) PM="$TOP/$PM" ;; esac
LOAD="$TOP/$BUILD/bench-load"
OUT="$TOP/$BUILD/bench"
GEN=$TOP/bench/gen-corpus.py
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 PM BUILD
for t in python3 git /usr/bin/time; do
	command -v $t >/dev/null 2>&1 ||
	    { echo "bench: $t is needed (make bench-deps)" >&2; exit 2; }
done

mkdir -p "$OUT"
gen() {
	[ -d "$2/.git" ] && return 0
	echo "bench: generating $2 (bench/gen-corpus.py $1)" >&2
	rm -rf "$2"
	# shellcheck disable=SC2086
	python3 "$GEN" $1 --git --out "$2" >/dev/null ||
	    { echo "bench: generating $2 failed" >&2; exit 2; }
}
C=$OUT/c10000
L=$OUT/legacy10000
gen "--count 10000 --violations 0.2 --seed 1" "$C"
gen "--count 10000 --style legacy --violations 0.2 --seed 1" "$L"
[ -f "$L/.postmortem.yaml" ] ||
    printf 'include: ["postmortems/**/*.md"]\n' >"$L/.postmortem.yaml"

tmp=$(mktemp -d "$OUT/run.XXXXXX")
# The snapshots of the builds into $tmp (lib/site/snapshot.h) would
# keep the space of sites that are gone: removed with them.
trap 'rm -rf "$tmp" "$C/.git/postmortem/site"' EXIT

# measure PREP CMD...: RUNS runs of CMD (PREP, a shell command, before
# each), medians as "WALL CPU MB".
measure() {
	prep=$1; shift
	i=0
	: >"$tmp/runs"
	while [ $i -lt "$RUNS" ]; do
		eval "$prep"
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" \
		    >/dev/null 2>"$tmp/err"
		tail -1 "$tmp/time" >>"$tmp/runs"
		i=$((i + 1))
	done
	awk '{ w[NR] = $1; c[NR] = $2 + $3; m[NR] = $4 }
	function med(a, n,   i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	END { printf "%.3f %.3f %d\n", med(w, NR), med(c, NR), med(m, NR) / 1024 }' \
	    "$tmp/runs"
}
nocache='rm -rf .git/postmortem'
# fmt WALL CPU: "0.41 s (CPU 0.08 s)"
fmt() { printf '%.2f s (CPU %.2f s)' "$1" "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# ratios A_WALL A_CPU B_WALL B_CPU: "1.23× (CPU 0.98×)"
ratios() { printf '%s× (CPU %s×)' "$(ratio "$1" "$3")" "$(ratio "$2" "$4")"; }

n=$(git -C "$C" ls-files '*.md' | wc -l)
mb=$(git -C "$C" ls-files -z '*.md' | (cd "$C" && xargs -0 cat) | wc -c)
echo "bench: $n reports, $((mb / 1000000)) MB, $(nproc) CPUs," \
    "load average $(cut -d' ' -f1 /proc/loadavg) at the start, median of $RUNS runs"

# 1. lint --staged FILE in a clone with one staged report.
git clone -q --local "$C" "$tmp/clone" 2>/dev/null
f=$(git -C "$tmp/clone" ls-files 'postmortems/*.md' | sed -n 100p)
printf '\nA staged line.\n' >>"$tmp/clone/$f"
git -C "$tmp/clone" add "$f"
cd "$tmp/clone" || exit 2
set -- $(measure : git status --porcelain); gs_w=$1 gs_c=$2
set -- $(measure "$nocache" "$PM" lint --staged --today 2026-11-01 "$f")
st_cw=$1 st_cc=$2
"$PM" lint --staged --today 2026-11-01 "$f" >/dev/null 2>&1
set -- $(measure : "$PM" lint --staged --today 2026-11-01 "$f")
st_ww=$1 st_wc=$2
cd "$TOP" || exit 2

# 2. lint of the whole tree, against cmark-gfm over the same bytes.
cd "$C" || exit 2
git ls-files -z '*.md' | xargs -0 cat >"$tmp/all.md"
cm_w=- cm_c=-
if command -v cmark-gfm >/dev/null 2>&1; then
	set -- $(measure : cmark-gfm -e table "$tmp/all.md"); cm_w=$1 cm_c=$2
fi
set -- $(measure "$nocache" "$PM" lint --today 2026-11-01 --format json)
li_cw=$1 li_cc=$2 li_mb=$3
set -- $(measure : "$PM" lint --today 2026-11-01 --format json)
li_ww=$1 li_wc=$2

# 3. build, against hugo on the same files.
site=$tmp/site
set -- $(measure "$nocache; rm -rf '$site'" "$PM" build --out "$site" \
    --today 2026-11-01 -q)
bu_cw=$1 bu_cc=$2 bu_mb=$3
set -- $(measure "rm -rf '$site'" "$PM" build --out "$site" \
    --today 2026-11-01 -q)
bu_ww=$1 bu_wc=$2
nfiles=$(find "$site" -type f | wc -l)
hu_w=- hu_c=- hu_mb=-
if command -v hugo >/dev/null 2>&1; then
	cp -R "$TOP/bench/hugo" "$tmp/hugo"
	mkdir -p "$tmp/hugo/content/reports"
	git ls-files -z '*.md' | xargs -0 cp -t "$tmp/hugo/content/reports/"
	set -- $(cd "$tmp/hugo" && measure "rm -rf '$tmp/hugo-public'" \
	    hugo --quiet -d "$tmp/hugo-public"); hu_w=$1 hu_c=$2 hu_mb=$3
fi

# 3b. build after one changed report, the previous site in place: in
# the clone, a new commit before each run, so the snapshot of the last
# build (lib/site/snapshot.h) never applies and the pages are rendered.
cd "$tmp/clone" || exit 2
gc='git -c user.name=bench -c user.email=bench@example.invalid commit -q'
$gc -m staged
"$PM" build --out "$tmp/site-inc" --today 2026-11-01 -q >/dev/null 2>&1
g=$(git ls-files 'postmortems/*.md' | sed -n 200p)
set -- $(measure "printf '\\nOne more line.\\n' >>'$g' && $gc -am more" \
    "$PM" build --out "$tmp/site-inc" --today 2026-11-01 -q)
bi_w=$1 bi_c=$2
cd "$TOP" || exit 2

# 4. loading and adopting.
ld_w=- ld_c=- ld_mb=-
if [ -x "$LOAD" ]; then
	set -- $(measure : "$LOAD" "$C"); ld_w=$1 ld_c=$2 ld_mb=$3
fi
set -- $(measure : "$PM" -C "$L" adopt); ad_w=$1 ad_c=$2 ad_mb=$3

echo
echo "| work, $n reports | cold cache | warm cache | yardstick, same run | ratio, warm | goal |"
echo "|---|---|---|---|---|---|"
echo "| \`lint --staged FILE\` (one staged report) | $(fmt $st_cw $st_cc) | $(fmt $st_ww $st_wc) | \`git status --porcelain\` $(fmt $gs_w $gs_c) | $(ratios $st_ww $st_wc $gs_w $gs_c) | ≤ 2.5× |"
if [ "$cm_w" = - ]; then
	cmk="cmark-gfm not installed"; r=-
else
	cmk="\`cmark-gfm -e table\` $(fmt $cm_w $cm_c)"
	r=$(ratios $li_ww $li_wc $cm_w $cm_c)
fi
echo "| \`lint\`, whole tree, $li_mb MB | $(fmt $li_cw $li_cc) | $(fmt $li_ww $li_wc) | $cmk | $r | ≤ 0.75× |"
if [ "$hu_w" = - ]; then
	hg="hugo not installed"; r=-
else
	hg="\`hugo\`, minimal theme, $(fmt $hu_w $hu_c), $hu_mb MB"
	r="hugo $(ratios $hu_w $hu_c $bu_ww $bu_wc) slower"
fi
echo "| \`build\`, $nfiles files, $bu_mb MB | $(fmt $bu_cw $bu_cc) | $(fmt $bu_ww $bu_wc) | $hg | $r | hugo ≥ 5× slower |"
r=-
[ "$hu_w" = - ] || r="hugo $(ratios $hu_w $hu_c $bi_w $bi_c) slower"
echo "| \`build\` after one changed report, site in place | | $(fmt $bi_w $bi_c) | the same \`hugo\` run | $r | |"
echo "| loading (list, read, parse, history), $ld_mb MB | $(fmt $ld_w $ld_c) | | | | < 1.0 s |"
echo "| \`adopt\` (dry run), legacy reports, $ad_mb MB | $(fmt $ad_w $ad_c) | | | | < 1.5 s |"

if [ -n "${BENCH_STAGES:-}" ]; then
	for s in bench/lint.sh bench/site.sh bench/adopt.sh; do
		echo "# $s"
		CORPUS="$C" LEGACY="$L" sh "$s"
	done
fi
