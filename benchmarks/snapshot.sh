#!/usr/bin/env bash
# The user's workload measured on one commit: its tree unpacked in /tmp and put first on
# PYTHONPATH (ahead of the editable install), so a later edit cannot change the figures.
#   benchmarks/snapshot.sh COMMIT [user.py arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
commit=$(git rev-parse --short "$1"); shift
snap=/tmp/vastbus-snap-$commit
if [ ! -d "$snap" ]; then
  mkdir -p "$snap" && git archive "$commit" | tar -x -C "$snap"
  .venv/bin/python -m compileall -q "$snap/vastbus_cli"
fi
PYTHONPATH="$snap" .venv/bin/python benchmarks/user.py "$@"
