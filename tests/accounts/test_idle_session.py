"""Idle sessions end: after 2 hours for borrowers, 30 minutes for staff; both configurable."""

import time

import pytest
from django.urls import reverse

from accounts.middleware import LAST_SEEN_KEY
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def idle_for(client, seconds: int) -> None:
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - seconds
    session.save()


def case_list(client):
    return client.get(reverse("cases:case_list"))


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(email="staff@example.com", is_staff=True))
    return client


def test_active_borrower_stays_signed_in(borrower_client):
    idle_for(borrower_client, 2 * 3600 - 60)

    assert case_list(borrower_client).status_code == 200


def test_borrower_idle_over_two_hours_is_signed_out(borrower_client):
    idle_for(borrower_client, 2 * 3600 + 1)

    response = case_list(borrower_client)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in borrower_client.session


def test_signed_out_borrower_is_told_why(borrower_client, settings):
    settings.LANGUAGE_CODE = "en"
    idle_for(borrower_client, 2 * 3600 + 1)

    response = borrower_client.get(
        reverse("cases:case_list"), follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "signed out because you were away" in response.content.decode()


def test_staff_idle_over_thirty_minutes_is_signed_out(staff_client):
    idle_for(staff_client, 30 * 60 + 1)

    assert case_list(staff_client).status_code == 302


def test_staff_active_within_thirty_minutes_stays(staff_client):
    idle_for(staff_client, 30 * 60 - 60)

    assert case_list(staff_client).status_code == 200


def test_borrower_idle_thirty_minutes_stays(borrower_client):
    idle_for(borrower_client, 30 * 60 + 1)

    assert case_list(borrower_client).status_code == 200


def test_limits_are_configurable(borrower_client, settings):
    settings.SELFHELP_SESSION_IDLE_SECONDS = 600
    idle_for(borrower_client, 601)

    assert case_list(borrower_client).status_code == 302


def test_activity_is_recorded(borrower_client):
    idle_for(borrower_client, 3600)

    case_list(borrower_client)

    assert int(time.time()) - borrower_client.session[LAST_SEEN_KEY] < 5


def test_activity_is_written_at_most_once_a_minute(borrower_client):
    idle_for(borrower_client, 10)
    before = borrower_client.session[LAST_SEEN_KEY]

    case_list(borrower_client)

    assert borrower_client.session[LAST_SEEN_KEY] == before
