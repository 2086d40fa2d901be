# ClaimTrack: `make run` serves the demo on SQLite with its worker; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Test processes (pytest-xdist); each file stays in one process, so a file's servers and ports never collide.
TEST_WORKERS ?= 2

.PHONY: install run test test-quick lint worker messages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# The server and the background worker together; one Ctrl-C stops both.
run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo
	@echo "ClaimTrack is at http://127.0.0.1:$(PORT)/ with its background worker (Ctrl-C stops both)"
	@DEBUG=1 $(PY) manage.py worker --no-reload --verbosity 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	  DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: install
	DEBUG=1 $(PY) manage.py worker

test: install
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run >/dev/null || { echo "Models changed without a migration: run manage.py makemigrations"; exit 1; }
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=15 $(PYTEST_ARGS)
	# The embedded database of `make run` (SQLite), where its code paths differ from PostgreSQL's;
	# every route answered for every role without a server error (the security matrix) among them.
	env -u DATABASE_URL $(PY) -m pytest -q annotations/tests/test_unit_parity.py annotations/tests/test_save_queries.py \
	  annotations/tests/test_security_matrix.py annotations/tests/test_security_filters.py

test-quick: install
	$(PY) -m pytest -m "not browser" -x -q $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
