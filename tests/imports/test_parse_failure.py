"""An unforeseen failure while reading a backup: a message people can read, nothing kept, a way out."""

import pytest
from django.urls import reverse
from django.utils import translation

from imports import services
from imports.models import ImportBatch, StagedMessage
from imports.services import batch_create, batch_parse
from imports.tasks import import_parse_task
from tests.imports.conftest import sms_xml, upload

pytestmark = pytest.mark.django_db

RAW_ERROR = "Python int too large to convert to SQLite INTEGER"


@pytest.fixture
def batch(case, borrower):
    rows = [
        {"address": "95000", "date": 1748581200000 + i, "type": 1, "body": "还款"} for i in range(6)
    ]
    return batch_create(case=case, owner=borrower, uploads=[upload("s.xml", sms_xml(rows))])


@pytest.fixture
def store_fails_on_second_chunk(monkeypatch):
    """The first chunk of rows is staged, the second one cannot be written."""
    real_insert = services.insert_rows
    calls = []

    def insert_rows(model, rows):
        calls.append(len(rows))
        if len(calls) == 2:
            raise OverflowError(RAW_ERROR)
        return real_insert(model, rows)

    monkeypatch.setattr(services, "STAGE_BATCH_SIZE", 2)
    monkeypatch.setattr(services, "insert_rows", insert_rows)
    return calls


def test_parse_succeeds_without_the_failure(batch):
    batch = batch_parse(batch_id=batch.pk)

    assert batch.status == ImportBatch.Status.READY
    assert StagedMessage.objects.filter(batch=batch).count() == 6


def test_unexpected_error_fails_the_batch_with_a_readable_message(
    batch, store_fails_on_second_chunk
):
    batch = batch_parse(batch_id=batch.pk)

    assert batch.status == ImportBatch.Status.FAILED
    assert RAW_ERROR not in batch.error
    assert batch.error == services.unexpected_error_message()
    batch.job.refresh_from_db()
    assert batch.job.status == "failed"
    assert RAW_ERROR not in batch.job.error


def test_unexpected_error_keeps_no_staged_rows(batch, store_fails_on_second_chunk):
    batch_parse(batch_id=batch.pk)

    assert store_fails_on_second_chunk == [2, 2]
    assert not StagedMessage.objects.filter(batch=batch).exists()


def test_failure_outside_the_parser_shows_no_raw_error_and_keeps_nothing(batch, monkeypatch):
    def broken_parse(*, batch_id):
        StagedMessage.objects.create(
            batch_id=batch_id, index=0, kind="sms", direction="in", occurred_at="2025-05-30T12:00Z"
        )
        raise OverflowError(RAW_ERROR)

    monkeypatch.setattr("imports.tasks.batch_parse", broken_parse)
    with pytest.raises(OverflowError):
        import_parse_task.call(batch_id=batch.pk)

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert RAW_ERROR not in batch.error
    assert not StagedMessage.objects.filter(batch=batch).exists()


def test_failed_import_page_translates_the_error_and_offers_cancel(
    borrower_client, batch, store_fails_on_second_chunk
):
    with translation.override("zh-hans"):  # the worker's language: the default
        batch_parse(batch_id=batch.pk)

    response = borrower_client.get(reverse("imports:batch_review", args=[batch.pk]))

    body = response.content.decode()
    assert RAW_ERROR not in body
    assert "无法保存" in body
    assert reverse("imports:batch_cancel", args=[batch.pk]) in body


def test_failed_import_can_be_cancelled(borrower_client, batch, store_fails_on_second_chunk):
    batch_parse(batch_id=batch.pk)

    response = borrower_client.post(reverse("imports:batch_cancel", args=[batch.pk]))

    assert response.status_code == 302
    assert not ImportBatch.objects.filter(pk=batch.pk).exists()


def test_rerun_after_a_dead_worker_starts_over_without_duplicates(batch):
    StagedMessage.objects.create(
        batch=batch, index=0, kind="sms", direction="in", occurred_at="2025-05-30T12:00Z"
    )

    batch = batch_parse(batch_id=batch.pk)

    assert batch.status == ImportBatch.Status.READY
    assert StagedMessage.objects.filter(batch=batch).count() == 6


def test_parse_of_a_finished_batch_changes_nothing(batch):
    batch = batch_parse(batch_id=batch.pk)
    staged = set(StagedMessage.objects.filter(batch=batch).values_list("pk", flat=True))

    again = batch_parse(batch_id=batch.pk)

    assert again.status == ImportBatch.Status.READY
    assert set(StagedMessage.objects.filter(batch=batch).values_list("pk", flat=True)) == staged
