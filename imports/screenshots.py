"""Import screenshots into a case: upload, OCR and read in the background, check, commit.

The same batch, staging rows, review and all-or-nothing commit as the phone
backup import (services.py), with three differences:
- the pictures are kept privately until the batch is added or thrown away,
  because each contact keeps its screenshot as evidence and the review shows
  the part of the screenshot each message was read from;
- every staged message can be corrected before it is added (OCR makes mistakes);
- a committed contact carries the tag OCR_TAG, saying its text was read by OCR.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime
from uuid import uuid4
from zoneinfo import ZoneInfo

from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.evidence import JPEG, PNG, sniff
from cases.models import Case, Contact, Evidence
from cases.services import (
    StoredEvidence,
    case_touch,
    evidence_discard,
    evidence_record,
    evidence_store,
)
from jobs.services import job_create, job_fail, job_finish, job_progress
from rules.domain import CONTENT_MAX_LENGTH
from selfhelp.deletion import delete_files_on_commit

from . import layout
from .convert import text_looks_like_collection
from .heic import HeifUnavailable, heif_to_png, is_heif
from .merge import merge_screens
from .models import ERROR_MAX_LENGTH, ImportBatch, Screenshot, StagedMessage
from .ocr import ImageUnreadable, annotate, load_image, missed_lines, read_boxes
from .parser import CALL_INCOMING, IN
from .services import (
    ImportClosed,
    _duplicate_key,
    _next_contact_number,
    commit_start,
    upload_quota_check,
)
from .timestamps import date_from_file_name

MAX_SCREENSHOTS = 60
#: Where screenshots wait, privately, until their batch is added or thrown away.
SCREENSHOT_DIR = "imports-screenshots"
OCR_TAG = "OCR"
ACCEPTED = (PNG, JPEG)

#: What the review says of a message cut to the longest text a contact may hold.
NOTE_CUT = gettext_lazy(
    "The text read was longer than a contact may hold: only its first %(limit)s characters "
    "were kept."
)
NOTE_TEXT = {
    layout.NOTE_TIME_ESTIMATED: gettext_lazy("No time was visible: check the time."),
    layout.NOTE_DATE_ONLY: gettext_lazy("Only the day was visible: check the time."),
    layout.NOTE_CALL_TYPE_GUESSED: gettext_lazy("Check whether the call was incoming or missed."),
    layout.NOTE_DATE_ONLY_CALL_TYPE_GUESSED: gettext_lazy(
        "Only the day was visible, and the kind of call was guessed: check the time and "
        "whether the call was incoming or missed."
    ),
    layout.NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED: gettext_lazy(
        "No time was visible, and the kind of call was guessed: check the time and whether "
        "the call was incoming or missed."
    ),
}


class ScreenshotRejected(ValueError):
    """Not a PNG, JPEG or HEIC picture (or a HEIC one the server cannot open)."""


def _storage():
    return storages["default"]


def _tz(case: Case) -> ZoneInfo:
    return ZoneInfo(case.timezone)


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    data: bytes


# 1. Upload


def screenshots_batch_create(
    *,
    case: Case,
    owner,
    uploads: list[Upload],
    taken_on: date | None = None,
    ran_by: str = "",
    quota: bool = True,
) -> ImportBatch:
    """Keep the screenshots privately and open a batch with its job; the caller enqueues the read.

    Each file is judged by its content (PNG, JPEG, or HEIC kept as PNG), hashed (SHA-256)
    and stored under a random name. `taken_on` is the day relative times count from when a
    picture carries no date of its own. Raises QuotaExceeded (nothing stored) when
    the person has too much waiting already; `quota=False` is for server commands.
    """
    if not 1 <= len(uploads) <= MAX_SCREENSHOTS:
        raise ScreenshotRejected(
            _("Choose between 1 and %(max)s screenshots.") % {"max": MAX_SCREENSHOTS}
        )
    storage = _storage()
    saved: list[str] = []
    try:
        with transaction.atomic():
            if quota:
                upload_quota_check(owner=owner, incoming_bytes=sum(len(u.data) for u in uploads))
            job = job_create(
                owner=owner, kind="screenshot_import", case=case, total=len(uploads), quota=quota
            )
            batch = ImportBatch(
                case=case,
                owner=owner,
                job=job,
                source=ImportBatch.Source.SCREENSHOTS,
                taken_on=taken_on,
                ran_by=ran_by,
                files=[{"name": u.name[:200], "size": len(u.data)} for u in uploads],
            )
            batch.full_clean()
            batch.save()
            for position, upload in enumerate(uploads):
                kind, data = _accepted(upload)
                name = storage.save(
                    f"{SCREENSHOT_DIR}/{uuid4().hex}{kind.extension}", File(io.BytesIO(data))
                )
                saved.append(name)
                shot = Screenshot(
                    batch=batch,
                    position=position,
                    original_name=upload.name[-255:] or f"screenshot{kind.extension}",
                    stored_name=name,
                    content_type=kind.content_type,
                    size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                )
                shot.full_clean(exclude=["batch"])
                shot.save()
    except Exception:
        for name in saved:
            storage.delete(name)
        raise
    return batch


def _accepted(upload: Upload):
    """The picture's type and the bytes to keep: PNG and JPEG as sent, HEIC as a PNG."""
    kind = sniff(upload.data[:64])
    if kind in ACCEPTED:
        return kind, upload.data
    if is_heif(upload.data[:64]):
        try:
            return PNG, heif_to_png(upload.data)
        except HeifUnavailable:
            raise ScreenshotRejected(
                _(
                    "“%(name)s” is a HEIC picture, which this server cannot open. Please "
                    "send it as a PNG or JPEG picture instead."
                )
                % {"name": upload.name}
            ) from None
        except ImageUnreadable:
            raise ScreenshotRejected(
                _("“%(name)s” is a HEIC picture that could not be opened.") % {"name": upload.name}
            ) from None
    raise ScreenshotRejected(
        _("“%(name)s” is not a PNG, JPEG or HEIC picture.") % {"name": upload.name}
    )


