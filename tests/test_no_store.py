"""Every response to a signed-in user says `Cache-Control: no-store`, files included."""

import pytest
from django.urls import reverse

from letters.models import LetterDraft
from letters.services import letter_finalise
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db


def assert_no_store(response) -> None:
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_case_list_is_not_stored(borrower_client):
    assert_no_store(borrower_client.get(reverse("cases:case_list")))


def test_case_page_is_not_stored(borrower_client, case):
    assert_no_store(borrower_client.get(reverse("cases:case_detail", args=[case.pk])))


def test_htmx_fragment_is_not_stored(borrower_client, case):
    response = borrower_client.get(
        reverse("cases:case_detail", args=[case.pk]),
        headers={"HX-Request": "true", "HX-Target": "timeline"},
    )
    assert_no_store(response)


def test_profile_is_not_stored(borrower_client):
    assert_no_store(borrower_client.get(reverse("accounts:profile")))


def test_letter_pdf_is_not_stored(borrower_client, case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    draft = LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", fields={"loan": loan.ref}
    )
    version = letter_finalise(draft=draft)

    response = borrower_client.get(reverse("letters:letter_version_download", args=[version.pk]))

    assert_no_store(response)


def test_volunteer_view_is_not_stored(volunteer_client, shared_case):
    assert_no_store(volunteer_client.get(reverse("cases:case_detail", args=[shared_case.pk])))


def test_public_page_for_anonymous_may_be_cached(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
