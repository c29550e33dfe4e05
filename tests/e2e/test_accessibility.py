"""axe-core on every main page, in both languages: no serious or critical violations.

The per-page summary is written to artifacts/axe-report.json.
"""

import json

import pytest

from tests.e2e.conftest import ARTIFACTS, PHONE
from tests.e2e.pages import LANGUAGES, Contexts, build_world
from tests.e2e.test_import_journey import IMPORT_STATES
from tests.e2e.test_screenshot_journey import SCREENSHOT_STATES

BLOCKING = {"serious", "critical"}
IMPACTS = ("critical", "serious", "moderate", "minor")


def _quick_add_errors(page):
    page.fill("#quick_occurred_at", "")
    page.click("#quick-add button[type=submit]")
    page.wait_for_selector("#quick-add [role=alert]")


def _inline_edit(page):
    page.locator("#timeline-list .item-actions a[hx-get]").first.click()
    page.wait_for_selector("#timeline-list form textarea[name=content]")


def _menu_open(page):
    page.click(".site-menu summary")


def _signup_errors(page):
    page.click("main form button[type=submit]")
    page.wait_for_selector("main [role=alert]")


def _messages_checked(page):
    from tests.checker.conftest import FAKE_PAPER, INSULT, REMINDER, THREAT

    page.fill("textarea[name=messages]", "\n".join([THREAT, REMINDER, FAKE_PAPER, INSULT]))
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-result .finding")


def _messages_too_long(page):
    page.fill("textarea[name=messages]", "")
    page.evaluate("document.querySelector('textarea[name=messages]').removeAttribute('maxlength')")
    page.fill("textarea[name=messages]", "催" * 5001)
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-result [role=alert]")


def _loan_checked(page):
    for name, value in [("amount", "10000"), ("term", "12"), ("installment", "1000"),
                        ("fee_name_1", "担保费"), ("fee_amount_1", "1000")]:  # fmt: skip
        page.fill(f"input[name={name}]", value)
    page.wait_for_selector("#loan-result #true-cost")


# Pages in a state reached by using them: errors shown, an inline editor, the phone menu open.
STATES = [
    ("case_detail+quick_add_errors", "case_detail", _quick_add_errors),
    ("case_detail+inline_edit", "case_detail", _inline_edit),
    ("home+menu_open", "home", _menu_open),
    ("signup+errors", "signup", _signup_errors),
    ("message_check+result", "message_check", _messages_checked),
    ("message_check_en+result", "message_check_en", _messages_checked),
    ("message_check+too_long", "message_check", _messages_too_long),
    ("loan_check+result", "loan_check", _loan_checked),
    ("loan_check_en+result", "loan_check_en", _loan_checked),
]


@pytest.fixture
def world(live_server):
    return build_world()


def test_main_pages_have_no_serious_accessibility_violations(browser, live_server, world):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    # The audit injects axe-core's script, which the app's CSP would refuse.
    # Audited at phone size, the size most borrowers use.
    contexts = Contexts(browser, live_server.url, world, bypass_csp=True, viewport=PHONE)
    report, blocking = [], []
    try:
        by_name = {name: (path, who) for name, path, who in world.paths}
        walks = [(name, path, who, None) for name, path, who in world.paths]
        walks += [(state, *by_name[base], action) for state, base, action in STATES]
        for language in LANGUAGES:
            for name, path, who, action in walks:
                page = contexts.page(who, language)
                response = page.goto(live_server.url + path)
                assert response.status == 200, (name, language, response.status)
                assert response.url.endswith(path), (name, "redirected to", response.url)
                if action:
                    action(page)
                violations = axe.run(page).response["violations"]
                by_impact = {impact: [] for impact in IMPACTS}
                for violation in violations:
                    by_impact[violation["impact"] or "minor"].append(
                        f"{violation['id']} ({len(violation['nodes'])})"
                    )
                    if violation["impact"] in BLOCKING:
                        targets = [node["target"] for node in violation["nodes"]][:5]
                        blocking.append(f"{name} [{language}] {violation['id']}: {targets}")
                report.append(
                    {"page": name, "path": path, "language": language, "violations": by_impact}
                )
    finally:
        contexts.close()
        ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS.parent / "axe-report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2)
        )
    assert len(report) == 2 * (len(world.paths) + len(STATES))
    assert blocking == []


# The phone import (issue 5), reached from the case page as a borrower does: the upload page,
# the review of what was read, one number's messages, and the page for a damaged file.
STATES += [(name, "case_detail", action) for name, action in IMPORT_STATES]
# The screenshot import (issue 10): its upload page with the per-brand guidance, and the review.
STATES += [(name, "case_detail", action) for name, action in SCREENSHOT_STATES]