# 2. Read


def _taken_on(shot: Screenshot, exif: date | None, batch: ImportBatch, tz: ZoneInfo) -> date:
    """The picture's own date (EXIF, then file name), else the one given, else today."""
    return (
        exif
        or date_from_file_name(shot.original_name, tz)
        or batch.taken_on
        or timezone.localdate(timezone=tz)
    )


@dataclass(frozen=True)
class ScreenshotsRead:
    batch: ImportBatch
    records: list[layout.ScreenRecord]
    merged_duplicates: int  # bubbles or calls seen on two overlapping screenshots


def screenshots_read(*, batch_id: int) -> ScreenshotsRead:
    """OCR every screenshot, read the layouts, merge the overlaps and stage the records.

    Progress is reported per screenshot. A picture that cannot be opened is
    listed as a problem; the others are still read.
    """
    batch = ImportBatch.objects.select_related("case").get(pk=batch_id)
    tz = _tz(batch.case)
    storage = _storage()
    shots = list(batch.screenshots.all())
    reads: list[layout.ScreenRead] = []
    days: list[date] = []
    problems: list[dict] = []
    for n, shot in enumerate(shots):
        try:
            with storage.open(shot.stored_name, "rb") as handle:
                loaded = load_image(handle.read())
        except ImageUnreadable:
            problems.append(
                {
                    "file": shot.original_name,
                    "index": n + 1,
                    "message": _("The picture could not be opened."),
                }
            )
            reads.append(layout.ScreenRead(layout=layout.UNKNOWN, sender=""))
            days.append(batch.taken_on or timezone.localdate(timezone=tz))
            continue
        day = _taken_on(shot, loaded.exif_date, batch, tz)
        width, height = loaded.image.size
        boxes = annotate(loaded.image, read_boxes(loaded.image))
        boxes += missed_lines(loaded.image, boxes)
        read = layout.parse_screen(boxes, width=width, height=height, taken_on=day, tz=tz, screen=n)
        if not read.records:
            problems.append(
                {
                    "file": shot.original_name,
                    "index": n + 1,
                    "message": _("No message or call was found on it."),
                }
            )
        shot.width, shot.height, shot.taken_on = width, height, day
        shot.layout, shot.sender = read.layout, read.sender[:200]
        shot.ocr_text = read.text[:CONTENT_MAX_LENGTH]
        shot.save(update_fields=["width", "height", "taken_on", "layout", "sender", "ocr_text"])
        reads.append(read)
        days.append(day)
        if batch.job_id:
            job_progress(
                job_id=batch.job_id,
                done=n + 1,
                total=len(shots),
                message=_("%(done)s of %(total)s screenshots read")
                % {"done": n + 1, "total": len(shots)},
            )
    merged = merge_screens(reads, taken_on=days, tz=tz)
    _stage(batch, shots, merged.records)
    batch.problems = problems
    batch.status = ImportBatch.Status.READY
    batch.save(
        update_fields=[
            "message_count",
            "call_count",
            "addable_count",
            "likely_count",
            "problems",
            "status",
        ]
    )
    if batch.job_id:
        job_finish(
            job_id=batch.job_id,
            result={
                "url": reverse("imports:batch_review", args=[batch.pk]),
                "label": str(_("Check what we found")),
            },
        )
    return ScreenshotsRead(batch=batch, records=merged.records, merged_duplicates=merged.duplicates)


