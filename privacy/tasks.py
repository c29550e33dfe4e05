"""Background building of the personal-data export."""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from jobs.models import Job
from jobs.services import job_fail, job_finish, job_progress

from .models import PersonalDataExport
from .services import data_export_build

logger = logging.getLogger(__name__)


@task()
def data_export_task(*, job_id: int, export_id: int) -> None:
    """Build the zip, reporting progress on the job the page polls. Safe to run again."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_finished:
        return

    def finish(export: PersonalDataExport) -> None:
        job_finish(
            job_id=job_id,
            result={
                "url": reverse("privacy:data_export_download", args=[export.pk]),
                "label": str(_("Download your data")),
                "back_url": reverse("privacy:data_export"),
                "back_label": str(_("Back to your data")),
            },
        )

    def progress(done: int, total: int) -> None:
        job_progress(job_id=job_id, done=done, total=total, message=_("Copying your cases"))

    try:
        data_export_build(export_id=export_id, progress=progress, on_stored=finish)
    except Exception:
        logger.exception("Personal-data export %s failed", export_id)
        job_fail(
            job_id=job_id,
            error=_("Your data could not be copied. Please try again; if it fails again, tell us."),
        )
        raise
