"""Peak memory of `import_phone_backup` on a backup padded with non-record elements.

    .venv/bin/python bench/backup_memory.py [--megabytes 60]

Writes, in a temporary folder, an SMS backup of about 60 MB: two real messages, then
`<j/>` elements (about 15 million of them), then two more messages. Each run is a child
process on a throwaway test database (SQLite unless DATABASE_URL says otherwise; the named
database is never touched) that runs the real command and prints its peak RSS:

1. with the default element cap (SELFHELP_BACKUP_MAX_ELEMENTS): the file is refused once it
   holds more elements than any phone backup, with the message the borrower would read;
2. with the cap lifted, so the whole file is read: memory stays flat because every finished
   element is dropped, record or not.

Before the parser cleared non-record elements, a 200 MB file of this shape took the worker
from 147 MB to 4.4 GB. Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMS = (
    "<sms address='10690000555' date='{ms}' type='1' body='【某某贷】您已逾期，请今日还款' "
    "contact_name='(Unknown)' />\n"
)


def write_file(path: Path, megabytes: int) -> int:
    """The padded backup; returns how many <j/> elements it holds."""
    start = 1_748_581_200_000
    pad = b"<j/>" * 250_000  # 1 MB
    count = 0
    with path.open("wb") as out:
        out.write(b"<?xml version='1.0' encoding='UTF-8'?><smses count='4'>\n")
        out.write((SMS.format(ms=start) + SMS.format(ms=start + 60_000)).encode())
        for _ in range(megabytes):
            out.write(pad)
            count += 250_000
        out.write((SMS.format(ms=start + 120_000) + SMS.format(ms=start + 180_000)).encode())
        out.write(b"</smses>\n")
    return count


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


def child(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db import connection

    from accounts.models import User
    from cases.models import Case

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        owner = User.objects.create(email="bench@example.com")
        case = Case.objects.create(owner=owner, title="bench")
        base = peak_mb()
        out = io.StringIO()
        started = time.perf_counter()
        try:
            call_command("import_phone_backup", str(case.pk), path, "--select", "all", stdout=out)
            outcome = json.loads(out.getvalue())
            said = f"read {outcome['read']} records, added {outcome['added']}"
        except CommandError as exc:
            said = f"refused: {exc}"
        elapsed = time.perf_counter() - started
        print(f"    {said}")
        print(
            f"    {elapsed:5.1f} s   peak RSS {peak_mb():6.0f} MB "
            f"(after start-up {base:4.0f} MB, so +{peak_mb() - base:4.0f} MB for the file)"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="backup-bench-") as folder:
        path = Path(folder) / "sms-padded.xml"
        count = write_file(path, args.megabytes)
        size = path.stat().st_size / 1e6
        print(f"{path.name}: {size:.0f} MB, 4 messages and {count:,} <j/> elements")
        runs = [
            ("default element cap", {}),
            ("cap lifted: the whole file is read", {"SELFHELP_BACKUP_MAX_ELEMENTS": str(10**9)}),
        ]
        for label, extra in runs:
            env = {**os.environ, **extra}
            print(f"  {label}:")
            subprocess.run(
                [sys.executable, __file__, "--child", str(path)], check=True, env=env, cwd=ROOT
            )


if __name__ == "__main__":
    main()