def _likely(record: layout.ScreenRecord) -> bool:
    """Collection-looking text, or a call from a bare number (not a saved contact)."""
    if record.direction != IN:
        return False
    if record.kind == layout.CALL:
        return layout.looks_like_number(record.sender)
    return text_looks_like_collection(record.text)


def _stage(batch: ImportBatch, shots: list[Screenshot], records: list[layout.ScreenRecord]) -> None:
    rows = []
    for index, record in enumerate(records, start=1):
        is_number = layout.looks_like_number(record.sender)
        addable = record.direction == IN
        likely = _likely(record)
        note = str(NOTE_TEXT.get(record.note, ""))
        if len(record.text) > CONTENT_MAX_LENGTH:
            note = str(NOTE_CUT) % {"limit": f"{CONTENT_MAX_LENGTH:,}"}
        rows.append(
            StagedMessage(
                batch=batch,
                index=index,
                kind=record.kind,
                direction=record.direction,
                number=record.sender[:100] if is_number else "",
                contact_name="" if is_number else record.sender[:200],
                occurred_at=record.occurred_at,
                body=record.text[:CONTENT_MAX_LENGTH],
                duration_seconds=record.duration_seconds,
                call_type=record.call_type,
                addable=addable,
                likely=likely,
                selected=likely and addable,
                screenshot=shots[record.screen],
                region=list(record.region),
                note=note[:300],
            )
        )
    StagedMessage.objects.bulk_create(rows)
    batch.message_count = sum(1 for r in records if r.kind != layout.CALL)
    batch.call_count = sum(1 for r in records if r.kind == layout.CALL)
    batch.addable_count = sum(1 for r in rows if r.addable)
    batch.likely_count = sum(1 for r in rows if r.likely)


def screenshots_error_message() -> str:
    """What the borrower reads when reading the screenshots failed for a reason we did not
    foresee (the Python error goes to the log only)."""
    return str(
        _(
            "These screenshots could not be read, and nothing from them was kept. "
            "Try again, or try other screenshots."
        )
    )


def screenshots_read_failed(*, batch_id: int, error: str) -> None:
    """Mark the batch failed after an unexpected error, keeping nothing staged."""
    StagedMessage.objects.filter(batch_id=batch_id).delete()
    error = error[:ERROR_MAX_LENGTH]
    ImportBatch.objects.filter(pk=batch_id).update(status=ImportBatch.Status.FAILED, error=error)
    job_id = ImportBatch.objects.filter(pk=batch_id).values_list("job_id", flat=True).first()
    if job_id:
        job_fail(job_id=job_id, error=error)


# 3. Corrections


@dataclass(frozen=True, slots=True)
class Correction:
    sender: str
    occurred_at: datetime
    direction: str
    body: str
    selected: bool


def staged_message_correct(*, message: StagedMessage, correction: Correction) -> StagedMessage:
    """Save the borrower's correction of one message; only what was sent to them can be chosen."""
    is_number = layout.looks_like_number(correction.sender)
    message.number = layout.normalise_sender(correction.sender)[:100] if is_number else ""
    message.contact_name = "" if is_number else correction.sender[:200]
    message.occurred_at = correction.occurred_at
    message.direction = correction.direction
    message.body = correction.body
    message.addable = correction.direction == IN
    message.selected = correction.selected and message.addable
    message.note = ""
    message.full_clean(exclude=["batch", "screenshot"])
    message.save()
    return message


# 4. Commit


@dataclass(frozen=True)
class ScreenshotCommit:
    added: int
    duplicates: int


