"""A database task worker that outlives database errors and its own death.

django-tasks-db's worker loop lets some database errors escape: on SQLite, the
BEGIN of its claiming transaction can fail with "database is locked" while
another process writes, and on PostgreSQL a restart drops the connection. The
process then exits, and every queued import or report waits for ever.

ResilientWorker logs such an error, closes the connections, waits (1 s, 2 s,
4 s … up to a minute) and polls again. A task left "running" by a worker that
was killed is put back in the queue when a worker with the same id starts
again, so worker ids must be stable and unique: a lock file per id makes a
second worker with the same id on the same machine refuse to start. A task
that was already tried MAX_ATTEMPTS times is marked failed instead, so one
task that crashes its worker cannot crash it for ever. Tasks must therefore
be safe to run twice (the app's tasks check their job or batch first).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import Error as DatabaseError
from django.db import connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("jobs.worker")

BACKOFF_START = 1.0
BACKOFF_MAX = 60.0
MAX_ATTEMPTS = 3


def default_worker_id() -> str:
    """A stable id: SELFHELP_WORKER_ID, or this machine's name with "-1"."""
    return os.environ.get("SELFHELP_WORKER_ID") or f"{socket.gethostname()}-1"


@contextmanager
def worker_lock(worker_id: str) -> Iterator[None]:
    """Hold a lock file for this worker id, or refuse to start a second worker with it."""
    folder = Path(settings.SELFHELP_RUN_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(worker_id.encode()).hexdigest()[:16]
    with open(folder / f"worker-{digest}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CommandError(
                f"Another worker with id {worker_id!r} is running on this machine; "
                "give each worker its own --worker-id (or SELFHELP_WORKER_ID)."
            ) from None
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield


def tasks_requeue_abandoned(*, worker_id: str, backend_name: str) -> int:
    """Put back the tasks this worker id left running (it died mid-task); returns how many.

    Only this id's tasks: another worker's running task is really running. A task
    already tried MAX_ATTEMPTS times is marked failed instead of tried again.
    """
    count = 0
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, backend_name=backend_name
    )
    for row in running.only("id", "worker_ids"):
        if not row.worker_ids or row.worker_ids[-1] != worker_id:
            continue
        if len(row.worker_ids) >= MAX_ATTEMPTS:
            DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path="jobs.worker.AbandonedTask",
                traceback=f"The worker died {len(row.worker_ids)} times while running this task.",
            )
            logger.error("Task %s failed: its worker died %s times", row.pk, len(row.worker_ids))
            continue
        count += DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
        logger.warning("Task %s was left running by worker %s; queued again", row.pk, worker_id)
    return count


def _close_connections() -> None:
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):  # a broken connection is dropped all the same
            connection.close()


class ResilientWorker(Worker):
    """django-tasks-db's worker, kept alive through database errors (see the module docstring)."""

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def run(self) -> None:
        with worker_lock(self.worker_id):
            delay = BACKOFF_START
            while self.running:
                started = time.monotonic()
                try:
                    tasks_requeue_abandoned(
                        worker_id=self.worker_id, backend_name=self.backend_name
                    )
                    super().run()
                    return
                except DatabaseError:
                    if time.monotonic() - started > BACKOFF_MAX:
                        delay = BACKOFF_START  # it had been working for a while
                    logger.exception(
                        "Worker %s: database error; polling again in %.0f s",
                        self.worker_id,
                        delay,
                    )
                    _close_connections()
                    self.sleep(delay)
                    delay = min(delay * 2, BACKOFF_MAX)
