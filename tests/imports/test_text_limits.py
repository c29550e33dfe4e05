"""A message longer than a contact may hold is cut to the limit on every import path, and the
borrower is told which message was cut."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from PIL import Image

from cases.models import Contact
from imports import screenshots
from imports.forms import StagedCorrectionForm
from imports.layout import IN, SMS, ScreenRecord
from imports.models import ImportBatch, StagedMessage
from imports.parser import iter_backup
from imports.services import batch_create, batch_parse
from rules.domain import CONTENT_MAX_LENGTH

from .conftest import sms_xml, upload

LONG = "请还款" * 7000  # 21,000 characters
START_MS = 1_748_581_200_000


def long_backup() -> bytes:
    return sms_xml(
        [
            {"address": "10690000555", "date": START_MS, "type": 1, "body": "短信"},
            {"address": "10690000555", "date": START_MS + 1000, "type": 1, "body": LONG},
        ]
    )


def test_parser_cuts_an_over_long_message_and_names_it():
    problems = []
    records = list(iter_backup(io.BytesIO(long_backup()), problems=problems))
    assert [len(r.body) for r in records] == [2, CONTENT_MAX_LENGTH]
    (problem,) = problems
    assert problem.index == 2 and problem.kept
    assert "21,000" in problem.message and "20,000" in problem.message


def test_parser_cuts_an_over_long_mms_text():
    data = (
        f"<smses><mms date='{START_MS}' msg_box='1' address='10690000555'><parts>"
        f"<part ct='text/plain' text='{LONG}' /><part ct='text/plain' text='{LONG}' />"
        "</parts></mms></smses>"
    ).encode()
    problems = []
    (record,) = list(iter_backup(io.BytesIO(data), problems=problems))
    assert len(record.body) == CONTENT_MAX_LENGTH
    assert problems[0].kept


@pytest.mark.django_db
def test_staged_message_is_cut_and_the_problem_is_shown_but_nothing_counts_as_left_out(
    case, borrower
):
    batch = batch_create(case=case, owner=borrower, uploads=[upload("sms.xml", long_backup())])
    batch = batch_parse(batch_id=batch.pk)
    assert batch.status == ImportBatch.Status.READY
    bodies = sorted(len(b) for b in StagedMessage.objects.values_list("body", flat=True))
    assert bodies == [2, CONTENT_MAX_LENGTH]
    assert batch.skipped_count == 0
    assert [(p["file"], p["index"]) for p in batch.problems] == [("sms.xml", 2)]


@pytest.mark.django_db
def test_import_phone_backup_adds_the_cut_message_and_reports_it(case, tmp_path):
    path = tmp_path / "sms.xml"
    path.write_bytes(long_backup())
    out = io.StringIO()
    call_command("import_phone_backup", str(case.pk), str(path), "--select", "all", stdout=out)
    result = json.loads(out.getvalue())
    assert result["added"] == 2 and result["left_out"] == 0
    assert result["problems"][0].startswith("sms.xml #2: ")
    assert max(len(c) for c in Contact.objects.values_list("content", flat=True)) == (
        CONTENT_MAX_LENGTH
    )


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 80), "white").save(out, "PNG")
    return out.getvalue()


@pytest.mark.django_db
def test_screenshot_text_over_the_limit_is_cut_with_a_note(case, borrower, monkeypatch):
    batch = screenshots.screenshots_batch_create(
        case=case, owner=borrower, uploads=[screenshots.Upload("shot.png", png_bytes())]
    )
    record = ScreenRecord(
        kind=SMS,
        sender="10690000555",
        direction=IN,
        text=LONG,
        occurred_at=datetime(2025, 5, 30, 5, 0, tzinfo=UTC),
        region=(0, 0, 40, 80),
    )

    class Merged:
        records = [record]
        duplicates = 0

    monkeypatch.setattr(screenshots, "read_boxes", lambda image: [])
    monkeypatch.setattr(screenshots, "merge_screens", lambda reads, **kwargs: Merged)
    screenshots.screenshots_read(batch_id=batch.pk)
    staged = StagedMessage.objects.get(batch=batch)
    assert len(staged.body) == CONTENT_MAX_LENGTH
    assert "20,000" in staged.note
    result = screenshots.screenshots_commit(batch=ImportBatch.objects.get(pk=batch.pk))
    assert result.added == 1
    assert len(Contact.objects.get(case=case).content) == CONTENT_MAX_LENGTH


def test_correction_form_refuses_over_long_text():
    form = StagedCorrectionForm(
        {"sender": "10690000555", "occurred_at": "2025-05-30T13:00", "direction": "in",
         "body": "x" * (CONTENT_MAX_LENGTH + 1), "selected": "on"}
    )  # fmt: skip
    assert not form.is_valid()
    assert "body" in form.errors
