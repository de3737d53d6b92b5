# lrplot — the two commands of the README, and a few more.
#   make demo    installs what is missing, builds, renders examples/seeds.json to output/
#   make test    runs every test
#   make bench   builds in release mode and prints the benchmark table (bench/run.py; see BENCHMARKS.md)
SWIFT ?= swift
LRPLOT = .build/release/lrplot

.PHONY: demo deps build release test examples bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product lrplot

demo: release
	$(LRPLOT) examples/seeds.json
	@echo "open output/seeds.png (and output/seeds.svg)"

# Re-render every example into output/ (the golden images the tests compare against).
examples: release
	@for f in examples/*.json; do $(LRPLOT) $$f || exit 1; done

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Whole-process wall time (median of 5 runs) and peak memory of lrplot and its Python peers
# (matplotlib + numpy, PyTorch) for the four cases of BENCHMARKS.md. Not a test: nothing fails on timing.
bench: release
	python3 bench/run.py --lrplot $(LRPLOT)

clean:
	rm -rf .build
