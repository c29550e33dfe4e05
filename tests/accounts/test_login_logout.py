import pytest
from django.urls import reverse

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")


@pytest.mark.django_db
def test_login_with_email_in_any_case_redirects_to_cases(client, borrower, password):
    response = client.post(LOGIN, {"username": "Borrower@Example.com", "password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_list")
    assert int(client.session["_auth_user_id"]) == borrower.pk


@pytest.mark.django_db
def test_login_follows_a_safe_next(client, borrower, password):
    response = client.post(
        LOGIN, {"username": borrower.email, "password": password, "next": "/accounts/profile/"}
    )
    assert response["Location"] == "/accounts/profile/"


@pytest.mark.django_db
def test_login_ignores_an_offsite_next(client, borrower, password):
    response = client.post(
        LOGIN,
        {"username": borrower.email, "password": password, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("cases:case_list")


@pytest.mark.django_db
def test_wrong_password_shows_an_error_and_does_not_log_in(client, borrower):
    response = client.post(LOGIN, {"username": borrower.email, "password": "wrong-password"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "电子邮箱或密码不正确" in html
    assert 'role="alert"' in html


@pytest.mark.django_db
def test_unknown_email_gets_the_same_error_as_a_wrong_password(client, borrower):
    wrong_password = client.post(LOGIN, {"username": borrower.email, "password": "nope-nope"})
    unknown = client.post(LOGIN, {"username": "nobody@example.com", "password": "nope-nope"})
    assert (
        wrong_password.context["form"].non_field_errors()
        == unknown.context["form"].non_field_errors()
    )


@pytest.mark.django_db
def test_logout_by_post_logs_out(borrower_client):
    response = borrower_client.post(LOGOUT)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "_auth_user_id" not in borrower_client.session


@pytest.mark.django_db
def test_logout_by_get_is_not_allowed(borrower_client, borrower):
    response = borrower_client.get(LOGOUT)
    assert response.status_code == 405
    assert int(borrower_client.session["_auth_user_id"]) == borrower.pk


@pytest.mark.django_db
def test_login_page_has_one_h1_and_links_to_reset_and_signup(client):
    html = client.get(LOGIN).content.decode()
    assert html.count("<h1") == 1
    assert reverse("accounts:password_reset") in html
    assert reverse("accounts:signup") in html
