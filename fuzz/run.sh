#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/Package.swift (with -sanitize=fuzzer,address) and runs one.
#   fuzz/run.sh spec [seconds]        the spec decoder and schedule evaluation (differential checks)
#   fuzz/run.sh expression [seconds]  the Python-expression parser and evaluator
#   fuzz/run.sh simulate [seconds]    "simulate" specs: decoding, budget, training (≤ 24 steps), chart
#   fuzz/run.sh render [seconds]      specs decoded, charted and rendered to PNG, SVG and PDF
#   fuzz/run.sh build TARGET          only build fuzz/.build/release/fuzz-TARGET
# The dictionary, spec.dict, is written by fuzz/make_dict.py from the spec's JSON Schema.
# Environment: FUZZ_RUNS=N stops after N inputs (libFuzzer's -runs) instead of the time limit;
# FUZZ_ARGS adds libFuzzer options; FUZZ_ASAN=0 builds without AddressSanitizer. On a shared machine run it under `nice -n 19`.
#
# The fuzz package depends on lrplot's libraries by path, so whatever files move inside a
# target, or which targets LRPlotKit depends on, the fuzzers build as the package does; its
# modules are compiled with -enable-testing for the targets' @testable imports. Crashes are
# written to fuzz/crashes/; keep each as a regression case (Tests/LRPlotKitTests/FuzzRegressions
# for specs, the expression or ScheduleCore tests otherwise).
set -euo pipefail
cd "$(dirname "$0")"
build_only=0
if [ "${1:-}" = build ]; then build_only=1; shift; fi
target=${1:-spec}
seconds=${2:-60}
case "$target" in spec|expression|simulate|render) ;; *)
  echo "usage: fuzz/run.sh [build] spec|expression|simulate|render [seconds]" >&2; exit 2 ;;
esac
# FUZZ_ASAN=0 builds without AddressSanitizer (into .build-noasan): Swift code is memory safe
# but for its few unsafe buffers, and the system libraries (Cairo, zlib) are not instrumented
# either way, so long runs can trade ASan's checks for about twice the inputs a second.
sanitize=fuzzer,address
scratch=.build
if [ "${FUZZ_ASAN:-1}" = 0 ]; then sanitize=fuzzer; scratch=.build-noasan; fi
swift build -c release --scratch-path "$scratch" --product "fuzz-$target" \
  -Xswiftc -sanitize=$sanitize -Xswiftc -enable-testing
binary=$scratch/release/fuzz-$target
[ "$build_only" = 1 ] && exit 0

# Seeds: the examples, and every reference case as a one-schedule spec.
mkdir -p crashes "corpus/$target"
cp -n ../examples/*.json "corpus/$target/" 2>/dev/null || true
if [ "$target" = spec ] || [ "$target" = render ]; then
  python3 - "$target" <<'PY'
import json, sys
cases = json.load(open("../Tests/ScheduleCoreTests/Fixtures/frameworks.json"))["cases"]
for i, c in enumerate(cases):
    with open("corpus/%s/ref-%03d.json" % (sys.argv[1], i), "w") as f:
        json.dump({"steps": c["steps"], "schedules": [c["schedule"]]}, f)
PY
fi
dict=()
[ "$target" = expression ] || dict=(-dict=spec.dict)
limit=(-max_total_time="$seconds")
[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
# ASan's leak check is off: the targets keep caches (fonts, the digits data) for the process.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$binary" "${limit[@]}" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix=crashes/ "${dict[@]}" ${FUZZ_ARGS:-} "corpus/$target"
