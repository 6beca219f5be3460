#!/bin/sh
# Dies after one good check: the run must turn red.
. "$(dirname "$0")/../../../lib.sh"
ok "exit3: first check"
exit 3
