"""The letter index puts the letter to send first at the top, from the case's findings."""

import pytest
from django.urls import reverse

from letters.kinds import KINDS, letters_in_order
from rules.engine import CATALOGUE
from rules.engine.types import Assessment, Finding


def order(*rules: str) -> list[dict]:
    findings = tuple(Finding(rule=r, contacts=("C1",)) for r in rules)
    return letters_in_order(KINDS, Assessment(findings=findings), CATALOGUE)


def keys(items: list[dict]) -> list[str]:
    return [item["kind"].key for item in items]


def test_contact_findings_put_stop_harassment_first():
    items = order("quiet_hours")
    assert keys(items)[0] == "stop_harassment"
    assert items[0]["first"]
    assert sum(item["first"] for item in items) == 1


@pytest.mark.parametrize("rule", ["threat", "impersonating_authority", "fake_legal_document", "improper_visit"])  # fmt: skip
def test_threats_and_visits_put_the_police_statement_first(rule):
    items = order(rule, "quiet_hours")
    assert keys(items)[:2] == ["police_statement", "stop_harassment"]


def test_disclosure_brings_the_pi_request_to_the_lender_up():
    assert keys(order("debt_disclosed_to_third_party"))[:2] == ["stop_harassment", "pi_request"]


def test_no_findings_means_no_start_here_and_payment_first():
    items = order()
    assert not any(item["first"] for item in items)
    assert keys(items)[0] == "negotiation"
    assert sorted(keys(items)) == sorted(KINDS)


def test_every_kind_has_a_one_line_reason():
    for items in (order(), order("threat", "quiet_hours", "contact_list_blast")):
        for item in items:
            assert str(item["reason"]).count(".") <= 2 and len(str(item["reason"])) < 120


def test_index_page_puts_stop_harassment_first_after_a_night_call(borrower_client, case):
    from datetime import datetime

    from tests.factories import SHANGHAI, ContactFactory

    ContactFactory(case=case, occurred_at=datetime(2025, 4, 12, 23, 30, tzinfo=SHANGHAI))
    response = borrower_client.get(reverse("letters:letter_index", args=[case.pk]))
    html = response.content.decode()
    first = html.index('class="card first"')
    assert html.count('class="card first"') == 1
    assert html.index('value="stop_harassment"', first) < html.index('class="card"', first)
    assert "从这里开始" in html[first : html.index('class="card"', first)]


def test_index_page_without_findings_has_no_start_here(borrower_client, case):
    response = borrower_client.get(reverse("letters:letter_index", args=[case.pk]))
    assert 'class="card first"' not in response.content.decode()
