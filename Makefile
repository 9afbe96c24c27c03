# Two commands on a fresh machine (Python 3.11+, git, make): `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve events validate lint browser clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "timeline-builder needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

## site: extract events from seeds/ and build the static site into site/
site: events
	$(BIN)/timeline build

## events: extract events from the articles in seeds/ into events/
events: $(STAMP)
	$(BIN)/timeline extract seeds

validate: $(STAMP)
	$(BIN)/timeline validate

## test: lint and run the whole test suite (installs Debian's chromium for browser tests when it can)
test: $(STAMP) browser
	$(BIN)/ruff check builder tests bench scripts
	$(BIN)/pytest -q

## serve: live preview at http://127.0.0.1:8000
serve: events
	$(BIN)/timeline serve

browser:
	@sh scripts/ensure-chromium

clean:
	rm -rf site docs/generated .pytest_cache
