import io
import json
import time

import pytest
from django.core.management import CommandError, call_command

from cases.models import AccessLog, Contact
from imports.models import ImportBatch
from tests.factories import UserFactory

START_MS = 1_748_581_200_000
TEXTS = [
    "【某某贷】您的账单已逾期{n}天，请今日还款 &#55357;&#56832;",
    "晚上一起吃饭吗？{n}",
    "你再不还钱就联系你家人和单位{n}",
]


def write_backup(tmp_path, sms: int, calls: int):
    """An SMS file (every 7th message sent by the borrower) and a call log, in the app's shape."""
    sms_path = tmp_path / "sms.xml"
    rows = [
        f"<sms address='1069{i % 50:05d}' date='{START_MS + i * 60_000}' type='{2 if i % 7 == 0 else 1}' "
        f"body=\"{TEXTS[i % 3].format(n=i)}\" contact_name='(Unknown)' />"
        for i in range(sms)
    ]
    sms_path.write_text(f"<smses count='{sms}'>" + "\n".join(rows) + "</smses>", encoding="utf-8")
    calls_path = tmp_path / "calls.xml"
    rows = [
        f"<call number='1700000{i % 20:04d}' duration='{i % 90}' date='{START_MS + i * 90_000}' "
        f"type='{i % 3 + 1}' contact_name='null' />"
        for i in range(calls)
    ]
    calls_path.write_text(
        f"<calls count='{calls}'>" + "\n".join(rows) + "</calls>", encoding="utf-8"
    )
    return sms_path, calls_path


def run(*args) -> dict:
    out = io.StringIO()
    call_command("import_phone_backup", *map(str, args), stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_large_backup_is_read_whole_and_a_second_run_finds_only_duplicates(case, tmp_path):
    sms_path, calls_path = write_backup(tmp_path, 3000, 600)
    first = run(case.pk, sms_path, calls_path, "--select", "all")
    outgoing_sms = len(range(0, 3000, 7))
    outgoing_calls = 200  # type 2 is every third call
    addable = 3600 - outgoing_sms - outgoing_calls
    assert first == {
        "read": 3600,
        "left_out": outgoing_sms + outgoing_calls,
        "selected": addable,
        "added": addable,
        "duplicates": 0,
        "problems": [],
        "partial": False,
    }
    assert Contact.objects.filter(case=case).count() == addable
    assert Contact.objects.filter(case=case, content__contains="\U0001f600").exists()
    second = run(case.pk, sms_path, calls_path, "--select", "all")
    assert (second["read"], second["added"], second["duplicates"]) == (3600, 0, addable)
    assert Contact.objects.filter(case=case).count() == addable


@pytest.mark.django_db
def test_dry_run_saves_nothing_but_counts_what_would_be_added(case, tmp_path):
    sms_path, calls_path = write_backup(tmp_path, 30, 6)
    result = run(case.pk, sms_path, calls_path, "--dry-run")
    assert result["read"] == 36
    assert result["added"] == result["selected"] > 0
    assert not Contact.objects.exists()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_likely_selection_leaves_out_friendly_messages(case, tmp_path):
    sms_path, _calls = write_backup(tmp_path, 30, 0)
    likely = run(case.pk, sms_path, "--dry-run")
    everything = run(case.pk, sms_path, "--dry-run", "--select", "all")
    assert 0 < likely["selected"] < everything["selected"]


@pytest.mark.django_db
def test_record_without_date_is_read_but_left_out(case, tmp_path):
    path = tmp_path / "sms.xml"
    path.write_text(
        "<smses><sms address='1' date='null' type='1' body='a' />"
        f"<sms address='1' date='{START_MS}' type='1' body='逾期' /></smses>",
        encoding="utf-8",
    )
    result = run(case.pk, path, "--select", "all")
    assert (result["read"], result["left_out"], result["added"]) == (2, 1, 1)
    assert len(result["problems"]) == 1


@pytest.mark.django_db
def test_truncated_file_is_refused_unless_partial(case, tmp_path):
    sms_path, _calls = write_backup(tmp_path, 10, 0)
    cut = sms_path.read_bytes()[:-40]
    sms_path.write_bytes(cut)
    with pytest.raises(CommandError, match="9 complete"):
        run(case.pk, sms_path, "--select", "all")
    assert not Contact.objects.exists()
    result = run(case.pk, sms_path, "--select", "all", "--partial")
    assert result["partial"] is True
    assert result["read"] == 9


@pytest.mark.django_db
def test_billion_laughs_is_refused_quickly_and_changes_nothing(case, tmp_path):
    path = tmp_path / "bomb.xml"
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY l0 "lol">{levels}]>'
        f"<smses><sms address='1' date='{START_MS}' type='1' body='&l9;' /></smses>"
    )
    started = time.monotonic()
    out = io.StringIO()
    with pytest.raises(CommandError, match="document type"):
        call_command("import_phone_backup", str(case.pk), str(path), stdout=out)
    assert time.monotonic() - started < 5
    assert "document type" in json.loads(out.getvalue())["problems"][0]
    assert not Contact.objects.exists()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_owner_must_be_the_case_owner_or_staff(case, tmp_path):
    sms_path, _calls = write_backup(tmp_path, 3, 0)
    stranger = UserFactory()
    with pytest.raises(CommandError, match="neither the owner"):
        run(case.pk, sms_path, "--owner", stranger.email)


@pytest.mark.django_db
def test_staff_import_is_recorded_and_logged(case, tmp_path):
    sms_path, _calls = write_backup(tmp_path, 3, 0)
    staff = UserFactory(is_staff=True)
    run(case.pk, sms_path, "--owner", staff.email, "--select", "all")
    batch = ImportBatch.objects.get()
    assert batch.ran_by.startswith(f"import_phone_backup as {staff.email}")
    assert AccessLog.objects.filter(case=case, user=staff).exists()


@pytest.mark.django_db
def test_owner_import_records_who_ran_it_without_an_access_log(case, borrower, tmp_path):
    sms_path, _calls = write_backup(tmp_path, 3, 0)
    run(case.pk, sms_path, "--owner", borrower.email)
    assert ImportBatch.objects.get().ran_by.startswith(f"import_phone_backup as {borrower.email}")
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_unknown_case_is_an_error(tmp_path):
    sms_path, _calls = write_backup(tmp_path, 1, 0)
    with pytest.raises(CommandError, match="No case"):
        run(999999, sms_path)
