# Shared shell helpers for the test scripts (git's test-lib in small).
# Source it; then call ok/not_ok or check, and finish with 'done_testing'.
# Every script prints "ok - NAME" / "not ok - NAME" lines (a skipped
# check: "ok - NAME # skip: why") and, from done_testing, a plan line
# "1..N" (TAP).  tests/run.sh fails a script that exits non-zero, prints
# no plan, or fewer checks than its plan.  Checks are counted in files
# under $T_ROOT, so that ok/not_ok work in subshells and pipelines too.
set -u
: "${PM:=build/postmortem}"
TOP=$(cd "$(dirname "$0")/../.." 2>/dev/null && pwd)
case "$PM" in /*|valgrind*) ;; *) PM="$TOP/$PM" ;; esac
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
# Everything a script makes lives under one root, removed when the
# script ends (tmpdir runs in a $(...) subshell, so it cannot keep a
# list in a variable of ours).
T_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/pm-test.XXXXXX")
trap 'chmod -R u+rwx "$T_ROOT" 2>/dev/null; rm -rf "$T_ROOT"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$T_ROOT/home"
mkdir -p "$HOME"
git config --global user.name "Test User"
git config --global user.email test@example.com
git config --global init.defaultBranch main
git config --global protocol.file.allow always
# Tests make their own repositories; never let one write into this
# project's (a failed cd would otherwise commit here).
git() {
	case "${1:-}" in
	add|commit|mv|rm|reset|checkout|stash|tag|branch|merge|rebase)
		if [ "$(command git rev-parse --show-toplevel 2>/dev/null)" = \
		    "$TOP" ]; then
			echo "tests/lib.sh: refusing 'git $1' in the project" \
			    "repository ($PWD)" >&2
			return 99
		fi ;;
	esac
	command git "$@"
}
T_FAILED=0
: >"$T_ROOT/.checks"
: >"$T_ROOT/.failed"

# need_gen_corpus NAME: set GEN to the project's corpus generator
# (bench/gen-corpus.py), or report NAME as skipped and end the script
# when python3 is missing ('make test-deps' installs it).
need_gen_corpus() {
	GEN=$TOP/bench/gen-corpus.py
	if ! command -v python3 >/dev/null 2>&1; then
		ok "$1 # skip: python3 not found (make test-deps)"
		done_testing
		exit
	fi
}

ok() { printf 'ok - %s\n' "$1"; echo >>"$T_ROOT/.checks"; }
not_ok() {
	printf 'not ok - %s\n' "$1"
	echo >>"$T_ROOT/.checks"; echo >>"$T_ROOT/.failed"
	T_FAILED=$((T_FAILED + 1))
}

# tap FILE: show the ok/not ok lines another program (a node script)
# printed in FILE, counted as this script's checks.
tap() {
	cat "$1"
	grep -E '^(not )?ok - ' "$1" | sed 's/.*//' >>"$T_ROOT/.checks"
	grep '^not ok - ' "$1" | sed 's/.*//' >>"$T_ROOT/.failed"
	T_FAILED=$((T_FAILED + $(grep -c '^not ok - ' "$1")))
}

# skip NAME WHY: a check that could not run here, counted as skipped.
skip() { ok "$1 # skip: $2"; }

# check NAME COMMAND...: ok when COMMAND succeeds.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# test_cmp EXPECTED ACTUAL: diff -u, shown on failure.
test_cmp() { diff -u "$1" "$2" >&2; }

# tmpdir: a fresh directory removed at exit.
tmpdir() {
	mktemp -d "$T_ROOT/t.XXXXXX"
}

# commit_at DATE MESSAGE [git commit args]: commit with fixed dates.
commit_at() {
	when=$1; msg=$2; shift 2
	GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when \
	    git commit -q -m "$msg" "$@"
}

pm() { $PM "$@"; }

# done_testing: print the plan (the number of checks made) and return
# non-zero when one failed.  A script with no check at all fails too.
done_testing() {
	T_n=$(wc -l <"$T_ROOT/.checks")
	T_f=$(wc -l <"$T_ROOT/.failed")
	if [ "$T_n" -eq 0 ]; then
		not_ok "$(basename "$0"): made no check"
		T_n=1 T_f=1
	fi
	echo "1..$T_n"
	[ "$T_f" -eq 0 ]
}
