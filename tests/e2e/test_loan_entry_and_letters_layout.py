"""Loan entry in the browser: a directory lender brings its type at once and the schedule
fills itself from the terms (htmx); the letters page puts the preview beside the form on a
wide screen and below it on a phone. Screenshots land in artifacts/screenshots/."""

from decimal import Decimal

from cases.models import Loan
from letters.services import letter_draft_create
from review.services import case_review_take
from tests.e2e.conftest import DESKTOP, PHONE, csp_errors, sign_in
from tests.factories import (
    CaseFactory,
    CaseShareFactory,
    ContactFactory,
    LenderFactory,
    LoanFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)


def _wait_for_swap(page, action):
    with page.expect_response(lambda r: r.request.method == "POST"):
        action()
    page.wait_for_timeout(150)  # htmx settles the swapped fragment


def test_loan_form_sets_the_type_and_fills_the_schedule(page, live_server, console, shoot):
    user = UserFactory()
    case = CaseFactory(owner=user)
    mybank = LenderFactory()
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/loans/new/")
    assert page.locator("#id_lender_type").input_value() == "other"

    _wait_for_swap(page, lambda: page.select_option("#id_lender", str(mybank.pk)))
    assert page.locator("#id_lender_type").input_value() == "bank"

    page.fill("#id_principal", "12000")
    page.fill("#id_stated_rate_percent", "12")
    page.fill("#id_schedule_term", "12")
    page.fill("#id_schedule_first_due", "2025-02-08")
    page.fill("#id_schedule_paid", "2")
    _wait_for_swap(page, lambda: page.get_by_role("button", name="填写各期").click())
    assert page.locator("input[name=installments-TOTAL_FORMS]").input_value() == "14"
    assert page.locator("#id_installments-0-amount").input_value() == "1066.19"
    assert page.locator("#id_installments-1-paid").input_value() == "1066.19"
    assert page.locator("#id_installments-2-paid").input_value() == ""
    assert page.locator("#id_installments-11-due_on").input_value() == "2026-01-08"
    # Everything typed above the schedule is still there: only the rows were swapped.
    assert page.locator("#id_principal").input_value() == "12000"
    shoot(page, "loan_form-generated-phone")

    page.fill("#id_installments-3-paid", "500")  # the borrower edits an exception
    with page.expect_navigation():
        page.get_by_role("button", name="保存借款").click()
    loan = Loan.objects.get(case=case)
    assert (loan.lender, loan.lender_type) == (mybank, "bank")
    assert loan.installments.count() == 12
    assert loan.installments.order_by("due_on")[3].paid == Decimal("500")
    assert csp_errors(console) == []


def test_loan_form_works_without_javascript(browser, live_server, shoot):
    user = UserFactory()
    case = CaseFactory(owner=user)
    mybank = LenderFactory()
    context = browser.new_context(viewport=PHONE, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.base_url = live_server.url
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/loans/new/")
    page.select_option("#id_lender", str(mybank.pk))
    page.fill("#id_schedule_term", "6")
    page.fill("#id_schedule_first_due", "2025-03-31")
    page.fill("#id_schedule_installment", "1700")
    with page.expect_navigation():
        page.get_by_role("button", name="填写各期").click()
    assert page.locator("#id_installments-5-amount").input_value() == "1700.00"
    assert page.locator("#id_installments-1-due_on").input_value() == "2025-04-30"
    assert page.locator("#id_lender_type").input_value() == "bank"  # shown after the round trip
    with page.expect_navigation():
        page.get_by_role("button", name="保存借款").click()
    loan = Loan.objects.get(case=case)
    assert (loan.lender_type, loan.installments.count()) == ("bank", 6)
    context.close()


def _shared_world():
    borrower = UserFactory()
    case = CaseFactory(owner=borrower, borrower_address="浙江省杭州市西湖区示例路 1 号")
    loan = LoanFactory(case=case)
    for i in range(4):
        ContactFactory(case=case, loan=loan, content=f"第{i + 1}次：说再不还就上门找你家人。")
    organisation = OrganisationFactory()
    CaseShareFactory(case=case, organisation=organisation, granted_by=borrower)
    volunteer = UserFactory()
    MembershipFactory(user=volunteer, organisation=organisation)
    draft = letter_draft_create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    return borrower, volunteer, organisation, case, draft


def test_preview_sits_beside_the_form_on_a_wide_screen(browser, live_server, shoot):
    borrower, _volunteer, _org, _case, draft = _shared_world()
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        page = context.new_page()
        page.base_url = live_server.url
        sign_in(page, borrower)
        page.goto(f"{live_server.url}/letters/draft/{draft.pk}/")
        form = page.locator("main form").first.bounding_box()
        preview = page.locator("#letter-preview").bounding_box()
        if name == "desktop":
            assert preview["x"] >= form["x"] + form["width"]  # beside
            assert preview["y"] < form["y"] + form["height"]
        else:
            assert preview["y"] >= form["y"] + form["height"]  # below
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"]  # no sideways scroll of the page
        shoot(page, f"letter_edit-borrower-{name}")
        context.close()


def test_volunteer_letters_pages_speak_about_the_borrower(browser, live_server, shoot):
    _borrower, volunteer, organisation, case, draft = _shared_world()
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        page = context.new_page()
        page.base_url = live_server.url
        sign_in(page, volunteer)
        page.goto(f"{live_server.url}/letters/case/{case.pk}/")
        assert page.locator("h1").inner_text() == "借款人的信件"
        shoot(page, f"letter_index-volunteer-{name}")
        page.goto(f"{live_server.url}/letters/draft/{draft.pk}/")
        assert "借款人应如何寄出" in page.locator("main").inner_text()
        assert "138****0000" in page.locator("#letter-preview").inner_text()
        shoot(page, f"letter_edit-volunteer-{name}")
        context.close()
    case_review_take(case=case, organisation=organisation, user=volunteer)
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    page.base_url = live_server.url
    sign_in(page, volunteer)
    page.goto(f"{live_server.url}/letters/draft/{draft.pk}/")
    assert "13800000000" in page.locator("#letter-preview").inner_text()
    context.close()
