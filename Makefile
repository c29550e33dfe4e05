# Two commands: `make run` serves the app with demo data, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: secret-key run test setup-run setup-test venv messages lint pytest check-migrations bench worker model

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed

messages: venv
	@! compgen -G '*/locale/*/LC_MESSAGES/*.po' >/dev/null || DJANGO_SETTINGS_MODULE=selfhelp.test_settings $(PY) manage.py compilemessages --ignore '.venv' --ignore 'var' -v 0

secret-key:
	@mkdir -p var
	@test -s var/secret_key || (umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key)

setup-run:
	@scripts/system-deps.sh run
	@$(MAKE) --no-print-directory venv messages secret-key

setup-test:
	@scripts/system-deps.sh test
	@$(MAKE) --no-print-directory venv messages secret-key
	@mkdir -p artifacts

run: export DJANGO_DEBUG ?= true
run: setup-run
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/  (borrower@example.com / demo-pass-2026)"
	@trap 'kill 0' EXIT; scripts/supervise.sh $(PY) manage.py db_worker & while true; do $(PY) manage.py send_reminders -v 0 >/dev/null; $(PY) manage.py verify_files --delete-orphans >/dev/null; sleep 300; done & $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The background worker for the configured task backend (SELFHELP_TASKS_BACKEND):
# `db_worker` for the database backend (the default); for django_tasks_rq.RQBackend an RQ worker
# on REDIS_URL's "default" queue (with django-tasks-rq's Job class, which it needs).
# Run one or more next to the web server, under the same environment; each database worker
# needs its own SELFHELP_WORKER_ID (e.g. `SELFHELP_WORKER_ID=2 make worker`). A worker that
# dies is started again by scripts/supervise.sh and takes back the task it was running.
worker: venv secret-key
	@if [ "$${SELFHELP_TASKS_BACKEND:-django_tasks_db.DatabaseBackend}" = "django_tasks_rq.RQBackend" ]; then \
		exec scripts/supervise.sh $(PY) manage.py rqworker --job-class django_tasks_rq.Job default; \
	else \
		exec scripts/supervise.sh $(PY) manage.py db_worker; \
	fi

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-migrations: venv
	DJANGO_SETTINGS_MODULE=selfhelp.test_settings $(PY) manage.py makemigrations --check --dry-run -v 0

pytest: venv
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test: setup-test
	@$(MAKE) --no-print-directory lint check-migrations pytest

# Rebuild the text model (rules/engine/model/detector.npz) from rules/data/train_*.jsonl; seeded.
model: venv
	$(PY) manage.py train_detector

bench: setup-test
	$(PY) bench/import_bundle.py
	$(PY) bench/detection.py
	$(PY) bench/pdf.py
	$(PY) bench/checker.py
	$(PY) bench/case_page.py
	$(PY) bench/bundle_memory.py
	$(PY) bench/backup_memory.py
	@if [ -f bench/ocr_set/truth.jsonl ]; then $(PY) bench/ocr.py bench/ocr_set; else echo "bench/ocr_set/ is missing: skipping bench/ocr.py"; fi
