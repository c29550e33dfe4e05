"""What the memory benchmarks share: the peak RSS of this process, and a throwaway test
database for a child process (SQLite unless DATABASE_URL says otherwise; the named database
is never touched) with one borrower in it."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    """This process's peak RSS. VmHWM starts afresh at exec; ru_maxrss would carry over the
    peak of the parent that wrote the test file."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def scratch_owner() -> Iterator[object]:
    """Django set up on a fresh test database, holding one user, who is yielded; the
    database is destroyed after."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")
    import django

    django.setup()
    from django.db import connection

    from accounts.models import User

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield User.objects.create(email="bench@example.com")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def print_outcome(said: str, started: float, base: float) -> None:
    """What the borrower was told, the time taken and the peak memory over start-up."""
    print(f"    {said}")
    print(
        f"    {time.perf_counter() - started:5.1f} s   peak RSS {peak_mb():6.0f} MB "
        f"(after start-up {base:4.0f} MB, so +{peak_mb() - base:5.0f} MB)"
    )
