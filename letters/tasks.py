"""Background rendering of the evidence report (it can run to many pages)."""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from jobs.models import Job
from jobs.services import job_fail, job_finish, job_progress

from .models import LetterDraft, LetterVersion
from .services import LetterIncomplete, letter_finalise

logger = logging.getLogger(__name__)

#: Shown on the job page, translated there into the reader's language. The Python error
#: goes to the log only: it means nothing to a borrower and can leak internals.
FINALISE_FAILED = gettext_noop(
    "The PDF could not be made, and nothing was stored. Go back to the letter and "
    "finalise it again. If this happens again, try later."
)


@task()
def letter_finalise_task(*, job_id: int, draft_id: int) -> None:
    """Render and store a draft's PDF, reporting progress on the job the page polls.

    Safe to run again after a worker died mid-way: a job already finished or
    failed is left alone, and the version is stored in the same transaction
    that finishes the job, so a retry never stores a second copy.
    """
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_finished:
        return

    def finish(version: LetterVersion) -> None:
        job_finish(
            job_id=job_id,
            result={
                "url": reverse("letters:letter_version_download", args=[version.pk]),
                "label": str(_("Download the PDF")),
                "back_url": reverse("letters:letter_edit", args=[draft_id]),
                "back_label": str(_("Back to the letter")),
            },
        )

    back = {
        "back_url": reverse("letters:letter_edit", args=[draft_id]),
        "back_label": str(_("Back to the letter")),
    }
    try:
        draft = LetterDraft.objects.select_related("case").get(pk=draft_id)
        job_progress(job_id=job_id, done=1, total=3, message=_("Rendering the PDF"))
        letter_finalise(draft=draft, on_stored=finish)
    except LetterIncomplete as exc:  # the missing items, in words the borrower wrote them
        job_fail(job_id=job_id, error=str(exc), result=back)
        raise
    except Exception:  # the page must learn about any failure
        logger.exception("Finalising letter draft %s failed (job %s)", draft_id, job_id)
        job_fail(job_id=job_id, error=FINALISE_FAILED, result=back)
        raise
