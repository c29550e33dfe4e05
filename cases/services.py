"""Writes to the case record. Views call exactly one of these per request."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rules.engine.detect import TEXT_RULES, detector_version
from selfhelp.deletion import delete_files, delete_with_files, file_save
from selfhelp.versioning import version_claim

from . import evidence as sniffing
from . import evidence_media
from .models import Case, CaseEvent, Contact, Evidence, Fee, Installment, Loan
from .selectors import loan_for_caller

CASE_FIELDS = (
    "title",
    "timezone",
    "borrower_name",
    "borrower_phone",
    "borrower_address",
    "borrower_id_number",
)
LOAN_FIELDS = (
    "lender",
    "lender_name",
    "lender_type",
    "product",
    "purpose",
    "contract_no",
    "principal",
    "amount_received",
    "disbursed_on",
    "overdue_since",
    "outstanding",
    "stated_rate",
)
CONTACT_FIELDS = (
    "loan",
    "occurred_at",
    "channel",
    "connected",
    "duration_seconds",
    "target",
    "target_name",
    "target_phone",
    "visitors",
    "caller_name",
    "caller_organization",
    "caller_phone",
    "caller_identity_disclosed",
    "claims_to_be",
    "content",
    "tags",
    "consent_to_time",
)
EVENT_FIELDS = ("kind", "at", "loan", "target_name", "target_phone", "note")


def _assign(instance, data: Mapping[str, Any], fields: Iterable[str]) -> None:
    for name in fields:
        if name in data:
            value = data[name]
            if isinstance(value, tuple):
                value = list(value)
            setattr(instance, name, value)


def _next_ref(existing: Iterable[str], prefix: str) -> str:
    """`prefix` + one more than the highest number already used with that prefix."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    numbers = [int(m.group(1)) for ref in existing if (m := pattern.match(ref))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _lock_case(case: Case) -> None:
    """Serialise ref assignment per case (a row lock where the database has them)."""
    Case.objects.select_for_update().filter(pk=case.pk).first()


# Cases


def case_create(*, owner, data: Mapping[str, Any]) -> Case:
    """Create a case for `owner` from a validated CaseForm's cleaned data."""
    case = Case(owner=owner)
    _assign(case, data, CASE_FIELDS)
    case.full_clean()
    case.save()
    return case


def case_update(*, case: Case, data: Mapping[str, Any]) -> Case:
    """Change a case's title, time zone and borrower details (the time zone and the
    borrower's phone change findings, so the case's revision moves on)."""
    _assign(case, data, CASE_FIELDS)
    case.full_clean()
    with transaction.atomic():
        case.save(update_fields=[*CASE_FIELDS, "updated_at"])
        case_touch(case=case)
    return case


@transaction.atomic
def case_delete(*, case: Case) -> None:
    """Delete a case with everything in it, and every stored file (evidence, letter PDFs)."""
    delete_with_files(case)


def case_touch(*, case: Case) -> None:
    """Record a change inside the case: it moves to the top of the list, and its revision
    moves on, so the findings stored for the old revision are computed again once.

    Every write that can change findings calls this, in the same transaction, after
    writing (see cases/findings.py)."""
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now(), revision=F("revision") + 1)


def cases_touch(*, case_ids) -> None:
    """case_touch for writes that bypass the services (the admin), by case id."""
    ids = {case_id for case_id in case_ids if case_id is not None}
    if ids:
        Case.objects.filter(pk__in=ids).update(
            updated_at=timezone.now(), revision=F("revision") + 1
        )


# Loans


def _replace_schedule(
    loan: Loan, installments: Iterable[Mapping[str, Any]], fees: Iterable[Mapping[str, Any]]
) -> None:
    loan.installments.all().delete()
    loan.fees.all().delete()
    for row in installments:
        item = Installment(
            loan=loan, due_on=row["due_on"], amount=row["amount"], paid=row.get("paid") or 0
        )
        item.full_clean()
        item.save()
    for row in fees:
        fee = Fee(
            loan=loan, name=row["name"], amount=row["amount"], charged_on=row.get("charged_on")
        )
        fee.full_clean()
        fee.save()


