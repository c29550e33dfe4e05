"""Printing a letter from the browser shows the letter alone, laid out as in the PDF."""

from letters.services import letter_draft_create
from tests.e2e.conftest import sign_in
from tests.factories import CaseFactory, ContactFactory, LoanFactory, UserFactory


def test_browser_print_shows_only_the_letter_in_its_pdf_layout(page, live_server):
    user = UserFactory()
    case = CaseFactory(owner=user)
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan, content="晚上十一点打来威胁上门")
    draft = letter_draft_create(case=case, owner=user, kind="stop_harassment", language="zh-hans")
    sign_in(page, user)
    page.goto(f"{live_server.url}/letters/draft/{draft.pk}/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator("main form").first.is_hidden()
    assert page.locator(".letter").first.is_visible()
    # The letter's list of facts runs in one column, as in the PDF (no app grid leaking in).
    display = page.evaluate(
        "getComputedStyle(document.querySelector('.letter .facts') || document.querySelector('.letter ol')).display"
    )
    assert display in {"block", "list-item"}
