"""Approving a letter renders its approved PDF before any database transaction opens.

A long evidence report takes seconds to render; an open write transaction meanwhile locks
other users out on SQLite (issue 14, finding 1). Real transactions (transaction=True), so
`connection.in_atomic_block` is what the service sees.
"""

import pytest
from django.db import connection
from django.utils import timezone

from letters import services as letters
from letters.models import LetterVersion
from review.services import letter_version_approve

pytestmark = pytest.mark.django_db(transaction=True)

FAKE_PDF = b"%PDF-1.7 approved"


@pytest.fixture
def stored_version(draft):
    return LetterVersion.objects.create(
        draft=draft,
        number=1,
        data={"kind": "stop_harassment"},
        html="<article><p>一</p><p>二</p></article>",
        sha256="a" * 64,
        size=10,
        finalised_at=timezone.now(),
    )


@pytest.fixture
def renders(monkeypatch):
    seen: list[bool] = []

    def fake_pdf(html: str) -> bytes:
        seen.append(connection.in_atomic_block)
        return FAKE_PDF

    monkeypatch.setattr(letters, "html_to_pdf", fake_pdf)
    return seen


def test_the_approved_pdf_renders_outside_any_transaction(
    lawyer, shared_case, stored_version, renders
):
    approved = letter_version_approve(version=stored_version, approver=lawyer)

    assert renders == [False]
    approved.refresh_from_db()
    assert approved.approved_at is not None
    assert approved.approved_pdf.read() == FAKE_PDF


def test_a_refused_approval_renders_nothing(volunteer, shared_case, stored_version, renders):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        letter_version_approve(version=stored_version, approver=volunteer)
    assert renders == []
