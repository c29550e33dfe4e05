"""import_screenshots prints what it read; OCR is replaced by the drawn boxes (see test_ocr.py)."""

import io
import json

import pytest
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

from cases.models import Contact, Evidence
from imports.models import ImportBatch

from .screens import Bubble, CallRow, render_call_log, render_thread
from .test_screenshot_views import fake_ocr  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

THREAD = [
    Bubble("【示例贷】您的账单已逾期3天，请今日还款。", label="昨天 23:15"),
    Bubble("好的", side="out"),
    Bubble("最后通知：今日不还款将立案起诉。", label="星期一 09:00"),
]


def run(*args) -> dict:
    out = io.StringIO()
    call_command("import_screenshots", *map(str, args), stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def files(tmp_path, fake_ocr):  # noqa: F811
    (thread,) = render_thread(THREAD, sender="10690000555")
    calls = render_call_log([CallRow("13800138000", "未接", "23:15")])
    paths = []
    for name, screen in (("thread.png", thread), ("calls.png", calls)):
        fake_ocr(screen)
        path = tmp_path / name
        path.write_bytes(screen.png())
        paths.append(path)
    return paths


def stored_files(storage, path="") -> set[str]:
    dirs, names = storage.listdir(path) if storage.exists(path or ".") else ([], [])
    found = {f"{path}/{name}" for name in names}
    for folder in dirs:
        found |= stored_files(storage, f"{path}/{folder}".lstrip("/"))
    return found


def test_dry_run_prints_records_and_saves_nothing(case, files):
    before = stored_files(storages["evidence"]) | stored_files(storages["default"])
    result = run(case.pk, *files, "--taken-on", "2025-06-12", "--dry-run")
    assert result["screenshots"] == 2
    assert result["merged_duplicates"] == 0
    assert result["problems"] == []
    assert result["records"][0] == {
        "file": "thread.png",
        "kind": "sms",
        "sender": "10690000555",
        "occurred_at": "2025-06-11T23:15:00+08:00",
        "direction": "in",
        "text": THREAD[0].text,
        "call_type": None,
        "duration_seconds": None,
        "estimated_at": None,
    }
    assert result["records"][2]["occurred_at"] == "2025-06-09T09:00:00+08:00"
    assert result["records"][3] == {
        "file": "calls.png",
        "kind": "call",
        "sender": "13800138000",
        "occurred_at": "2025-06-12T23:15:00+08:00",
        "direction": "in",
        "text": "",
        "call_type": "missed",
        "duration_seconds": None,
        "estimated_at": None,
    }
    assert result["added"] == 3
    assert not Contact.objects.exists()
    assert not ImportBatch.objects.exists()
    assert not Evidence.objects.exists()
    assert stored_files(storages["evidence"]) | stored_files(storages["default"]) == before


def test_import_adds_incoming_records_with_their_screenshots(case, files):
    before = stored_files(storages["evidence"])
    result = run(case.pk, *files, "--taken-on", "2025-06-12")
    assert result["added"] == 3
    assert len(stored_files(storages["evidence"]) - before) == 3
    contacts = Contact.objects.filter(case=case).order_by("occurred_at")
    assert [c.channel for c in contacts] == ["sms", "sms", "call"]
    assert all(c.evidence.count() == 1 for c in contacts)
    assert ImportBatch.objects.get().ran_by.startswith("import_screenshots as ")
    again = run(case.pk, *files, "--taken-on", "2025-06-12")
    assert (again["added"], again["duplicates"]) == (0, 3)


def test_bad_taken_on_is_refused(case, files):
    with pytest.raises(CommandError, match="--taken-on"):
        run(case.pk, *files, "--taken-on", "12/06/2025")


def test_not_a_picture_is_refused(case, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(CommandError, match="not a PNG, JPEG or HEIC"):
        run(case.pk, path)


def test_a_time_the_screenshot_does_not_show_is_printed_as_unknown_with_the_guess_apart(
    case,
    tmp_path,
    fake_ocr,  # noqa: F811
):
    (thread,) = render_thread(
        [
            Bubble("我们已经联系了你的单位。"),
            Bubble("今日不还款将立案起诉。", label="星期一 09:00"),
        ],
        sender="10690000555",
    )
    fake_ocr(thread)
    path = tmp_path / "scrolled.png"
    path.write_bytes(thread.png())
    result = run(case.pk, path, "--taken-on", "2025-06-12", "--dry-run")
    unknown, shown = result["records"]
    assert unknown["occurred_at"] is None
    assert unknown["estimated_at"] == "2025-06-09T09:00:00+08:00"  # the first time shown below
    assert (shown["occurred_at"], shown["estimated_at"]) == ("2025-06-09T09:00:00+08:00", None)


def test_a_message_under_a_label_with_only_the_day_is_printed_with_an_unknown_time(
    case,
    tmp_path,
    fake_ocr,  # noqa: F811
):
    (thread,) = render_thread(
        [Bubble("逾期通知：请尽快还款。", label="6月10日"), Bubble("知道了", side="out")],
        sender="10690000555",
    )
    fake_ocr(thread)
    path = tmp_path / "day-only.png"
    path.write_bytes(thread.png())
    result = run(case.pk, path, "--taken-on", "2025-06-12", "--dry-run")
    notice, _reply = result["records"]
    assert notice["occurred_at"] is None  # the screenshot shows the day, not the time
    assert notice["estimated_at"] == "2025-06-10T12:00:00+08:00"


def test_alike_calls_shown_by_their_day_are_each_printed_with_an_unknown_time(
    case,
    tmp_path,
    fake_ocr,  # noqa: F811
):
    """Two calls from one contact yesterday, of a kind guessed (no word or arrow says it):
    two calls, each with its time unknown and the day's noon as the guess."""
    calls = render_call_log(
        [
            CallRow("13800138000", "", "23:15", place="北京", red=True),
            CallRow("小陈", "", "昨天", place="手机"),
            CallRow("小陈", "", "昨天", place="手机"),
        ]
    )
    fake_ocr(calls)
    path = tmp_path / "calls.png"
    path.write_bytes(calls.png())
    result = run(case.pk, path, "--taken-on", "2025-06-12", "--dry-run")
    assert result["merged_duplicates"] == 0
    got = [(r["sender"], r["occurred_at"], r["estimated_at"]) for r in result["records"]]
    assert got == [
        ("13800138000", "2025-06-12T23:15:00+08:00", None),
        ("小陈", None, "2025-06-11T12:00:00+08:00"),
        ("小陈", None, "2025-06-11T12:00:00+08:00"),
    ]
