# claimcheck: `make demo` checks the bundled Idlib articles, `make test` runs the test suite.
# Both create .venv and install everything on first use (torch 2.13.0 CPU first, so pip
# never pulls a CUDA build), then reuse it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLES := examples/idlib-2020

.PHONY: demo test setup browser postgres clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Headless Chromium for the browser test of the HTML report (Debian packages).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; \
		else echo "chromium not installed and cannot apt-get: the browser test will be skipped"; fi; \
	fi

# A PostgreSQL server for the ledger tests (Debian's package; the tests start a throwaway
# cluster in a temp folder and skip, saying why, where none can be installed).
postgres:
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; \
		else echo "postgresql not installed and cannot apt-get: the PostgreSQL ledger tests will be skipped"; fi; \
	fi

demo: $(STAMP)
	@mkdir -p reports
	$(BIN)/claimcheck check $(EXAMPLES) --out reports/idlib-2020.html --out reports/idlib-2020.json --fail-on never

test: $(STAMP) browser postgres
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
