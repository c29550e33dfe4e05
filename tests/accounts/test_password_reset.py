import re

import pytest
from django.core import mail
from django.urls import reverse

RESET = reverse("accounts:password_reset")
NEW_PASSWORD = "silver-orchard-kettle-51"


def _reset_path(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/password/reset/[^\s]+/)", body)
    assert match, body
    return match.group(1)


@pytest.mark.django_db
def test_reset_sends_an_email_with_a_working_link(client, borrower):
    response = client.post(RESET, {"email": "BORROWER@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["borrower@example.com"]
    assert message.subject == "重设密码链接"
    # Discreet: someone else reading the inbox learns nothing about debt.
    assert "债务" not in message.subject + message.body
    assert "debt" not in (message.subject + message.body).lower()

    confirm = client.get(_reset_path(message.body), follow=True)
    assert confirm.context["validlink"] is True
    set_password_url = confirm.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")
    borrower.refresh_from_db()
    assert borrower.check_password(NEW_PASSWORD)

    # The link works once only.
    again = client.get(_reset_path(message.body))
    assert again.context["validlink"] is False


@pytest.mark.django_db
def test_unknown_email_gets_the_same_answer_and_an_email_without_a_reset_link(client, borrower):
    response = client.post(RESET, {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nobody@example.com"]
    # The same subject as a real reset email: an onlooker cannot tell them apart.
    assert message.subject == "重设密码链接"
    assert "/accounts/password/reset/" not in message.body
    assert reverse("accounts:signup") in message.body
    assert "债务" not in message.body and "debt" not in message.body.lower()


@pytest.mark.django_db
def test_pending_signup_gets_the_no_account_email(client):
    from accounts.services import user_signup_request

    user_signup_request(email="pending@example.com", display_name="", site_url="http://t/")
    mail.outbox.clear()

    client.post(RESET, {"email": "pending@example.com"})

    assert len(mail.outbox) == 1
    assert reverse("accounts:signup") in mail.outbox[0].body


@pytest.mark.django_db
def test_a_forged_link_is_refused(client, borrower):
    response = client.get(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"})
    )
    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert "这个链接已经失效" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["password_reset", "password_reset_done", "password_reset_complete"]
)
def test_reset_pages_render_with_one_h1(client, name):
    response = client.get(reverse(f"accounts:{name}"))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
