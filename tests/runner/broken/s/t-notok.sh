#!/bin/sh
# An ordinary failing check.
. "$(dirname "$0")/../../../lib.sh"
check "notok: true passes" true
check "notok: false fails" false
done_testing
