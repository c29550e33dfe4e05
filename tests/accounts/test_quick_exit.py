"""Quick exit ends the session too, and signed-in pages are never cached."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

EXIT = reverse("accounts:quick_exit")


def test_quick_exit_signs_out(borrower_client, case):
    assert borrower_client.post(EXIT).status_code == 204
    response = borrower_client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_quick_exit_can_be_configured_to_keep_the_session(borrower_client, case, settings):
    settings.QUICK_EXIT_ENDS_SESSION = False
    borrower_client.post(EXIT)
    assert borrower_client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200


def test_quick_exit_needs_post(borrower_client):
    assert borrower_client.get(EXIT).status_code == 405


def test_quick_exit_checks_the_csrf_token(client, borrower):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(borrower)
    assert strict.post(EXIT).status_code == 403


def test_the_button_carries_the_sign_out_beacon_only_when_signed_in(borrower_client, client):
    assert f'data-end-session="{EXIT}"' in borrower_client.get("/").content.decode()
    borrower_client.logout()
    assert "data-end-session" not in client.get("/").content.decode()


def test_signed_in_pages_are_not_stored(borrower_client, case):
    response = borrower_client.get(reverse("cases:case_detail", args=[case.pk]))
    assert "no-store" in response["Cache-Control"]


def test_public_pages_may_be_cached(client):
    assert "no-store" not in client.get("/").get("Cache-Control", "")
