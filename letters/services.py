"""Letters: build the context from a stored case, render HTML and PDF, keep versions."""

from __future__ import annotations

import hashlib
import html
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import asdict
from datetime import date

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cases.evidence_media import jpeg_data_uri
from cases.models import Case, Evidence, Lender
from cases.selectors import case_findings
from cases.services import evidence_measure_recordings, evidence_thumbnail
from rules.engine import CATALOGUE
from selfhelp.deletion import deleting_files_on_failure, file_save
from selfhelp.versioning import version_claim

from .kinds import (
    KINDS,
    EvidenceFile,
    LenderInfo,
    LetterInput,
    SentLetter,
    TakenAction,
    letters_in_order,
    scope_to_loan,
)
from .models import LetterDraft, LetterVersion
from .paragraphs import with_review_line
from .pdf import html_to_pdf

#: Instruction text a template prints in place of a missing value (letter_tags.or_placeholder).
_PLACEHOLDER = re.compile(r'<span class="placeholder">(.*?)</span>', re.DOTALL)


#: Functions case -> TakenAction tuple, registered by the actions app in its ready(): letters
#: show the actions taken (the evidence report's before/after) without importing that app.
ACTION_SOURCES: list[Callable[[Case], tuple[TakenAction, ...]]] = []


class LetterIncomplete(Exception):
    """A draft with instruction text or empty required fields cannot be finalised."""

    def __init__(self, missing: list[str]):
        super().__init__("; ".join(missing))
        self.missing = missing


def letter_input_for_case(
    *,
    case: Case,
    language: str,
    fields: dict,
    today: date | None = None,
    thumbnails: bool = False,
) -> LetterInput:
    """Everything a context builder needs, read from the stored case in a few queries.

    With `thumbnails`, image evidence carries a small JPEG (for the evidence report);
    recordings whose length was never read get it read now.
    """
    with translation.override(language):
        # The same engine run as the case page, so letters cite exactly what the page shows.
        findings = case_findings(
            case=case, today=today or timezone.localdate(), with_case_data=True
        )
    domain_case, assessment = findings.case_data, findings.assessment
    if not fields.get("include_possible"):
        # Findings of the trained model alone wait for the borrower's confirmation.
        assessment = assessment.certain_only()
    if thumbnails:
        evidence_measure_recordings(case=case)
    evidence = tuple(
        EvidenceFile(
            name=e.original_name,
            sha256=e.sha256,
            size=e.size,
            kind=e.kind,
            contact_ref=e.contact.ref if e.contact_id else "",
            duration_ms=e.duration_ms,
            thumbnail=_thumbnail_uri(e) if thumbnails else "",
        )
        for e in Evidence.objects.filter(case=case).select_related("contact").order_by("id")
    )
    names = {loan.lender for loan in domain_case.loans if loan.lender}
    lenders = {
        lender.name: LenderInfo(
            name=lender.name,
            short_name=lender.short_name,
            complaint_channel=lender.complaint_channel,
            regulator=lender.regulator,
        )
        for lender in Lender.objects.filter(name__in=names)
    }
    sent = tuple(
        SentLetter(
            kind=v.draft.kind,
            loan=v.draft.fields.get("loan") or "",
            finalised_on=timezone.localdate(v.finalised_at),
        )
        for v in LetterVersion.objects.filter(draft__case=case, finalised_at__isnull=False)
        .select_related("draft")
        .order_by("finalised_at")
    )
    actions = tuple(a for source in ACTION_SOURCES for a in source(case))
    return LetterInput(
        case=domain_case,
        sent=sent,
        actions=actions,
        assessment=assessment,
        fields=fields,
        today=today or timezone.localdate(),
        language=language,
        case_title=case.title,
        catalogue=dict(CATALOGUE),
        evidence=evidence,
        lenders=lenders,
    )


def _thumbnail_uri(evidence: Evidence) -> str:
    thumbnail = evidence_thumbnail(evidence=evidence)
    return jpeg_data_uri(thumbnail) if thumbnail else ""


