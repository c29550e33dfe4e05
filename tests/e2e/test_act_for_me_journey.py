"""On a phone, two people side by side: the borrower shares with an end date and lets the
organisation record for them; the volunteer sees the notification, follows it, and records a
phone complaint on the borrower's behalf; the borrower sees the complaint and who recorded it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from actions.models import Action
from cases.models import CaseShare
from tests.e2e.conftest import PHONE, csp_errors, sign_in
from tests.factories import (
    CaseFactory,
    LoanFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_share_with_act_for_me_then_the_volunteer_records_for_the_borrower(
    page, browser, console, shoot
):
    base = page.base_url
    today = timezone.localdate()
    until = today + timedelta(days=30)
    borrower = UserFactory(email="li@example.com", display_name="小李")
    case = CaseFactory(owner=borrower, title="借呗 催收电话")
    LoanFactory(case=case, ref="L1", lender_type="bank")
    organisation = OrganisationFactory(name="西湖法律援助工作站", slug="xihu")
    volunteer = UserFactory(email="zhang@example.com", display_name="张志愿者")
    MembershipFactory(user=volunteer, organisation=organisation)

    # The borrower shares until a date and ticks the separate act-for-me box.
    sign_in(page, borrower)
    page.goto(f"{base}/review/case/{case.pk}/share/")
    page.select_option("select[name=organisation]", str(organisation.pk))
    page.check("input[name=consent]")
    page.fill("input[name=expires_on]", until.isoformat())
    page.check("input[name=act_for_me]")
    shoot(page, "act-for-me-share-phone")
    page.click("main form button.primary")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    share = CaseShare.objects.get(case=case)
    assert share.expires_on == until and share.act_for_me is not None
    page.click("#case-sharing summary")
    panel = page.locator("#case-sharing").inner_text()
    assert f"至 {until.isoformat()}" in panel and "还可以代您记录投诉和答复" in panel
    shoot(page, "act-for-me-panel-phone")

    # The volunteer sees the badge, opens the notification and lands on the review page.
    volunteer_context = browser.new_context(viewport=PHONE, locale="zh-CN")
    volunteer_page = volunteer_context.new_page()
    volunteer_page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    volunteer_page.set_default_timeout(10_000)
    volunteer_page.base_url = base
    sign_in(volunteer_page, volunteer)
    volunteer_page.goto(base + "/review/")
    badge = volunteer_page.locator("#notifications-link .badge")
    assert badge.inner_text() == "1"
    volunteer_page.click("#notifications-link")
    shoot(volunteer_page, "notifications-phone")
    volunteer_page.get_by_role("button", name="有借款人将案件共享给了西湖法律援助工作站。").click()
    volunteer_page.wait_for_url(re.compile(rf"/review/case/{case.pk}/$"))
    assert volunteer_page.locator("#notifications-link .badge").count() == 0

    # ...and records the complaint they made by phone for the borrower.
    volunteer_page.get_by_role("link", name="投诉和期限").click()
    volunteer_page.get_by_role("link", name="记录一次投诉或寄出的信").click()
    volunteer_page.select_option("#id_channel", "lender")
    volunteer_page.select_option("#id_method", "phone")
    volunteer_page.fill("#id_sent_on", today.isoformat())
    volunteer_page.fill("#id_ticket_number", "XH-0301")
    volunteer_page.get_by_role("button", name="保存").click()
    volunteer_page.wait_for_url("**/actions/*/")
    action = Action.objects.get(case=case)
    assert action.created_by == volunteer
    volunteer_context.close()

    # The borrower sees it, with who recorded it.
    page.goto(f"{base}/actions/case/{case.pk}/")
    listing = page.locator("main").inner_text()
    assert "XH-0301" in listing and "由 张志愿者 记录" in listing
    shoot(page, "act-for-me-borrower-sees-phone")
    assert csp_errors(console) == []
