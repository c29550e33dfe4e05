"""One person cannot fill the shared queue: jobs waiting or running are capped per person."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs.models import Job
from jobs.services import QuotaExceeded, job_create, job_finish
from letters.models import LetterDraft
from tests.factories import CaseFactory, LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, settings):
    """Assertions quote the English wording; one test checks the Chinese."""
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def limit(settings):
    settings.SELFHELP_MAX_PENDING_JOBS = 2
    return 2


def test_a_job_over_the_quota_is_refused_with_a_message(borrower, case, limit):
    for _ in range(limit):
        job_create(owner=borrower, kind="smoke", case=case)
    with pytest.raises(QuotaExceeded, match="2 tasks waiting or running; at most 2"):
        job_create(owner=borrower, kind="smoke", case=case)
    assert Job.objects.count() == limit


def test_a_finished_job_frees_its_place(borrower, case, limit):
    first = job_create(owner=borrower, kind="smoke", case=case)
    job_create(owner=borrower, kind="smoke", case=case)
    job_finish(job_id=first.pk)
    job_create(owner=borrower, kind="smoke", case=case)


def test_another_persons_jobs_do_not_count(borrower, other_borrower, case, limit):
    theirs = CaseFactory(owner=other_borrower)
    for _ in range(limit):
        job_create(owner=other_borrower, kind="smoke", case=theirs)
    job_create(owner=borrower, kind="smoke", case=case)


def test_a_job_stuck_for_hours_no_longer_counts(borrower, case, limit):
    for _ in range(limit):
        job_create(owner=borrower, kind="smoke", case=case)
    Job.objects.update(created_at=timezone.now() - timedelta(hours=7))
    job_create(owner=borrower, kind="smoke", case=case)


def test_server_commands_may_go_past_the_quota(borrower, case, limit):
    for _ in range(limit + 1):
        job_create(owner=borrower, kind="smoke", case=case, quota=False)


def test_the_message_is_translated(borrower, case, limit):
    from django.utils import translation

    for _ in range(limit):
        job_create(owner=borrower, kind="smoke", case=case)
    with translation.override("zh-hans"), pytest.raises(QuotaExceeded) as info:
        job_create(owner=borrower, kind="smoke", case=case)
    assert "您已有 2 个任务" in str(info.value)


def test_finalising_a_report_over_the_quota_says_so_and_queues_nothing(
    borrower_client, borrower, case, limit, django_capture_on_commit_callbacks
):
    LoanFactory(case=case)
    for _ in range(limit):
        job_create(owner=borrower, kind="smoke", case=case)
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report", fields={})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = borrower_client.post(
            reverse("letters:letter_finalise", args=[draft.pk]), follow=True
        )
    assert response.redirect_chain[-1][0] == reverse("letters:letter_edit", args=[draft.pk])
    assert "2 tasks waiting or running" in response.content.decode()
    assert Job.objects.filter(kind="letter_finalise").count() == 0
    assert callbacks == []
