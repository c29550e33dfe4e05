"""A case with one of everything in it, and small files with real signatures."""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import services
from cases.models import Case, CaseEvent, Contact, Evidence, Loan
from tests.factories import CaseEventFactory, ContactFactory, LoanFactory

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@dataclass
class Everything:
    case: Case
    loan: Loan
    contact: Contact
    evidence: Evidence
    event: CaseEvent


def make_everything(case: Case, owner) -> Everything:
    loan = LoanFactory(case=case, ref="L1")
    contact = ContactFactory(case=case, ref="C1", loan=loan)
    evidence = services.evidence_add(
        contact=contact, upload=upload("shot.png", PNG_BYTES, "image/png"), uploaded_by=owner
    )
    event = CaseEventFactory(case=case, loan=loan)
    return Everything(case, loan, contact, evidence, event)


@pytest.fixture
def everything(case, borrower) -> Everything:
    return make_everything(case, borrower)


@pytest.fixture
def shared_everything(shared_case, borrower) -> Everything:
    return make_everything(shared_case, borrower)


@pytest.fixture(autouse=True)
def english(client, settings):
    """Assertions read the English msgids; test_chinese_is_the_default checks zh-Hans."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
