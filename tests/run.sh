#!/bin/sh
# Runs every test suite against $PM and ends with "N passed, N failed".
# Suites: unit binaries, golden files (run-regress.sh), and the scripts
# tests/*/t-*.sh.  Each prints "ok - NAME" / "not ok - NAME".
cd "$(dirname "$0")/.." || exit 2
: "${PM:=build/postmortem}" "${BUILD:=build}"
export PM BUILD
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run() {
	printf '# %s\n' "$*"
	"$@" 2>&1 | tee -a "$log" | grep -E '^(not ok|ok) - |^#' || true
}

for t in "$BUILD"/tests/unit/test_*; do
	[ -x "$t" ] || continue
	if [ -n "${VALGRIND:-}" ]; then
		run valgrind -q --error-exitcode=99 --leak-check=full "$t"
	else
		run "$t"
	fi
done
run sh tests/run-regress.sh
for t in tests/*/t-*.sh; do
	[ -f "$t" ] || continue
	case "${ONLY:-}" in ""|*"$t"*) ;; *) continue ;; esac
	run sh "$t"
done

passed=$(grep -c '^ok - ' "$log")
failed=$(grep -c '^not ok - ' "$log")
if [ "$failed" -gt 0 ]; then
	echo "failed tests:"
	grep '^not ok - ' "$log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
