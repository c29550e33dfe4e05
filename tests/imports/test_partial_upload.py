import pytest
from django.urls import reverse

from imports.models import ImportBatch

from .conftest import SMS_SAMPLE, upload

pytestmark = pytest.mark.django_db

CUT = SMS_SAMPLE[: SMS_SAMPLE.index(b"<mms") + 20]


def post(client, case, capture, **extra):
    with capture(execute=True):
        return client.post(
            reverse("imports:import_upload", args=[case.pk]),
            {"files": [upload("sms.xml", CUT)], **extra},
        )


def test_cut_off_backup_is_refused_with_its_count_and_the_way_out(
    borrower_client, case, django_capture_on_commit_callbacks
):
    response = post(borrower_client, case, django_capture_on_commit_callbacks)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.FAILED
    page = borrower_client.get(response.url).content.decode()
    assert "3 complete messages or calls" in page
    assert "If a file is cut off, add the complete messages it holds" in page


def test_cut_off_backup_gives_its_complete_messages_when_asked(
    borrower_client, case, django_capture_on_commit_callbacks
):
    response = post(borrower_client, case, django_capture_on_commit_callbacks, partial="on")
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.READY
    assert (batch.message_count, batch.truncated) == (3, True)
    page = borrower_client.get(response.url).content.decode()
    assert "A file ended early; only its complete messages were read." in page
