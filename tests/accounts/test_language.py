import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import UserFactory

make_token = default_token_generator.make_token

LOGIN = reverse("accounts:login")


@pytest.mark.django_db
def test_default_language_is_chinese(client):
    response = client.get(LOGIN)
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "<h1>登录</h1>" in html
    assert "忘记密码了？" in html


@pytest.mark.django_db
def test_login_page_renders_in_english_on_request(client):
    response = client.get(LOGIN, headers={"accept-language": "en"})
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Log in</h1>" in html
    assert "Forgot your password?" in html


@pytest.mark.django_db
def test_language_switch_to_english_then_back_to_chinese(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    html = client.get(LOGIN).content.decode()
    assert "<h1>Log in</h1>" in html
    # The switch offers the other language.
    assert 'value="zh-hans"' in html

    client.post(reverse("set_language"), {"language": "zh-hans", "next": LOGIN})
    assert "<h1>登录</h1>" in client.get(LOGIN).content.decode()


@pytest.mark.django_db
def test_language_switch_ignores_an_offsite_next(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_django_auth_messages_are_in_english_after_switching(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    user = UserFactory(email="a@example.com")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = reverse("accounts:password_reset_confirm", args=[uid, "set-password"])
    client.get(reverse("accounts:password_reset_confirm", args=[uid, make_token(user)]))
    response = client.post(
        url, {"new_password1": "abc-def-ghi-1", "new_password2": "zzz-def-ghi-1"}
    )
    assert "The two password fields didn’t match." in response.content.decode()


@pytest.mark.django_db
def test_home_page_renders_in_chinese_by_default(client):
    html = client.get(reverse("home")).content.decode()
    assert "被催收骚扰" in html


@pytest.mark.django_db
def test_language_switch_names_each_language_in_itself(client):
    chinese_page = client.get(LOGIN).content.decode()
    assert 'lang="en" class="link-button">English</button>' in chinese_page
    english_page = client.get(LOGIN, headers={"accept-language": "en"}).content.decode()
    assert 'lang="zh-Hans" class="link-button">简体中文</button>' in english_page
