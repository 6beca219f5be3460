#!/bin/sh
# Killed by a signal after a good check.
. "$(dirname "$0")/../../../lib.sh"
ok "crash: first check"
kill -s SEGV $$
ok "crash: never reached"
done_testing
