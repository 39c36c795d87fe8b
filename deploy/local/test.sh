#!/usr/bin/env bash
# Runs every test of the project against the real local stack (Kafka, Azurite, PostgreSQL): starts the
# stack if needed, then builds and tests all modules, the end-to-end test included. The stack is left
# running when it was already running, and stopped otherwise.
#
# usage: deploy/local/test.sh [extra maven arguments...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show_help_if_asked "$@"
cd "$ROOT"

was_running=true
"$HERE/stack.sh" status >/dev/null 2>&1 || was_running=false
if [[ $was_running == false ]]; then
  trap '"$HERE/stack.sh" stop' EXIT
fi
"$HERE/stack.sh" start

t0=$(now)
${MVN:-mvn} -B -ntp -Dstyle.color=never verify "$@"
say "all tests passed in $(since "$t0")"
