#!/bin/sh
# Golden-file tests (mandoc's regress, lowdown's regress::).
#
#   tests/regress/FAMILY/CASE.md           a report (or CASE/ a folder)
#   tests/regress/FAMILY/CASE.out_text     expected `lint --format text`
#   tests/regress/FAMILY/CASE.out_json     ... other formats: json, sarif,
#   .out_github .out_gitlab .out_junit     github, gitlab, junit
#   tests/regress/FAMILY/CASE.out_show     expected `show --format json`
#   tests/regress/FAMILY/CASE.args         extra lint arguments (optional)
#
# Each case is copied to a fresh directory outside any Git repository
# and run there with --today 2026-11-01; the output ends with the exit
# status.  REGEN=1 rewrites the expected files (make regen).
cd "$(dirname "$0")/.." || exit 2
: "${PM:=build/postmortem}"
case "$PM" in /*|valgrind*) ;; *) PM="$PWD/$PM" ;; esac
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for exp in tests/regress/*/*.out_*; do
	[ -f "$exp" ] || continue
	base=${exp%.out_*}
	fmt=${exp##*.out_}
	name=${base#tests/regress/}
	if [ -d "$base" ]; then src=$base; arg=$(basename "$base")
	elif [ -f "$base.md" ]; then src=$base.md; arg=$(basename "$base").md
	else src=$(ls "$base".* 2>/dev/null | grep -v '\.out_\|\.args$' | head -1)
	     arg=$(basename "$src"); fi
	rm -rf "$work/case" && mkdir "$work/case"
	cp -R "$src" "$work/case/"
	extra=
	[ -f "$base.args" ] && extra=$(cat "$base.args")
	if [ "$fmt" = show ]; then
		(cd "$work/case" && $PM show --format json "$arg") \
		    >"$work/actual" 2>&1
	else
		(cd "$work/case" && $PM lint --today 2026-11-01 \
		    --format "$fmt" $extra "$arg") >"$work/actual" 2>&1
	fi
	echo "exit $?" >>"$work/actual"
	if [ -n "${REGEN:-}" ]; then
		cp "$work/actual" "$exp"
	fi
	if diff -u "$exp" "$work/actual" >"$work/diff"; then
		echo "ok - regress $name ($fmt)"; pass=$((pass + 1))
	else
		echo "not ok - regress $name ($fmt)"; fail=$((fail + 1))
		sed 's/^/#   /' "$work/diff" | head -40
	fi
done
echo "# regress: $pass passed, $fail failed"
echo "1..$((pass + fail))"
[ "$fail" -eq 0 ]
