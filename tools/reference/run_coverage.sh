#!/usr/bin/env bash
# Runs the reference generator under branch coverage of the frameworks' scheduler sources and
# writes the report into tools/REFERENCE.md (between its coverage markers).
#
#   PYTHON=/path/to/venv/bin/python tools/reference/run_coverage.sh [--only torch,hf,...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
site="$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
include="$site/torch/optim/lr_scheduler.py,$site/torch/optim/swa_utils.py,$site/transformers/optimization.py"
include="$include,$site/timm/scheduler/*.py,$site/optax/schedules/*.py"
include="$include,$site/keras/src/optimizers/schedules/learning_rate_schedule.py"
cd "$root"
COVERAGE_FILE="$data/.coverage" "$python" -m coverage run --branch --include="$include" \
    "$here/generate.py" "$@"
COVERAGE_FILE="$data/.coverage" "$python" -m coverage json -q -o "$data/coverage.json"
"$python" "$here/coverage_report.py" "$data/coverage.json" "$site" "$root/tools/REFERENCE.md"
