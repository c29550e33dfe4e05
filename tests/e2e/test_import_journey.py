"""Issue 5 in Chromium on a 360 px phone: import an SMS backup, watch it being read, confirm.

The borrower opens the import page from the case page, uploads an SMS and a call-log
backup (made here: a collector who threatens and writes at night, a bank's reminders and
the borrower's mother, saved on the phone), watches the progress bar, checks what was
suggested, drops the bank and adds the rest. The timeline then holds the collector's
messages and calls, and the findings name the night-time rule. A damaged file gets a
clear message in Chinese and adds nothing. No step trips the Content Security Policy.

Tests run tasks with the immediate backend, which reads the backup inside the upload
request, before the browser even sees the progress page. To watch the progress bar the
first journey swaps in django-tasks' DummyBackend (a queue nobody works on) and plays the
worker itself, as the real `db_worker` would, while the page polls.
"""

import re
from datetime import datetime
from xml.sax.saxutils import quoteattr
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import storages

from cases.models import Contact
from imports.models import ImportBatch, StagedMessage
from imports.services import PENDING_DIR
from imports.tasks import import_parse_task
from jobs.services import job_progress
from tests.e2e.conftest import csp_errors, sign_in
from tests.factories import CaseFactory, LoanFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SHANGHAI = ZoneInfo("Asia/Shanghai")
COLLECTOR = "17012345678"
BANK = "95588"
MOTHER = "+8613900000002"

# (day of November 2026, hour, minute, text): what the collector sent to the borrower.
COLLECTOR_TEXTS = [
    (3, 10, 0, "【速借】您的借款已逾期3天，请立即还款，以免影响征信。"),
    (4, 23, 30, "再不还款，我们就通知你的家人和单位。"),
    (5, 6, 10, "今天不还钱，明天就上门找你。"),
    (6, 14, 0, "您的欠款已移交法务部门，准备起诉。"),
    (7, 23, 55, "别装死，再不还钱让你全家都知道你是老赖。"),
    (8, 9, 0, "【速借】逾期账单请今日结清。"),
    (9, 22, 40, "你的通讯录我们都有，后果自负。"),
    (10, 11, 20, "最后通知：今天下午五点前还款。"),
    (11, 5, 45, "还不还？不还就去你单位闹。"),
    (12, 15, 0, "【速借】您的欠款仍未结清，请尽快处理。"),
    (13, 23, 5, "催收专员提醒：今晚必须还款。"),
    (14, 10, 30, "已安排上门催收，请配合。"),
]
BORROWER_TO_COLLECTOR = [(5, 8, 0, "我下周一定还。"), (11, 8, 30, "请不要再打给我家人。")]
BANK_TEXTS = [
    (day, 9, 0, "【工商银行】您尾号1234的信用卡本期账单已出，应还款额3200.00元，到期还款日25日。")
    for day in (1, 5, 10, 15, 20, 25)
]
MOTHER_TO_BORROWER = [
    (2, 18, 0, "晚上回家吃饭吗？"),
    (6, 20, 0, "催收的人打电话给我了，说你逾期了，你没事吧？"),
    (7, 7, 30, "别怕，妈妈陪你想办法。"),
    (9, 12, 0, "记得吃饭。"),
    (12, 21, 0, "周末回来吗？"),
    (14, 19, 0, "有事跟家里说。"),
]
BORROWER_TO_MOTHER = [
    (2, 18, 10, "回，七点到。"),
    (6, 20, 5, "没事，我在处理。"),
    (9, 12, 5, "好的。"),
    (12, 21, 10, "回。"),
]
# (day, hour, minute, call type, seconds): 1 incoming, 2 outgoing, 3 missed, 5 rejected.
COLLECTOR_CALLS = [
    (4, 23, 50, 3, 0),
    (5, 7, 0, 1, 45),
    (6, 22, 30, 5, 0),
    (8, 10, 15, 1, 120),
    (10, 13, 0, 3, 0),
    (12, 23, 15, 3, 0),
    (14, 9, 40, 1, 30),
]
MOTHER_CALLS = [(6, 20, 30, 1, 300), (13, 19, 30, 1, 600)]
CALLS_TO_BANK = [(6, 10, 0, 2, 240)]

