"""The screenshot import as a volunteer runs it, scored: `import_screenshots --dry-run`.

    .venv/bin/python bench/ocr_command.py FOLDER [--limit N]

FOLDER is a set in bench/ocr.py's format (screenshots and `truth.jsonl`). Each
screenshot goes through `python manage.py import_screenshots CASE FILE
--taken-on DAY --dry-run` on its own, in a throwaway database (SQLite unless
DATABASE_URL says otherwise), and the JSON the command prints is scored against
the screenshot's true records as bench/ocr.py scores the parser: character error
rate, records with the right sender, time and text, and seconds per screenshot
(the whole command: staging, OCR, parsing, merging; the model is loaded first).

bench/ocr.py measures the reader; this measures the command people use, with its
merging and staging in the way. A time the command prints as unknown
(`occurred_at` null: the screenshot does not show it) is compared as unknown.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import ROOT, scratch_owner  # noqa: E402  (beside this file)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ocr import Score, report, score_screenshot  # noqa: E402


def _records(printed: dict) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            sender=r["sender"],
            occurred_at=datetime.fromisoformat(r["occurred_at"]) if r["occurred_at"] else None,
            text=r["text"] or "",
            direction=r["direction"],
        )
        for r in printed["records"]
    ]


def run(folder: Path, tz: ZoneInfo, limit: int | None = None) -> Score:
    entries = [
        json.loads(line)
        for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:limit]
    score = Score()
    by_layout: dict[str, Score] = {}
    with scratch_owner() as owner, tempfile.TemporaryDirectory() as scratch:
        from django.core.management import call_command

        from cases.models import Case
        from imports.ocr import _get_engine

        _get_engine()  # loaded outside the timing
        case = Case.objects.create(owner=owner, title="bench", borrower_name="测试")
        for entry in entries:
            # The file keeps its name (the import reads a date from it), alone in a folder.
            path = Path(scratch) / entry["file"]
            shutil.copyfile(folder / entry["file"], path)
            out = io.StringIO()
            started = time.perf_counter()
            call_command(
                "import_screenshots",
                str(case.pk),
                str(path),
                "--taken-on",
                entry["taken_on"],
                "--dry-run",
                stdout=out,
            )
            elapsed = time.perf_counter() - started
            path.unlink()
            printed = json.loads(out.getvalue())
            part = by_layout.setdefault(entry.get("layout") or "", Score())
            for target in (score, part):
                target.seconds.append(elapsed)
                target.screenshots += 1
                score_screenshot(target, entry.get("records", []), _records(printed), tz)
    score.by_layout = {name: part for name, part in sorted(by_layout.items()) if name}
    return score


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tz", default="Asia/Shanghai")
    parser.add_argument("--limit", type=int, default=None, help="only the first N screenshots")
    args = parser.parse_args(argv)
    return report(run(args.folder.resolve(), ZoneInfo(args.tz), args.limit))


if __name__ == "__main__":
    main()
