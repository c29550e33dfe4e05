"""A borrower's case with something in every corner the personal-data export covers."""

import hashlib
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from cases import services as case_services
from cases.models import AccessLog, Case, CaseShare, Evidence
from letters.models import LetterDraft, LetterVersion, letter_storage
from review.models import ReviewNote
from tests.cases.conftest import PNG_BYTES, upload
from tests.factories import CaseFactory, ContactFactory, LoanFactory

PDF = b"%PDF-1.7\n% a finalised letter\n%%EOF\n"
ID_NUMBER = "110101199003071234"


@dataclass
class Filled:
    case: Case
    evidence: Evidence
    version: LetterVersion
    shared_note: ReviewNote
    private_note: ReviewNote
    other_case: Case
    other_evidence: Evidence


def store_pdf(content: bytes = PDF) -> str:
    return letter_storage().save("2026/12/letter.pdf", ContentFile(content))


@pytest.fixture
def filled(borrower, other_borrower, volunteer, organisation) -> Filled:
    case = CaseFactory(owner=borrower, title="网商贷催收", borrower_id_number=ID_NUMBER)
    share = CaseShare.objects.create(case=case, organisation=organisation, granted_by=borrower)
    loan = LoanFactory(case=case, ref="L1")
    contact = ContactFactory(case=case, ref="C1", loan=loan, content="不还钱就上门")
    evidence = case_services.evidence_add(
        contact=contact, upload=upload("截图.png", PNG_BYTES, "image/png"), uploaded_by=borrower
    )
    draft = LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans", fields={"x": 1}
    )
    version = LetterVersion.objects.create(
        draft=draft,
        number=1,
        pdf=store_pdf(),
        sha256=hashlib.sha256(PDF).hexdigest(),
        size=len(PDF),
        finalised_at=timezone.now(),
    )
    LetterVersion.objects.create(draft=draft, number=2)  # a saved, unfinalised version
    shared = ReviewNote.objects.create(
        case=case, organisation=organisation, author=volunteer, text="给您的建议",
        shared_with_borrower=True,
    )  # fmt: skip
    private = ReviewNote.objects.create(
        case=case, organisation=organisation, author=volunteer, text="内部备注不给借款人"
    )
    AccessLog.objects.create(
        case=case, user=volunteer, organisation=organisation, action="view", path="/x/"
    )
    assert share.pk
    other_case = CaseFactory(owner=other_borrower, title="别人的案子")
    other_contact = ContactFactory(case=other_case, ref="C1")
    other_evidence = case_services.evidence_add(
        contact=other_contact, upload=upload("other.png", PNG_BYTES + b"other", "image/png"),
        uploaded_by=other_borrower,
    )  # fmt: skip
    return Filled(case, evidence, version, shared, private, other_case, other_evidence)