COLLECTOR_COUNT = len(COLLECTOR_TEXTS) + len(COLLECTOR_CALLS)
MOTHER_COUNT = len(MOTHER_TO_BORROWER) + len(MOTHER_CALLS)
NIGHT_COUNT = sum(
    1 for d, h, *_ in COLLECTOR_TEXTS + COLLECTOR_CALLS if h >= 22 or h < 8
)  # 22:00 to 08:00 in Shanghai


def _millis(day: int, hour: int, minute: int) -> int:
    return int(datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).timestamp() * 1000)


def _element(tag: str, attrs: dict) -> str:
    return f"<{tag} " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in attrs.items()) + " />"


def _sms(number: str, name: str, sms_type: int, when: tuple, body: str) -> str:
    return _element(
        "sms",
        {
            "protocol": 0,
            "address": number,
            "date": _millis(*when),
            "type": sms_type,
            "subject": "null",
            "body": body,
            "read": 1,
            "contact_name": name,
        },
    )


def sms_backup() -> bytes:
    """An SMS Backup & Restore file: 30 messages from and to three numbers."""
    rows = [_sms(COLLECTOR, "(Unknown)", 1, (d, h, m), t) for d, h, m, t in COLLECTOR_TEXTS]
    rows += [_sms(COLLECTOR, "(Unknown)", 2, (d, h, m), t) for d, h, m, t in BORROWER_TO_COLLECTOR]
    rows += [_sms(BANK, "(Unknown)", 1, (d, h, m), t) for d, h, m, t in BANK_TEXTS]
    rows += [_sms(MOTHER, "妈妈", 1, (d, h, m), t) for d, h, m, t in MOTHER_TO_BORROWER]
    rows += [_sms(MOTHER, "妈妈", 2, (d, h, m), t) for d, h, m, t in BORROWER_TO_MOTHER]
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        f'<smses count="{len(rows)}" type="full">\n' + "\n".join(rows) + "\n</smses>\n"
    ).encode()


def calls_backup() -> bytes:
    """The matching call log: 10 calls."""
    rows = [
        _element(
            "call",
            {
                "number": number,
                "duration": seconds,
                "date": _millis(d, h, m),
                "type": call_type,
                "presentation": 1,
                "contact_name": name,
            },
        )
        for number, name, calls in (
            (COLLECTOR, "(Unknown)", COLLECTOR_CALLS),
            (MOTHER, "妈妈", MOTHER_CALLS),
            (BANK, "(Unknown)", CALLS_TO_BANK),
        )
        for d, h, m, call_type, seconds in calls
    ]
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        f'<calls count="{len(rows)}">\n' + "\n".join(rows) + "\n</calls>\n"
    ).encode()


def backup_files() -> list[dict]:
    """Both backups, as Playwright hands files to an <input type=file multiple>."""
    return [
        {"name": "sms-20261115.xml", "mimeType": "text/xml", "buffer": sms_backup()},
        {"name": "calls-20261115.xml", "mimeType": "text/xml", "buffer": calls_backup()},
    ]


def upload(page, files: list[dict]) -> None:
    page.set_input_files("input[name=files]", files)
    page.click("main form button.primary")


def open_import_page(page, case) -> None:
    page.goto(f"{page.base_url}/cases/{case.pk}/")
    page.click(f"main a[href='/imports/case/{case.pk}/']")
    page.wait_for_url(re.compile(rf"/imports/case/{case.pk}/$"))


def group(page, number: str):
    return page.locator("#import-review .import-groups > li", has_text=number)


def checkboxes(page, number: str):
    """Open one number's messages; returns their checkboxes."""
    group(page, number).locator("a.button", has_text="逐条查看").click()
    page.wait_for_selector(f"#import-review h2:text-is('{number}')")
    return page.locator("#import-review input[name=chosen]")


def back_to_numbers(page) -> None:
    page.click("#import-review a:has-text('全部号码')")
    page.wait_for_selector("#import-review .import-groups")


def pending_files() -> list[str]:
    storage = storages["default"]
    return storage.listdir(PENDING_DIR)[1] if storage.exists(PENDING_DIR) else []


