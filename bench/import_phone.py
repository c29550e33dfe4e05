"""Time and peak memory of importing a large phone backup.

    .venv/bin/python bench/import_phone.py [MESSAGES [CALLS]]

Writes an "SMS Backup & Restore" SMS file with MESSAGES messages (default
100,000) and a call log with CALLS calls (default 20,000), then measures, on a
throwaway test database of the configured backend (SQLite by default; set
DATABASE_URL for PostgreSQL):

- parse: streaming the XML into records, no database;
- parse+stage: the import task's work (parse, mark likely, write staging rows);
- commit: adding every message and call sent to the borrower to the case.

Peak RSS is the process's maximum so far (resource.getrusage). Not a test: the
numbers depend on the machine.
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
START_MS = 1_748_581_200_000
TEXTS = [
    "【某某贷】您的账单已逾期{n}天，请于今日18点前还款，否则将上报征信。",
    "你再不还钱我们就联系你的家人和单位，后果自负。",
    "您好，您的快递已到驿站，取件码{n}。",
    "晚上一起吃饭吗？",
    "【法务部】关于您的欠款，我司将于三日内立案起诉。",
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_sms(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
        out.write(f'<smses count="{count}" backup_date="{START_MS}" type="full">\n')
        for i in range(count):
            unknown = i % 10 != 0
            number = f"1069{i % 300:05d}" if unknown else f"+86139{i % 40:08d}"
            body = TEXTS[i % len(TEXTS)].format(n=i % 30)
            name = "(Unknown)" if unknown else "小王"
            out.write(
                f'  <sms protocol="0" address="{number}" date="{START_MS + i * 60_000}" type="1" '
                f'subject="null" body={quoteattr(body)} toa="null" sc_toa="null" read="1" '
                f'status="-1" locked="0" date_sent="0" sub_id="1" '
                f'readable_date="x" contact_name="{name}" />\n'
            )
        out.write("</smses>\n")


def write_calls(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
        out.write(f'<calls count="{count}" backup_date="{START_MS}">\n')
        for i in range(count):
            call_type = (1, 3, 5, 1, 2)[i % 5]
            duration = 0 if call_type != 1 else 30 + i % 200
            out.write(
                f'  <call number="0210{i % 200:07d}" duration="{duration}" '
                f'date="{START_MS + i * 90_000 + 7}" type="{call_type}" presentation="1" '
                f'readable_date="x" contact_name="(Unknown)" />\n'
            )
        out.write("</calls>\n")


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")
    import django

    django.setup()
    from django.core.files import File
    from django.db import connection

    from accounts.models import User
    from cases.models import Case, Contact
    from imports.models import StagedMessage
    from imports.parser import iter_backup
    from imports.services import batch_commit, batch_create, batch_parse

    tmp = Path(tempfile.mkdtemp(prefix="bench-phone-"))
    sms_path, calls_path = tmp / "sms.xml", tmp / "calls.xml"
    write_sms(sms_path, messages)
    write_calls(calls_path, calls)
    size_mb = (sms_path.stat().st_size + calls_path.stat().st_size) / 1e6
    print(f"{messages:,} messages + {calls:,} calls, {size_mb:.1f} MB of XML, {connection.vendor}")

    t0 = time.perf_counter()
    parsed = 0
    for path in (sms_path, calls_path):
        with path.open("rb") as source:
            parsed += sum(1 for _ in iter_backup(source))
    t1 = time.perf_counter()
    print(f"parse only      {t1 - t0:6.2f} s  {parsed:,} records  peak RSS {peak_mb():5.0f} MB")

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        owner = User.objects.create(email="bench@example.com")
        case = Case.objects.create(owner=owner, title="bench")
        with sms_path.open("rb") as sms, calls_path.open("rb") as log:
            batch = batch_create(
                case=case,
                owner=owner,
                uploads=[File(sms, name="sms.xml"), File(log, name="calls.xml")],
            )
        t2 = time.perf_counter()
        batch = batch_parse(batch_id=batch.pk)
        t3 = time.perf_counter()
        print(
            f"parse+stage     {t3 - t2:6.2f} s  {batch.message_count + batch.call_count:,} staged, "
            f"{batch.likely_count:,} likely  peak RSS {peak_mb():5.0f} MB"
        )
        chosen = StagedMessage.objects.filter(batch=batch, addable=True).update(selected=True)
        t4 = time.perf_counter()
        result = batch_commit(batch=batch)
        t5 = time.perf_counter()
        assert Contact.objects.filter(case=case).count() == result.added
        print(
            f"commit          {t5 - t4:6.2f} s  {chosen:,} chosen, {result.added:,} added, "
            f"{result.duplicates:,} duplicates  peak RSS {peak_mb():5.0f} MB"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        sms_path.unlink()
        calls_path.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()
