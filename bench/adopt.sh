#!/bin/sh
# Benchmarks of reports written without front matter (make bench runs
# this from bench/run.sh, or alone: sh bench/adopt.sh).  Targets, on 2
# cores:
#   - 'adopt' (dry run, the whole diff) on a 10,000-report legacy
#     repository (bench/gen-corpus.py --style legacy --git) in
#     < 1.5 s wall;
#   - 'lint' on it with 'include' selecting the reports within 20 % of
#     'lint' on the same number of reports with front matter ($CORPUS,
#     made by bench/run.sh, or generated here).
# Best of 3; wall seconds, CPU seconds (user + system), peak RSS.
#
#   PM=build/postmortem LEGACY=build/bench/legacy10000 CORPUS=build/bench/c10000 \
#       sh bench/adopt.sh
cd "$(dirname "$0")/.." || exit 2
TOP=$PWD
: "${BUILD:=build}"
: "${PM:=$BUILD/postmortem}"
case "$PM" in /*) ;; *) PM="$TOP/$PM" ;; esac
: "${LEGACY:=$TOP/$BUILD/bench/legacy10000}"
: "${CORPUS:=$TOP/$BUILD/bench/c10000}"
GEN=$TOP/bench/gen-corpus.py
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1

if ! command -v python3 >/dev/null 2>&1; then
	echo "bench/adopt: needs python3 (bench/gen-corpus.py)" >&2
	exit 2
fi
gen() {
	[ -d "$2/.git" ] && return 0
	echo "bench/adopt: generating $2 ($1 reports)"
	mkdir -p "$(dirname "$2")"
	python3 "$GEN" --count 10000 $1 --git --out "$2" >/dev/null
}
gen "--style legacy" "$LEGACY" || exit 2
gen "" "$CORPUS" || exit 2
printf 'include: ["postmortems/**/*.md"]\n' >"$LEGACY/.postmortem.yaml"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure CMD...: best of 3 as "WALL CPU MB"
measure() {
	best=
	for i in 1 2 3; do
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" \
		    >/dev/null 2>"$tmp/err"
		tail -1 "$tmp/time" >"$tmp/t1"
		read -r s u y kb <"$tmp/t1"
		if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then
			best=$s
			cpu=$(awk "BEGIN{printf \"%.2f\", $u + $y}")
			mb=$((kb / 1024))
		fi
	done
	printf '%s %s %s\n' "$best" "$cpu" "$mb"
}

set -- $(measure "$PM" -C "$LEGACY" adopt)
echo "adopt (dry run): 10000 legacy reports: $1 s wall, $2 s CPU," \
    "$3 MB RSS (target < 1.5 s wall)"
set -- $(measure "$PM" -C "$LEGACY" lint --today 2026-11-01 --format json)
leg=$1 legcpu=$2
echo "lint, legacy with include: $1 s wall, $2 s CPU, $3 MB RSS"
set -- $(measure "$PM" -C "$CORPUS" lint --today 2026-11-01 --format json)
echo "lint, front matter: $1 s wall, $2 s CPU, $3 MB RSS"
awk "BEGIN{printf \"lint legacy / front matter: %.2f wall, %.2f CPU \
(target <= 1.20)\\n\", $leg / $1, $legcpu / $2}"
