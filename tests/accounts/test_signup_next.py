"""Sign-up carries a `next` page on this site through the emailed link to the end."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db
FORM = {"email": "next@example.com", "display_name": "小陈"}
PASSWORD = {"new_password1": "a-long-pass-2026", "new_password2": "a-long-pass-2026"}


def emailed_link() -> str:
    return re.search(r"https?://\S+/accounts/signup/\S+", mail.outbox[-1].body).group(0)


def finish(client, link: str):
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    fields = dict(PASSWORD)
    carried = re.search(r'<input type="hidden" name="next" value="([^"]*)">', page.content.decode())
    if carried:
        fields["next"] = carried.group(1)
    return client.post("/" + path.split("?")[0], fields)


def test_signup_goes_on_to_a_next_page_on_this_site(client):
    client.post("/accounts/signup/", {**FORM, "next": "/check/save/"})
    link = emailed_link()
    assert "next=%2Fcheck%2Fsave%2F" in link
    response = finish(client, link)
    assert response.status_code == 302 and response.url == "/check/save/"


def test_signup_ignores_a_next_page_on_another_site(client):
    client.post("/accounts/signup/", {**FORM, "next": "https://evil.example/"})
    link = emailed_link()
    assert "evil" not in link
    response = finish(client, link)
    assert response.status_code == 302 and response.url == "/cases/"


def test_the_signup_form_carries_the_next_page(client):
    html = client.get("/accounts/signup/?next=/check/save/").content.decode()
    assert '<input type="hidden" name="next" value="/check/save/">' in html


def test_the_login_page_passes_the_next_page_on_to_sign_up(client):
    html = client.get("/accounts/login/?next=/check/save/").content.decode()
    assert 'href="/accounts/signup/?next=/check/save/"' in html
