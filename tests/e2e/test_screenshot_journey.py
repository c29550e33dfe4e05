"""Issue 10 in Chromium on a 360 px phone: import five screenshots of one collector's thread.

The screenshots are drawn here (no real person's): a collector writing at night,
the borrower answering once. Three follow each other; the last two overlap by
almost half a screen. The borrower uploads all five from the import page, watches
the progress bar, finds the one message the "OCR" misread, corrects it, and adds
the rest. The timeline then holds each message once, each contact has its
screenshot as evidence, and the findings name the night-time rule.

OCR is replaced by the boxes the drawing code knows, with one character misread
on purpose (the engine itself is tested in tests/imports/test_ocr.py). As in the
backup journey, the task queue is django-tasks' DummyBackend and the test plays the
worker, so the page can be seen polling.
"""

import hashlib
import re
from dataclasses import replace

import pytest

from cases.models import Contact, Evidence
from imports.models import ImportBatch, StagedMessage
from imports.tasks import screenshots_read_task
from jobs.services import job_progress
from tests.e2e.conftest import csp_errors, sign_in
from tests.factories import CaseFactory, LoanFactory, UserFactory
from tests.imports.screens import Bubble, render_thread

pytestmark = pytest.mark.django_db(transaction=True)

COLLECTOR = "17012345678"
# (day of November 2026, hour, minute, text, side)
MESSAGES = [
    (3, 23, 30, "【速借】您的借款已逾期3天，请立即还款，以免影响征信。", "in"),
    (4, 6, 10, "今天不还钱，明天就上门找你。", "in"),
    (4, 8, 0, "我下周一定还，请不要再发了。", "out"),
    (5, 23, 55, "别装死，再不还钱让你全家都知道你是老赖。", "in"),
    (6, 22, 40, "你的通讯录我们都有，后果自负。", "in"),
    (7, 5, 45, "还不还？不还就去你单位闹。", "in"),
    (8, 23, 5, "催收专员提醒：今晚必须还款。", "in"),
    (9, 10, 30, "已安排上门催收，请配合。", "in"),
    (10, 23, 15, "最后通知：今天必须把欠款结清。", "in"),
    (11, 6, 0, "再不处理就起诉你，法院传票马上到。", "in"),
]
MISREAD = ("今晚必须还款", "今晚必须还歀")  # one character read wrong by "OCR"
INCOMING = [m for m in MESSAGES if m[4] == "in"]
#: The width of an image once the browser has loaded it (0 if it could not).
LOADED_WIDTH = "img => img.decode().then(() => img.naturalWidth, () => 0)"


def bubbles(rows):
    return [
        Bubble(text, side=side, label=None if side == "out" else f"11月{d}日 {h:02d}:{m:02d}")
        for d, h, m, text, side in rows
    ]


def screenshots():
    """Three screens one after another, then two that overlap by about half a screen."""
    shots = []
    for chunk in (MESSAGES[0:3], MESSAGES[3:5], MESSAGES[5:7]):
        shots += render_thread(bubbles(chunk), sender=COLLECTOR, height=1400)
    shots += render_thread(bubbles(MESSAGES[7:10]), sender=COLLECTOR, height=1000, starts=[0, 0.45])
    for shot in shots:
        shot.boxes = [replace(box, text=box.text.replace(*MISREAD)) for box in shot.boxes]
    return shots


def save(page, item) -> None:
    """Click an item's save button and wait until htmx has swapped the saved item in."""
    with page.expect_response(lambda r: "/message/" in r.url and r.request.method == "POST"):
        item.locator("button", has_text="保存修改").click()
    page.wait_for_load_state()


@pytest.fixture
def drawn(monkeypatch):
    shots = screenshots()
    known = {hashlib.sha256(s.image.tobytes()).hexdigest(): s.boxes for s in shots}
    monkeypatch.setattr(
        "imports.screenshots.read_boxes",
        lambda image: known[hashlib.sha256(image.tobytes()).hexdigest()],
    )
    return [
        {"name": f"Screenshot_20261111-09000{n}.png", "mimeType": "image/png", "buffer": s.png()}
        for n, s in enumerate(shots)
    ]


