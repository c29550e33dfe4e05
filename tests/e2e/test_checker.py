"""The public checkers on a phone, in both languages: no account, no cookie until saving."""

import re

import pytest

from cases.models import Case
from tests.checker.conftest import FAKE_PAPER, REMINDER, THREAT
from tests.e2e.conftest import csp_errors

MESSAGES = "\n".join([THREAT, REMINDER, FAKE_PAPER])
SAVE_BUTTON = {"zh-hans": "保存到案件", "en": "Save this to a case"}
SIGNUP = {"zh-hans": "免费注册", "en": "Create a free account"}


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_paste_three_messages_and_see_two_findings_with_citations(page, lang, console, shoot):
    page.goto(f"{page.base_url}/check/?lang={lang}")
    page.fill("textarea[name=messages]", MESSAGES)
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-result .finding")
    findings = page.locator("#check-result .finding")
    assert findings.count() == 2
    for i in range(2):
        assert findings.nth(i).locator(".citation").count() >= 1
    assert "治安管理处罚法" in page.inner_text("#check-result")
    assert page.context.cookies() == []
    assert csp_errors(console) == []
    shoot(page, f"checker-messages-{lang}")


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_a_loan_offer_with_an_upfront_fee_costs_above_24_percent_with_the_chart(
    page, lang, console, shoot
):
    page.goto(f"{page.base_url}/check/loan/?lang={lang}")
    page.fill("input[name=amount]", "10000")
    page.fill("input[name=term]", "12")
    page.fill("input[name=fee_name_1]", "服务费")
    page.fill("input[name=fee_amount_1]", "1000")
    page.fill("input[name=installment]", "1000")
    # No button pressed: htmx checks the offer as the borrower types.
    page.wait_for_selector("#loan-result #true-cost")
    cost = float(re.search(r"([\d.]+)%", page.inner_text("#true-cost")).group(1))
    assert cost > 24
    assert page.locator("#loan-result svg.chart").count() == 1
    assert page.context.cookies() == []
    assert csp_errors(console) == []
    shoot(page, f"checker-loan-{lang}")


def test_the_share_link_opens_the_same_result(page, browser):
    page.goto(f"{page.base_url}/check/loan/?lang=en")
    page.fill("input[name=amount]", "10000")
    page.fill("input[name=term]", "12")
    page.fill("input[name=fee_amount_1]", "1000")
    page.fill("input[name=installment]", "1000")
    page.wait_for_selector("#loan-result #true-cost")
    expected = page.inner_text("#true-cost")
    link = page.get_attribute("#share-link", "href")
    assert "#" in link and "amount=10000" in link.split("#")[1]
    other = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        shared = other.new_page()
        shared.goto(page.base_url + link)
        shared.wait_for_selector("#loan-result #true-cost")
        assert shared.inner_text("#true-cost") == expected
        assert shared.input_value("input[name=amount]") == "10000"
    finally:
        other.close()


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_save_the_checked_messages_into_a_new_case(page, lang, shoot):
    page.goto(f"{page.base_url}/check/?lang={lang}")
    page.fill("textarea[name=messages]", MESSAGES)
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-result .finding")
    assert page.context.cookies() == []
    page.click(f"form.save-form button:has-text('{SAVE_BUTTON[lang]}')")
    page.click(f"main a:has-text('{SIGNUP[lang]}')")
    page.fill("input[name=email]", f"saver-{lang}@example.com")
    page.fill("input[name=display_name]", "小周")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/signup/sent/")
    from tests.accounts.test_signup_next import emailed_link

    page.goto(emailed_link())
    page.fill("input[name=new_password1]", "a-long-pass-2026")
    page.fill("input[name=new_password2]", "a-long-pass-2026")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/check/save/")
    assert THREAT in page.inner_text("main")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/cases/\d+/$"))
    case = Case.objects.get(owner__email=f"saver-{lang}@example.com")
    assert sorted(case.contacts.values_list("content", flat=True)) == sorted(
        [THREAT, REMINDER, FAKE_PAPER]
    )
    shoot(page, f"checker-saved-{lang}")


def test_answering_the_lender_question_names_its_regulator(page):
    page.goto(f"{page.base_url}/check/?lang=en")
    page.fill("textarea[name=messages]", MESSAGES)
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-result .finding")
    assert "Which kind of lender is this" in page.inner_text("#check-result")
    page.check("#check-result input[name=lender_type][value=bank]")
    page.click("#check-result button[form=check-form]")
    page.wait_for_selector("#check-result :text('within 15 days')")
    assert "National Financial Regulatory Administration" in page.inner_text("#check-result")
    assert page.locator("#check-result").count() == 1
