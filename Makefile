# Every target sets up .venv itself, so a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SPEC := spec/imgur
OUT := generated

.DEFAULT_GOAL := help
.PHONY: help setup generate check validate test test-fast lint bench corpus bench-corpus regen-golden fuzz clean

help:
	@echo "make generate      set up, then regenerate $(OUT)/ from $(SPEC)"
	@echo "make test          set up, then run every test"
	@echo "make test-fast     like make test, without the tests marked slow"
	@echo "make check         fail when $(OUT)/ is stale against $(SPEC)"
	@echo "make validate      validate $(SPEC) (strict: warnings fail)"
	@echo "make lint          black --check, ruff and mypy --strict on generator/ and $(OUT)/python"
	@echo "make regen-golden  refresh the golden outputs under tests/golden"
	@echo "make fuzz          property-based tests with the long budget (> 2,000 inputs, 2 processes)"
	@echo "make bench         run the benchmark, write bench/RESULTS.md (BENCH_ARGS=--quick: < 2 min)"
	@echo "make corpus        download the real-document corpus (bench/corpus/list.json) into the cache"
	@echo "make bench-corpus  sdkgen and OPC on the corpus, write bench/CORPUS.md (CORPUS_ARGS=--help)"

# Reinstall when pyproject.toml changes; the stamp records the last good install.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "sdkgen needs Python 3.11 or newer; set PYTHON=python3.x")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	SDKGEN_SELF_CHECK=1 $(VENV)/bin/sdkgen generate $(SPEC) --out $(OUT)

check: $(STAMP)
	SDKGEN_SELF_CHECK=1 $(VENV)/bin/sdkgen check $(SPEC) --out $(OUT)

validate: $(STAMP)
	$(VENV)/bin/sdkgen validate $(SPEC) --strict

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/black --check generator tests bench
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/mypy
	cd $(OUT)/python && ../../$(VENV)/bin/black --check --config pyproject.toml . && ../../$(VENV)/bin/ruff check . && ../../$(VENV)/bin/mypy --strict src tests

# The long Hypothesis profile (tests/fuzz/profiles.py), in two processes so two
# cores are busy; FUZZ_FACTOR scales the budget (0.1 for a quick look).
FUZZ_FACTOR ?= 1
FUZZ_RUN = SDKGEN_FUZZ=long SDKGEN_FUZZ_FACTOR=$(FUZZ_FACTOR) $(PY) -m pytest -q -s tests/test_fuzz_pipeline.py
fuzz: $(STAMP)
	@$(FUZZ_RUN) -k "test_mutated_specs or test_markdown_import" & first=$$!; \
	$(FUZZ_RUN) -k test_schema_specs; second=$$?; \
	wait $$first; first=$$?; test $$first -eq 0 && test $$second -eq 0

regen-golden: $(STAMP)
	SDKGEN_SELF_CHECK=1 $(PY) -m tests.golden.regen

bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

# The corpus lives outside the repository: $$SDKGEN_CORPUS_DIR, default ~/.cache/sdkgen/corpus.
corpus: $(STAMP)
	$(PY) -m bench.corpus fetch

CORPUS_ARGS ?=
bench-corpus: corpus
	$(PY) -m bench.corpus run $(CORPUS_ARGS)

clean:
	rm -rf $(VENV) build dist
