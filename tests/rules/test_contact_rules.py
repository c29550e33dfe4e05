import time
from datetime import date, timedelta

import pytest

from rules import domain
from rules.engine import assess

from .helpers import case, contact, rules_of


@pytest.mark.parametrize(
    ("when", "fires"),
    [
        ("2025-04-01T21:59", False),
        ("2025-04-01T22:00", True),
        ("2025-04-02T07:59", True),
        ("2025-04-02T08:00", False),
    ],
)
def test_quiet_hours_boundaries(when, fires):
    assert ("quiet_hours" in rules_of(assess(case(contact("C1", when))))) is fires


def test_quiet_hours_uses_the_case_timezone():
    utc = domain.Contact(
        ref="C1",
        occurred_at=contact("X", "2025-04-01T12:00").occurred_at.astimezone(
            __import__("zoneinfo").ZoneInfo("UTC")
        ),
        channel="call",
        target="borrower",
    )
    assert "quiet_hours" not in rules_of(assess(case(utc)))
    assert "quiet_hours" in rules_of(
        assess(domain.Case(timezone="America/New_York", contacts=(utc,)))
    )


def test_quiet_hours_consent_silences_the_rule():
    assert "quiet_hours" not in rules_of(
        assess(case(contact("C1", "2025-04-01T23:00", consent_to_time=True)))
    )


def _calls(n, connected=True, **kwargs):
    return [
        contact(f"C{i}", f"2025-04-01T1{i % 10}:00", connected=connected, **kwargs)
        for i in range(n)
    ]


def test_three_connected_calls_are_within_the_cap():
    assert "connected_calls_over_cap" not in rules_of(assess(case(*_calls(3))))


def test_four_connected_calls_break_the_cap():
    assert len(rules_of(assess(case(*_calls(4))))["connected_calls_over_cap"]) == 4


def test_connected_calls_are_counted_per_lender():
    other = domain.Loan(ref="L2", lender="另一家")
    calls = _calls(2) + [
        contact(f"D{i}", f"2025-04-01T0{i + 8}:30", connected=True, loan="L2") for i in range(2)
    ]
    assert "connected_calls_over_cap" not in rules_of(
        assess(case(*calls, loans=(case().loans[0], other)))
    )


def test_six_unanswered_attempts_are_within_the_benchmark():
    assert "dial_attempts_over_cap" not in rules_of(assess(case(*_calls(6, connected=False))))


def test_seven_unanswered_attempts_break_the_benchmark():
    assert len(rules_of(assess(case(*_calls(7, connected=False))))["dial_attempts_over_cap"]) == 7


def _third_parties(n, days_apart=1):
    return [
        contact(
            f"T{i}",
            (date(2025, 4, 1) + timedelta(days=i * days_apart)).isoformat() + "T10:00",
            target="friend",
            target_phone=f"1390000000{i}",
        )
        for i in range(n)
    ]


def test_four_third_parties_in_a_week_are_not_a_blast():
    assert "contact_list_blast" not in rules_of(assess(case(*_third_parties(4))))


def test_five_third_parties_in_a_week_are_a_blast():
    assert len(rules_of(assess(case(*_third_parties(5))))["contact_list_blast"]) == 5


def test_five_third_parties_spread_over_more_than_7_days_are_not_a_blast():
    assert "contact_list_blast" not in rules_of(assess(case(*_third_parties(5, days_apart=2))))


def test_demand_to_a_relative_is_third_party_collection():
    found = rules_of(
        assess(case(contact("C1", "2025-04-01T10:00", target="relative", content="让你替他还钱")))
    )
    assert "third_party_collection" in found and "debt_disclosed_to_third_party" in found


def test_demand_to_the_guarantor_is_lawful():
    found = rules_of(
        assess(case(contact("C1", "2025-04-01T10:00", target="guarantor", content="请尽快还款")))
    )
    assert "third_party_collection" not in found


def test_third_party_contacted_after_objection():
    objection = domain.Event(
        kind="third_party_objected",
        at=contact("X", "2025-04-01T11:00").occurred_at,
        target_phone="139",
    )
    before = contact("C1", "2025-04-01T10:00", target="relative", target_phone="139")
    after = contact("C2", "2025-04-02T10:00", target="relative", target_phone="139")
    other = contact("C3", "2025-04-02T10:00", target="relative", target_phone="137")
    found = rules_of(assess(case(before, after, other, events=[objection])))
    assert found["third_party_contacted_after_objection"] == ("C2",)


