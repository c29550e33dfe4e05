#!/usr/bin/env bash
# Run a command again whenever it dies (a crash, an out-of-memory kill), with a pause.
# A clean exit (status 0, e.g. the worker stopping after Ctrl+C or SIGTERM) ends the loop.
# Usage: scripts/supervise.sh .venv/bin/python manage.py db_worker
set -u
until "$@"; do
  echo "supervise: '$*' exited with status $?; starting it again in 2 s" >&2
  sleep 2
done
