#!/bin/sh
# The runner cannot be fooled: tests/run.sh, pointed (TESTS=) at
# folders of deliberately broken scripts and (BUILD=) at unit binaries
# built here, fails each broken suite by name, counts skips apart, and
# passes a clean folder.
. "$(dirname "$0")/../lib.sh"
R=$TOP/tests/runner
d=$(tmpdir)

# runner TESTS BUILD: run.sh on another tests folder; output in $d/out.
runner() {
	(cd "$TOP" && unset ONLY && TESTS=$1 BUILD=$2 sh tests/run.sh) >"$d/out" 2>&1
}
has() { grep -q -- "$1" "$d/out" || { sed 's/^/#   > /' "$d/out" | tail -30; false; }; }

mkdir -p "$d/nobuild"
runner tests/runner/broken "$d/nobuild"
check "runner: a broken folder turns the run red" test $? -ne 0
check "runner: a script that exits 3 after one ok fails, by name" \
    has '^not ok - tests/runner/broken/s/t-exit3.sh: exited with status 3'
check "runner: a script with no plan fails" \
    has '^not ok - tests/runner/broken/s/t-noplan.sh: printed no plan'
check "runner: fewer checks than the plan fails" \
    has '^not ok - tests/runner/broken/s/t-short.sh: planned 3 checks, ran 1'
check "runner: a script killed by a signal fails" \
    has '^not ok - tests/runner/broken/s/t-crash.sh: exited with status 139'
check "runner: a script that makes no check fails" \
    has '^not ok - t-empty.sh: made no check'
check "runner: a failing check is listed" has '^#   not ok - notok: false fails'
# 4 good ok lines (exit3, noplan x2, crash, notok... ) are still passed
# checks; what matters is the failed count: notok's check, the empty
# script's, and the four broken suites.
check "runner: summary counts every failure" \
    has '^[0-9]* passed, 6 failed, 0 skipped$'

runner tests/runner/clean "$d/nobuild"
check "runner: a clean folder passes" test $? -eq 0
check "runner: checks in subshells and pipes count for the plan" \
    has '^ok - pass: in a pipe'
check "runner: a skip is counted as skipped, not passed" \
    has '^3 passed, 0 failed, 1 skipped$'
check "runner: the skipped check is named" \
    has '^#   ok - skip: a tool that is not here # skip: no such tool'

# Unit binaries: a crash after an ok line is a failure.
if command -v "${CC:-cc}" >/dev/null 2>&1; then
	mkdir -p "$d/b/tests/unit"
	for u in crash good; do
		"${CC:-cc}" -I"$TOP/tests/unit" -o "$d/b/tests/unit/test_$u" \
		    "$R/unit/$u.c" || not_ok "runner: cc $u.c"
	done
	runner tests/runner/clean "$d/b"
	check "runner: a unit binary that crashes turns the run red" \
	    test $? -ne 0
	check "runner: the crashed unit binary is named" \
	    has "^not ok - $d/b/tests/unit/test_crash: exited with status 139"
	check "runner: a passing unit binary's plan is read" \
	    has '^[0-9]* passed, 1 failed, 1 skipped$'
else
	skip "runner: unit binaries" "no C compiler"
fi
done_testing
