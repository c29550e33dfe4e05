"""`manage.py db_worker`: django-tasks-db's worker, kept alive through database errors.

Same options as django-tasks-db's command (this app comes before it in
INSTALLED_APPS, so this command replaces it). The worker id defaults to a
stable one (SELFHELP_WORKER_ID, or the machine's name with "-1"), so a worker
that restarts takes back the task it was running when it died.
"""

from __future__ import annotations

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from jobs.worker import ResilientWorker, default_worker_id


class Command(db_worker.Command):
    help = "Run a database background worker that survives database errors"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=default_worker_id())

    def handle(self, *, verbosity: int, queue_name: str, exclude_queues: str,
               reload: bool, batch: bool, **options) -> None:  # fmt: skip
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded,
            batch=batch,
            interval=options["interval"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child that runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
