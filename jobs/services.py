"""Create jobs and report their progress. Task bodies call these, nothing else."""

from __future__ import annotations

from django.db import transaction

from .models import Job


def job_create(*, owner, kind: str, case=None, total: int = 0) -> Job:
    """A queued job the page can poll before the worker picks it up."""
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
