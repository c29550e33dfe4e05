"""Issue 2's bar: on a 375 px screen a borrower adds a loan and ten contacts with evidence,
and sees them all on the timeline."""

import re

from cases.models import Evidence
from tests.e2e.conftest import sign_in, tiny_png
from tests.factories import CaseFactory, UserFactory


def test_ten_contacts_with_evidence_on_a_375px_screen(browser, live_server, shoot):
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN")
    page = context.new_page()
    page.base_url = live_server.url
    user = UserFactory()
    case = CaseFactory(owner=user, title="十次催收")
    sign_in(page, user)
    base = f"{live_server.url}/cases/{case.pk}"

    page.goto(base + "/loans/new/")
    page.fill("input[name=lender_name]", "某某小额贷款有限公司")
    page.fill("input[name=principal]", "8000")
    page.click("main form button.primary")
    page.wait_for_url(re.compile(r"/loans/\d+/$"))

    for n in range(10):
        page.goto(base + "/contacts/new/")
        page.fill("input[name=occurred_at]", f"2026-11-{10 + n:02d}T{(9 + n) % 24:02d}:30")
        page.click("label:has(input[name=channel][value=sms])")
        page.fill("textarea[name=content]", f"第{n + 1}条催收短信：今天必须还款")
        page.set_input_files(
            "input[name=evidence]",
            files=[{"name": f"shot-{n + 1}.png", "mimeType": "image/png", "buffer": tiny_png()}],
        )
        page.click("main form button.primary")
        page.wait_for_url(re.compile(rf"/cases/{case.pk}/"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.goto(base + "/")
    items = page.locator("#timeline-list .timeline-item")
    assert items.count() == 10
    assert page.locator("#timeline-list .evidence-list img.thumb").count() == 10
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert Evidence.objects.filter(case=case).count() == 10
    assert len(set(Evidence.objects.filter(case=case).values_list("sha256", flat=True))) == 1
    shoot(page, "ten-contacts-375")
    context.close()