@transaction.atomic
def loan_create(
    *,
    case: Case,
    data: Mapping[str, Any],
    installments: Iterable[Mapping[str, Any]] = (),
    fees: Iterable[Mapping[str, Any]] = (),
) -> Loan:
    """Add a loan with its schedule and fees; its ref is the next free "L<n>" of the case."""
    _lock_case(case)
    loan = Loan(case=case, ref=_next_ref(case.loans.values_list("ref", flat=True), "L"))
    _assign(loan, data, LOAN_FIELDS)
    loan.full_clean()
    loan.save()
    _replace_schedule(loan, installments, fees)
    case_touch(case=case)
    return loan


@transaction.atomic
def loan_update(
    *,
    loan: Loan,
    data: Mapping[str, Any],
    installments: Iterable[Mapping[str, Any]] = (),
    fees: Iterable[Mapping[str, Any]] = (),
) -> Loan:
    """Change a loan; its installments and fees are replaced by the given rows."""
    _assign(loan, data, LOAN_FIELDS)
    loan.full_clean()
    loan.save()
    _replace_schedule(loan, installments, fees)
    case_touch(case=loan.case)
    return loan


@transaction.atomic
def loan_delete(*, loan: Loan) -> None:
    """Delete a loan. Contacts and events about it stay, no longer linked to a loan."""
    case = loan.case
    loan.delete()
    case_touch(case=case)


# Contacts


def contact_create(
    *,
    case: Case,
    data: Mapping[str, Any],
    upload: UploadedFile | None = None,
    uploaded_by=None,
) -> Contact:
    """Record a contact; its ref is the next free "C<n>" of the case.

    An optional evidence file (already checked by the form) is written to
    storage first, outside the transaction, and recorded in it; if the
    transaction fails, the file is deleted again. When `data` has no "loan" at all
    (quick-add), the contact is linked to the loan it is clearly about
    (selectors.loan_for_caller).
    """
    stored = evidence_store(upload) if upload is not None else None
    with _deleting_on_failure(stored), transaction.atomic():
        _lock_case(case)
        contact = Contact(
            case=case, ref=_next_ref(case.contacts.values_list("ref", flat=True), "C")
        )
        _assign(contact, data, CONTACT_FIELDS)
        if "loan" not in data:
            contact.loan = loan_for_caller(
                case=case,
                organization=data.get("caller_organization", ""),
                content=data.get("content", ""),
            )
        contact.refresh_detection()
        contact.full_clean()
        contact.save()
        if stored is not None:
            evidence_record(contact=contact, stored=stored, uploaded_by=uploaded_by)
        case_touch(case=case)
    return contact


def contact_update(
    *,
    contact: Contact,
    data: Mapping[str, Any],
    upload: UploadedFile | None = None,
    uploaded_by=None,
    version: int | None = None,
) -> Contact:
    """Change a contact; an optional evidence file is attached as well (as in contact_create).

    `version` is the contact's version when the edit form was opened: if the contact
    was saved since (another tab, another device), nothing is changed and
    EditConflict is raised (selfhelp.versioning). Without it the save always goes
    through; either way the version moves on.
    """
    stored = evidence_store(upload) if upload is not None else None
    with _deleting_on_failure(stored), transaction.atomic():
        contact.version = version_claim(Contact, contact.pk, version)
        _assign(contact, data, CONTACT_FIELDS)
        contact.refresh_detection()
        contact.full_clean()
        contact.save()
        if stored is not None:
            evidence_record(contact=contact, stored=stored, uploaded_by=uploaded_by)
        case_touch(case=contact.case)
    return contact


@transaction.atomic
def contact_answer(*, contact: Contact, rule: str, answer: str) -> Contact:
    """Record the borrower's answer to a finding on this contact: "confirmed", "dismissed",
    or "" to take the answer back. The answer wins over the detector from then on."""
    if rule not in TEXT_RULES or answer not in ("confirmed", "dismissed", ""):
        raise ValidationError(_("This answer cannot be recorded."))
    answers = dict(contact.answers or {})
    if answer:
        answers[rule] = answer
    else:
        answers.pop(rule, None)
    contact.answers = answers
    contact.save(update_fields=["answers"])
    case_touch(case=contact.case)
    return contact


