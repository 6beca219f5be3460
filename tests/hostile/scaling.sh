#!/bin/sh
# The cmark-gfm inputs of STYLE part C (and a few more pathological
# ones) at 1k, 10k and 100k repetitions: prints the time `lint` takes
# on each, so growth can be seen to be linear (10x the input, about
# 10x the time, never 100x).  A benchmark, not a test: not run by
# `make check`.  Usage: sh tests/hostile/scaling.sh [BINARY]
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/hlib.sh"
[ $# -gt 0 ] && PM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

gen() {		# gen NAME N
	n=$2
	case $1 in
	table)		rep '|-
t>|-
' "$n" ;;
	quotes)		rep '>' "$n"; printf '\n' ;;
	autolink)	rep '<http://s' "$n"; printf '\n' ;;
	comment)	rep '<!--' "$n"; printf '\n' ;;
	image)		rep '![[]()' "$n"; printf '\n' ;;
	quote-emph)	rep '>' "$n"; rep 'a*' "$n"; printf '\n' ;;
	dash-lines)	rep ' -
' "$n" ;;
	underscores)	rep '_' "$n"; printf '.'; rep '_' "$n"; printf '\n' ;;
	footnotes)	rep '[^1]:' "$n"; printf '\n' ;;
	columns)	printf '|'; rep 'c|' "$n"; printf '\n|'; rep '-|' "$n"
			printf '\n|'; rep 'x|' "$n"; printf '\n' ;;
	rows)		printf '|a|b|\n|-|-|\n'; rep '|x|y|
' "$n" ;;
	brackets)	rep '[' "$n"; printf 'a'; rep ']' "$n"; printf '\n' ;;
	emphasis)	rep '*a **a ' "$n"; printf 'b'; rep ' a** a*' "$n"
			printf '\n' ;;
	links)		rep '[a](<b' "$n"; printf '\n' ;;
	blameless)	rep 'the operator made a human error and ' "$n"
			printf '\n' ;;
	esac
}

D=$(tmpdir)
printf '%-12s %10s %10s %10s\n' input 1k 10k 100k
for c in table quotes autolink comment image quote-emph dash-lines \
    underscores footnotes columns rows brackets emphasis links blameless; do
	printf '%-12s' "$c"
	for n in 1000 10000 100000; do
		report_with "$D/r.md" gen "$c" "$n"
		s=$(date +%s%N)
		(cd "$D" && timeout 120 $PM lint --today 2025-03-10 r.md) \
		    >/dev/null 2>&1
		rc=$?
		e=$(date +%s%N)
		printf ' %8dms%s' $(((e - s) / 1000000)) \
		    "$([ $rc -ge 2 ] && echo "!$rc" || echo ' ')"
	done
	printf '\n'
done
done_testing
