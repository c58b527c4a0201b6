# Kvalitetsnav. `make demo` starts the app with demo data on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: demo test check suite venv lint format messages lock worker bench bench-db clean-demo

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

venv: $(STAMP)

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	chmod 600 var/secret_key

# The demo runs with DEBUG off (as in production) but over plain HTTP on localhost; links in mails and the
# calendar feed follow PORT.
DEMO_ENV = SECRET_KEY="$$(cat var/secret_key)" DEBUG=false HTTPS=false SITE_URL=http://127.0.0.1:$(PORT)

demo: $(STAMP) var/secret_key
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(DEMO_ENV) $(PY) manage.py load_demo
	@echo "Kvalitetsnav: http://127.0.0.1:$(PORT)/"
	@# As in production: previews and versions are built by a task worker beside the web server, so no page waits
	@# on a whole document. The worker stops with the server (Ctrl-C).
	$(DEMO_ENV) TASKS_BACKEND=database $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) TASKS_BACKEND=database $(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# The suite runs in parallel (pytest-xdist): one worker more than the machine has cores, since the browser tests
# wait on Chromium; idle workers take tests from busy ones (worksteal). TEST_CLOCK=2028-02-29 (or "commit") moves
# the clock for the whole run; PYTEST_ARGS passes anything else to pytest.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

test: check suite

check: lint
	$(PY) manage.py makemigrations --check --dry-run --settings=config.test_settings

# Bytecode is cached even where the environment says not to (PYTHONDONTWRITEBYTECODE): each worker would otherwise
# compile the whole project and every test module again on every run.
suite: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Needs gettext (apt-get install gettext).
messages: $(STAMP)
	DEBUG=true $(PY) manage.py makemessages --locale sv --no-obsolete --ignore ".venv/*" --ignore "var/*" --ignore "bench/*"
	DEBUG=true $(PY) manage.py compilemessages --locale sv --ignore ".venv/*"

# Re-resolve the pinned dependencies from requirements.in.
lock:
	rm -rf /tmp/kvalitetsnav-lock && $(PYTHON) -m venv /tmp/kvalitetsnav-lock
	/tmp/kvalitetsnav-lock/bin/pip install --quiet -r requirements.in
	/tmp/kvalitetsnav-lock/bin/pip freeze --exclude-editable | grep -v '^pip==' > requirements.lock

worker: $(STAMP)
	$(PY) manage.py db_worker --no-reload

# Generate a large municipality in PostgreSQL and time the pages (see bench/README.md).
bench: $(STAMP) bench-db
	DATABASE_URL=postgres:///kvalitetsnav_bench $(PY) bench/time_pages.py

clean-demo:
	rm -f var/kvalitetsnav.sqlite3 var/kvalitetsnav.sqlite3-wal var/kvalitetsnav.sqlite3-shm

bench-db: $(STAMP)
	dropdb --if-exists kvalitetsnav_bench && createdb kvalitetsnav_bench
	DATABASE_URL=postgres:///kvalitetsnav_bench DEBUG=true $(PY) manage.py migrate --noinput --verbosity 0
	DATABASE_URL=postgres:///kvalitetsnav_bench $(PY) bench/generate.py
	DATABASE_URL=postgres:///kvalitetsnav_bench $(PY) bench/generate_planning.py
	DATABASE_URL=postgres:///kvalitetsnav_bench $(PY) bench/generate_goals.py
