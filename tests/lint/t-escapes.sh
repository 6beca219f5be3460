#!/bin/sh
# The text format never passes control bytes through: a file named with
# a terminal escape is printed quoted (\x1b), one finding a line.
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
cd "$T" || exit 2
name=$(printf 'a\033[31mb.md')
printf -- '---\ntitle: x\n---\n' >"$name"
pm lint --today 2026-11-01 "$name" >out 2>/dev/null
check "text: a control byte in a path is quoted" grep -q 'a\\x1b\[31mb\.md:1:1: error:' out
check "text: no raw escape byte reaches the output" \
    sh -c '! LC_ALL=C grep -q "$(printf "\033")" out'
done_testing
