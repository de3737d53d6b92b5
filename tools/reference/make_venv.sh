#!/usr/bin/env bash
# Creates a virtual environment with the libraries of requirements.txt, from PyPI.
#
#   tools/reference/make_venv.sh [DIR]      (default: .venv-reference in the repository root)
# then
#   PYTHON=DIR/bin/python tools/reference/run_coverage.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-$here/../../.venv-reference}"
python3 -m venv "$dir"
"$dir/bin/pip" install --upgrade pip
"$dir/bin/pip" install -r "$here/requirements.txt"
echo "ready: PYTHON=$dir/bin/python $here/run_coverage.sh"
