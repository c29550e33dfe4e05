"""The borrower's main journey, end to end in Chromium on a 360 px phone.

Sign up, open a case, add a loan, record contacts with the quick-add form (one at night),
attach a screenshot through the full form, edit and delete a contact inline, filter the
timeline, switch language. The timeline updates without a page load, and no step trips
the Content Security Policy.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from cases.models import Case, Contact, Evidence
from tests.e2e.conftest import csp_errors, sign_in, tiny_png
from tests.factories import CaseFactory, ContactFactory, LoanFactory, UserFactory


def quick_add(page, *, when: str, channel: str, phone: str = "", said: str = "", tags=()):
    form = page.locator("#quick-add form")
    form.locator("#quick_occurred_at").fill(when)
    form.locator(f"label:has(input[name=channel][value={channel}])").click()
    if phone:
        form.locator("#quick_caller_phone").fill(phone)
    if said:
        form.locator("#quick_content").fill(said)
    for tag in tags:
        form.locator(f"label:has(input[name=common_tags][value={tag}])").click()
    count = page.locator("#timeline-list .timeline-item").count()
    form.locator("button[type=submit]").click()
    # The form is swapped for a fresh one: wait, so the next fill lands in the new form.
    page.wait_for_function(
        "(n) => document.querySelectorAll('#timeline-list .timeline-item').length > n", arg=count
    )


def test_borrower_journey_from_sign_up_to_a_filtered_timeline(page, console, shoot):
    base = page.base_url
    # Sign up.
    page.goto(base + "/accounts/signup/")
    page.fill("input[name=email]", "li.hua@example.com")
    page.fill("input[name=display_name]", "小李")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/signup/sent/$"))
    # The link from the email (the same process's outbox): choose the password there.
    link = re.search(r"https?://\S+/accounts/signup/\S+/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.fill("input[name=new_password1]", "a-long-enough-pass-2026")
    page.fill("input[name=new_password2]", "a-long-enough-pass-2026")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/cases/$"))

    # Create a case.
    page.goto(base + "/cases/new/")
    page.fill("input[name=title]", "网商贷 催收电话")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/cases/\d+/$"))
    case = Case.objects.get(title="网商贷 催收电话")
    assert case.owner.email == "li.hua@example.com"
    case_url = page.url

    # Add a loan.
    page.click("#loans a.button")
    page.wait_for_url(re.compile(r"/loans/new/$"))
    page.fill("input[name=lender_name]", "某某小贷公司")
    page.fill("input[name=principal]", "10000")
    page.click("main form button[type=submit]:has-text('保存'), main form button.primary")
    page.wait_for_url(re.compile(r"/loans/\d+/$"))
    assert case.loans.count() == 1

    # Quick-add three contacts; the timeline grows without a page load.
    page.goto(case_url)
    page.evaluate("window.__marker = 1")
    quick_add(page, when="2026-11-20T10:05", channel="call", phone="02112345678", said="问还款")
    quick_add(page, when="2026-11-20T23:40", channel="call", phone="02112345678", tags=["threat"])
    quick_add(page, when="2026-11-21T08:15", channel="sms", said="再不还就通知你家人")
    page.wait_for_function(
        "() => document.querySelectorAll('#timeline-list .timeline-item').length == 3"
    )
    assert page.evaluate("window.__marker") == 1, "the page reloaded"
    assert case.contacts.count() == 3
    night = case.contacts.get(content="")
    assert night.tags == ["threat"]
    assert night.occurred_at == datetime(2026, 11, 20, 23, 40, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert "23:40" in page.locator("#timeline-list").inner_text()
    assert page.locator("#timeline-saved").is_visible()
    shoot(page, "journey-timeline-phone")

    # Attach a screenshot through the full contact form.
    page.goto(base + f"/cases/{case.pk}/contacts/new/")
    page.fill("input[name=occurred_at]", "2026-11-21T12:00")
    page.click("label:has(input[name=channel][value=im])")
    page.fill("textarea[name=content]", "微信发来的截图")
    page.set_input_files(
        "input[name=evidence]",
        files=[{"name": "wechat.png", "mimeType": "image/png", "buffer": tiny_png()}],
    )
    page.click("main form button.primary")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/"))
    evidence = Evidence.objects.get(contact__case=case)
    assert evidence.kind == "image"
    page.goto(case_url)
    thumb = page.locator(".evidence-list img.thumb")
    thumb.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.evidence-list img.thumb').naturalWidth === 8"
    )

    # Edit a contact inline, then delete one inline after confirming.
    page.evaluate("window.__marker = 2")
    item = page.locator("#timeline-list .timeline-item", has_text="问还款")
    item_id = item.get_attribute("id")
    item.locator("a", has_text="编辑").click()
    editor = page.locator(f"#{item_id} form")
    editor.locator("textarea[name=content]").fill("问什么时候还款，语气很凶")
    editor.locator("button.primary").click()
    page.wait_for_selector(f"#{item_id}:has-text('语气很凶') .item-actions")
    assert page.evaluate("window.__marker") == 2
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.locator(f"#{item_id} a.danger-link").click()
    page.wait_for_selector(f"#{item_id}", state="detached")
    assert dialogs and "删除" in dialogs[0]
    assert page.evaluate("window.__marker") == 2
    assert case.contacts.count() == 3

    # Filter the timeline by channel: only the text message is left.
    page.click(".filters-box summary")
    page.select_option("#filter_channel", "sms")
    page.wait_for_function(
        "() => document.querySelectorAll('#timeline-list .timeline-item').length == 1"
    )
    assert "再不还" in page.locator("#timeline-list").inner_text()
    assert "channel=sms" in page.url

    # Switch to English and back.
    page.locator(".language-switch button[value=en]").click()
    page.wait_for_selector("html[lang=en]")
    assert page.locator("#timeline-title").inner_text() == "Timeline"
    page.locator(".language-switch button[value=zh-hans]").click()
    page.wait_for_selector("html[lang=zh-Hans]")

    assert csp_errors(console) == []


def test_text_message_recorded_with_the_keyboard_only(page, live_server):
    user = UserFactory()
    case = CaseFactory(owner=user)
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/#quick-add")
    page.evaluate("window.__marker = 1")
    page.focus("#quick_channel_0")
    # Arrow keys move between the radio chips: call -> sms.
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "quick_channel_1"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick_occurred_at"
    # The time stays at its default, "now": the usual case while the phone still rings.
    reached = []
    # Tab also steps through the date-time field's segments, so allow for them.
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.name"))
        if reached[-1] == "quick_content":
            break
    assert reached[-1] == "quick_content", reached
    page.keyboard.type("半夜来电")
    while page.evaluate("document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#timeline-list .timeline-item")
    contact = Contact.objects.get(case=case)
    assert (contact.channel, contact.content) == ("sms", "半夜来电")
    assert page.evaluate("window.__marker") == 1


def test_invalid_form_is_announced_to_screen_readers(page, live_server):
    user = UserFactory()
    case = CaseFactory(owner=user)
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.fill("#quick_occurred_at", "")
    page.click("#quick-add button[type=submit]")
    page.wait_for_selector("#quick-add [role=alert]")
    field = page.locator("#quick_occurred_at")
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    errors = [i for i in described if page.locator(f"#{i}[role=alert], #{i}.errors").count()]
    assert errors, described
    assert page.locator(f"#{errors[0]}").inner_text().strip()


def has_element(page, url: str, selector: str) -> bool:
    page.goto(url)
    return page.locator(selector).count() > 0


def test_findings_update_without_a_reload(page, live_server):
    user = UserFactory()
    case = CaseFactory(owner=user)
    LoanFactory(case=case)
    ContactFactory(case=case)
    sign_in(page, user)
    url = f"{live_server.url}/cases/{case.pk}/"
    if not has_element(page, url, "#findings"):
        pytest.skip("the case page has no #findings section yet")
    before = page.locator("#findings").inner_text()
    page.evaluate("window.__marker = 1")
    quick_add(page, when="2026-11-20T23:40", channel="call", said="不还钱就去你单位")
    page.wait_for_function(
        "(before) => document.querySelector('#findings').innerText !== before", arg=before
    )
    assert page.evaluate("window.__marker") == 1


def test_letter_pdf_downloads(page, live_server):
    user = UserFactory()
    case = CaseFactory(owner=user, borrower_name="李晓梅")
    LoanFactory(case=case)
    ContactFactory(case=case)
    sign_in(page, user)
    url = f"{live_server.url}/cases/{case.pk}/"
    if not has_element(page, url, "main a[href*='/letters/']"):
        pytest.skip("the case page links to no letters yet")
    page.locator("main a[href*='/letters/']").first.click()
    page.wait_for_load_state()
    kind = page.locator("main form:has(input[name=kind][value=stop_harassment])")
    (kind if kind.count() else page.locator("main form:has(input[name=kind])").first).locator(
        "button[type=submit]"
    ).click()
    page.wait_for_url(re.compile(r"/letters/draft/\d+/$"))
    page.locator("main form[action*='/finalise/'] button[type=submit]").click()
    # Slow kinds finish in the background and link to the result from the progress page.
    page.wait_for_selector("main a[href*='/pdf/'], main #job-progress a.button", timeout=30_000)
    if page.locator("main #job-progress a.button").count():
        page.locator("main #job-progress a.button").click()
    with page.expect_download() as info:
        page.locator("main a[href*='/pdf/']").first.click()
    with open(info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_sign_up_errors_are_announced_and_tied_to_their_fields(page, live_server):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("input[name=email]", "not-an-address")
    page.click("main form button[type=submit]")
    page.wait_for_selector("main [role=alert]")
    field = page.locator("input[name=email]")
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    assert f"{field.get_attribute('id')}_error" in described
    assert page.locator(f"#{field.get_attribute('id')}_error[role=alert]").inner_text().strip()
