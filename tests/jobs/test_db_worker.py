"""`manage.py db_worker` (jobs' own): database errors are logged and retried, not fatal.

The worker runs in this process on the test database, in batch mode (it stops
when the queue is empty).
"""

import signal

import django_tasks_db.management.commands.db_worker as upstream
import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.worker import MAX_ATTEMPTS, ResilientWorker, tasks_requeue_abandoned, worker_lock
from tests.jobs.worker_tasks import note_attempt

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def db_tasks(settings, tmp_path):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.SELFHELP_RUN_DIR = tmp_path / "run"
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield tmp_path
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.fixture
def sleeps(monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(ResilientWorker, "sleep", lambda self, seconds: waited.append(seconds))
    return waited


@pytest.fixture
def database_fails_twice(monkeypatch):
    """The worker's first two polls fail as a locked SQLite database does."""
    real = upstream.close_old_connections
    calls = []

    def flaky() -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("database is locked")
        real()

    monkeypatch.setattr(upstream, "close_old_connections", flaky)
    return calls


def run_worker(worker_id: str = "test-worker") -> None:
    call_command(
        "db_worker", batch=True, interval=0, startup_delay=False, reload=False,
        worker_id=worker_id, verbosity=0,
    )  # fmt: skip


def test_worker_runs_a_queued_task(db_tasks, sleeps):
    result = note_attempt.enqueue(folder=str(db_tasks))

    run_worker()

    assert note_attempt.get_result(result.id).status == TaskResultStatus.SUCCESSFUL
    assert sleeps == []


def test_worker_backs_off_and_retries_after_database_errors(
    db_tasks, sleeps, database_fails_twice, caplog
):
    result = note_attempt.enqueue(folder=str(db_tasks))

    run_worker()

    assert note_attempt.get_result(result.id).status == TaskResultStatus.SUCCESSFUL
    assert sleeps == [1.0, 2.0]
    assert caplog.text.count("database error; polling again") == 2


def test_task_left_running_by_a_dead_worker_runs_again(db_tasks, sleeps):
    result = note_attempt.enqueue(folder=str(db_tasks))
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=["test-worker"]
    )

    run_worker("test-worker")

    assert note_attempt.get_result(result.id).status == TaskResultStatus.SUCCESSFUL


def test_another_workers_running_task_is_left_alone(db_tasks):
    result = note_attempt.enqueue(folder=str(db_tasks))
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=["other-worker"]
    )

    assert tasks_requeue_abandoned(worker_id="test-worker", backend_name="default") == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING


def test_task_that_killed_its_worker_too_often_fails(db_tasks):
    result = note_attempt.enqueue(folder=str(db_tasks))
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=["test-worker"] * MAX_ATTEMPTS
    )

    assert tasks_requeue_abandoned(worker_id="test-worker", backend_name="default") == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED


def test_second_worker_with_the_same_id_refuses_to_start(db_tasks):
    with worker_lock("test-worker"), pytest.raises(CommandError, match="test-worker"):
        run_worker("test-worker")
