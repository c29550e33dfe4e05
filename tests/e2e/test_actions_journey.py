"""On a phone: record a complaint by phone with its ticket number, let the deadline pass, see
the escalation, and write the regulator complaint that names the earlier complaint."""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.utils import timezone

from tests.e2e.conftest import csp_errors, sign_in
from tests.factories import CaseFactory, ContactFactory, LoanFactory, UserFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_complaint_past_its_deadline_leads_to_the_regulator_letter(page, console, shoot):
    today = timezone.localdate()
    user = UserFactory()
    case = CaseFactory(owner=user, title="网商贷催收")
    LoanFactory(case=case, lender_type="bank")
    later = today + timedelta(days=3)
    ContactFactory(
        case=case,
        ref="C1",
        occurred_at=datetime(later.year, later.month, later.day, 23, 10, tzinfo=SHANGHAI),
    )
    sign_in(page, user)
    base = page.base_url

    page.goto(f"{base}/cases/{case.pk}/")
    page.locator("#actions a", has_text="全部步骤").click()
    page.get_by_role("link", name="记录一次投诉或寄出的信").click()
    page.select_option("#id_channel", "lender")
    page.select_option("#id_method", "phone")
    page.fill("#id_sent_on", today.isoformat())
    page.fill("#id_ticket_number", "T-20260301-88")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/actions/*/")
    assert "还剩 15 天" in page.content()

    # Twenty days on: no answer came, and the calls went on after the complaint.
    future = today + timedelta(days=20)
    with mock.patch("django.utils.timezone.localdate", return_value=future):
        page.goto(f"{base}/actions/case/{case.pk}/")
        ladder = page.locator(".ladder-step.suggested")
        assert "国家金融监督管理总局" in ladder.inner_text()
        assert "没有答复" in ladder.inner_text()
        shoot(page, "actions-escalation-phone")
        ladder.get_by_role("button").click()
        page.wait_for_url("**/letters/draft/*/")
        preview = page.locator("#letter-preview").inner_text()
    assert "工单号：T-20260301-88" in preview
    assert f"仍于{later.year}年{later.month}月{later.day}日联系本人" in preview
    assert csp_errors(console) == []
