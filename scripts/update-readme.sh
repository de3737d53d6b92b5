#!/usr/bin/env bash
# Regenerates the schedule-type tables of README.md (between the types:begin/end markers)
# from `lrplot list --markdown`, so the README lists exactly the types lrplot knows.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product lrplot >/dev/null
tables=$(.build/debug/lrplot list --markdown)
python3 - "$tables" <<'PY'
import sys, re
tables = sys.argv[1]
text = open("README.md").read()
new = re.sub(r"(<!-- types:begin -->\n).*?(<!-- types:end -->)", lambda m: m.group(1) + tables + "\n" + m.group(2), text, flags=re.S)
open("README.md", "w").write(new)
PY
