import pytest

pytestmark = pytest.mark.django_db
FORM = {
    "email": "next@example.com",
    "display_name": "小陈",
    "password1": "a-long-pass-2026",
    "password2": "a-long-pass-2026",
}


def test_signup_goes_on_to_a_next_page_on_this_site(client):
    response = client.post("/accounts/signup/", {**FORM, "next": "/check/save/"})
    assert response.status_code == 302 and response.url == "/check/save/"


def test_signup_ignores_a_next_page_on_another_site(client):
    response = client.post("/accounts/signup/", {**FORM, "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == "/cases/"


def test_the_signup_form_carries_the_next_page(client):
    html = client.get("/accounts/signup/?next=/check/save/").content.decode()
    assert '<input type="hidden" name="next" value="/check/save/">' in html


def test_the_login_page_passes_the_next_page_on_to_sign_up(client):
    html = client.get("/accounts/login/?next=/check/save/").content.decode()
    assert 'href="/accounts/signup/?next=/check/save/"' in html
