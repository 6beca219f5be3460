#!/bin/sh
# The documentation matches the code: the man page is clean mdoc, and it
# documents every rule of the catalogue (lib/base/rules.def) and every
# subcommand of the dispatcher; `postmortem rules` lists the same ids.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

if command -v mandoc >/dev/null 2>&1; then
	check "man page passes mandoc -T lint" \
	    mandoc -T lint -W warning postmortem.1
else
	not_ok "mandoc is not installed (make test-deps)"
fi

ids=$(sed -n 's/^PM_RULE([A-Z_0-9]*, "\([^"]*\)".*/\1/p' lib/base/rules.def)
missing=
for id in $ids; do
	grep -q "^\.It Cm $id " postmortem.1 || missing="$missing $id"
done
if [ -z "$missing" ]; then ok "man page documents every rule id"
else not_ok "man page misses rules:$missing"; fi

missing=
for c in $(sed -n 's/^	{ "\([a-z]*\)", cmd_.*/\1/p' cmd/main.c); do
	[ "$c" = help ] && continue
	grep -q "^\.Cm $c" postmortem.1 || missing="$missing $c"
done
if [ -z "$missing" ]; then ok "man page documents every command"
else not_ok "man page misses commands:$missing"; fi

out=$($PM rules 2>/dev/null)
missing=
for id in $ids; do
	printf '%s\n' "$out" | grep -q "$id" || missing="$missing $id"
done
if [ -z "$missing" ]; then ok "'postmortem rules' lists every rule id"
else not_ok "'postmortem rules' misses:$missing"; fi

check "README starts with make demo and make check" \
    sh -c 'head -12 README.md | grep -q "^make demo" &&
	head -12 README.md | grep -q "^make check"'
done_testing