def letter_input_for_draft(
    draft: LetterDraft, *, language: str | None = None, fields: dict | None = None
) -> LetterInput:
    """The input for a draft's kind, from its saved fields unless others are given."""
    return letter_input_for_case(
        case=draft.case,
        language=language or draft.language,
        fields=draft.fields if fields is None else fields,
        thumbnails=KINDS[draft.kind].shows_thumbnails,
    )


def letter_template(kind: str, language: str) -> str:
    return f"letters/print/{kind}.{language}.html"


def letter_render_html(*, kind: str, inp: LetterInput, fragment: bool = False) -> str:
    """The letter as HTML from its print template (the PDF and the preview use the same one)."""
    if KINDS[kind].per_loan:
        inp = scope_to_loan(inp)
    with translation.override(inp.language):
        context = KINDS[kind].build(inp)
        context.update({"kind": kind, "fragment": fragment})
        return render_to_string(letter_template(kind, inp.language), context)


def placeholders_in(letter_html: str) -> list[str]:
    """The instruction texts left in a rendered letter, each once, in order."""
    found = _PLACEHOLDER.findall(letter_html)
    return list(dict.fromkeys(html.unescape(text).strip() for text in found))


def letter_missing(*, kind: str, inp: LetterInput) -> list[str]:
    """What still has to be filled in before the letter can be finalised."""
    return placeholders_in(letter_render_html(kind=kind, inp=inp))


def letter_render_pdf(*, kind: str, inp: LetterInput) -> bytes:
    """The letter as A4 PDF bytes."""
    return html_to_pdf(letter_render_html(kind=kind, inp=inp))


def letter_snapshot(inp: LetterInput) -> dict:
    """The exact data a version is made from, as JSON-safe values."""
    data = {
        "language": inp.language,
        "today": inp.today,
        "fields": dict(inp.fields),
        "case": asdict(inp.case),
        "assessment": inp.assessment.as_dict(),
        # The thumbnails are derived from the files the hashes identify.
        "evidence": [{**asdict(e), "thumbnail": ""} for e in inp.evidence],
        "actions": [asdict(a) for a in inp.actions],
    }
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def letter_draft_create(*, case: Case, owner, kind: str, language: str) -> LetterDraft:
    """A new draft pre-filled with what the case knows; the builders fill the rest."""
    borrower = case
    fields = {
        "sender_name": borrower.borrower_name,
        "sender_phone": borrower.borrower_phone,
        "sender_address": borrower.borrower_address,
    }
    first_loan = case.loans.order_by("id").first()
    if first_loan:
        fields["loan"] = first_loan.ref
    draft = LetterDraft(case=case, owner=owner, kind=kind, language=language, fields=fields)
    draft.full_clean()
    draft.save()
    return draft


def letter_draft_update(
    *, draft: LetterDraft, language: str, fields: dict, version: int | None = None
) -> LetterDraft:
    """Save the edited fields of a draft.

    `version` is the draft's version when the form was opened: if the draft was saved
    since (another tab, another device), nothing is changed and EditConflict is raised
    (selfhelp.versioning). Without it the save always goes through; either way the
    version moves on.
    """
    draft.language = language
    draft.fields = json.loads(json.dumps(fields, cls=DjangoJSONEncoder))
    draft.full_clean()
    with transaction.atomic():
        draft.version = version_claim(LetterDraft, draft.pk, version)
        draft.save(update_fields=["language", "fields", "version", "updated_at"])
    return draft


