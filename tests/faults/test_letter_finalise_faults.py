"""A crash while a letter is finalised leaves no PDF without its version and no version
without its PDF; the job says, in words a borrower reads, that nothing was stored; and
finalising again works.

Real transactions (transaction=True), so commits and rollbacks are the database's own.
"""

import contextlib

import pytest
from django.db import OperationalError, connections
from django.urls import reverse

from jobs.models import Job
from jobs.services import job_create
from letters import services
from letters import tasks as letter_tasks
from letters.models import LetterDraft, LetterVersion
from letters.tasks import FINALISE_FAILED, letter_finalise_task
from tests.factories import ContactFactory, LoanFactory

from .conftest import Crash, files_consistent

pytestmark = pytest.mark.django_db(transaction=True)

FAKE_PDF = b"%PDF-1.7 fake"


@pytest.fixture(autouse=True)
def fast_pdf(monkeypatch):
    """WeasyPrint is replaced: the faults under test are around the render, not in it."""
    monkeypatch.setattr(services, "html_to_pdf", lambda html: FAKE_PDF)


@pytest.fixture
def draft(case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case, owner=borrower, kind="evidence_report", fields={"loan": loan.ref}
    )


def run_job(draft) -> Job:
    job = job_create(owner=draft.owner, kind="letter_finalise", case=draft.case, total=3)
    # The task re-raises for the worker's log; the job row is what the page reads.
    with contextlib.suppress(Crash, OperationalError):
        letter_finalise_task.call(job_id=job.pk, draft_id=draft.pk)
    job.refresh_from_db()
    return job


def assert_failed_cleanly(job: Job, draft, files_before) -> None:
    assert job.status == Job.Status.FAILED
    assert job.error == FINALISE_FAILED  # no raw Python error; the page translates it
    assert not LetterVersion.objects.filter(draft=draft).exists()
    assert files_consistent(files_before) == (set(), set())


def assert_retry_stores_one_version(draft, files_before) -> None:
    job = run_job(draft)
    assert job.status == Job.Status.DONE
    version = LetterVersion.objects.get(draft=draft)
    assert version.pdf.read() == FAKE_PDF
    assert job.result["url"] == reverse("letters:letter_version_download", args=[version.pk])
    assert files_consistent(files_before) == (set(), set())


def test_crash_while_rendering(draft, crash_on, files_before):
    crash_on(services, "html_to_pdf")

    assert_failed_cleanly(run_job(draft), draft, files_before)
    assert_retry_stores_one_version(draft, files_before)


def test_crash_after_the_pdf_is_written_before_its_row(draft, crash_on, files_before):
    crash_on(LetterVersion, "save")

    assert_failed_cleanly(run_job(draft), draft, files_before)
    assert_retry_stores_one_version(draft, files_before)


def test_crash_after_the_row_is_written_while_the_job_is_finished(draft, crash_on, files_before):
    """The worst point: PDF written, version row inserted, transaction not yet committed."""
    crash_on(letter_tasks, "job_finish")

    assert_failed_cleanly(run_job(draft), draft, files_before)
    assert_retry_stores_one_version(draft, files_before)


def test_commit_itself_fails(draft, files_before, monkeypatch):
    connection = connections["default"]
    real_commit = connection.commit
    calls = {"n": 0}
    uncommitted_rows = []

    def failing_commit():
        # Other writes commit first (the case's stored findings, say); fail the commit of
        # the transaction that holds the new version row and its finished job.
        if calls["n"] == 0:
            rows = LetterVersion.objects.filter(draft=draft).count()
            if rows:
                calls["n"] += 1
                uncommitted_rows.append(rows)
                raise OperationalError("disk I/O error")
        return real_commit()

    monkeypatch.setattr(connection, "commit", failing_commit)

    job = run_job(draft)

    assert uncommitted_rows == [1]
    assert_failed_cleanly(job, draft, files_before)
    assert_retry_stores_one_version(draft, files_before)


def test_failed_job_leads_back_to_the_letter(draft, crash_on):
    crash_on(services, "html_to_pdf")

    job = run_job(draft)

    assert job.result["back_url"] == reverse("letters:letter_edit", args=[draft.pk])


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hans", "PDF 没有生成"), ("en", "The PDF could not be made")]
)
def test_job_page_shows_the_failure_in_the_readers_language(
    draft, crash_on, borrower_client, settings, language, expected
):
    crash_on(services, "html_to_pdf")
    job = run_job(draft)

    borrower_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = borrower_client.get(reverse("jobs:job_detail", args=[job.pk])).content.decode()

    assert expected in html
    assert reverse("letters:letter_edit", args=[draft.pk]) in html


def test_crash_in_a_synchronous_finalise_keeps_nothing(case, borrower, crash_on, files_before):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    draft = LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", fields={"loan": loan.ref}
    )
    crash_on(LetterVersion, "save")

    with pytest.raises(Crash):
        services.letter_finalise(draft=draft)

    assert not LetterVersion.objects.exists()
    assert files_consistent(files_before) == (set(), set())
    # Finalising again (the fault was a one-off) works.
    assert services.letter_finalise(draft=draft).pdf.read() == FAKE_PDF


def test_borrower_sees_the_failure_and_finalises_again_from_the_letter(
    draft, crash_on, borrower_client, files_before
):
    """The whole path through the pages: finalise, the job fails, its page says so and
    leads back to the letter, and finalising from there works."""
    crash_on(services, "html_to_pdf")
    finalise = reverse("letters:letter_finalise", args=[draft.pk])

    job_page = borrower_client.post(finalise)["Location"]
    html = borrower_client.get(job_page).content.decode()

    assert "PDF 没有生成" in html
    back = reverse("letters:letter_edit", args=[draft.pk])
    assert f'href="{back}"' in html
    assert borrower_client.get(back).status_code == 200
    again = borrower_client.get(borrower_client.post(finalise)["Location"]).content.decode()
    assert (
        reverse("letters:letter_version_download", args=[LetterVersion.objects.get().pk]) in again
    )
    assert files_consistent(files_before) == (set(), set())
