# Corroborate: `make build` builds the warehouse from the bundled corpus; `make test` runs the
# whole suite. Both set up .venv themselves from requirements.lock.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DBT := $(VENV)/bin/dbt
export CORPUS ?= data/articles
N ?= 100000
# Seconds a build waits for another process (a notebook, a DuckDB CLI) to release the warehouse lock.
LOCK_WAIT ?= 60
export WAREHOUSE_PATH ?= warehouse.duckdb
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: help build test faults lint fix validate publish docs bench score lock clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.lock
	touch $@

# CORPUS and WAREHOUSE_PATH reach the commands through the environment ("$$CORPUS"), never pasted
# into the command line by make, so paths with spaces and quotes work.
build: $(VENV)/.installed ## Ingest CORPUS (default data/articles) and build the warehouse
	@test -e "$$CORPUS" || { echo "make build: the corpus path $$CORPUS does not exist; nothing was built." >&2; exit 4; }
	$(PY) -m warehouse.buildstate start --db "$$WAREHOUSE_PATH" --wait $(LOCK_WAIT)
	$(PY) -m ingest "$$CORPUS"
	$(PY) -m warehouse.buildstate lock --db "$$WAREHOUSE_PATH" --wait $(LOCK_WAIT)
	$(DBT) build
	$(DBT) docs generate --quiet
	$(PY) -m warehouse.buildstate finish --db "$$WAREHOUSE_PATH"
	$(PY) -m warehouse.report --db "$$WAREHOUSE_PATH"
	$(PY) -m warehouse.publish --db "$$WAREHOUSE_PATH" --out publish

test: $(VENV)/.installed ## The whole suite: ruff, sqlfluff, pytest (ingest, dbt builds, mutations)
	$(VENV)/bin/ruff check ingest warehouse tests_py scripts sqlfluff_libs
	$(VENV)/bin/sqlfluff lint --processes 0 models tests analyses
	$(VENV)/bin/pytest tests_py

faults: $(VENV)/.installed ## The fault suite with its longer variants (more kill points of dbt build)
	FAULTS_LONG=1 $(VENV)/bin/pytest tests_py/test_faults.py tests_py/test_ingest_faults.py

lint: $(VENV)/.installed ## Lint SQL (sqlfluff) and Python (ruff)
	$(VENV)/bin/sqlfluff lint --processes 0 models tests analyses
	$(VENV)/bin/ruff check ingest warehouse tests_py scripts sqlfluff_libs

fix: $(VENV)/.installed ## Fix what sqlfluff and ruff can fix by themselves
	$(VENV)/bin/sqlfluff fix --processes 0 models tests analyses
	$(VENV)/bin/ruff check --fix ingest warehouse tests_py scripts sqlfluff_libs

validate: $(VENV)/.installed ## Great Expectations checkpoint on the marts (Data Docs: gx/uncommitted/data_docs/index.html)
	$(PY) -m warehouse.validate --db "$$WAREHOUSE_PATH" --docs gx/uncommitted/data_docs

publish: $(VENV)/.installed ## Publish the marts as Parquet and a read-only copy of the warehouse under publish/
	$(PY) -m warehouse.publish --db "$$WAREHOUSE_PATH" --out publish

docs: $(VENV)/.installed ## Generate dbt docs (target/index.html)
	$(DBT) docs generate

score: $(VENV)/.installed ## Score the built warehouse against ../shared/gold
	$(PY) ../shared/eval/score.py --db "$$WAREHOUSE_PATH" --corpus "$$CORPUS" --gold ../shared/gold

bench: $(VENV)/.installed ## Benchmark ingest and dbt build on N generated articles (default 100000)
	$(PY) -m warehouse.bench --articles $(N)

lock: ## Re-pin requirements.lock from requirements.in
	$(VENV)/bin/uv pip compile requirements.in -o requirements.lock --python-version 3.11 --no-header

clean: ## Remove build artefacts (not .venv)
	rm -rf target logs publish .publish.* gx/uncommitted .bench