def contacts_refresh_detection(*, batch_size: int = 500) -> int:
    """Store fresh detection on every contact saved by another detector version.

    Each batch is its own short transaction, so a large database is never locked for long.
    """
    current = detector_version()
    updated = 0
    while True:
        batch = list(
            Contact.objects.exclude(detector_version=current).only("pk", "content")[:batch_size]
        )
        if not batch:
            return updated
        for contact in batch:
            contact.refresh_detection()
        with transaction.atomic():
            Contact.objects.bulk_update(batch, ["detected", "detector_version"])
        updated += len(batch)


@transaction.atomic
def contact_delete(*, contact: Contact) -> None:
    """Delete a contact and its evidence files."""
    for item in list(contact.evidence.all()):
        evidence_delete(evidence=item)
    case = contact.case
    contact.delete()
    case_touch(case=case)


# Events


@transaction.atomic
def event_create(*, case: Case, data: Mapping[str, Any]) -> CaseEvent:
    """Record an objection, agreement, dispute or outsourcing notice."""
    event = CaseEvent(case=case)
    _assign(event, data, EVENT_FIELDS)
    event.full_clean()
    event.save()
    case_touch(case=case)
    return event


@transaction.atomic
def event_delete(*, event: CaseEvent) -> None:
    """Delete a case event."""
    case = event.case
    event.delete()
    case_touch(case=case)


# Evidence


class EvidenceRejected(ValueError):
    """The upload is not an accepted file type, or is too large."""


@dataclass(frozen=True)
class StoredEvidence:
    """An evidence file already in storage, not yet recorded."""

    name: str
    original_name: str
    file_type: sniffing.FileType
    size: int
    sha256: str
    duration_ms: int | None = None


def evidence_store(upload: UploadedFile) -> StoredEvidence:
    """Check an upload and write it to storage under a random name (no database work).

    The type is judged from the content; the user's file name is kept only as a
    label, never in the storage path. The hash and size are read from the upload
    (a local file) before it is written, and a file over the limit is refused
    before anything is written.
    """
    if upload.size is not None and upload.size > settings.EVIDENCE_MAX_BYTES:
        raise EvidenceRejected("too_large")
    file_type = sniffing.sniff_file(upload)
    if file_type is None:
        raise EvidenceRejected("unsupported")
    sha256, size = sniffing.sha256_and_size(upload)
    if size > settings.EVIDENCE_MAX_BYTES:
        raise EvidenceRejected("too_large")
    upload.seek(0)
    field = Evidence._meta.get_field("file")
    name = field.generate_filename(None, f"{secrets.token_hex(16)}{file_type.extension}")
    name = file_save(field.storage, name, File(upload, name=name))
    duration_ms = None
    if file_type.kind == Evidence.Kind.AUDIO:
        upload.seek(0)
        duration_ms = evidence_media.audio_duration_ms(upload, file_type.content_type)
    return StoredEvidence(
        name=name,
        original_name=(upload.name or file_type.extension)[-255:],
        file_type=file_type,
        size=size,
        sha256=sha256,
        duration_ms=duration_ms,
    )


@contextmanager
def _deleting_on_failure(stored: StoredEvidence | None) -> Iterator[None]:
    """Delete a stored file again if the block that records it fails: no orphan files."""
    try:
        yield
    except BaseException:
        if stored is not None:
            evidence_discard(stored=stored)
        raise


def evidence_discard(*, stored: StoredEvidence) -> None:
    """Delete a file stored by evidence_store that will not be recorded after all."""
    delete_files([(Evidence._meta.get_field("file").storage, stored.name)])


