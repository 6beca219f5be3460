#!/bin/sh
# Announces three checks and runs one, then exits 0.
echo "1..3"
echo "ok - short: the only check"
exit 0
