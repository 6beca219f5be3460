# Shared shell helpers for the test scripts (git's test-lib in small).
# Source it; then call ok/not_ok or check, and finish with 'done_testing'.
# Every script prints "ok - NAME" / "not ok - NAME" lines; tests/run.sh
# counts them.
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

# need_gen_corpus NAME: set GEN to the corpus generator of the shared
# workplace ($GEN_CORPUS, else ../shared/bench/gen-corpus beside the
# checkout, else /work/shared), or report NAME as skipped and end the
# script when it, or python3, is not there.
need_gen_corpus() {
	GEN=
	for g in "${GEN_CORPUS:-}" "$TOP/../shared/bench/gen-corpus" \
	    /work/shared/bench/gen-corpus; do
		[ -n "$g" ] && [ -f "$g" ] && { GEN=$g; break; }
	done
	if [ -z "$GEN" ]; then
		ok "$1 # skip: no gen-corpus (set GEN_CORPUS to ../shared/bench/gen-corpus)"
	elif ! command -v python3 >/dev/null 2>&1; then
		ok "$1 # skip: python3 not found"
	else
		return 0
	fi
	done_testing
	exit
}

ok() { printf 'ok - %s\n' "$1"; }
not_ok() { printf 'not ok - %s\n' "$1"; T_FAILED=$((T_FAILED + 1)); }

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

done_testing() {
	[ "$T_FAILED" -eq 0 ]
}
