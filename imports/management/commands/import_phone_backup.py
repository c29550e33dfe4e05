"""`python manage.py import_phone_backup CASE_ID FILE [FILE ...]`: the web import, from a shell.

For volunteers who receive a borrower's backup by other means. It reads, stages and
commits exactly like the web import, on behalf of the case's owner, and prints one
JSON object:

    {"read": N, "left_out": N, "selected": N, "added": N, "duplicates": N,
     "problems": [...], "partial": bool}
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from imports.management.helpers import (
    acting_user,
    case_or_error,
    log_if_not_owner,
    ran_by_label,
)
from imports.models import ImportBatch, StagedMessage
from imports.services import batch_commit, batch_create, batch_parse


class DryRun(Exception):
    """Raised to roll back everything a dry run wrote."""


class Command(BaseCommand):
    help = (
        "Import SMS Backup & Restore files (SMS and call log) into a case, as the web import "
        "does, and print one JSON object with the counts."
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
            "--select",
            choices=["likely", "all"],
            default="likely",
            help="add what looks like debt collection (likely, default) or everything sent to the borrower (all)",
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="import the complete records of a file that ends early instead of refusing it",
        )
        parser.add_argument("--dry-run", action="store_true", help="save nothing")

    def handle(self, *args, case_id, files, owner, select, partial, dry_run, **options):
        case = case_or_error(case_id)
        user = acting_user(case, owner)
        paths = [Path(name) for name in files]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
        result: dict = {}
        try:
            with transaction.atomic():
                result = self._import(case, user, paths, select=select, partial=partial)
                if dry_run or result.get("failed"):
                    raise DryRun
        except DryRun:
            pass
        failed = result.pop("failed", False)
        self.stdout.write(json.dumps(result, ensure_ascii=False))
        if failed:
            raise CommandError("Nothing was imported: " + "; ".join(result["problems"]))

    def _import(self, case, user, paths: list[Path], *, select: str, partial: bool) -> dict:
        handles = [path.open("rb") for path in paths]
        try:
            uploads = [
                File(handle, name=path.name) for handle, path in zip(handles, paths, strict=True)
            ]
            batch = batch_create(
                case=case,
                owner=user,
                uploads=uploads,
                partial=partial,
                ran_by=ran_by_label(user, "import_phone_backup"),
                quota=False,  # read here and now, not by the shared worker
            )
        finally:
            for handle in handles:
                handle.close()
        batch = batch_parse(batch_id=batch.pk)
        if batch.status == ImportBatch.Status.FAILED:
            return {
                "read": 0,
                "left_out": 0,
                "selected": 0,
                "added": 0,
                "duplicates": 0,
                "problems": [batch.error],
                "partial": False,
                "failed": True,
            }
        log_if_not_owner(case, user, "import_phone_backup")
        staged = batch.message_count + batch.call_count
        if select == "all":
            StagedMessage.objects.filter(batch=batch, addable=True).update(selected=True)
        selected = StagedMessage.objects.filter(batch=batch, selected=True).count()
        committed = batch_commit(batch=batch)
        return {
            "read": staged + batch.skipped_count,
            "left_out": batch.skipped_count + staged - batch.addable_count,
            "selected": selected,
            "added": committed.added,
            "duplicates": committed.duplicates,
            "problems": [f"{p['file']} #{p['index']}: {p['message']}" for p in batch.problems],
            "partial": batch.truncated,
        }