def test_screenshots_of_one_thread_become_contacts_with_evidence(
    page, console, shoot, settings, drawn
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    borrower = UserFactory(email="wang@example.com", display_name="小王")
    case = CaseFactory(owner=borrower, title="速借 催收截图")
    LoanFactory(case=case, ref="L1")
    sign_in(page, borrower)

    # From the case page, through the import page, to the screenshot upload.
    page.goto(f"{page.base_url}/cases/{case.pk}/")
    page.click(f"main a[href='/imports/case/{case.pk}/']")
    page.click(f"main a[href='/imports/case/{case.pk}/screenshots/']")
    assert page.locator("h1").inner_text() == "导入截图"
    assert page.locator("main details summary", has_text="华为和荣耀").count() == 1
    shoot(page, "screenshot-upload-phone")
    page.set_input_files("input[name=files]", drawn)
    page.click("main form button.primary")
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    batch = ImportBatch.objects.get(case=case)
    assert batch.screenshots.count() == 5

    # Waiting for the worker: the progress bar moves as screenshots are read.
    assert page.locator("#import-progress progress").get_attribute("value") == "0"
    job_progress(job_id=batch.job_id, done=2, total=5, message="已读 2 张，共 5 张")
    page.wait_for_selector("#import-progress progress[value='40']")
    assert "已读 2 张" in page.locator("#import-progress").inner_text()
    page.evaluate("window.__marker = 1")
    screenshots_read_task.call(batch_id=batch.pk)
    page.wait_for_selector("main .staged-list", timeout=15_000)
    assert page.evaluate("window.__marker") is None, "the finished page was not loaded"

    # Each message once, beside its crop; the borrower's reply is not ticked.
    items = page.locator("main .staged-item")
    assert items.count() == len(MESSAGES)
    crop = page.locator("main .staged-item img").first
    crop.scroll_into_view_if_needed()
    assert crop.evaluate(LOADED_WIDTH) > 0
    reply = items.filter(has_text="我下周一定还")
    assert not reply.locator("input[type=checkbox]").is_checked()
    shoot(page, "screenshot-review-phone")

    # The misread message: correct it, without a page load.
    index = next(
        i
        for i in range(items.count())
        if MISREAD[1] in items.nth(i).locator("textarea").input_value()
    )
    item = items.nth(index)
    text = item.locator("textarea").input_value()
    item.locator("textarea").fill(text.replace(MISREAD[1], MISREAD[0]))
    item.locator("input[type=checkbox]").check()
    page.evaluate("window.__marker = 2")
    save(page, item)
    assert page.evaluate("window.__marker") == 2, "the page reloaded"
    assert StagedMessage.objects.filter(batch=batch, body__contains=MISREAD[0]).exists()
    assert not StagedMessage.objects.filter(batch=batch, body__contains=MISREAD[1]).exists()

    # Tick every message sent to the borrower that was not suggested, then add them all.
    for i in range(items.count()):
        entry = items.nth(i)
        box = entry.locator("input[type=checkbox]")
        is_reply = "我下周一定还" in entry.locator("textarea").input_value()
        if not is_reply and not box.is_checked():
            box.check()
            save(page, entry)
    page.click("main form[action$='/add/'] button")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))

    contacts = Contact.objects.filter(case=case).order_by("occurred_at")
    assert [c.content for c in contacts] == [text for *_, text, _side in INCOMING]
    assert all(c.tags == ["OCR"] for c in contacts)
    assert Evidence.objects.filter(case=case).count() == len(INCOMING)
    assert page.locator("#timeline-list .timeline-item").count() == len(INCOMING)
    assert MISREAD[0] in page.locator("#timeline-list").inner_text()
    assert page.locator("#findings #finding-quiet_hours").count() == 1

    # A contact shows its screenshot as evidence, through the access-checked download.
    first = contacts.first()
    page.goto(f"{page.base_url}/cases/{case.pk}/contacts/{first.pk}/")
    image = page.locator("main img.thumb").first
    image.scroll_into_view_if_needed()
    assert image.evaluate(LOADED_WIDTH) > 0
    assert "/evidence/" in image.get_attribute("src")
    shoot(page, "screenshot-contact-phone")
    assert csp_errors(console) == []


# The screenshot import reached from the case page, for the accessibility audit: the upload
# page with its guidance, and the review after the real OCR read one small screenshot.
def screenshot_upload_from_case(page):
    page.click("main a[href^='/imports/case/']")
    page.click("main a[href$='/screenshots/']")
    page.wait_for_selector("main input[name=files]")


def screenshot_review_from_case(page):
    screenshot_upload_from_case(page)
    (shot,) = render_thread(
        bubbles(MESSAGES[:2]), sender=COLLECTOR, width=540, height=720, font_size=24
    )
    page.set_input_files(
        "input[name=files]", [{"name": "shot.png", "mimeType": "image/png", "buffer": shot.png()}]
    )
    # The real OCR runs inside this request (tests use the immediate task backend): on a busy
    # machine that takes a while.
    page.click("main form button.primary", timeout=120_000)
    page.wait_for_selector("main .staged-list", timeout=120_000)


SCREENSHOT_STATES = [
    ("screenshot_upload", screenshot_upload_from_case),
    ("screenshot_review", screenshot_review_from_case),
]