def evidence_record(
    *, contact: Contact | None, stored: StoredEvidence, uploaded_by, case: Case | None = None
) -> Evidence:
    """The row for a file evidence_store wrote (call inside the transaction that needs it;
    if that transaction fails, the caller discards the file with evidence_discard)."""
    evidence = Evidence(
        case=case if case is not None else contact.case,
        contact=contact,
        file=stored.name,
        original_name=stored.original_name,
        kind=stored.file_type.kind,
        content_type=stored.file_type.content_type,
        size=stored.size,
        sha256=stored.sha256,
        duration_ms=stored.duration_ms,
        uploaded_by=uploaded_by,
    )
    # uploaded_by is nullable (the uploader's account may go) but not blank=True.
    evidence.full_clean(exclude=["uploaded_by"] if uploaded_by is None else None)
    evidence.save()
    return evidence


def evidence_add(
    *,
    contact: Contact | None = None,
    upload: UploadedFile,
    uploaded_by=None,
    case: Case | None = None,
) -> Evidence:
    """Store an evidence file for a contact (or, given `case`, for the case itself, e.g. a
    lender's answer) and record it with its SHA-256.

    The file is written first; if its row cannot be saved, the file is deleted.
    """
    stored = evidence_store(upload)
    with _deleting_on_failure(stored):
        return evidence_record(contact=contact, stored=stored, uploaded_by=uploaded_by, case=case)


def evidence_delete(*, evidence: Evidence) -> None:
    """Delete an evidence file: the row now, the file once the transaction commits."""
    delete_with_files(evidence)


def evidence_measure_recordings(*, case: Case) -> int:
    """Read the length of the case's recordings uploaded before lengths were kept (or whose
    header could not be read then); returns how many were filled in.

    Called where lengths are shown (the evidence report), so old rows fill in lazily.
    """
    filled = 0
    pending = Evidence.objects.filter(case=case, kind=Evidence.Kind.AUDIO, duration_ms=None)
    for evidence in pending.only("id", "file", "content_type"):
        storage = evidence.file.storage
        if not storage.exists(evidence.file.name):
            continue
        with storage.open(evidence.file.name, "rb") as handle:
            duration_ms = evidence_media.audio_duration_ms(handle, evidence.content_type)
        if duration_ms is not None:
            filled += Evidence.objects.filter(pk=evidence.pk, duration_ms=None).update(
                duration_ms=duration_ms
            )
    return filled


#: Thumbnails are made from the file's bytes alone, so they are cached under its hash.
_THUMBNAIL_CACHE_KEY = "evidence-thumbnail:1:{sha256}"
_THUMBNAIL_CACHE_SECONDS = 7 * 24 * 3600


def evidence_thumbnail(*, evidence: Evidence) -> bytes | None:
    """A small JPEG of an image evidence file (None for other kinds, or an unreadable image).

    Cached under the file's SHA-256: the same bytes give the same thumbnail, whoever asks.
    """
    if evidence.kind != Evidence.Kind.IMAGE:
        return None
    key = _THUMBNAIL_CACHE_KEY.format(sha256=evidence.sha256)
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    storage = evidence.file.storage
    thumbnail = None
    if storage.exists(evidence.file.name):
        with storage.open(evidence.file.name, "rb") as handle:
            thumbnail = evidence_media.image_thumbnail(handle)
    cache.set(key, thumbnail or b"", _THUMBNAIL_CACHE_SECONDS)
    return thumbnail


def evidence_verify(*, evidence: Evidence) -> tuple[bool, str]:
    """Recompute the stored file's SHA-256: (still matches?, the hash computed now).

    A missing file counts as not matching, with an empty hash.
    """
    storage = evidence.file.storage
    if not storage.exists(evidence.file.name):
        return False, ""
    with storage.open(evidence.file.name, "rb") as handle:
        current = sniffing.sha256_of(handle)
    return secrets.compare_digest(current, evidence.sha256), current


__all__ = [
    "EvidenceRejected",
    "case_create",
    "case_delete",
    "case_update",
    "cases_touch",
    "contact_create",
    "contact_delete",
    "contact_update",
    "event_create",
    "event_delete",
    "evidence_add",
    "StoredEvidence",
    "evidence_delete",
    "evidence_measure_recordings",
    "evidence_thumbnail",
    "evidence_discard",
    "evidence_record",
    "evidence_store",
    "evidence_verify",
    "loan_create",
    "loan_delete",
    "loan_update",
]
