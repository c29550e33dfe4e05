"""A possible finding (the trained model alone) on a phone: the borrower confirms or dismisses it."""

import pytest

from rules.engine.detect import detector_version
from tests.e2e.conftest import PHONE
from tests.e2e.pages import LANGUAGES, new_context
from tests.factories import CaseFactory, ContactFactory, UserFactory

WORDS = {
    "zh-hans": {
        "possible": "可能",
        "yes": "是的，确有此事",
        "no": "不是，判断有误",
        "confirmed": "您已确认",
        "dismissed": "您已排除",
        "group": "可能的问题：请您确认",
    },
    "en": {
        "possible": "Possible",
        "yes": "Yes, this happened",
        "no": "No, this is wrong",
        "confirmed": "You confirmed this",
        "dismissed": "You said this is wrong",
        "group": "Possible: please check",
    },
}


def _case_with_two_possible_findings():
    borrower = UserFactory()
    case = CaseFactory(owner=borrower)
    version = detector_version()
    threat = ContactFactory(
        case=case,
        ref="C1",
        target="borrower",
        content="你等着，有你好受的",
        detected={"threat": "possible"},
        detector_version=version,
    )
    insult = ContactFactory(
        case=case,
        ref="C2",
        target="borrower",
        content="你这种人真是够了",
        detected={"insult": "possible"},
        detector_version=version,
    )
    return borrower, case, threat, insult


@pytest.mark.parametrize("language", LANGUAGES)
def test_borrower_confirms_one_possible_finding_and_dismisses_another(
    browser, live_server, language, shoot, console
):
    words = WORDS[language]
    borrower, case, threat, insult = _case_with_two_possible_findings()
    context = new_context(
        browser, live_server.url, user=borrower, language=language, viewport=PHONE
    )
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/cases/{case.pk}/")
        findings = page.locator("#findings")
        findings.get_by_text(words["group"]).wait_for()
        shoot(page, f"possible-findings-{language}-phone")

        page.goto(f"{live_server.url}/cases/{case.pk}/contacts/{threat.pk}/")
        answers = page.locator("#answers")
        answers.get_by_text(words["possible"], exact=True).wait_for()
        answers.get_by_role("button", name=words["yes"]).click()
        answers.get_by_text(words["confirmed"]).wait_for()
        assert page.locator(f"#contact-{threat.pk} .badge.possible").count() == 0
        shoot(page, f"possible-confirmed-{language}-phone")

        page.goto(f"{live_server.url}/cases/{case.pk}/contacts/{insult.pk}/")
        answers = page.locator("#answers")
        answers.get_by_role("button", name=words["no"]).click()
        answers.get_by_text(words["dismissed"]).wait_for()

        page.goto(f"{live_server.url}/cases/{case.pk}/")
        page.locator("#finding-threat").wait_for()
        assert page.locator("#finding-insult").count() == 0
        assert page.locator("#findings").get_by_text(words["group"]).count() == 0
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
    finally:
        context.close()
    threat.refresh_from_db()
    insult.refresh_from_db()
    assert threat.answers == {"threat": "confirmed"}
    assert insult.answers == {"insult": "dismissed"}
