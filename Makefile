# Two commands set everything up on a fresh machine:
#   make package   install pinned dependencies into .venv, build the tables, validate the package
#   make test      install test dependencies into .venv and run the test suite (pytest, then the R tests)
# and, for changes to the code, `make lint` (ruff and mypy, which .ci/run runs before the tests).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: package test lint build validate clean

$(VENV)/installed: requirements.txt requirements-dev.txt requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet pip==26.3
	$(PY) -m pip install --quiet -r requirements-dev.txt -c requirements.lock
	touch $@

package: $(VENV)/installed
	$(PY) -m scripts build
	$(PY) -m scripts validate

build: $(VENV)/installed
	$(PY) -m scripts build

validate: $(VENV)/installed
	$(PY) -m scripts validate

# pytest, then the R loader's tests (R/load.R; needs Rscript with readr, jsonlite and testthat, which .ci/run installs),
# on the live package and on the frozen one (tests/frozen.py), built for them in a temporary folder
test: $(VENV)/installed
	@Rscript -e 'library(readr); library(jsonlite); library(testthat)' >/dev/null 2>&1 || { \
	  echo "make test needs R with readr, jsonlite and testthat: run 'bash .ci/run', which installs them from"; \
	  echo "Debian or Ubuntu packages and then runs make test (or run only the Python tests: $(PY) -m pytest)"; \
	  exit 1; }
	$(PY) -m pytest
	@frozen=$$(mktemp -d) && $(PY) -m tests.frozen $$frozen/package >/dev/null && \
	  FROZEN_PACKAGE=$$frozen/package Rscript -e 'testthat::test_dir("tests/R", stop_on_failure = TRUE)'; \
	  status=$$?; rm -rf $$frozen; exit $$status

# ruff (lint and format) on the code and the tests, mypy on the code; .ci/run runs this before the tests
lint: $(VENV)/installed
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV)
