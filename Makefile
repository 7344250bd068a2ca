# Two commands set everything up on a fresh machine:
#   make package   install pinned dependencies into .venv, build the tables, validate the package
#   make test      install test dependencies into .venv and run the test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: package test build validate clean

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

test: $(VENV)/installed
	$(PY) -m pytest

clean:
	rm -rf $(VENV)
