"""Emails a visitor can make the app send (password reset, sign-up) are throttled per
recipient and per client address, and the page answers the same either way (finding 4)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import EmailSent

RESET = reverse("accounts:password_reset")
SIGNUP = reverse("accounts:signup")


@pytest.mark.django_db
def test_a_reset_flood_sends_at_most_three_emails(client, borrower, settings):
    responses = [
        client.post(RESET, {"email": borrower.email}, REMOTE_ADDR=f"10.0.{i}.1") for i in range(50)
    ]
    assert len(mail.outbox) == settings.SELFHELP_EMAILS_PER_RECIPIENT_HOUR == 3
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, reverse("accounts:password_reset_done"))
    }


@pytest.mark.django_db
def test_a_reset_flood_to_an_address_without_account_is_capped_too(client):
    for _ in range(10):
        client.post(RESET, {"email": "nobody@example.com"})
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_reset_emails_go_again_after_an_hour(client, borrower):
    for _ in range(4):
        client.post(RESET, {"email": borrower.email})
    assert len(mail.outbox) == 3
    EmailSent.objects.update(sent_at=EmailSent.objects.first().sent_at - timedelta(hours=1))
    client.post(RESET, {"email": borrower.email})
    assert len(mail.outbox) == 4
    # The old rows were deleted, not kept.
    assert EmailSent.objects.count() == 1


@pytest.mark.django_db
def test_one_client_address_cannot_mail_many_recipients(client, settings):
    for i in range(30):
        client.post(RESET, {"email": f"someone{i}@example.com"}, REMOTE_ADDR="10.7.0.1")
    assert len(mail.outbox) == settings.SELFHELP_EMAILS_PER_ADDRESS_HOUR == 20
    client.post(RESET, {"email": "someone-else@example.com"}, REMOTE_ADDR="10.7.0.2")
    assert len(mail.outbox) == 21


@pytest.mark.django_db
def test_a_signup_flood_sends_at_most_three_emails(client):
    responses = [client.post(SIGNUP, {"email": "new@example.com"}) for _ in range(10)]
    assert len(mail.outbox) == 3
    assert {r["Location"] for r in responses} == {reverse("accounts:signup_sent")}


@pytest.mark.django_db
def test_the_throttle_keeps_no_address_in_the_clear(client, borrower):
    client.post(RESET, {"email": borrower.email}, REMOTE_ADDR="10.8.0.1")
    row = EmailSent.objects.get()
    stored = f"{row.recipient_key} {row.client_key}"
    assert "borrower" not in stored and "10.8.0.1" not in stored
    assert len(row.recipient_key) == 64
