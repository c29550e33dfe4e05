import pytest
from django.core.files.storage import storages

from cases.models import Contact
from imports import services
from imports.models import ImportBatch, StagedMessage
from imports.services import batch_commit, batch_create, batch_parse
from tests.factories import ContactFactory

from .conftest import SMS_SAMPLE, sms_xml, upload

pytestmark = pytest.mark.django_db


def test_parse_stages_both_files_and_forgets_them(parsed_batch):
    assert parsed_batch.status == ImportBatch.Status.READY
    assert (parsed_batch.message_count, parsed_batch.call_count) == (4, 3)
    assert parsed_batch.addable_count == 5
    assert [len(f["sha256"]) for f in parsed_batch.files] == [64, 64]
    assert parsed_batch.pending_names == []
    assert not storages["default"].listdir(services.PENDING_DIR)[1]


def test_unknown_sender_with_collection_words_is_preselected(parsed_batch):
    chosen = StagedMessage.objects.filter(batch=parsed_batch, selected=True)
    assert sorted(chosen.values_list("number", "kind")) == [
        ("10690000555", "sms"),
        ("17000000999", "mms"),
    ]


def test_saved_contact_and_outgoing_are_not_preselected(parsed_batch):
    mum = StagedMessage.objects.filter(batch=parsed_batch, number="+8613900000002")
    assert mum.count() == 3
    assert not mum.filter(selected=True).exists()
    assert not mum.filter(direction="out", addable=True).exists()


def test_unknown_number_calling_many_times_is_preselected(case, borrower):
    rows = [
        {"address": "95000", "date": 1748581200000 + i, "type": 1, "body": "你好"} for i in range(5)
    ]
    rows.append({"address": "95001", "date": 1748581200000, "type": 1, "body": "你好"})
    batch = batch_create(case=case, owner=borrower, uploads=[upload("s.xml", sms_xml(rows))])
    batch = batch_parse(batch_id=batch.pk)
    chosen = set(
        StagedMessage.objects.filter(batch=batch, selected=True).values_list("number", flat=True)
    )
    assert chosen == {"95000"}


def test_broken_file_fails_batch_and_keeps_nothing(case, borrower):
    batch = batch_create(case=case, owner=borrower, uploads=[upload("s.xml", SMS_SAMPLE[:500])])
    batch = batch_parse(batch_id=batch.pk)
    assert batch.status == ImportBatch.Status.FAILED
    assert "line" in batch.error
    assert not StagedMessage.objects.filter(batch=batch).exists()
    batch.job.refresh_from_db()
    assert batch.job.status == "failed"


def test_commit_adds_chosen_with_refs_after_highest(parsed_batch, case):
    ContactFactory(case=case, ref="C9")
    result = batch_commit(batch=parsed_batch)
    assert (result.added, result.duplicates) == (2, 0)
    added = Contact.objects.filter(case=case).exclude(ref="C9").order_by("occurred_at")
    assert [c.ref for c in added] == ["C10", "C11"]
    assert [c.channel for c in added] == ["sms", "sms"]
    assert added[0].content == "【示例贷】您的账单已逾期2天，请及时还款。"
    assert added[0].caller_phone == "10690000555"
    assert not StagedMessage.objects.filter(batch=parsed_batch).exists()


def test_commit_of_calls_sets_connected(parsed_batch, case):
    StagedMessage.objects.filter(batch=parsed_batch, kind="call", addable=True).update(
        selected=True
    )
    batch_commit(batch=parsed_batch)
    calls = Contact.objects.filter(case=case, channel="call").order_by("occurred_at")
    assert [(c.connected, c.duration_seconds) for c in calls] == [(True, 95), (False, 0)]


def test_duplicates_already_in_case_are_skipped(parsed_batch, case):
    first = StagedMessage.objects.get(batch=parsed_batch, number="10690000555")
    ContactFactory(
        case=case,
        ref="C1",
        channel="sms",
        occurred_at=first.occurred_at,
        caller_phone=first.number,
        content=first.body,
    )
    result = batch_commit(batch=parsed_batch)
    assert (result.added, result.duplicates) == (1, 1)
    assert Contact.objects.filter(case=case).count() == 2


def test_commit_is_all_or_nothing(parsed_batch, case, monkeypatch):
    monkeypatch.setattr(services, "COMMIT_BATCH_SIZE", 1)
    calls = []
    original = services.insert_rows

    def failing_insert_rows(model, rows):
        calls.append(len(rows))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(model, rows)

    monkeypatch.setattr(services, "insert_rows", failing_insert_rows)
    with pytest.raises(RuntimeError):
        batch_commit(batch=parsed_batch)
    assert calls == [1, 1]
    assert not Contact.objects.filter(case=case).exists()
    parsed_batch.refresh_from_db()
    assert parsed_batch.status == ImportBatch.Status.READY
    assert StagedMessage.objects.filter(batch=parsed_batch, selected=True).count() == 2


def test_second_commit_is_refused(parsed_batch):
    batch_commit(batch=parsed_batch)
    with pytest.raises(services.ImportClosed):
        batch_commit(batch=parsed_batch)
