from django.core.files.storage import storages
from django.urls import reverse

from accounts.models import User
from cases.models import Case
from tests.cases.conftest import make_everything
from tests.factories import CaseFactory

URL = reverse("accounts:account_delete")


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_get_shows_the_warning_and_deletes_nothing(borrower_client, borrower, case):
    response = borrower_client.get(URL)
    assert response.status_code == 200
    assert User.objects.filter(pk=borrower.pk).exists()
    assert Case.objects.filter(pk=case.pk).exists()


def test_wrong_password_keeps_everything(borrower_client, borrower, case):
    response = borrower_client.post(URL, {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert User.objects.filter(pk=borrower.pk).exists()
    assert Case.objects.filter(pk=case.pk).exists()


def test_missing_confirmation_keeps_everything(borrower_client, borrower, password):
    borrower_client.post(URL, {"password": password})
    assert User.objects.filter(pk=borrower.pk).exists()


def test_delete_removes_the_account_its_cases_and_files(
    borrower_client, borrower, case, password, other_borrower, django_capture_on_commit_callbacks
):
    evidence = make_everything(case, borrower).evidence.file.name
    others_case = CaseFactory(owner=other_borrower)
    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(URL, {"password": password, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=borrower.pk).exists()
    assert not Case.objects.filter(owner_id=borrower.pk).exists()
    assert not storages["evidence"].exists(evidence)
    assert Case.objects.filter(pk=others_case.pk).exists()
    # The session ended with the account.
    assert borrower_client.get(reverse("cases:case_list")).status_code == 302


def test_delete_rejects_put(borrower_client):
    assert borrower_client.put(URL).status_code == 405