def _next_number(draft: LetterDraft) -> int:
    return (draft.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def letter_version_save(*, draft: LetterDraft) -> LetterVersion:
    """Store a snapshot of the draft's current data as a new (not final) version.

    The snapshot (an engine run over every contact) is built before the
    transaction, which only numbers and inserts the row.
    """
    inp = letter_input_for_case(case=draft.case, language=draft.language, fields=draft.fields)
    data = letter_snapshot(inp)
    with transaction.atomic():
        LetterDraft.objects.select_for_update().filter(pk=draft.pk).first()
        version = LetterVersion(draft=draft, number=_next_number(draft), data=data)
        version.full_clean()
        version.save()
    return version


def letter_finalise(
    *,
    draft: LetterDraft,
    pdf: bytes | None = None,
    on_stored: Callable[[LetterVersion], None] | None = None,
) -> LetterVersion:
    """Render the PDF and store it immutably with its SHA-256 and the data it was made from.

    Reading the case and rendering (seconds for a long evidence report) happen
    outside any transaction, so no database lock is held meanwhile. The file is
    written under a fresh name first; one short transaction then numbers and
    inserts the version (and runs `on_stored`, e.g. to finish the job, so both
    commit together). If that transaction fails, the file is deleted again, so
    no file is left without its row.

    Raises LetterIncomplete when the letter still holds instruction text in place of a
    required value: nothing unfinished is finalised.
    """
    inp = letter_input_for_draft(draft)
    missing = letter_missing(kind=draft.kind, inp=inp)
    if missing:
        raise LetterIncomplete(missing)
    letter_html = letter_render_html(kind=draft.kind, inp=inp)
    if pdf is None:
        pdf = html_to_pdf(letter_html)
    data = letter_snapshot(inp)
    field = LetterVersion._meta.get_field("pdf")
    storage = field.storage
    name = file_save(
        storage,
        field.generate_filename(None, f"{draft.kind}-{draft.pk}-{secrets.token_hex(8)}.pdf"),
        ContentFile(pdf),
    )
    with deleting_files_on_failure([(storage, name)]), transaction.atomic():
        LetterDraft.objects.select_for_update().filter(pk=draft.pk).first()
        version = LetterVersion(
            draft=draft,
            number=_next_number(draft),
            data=data,
            html=letter_html,
            pdf=name,
            sha256=hashlib.sha256(pdf).hexdigest(),
            size=len(pdf),
            finalised_at=timezone.now(),
        )
        version.full_clean()
        version.save()
        if on_stored is not None:
            on_stored(version)
    return version


def letter_version_render_approved_pdf(*, version: LetterVersion, line: str) -> bytes:
    """The approved PDF's bytes: the version's stored HTML, exactly as reviewed, with the
    review line. Call it outside any transaction: a long letter takes seconds to render."""
    if not version.html:
        raise ValueError("This version has no stored render to approve.")
    return html_to_pdf(with_review_line(version.html, line))


def letter_version_store_approved_pdf(
    *, version: LetterVersion, line: str, pdf: bytes | None = None
) -> LetterVersion:
    """Keep the approved PDF (rendered now unless `pdf` was rendered ahead, from the same
    line) as its own file with its own SHA-256. The finalised PDF stays as it was.
    """
    if pdf is None:
        pdf = letter_version_render_approved_pdf(version=version, line=line)
    version.approval_line = line
    version.approved_sha256 = hashlib.sha256(pdf).hexdigest()
    version.approved_size = len(pdf)
    field = LetterVersion._meta.get_field("approved_pdf")
    name = f"{version.draft.kind}-{version.draft_id}-v{version.number}-approved.pdf"
    name = file_save(field.storage, field.generate_filename(version, name), ContentFile(pdf))
    with deleting_files_on_failure([(field.storage, name)]):
        version.approved_pdf.name = name
        version.full_clean()
        version.save(
            update_fields=["approval_line", "approved_sha256", "approved_size", "approved_pdf"]
        )
    return version


def letter_index_context(*, case: Case, user) -> dict:
    """The kinds in the order to send them, with a plain reason each, and the case's drafts."""
    inp = letter_input_for_case(
        case=case, language=translation.get_language() or "zh-hans", fields={}
    )
    is_owner = case.owner_id == user.pk
    kinds = letters_in_order(KINDS, inp.assessment, inp.catalogue, reviewer=not is_owner)
    drafts = LetterDraft.objects.filter(case=case).prefetch_related("versions")
    return {"kinds": kinds, "drafts": drafts, "is_owner": is_owner}
