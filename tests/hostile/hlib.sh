# Shared by the hostile-input scripts (t-hostile.sh, t-limits.sh):
# generators, and the case machinery (hcase/expect/hrun).  Source it
# after tests/lib.sh.
H=$TOP/tests/hostile
TIMEOUT=${HOSTILE_TIMEOUT:-20}
MEMKB=${HOSTILE_MEM_KB:-2097152}
[ -n "${VALGRIND:-}" ] && TIMEOUT=$((TIMEOUT * 10))

# A sanitizer report must not look like "findings" (exit 1): give it a
# status of its own.  LeakSanitizer stays on (the ASan default).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86:print_stacktrace=1"
export ASAN_OPTIONS UBSAN_OPTIONS

# The memory bound: ulimit -v where the binary runs under it; ASan
# reserves terabytes of address space for its shadow and cannot, so it
# gets its own RSS limit instead.
if [ -z "${VALGRIND:-}" ] && ! ldd "${PM%% *}" 2>/dev/null |
    grep -q 'lib[at]san'; then
	MEMLIM="ulimit -v $MEMKB"
else
	MEMLIM=:
	ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=$((MEMKB / 1024))"
fi

W=$(tmpdir)
GOOD_LINE=59		# actions/tracked in good.md: A2 has no ticket

# ---- generators ----

# rep STRING N: STRING N times (awk: printf would choke on 10 MB).
rep() {
	LC_ALL=C awk -v s="$1" -v n="$2" \
	    'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# report_with FILE CMD...: a report whose Summary section holds what CMD
# prints; HLINE is the line where that starts.  The rest is good.md.
report_with() {
	f=$1; shift
	mkdir -p "$(dirname "$f")"
	sed -n '1,/^## Summary/p' "$H/good.md" |
	    sed 's/^id: hostile-good$/id: hostile-case/' >"$f"
	printf '\n' >>"$f"
	HLINE=$(($(wc -l <"$f") + 1))
	"$@" >>"$f"
	printf '\n\n' >>"$f"
	sed -n '/^## Impact/,$p' "$H/good.md" >>"$f"
}

# fm_with FILE CMD...: a report whose front matter is what CMD prints
# (line 2 on), then good.md's body.
fm_with() {
	f=$1; shift
	mkdir -p "$(dirname "$f")"
	printf -- '---\n' >"$f"
	"$@" >>"$f"
	printf -- '---\n' >>"$f"
	sed -n '/^## Summary/,$p' "$H/good.md" >>"$f"
}

# odd_tree DIR: a repository whose HEAD tree names good.md as
# "../../escape.md", "a/b.md" (a slash inside one entry), ".." and
# "good.md" -- entries git itself never writes, made with
# hash-object --literally.
odd_tree() {
	mkdir -p "$1" && (cd "$1" && git init -q &&
	b=$(git hash-object -w "$H/good.md") &&
	t=$(python3 -c 'import sys, binascii
b = binascii.unhexlify(sys.argv[1])
names = [b"../../escape.md", b"a/b.md", b"..", b"good.md"]
sys.stdout.buffer.write(b"".join(b"100644 " + n + b"\0" + b for n in names))' "$b" |
	    git hash-object -t tree --literally -w --stdin) &&
	c=$(echo odd | GIT_AUTHOR_DATE=2025-03-05T09:00:00Z \
	    GIT_COMMITTER_DATE=2025-03-05T09:00:00Z git commit-tree "$t") &&
	git update-ref refs/heads/main "$c" &&
	git symbolic-ref HEAD refs/heads/main) >/dev/null 2>&1
}

# bytes SEED N: N deterministic pseudo-random bytes (all 256 values).
bytes() {
	python3 -c 'import random, sys
r = random.Random(int(sys.argv[1]))
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(int(sys.argv[2]))))' "$1" "$2"
}

# ---- the case machinery ----

# hcase NAME: a fresh repository $R with reports/good.md; resets the
# expectations.  Returns 1 (skip the case) when ONLY_CASE says so.
hcase() {
	CASE=$1
	case "${ONLY_CASE:-$CASE}" in "$CASE") ;; *) return 1 ;; esac
	R=$W/$CASE
	rm -rf "$R"
	mkdir -p "$R/reports"
	cp "$H/good.md" "$R/reports/good.md"
	git init -q "$R"
	STATUS="0 1"
	EXPECT=
	ABSENT=
	TEXTS=
	GOOD=reports/good.md
	RUNDIR=$R
	STDIN=
	NOCOMMIT=
	return 0
}

# big: this case is skipped under valgrind.
big() {
	if [ -n "${VALGRIND:-}" ]; then
		ok "${HPREFIX:-hostile}/$CASE # SKIP big input under valgrind"
		return 1
	fi
	return 0
}

