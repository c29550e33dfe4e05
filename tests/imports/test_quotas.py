"""One person cannot fill the disk or the worker with uploads: imports waiting to be read and
the bytes kept for checking are capped per person, with a message that says what to do."""

from datetime import timedelta

import pytest
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone

from imports import services
from imports.models import ImportBatch
from imports.services import batch_create, batch_discard
from jobs.services import QuotaExceeded
from tests.factories import CaseFactory

from .conftest import SMS_SAMPLE, upload

pytestmark = pytest.mark.django_db


def pending_files() -> list[str]:
    storage = storages["default"]
    return storage.listdir(services.PENDING_DIR)[1] if storage.exists(services.PENDING_DIR) else []


@pytest.fixture
def quotas(settings):
    settings.SELFHELP_MAX_PENDING_IMPORTS = 2
    settings.SELFHELP_MAX_PENDING_UPLOAD_BYTES = 10 * len(SMS_SAMPLE)
    settings.SELFHELP_MAX_PENDING_JOBS = 10


@pytest.fixture
def cleanup(django_capture_on_commit_callbacks):
    """Throw the batches away, files included (their deletion waits for the commit)."""
    yield
    with django_capture_on_commit_callbacks(execute=True):
        for batch in ImportBatch.objects.all():
            batch_discard(batch=batch)


def new_batch(case, owner, data=SMS_SAMPLE):
    return batch_create(case=case, owner=owner, uploads=[upload("sms.xml", data)])


def test_a_third_import_waiting_to_be_read_is_refused(case, borrower, quotas, cleanup):
    new_batch(case, borrower)
    new_batch(case, borrower)
    before = pending_files()
    with pytest.raises(QuotaExceeded, match="2 imports being read; at most 2"):
        new_batch(case, borrower)
    assert ImportBatch.objects.count() == 2
    assert pending_files() == before


def test_a_read_import_frees_its_place(case, borrower, quotas, cleanup):
    first = new_batch(case, borrower)
    new_batch(case, borrower)
    services.batch_parse(batch_id=first.pk)
    new_batch(case, borrower)


def test_uploads_over_the_byte_quota_are_refused(case, borrower, settings, quotas, cleanup):
    settings.SELFHELP_MAX_PENDING_UPLOAD_BYTES = len(SMS_SAMPLE) * 3 // 2
    new_batch(case, borrower)
    with pytest.raises(QuotaExceeded, match="more than the"):
        new_batch(case, borrower)
    assert ImportBatch.objects.count() == 1


def test_another_persons_uploads_do_not_count(case, borrower, other_borrower, quotas, cleanup):
    theirs = CaseFactory(owner=other_borrower)
    new_batch(theirs, other_borrower)
    new_batch(theirs, other_borrower)
    new_batch(case, borrower)


def test_an_import_stuck_for_hours_no_longer_counts(case, borrower, quotas, cleanup):
    new_batch(case, borrower)
    new_batch(case, borrower)
    ImportBatch.objects.update(created_at=timezone.now() - timedelta(hours=7))
    new_batch(case, borrower)


def test_the_upload_page_shows_the_quota_message_and_keeps_nothing(
    case, borrower, borrower_client, quotas, cleanup
):
    new_batch(case, borrower)
    new_batch(case, borrower)
    before = pending_files()
    response = borrower_client.post(
        reverse("imports:import_upload", args=[case.pk]),
        {"files": [upload("sms.xml", SMS_SAMPLE)]},
    )
    assert response.status_code == 200
    assert "2 imports being read; at most 2" in response.content.decode()
    assert ImportBatch.objects.count() == 2
    assert pending_files() == before


def test_screenshot_upload_counts_against_the_same_quota(
    case, borrower, borrower_client, quotas, cleanup
):
    from tests.imports.test_text_limits import png_bytes

    new_batch(case, borrower)
    new_batch(case, borrower)
    response = borrower_client.post(
        reverse("imports:screenshot_upload", args=[case.pk]),
        {"files": [upload("shot.png", png_bytes())]},
    )
    assert "2 imports being read" in response.content.decode()
    assert not ImportBatch.objects.filter(source=ImportBatch.Source.SCREENSHOTS).exists()


def test_import_command_is_not_held_to_the_quota(case, borrower, quotas, cleanup, tmp_path):
    import io
    import json

    from django.core.management import call_command

    new_batch(case, borrower)
    new_batch(case, borrower)
    path = tmp_path / "sms.xml"
    path.write_bytes(SMS_SAMPLE)
    out = io.StringIO()
    call_command("import_phone_backup", str(case.pk), str(path), stdout=out)
    assert json.loads(out.getvalue())["added"] >= 1
