"""Sign-up in two steps, revealing nothing: an address, then a password from the emailed link.

Having an account here means having debt trouble, so the page answers the same
whether or not the address has an account, and an email goes out either way.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.services import user_signup_request
from tests.factories import UserFactory

User = get_user_model()
URL = reverse("accounts:signup")
NEW_PASSWORD = "walnut-lantern-river-42"
LINK = re.compile(r"https?://[^\s]+/accounts/signup/[^\s]+/[^\s]+/")

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {"email": "new.borrower@example.com", "display_name": "小李"}
    data.update(overrides)
    return data


def _confirm_url() -> str:
    """The finish-sign-up link of the last email, as a path."""
    return "/" + LINK.search(mail.outbox[-1].body).group(0).split("/", 3)[3]


def _passwords(password: str = NEW_PASSWORD, again: str | None = None) -> dict:
    return {"new_password1": password, "new_password2": password if again is None else again}


def without_csrf(html: bytes) -> str:
    return re.sub(r'"X-CSRFToken": ?"[^"]+"|value="[A-Za-z0-9]{64}"', "", html.decode())


def test_signup_page_renders_one_h1_and_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'name="email"' in html and 'name="display_name"' in html
    assert 'name="password1"' not in html


def test_new_address_gets_a_pending_account_and_a_link(client):
    response = client.post(URL, _data(email="New.Borrower@Example.com"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_sent")
    user = User.objects.get(email="new.borrower@example.com")
    assert user.is_pending_signup
    assert user.display_name == "小李"
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.borrower@example.com"]
    assert LINK.search(mail.outbox[0].body)


def test_known_address_gets_the_same_answer_and_a_reminder(client):
    UserFactory(email="new.borrower@example.com")

    response = client.post(URL, _data(email="NEW.borrower@example.com"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_sent")
    assert User.objects.filter(email__iexact="new.borrower@example.com").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.borrower@example.com"]
    assert not LINK.search(mail.outbox[0].body)
    assert reverse("accounts:password_reset") in mail.outbox[0].body


def test_new_and_known_addresses_see_identical_pages(client):
    UserFactory(email="known@example.com")

    known = client.post(URL, _data(email="known@example.com"), follow=True)
    new = client.post(URL, _data(email="unknown@example.com"), follow=True)

    assert known.redirect_chain == new.redirect_chain
    assert without_csrf(known.content) == without_csrf(new.content)
    assert mail.outbox[0].subject == mail.outbox[1].subject


def test_emails_never_mention_debt(client):
    UserFactory(email="known@example.com")
    client.post(URL, _data(email="known@example.com"))
    client.post(URL, _data(email="unknown@example.com"))

    for message in mail.outbox:
        text = message.subject + message.body
        assert "债" not in text and "催收" not in text and "debt" not in text.lower()


def test_link_lets_the_owner_choose_a_password_and_logs_in(client):
    client.post(URL, _data())

    response = client.post(_confirm_url(), _passwords())

    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_list")
    user = User.objects.get(email="new.borrower@example.com")
    assert user.is_active and user.check_password(NEW_PASSWORD)
    assert int(client.session["_auth_user_id"]) == user.pk


def test_link_works_once(client):
    client.post(URL, _data())
    url = _confirm_url()
    client.post(url, _passwords())
    client.logout()

    response = client.get(url)

    assert response.status_code == 200
    assert 'name="new_password1"' not in response.content.decode()


def test_a_forged_link_is_refused(client):
    client.post(URL, _data())
    user = User.objects.get(email="new.borrower@example.com")
    url = reverse("accounts:signup_confirm", args=["MQ", "bad-token"])

    response = client.post(url, _passwords())

    user.refresh_from_db()
    assert user.is_pending_signup
    assert response.status_code == 200


def test_a_password_reset_token_does_not_finish_a_signup(client):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    client.post(URL, _data())
    user = User.objects.get(email="new.borrower@example.com")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = reverse("accounts:signup_confirm", args=[uid, default_token_generator.make_token(user)])

    client.post(url, _passwords())

    user.refresh_from_db()
    assert user.is_pending_signup


def test_a_known_accounts_password_cannot_be_set_through_signup(client):
    UserFactory(email="new.borrower@example.com")

    client.post(URL, _data())

    assert not LINK.search(mail.outbox[-1].body)


def test_pending_account_cannot_log_in_and_gets_the_generic_message(client):
    client.post(URL, _data())

    response = client.post(
        reverse("accounts:login"), {"username": "new.borrower@example.com", "password": "x"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_signing_up_again_sends_a_new_link_to_the_same_pending_account(client):
    client.post(URL, _data())
    client.post(URL, _data(display_name="别的名字"))

    assert User.objects.filter(email="new.borrower@example.com").count() == 1
    assert User.objects.get(email="new.borrower@example.com").display_name == "小李"
    assert len(mail.outbox) == 2 and LINK.search(mail.outbox[1].body)


def test_password_mismatch_is_an_error_in_chinese(client):
    client.post(URL, _data())

    response = client.post(_confirm_url(), _passwords(again="something-else-entirely-7"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "输入的两个密码不一致。" in html
    assert 'role="alert"' in html
    assert User.objects.get(email="new.borrower@example.com").is_pending_signup


def test_weak_password_is_refused_with_djangos_chinese_message(client):
    client.post(URL, _data())

    response = client.post(_confirm_url(), _passwords("1234567890"))

    assert "这个密码太常见了。" in response.content.decode()
    assert User.objects.get(email="new.borrower@example.com").is_pending_signup


def test_short_password_is_refused_in_chinese(client):
    """Django 5.2's own zh_Hans catalogue lacks this message; ours supplies it."""
    client.post(URL, _data())

    response = client.post(_confirm_url(), _passwords("a1b2c3"))

    assert response.status_code == 200
    assert "密码太短。密码至少要有 10 个字符。" in response.content.decode()


def test_signup_without_display_name_is_allowed(client):
    response = client.post(URL, _data(display_name=""))

    assert response.status_code == 302
    assert User.objects.get(email="new.borrower@example.com").display_name == ""


def test_invalid_inputs_are_marked_and_described(client):
    response = client.post(URL, _data(email="not-an-email"))
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error" role="alert"' in html
    assert not mail.outbox


def test_logged_in_user_is_sent_to_cases(borrower_client):
    response = borrower_client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_list")


def test_signup_refuses_other_methods(client):
    assert client.put(URL).status_code == 405


def test_sent_page_has_one_h1(client):
    response = client.get(reverse("accounts:signup_sent"))
    assert response.content.decode().count("<h1") == 1


def test_service_sends_exactly_one_email_either_way():
    UserFactory(email="known@example.com")
    user_signup_request(email="known@example.com", display_name="", site_url="https://x.test/")
    user_signup_request(email="fresh@example.com", display_name="", site_url="https://x.test/")

    assert [m.to for m in mail.outbox] == [["known@example.com"], ["fresh@example.com"]]


def test_unfinished_signups_are_pruned_after_a_week(client):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    client.post(URL, _data(email="old@example.com"))
    client.post(URL, _data(email="fresh@example.com"))
    User.objects.filter(email="old@example.com").update(
        date_joined=timezone.now() - timedelta(days=8)
    )
    deactivated = UserFactory(email="deactivated@example.com", is_active=False)
    User.objects.filter(pk=deactivated.pk).update(date_joined=timezone.now() - timedelta(days=30))

    call_command("prune_signups")

    remaining = set(User.objects.values_list("email", flat=True))
    assert "old@example.com" not in remaining
    assert {"fresh@example.com", "deactivated@example.com"} <= remaining
