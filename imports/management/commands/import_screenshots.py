"""`python manage.py import_screenshots CASE_ID FILE [FILE ...]`: the screenshot import, from a shell.

Runs the same OCR, layout parsing, merging and staging as the web import and
prints one JSON object:

    {"screenshots": N, "records": [{"file", "kind", "sender", "occurred_at",
     "direction", "text", "call_type", "duration_seconds", "estimated_at"}, ...],
     "merged_duplicates": N, "problems": [...], "added": N, "duplicates": N}

"occurred_at" is null where the screenshots do not show the time (a bubble above
the first time label, one with its own clock time but no day shown above it, or a
message or call whose label shows only the day);
"estimated_at" then gives the guess the import stores, which the borrower is
asked to check in review. Where the time is shown, "estimated_at" is null.

The records sent to the borrower are added to the case, each with its
screenshot as evidence, as the web import does; with --dry-run everything is
rolled back afterwards, so "added" says what would be added.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max

from cases.models import Evidence
from imports.management.helpers import (
    acting_user,
    case_or_error,
    log_if_not_owner,
    ran_by_label,
)
from imports.models import StagedMessage
from imports.screenbox import TIME_NOTES
from imports.screenshots import (
    ScreenshotRejected,
    Upload,
    screenshots_batch_create,
    screenshots_commit,
    screenshots_read,
)

CALL_TYPE_NAMES = {
    1: "incoming",
    2: "outgoing",
    3: "missed",
    4: "voicemail",
    5: "rejected",
    6: "blocked",
}


class DryRun(Exception):
    """Raised to roll back everything a dry run wrote."""


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--taken-on must be a date like 2025-06-12, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Read screenshots of text messages, chats or call logs into a case (OCR), as the web "
        "import does, and print one JSON object with what was read."
    )

    def add_arguments(self, parser):
        parser.add_argument("case_id", type=int)
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--owner",
            metavar="EMAIL",
            help="who the import is made for: the case's owner or a staff user (default: the owner)",
        )
        parser.add_argument(
            "--taken-on",
            metavar="YYYY-MM-DD",
            help="the day relative times (昨天, 星期三) count from, for pictures that carry no date",
        )
        parser.add_argument("--dry-run", action="store_true", help="save nothing")

    def handle(self, *args, case_id, files, owner, taken_on, dry_run, **options):
        case = case_or_error(case_id)
        user = acting_user(case, owner)
        day = _day(taken_on) if taken_on else None
        uploads = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            uploads.append(Upload(name=path.name, data=path.read_bytes()))
        stored: list[str] = []
        evidence: list[str] = []
        result: dict = {}
        try:
            with transaction.atomic():
                result = self._import(case, user, uploads, day, stored, evidence)
                if dry_run:
                    raise DryRun
        except DryRun:
            for name in stored:
                storages["default"].delete(name)
            for name in evidence:
                storages["evidence"].delete(name)
        except ScreenshotRejected as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(json.dumps(result, ensure_ascii=False))

    def _import(self, case, user, uploads, day, stored: list[str], evidence: list[str]) -> dict:
        batch = screenshots_batch_create(
            case=case,
            owner=user,
            uploads=uploads,
            taken_on=day,
            ran_by=ran_by_label(user, "import_screenshots"),
            quota=False,  # read here and now, not by the shared worker
        )
        stored.extend(batch.screenshots.values_list("stored_name", flat=True))
        read = screenshots_read(batch_id=batch.pk)
        names = [shot.original_name for shot in batch.screenshots.order_by("position")]
        result = {
            "screenshots": len(uploads),
            "records": [
                {
                    "file": names[record.screen],
                    "kind": record.kind,
                    "sender": record.sender,
                    "occurred_at": None if _guessed(record) else _iso(record.occurred_at),
                    "direction": record.direction,
                    "text": record.text,
                    "call_type": CALL_TYPE_NAMES.get(record.call_type),
                    "duration_seconds": record.duration_seconds,
                    "estimated_at": _iso(record.occurred_at) if _guessed(record) else None,
                }
                for record in read.records
            ],
            "merged_duplicates": read.merged_duplicates,
            "problems": [f"{p['file']}: {p['message']}" for p in read.batch.problems],
        }
        StagedMessage.objects.filter(batch=batch, addable=True).update(selected=True)
        log_if_not_owner(case, user, "import_screenshots")
        before = Evidence.objects.filter(case=case).aggregate(last=Max("id"))["last"] or 0
        committed = screenshots_commit(batch=read.batch)
        # Kept so a dry run can delete the evidence copies its rolled-back commit wrote.
        evidence.extend(
            Evidence.objects.filter(case=case, id__gt=before).values_list("file", flat=True)
        )
        result["added"] = committed.added
        result["duplicates"] = committed.duplicates
        return result


def _guessed(record) -> bool:
    """Whether the record's time was not shown on its screenshot but guessed when merging."""
    return record.note in TIME_NOTES


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
