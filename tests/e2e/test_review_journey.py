"""The legal-aid journey in Chromium on a 360 px phone, borrower and lawyer side by side.

The borrower shares the case with an organisation (explicit consent); a lawyer of it opens
the queue, takes the case, adds a note without a page load and approves a finalised letter;
the borrower sees the approval and who looked; the borrower stops sharing and the lawyer's
next request gets a 404. No step trips the Content Security Policy.
"""

import re

import pytest

from accounts.models import Membership
from cases.models import AccessLog, CaseShare
from letters.services import letter_draft_create, letter_finalise
from review.models import CaseReview, ReviewNote
from tests.e2e.conftest import PHONE, csp_errors, sign_in
from tests.factories import (
    CaseFactory,
    ContactFactory,
    LoanFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def second_page(browser, base_url: str):
    """A page in its own browser context, so two people can be signed in at once."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = base_url
    return page


def test_share_review_approve_and_revoke(page, browser, console, shoot):
    base = page.base_url
    borrower = UserFactory(email="li@example.com", display_name="小李")
    case = CaseFactory(owner=borrower, title="借呗 催收电话")
    loan = LoanFactory(case=case, ref="L1")
    ContactFactory(case=case, loan=loan)
    organisation = OrganisationFactory(name="西湖法律援助工作站", slug="xihu")
    lawyer = UserFactory(email="wang@example.com", display_name="王律师")
    MembershipFactory(user=lawyer, organisation=organisation, role=Membership.Role.LAWYER)
    draft = letter_draft_create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    version = letter_finalise(draft=draft)

    # The borrower shares the case, consent first.
    sign_in(page, borrower)
    page.goto(f"{base}/cases/{case.pk}/")
    page.click("#case-sharing summary")
    page.click(f"#case-sharing a[href='/review/case/{case.pk}/share/']")
    page.wait_for_url(re.compile(r"/share/$"))
    page.select_option("select[name=organisation]", str(organisation.pk))
    page.click("main form button.primary")
    assert page.locator("#id_consent_error").is_visible(), "sharing without consent"
    assert not CaseShare.objects.filter(case=case).exists()
    page.select_option("select[name=organisation]", str(organisation.pk))
    page.check("input[name=consent]")
    shoot(page, "review-share-phone")
    page.click("main form button.primary")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    assert CaseShare.objects.get(case=case).is_active
    page.click("#case-sharing summary")
    assert page.locator("#case-sharing").get_by_text("西湖法律援助工作站").is_visible()

    # The lawyer opens the queue, takes the case and adds a note.
    lawyer_page = second_page(browser, base)
    lawyer_page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    sign_in(lawyer_page, lawyer)
    lawyer_page.goto(base + "/review/")
    shoot(lawyer_page, "review-queue-phone")
    lawyer_page.click(f"a[href='/review/case/{case.pk}/']")
    lawyer_page.wait_for_url(re.compile(rf"/review/case/{case.pk}/$"))
    lawyer_page.click(f"form[action='/review/case/{case.pk}/take/'] button")
    lawyer_page.wait_for_url(re.compile(rf"/review/case/{case.pk}/$"))
    assert CaseReview.objects.get(case=case).assignee == lawyer
    lawyer_page.evaluate("window.__marker = 1")
    lawyer_page.fill("#review-notes textarea[name=text]", "建议先寄停止骚扰函。")
    lawyer_page.check("#review-notes input[name=shared_with_borrower]")
    lawyer_page.click("#review-notes button[type=submit]")
    lawyer_page.wait_for_function(
        "() => document.querySelector('#review-notes').textContent.includes('建议先寄停止骚扰函')"
    )
    assert lawyer_page.evaluate("window.__marker") == 1, "the page reloaded"
    assert ReviewNote.objects.get(case=case).shared_with_borrower
    shoot(lawyer_page, "review-detail-phone")

    # The lawyer approves the finalised letter.
    lawyer_page.goto(f"{base}/letters/draft/{draft.pk}/")
    lawyer_page.once("dialog", lambda dialog: dialog.accept())
    lawyer_page.click(f"form[action='/review/version/{version.pk}/approve/'] button")
    lawyer_page.wait_for_url(re.compile(rf"/review/version/{version.pk}/$"))
    lawyer_page.get_by_text("已由 王律师").first.wait_for()
    version.refresh_from_db()
    assert version.approved_by == lawyer

    # The borrower sees the approval, the note and who looked.
    page.goto(f"{base}/letters/draft/{draft.pk}/")
    assert page.get_by_text(re.compile(r"已由 王律师 于 \d{4}-\d{2}-\d{2} 审核通过")).is_visible()
    page.goto(f"{base}/cases/{case.pk}/")
    sharing = page.locator("#case-sharing")
    assert sharing.get_by_text("建议先寄停止骚扰函。").is_visible()
    # Open by itself, because there is a note for the borrower.
    assert sharing.locator(".access-log").get_by_text("王律师").first.is_visible()
    assert AccessLog.objects.filter(case=case, user=lawyer).exists()
    shoot(page, "review-case-sharing-phone")

    # The borrower stops sharing; the lawyer's next request is a 404.
    share = CaseShare.objects.get(case=case)
    page.click(f"#case-sharing a[href='/review/share/{share.pk}/revoke/']")
    page.wait_for_url(re.compile(r"/revoke/$"))
    page.click("main form button.danger")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    share.refresh_from_db()
    assert share.revoked_at is not None
    assert lawyer_page.goto(f"{base}/cases/{case.pk}/").status == 404
    assert lawyer_page.goto(f"{base}/review/case/{case.pk}/").status == 404
    queue = lawyer_page.goto(base + "/review/")
    assert queue.status == 200
    assert "借呗 催收电话" not in lawyer_page.content()

    lawyer_page.context.close()
    assert csp_errors(console) == []
