"""A finalised PDF downloads under a name with its kind, language and version, so the
Chinese and English PDFs (and the versions) never overwrite each other."""

import pytest
from django.urls import reverse

from letters.models import LetterDraft, LetterVersion
from letters.services import letter_draft_update, letter_finalise
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", fields={"loan": loan.ref}
    )


def filename(client, version: LetterVersion) -> str:
    response = client.get(reverse("letters:letter_version_download", args=[version.pk]))
    assert response.status_code == 200
    return response["Content-Disposition"].split("filename=")[1].strip('"')


def test_chinese_and_english_versions_download_under_different_names(borrower_client, draft):
    chinese = letter_finalise(draft=draft)
    letter_draft_update(draft=draft, language="en", fields=draft.fields)
    english = letter_finalise(draft=draft)
    assert filename(borrower_client, chinese) == "stop_harassment-zh-hans-v1.pdf"
    assert filename(borrower_client, english) == "stop_harassment-en-v2.pdf"


def test_an_old_version_keeps_the_language_it_was_made_in(draft):
    version = letter_finalise(draft=draft)
    letter_draft_update(draft=draft, language="en", fields=draft.fields)
    version.refresh_from_db()
    assert version.download_name() == "stop_harassment-zh-hans-v1.pdf"
