"""The app's background tasks run through Redis (django-tasks-rq) exactly as through the database.

These tests talk to a real Redis at 127.0.0.1:6379 (it runs on the development
machines and in CI). They use Redis database 15 only, and flush only that one.
A worker runs in-process (RQ's SimpleWorker, burst mode), so it shares the
test's database connection and sees the rows the test made.
"""

import signal

import django_rq
import django_tasks_rq
import pytest
import redis
from django.test import override_settings
from django.urls import reverse
from rq import SimpleWorker

from jobs.models import Job
from letters.models import LetterDraft, LetterVersion
from tests.factories import ContactFactory, LoanFactory

REDIS_TEST_URL = "redis://127.0.0.1:6379/15"

RQ_SETTINGS = {
    "TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
    "RQ_QUEUES": {"default": {"URL": REDIS_TEST_URL, "DEFAULT_TIMEOUT": 120}},
}


@pytest.fixture
def rq_redis():
    """Database 15 of the local Redis, empty before and after the test; skip if Redis is down."""
    connection = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.skip(f"Redis is not reachable at {REDIS_TEST_URL} ({exc}); start redis-server")
    connection.flushdb()
    # django-tasks rebuilds its backends when TASKS changes (a setting_changed receiver).
    with override_settings(**RQ_SETTINGS):
        yield connection
    connection.flushdb()
    connection.close()


def run_worker_until_empty() -> None:
    """Run every queued job in this process (as `rqworker --burst` would), then return."""
    queue = django_rq.get_queue("default", job_class=django_tasks_rq.Job)
    worker = SimpleWorker([queue], connection=queue.connection, job_class=django_tasks_rq.Job)
    # The worker installs its own SIGINT/SIGTERM handlers; give pytest its own back.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker.work(burst=True, with_scheduler=False)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


@pytest.mark.django_db
def test_evidence_report_finalises_through_redis_worker(
    rq_redis, borrower_client, case, borrower, django_capture_on_commit_callbacks
):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    ContactFactory(case=case, loan=loan)
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report", fields={})

    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))

    assert response.status_code == 302
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job_detail", args=[job.pk])
    # Enqueued in Redis, not run yet: nothing has rendered.
    assert job.status == Job.Status.QUEUED
    queue = django_rq.get_queue("default")
    assert queue.count == 1
    assert not LetterVersion.objects.filter(draft=draft).exists()

    run_worker_until_empty()

    assert queue.count == 0
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert job.done == job.total == 3
    version = LetterVersion.objects.get(draft=draft)
    assert job.result["url"] == reverse("letters:letter_version_download", args=[version.pk])
    assert version.finalised_at is not None
    with version.pdf.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"
    assert version.size > 1000


@pytest.mark.django_db
def test_task_result_is_readable_back_from_redis(rq_redis, case, borrower):
    from django_tasks import TaskResultStatus

    from jobs.services import job_create
    from letters.tasks import letter_finalise_task

    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report", fields={})
    job = job_create(owner=borrower, kind="letter_finalise", case=case, total=3)

    result = letter_finalise_task.enqueue(job_id=job.pk, draft_id=draft.pk)
    assert result.backend == "default"
    assert letter_finalise_task.get_backend().__class__.__name__ == "RQBackend"
    assert letter_finalise_task.get_result(result.id).status == TaskResultStatus.READY

    run_worker_until_empty()

    fetched = letter_finalise_task.get_result(result.id)
    assert fetched.status == TaskResultStatus.SUCCESSFUL
    assert fetched.errors == []


@pytest.mark.django_db
def test_failing_task_marks_job_failed_and_result_failed(rq_redis, case, borrower):
    from django_tasks import TaskResultStatus

    from jobs.services import job_create
    from letters.tasks import FINALISE_FAILED, letter_finalise_task

    job = job_create(owner=borrower, kind="letter_finalise", case=case, total=3)
    missing_draft = 999_999

    result = letter_finalise_task.enqueue(job_id=job.pk, draft_id=missing_draft)
    run_worker_until_empty()

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == FINALISE_FAILED  # the DoesNotExist goes to the log only
    fetched = letter_finalise_task.get_result(result.id)
    assert fetched.status == TaskResultStatus.FAILED
    assert fetched.errors[0].exception_class_path.endswith("DoesNotExist")