expect_status() { STATUS=$*; }
# expect PATH RULE[|RULE...] LINE|LO-HI|*
expect() { EXPECT="$EXPECT$1	$2	$3
"; }
# expect_none PATH: no finding names PATH.
expect_none() { ABSENT="$ABSENT$1
"; }
# expect_text REGEX: stdout or stderr matches (grep -E).
expect_text() { TEXTS="$TEXTS$1
"; }

commit_all() {
	(cd "$R" && git add -A && commit_at '2025-03-05T09:00:00Z' "$CASE") \
	    >/dev/null 2>&1
}

# has_finding JSON PATH RULES LINESPEC: a finding with a path ending in
# PATH, one of RULES ("a|b") and a line within LINESPEC.
has_finding() {
	case "$4" in
	'*')	lo=0; hi=4294967295 ;;
	*-*)	lo=${4%-*}; hi=${4#*-} ;;
	*)	lo=$4; hi=$4 ;;
	esac
	jq -e -s --arg p "$2" --arg r "$3" --argjson lo "$lo" --argjson hi "$hi" '
	    [.[0] // null | .. | objects | select(has("rule") and (has("path") or has("file")))
	     | select((.rule as $x | $r | split("|") | index($x)) != null)
	     | select((.path // .file) as $f | $f == $p or ($f | endswith("/" + $p)))
	     | select((.line // 0) >= $lo and (.line // 0) <= $hi)]
	    | length > 0' "$1" >/dev/null 2>&1
}

# names_path JSON PATH: some finding names PATH.
names_path() {
	jq -e -s --arg p "$2" '
	    [.[0] // null | .. | objects | select(has("rule"))
	     | select((.path // .file) as $f | $f == $p or ($f | endswith("/" + $p)))]
	    | length > 0' "$1" >/dev/null 2>&1
}

# hrun [LINT ARGS...]: commit, lint, check.
hrun() {
	[ -d "$R/.git" ] && [ -z "$NOCOMMIT" ] && commit_all
	out=$W/$CASE.out
	err=$W/$CASE.err
	(cd "$RUNDIR" && eval "$MEMLIM" &&
	    exec timeout -k 5 "$TIMEOUT" $PM lint --format json \
	    --today 2025-03-10 "$@") <"${STDIN:-/dev/null}" >"$out" 2>"$err"
	rc=$?
	n="${HPREFIX:-hostile}/$CASE"
	case " $STATUS " in
	*" $rc "*) ok "$n: exit status $rc" ;;
	*)	case $rc in
		124|137) why="timed out after ${TIMEOUT}s" ;;
		86)	why="sanitizer report" ;;
		*)	if [ "$rc" -gt 128 ]; then
				why="killed by signal $((rc - 128))"
			else
				why="exit status $rc, want one of: $STATUS"
			fi ;;
		esac
		not_ok "$n: $why"
		sed 's/^/#   /' "$err" | head -20 >&2 ;;
	esac
	if grep -qE 'Sanitizer|runtime error:|==[0-9]+==' "$err"; then
		not_ok "$n: sanitizer clean"
		grep -E 'ERROR|runtime error|SUMMARY|#[0-9]+ ' "$err" |
		    head -20 | sed 's/^/#   /' >&2
	fi
	if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then
		if ! jq -e . "$out" >/dev/null 2>&1; then
			not_ok "$n: output is JSON"
			return
		fi
	fi
	while IFS='	' read -r p r l; do
		[ -n "$p" ] || continue
		if has_finding "$out" "$p" "$r" "$l"; then
			ok "$n: $r on $p:$l"
		else
			not_ok "$n: $r on $p:$l"
			jq -c '[.. | objects | select(has("rule"))
			    | {path: (.path // .file), line, rule}] | .[:5]' \
			    "$out" 2>/dev/null | sed 's/^/#   got /' >&2
		fi
	done <<EOF
$EXPECT
EOF
	while read -r p; do
		[ -n "$p" ] || continue
		if names_path "$out" "$p"; then
			not_ok "$n: no finding on $p"
		else
			ok "$n: no finding on $p"
		fi
	done <<EOF
$ABSENT
EOF
	while read -r x; do
		[ -n "$x" ] || continue
		if grep -qE -- "$x" "$out" "$err"; then
			ok "$n: says /$x/"
		else
			not_ok "$n: says /$x/"
		fi
	done <<EOF
$TEXTS
EOF
	if [ -n "$GOOD" ]; then
		if has_finding "$out" "$GOOD" actions/tracked "$GOOD_LINE"; then
			ok "$n: good report still processed"
		else
			not_ok "$n: good report still processed"
		fi
	fi
	# Big inputs: free the disk as we go.
	rm -rf "$R" "$out" "$err"
}

LIMIT='input/limits'
FMERR='frontmatter/syntax|input/limits'
