from zoneinfo import ZoneInfo

import pytest
from django.core import signing

from cases.models import Case, Contact
from checker.services import messages_save_token
from checker.views import SESSION_TOKEN
from tests.checker.conftest import FAKE_PAPER, REMINDER, THREAT
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
DATA = {"messages": [THREAT, REMINDER, FAKE_PAPER], "recipient": "borrower", "when": "night"}


def save_token_make(data):
    return messages_save_token(**data, objected=False)


def _start(client, token=None):
    return client.post("/check/save/start/?lang=en", {"token": token or save_token_make(DATA)})


def test_the_check_answer_carries_a_signed_token_to_save(client):
    html = client.post(
        "/check/", {"messages": THREAT, "recipient": "borrower", "time": "day", "objected": "no"}
    ).content.decode()
    assert 'action="/check/save/start/?lang=zh-hans"' in html and 'name="token"' in html


def test_anonymous_save_asks_to_log_in_or_sign_up_and_stores_no_contact(client):
    response = _start(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert "/accounts/signup/?next=/check/save/" in html
    assert "/accounts/login/?next=/check/save/" in html
    assert Contact.objects.count() == 0
    assert client.session.get_expiry_age() == 3600


def test_sign_up_then_save_to_a_new_case_round_trip(client):
    from tests.accounts.test_signup_next import emailed_link, finish

    _start(client)
    client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "display_name": "小王", "next": "/check/save/"},
    )
    response = finish(client, emailed_link())
    assert response.status_code == 302 and response.url == "/check/save/"
    page = client.get("/check/save/")
    assert THREAT in page.content.decode()
    response = client.post(
        "/check/save/", {"token": page.context["form"]["token"].value(), "case": "new"}
    )
    case = Case.objects.get(owner__email="new@example.com")
    assert response.status_code == 302 and response.url == f"/cases/{case.pk}/"
    contents = sorted(case.contacts.values_list("content", "channel", "target"))
    assert contents == sorted((m, "sms", "borrower") for m in DATA["messages"])
    assert {c.occurred_at.astimezone(SHANGHAI).hour for c in case.contacts.all()} == {23}
    assert SESSION_TOKEN not in client.session
    assert client.session.get_expiry_age() > 3600  # the login lasts as usual


def test_log_in_then_save_to_an_existing_case(client, borrower, password):
    case = CaseFactory(owner=borrower)
    _start(client)
    client.post(
        "/accounts/login/",
        {"username": borrower.email, "password": password, "next": "/check/save/"},
    )
    token = client.get("/check/save/").context["form"]["token"].value()
    client.post("/check/save/", {"token": token, "case": str(case.pk)})
    assert case.contacts.count() == 3


def test_a_logged_in_borrower_goes_straight_to_the_choice(client, borrower):
    client.force_login(borrower)
    response = _start(client)
    assert response.status_code == 302 and response.url == "/check/save/"


def test_someone_elses_case_cannot_be_chosen(client, borrower, other_borrower):
    theirs = CaseFactory(owner=other_borrower)
    client.force_login(borrower)
    response = client.post("/check/save/", {"token": save_token_make(DATA), "case": str(theirs.pk)})
    assert response.status_code == 200 and response.context["form"].errors["case"]
    assert theirs.contacts.count() == 0


def test_a_forged_token_is_refused(client):
    forged = signing.dumps(DATA, salt="another-salt", compress=True)
    assert _start(client, forged).status_code == 400
    assert SESSION_TOKEN not in client.session


def test_an_expired_token_saves_nothing(client, borrower, monkeypatch):
    token = save_token_make(DATA)
    monkeypatch.setattr("checker.services.SAVE_MAX_AGE", -1)
    client.force_login(borrower)
    client.cookies["django_language"] = "en"  # after log-in, the app's usual language choice
    response = client.post("/check/save/", {"token": token, "case": "new"})
    assert "This link has expired" in response.content.decode()
    assert Case.objects.count() == 0


def test_the_choice_needs_a_login(client):
    response = client.get("/check/save/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_choice_page_without_a_token_says_so(client, borrower):
    client.force_login(borrower)
    client.cookies["django_language"] = "en"
    assert "nothing waiting to be saved" in client.get("/check/save/").content.decode()
