#!/bin/sh
# One check skipped, one passed.
. "$(dirname "$0")/../../../lib.sh"
skip "skip: a tool that is not here" "no such tool"
ok "skip: the other check"
done_testing
