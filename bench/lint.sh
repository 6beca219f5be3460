#!/bin/sh
# Lint benchmarks (make bench runs this from bench/run.sh, or alone:
# sh bench/lint.sh).  Targets (2 cores): a 10,000-report repository in
# < 1.5 s wall and < 300 MB RSS; 'lint --staged' with one staged report
# in < 50 ms.  Optional comparison with markdownlint-cli2 and alex when
# they are installed under build/bench/node (BENCH_NODE=1 installs them
# there with npm; node_modules is never committed).
#
#   PM=build/postmortem CORPUS=build/bench/c10000 sh bench/lint.sh
cd "$(dirname "$0")/.." || exit 2
TOP=$PWD
: "${PM:=build/postmortem}"
case "$PM" in /*) ;; *) PM="$TOP/$PM" ;; esac
: "${CORPUS:=$TOP/build/bench/c10000}"
GEN="$TOP/bench/gen-corpus.py"
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1

if [ ! -d "$CORPUS/.git" ]; then
	echo "bench/lint: generating $CORPUS (10,000 reports)"
	python3 "$GEN" --count 10000 --violations 0.2 --git \
	    --out "$CORPUS" >/dev/null || exit 2
fi

# best of 3: wall seconds and max RSS (KB) of one command
measure() {
	best=
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null \
		    2>"$tmp/err"
		read -r s kb <"$tmp/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then
			best=$s; bestkb=$kb
		fi
	done
	printf '%s %s\n' "$best" "$bestkb"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(find "$CORPUS" -name '*.md' -not -path '*/.git/*' | wc -l)

set -- $(measure "$PM" -C "$CORPUS" lint --today 2026-11-01 --format json)
echo "lint: $n reports (worktree, json): $1 s wall, $(($2 / 1024)) MB RSS" \
    "(target < 1.5 s, < 300 MB)"
set -- $(measure "$PM" -C "$CORPUS" lint --today 2026-11-01 --rev HEAD -q)
echo "lint --rev HEAD: $1 s wall, $(($2 / 1024)) MB RSS"

# One staged report in a clone (the corpus's index stays untouched).
git clone -q --local "$CORPUS" "$tmp/clone" 2>/dev/null
f=$(cd "$tmp/clone" && git ls-files '*.md' | head -1)
printf '\n<!-- touched -->\n' >>"$tmp/clone/$f"
git -C "$tmp/clone" add "$f"
set -- $(measure "$PM" -C "$tmp/clone" lint --staged --today 2026-11-01 "$f")
echo "lint --staged (1 of $n staged): $(awk "BEGIN{print $1*1000}") ms" \
    "wall, $(($2 / 1024)) MB RSS (target < 50 ms)"

# Other linters on the same files, when installed.
nm="$TOP/build/bench/node"
if [ -n "${BENCH_NODE:-}" ] && [ ! -d "$nm/node_modules" ]; then
	mkdir -p "$nm" && (cd "$nm" && npm install --silent --no-audit \
	    --no-fund markdownlint-cli2 alex >/dev/null 2>&1)
fi
if [ -x "$nm/node_modules/.bin/markdownlint-cli2" ]; then
	set -- $(cd "$CORPUS" && measure "$nm/node_modules/.bin/markdownlint-cli2" \
	    'postmortems/**/*.md')
	echo "markdownlint-cli2 (same files): $1 s wall, $(($2 / 1024)) MB RSS"
fi
if [ -x "$nm/node_modules/.bin/alex" ]; then
	set -- $(cd "$CORPUS" && measure "$nm/node_modules/.bin/alex" \
	    postmortems)
	echo "alex (same files): $1 s wall, $(($2 / 1024)) MB RSS"
fi
exit 0
