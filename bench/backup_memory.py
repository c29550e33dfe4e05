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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import peak_mb, print_outcome, scratch_owner  # noqa: E402  (beside this file)

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


def child(path: str) -> None:
    with scratch_owner() as owner:
        from django.core.management import call_command
        from django.core.management.base import CommandError

        from cases.models import Case

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
        print_outcome(said, started, base)


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
