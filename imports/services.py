"""Import a phone backup into a case: upload, parse into staging, choose, commit.

Steps, each a service:
1. batch_create keeps the uploads privately until the worker reads them.
2. batch_parse (run by a task) streams each file into StagedMessage rows, marks
   what looks like debt collection, and deletes the file: only its SHA-256 stays.
3. batch_select_number / batch_set_selection record the borrower's choices.
4. batch_commit adds every chosen message to the case in one transaction and
   deletes the staging rows; batch_discard throws the batch away.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from uuid import uuid4

from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, F, Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

# The fast multi-row writer (COPY on PostgreSQL) of the bundle import; see the report
# about making it public.
from cases.bulk import chunks
from cases.bulk import rows_insert as insert_rows
from cases.bundle import detection_row
from cases.models import Case, Contact
from cases.services import case_touch
from jobs.services import (
    PENDING_FOR_AT_MOST,
    QuotaExceeded,
    job_create,
    job_fail,
    job_finish,
    job_progress,
    owner_lock,
)
from rules import domain
from selfhelp.deletion import delete_files, delete_with_files

from .convert import (
    REPEAT_THRESHOLD,
    is_addable,
    record_looks_like_collection,
    record_to_contact,
)
from .models import ERROR_MAX_LENGTH, ImportBatch, StagedMessage
from .parser import BackupError, BackupInfo, PhoneRecord, RecordProblem, iter_backup

PENDING_DIR = "imports-pending"
STAGE_BATCH_SIZE = 2000
COMMIT_BATCH_SIZE = 1000
MAX_PROBLEMS_SHOWN = 20
_CONTACT_REF = re.compile(r"^C(\d+)$")


logger = logging.getLogger(__name__)


def unexpected_error_message() -> str:
    """What the borrower reads when parsing fails for a reason we did not foresee.

    The Python error itself goes to the log only: it means nothing to a borrower
    and can leak internals.
    """
    return str(
        _(
            "Something in this backup could not be stored. Nothing from it was kept. "
            "Try again, or try another backup file."
        )
    )


class ImportClosed(Exception):
    """The batch was already added or thrown away (a second click, another tab)."""


def _storage():
    return storages["default"]


# 1. Upload


def pending_uploads(*, owner) -> tuple[int, int]:
    """(imports whose files wait to be read, bytes of the person's uploads still kept).

    Backup files are kept until they are read; screenshots until their batch is
    added or thrown away. Batches stuck for longer than PENDING_FOR_AT_MOST do not count.
    """
    recent = ImportBatch.objects.filter(
        owner=owner, created_at__gte=timezone.now() - PENDING_FOR_AT_MOST
    )
    parsing = recent.filter(status=ImportBatch.Status.PARSING)
    kept = parsing | recent.filter(
        source=ImportBatch.Source.SCREENSHOTS, status=ImportBatch.Status.READY
    )
    size = sum(
        int(item.get("size") or 0)
        for files in kept.values_list("files", flat=True)
        for item in files
    )
    return parsing.count(), size


def upload_quota_check(*, owner, incoming_bytes: int) -> None:
    """Refuse a new upload when the person already has SELFHELP_MAX_PENDING_IMPORTS imports
    waiting to be read, or when it would bring their kept uploads over
    SELFHELP_MAX_PENDING_UPLOAD_BYTES. Call inside the transaction that creates the batch."""
    owner_lock(owner)
    count, size = pending_uploads(owner=owner)
    if count >= settings.SELFHELP_MAX_PENDING_IMPORTS:
        raise QuotaExceeded(
            _(
                "You already have %(count)s imports being read; at most %(limit)s can wait at a "
                "time. When one is ready to check, try again."
            )
            % {"count": count, "limit": settings.SELFHELP_MAX_PENDING_IMPORTS}
        )
    limit = settings.SELFHELP_MAX_PENDING_UPLOAD_BYTES
    if size + incoming_bytes > limit:
        raise QuotaExceeded(
            _(
                "Your uploads that are not yet added or cancelled take %(kept)s; with these "
                "files that would be %(total)s, more than the %(limit)s you may keep waiting. "
                "Add or cancel an import first, then try again."
            )
            % {
                "kept": filesizeformat(size),
                "total": filesizeformat(size + incoming_bytes),
                "limit": filesizeformat(limit),
            }
        )


def batch_create(
    *,
    case: Case,
    owner,
    uploads: list[UploadedFile],
    partial: bool = False,
    ran_by: str = "",
    quota: bool = True,
) -> ImportBatch:
    """Keep the uploads in private storage for the worker and open a batch with its job.

    The caller enqueues import_parse_task on commit. The files are deleted as
    soon as they are parsed (or fail to parse). With `partial`, a file that ends
    early gives its complete records instead of failing the batch. Raises
    QuotaExceeded (nothing stored) when the person has too much waiting already;
    `quota=False` is for server commands, which read the files themselves.

    The files are written first, outside any transaction; one short transaction then
    checks the quota and records the job and the batch. If that fails, the files are
    deleted again.
    """
    storage = _storage()
    names: list[str] = []
    try:
        for upload in uploads:
            names.append(storage.save(f"{PENDING_DIR}/{uuid4().hex}.xml", upload))
        with transaction.atomic():
            if quota:
                upload_quota_check(
                    owner=owner, incoming_bytes=sum(upload.size or 0 for upload in uploads)
                )
            job = job_create(owner=owner, kind="phone_import", case=case, quota=quota)
            batch = ImportBatch(
                case=case,
                owner=owner,
                job=job,
                files=[{"name": upload.name[:200], "size": upload.size} for upload in uploads],
                pending_names=names,
                partial=partial,
                ran_by=ran_by,
            )
            batch.full_clean()
            batch.save()
    except BaseException:
        delete_files((storage, name) for name in names)
        raise
    return batch


# 2. Parse into staging


class _HashingReader:
    """A file wrapper that hashes what the parser reads and reports how far it got."""

    def __init__(self, raw, on_read: Callable[[int], None]):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.on_read = on_read

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha256.update(data)
        self.on_read(len(data))
        return data


def _staged_row(batch_id: int, record: PhoneRecord, likely_numbers: set[str]) -> dict:
    """A StagedMessage row (keyed by attname) for insert_rows; values are already clean.

    Once an unknown number has written like a collector, all of its messages will
    be marked (_mark_likely_numbers), so its later texts skip the detector.
    """
    addable = is_addable(record)
    if addable and not record.contact_name and record.number in likely_numbers:
        likely = True
    else:
        likely = record_looks_like_collection(record)
        if likely and record.number:
            likely_numbers.add(record.number)
    return {
        "batch_id": batch_id,
        "index": record.index,
        "kind": record.kind,
        "direction": record.direction,
        "number": record.number[:100],
        "contact_name": record.contact_name[:200],
        "occurred_at": record.occurred_at,
        "body": record.body,
        "duration_seconds": record.duration_seconds,
        "call_type": record.call_type,
        "addable": addable,
        "likely": likely,
        "selected": likely,
    }


def _mark_likely_numbers(batch: ImportBatch) -> None:
    """Unknown numbers that wrote like a collector, or called/wrote many times: all of theirs.

    A collector's calls carry no text, so they are found through the same
    number's messages or through repetition.
    """
    unknown = StagedMessage.objects.filter(batch=batch, addable=True, contact_name="").exclude(
        number=""
    )
    numbers = (
        unknown.values("number")
        .annotate(n=Count("id"), hits=Count("id", filter=Q(likely=True)))
        .filter(Q(n__gte=REPEAT_THRESHOLD) | Q(hits__gt=0))
        .values("number")
    )
    unknown.filter(number__in=numbers).update(likely=True, selected=True)


def _fail(batch: ImportBatch, message: str) -> ImportBatch:
    StagedMessage.objects.filter(batch=batch).delete()
    batch.status = ImportBatch.Status.FAILED
    batch.error = message[:ERROR_MAX_LENGTH]
    batch.pending_names = []
    batch.save(update_fields=["status", "error", "pending_names"])
    if batch.job_id:
        job_fail(job_id=batch.job_id, error=message)
    return batch


def batch_fail(*, batch_id: int) -> None:
    """Fail a batch whose parsing broke outside the parser: nothing staged or uploaded stays."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return
    storage = _storage()
    for name in batch.pending_names:
        storage.delete(name)
    _fail(batch, unexpected_error_message())


def batch_parse(*, batch_id: int) -> ImportBatch:
    """Stream the batch's files into staging rows, then delete the files.

    Reports progress (bytes read) on the batch's job. A file that cannot be read
    fails the whole batch with a message that says where; nothing stays staged.
    Run again for the same batch (a worker restarted mid-way), it starts over
    from the kept files; a batch no longer being read is left alone.
    """
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != ImportBatch.Status.PARSING:
        return batch
    StagedMessage.objects.filter(batch=batch).delete()
    storage = _storage()
    names = list(batch.pending_names)
    total = sum(storage.size(name) for name in names if storage.exists(name))
    done = 0
    staged = 0
    skipped = 0
    next_report = 0
    problems: list[dict] = []
    likely_numbers: set[str] = set()

    def on_read(n: int) -> None:
        nonlocal done
        done += n

    try:
        for name, info_row in zip(names, batch.files, strict=True):
            file_problems: list[RecordProblem] = []
            info = BackupInfo()
            with storage.open(name, "rb") as raw:
                reader = _HashingReader(raw, on_read)
                records = iter_backup(
                    reader,
                    problems=file_problems,
                    partial=batch.partial,
                    info=info,
                    max_elements=settings.SELFHELP_BACKUP_MAX_ELEMENTS,
                )
                rows = (_staged_row(batch.pk, r, likely_numbers) for r in records)
                for chunk in chunks(rows, STAGE_BATCH_SIZE):
                    insert_rows(StagedMessage, chunk)
                    staged += len(chunk)
                    if batch.job_id and staged >= next_report:
                        next_report = staged + 10 * STAGE_BATCH_SIZE
                        job_progress(
                            job_id=batch.job_id,
                            done=min(done, total),
                            total=total,
                            message=_("%(count)s messages and calls read") % {"count": staged},
                        )
                while reader.read(1 << 20):
                    pass  # hash to the end even if the XML ended early
            info_row["sha256"] = reader.sha256.hexdigest()
            info_row["records"] = info.records
            skipped += sum(not p.kept for p in file_problems)
            if info.truncated:
                batch.truncated = True
                info_row["truncated"] = True
                file_problems.append(
                    RecordProblem(
                        info.records + 1,
                        _(
                            "The file ends here; its %(count)s complete messages or calls "
                            "before this point were read."
                        )
                        % {"count": info.records},
                    )
                )
            problems.extend(
                {"file": info_row["name"], "index": p.index, "message": p.message}
                for p in file_problems
            )
    except BackupError as exc:
        return _fail(batch, str(exc))
    except Exception:
        logger.exception("Import batch %s could not be parsed", batch.pk)
        return _fail(batch, unexpected_error_message())
    finally:
        for name in names:
            storage.delete(name)
        batch.pending_names = []

    _mark_likely_numbers(batch)
    counts = StagedMessage.objects.filter(batch=batch).aggregate(
        calls=Count("id", filter=Q(kind=StagedMessage.Kind.CALL)),
        messages=Count("id", filter=~Q(kind=StagedMessage.Kind.CALL)),
        addable=Count("id", filter=Q(addable=True)),
        likely=Count("id", filter=Q(likely=True)),
    )
    batch.message_count = counts["messages"]
    batch.call_count = counts["calls"]
    batch.addable_count = counts["addable"]
    batch.likely_count = counts["likely"]
    batch.skipped_count = skipped
    batch.problems = problems[:MAX_PROBLEMS_SHOWN]
    batch.status = ImportBatch.Status.READY
    batch.full_clean()
    batch.save()
    if batch.job_id:
        job_finish(
            job_id=batch.job_id,
            result={
                "url": reverse("imports:batch_review", args=[batch.pk]),
                "label": str(_("Check what we found")),
            },
        )
    return batch


# 3. Choices


def batch_select_number(*, batch: ImportBatch, number: str, selected: bool) -> int:
    """Choose (or drop) every message and call from one number; returns how many changed."""
    return StagedMessage.objects.filter(batch=batch, addable=True, number=number).update(
        selected=selected
    )


def batch_select_likely(*, batch: ImportBatch) -> int:
    """Back to the suggestion: exactly what looks like debt collection is chosen."""
    rows = StagedMessage.objects.filter(batch=batch, addable=True)
    return rows.update(selected=F("likely"))


def batch_set_selection(*, batch: ImportBatch, shown: list[int], chosen: list[int]) -> None:
    """Of the messages that were on screen, choose exactly those ticked."""
    rows = StagedMessage.objects.filter(batch=batch, addable=True, pk__in=shown)
    with transaction.atomic():
        rows.filter(pk__in=chosen).update(selected=True)
        rows.exclude(pk__in=chosen).update(selected=False)


# 4. Commit or discard


def _next_contact_number(case: Case) -> int:
    numbers = [
        int(m.group(1))
        for ref in Contact.objects.filter(case=case).values_list("ref", flat=True)
        if (m := _CONTACT_REF.match(ref))
    ]
    return max(numbers, default=0) + 1


#: StagedMessage columns in PhoneRecord's field order.
RECORD_FIELDS = (
    "index",
    "kind",
    "direction",
    "number",
    "occurred_at",
    "body",
    "contact_name",
    "duration_seconds",
    "call_type",
)


def _contact_row(case_id: int, contact: domain.Contact) -> dict:
    """A cases.Contact row (keyed by attname) for insert_rows; unset fields get their defaults."""
    return {
        "case_id": case_id,
        "ref": contact.ref,
        "occurred_at": contact.occurred_at,
        "channel": contact.channel,
        "connected": contact.connected,
        "duration_seconds": contact.duration_seconds,
        "target": contact.target,
        "caller_name": contact.caller.name[:100],
        "caller_phone": contact.caller.phone[:40],
        "content": contact.content,
        **detection_row(contact.content),
    }


def _duplicate_key(channel: str, occurred_at, caller_phone: str, content: str) -> tuple:
    return (channel, occurred_at, caller_phone, content)


@dataclass(frozen=True)
class CommitResult:
    added: int
    duplicates: int


def commit_start(*, batch: ImportBatch) -> tuple[ImportBatch, Case, set[tuple]]:
    """Lock the case and the batch for a commit (inside the caller's transaction), and
    return the locked batch, its case and the duplicate keys of the contacts it holds.

    Raises ImportClosed if the batch was already added or discarded.
    """
    Case.objects.select_for_update().filter(pk=batch.case_id).first()
    locked = ImportBatch.objects.select_for_update().filter(pk=batch.pk).first()
    if locked is None or locked.status != ImportBatch.Status.READY:
        raise ImportClosed
    seen = {
        _duplicate_key(*row)
        for row in Contact.objects.filter(case=batch.case).values_list(
            "channel", "occurred_at", "caller_phone", "content"
        )
    }
    return locked, batch.case, seen


@transaction.atomic
def batch_commit(*, batch: ImportBatch) -> CommitResult:
    """Add every chosen message to the case, all or nothing, then drop the staging rows.

    Refs continue after the case's highest "C<n>". A message already in the case
    (same channel, time, caller number and content) is skipped and counted.
    Raises ImportClosed if the batch was already added or discarded.
    """
    locked, case, seen = commit_start(batch=batch)
    number = _next_contact_number(case)
    added = duplicates = 0
    chosen = (
        StagedMessage.objects.filter(batch=batch, selected=True)
        .order_by("occurred_at", "id")
        .values_list(*RECORD_FIELDS)
    )
    rows: list[dict] = []
    for values in chosen.iterator(chunk_size=COMMIT_BATCH_SIZE):
        contact = record_to_contact(PhoneRecord(*values), ref=f"C{number}")
        if contact is None:
            continue
        key = _duplicate_key(
            contact.channel, contact.occurred_at, contact.caller.phone[:40], contact.content
        )
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        rows.append(_contact_row(case.pk, contact))
        number += 1
        added += 1
        if len(rows) >= COMMIT_BATCH_SIZE:
            insert_rows(Contact, rows)
            rows = []
    if rows:
        insert_rows(Contact, rows)
    StagedMessage.objects.filter(batch=batch).delete()
    locked.status = ImportBatch.Status.COMMITTED
    locked.added_count = added
    locked.duplicate_count = duplicates
    locked.committed_at = timezone.now()
    locked.save(update_fields=["status", "added_count", "duplicate_count", "committed_at"])
    case_touch(case=case)
    return CommitResult(added=added, duplicates=duplicates)


def batch_discard(*, batch: ImportBatch) -> None:
    """Throw the batch away with everything staged, any file not yet parsed and its
    screenshots (files once the deletion commits)."""
    delete_with_files(batch)


def batches_prune(*, older_than_days: int = 7) -> int:
    """Discard unfinished batches older than the given age (staged rows and unparsed files)."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    stale = ImportBatch.objects.filter(created_at__lt=cutoff).exclude(
        status=ImportBatch.Status.COMMITTED
    )
    count = 0
    for batch in stale:
        batch_discard(batch=batch)
        count += 1
    return count
