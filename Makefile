PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit setup demo clean

# Creates the virtual environment and installs Samordna with its development tools.
$(STAMP): pyproject.toml
	./scripts/ensure-system-packages.sh documents
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

## make run: set up from nothing, load the demo data, serve http://127.0.0.1:8000 and run the
## background worker beside it (Ctrl-C stops both)
run: demo
	./scripts/run.sh 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy samordna

## make test: everything CI runs: lint, type check, the suite on SQLite and on PostgreSQL
test: $(STAMP) lint typecheck
	$(BIN)/python manage.py makemigrations --check --dry-run
	./scripts/ensure-system-packages.sh browser
	$(BIN)/pytest -n 2
	./scripts/test-postgres.sh

clean:
	rm -rf $(VENV) samordna.sqlite3 staticfiles
