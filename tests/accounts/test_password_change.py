import pytest
from django.urls import reverse

URL = reverse("accounts:password_change")
NEW_PASSWORD = "quiet-harbour-maple-93"


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_password_change_saves_the_new_password_and_keeps_the_session(
    borrower_client, borrower, password
):
    response = borrower_client.post(
        URL,
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change_done")
    borrower.refresh_from_db()
    assert borrower.check_password(NEW_PASSWORD)
    assert borrower_client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_wrong_old_password_is_refused_in_chinese(borrower_client, borrower, password):
    response = borrower_client.post(
        URL,
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    borrower.refresh_from_db()
    assert borrower.check_password(password)
    assert "你的旧密码不正确。请重新输入。" in response.content.decode()


@pytest.mark.django_db
def test_password_change_done_page_renders(borrower_client):
    response = borrower_client.get(reverse("accounts:password_change_done"))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
