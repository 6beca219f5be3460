#!/bin/sh
# Runs every test suite against $PM and ends with the line
# "N passed, N failed, N skipped".  Suites: the unit binaries
# ($BUILD/tests/unit/test_*), the golden files (run-regress.sh) and the
# scripts $TESTS/*/t-*.sh (TESTS defaults to tests; tests/runner points
# it at folders of deliberately broken scripts).
#
# Each suite prints "ok - NAME" / "not ok - NAME" lines, "ok - NAME #
# skip: why" for a check that could not run, and a plan line "1..N"
# (TAP, as prove reads it).  A suite fails, and is named in the summary,
# when it exits non-zero, prints no plan, or prints a number of checks
# other than its plan: a script that dies half-way never passes.
#
#   ONLY="P1 P2"    run only the scripts whose path contains one of the
#                   blank-separated patterns (tests/adopt/, t-init.sh);
#                   the unit binaries and golden files are skipped
#   VALGRIND=1      run the unit binaries under valgrind
cd "$(dirname "$0")/.." || exit 2
: "${PM:=build/postmortem}" "${BUILD:=build}" "${TESTS:=tests}"
export PM BUILD
work=$(mktemp -d "${TMPDIR:-/tmp}/pm-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
: >"$work/checks"
: >"$work/bad"

# run NAME COMMAND...: run one suite, show its check lines, record them
# and whether the suite itself failed.
run() {
	name=$1; shift
	printf '# %s\n' "$name"
	"$@" >"$work/out" 2>&1 </dev/null
	rc=$?
	grep -E '^(not ok|ok) - |^#' "$work/out"
	grep -E '^(not ok|ok) - ' "$work/out" >>"$work/checks"
	n=$(grep -cE '^(not ok|ok) - ' "$work/out")
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\)\( *#.*\)\{0,1\}$/\1/p' \
	    "$work/out" | tail -1)
	why=
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok - ' "$work/out"; then
		why="exited with status $rc"
		[ "$rc" -gt 128 ] && why="$why (signal $((rc - 128)))"
	elif [ -z "$plan" ]; then
		why="printed no plan (did not reach done_testing)"
	elif [ "$plan" -ne "$n" ]; then
		why="planned $plan checks, ran $n"
	fi
	if [ -n "$why" ]; then
		printf 'not ok - %s: %s\n' "$name" "$why" | tee -a "$work/bad"
		# The end of its output says where it stopped.
		grep -vE '^(not ok|ok) - |^#|^1\.\.' "$work/out" | tail -8 | \
		    sed 's/^/#   | /'
	fi
}

if [ -z "${ONLY:-}" ]; then
	for t in "$BUILD"/tests/unit/test_*; do
		[ -x "$t" ] || continue
		if [ -n "${VALGRIND:-}" ]; then
			run "$t" valgrind -q --error-exitcode=99 \
			    --leak-check=full "$t"
		else
			run "$t" "$t"
		fi
	done
	[ -f "$TESTS/run-regress.sh" ] &&
	    run "$TESTS/run-regress.sh" sh "$TESTS/run-regress.sh"
fi
for t in "$TESTS"/*/t-*.sh; do
	[ -f "$t" ] || continue
	if [ -n "${ONLY:-}" ]; then
		hit=
		for o in $ONLY; do
			case "$t" in *"$o"*) hit=1 ;; esac
		done
		[ -n "$hit" ] || continue
	fi
	ran=1
	run "$t" sh "$t"
done
# A mistyped ONLY must not pass by running nothing.
if [ -n "${ONLY:-}" ] && [ -z "${ran:-}" ]; then
	printf 'not ok - ONLY=%s matched no script\n' "$ONLY" | tee -a "$work/bad"
fi

skipped=$(grep -ciE '^ok - .*# *skip' "$work/checks")
passed=$(($(grep -c '^ok - ' "$work/checks") - skipped))
failed=$(($(grep -c '^not ok - ' "$work/checks") + $(wc -l <"$work/bad")))
if [ "$failed" -gt 0 ]; then
	echo "# failed:"
	grep '^not ok - ' "$work/checks" | sed 's/^/#   /'
	sed 's/^/#   /' "$work/bad"
fi
if [ "$skipped" -gt 0 ]; then
	echo "# skipped:"
	grep -iE '^ok - .*# *skip' "$work/checks" | sed 's/^/#   /'
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