def test_objection_matched_by_name_when_no_phone():
    objection = domain.Event(
        kind="third_party_objected",
        at=contact("X", "2025-04-01T11:00").occurred_at,
        target_name="父亲",
    )
    after = contact("C2", "2025-04-02T10:00", target="relative", target_name="父亲")
    assert "third_party_contacted_after_objection" in rules_of(
        assess(case(after, events=[objection]))
    )


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({"claims_to_be": ("police",)}, "impersonating_authority"),
        ({"claims_to_be": ("lawyer",)}, None),
        ({"channel": "social_post", "target": "public"}, "public_shaming"),
        ({"caller": domain.Caller(identity_disclosed=False)}, "identity_not_disclosed"),
        ({"tags": ("threat",)}, "threat"),
        ({"tags": ("private_account",)}, "extra_fee_or_private_account"),
        ({"content": "你这是诈骗，明天警察上门抓你"}, "false_legal_consequences"),
        ({"content": "请您尽快还款，以免影响征信"}, None),
    ],
)
def test_structured_fields_and_text(kwargs, rule):
    found = rules_of(assess(case(contact("C1", "2025-04-01T10:00", **kwargs))))
    if rule is None:
        assert found == {}
    else:
        assert rule in found


@pytest.mark.parametrize(("visitors", "fires"), [(1, True), (2, False)])
def test_visit_by_fewer_than_two(visitors, fires):
    found = rules_of(
        assess(case(contact("C1", "2025-04-01T15:00", channel="visit", visitors=visitors)))
    )
    assert ("improper_visit" in found) is fires


def test_night_visit_is_improper():
    found = rules_of(assess(case(contact("C1", "2025-04-01T22:30", channel="visit", visitors=2))))
    assert "improper_visit" in found


def test_contact_after_installment_agreement_for_that_loan_only():
    signed = domain.Event(
        kind="installment_agreement_signed",
        at=contact("X", "2025-05-06T10:00").occurred_at,
        loan="L1",
    )
    before = contact("C1", "2025-05-05T10:00")
    after = contact("C2", "2025-05-07T10:00")
    other_loan = contact("C3", "2025-05-07T11:00", loan="L2")
    found = rules_of(assess(case(before, after, other_loan, events=[signed])))
    assert found["contact_after_installment_agreement"] == ("C2",)


def test_assess_thousand_contacts_is_fast():
    contacts = [
        contact(
            f"C{i}",
            (date(2025, 1, 1) + timedelta(days=i // 10)).isoformat() + f"T{8 + i % 10:02d}:00",
            connected=bool(i % 2),
            content="请尽快还款" if i % 3 else "",
        )
        for i in range(1000)
    ]
    the_case = case(*contacts)
    assess(the_case)
    started = time.perf_counter()
    assess(the_case)
    assert time.perf_counter() - started < 1.0


def _agreement_case(product: str):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from rules import domain

    tz = ZoneInfo("Asia/Shanghai")
    return domain.Case(
        loans=(domain.Loan(ref="L1", lender_type="bank", product=product),),
        contacts=(
            domain.Contact(
                ref="C1",
                occurred_at=datetime(2025, 5, 7, 10, tzinfo=tz),
                channel="call",
                target="borrower",
                loan="L1",
            ),
        ),
        events=(
            domain.Event(
                kind="installment_agreement_signed",
                at=datetime(2025, 5, 6, 10, tzinfo=tz),
                loan="L1",
            ),
        ),
    )


def test_agreement_on_a_credit_card_cites_article_70_as_binding():
    from rules.engine import assess

    (finding,) = [
        f
        for f in assess(_agreement_case("信用卡")).findings
        if f.rule == "contact_after_installment_agreement"
    ]
    assert finding.standing == "binding"
    assert any(s.article == "第七十条" for s in finding.sources)


def test_agreement_on_other_loans_rests_on_the_contract_not_the_card_rules():
    from rules.engine import assess

    (finding,) = [
        f
        for f in assess(_agreement_case("网商贷")).findings
        if f.rule == "contact_after_installment_agreement"
    ]
    assert finding.standing == "heuristic" and finding.sources == ()
    assert [s.article for s in finding.related] == ["第五百零九条"]
    assert [e.source.article for e in finding.excluded] == ["第七十条"]


def test_disclosure_words_said_to_the_borrower_are_not_disclosure_to_others():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from rules import domain
    from rules.engine import assess

    tz = ZoneInfo("Asia/Shanghai")
    said = "问我家里还有谁能替我还，说我欠钱不还"

    def rules_for(target):
        contact = domain.Contact(
            ref="C1",
            occurred_at=datetime(2025, 4, 1, 10, tzinfo=tz),
            channel="call",
            target=target,
            content=said,
        )
        return {f.rule for f in assess(domain.Case(contacts=(contact,))).findings}

    assert "debt_disclosed_to_third_party" not in rules_for("borrower")
    assert "debt_disclosed_to_third_party" not in rules_for("guarantor")
    assert "debt_disclosed_to_third_party" in rules_for("relative")
