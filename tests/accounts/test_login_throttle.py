"""Login throttling (django-axes): per account and per address, on the login form, the admin
login and password-reset requests; a cool-off lifts the lock by itself (finding 4)."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

LOGIN = reverse("accounts:login")
ADMIN_LOGIN = reverse("admin:login")
RESET = reverse("accounts:password_reset")
WRONG = "not-the-password-1"


def _login(client, email, password, address="10.1.0.1", url=LOGIN):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


def _without_tokens(response) -> str:
    """The page without its per-request CSRF tokens."""
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", response.content.decode())
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_forty_wrong_passwords_then_the_right_one_is_refused(client, borrower, password):
    for _ in range(40):
        _login(client, borrower.email, WRONG)
    response = _login(client, borrower.email, password)
    assert response.status_code == 429
    assert not _logged_in(client)
    html = response.content.decode()
    assert "为了您的安全" in html
    assert html.count("<h1") == 1
    assert reverse("accounts:password_reset") in html


@pytest.mark.django_db
def test_a_few_wrong_passwords_then_the_right_one_logs_in(client, borrower, password):
    for _ in range(4):
        assert _login(client, borrower.email, WRONG).status_code == 200
    response = _login(client, borrower.email, password)
    assert response.status_code == 302
    assert _logged_in(client)


@pytest.mark.django_db
def test_the_account_lock_holds_from_any_address(client, borrower, password):
    for i in range(5):
        _login(client, borrower.email, WRONG, address=f"10.2.0.{i}")
    assert _login(client, borrower.email, password, address="10.9.9.9").status_code == 429
    assert not _logged_in(client)


@pytest.mark.django_db
def test_the_account_lock_ignores_the_case_of_the_address(client, borrower, password):
    for _ in range(5):
        _login(client, borrower.email.upper(), WRONG)
    assert _login(client, borrower.email, password).status_code == 429


@pytest.mark.django_db
def test_one_address_guessing_many_accounts_is_locked_for_all(client, borrower, password):
    for i in range(20):
        _login(client, f"guess{i}@example.com", WRONG, address="10.3.0.1")
    assert _login(client, borrower.email, password, address="10.3.0.1").status_code == 429
    assert not _logged_in(client)
    # Someone at another address is not affected.
    assert _login(client, borrower.email, password, address="10.3.0.2").status_code == 302


@pytest.mark.django_db
def test_an_unknown_account_is_locked_exactly_like_a_real_one(client, borrower):
    for _ in range(5):
        _login(client, borrower.email, WRONG, address="10.4.0.1")
        _login(client, "nobody@example.com", WRONG, address="10.4.0.2")
    real = _login(client, borrower.email, WRONG, address="10.4.0.1")
    unknown = _login(client, "nobody@example.com", WRONG, address="10.4.0.2")
    assert real.status_code == unknown.status_code == 429
    assert _without_tokens(real) == _without_tokens(unknown)


@pytest.mark.django_db
def test_the_lock_lifts_after_the_cool_off(client, borrower, password, settings):
    for _ in range(5):
        _login(client, borrower.email, WRONG)
    assert _login(client, borrower.email, password).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert _login(client, borrower.email, password).status_code == 302


@pytest.mark.django_db
def test_tries_during_the_lock_do_not_extend_it(client, borrower, password):
    for _ in range(5):
        _login(client, borrower.email, WRONG)
    failures_when_locked = AccessAttempt.objects.get().failures_since_start
    for _ in range(10):
        _login(client, borrower.email, WRONG)
    assert AccessAttempt.objects.get().failures_since_start == failures_when_locked


@pytest.mark.django_db
def test_the_lock_also_applies_in_the_admin(client, password):
    staff = UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    for _ in range(5):
        response = _login(client, staff.email, WRONG, url=ADMIN_LOGIN)
    response = _login(client, staff.email, password, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert not _logged_in(client)


@pytest.mark.django_db
def test_failures_on_the_login_page_lock_the_admin_login_too(client, password):
    staff = UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    for _ in range(5):
        _login(client, staff.email, WRONG)
    assert _login(client, staff.email, password, url=ADMIN_LOGIN).status_code == 429


@pytest.mark.django_db
def test_the_admin_login_works_below_the_limit(client, password):
    staff = UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    _login(client, staff.email, WRONG, url=ADMIN_LOGIN)
    assert _login(client, staff.email, password, url=ADMIN_LOGIN).status_code == 302
    assert _logged_in(client)


@pytest.mark.django_db
def test_a_locked_address_cannot_ask_for_reset_emails(client, borrower):
    for i in range(20):
        _login(client, f"guess{i}@example.com", WRONG, address="10.5.0.1")
    response = client.post(RESET, {"email": borrower.email}, REMOTE_ADDR="10.5.0.1")
    assert response.status_code == 429
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_new_password_from_the_reset_link_unlocks_the_account(client, borrower):
    for _ in range(5):
        _login(client, borrower.email, WRONG, address="10.6.0.1")
    client.post(RESET, {"email": borrower.email}, REMOTE_ADDR="10.6.0.2")
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    new = "silver-orchard-kettle-51"
    client.post(form_url, {"new_password1": new, "new_password2": new}, REMOTE_ADDR="10.6.0.2")
    assert _login(client, borrower.email, new, address="10.6.0.1").status_code == 302


@pytest.mark.django_db
def test_successful_logins_leave_no_axes_log(client, borrower, password):
    from axes.models import AccessLog

    _login(client, borrower.email, password)
    assert _logged_in(client)
    assert AccessLog.objects.count() == 0


@pytest.mark.django_db
def test_deleting_the_account_forgets_its_failed_logins(client, borrower, password):
    from accounts.services import user_delete

    _login(client, borrower.email, WRONG)
    assert AccessAttempt.objects.filter(username=borrower.email).exists()
    user_delete(user=borrower)
    assert not AccessAttempt.objects.filter(username=borrower.email).exists()


def test_behind_the_proxy_the_client_is_the_last_forwarded_address(rf, settings):
    from accounts.throttle import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    settings.SELFHELP_BEHIND_PROXY = False
    assert client_address(request) == "10.0.0.2"
    settings.SELFHELP_BEHIND_PROXY = True
    assert client_address(request) == "203.0.113.7"


def test_a_request_without_a_valid_address_counts_as_one_ip_address(settings):
    from django.http import HttpRequest

    from accounts.throttle import UNKNOWN_ADDRESS, client_address

    bare = HttpRequest()
    assert client_address(bare) == UNKNOWN_ADDRESS
    settings.SELFHELP_BEHIND_PROXY = True
    forged = HttpRequest()
    forged.META.update({"HTTP_X_FORWARDED_FOR": "1.2.3.4, not-an-ip", "REMOTE_ADDR": "10.0.0.5"})
    assert client_address(forged) == "10.0.0.5"
    forged.META["HTTP_X_FORWARDED_FOR"] = "1.2.3.4, 203.0.113.9"
    assert client_address(forged) == "203.0.113.9"
