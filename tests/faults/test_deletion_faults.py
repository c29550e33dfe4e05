"""A crash in the middle of deleting a case, a contact, an evidence file or an account leaves
rows and files agreeing: rows go first and files only after the commit, so a crash before
the commit keeps both, and deleting again works.

Real transactions (transaction=True): the rollback and the on-commit file deletion are
the database's own.
"""

import pytest
from django.core.files.storage import storages
from django.db.models.deletion import Collector
from django.http import HttpRequest
from django.urls import reverse

from accounts.models import User
from cases import services
from cases.models import Case, Contact, Evidence
from imports.models import ImportBatch
from tests.cases.conftest import make_everything

from .conftest import case_files, files_consistent, stored_files

pytestmark = pytest.mark.django_db(transaction=True)


def test_deleting_a_case_deletes_every_private_file_it_held(files_before, full_case):
    held = case_files(full_case)
    assert len(held) == 4 and held <= stored_files()

    services.case_delete(case=full_case)

    assert not (held & stored_files())
    assert files_consistent(files_before) == (set(), set())


def test_crash_after_the_case_rows_are_deleted_keeps_everything(files_before, full_case, crash_on):
    held, pk = case_files(full_case), full_case.pk
    crash_on(Collector, "delete", after=True)  # rows deleted, transaction not committed

    with pytest.raises(Exception, match="injected"):
        services.case_delete(case=full_case)

    case = Case.objects.get(pk=pk)
    assert case_files(case) == held and held <= stored_files()
    assert files_consistent(files_before) == (set(), set())
    services.case_delete(case=case)  # deleting again works
    assert not Case.objects.exists() and not (held & stored_files())


def test_a_file_that_cannot_be_deleted_does_not_stop_the_others(
    files_before, full_case, crash_on, borrower_client, caplog
):
    held = case_files(full_case)
    crash_on(storages["evidence"], "delete")

    response = borrower_client.post(reverse("cases:case_delete", args=[full_case.pk]))

    assert response.status_code == 302  # the case is gone: the borrower is told so
    assert not Case.objects.exists()
    left = held & stored_files()
    assert {alias for alias, _ in left} == {"evidence"}
    missing, orphans = files_consistent(files_before)
    assert missing == set() and orphans == left
    ((_, name),) = left
    assert name in caplog.text  # logged by name, for an operator to delete


def test_crash_while_deleting_a_contact_keeps_it_and_its_evidence(
    files_before, case, borrower, crash_on
):
    contact = make_everything(case, borrower).contact
    pk = contact.pk
    crash_on(Collector, "delete", call=2, after=True)  # its evidence row is gone already

    with pytest.raises(Exception, match="injected"):
        services.contact_delete(contact=contact)

    assert Contact.objects.filter(pk=pk).exists()
    assert Evidence.objects.filter(contact_id=pk).count() == 1
    assert files_consistent(files_before) == (set(), set())


def test_crash_while_deleting_an_evidence_file_keeps_row_and_file(
    files_before, case, borrower, crash_on, borrower_client
):
    evidence = make_everything(case, borrower).evidence
    crash_on(Collector, "delete", after=True)
    url = reverse("cases:evidence_delete", args=[case.pk, evidence.pk])

    with pytest.raises(Exception, match="injected"):
        borrower_client.post(url)

    assert Evidence.objects.filter(file=evidence.file.name).exists()
    assert storages["evidence"].exists(evidence.file.name)
    assert files_consistent(files_before) == (set(), set())
    assert borrower_client.post(url).status_code == 302  # deleting again works
    assert not storages["evidence"].exists(evidence.file.name)
    assert files_consistent(files_before) == (set(), set())


def test_crash_while_deleting_an_account_keeps_it_whole(
    files_before, full_case, borrower, password, client, crash_on
):
    held = case_files(full_case)
    client.force_login(borrower)
    crash_on(Collector, "delete", after=True)
    url = reverse("accounts:account_delete")

    with pytest.raises(Exception, match="injected"):
        client.post(url, {"password": password, "confirm": "on"})

    assert User.objects.filter(email=borrower.email).exists()
    assert Case.objects.filter(title=full_case.title).exists()
    assert held <= stored_files()
    assert files_consistent(files_before) == (set(), set())
    # Signed out by the attempt; signing in again and deleting again works.
    assert client.login(request=HttpRequest(), email=borrower.email, password=password)
    assert client.post(url, {"password": password, "confirm": "on"}).status_code == 302
    assert not User.objects.filter(email=borrower.email).exists()
    assert not (held & stored_files())
    assert files_consistent(files_before) == (set(), set())


def test_discarding_an_import_deletes_its_pending_files(files_before, full_case):
    from imports.services import batch_discard

    for batch in ImportBatch.objects.filter(case=full_case):
        batch_discard(batch=batch)

    assert not ImportBatch.objects.exists()
    assert files_consistent(files_before) == (set(), set())
