"""Background parsing of an uploaded phone backup."""

from __future__ import annotations

from django_tasks import task

from .services import batch_fail, batch_parse


@task()
def import_parse_task(*, batch_id: int) -> None:
    """Parse a batch's files into staging; any unexpected failure is shown on its job."""
    try:
        batch_parse(batch_id=batch_id)
    except Exception:  # the page must learn about any failure, in words a borrower reads
        batch_fail(batch_id=batch_id)
        raise
