"""The letter review journey on a 360 px phone, three people signed in at once.

The borrower shares the case; a volunteer signs in, lands on the queue, takes the case and
asks for a change on one paragraph of the finalised letter; the borrower reads the request,
revises and finalises again; a lawyer reads the new version with its changes marked and
approves it; the borrower downloads the approved PDF, which carries the review line. On the
way, quick-add stays on the first screen of the shared case, and no step trips the CSP.
"""

import re
import subprocess

import pytest

from accounts.models import Membership
from letters.models import LetterVersion
from letters.services import letter_draft_create, letter_finalise
from review.models import LetterComment
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


def other_person(browser, base_url: str, console: list[str]):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = base_url
    page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    return page


def test_change_requested_revised_and_approved(page, browser, console, shoot, tmp_path):
    base = page.base_url
    borrower = UserFactory(email="li@example.com", display_name="小李")
    case = CaseFactory(owner=borrower, title="网商贷 催收电话")
    loan = LoanFactory(case=case, ref="L1")
    ContactFactory(case=case, loan=loan)
    organisation = OrganisationFactory(name="西湖法律援助工作站", slug="xihu")
    volunteer = UserFactory(email="zhao@example.com", display_name="赵志愿者")
    MembershipFactory(user=volunteer, organisation=organisation)
    lawyer = UserFactory(email="wang@example.com", display_name="王律师")
    MembershipFactory(user=lawyer, organisation=organisation, role=Membership.Role.LAWYER)
    draft = letter_draft_create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    first = letter_finalise(draft=draft)

    # The borrower shares the case; quick-add stays on the first screen afterwards.
    sign_in(page, borrower)
    page.goto(f"{base}/review/case/{case.pk}/share/")
    page.select_option("select[name=organisation]", str(organisation.pk))
    page.check("input[name=consent]")
    page.click("main form button.primary")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    top = page.locator("#quick-add").evaluate("el => el.getBoundingClientRect().top + scrollY")
    shoot(page, "letter-review-case-after-sharing-phone")
    assert top < 800, f"quick-add starts {top} px down the shared case page"

    # The volunteer signs in and lands on the queue, then takes the case.
    volunteer_page = other_person(browser, base, console)
    sign_in(volunteer_page, volunteer)
    volunteer_page.goto(base + "/accounts/login/")
    volunteer_page.wait_for_url(re.compile(r"/review/$"))
    volunteer_page.click(f"a[href='/review/case/{case.pk}/']")
    volunteer_page.click(f"form[action='/review/case/{case.pk}/take/'] button")
    volunteer_page.wait_for_url(re.compile(rf"/review/case/{case.pk}/$"))

    # …opens the finalised version and asks for a change on paragraph 3.
    volunteer_page.click(f"a[href='/review/version/{first.pk}/']")
    volunteer_page.wait_for_url(re.compile(rf"/review/version/{first.pk}/$"))
    assert volunteer_page.locator("#para-3").is_visible()
    volunteer_page.select_option("select[name=paragraph]", "3")
    volunteer_page.fill("textarea[name=text]", "请写明收件单位的全称。")
    assert volunteer_page.locator("input[name=requests_changes]").is_checked()
    volunteer_page.click(f"form[action='/review/version/{first.pk}/comments/'] button")
    volunteer_page.wait_for_url(re.compile(rf"/review/version/{first.pk}/$"))
    assert volunteer_page.get_by_text("请写明收件单位的全称。").is_visible()
    assert (
        volunteer_page.locator(f"form[action='/review/version/{first.pk}/approve/']").count() == 0
    ), "a volunteer who is not a lawyer must not be offered approval"
    shoot(volunteer_page, "letter-review-change-requested-phone")
    assert LetterComment.objects.get().paragraph == 3

    # The borrower reads the request, revises and finalises again.
    page.goto(f"{base}/letters/draft/{draft.pk}/")
    requests = page.locator("#review-requests")
    assert requests.get_by_text("请写明收件单位的全称。").is_visible()
    assert requests.get_by_text("第 3 段").is_visible()
    shoot(page, "letter-review-borrower-sees-request-phone")
    page.fill("input[name=recipient]", "浙江网商银行股份有限公司 客户服务中心")
    page.click(f"form[action='/letters/draft/{draft.pk}/'] button[type=submit]")
    page.wait_for_url(re.compile(rf"/letters/draft/{draft.pk}/$"))
    page.click(f"form[action='/letters/draft/{draft.pk}/finalise/'] button.primary")
    page.wait_for_url(re.compile(rf"/letters/draft/{draft.pk}/$"))
    second = LetterVersion.objects.filter(draft=draft, finalised_at__isnull=False).latest("number")
    assert second.pk != first.pk

    # The lawyer reads the new version, with its changes marked, and approves it.
    lawyer_page = other_person(browser, base, console)
    sign_in(lawyer_page, lawyer)
    lawyer_page.goto(f"{base}/review/case/{case.pk}/")
    lawyer_page.click(f"a[href='/review/version/{second.pk}/']")
    lawyer_page.wait_for_url(re.compile(rf"/review/version/{second.pk}/$"))
    assert lawyer_page.locator("li.para-changed").count() >= 1
    assert lawyer_page.get_by_text("客户服务中心").first.is_visible()
    lawyer_page.once("dialog", lambda dialog: dialog.accept())
    lawyer_page.click(f"form[action='/review/version/{second.pk}/approve/'] button")
    lawyer_page.wait_for_url(re.compile(rf"/review/version/{second.pk}/$"))
    lawyer_page.get_by_text("经 西湖法律援助工作站 于").first.wait_for()
    shoot(lawyer_page, "letter-review-approved-phone")

    # The borrower downloads the approved PDF with the review line.
    page.goto(f"{base}/letters/draft/{draft.pk}/")
    with page.expect_download() as download_info:
        page.click("#review-requests a.button.primary")
    download = download_info.value
    assert download.suggested_filename == f"stop_harassment-zh-hans-v{second.number}-approved.pdf"
    path = tmp_path / "approved.pdf"
    download.save_as(path)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "经 西湖法律援助工作站 于" in text and "审阅" in text

    volunteer_page.context.close()
    lawyer_page.context.close()
    assert csp_errors(console) == []
