"""The personal-data export: one zip with everything the app holds about its owner.

《个人信息保护法》第四十五条 (in force since 2021-11-01; binding): "个人有权向个人信息处理者
查阅、复制其个人信息" and the processor "应当及时提供". The zip holds:

- profile.json: the account, its memberships, two-step status (never the secret or the
  recovery codes), background jobs, action plans, and failed logins still counted;
- for every case, under cases/<id>/: the case as a `selfhelp.case/1` bundle (the same as
  the case page's export, with the full ID number), every evidence file and a list of them,
  every letter draft with the PDF of each finalised version (and the approved copy), the
  notes and letter comments organisations shared with the borrower, the case's access
  log, and its shares, consents, reminders, action plans and unfinished phone imports
  (with their screenshots);
- manifest.json: the SHA-256 and size of every other file, and any file that was missing.

What a volunteer wrote about other people's cases is not theirs to take: it is not included.
The zip is built in a temporary file outside any transaction; only the final write of
the row (and the job's result) is one short transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import tempfile
import zipfile
from collections.abc import Callable
from datetime import timedelta
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from accounts.models import Invitation, Membership, RecoveryCode, TOTPDevice
from actions.models import ActForMe, Action, Reminder
from cases.bundle import case_export_bundle
from cases.models import AccessLog, Case, CaseShare, Contact, Evidence
from guidance.models import GuidancePlan
from imports.models import ImportBatch
from jobs.models import Job
from jobs.services import job_create
from letters.models import LetterDraft, LetterVersion
from notifications.models import Notification
from review.models import LetterApproval, LetterComment, ReviewNote
from review.selectors import ACTION_LABELS
from selfhelp.deletion import delete_with_files

from .models import PersonalDataExport

logger = logging.getLogger(__name__)

FORMAT = "selfhelp.personal-data/1"
CHUNK = 1024 * 1024

#: Every model that holds data about a person or their cases, and where the export puts it.
#: tests/privacy checks that no such model is missing from here or from NOT_EXPORTED.
EXPORTED = {
    "accounts.User": "profile.json",
    "accounts.Membership": "profile.json",
    "accounts.TOTPDevice": "profile.json (whether it is on, never the secret)",
    "accounts.RecoveryCode": "profile.json (how many are left, never the codes)",
    "axes.AccessAttempt": "profile.json (failed logins still counted)",
    "jobs.Job": "profile.json",
    "guidance.GuidancePlan": "cases/<id>/other.json",
    "cases.Case": "cases/<id>/case.json",
    "cases.Loan": "cases/<id>/case.json",
    "cases.Installment": "cases/<id>/case.json",
    "cases.Fee": "cases/<id>/case.json",
    "cases.Contact": "cases/<id>/case.json (answers to findings: other.json)",
    "cases.CaseEvent": "cases/<id>/case.json",
    "cases.Evidence": "cases/<id>/evidence.json and evidence/",
    "cases.CaseShare": "cases/<id>/other.json",
    "cases.AccessLog": "cases/<id>/access_log.json",
    "actions.Action": "cases/<id>/case.json",
    "actions.Response": "cases/<id>/case.json",
    "actions.Reminder": "cases/<id>/other.json",
    "actions.ActForMe": "cases/<id>/other.json",
    "letters.LetterDraft": "cases/<id>/letters.json",
    "letters.LetterVersion": "cases/<id>/letters.json and letters/",
    "review.ReviewNote": "cases/<id>/notes.json (the notes shared with the borrower)",
    "review.LetterComment": "cases/<id>/notes.json",
    "imports.ImportBatch": "cases/<id>/other.json",
    "imports.Screenshot": "cases/<id>/other.json and imports/",
    "imports.StagedMessage": "cases/<id>/other.json",
    "notifications.Notification": "profile.json",
    "accounts.Invitation": "profile.json (invitations sent to the person's address)",
    "review.LetterApproval": "cases/<id>/letters.json (each version's approvals)",
}
NOT_EXPORTED = {
    "accounts.TwoFactorFailure": "wrong codes: kept minutes, only for the lock-out",
    "accounts.EmailSent": "keyed hashes that cannot be tied back to an address",
    "review.CaseReview": "the organisation's own workflow (status, assignee)",
    "admin.LogEntry": "staff actions in the admin, not data about the person",
    "privacy.PersonalDataExport": "the exports themselves",
    "cases.StoredFindings": "computed from the case, whose bundle holds every input",
}


# --- the zip -------------------------------------------------------------------------------


def _safe_name(name: str, fallback: str = "file") -> str:
    """One path segment for a zip member: no separators, no control characters."""
    name = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", "_", name).strip().lstrip(".")
    return name[:120] or fallback


class _ZipWriter:
    """Writes members, remembering each one's path, SHA-256 and size for the manifest."""

    def __init__(self, fileobj: IO[bytes]):
        self.zip = zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED)
        self.files: list[dict[str, Any]] = []
        self.missing: list[dict[str, str]] = []
        self._names: set[str] = set()

    def _unique(self, path: str) -> str:
        stem, dot, ext = path.rpartition(".")
        candidate, n = path, 1
        while candidate in self._names:
            n += 1
            candidate = f"{stem}-{n}.{ext}" if dot else f"{path}-{n}"
        self._names.add(candidate)
        return candidate

    def add_json(self, path: str, data: Any) -> str:
        text = json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder) + "\n"
        return self.add_stream(path, [text.encode("utf-8")], compress=True)

    def add_stream(self, path: str, chunks, *, compress: bool) -> str:
        path = self._unique(path)
        info = zipfile.ZipInfo(path, date_time=timezone.localtime().timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        digest, size = hashlib.sha256(), 0
        with self.zip.open(info, "w", force_zip64=True) as member:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                member.write(chunk)
        self.files.append({"path": path, "sha256": digest.hexdigest(), "size": size})
        return path

    def add_stored_file(self, path: str, field_file, *, recorded_sha256: str = "") -> str | None:
        """Copy a file from private storage; None (and a line in the manifest) if it is gone."""
        try:
            handle = field_file.storage.open(field_file.name, "rb")
        except OSError:
            self.missing.append({"path": path, "reason": "missing from storage"})
            return None
        with handle:
            written = self.add_stream(path, iter(lambda: handle.read(CHUNK), b""), compress=False)
        if recorded_sha256 and self.files[-1]["sha256"] != recorded_sha256:
            self.files[-1]["recorded_sha256"] = recorded_sha256
        return written

    def close(self, manifest: dict) -> None:
        manifest = {**manifest, "files": self.files, "missing": self.missing}
        text = json.dumps(manifest, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder) + "\n"
        self.zip.writestr("manifest.json", text.encode("utf-8"), zipfile.ZIP_DEFLATED)
        self.zip.close()


def _row(obj: models.Model, *, exclude: set[str] = frozenset()) -> dict[str, Any]:
    """A row's stored columns as JSON-ready values (files are added to the zip separately)."""
    out = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude or isinstance(field, models.FileField):
            continue
        out[field.attname] = getattr(obj, field.attname)
    return out


def _person(user) -> str:
    return str(user) if user is not None else ""


class _StoredName:
    """A (storage, name) pair shaped like a FieldFile, for files kept by name only
    (a phone import's screenshots wait in private storage under Screenshot.stored_name)."""

    def __init__(self, storage, name: str):
        self.storage, self.name = storage, name


def _import_storage():
    return storages["default"]


# --- what goes in ---------------------------------------------------------------------------


def _profile(user) -> dict[str, Any]:
    from axes.models import AccessAttempt

    device = TOTPDevice.objects.filter(user=user).first()
    return {
        "account": _row(user, exclude={"password", "id"}),
        "two_step_verification": {
            "on": device is not None,
            "set_up_at": device.created_at if device else None,
            "recovery_codes_left": RecoveryCode.objects.filter(
                user=user, used_at__isnull=True
            ).count(),
        },
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "jobs": [
            _row(job, exclude={"owner", "task_result_id"})
            for job in Job.objects.filter(owner=user).order_by("created_at")
        ],
        "failed_logins": [
            {"failures": a.failures_since_start, "last_at": a.attempt_time}
            for a in AccessAttempt.objects.filter(username=user.email.lower())
        ],
        "notifications": [
            {
                "kind": n.kind,
                "organisation": n.organisation.name if n.organisation else None,
                "case": n.case_id,
                "url": n.url,
                "created_at": n.created_at,
                "read_at": n.read_at,
            }
            for n in Notification.objects.filter(user=user)
            .select_related("organisation")
            .order_by("created_at")
        ],
        "invitations": [
            {
                "organisation": i.organisation.name,
                "role": i.role,
                "created_at": i.created_at,
                "expires_at": i.expires_at,
                "accepted_at": i.accepted_at,
                "revoked_at": i.revoked_at,
            }
            for i in Invitation.objects.filter(email__iexact=user.email)
            .select_related("organisation")
            .order_by("created_at")
        ],
    }


def _evidence(zw: _ZipWriter, base: str, case: Case) -> list[dict]:
    rows = []
    for evidence in Evidence.objects.filter(case=case).select_related("contact").order_by("pk"):
        path = zw.add_stored_file(
            f"{base}evidence/{evidence.pk}-{_safe_name(evidence.download_name)}",
            evidence.file,
            recorded_sha256=evidence.sha256,
        )
        rows.append(
            {
                **_row(evidence, exclude={"case"}),
                "contact_ref": evidence.contact.ref if evidence.contact else None,
                "file_in_zip": path,
            }
        )
    return rows


def _letters(zw: _ZipWriter, base: str, case: Case) -> list[dict]:
    drafts = []
    for draft in LetterDraft.objects.filter(case=case).order_by("pk"):
        versions = []
        for version in LetterVersion.objects.filter(draft=draft).order_by("number"):
            # `html` is the letter the PDF was printed from: the PDF holds the same.
            entry = {
                **_row(version, exclude={"draft", "html"}),
                "approved_by_name": _person(version.approved_by),
                "approvals": [
                    {
                        "organisation": a.organisation.name,
                        "lawyer": _person(a.lawyer),
                        "at": a.created_at,
                    }
                    for a in LetterApproval.objects.filter(version=version)
                    .select_related("organisation", "lawyer")
                    .order_by("created_at")
                ],
            }
            name = f"{base}letters/{draft.kind}-{draft.language}-v{version.number}"
            if version.is_final and version.pdf:
                entry["pdf_in_zip"] = zw.add_stored_file(
                    f"{name}.pdf", version.pdf, recorded_sha256=version.sha256
                )
            if version.approved_pdf:
                entry["approved_pdf_in_zip"] = zw.add_stored_file(
                    f"{name}-approved.pdf",
                    version.approved_pdf,
                    recorded_sha256=version.approved_sha256,
                )
            versions.append(entry)
        drafts.append({**_row(draft, exclude={"case", "owner"}), "versions": versions})
    return drafts


def _notes(case: Case) -> dict[str, list]:
    notes = ReviewNote.objects.filter(case=case, shared_with_borrower=True).select_related(
        "organisation", "author"
    )
    comments = LetterComment.objects.filter(version__draft__case=case).select_related(
        "organisation", "author", "version__draft"
    )
    return {
        "notes_shared_with_you": [
            {
                "organisation": n.organisation.name,
                "author": _person(n.author),
                "text": n.text,
                "created_at": n.created_at,
            }
            for n in notes.order_by("created_at", "id")
        ],
        "letter_comments": [
            {
                "letter_draft_id": c.version.draft_id,
                "letter_version": c.version.number,
                "organisation": c.organisation.name,
                "author": _person(c.author),
                "paragraph": c.paragraph,
                "text": c.text,
                "requests_changes": c.requests_changes,
                "created_at": c.created_at,
            }
            for c in comments.order_by("created_at", "id")
        ],
    }


def _access_log(case: Case) -> list[dict]:
    entries = AccessLog.objects.filter(case=case).select_related("user", "organisation")
    return [
        {
            "at": e.at,
            "who": _person(e.user),
            "organisation": e.organisation.name if e.organisation else "",
            "action": e.action,
            "action_in_words": str(ACTION_LABELS.get(e.action, e.action)),
            "path": e.path,
        }
        for e in entries.order_by("at", "id")
    ]


def _other(zw: _ZipWriter, base: str, case: Case) -> dict[str, list]:
    shares = CaseShare.objects.filter(case=case).select_related("organisation")
    consents = {c.share_id: c for c in ActForMe.objects.filter(share__case=case)}
    batches = []
    for batch in ImportBatch.objects.filter(case=case).order_by("pk"):
        screenshots = []
        for shot in batch.screenshots.order_by("position", "pk"):
            path = zw.add_stored_file(
                f"{base}imports/{batch.pk}-{shot.position}-{_safe_name(shot.original_name)}",
                _StoredName(_import_storage(), shot.stored_name),
                recorded_sha256=shot.sha256,
            )
            screenshots.append({**_row(shot, exclude={"batch", "stored_name"}), "file": path})
        batches.append(
            {
                **_row(batch, exclude={"case", "owner", "job", "pending_names"}),
                "screenshots": screenshots,
                "staged_messages": [
                    _row(m, exclude={"batch"}) for m in batch.messages.order_by("index", "pk")
                ],
            }
        )
    answers = Contact.objects.filter(case=case).exclude(answers={}).values_list("ref", "answers")
    return {
        "shares": [
            {
                "organisation": s.organisation.name,
                "granted_at": s.granted_at,
                "revoked_at": s.revoked_at,
                "act_for_me_since": consents[s.pk].granted_at if s.pk in consents else None,
            }
            for s in shares.order_by("granted_at", "id")
        ],
        "reminders": [
            _row(r) for r in Reminder.objects.filter(action__case=case).order_by("sent_at", "pk")
        ],
        "action_ids": list(Action.objects.filter(case=case).values_list("pk", flat=True)),
        "action_plans": [
            _row(p, exclude={"owner", "case"})
            for p in GuidancePlan.objects.filter(case=case).order_by("created_at")
        ],
        "answers_to_findings": dict(answers),
        "phone_imports": batches,
    }


def data_export_write(
    *, owner, fileobj: IO[bytes], progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the owner's export zip into `fileobj`; return how many files it holds."""
    cases = list(Case.objects.filter(owner=owner).order_by("pk"))
    total = len(cases) + 1
    zw = _ZipWriter(fileobj)
    zw.add_json("profile.json", _profile(owner))
    for done, case in enumerate(cases, start=1):
        base = f"cases/{case.pk}/"
        zw.add_json(f"{base}case.json", case_export_bundle(case=case, borrower_details=True))
        zw.add_json(f"{base}evidence.json", _evidence(zw, base, case))
        zw.add_json(f"{base}letters.json", _letters(zw, base, case))
        zw.add_json(f"{base}notes.json", _notes(case))
        zw.add_json(f"{base}access_log.json", _access_log(case))
        zw.add_json(f"{base}other.json", _other(zw, base, case))
        if progress:
            progress(done, total)
    zw.close(
        {
            "format": FORMAT,
            "generated_at": timezone.now(),
            "account": owner.email,
            "cases": [case.pk for case in cases],
        }
    )
    return len(zw.files) + 1


# --- requests, building, deletion -------------------------------------------------------------


def data_export_start(*, owner) -> tuple[PersonalDataExport, bool]:
    """A new export for `owner` with the job its page polls, or the one already under way.

    Returns (export, created). The caller enqueues data_export_task once this commits.
    One left unfinished for an hour (its worker died for good) no longer counts as under way.
    """
    running = (
        PersonalDataExport.objects.filter(owner=owner, finished_at__isnull=True)
        .filter(created_at__gt=timezone.now() - timedelta(hours=1))
        .exclude(job__status=Job.Status.FAILED)
        .exclude(job__isnull=True)
        .first()
    )
    if running is not None:
        return running, False
    cases = Case.objects.filter(owner=owner).count()
    with transaction.atomic():
        job = job_create(owner=owner, kind="data_export", total=cases + 1)
        export = PersonalDataExport(owner=owner, job=job)
        export.full_clean()
        export.save()
    return export, True


def data_export_build(
    *,
    export_id: int,
    progress: Callable[[int, int], None] | None = None,
    on_stored: Callable[[PersonalDataExport], None] | None = None,
) -> PersonalDataExport | None:
    """Build and store the zip of an export; None if the export (or its account) is gone.

    Safe to run twice: a finished export is returned as it is. The zip is written to a
    temporary file outside any transaction, then stored; the row is filled in one short
    transaction (with `on_stored`, e.g. finishing the job). If that fails, or the account
    was deleted meanwhile, the stored file is deleted again. Older exports of the same
    owner are deleted once the new one is ready.
    """
    export = PersonalDataExport.objects.select_related("owner").filter(pk=export_id).first()
    if export is None or export.is_ready:
        return export
    field = PersonalDataExport._meta.get_field("file")
    with tempfile.TemporaryFile() as tmp:
        file_count = data_export_write(owner=export.owner, fileobj=tmp, progress=progress)
        size = tmp.tell()
        tmp.seek(0)
        digest = hashlib.sha256()
        for chunk in iter(lambda: tmp.read(CHUNK), b""):
            digest.update(chunk)
        tmp.seek(0)
        filename = f"personal-data-{export.owner_id}-{secrets.token_hex(8)}.zip"
        name = field.storage.save(field.generate_filename(None, filename), File(tmp))
    try:
        with transaction.atomic():
            updated = PersonalDataExport.objects.filter(
                pk=export.pk, finished_at__isnull=True
            ).update(
                file=name,
                sha256=digest.hexdigest(),
                size=size,
                file_count=file_count,
                finished_at=timezone.now(),
            )
            if not updated:
                field.storage.delete(name)
                return None
            export.refresh_from_db()
            if on_stored is not None:
                on_stored(export)
    except Exception:
        field.storage.delete(name)
        raise
    for old in PersonalDataExport.objects.filter(owner=export.owner_id).exclude(pk=export.pk):
        if old.finished_at is not None:
            delete_with_files(old)
    return export


def data_exports_prune(*, older_than_days: int | None = None) -> int:
    """Delete exports (rows and zips) older than SELFHELP_EXPORT_KEEP_DAYS days."""
    days = settings.SELFHELP_EXPORT_KEEP_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    old = PersonalDataExport.objects.filter(created_at__lt=cutoff)
    count = 0
    for export in old:
        delete_with_files(export)
        count += 1
    return count
