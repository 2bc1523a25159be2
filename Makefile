# Two commands for a fresh machine with python3, pip and make:
#   make demo   render the bundled county example to out/county.docx
#   make test   run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean phrasebank

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/draftkit render examples/county.yaml -o out/county.docx

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/render.py
	$(BIN)/python bench/mine.py
	$(BIN)/python bench/bank.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/interactive.py

phrasebank: $(STAMP)
	$(BIN)/draftkit mine ../shared/corpus -o phrasebank

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
