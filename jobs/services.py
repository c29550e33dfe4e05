"""Create jobs and report their progress. Task bodies call these, nothing else."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Job

#: A job still waiting or running after this long is stuck, not pending: it no longer
#: counts against its owner's quota (the worker would have finished or failed it).
PENDING_FOR_AT_MOST = timedelta(hours=6)


class QuotaExceeded(Exception):
    """One person asked for more waiting work than they may have. The message is translated."""


def owner_lock(owner) -> None:
    """Serialise quota checks per person: a row lock on the user where the database has them."""
    get_user_model().objects.select_for_update().filter(pk=owner.pk).first()


def pending_jobs(*, owner) -> int:
    """How many of the person's jobs are waiting or running (stuck ones left out)."""
    return Job.objects.filter(
        owner=owner,
        status__in=[Job.Status.QUEUED, Job.Status.RUNNING],
        created_at__gte=timezone.now() - PENDING_FOR_AT_MOST,
    ).count()


@transaction.atomic
def job_create(*, owner, kind: str, case=None, total: int = 0, quota: bool = True) -> Job:
    """A queued job the page can poll before the worker picks it up.

    Raises QuotaExceeded when the owner already has SELFHELP_MAX_PENDING_JOBS jobs
    waiting or running, so one person cannot fill the shared queue; `quota=False` is for
    server commands, which run their work themselves.
    """
    if quota:
        owner_lock(owner)
        count, limit = pending_jobs(owner=owner), settings.SELFHELP_MAX_PENDING_JOBS
        if count >= limit:
            raise QuotaExceeded(
                _(
                    "You already have %(count)s tasks waiting or running; at most %(limit)s "
                    "can wait at a time. When one has finished, try again."
                )
                % {"count": count, "limit": limit}
            )
    job = Job(owner=owner, case=case, kind=kind, total=total)
    job.full_clean()
    job.save()
    return job


def job_progress(*, job_id: int, done: int, total: int | None = None, message: str = "") -> None:
    """Record progress without touching other fields (cheap enough to call per batch)."""
    fields = {"done": done, "status": Job.Status.RUNNING}
    if total is not None:
        fields["total"] = total
    if message:
        fields["message"] = message[:300]
    Job.objects.filter(pk=job_id).update(**fields)


def job_finish(*, job_id: int, result: dict | None = None) -> None:
    """Mark the job done and store what the page needs to show the result.

    `result` may hold "url" and "label" (the result itself) and "back_url" and
    "back_label" (the page the job was started from). The last progress message
    ("rendering…") is cleared: it no longer describes the job.
    """
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        job.status = Job.Status.DONE
        job.done = job.total or job.done
        job.result = result or {}
        job.message = ""
        job.save(update_fields=["status", "done", "result", "message", "updated_at"])


def job_fail(*, job_id: int, error: str, result: dict | None = None) -> None:
    """Mark the job failed with a message the user can read.

    `error` may be a message id marked with gettext_noop: the job page translates it
    into the reader's language (text already translated is shown as it is). `result`
    may hold "back_url" and "back_label", the page to go back to and try again.
    """
    fields = {"status": Job.Status.FAILED, "error": error[:2000]}
    if result is not None:
        fields["result"] = result
    Job.objects.filter(pk=job_id).update(**fields)
