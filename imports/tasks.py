"""Background reading of an uploaded phone backup or screenshots."""

from __future__ import annotations

import logging

from django_tasks import task

from .services import batch_fail, batch_parse

logger = logging.getLogger(__name__)


@task()
def import_parse_task(*, batch_id: int) -> None:
    """Parse a batch's files into staging; any unexpected failure is shown on its job."""
    try:
        batch_parse(batch_id=batch_id)
    except Exception:  # the page must learn about any failure, in words a borrower reads
        batch_fail(batch_id=batch_id)
        raise


@task()
def screenshots_read_task(*, batch_id: int) -> None:
    """OCR and read a batch's screenshots; any unexpected failure is shown on its job."""
    from .screenshots import screenshots_error_message, screenshots_read, screenshots_read_failed

    try:
        screenshots_read(batch_id=batch_id)
    except Exception:  # the page must learn about any failure, in words a borrower reads
        logger.exception("Screenshots of import batch %s could not be read", batch_id)
        screenshots_read_failed(batch_id=batch_id, error=screenshots_error_message())
        raise
