"""A worker killed in the middle of a task is restarted, and the task completes.

Real processes on a throwaway SQLite database: `manage.py db_worker` starts,
takes the task, is killed with SIGKILL while the task runs, and a new worker
with the same id finishes it.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@pytest.fixture
def env(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "selfhelp.settings",
        "DJANGO_SECRET_KEY": "worker-restart-test",
        "DJANGO_DEBUG": "false",
        "SELFHELP_VAR_DIR": str(tmp_path / "var"),
        "SELFHELP_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "SELFHELP_WORKER_ID": "restart-test",
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("DATABASE_URL", None)
    (tmp_path / "var").mkdir()
    manage(environment, "migrate", "--noinput", "-v0")
    return environment


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=TIMEOUT, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def task_status(env: dict, task_id: str) -> str:
    with sqlite3.connect(Path(env["SELFHELP_VAR_DIR"]) / "db.sqlite3") as db:
        row = db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = ?",
            (task_id.replace("-", "").lower(),),
        ).fetchone()
    return row[0] if row else ""


def test_killed_worker_is_restarted_and_the_task_completes(env, tmp_path):
    folder = tmp_path / "attempts"
    folder.mkdir()
    task_id = manage(
        env, "shell", "--no-imports", "-c",
        "from tests.jobs.worker_tasks import note_attempt;"
        f"print(note_attempt.enqueue(folder={str(folder)!r}, hang_on_first=True).id)",
    )  # fmt: skip
    log = tmp_path / "worker.log"

    first = start_worker(env, log)
    try:
        wait_for(lambda: (folder / "attempt-1").exists(), "the first attempt to start")
        assert task_status(env, task_id) == "RUNNING"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(TIMEOUT)

    second = start_worker(env, log)
    try:
        wait_for(lambda: task_status(env, task_id) == "SUCCESSFUL", "the task to complete")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(TIMEOUT)

    assert sorted(p.name for p in folder.iterdir()) == ["attempt-1", "attempt-2"]
    assert "queued again" in log.read_text()
