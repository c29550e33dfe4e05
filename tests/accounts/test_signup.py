import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import UserFactory

User = get_user_model()
URL = reverse("accounts:signup")
NEW_PASSWORD = "walnut-lantern-river-42"


def _data(**overrides):
    data = {
        "email": "new.borrower@example.com",
        "display_name": "小李",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signup_page_renders_one_h1_and_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'name="email"' in html and 'name="password1"' in html and 'name="password2"' in html
    assert 'name="display_name"' in html


@pytest.mark.django_db
def test_signup_creates_account_logs_in_and_redirects_to_cases(client):
    response = client.post(URL, _data(email="New.Borrower@Example.com"))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_list")
    user = User.objects.get(email="new.borrower@example.com")
    assert user.display_name == "小李"
    assert user.check_password(NEW_PASSWORD)
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_signup_without_display_name_is_allowed(client):
    response = client.post(URL, _data(display_name=""))
    assert response.status_code == 302
    assert User.objects.get(email="new.borrower@example.com").display_name == ""


@pytest.mark.django_db
def test_duplicate_email_is_refused_with_a_neutral_message(client):
    UserFactory(email="new.borrower@example.com")
    response = client.post(URL, _data(email="NEW.borrower@example.com"))
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="new.borrower@example.com").count() == 1
    assert "_auth_user_id" not in client.session
    errors = response.context["form"].errors["email"]
    assert errors == ["此电子邮箱无法用于注册。如果您已经有账户，请登录或重设密码。"]
    # The message never states that an account exists.
    assert "已存在" not in response.content.decode()


@pytest.mark.django_db
def test_password_mismatch_is_an_error_in_chinese(client):
    response = client.post(URL, _data(password2="something-else-entirely-7"))
    assert response.status_code == 200
    assert not User.objects.exists()
    html = response.content.decode()
    assert "输入的两个密码不一致。" in html
    assert 'role="alert"' in html


@pytest.mark.django_db
def test_weak_password_is_refused_with_djangos_chinese_message(client):
    response = client.post(URL, _data(password1="12345678", password2="12345678"))
    assert response.status_code == 200
    assert not User.objects.exists()
    assert "这个密码太常见了。" in response.content.decode()


@pytest.mark.django_db
def test_invalid_inputs_are_marked_and_described(client):
    response = client.post(URL, _data(email="not-an-email"))
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error" role="alert"' in html


@pytest.mark.django_db
def test_logged_in_user_is_sent_to_cases(borrower_client):
    response = borrower_client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_list")


@pytest.mark.django_db
def test_signup_refuses_other_methods(client):
    assert client.put(URL).status_code == 405


@pytest.mark.django_db
def test_short_password_is_refused_in_chinese(client):
    """Django 5.2's own zh_Hans catalogue lacks this message; ours supplies it."""
    response = client.post(URL, _data(password1="a1b2c3", password2="a1b2c3"))
    assert response.status_code == 200
    assert not User.objects.exists()
    assert "密码太短。密码至少要有 8 个字符。" in response.content.decode()
