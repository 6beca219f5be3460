#!/bin/sh
# Reaches done_testing without making a check.
. "$(dirname "$0")/../../../lib.sh"
done_testing
