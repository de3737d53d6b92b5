#!/usr/bin/env bash
# Builds the libFuzzer targets (swiftc -sanitize=fuzzer,address) and runs one.
#   fuzz/run.sh spec [seconds]        fuzz the spec decoder and schedule evaluation
#   fuzz/run.sh expression [seconds]  fuzz the expression parser and evaluator
# Crashes are written to fuzz/crashes/; keep each as a regression case in
# Tests/LRPlotKitTests/Malformed (spec) or the expression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-spec}
seconds=${2:-60}
out=.build-fuzz
mkdir -p "$out" fuzz/crashes "fuzz/corpus/$target"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
# ScheduleCore as a module of its own, as in the package.
swiftc "${flags[@]}" -emit-module -emit-library -static -module-name ScheduleCore \
  -emit-module-path "$out/ScheduleCore.swiftmodule" -o "$out/libScheduleCore.a" \
  $(find Sources/ScheduleCore -name '*.swift')
case "$target" in
  spec)
    # The spec decoder reads "simulate" blocks: the Simulation module too.
    swiftc "${flags[@]}" -emit-module -emit-library -static -module-name Simulation -I "$out" \
      -emit-module-path "$out/Simulation.swiftmodule" -o "$out/libSimulation.a" \
      $(find Sources/Simulation -name '*.swift')
    # The spec decoder's files (they need only ScheduleCore), plus the entry point.
    sources=(fuzz/SpecFuzz.swift Sources/LRPlotKit/Spec/*.swift Sources/LRPlotKit/Errors/*.swift Sources/LRPlotKit/Output/OutputFormat.swift Sources/LRPlotKit/Values/ShortestDecimal.swift Sources/LRPlotKit/Values/ShortestDecimal+Table.swift)
    cp -n examples/*.json "fuzz/corpus/spec/" 2>/dev/null || true
    # Seed with every reference case, written as a one-schedule spec.
    python3 - <<'PY'
import json
cases = json.load(open("Tests/ScheduleCoreTests/Fixtures/frameworks.json"))["cases"]
for i, c in enumerate(cases):
    with open("fuzz/corpus/spec/ref-%03d.json" % i, "w") as f:
        json.dump({"steps": c["steps"], "schedules": [c["schedule"]]}, f)
PY
    ;;
  expression)
    sources=(fuzz/ExpressionFuzz.swift)
    ;;
  *) echo "usage: fuzz/run.sh spec|expression [seconds]" >&2; exit 2 ;;
esac
libs=(-lScheduleCore)
[ "$target" = spec ] && libs=(-lSimulation -lScheduleCore)
swiftc "${flags[@]}" -module-name Fuzz -I "$out" -L "$out" "${libs[@]}" "${sources[@]}" -o "$out/fuzz-$target"
"$out/fuzz-$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=fuzz/crashes/ $([ "$target" = spec ] && echo -dict=fuzz/spec.dict) "fuzz/corpus/$target"