def screenshots_commit(*, batch: ImportBatch) -> ScreenshotCommit:
    """Add every chosen message or call to the case, each with its screenshot as evidence.

    All or nothing. Each chosen message's evidence copy is written first, outside any
    transaction; one short transaction then adds the contacts with their evidence rows
    and drops the staging rows and screenshots. If it fails, no contact stays and every
    copy is deleted again; once it commits, the staging pictures and any copy not used
    (a message that turned out to be in the case already) are deleted. A contact already
    in the case (same channel, time, number and text) is skipped and counted. Raises
    ImportClosed if the batch was already added or discarded.
    """
    if not ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.READY).exists():
        raise ImportClosed
    copies: dict[int, StoredEvidence] = {}
    try:
        for message in _chosen(batch):
            if message.screenshot is not None:
                copies[message.pk] = _evidence_copy(message.screenshot)
        return _commit(batch, copies)
    except BaseException:
        for copy in copies.values():
            evidence_discard(stored=copy)
        raise


def _chosen(batch: ImportBatch):
    return (
        StagedMessage.objects.filter(batch=batch, selected=True, addable=True)
        .select_related("screenshot")
        .order_by("occurred_at", "id")
    )


def _evidence_copy(shot: Screenshot) -> StoredEvidence:
    """The screenshot written again as a contact's own evidence file (no database work)."""
    with _storage().open(shot.stored_name, "rb") as handle:
        return evidence_store(File(handle, name=shot.original_name))


@transaction.atomic
def _commit(batch: ImportBatch, copies: dict[int, StoredEvidence]) -> ScreenshotCommit:
    locked, case, seen = commit_start(batch=batch)
    number = _next_contact_number(case)
    added = duplicates = 0
    used: set[int] = set()
    for message in _chosen(batch):
        channel = "call" if message.kind == StagedMessage.Kind.CALL else message.kind
        channel = "sms" if channel == "mms" else channel
        content = "" if channel == "call" else message.body
        key = _duplicate_key(channel, message.occurred_at, message.number[:40], content)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        contact = Contact(
            case=case,
            ref=f"C{number}",
            occurred_at=message.occurred_at,
            channel=channel,
            target="borrower",
            caller_name=message.contact_name[:100],
            caller_phone=message.number[:40],
            content=content,
            tags=[OCR_TAG],
        )
        if channel == "call":
            contact.connected = (
                message.call_type == CALL_INCOMING and (message.duration_seconds or 0) > 0
            )
            contact.duration_seconds = message.duration_seconds
        contact.full_clean()
        contact.save()
        if message.screenshot is not None:
            if message.pk not in copies:  # chosen in another tab after the copies were made
                copies[message.pk] = _evidence_copy(message.screenshot)
            evidence_record(contact=contact, stored=copies[message.pk], uploaded_by=batch.owner)
            used.add(message.pk)
        number += 1
        added += 1
    StagedMessage.objects.filter(batch=batch).delete()
    staging = list(batch.screenshots.values_list("stored_name", flat=True))
    Screenshot.objects.filter(batch=batch).delete()
    locked.status = ImportBatch.Status.COMMITTED
    locked.added_count = added
    locked.duplicate_count = duplicates
    locked.committed_at = timezone.now()
    locked.save(update_fields=["status", "added_count", "duplicate_count", "committed_at"])
    case_touch(case=case)
    evidence_storage = Evidence._meta.get_field("file").storage
    delete_files_on_commit(
        [(_storage(), name) for name in staging]
        + [(evidence_storage, copy.name) for pk, copy in copies.items() if pk not in used]
    )
    return ScreenshotCommit(added=added, duplicates=duplicates)


def screenshot_crop(*, message: StagedMessage, margin: int = 24) -> bytes:
    """The part of the screenshot a message was read from, as a PNG (for the review page)."""
    shot = message.screenshot
    with _storage().open(shot.stored_name, "rb") as handle:
        image = load_image(handle.read()).image
    left, top, right, bottom = (message.region or [0, 0, image.width, image.height])[:4]
    box = (
        max(0, left - margin),
        max(0, top - margin),
        min(image.width, right + margin),
        min(image.height, bottom + margin),
    )
    out = io.BytesIO()
    crop = image.crop(box)
    crop.thumbnail((720, 720))
    crop.save(out, "PNG")
    return out.getvalue()