# The import pages in the states a borrower reaches them, starting from the case page
# (for the accessibility audit and the phone-layout checks).
def import_upload_from_case(page):
    page.click("main a[href^='/imports/case/']")
    page.wait_for_selector("main input[name=files]")


def import_review_from_case(page):
    import_upload_from_case(page)
    upload(page, backup_files())
    page.wait_for_selector("#import-review .import-groups")


def import_number_from_case(page):
    import_review_from_case(page)
    page.locator("#import-review .import-groups a.button").first.click()
    page.wait_for_selector("#import-review input[name=chosen]")


def import_failed_from_case(page):
    import_upload_from_case(page)
    upload(page, [{"name": "sms.xml", "mimeType": "text/xml", "buffer": b"<smses><sms date="}])
    page.wait_for_selector("main [role=alert]")


IMPORT_STATES = [
    ("import_upload", import_upload_from_case),
    ("import_review", import_review_from_case),
    ("import_review+number", import_number_from_case),
    ("import_failed", import_failed_from_case),
]


def test_sample_backups_hold_thirty_messages_and_ten_calls():
    assert sms_backup().count(b"<sms ") == 30
    assert calls_backup().count(b"<call ") == 10


def test_import_backup_watch_progress_and_confirm_contacts(page, console, shoot, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    borrower = UserFactory(email="li@example.com", display_name="小李")
    case = CaseFactory(owner=borrower, title="速借 催收短信")
    LoanFactory(case=case, ref="L1")
    sign_in(page, borrower)

    # From the case page to the import page; upload both backups at once.
    open_import_page(page, case)
    assert page.locator("h1").inner_text() == "从手机导入"
    shoot(page, "import-upload-phone")
    upload(page, backup_files())
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    batch = ImportBatch.objects.get(case=case)
    assert batch.status == ImportBatch.Status.PARSING
    assert [f["name"] for f in batch.files] == ["sms-20261115.xml", "calls-20261115.xml"]

    # Nobody has read the backup yet: the page shows a progress bar and polls.
    progress = page.locator("#import-progress progress")
    assert progress.is_visible()
    assert progress.get_attribute("value") == "0"
    assert page.locator("#import-progress [role=status]").is_visible()
    job_progress(job_id=batch.job_id, done=1, total=2, message="读到一半")
    page.wait_for_selector("#import-progress progress[value='50']")
    assert "读到一半" in page.locator("#import-progress").inner_text()
    shoot(page, "import-progress-phone")

    # The worker reads the backup; the next poll reloads the page into the review.
    page.evaluate("window.__marker = 1")
    import_parse_task.call(batch_id=batch.pk)
    page.wait_for_selector("#import-review", timeout=15_000)
    assert page.evaluate("window.__marker") is None, "the finished page was not loaded"
    assert page.locator("#import-progress").count() == 0
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY
    assert (batch.message_count, batch.call_count) == (30, 10)
    assert pending_files() == [], "the upload was kept after reading"

    # Suggested: the collector and the bank (both write about repayment); not the mother.
    collector, bank = group(page, COLLECTOR), group(page, BANK)
    assert collector.is_visible() and bank.is_visible()
    assert f"已选 {COLLECTOR_COUNT} 条" in collector.inner_text()
    assert group(page, MOTHER).count() == 0
    boxes = checkboxes(page, COLLECTOR)
    assert boxes.count() == COLLECTOR_COUNT
    assert page.locator("#import-review input[name=chosen]:checked").count() == COLLECTOR_COUNT
    back_to_numbers(page)

    # Everything sent to me: the mother is there, with nothing chosen, though she wrote "催收".
    page.select_option("main form.filters select[name=show]", "all")
    page.click("main form.filters button[type=submit]")
    page.wait_for_selector(f"#import-review .import-groups > li:has-text('{MOTHER}')")
    mother = group(page, MOTHER)
    assert "妈妈" in mother.inner_text()
    assert "已选 0 条" in mother.inner_text()
    boxes = checkboxes(page, MOTHER)
    assert boxes.count() == MOTHER_COUNT
    assert page.locator("#import-review input[name=chosen]:checked").count() == 0
    back_to_numbers(page)
    assert not StagedMessage.objects.filter(batch=batch, number=MOTHER, selected=True).exists()

    # The bank's reminders are not harassment: drop that number, without a page load.
    page.evaluate("window.__marker = 2")
    bank = group(page, BANK)
    bank.locator("button", has_text="这个号码的全不选").click()
    page.wait_for_selector(
        f"#import-review .import-groups > li:has-text('{BANK}') button:has-text('这个号码的全选')"
    )
    assert page.evaluate("window.__marker") == 2, "the page reloaded"
    add = page.locator("#import-review form[action$='/add/'] button")
    assert add.inner_text() == f"把 {COLLECTOR_COUNT} 条联系记录加入案件"
    assert add.is_enabled()
    shoot(page, "import-review-phone")

    # Add them: the case timeline shows exactly the collector's messages and calls.
    add.click()
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    contacts = Contact.objects.filter(case=case)
    assert contacts.count() == COLLECTOR_COUNT
    assert set(contacts.values_list("caller_phone", flat=True)) == {COLLECTOR}
    assert contacts.filter(channel="sms").count() == len(COLLECTOR_TEXTS)
    assert contacts.filter(channel="call").count() == len(COLLECTOR_CALLS)
    assert page.locator("#timeline-list .timeline-item").count() == COLLECTOR_COUNT
    timeline = page.locator("#timeline-list").inner_text()
    assert "再不还款，我们就通知你的家人和单位。" in timeline
    assert "妈妈" not in timeline and "工商银行" not in timeline
    assert (
        f"已有 {COLLECTOR_COUNT} 条联系记录加入您的案件" in page.locator(".messages").inner_text()
    )
    batch.refresh_from_db()
    assert (batch.status, batch.added_count) == (ImportBatch.Status.COMMITTED, COLLECTOR_COUNT)
    assert not StagedMessage.objects.filter(batch=batch).exists()

    # The findings now name the night-time rule.
    night = page.locator("#findings #finding-quiet_hours")
    assert night.count() == 1
    assert "22:00" in night.locator(".finding-title").inner_text()
    badge = night.locator(".finding-meta > .badge:not(.badge-standard)").inner_text()
    assert badge.split()[0] == str(NIGHT_COUNT), badge
    shoot(page, "import-case-after-phone")

    assert csp_errors(console) == []


def test_damaged_backup_shows_a_clear_chinese_error_and_adds_nothing(page, console, shoot):
    borrower = UserFactory()
    case = CaseFactory(owner=borrower, title="借呗 催收")
    sign_in(page, borrower)
    open_import_page(page, case)
    damaged = sms_backup()[:1500]  # cut off mid-record, as a failed transfer does
    upload(page, [{"name": "sms-broken.xml", "mimeType": "text/xml", "buffer": damaged}])
    page.wait_for_url(re.compile(r"/imports/\d+/$"))

    alert = page.locator("main [role=alert]")
    alert.wait_for()
    text = alert.inner_text()
    assert "我们无法读取这个备份，没有任何内容加入您的案件。" in text
    # A file cut short says how many complete records it holds, and how to keep them.
    assert re.search(r"文件提前中断（在第 \d+ 行附近）：其中有 \d+ 条完整的短信或通话", text), text
    assert "如果文件不完整，仍加入其中完整的短信和通话" in text
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("#import-review, #import-progress").count() == 0
    batch = ImportBatch.objects.get(case=case)
    assert batch.status == ImportBatch.Status.FAILED
    assert not StagedMessage.objects.filter(batch=batch).exists()
    assert not Contact.objects.filter(case=case).exists()
    assert pending_files() == []
    shoot(page, "import-failed-phone")

    # "Try another file" leads back to the upload form.
    page.click("main a.button.primary")
    page.wait_for_url(re.compile(rf"/imports/case/{case.pk}/$"))
    assert page.locator("input[name=files]").is_visible()

    # Not a backup at all: told so, in Chinese, and nothing added.
    upload(page, [{"name": "notes.xml", "mimeType": "text/xml", "buffer": b"<html></html>"}])
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    assert "不是" in page.locator("main [role=alert]").inner_text()
    assert not Contact.objects.filter(case=case).exists()
    assert csp_errors(console) == []
