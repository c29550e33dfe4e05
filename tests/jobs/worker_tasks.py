"""Tasks for the worker tests (imported by path by a worker in another process)."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def note_attempt(*, folder: str, hang_on_first: bool = False) -> int:
    """Write attempt-<n> into `folder`; hang on the first attempt if asked (to be killed there)."""
    number = len(list(Path(folder).glob("attempt-*"))) + 1
    (Path(folder) / f"attempt-{number}").write_text("started")
    if hang_on_first and number == 1:
        time.sleep(600)
    return number
