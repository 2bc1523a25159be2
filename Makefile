# Two commands for a fresh machine with python3, pip and make:
#   make demo   render the bundled county example to out/county.docx
#   make test   run the test suite (with this machine's python3)
# and for CI (.ci/run) or before a release:
#   make test-pythons   the whole suite under every Python pyproject.toml declares (nox)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-pythons bench clean phrasebank

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ci]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/draftkit render examples/county.yaml -o out/county.docx

test: $(STAMP)
	$(BIN)/python -m pytest

test-pythons: $(STAMP)
	$(BIN)/nox

bench: $(STAMP)
	$(BIN)/python bench/render.py
	$(BIN)/python bench/mine.py
	$(BIN)/python bench/bank.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/interactive.py
	$(BIN)/python bench/sizes.py
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/batch.py

phrasebank: $(STAMP)
	$(BIN)/draftkit mine ../shared/corpus ../shared/realset -o phrasebank

clean:
	rm -rf $(VENV) .nox out build *.egg-info src/*.egg-info
