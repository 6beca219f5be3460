#!/bin/sh
# Benchmarks ('make bench').  Generates, once, Git repositories of
# 1,000 / 5,000 / 10,000 reports under build/bench/ with the project's
# generator (bench/gen-corpus.py --git), then measures
# wall time and peak RSS of loading them (listing, reading, parsing and
# the history walk: build/bench-load) and of 'postmortem lint'.
# Target for loading: 10,000 reports in < 1.0 s wall and < 300 MB RSS,
# growing linearly.
#
# Hooks: every other bench/*.sh script is run at the end with
# PM, BUILD and CORPUS (the 10,000-report repository) in the
# environment; add a script there for your stage (lint.sh, site.sh...),
# or add a column to the table with add_measure below.
cd "$(dirname "$0")/.." || exit 2
TOP=$PWD
: "${BUILD:=build}"
: "${PM:=$BUILD/postmortem}"
case "$PM" in /*) ;; *) PM="$TOP/$PM" ;; esac
LOAD="$TOP/$BUILD/bench-load"
OUT="$TOP/$BUILD/bench"
SIZES="${SIZES:-1000 5000 10000}"
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 PM BUILD

# The project's corpus generator (Python 3, standard library only).
GEN=$TOP/bench/gen-corpus.py
if ! command -v python3 >/dev/null 2>&1; then
	echo "bench: python3 is needed by bench/gen-corpus.py" >&2
	exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure CMD...: best of 3 as "SECONDS KB" (KB is "-" without
# /usr/bin/time, which is in the Debian package 'time').
measure() {
	best=; bestkb=-
	for i in 1 2 3; do
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" \
			    >"$tmp/out" 2>"$tmp/err"
			read -r s kb <"$tmp/time"
		else
			a=$(date +%s.%N)
			"$@" >"$tmp/out" 2>"$tmp/err"
			b=$(date +%s.%N)
			s=$(awk "BEGIN{printf \"%.2f\", $b - $a}")
			kb=-
		fi
		if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then
			best=$s; bestkb=$kb
		fi
	done
	printf '%s %s\n' "$best" "$bestkb"
}

mb() { case "$1" in -) echo - ;; *) echo $(($1 / 1024)) ;; esac; }

# Generate the repositories once.
mkdir -p "$OUT"
for n in $SIZES; do
	d="$OUT/c$n"
	[ -d "$d/.git" ] && continue
	echo "bench: generating $n reports in $d"
	rm -rf "$d"
	python3 "$GEN" --count "$n" --git --out "$d" >/dev/null || {
		echo "bench: generating $n reports failed" >&2; exit 2; }
done

# Columns of the table: add_measure NAME COMMAND (run with $d set to
# the repository).  Other engineers: add a line here for a stage that
# belongs in the scaling table.
MEASURES=
add_measure() { MEASURES="$MEASURES$1|$2
"; }
add_measure "load (worktree)" '"$LOAD" "$d"'
add_measure "load (--rev HEAD)" '"$LOAD" -r HEAD "$d"'
add_measure "history walk" '"$LOAD" -W "$d"'
if "$PM" help 2>/dev/null | grep -q '^ *lint'; then
	add_measure "lint (worktree)" \
	    '"$PM" -C "$d" lint --today 2026-11-01 --format json'
fi

printf '%-20s' "reports"
for n in $SIZES; do printf '%18s' "$n"; done
printf '\n'
echo "$MEASURES" | while IFS='|' read -r name cmd; do
	[ -n "$name" ] || continue
	printf '%-20s' "$name"
	for n in $SIZES; do
		d="$OUT/c$n"
		set -- $(eval "measure $cmd")
		printf '%18s' "$1 s $(mb "$2") MB"
	done
	printf '\n'
done
echo "target: 10000 reports loaded in < 1.0 s wall, < 300 MB RSS"

# Hooks: the other stages' own benchmarks.
for s in bench/*.sh; do
	[ "$s" = bench/run.sh ] && continue
	[ -f "$s" ] || continue
	echo "# $s"
	CORPUS="$OUT/c10000" sh "$s"
done
