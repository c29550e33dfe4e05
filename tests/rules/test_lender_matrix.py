"""Lender type x rule: which texts a finding cites, and with what standing.

Each profile is one loan; the same conduct is recorded against it in March 2026 (the 2025
治安管理处罚法 and the 2026 CBA guideline in force). A finding may cite only the texts that
bind its lender, and is "binding" only when a binding text applies.
"""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from rules import domain
from rules.engine import assess
from rules.engine.routing import route

TZ = ZoneInfo("Asia/Shanghai")
CARD = "商业银行信用卡业务监督管理办法"
CFC = "消费金融公司管理办法"
IBL = "商业银行互联网贷款管理暂行办法"
CP = "银行保险机构消费者权益保护管理办法"
PSA = "治安管理处罚法（2025年修订）"
PSA12 = "治安管理处罚法（2012年修正）"
GBT = "GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》"
CBA = "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026）"
PL = "最高人民法院关于审理民间借贷案件适用法律若干问题的规定"

PROFILES = {
    "credit_card": domain.Loan(ref="L", lender_type="bank", product="信用卡"),
    "bank_internet_consumer": domain.Loan(ref="L", lender_type="bank", product="网商贷", purpose="consumer"),
    "bank_internet_business": domain.Loan(ref="L", lender_type="bank", product="网商贷", purpose="business"),
    "consumer_finance": domain.Loan(ref="L", lender_type="consumer_finance", product="借呗"),
    "microloan": domain.Loan(ref="L", lender_type="microloan"),
    "platform": domain.Loan(ref="L", lender_type="platform"),
    "unlicensed": domain.Loan(ref="L", lender_type="unlicensed"),
}  # fmt: skip


def _contact(ref, at, **kw) -> domain.Contact:
    return domain.Contact(ref=ref, occurred_at=at, channel="call", loan="L", **kw)


def _case(profile: str, year: int = 2026) -> domain.Case:
    day = datetime(year, 3, 2, 10, 0, tzinfo=TZ)
    contacts = (
        _contact("C1", day, target="relative", content="让你替他还钱"),
        _contact("C2", day.replace(hour=11), target="borrower", tags=("threat",)),
        _contact("C3", day.replace(hour=23), target="borrower"),
        _contact("C4", day.replace(hour=12), target="borrower", tags=("insult",)),
        _contact("C5", day.replace(hour=13), target="borrower", claims_to_be=("court",)),
    )
    return domain.Case(loans=(PROFILES[profile],), contacts=contacts)


def _finding(case, rule):
    (finding,) = [f for f in assess(case).findings if f.rule == rule]
    return finding


B, S, H = "binding", "standard", "heuristic"

MATRIX = {
    # rule: {profile: (laws cited, standing)}
    "third_party_collection": {
        "credit_card": ({CARD, GBT}, B),
        "bank_internet_consumer": ({IBL, GBT}, B),
        "bank_internet_business": ({IBL}, B),
        "consumer_finance": ({CFC, IBL, GBT}, B),
        "microloan": ({GBT}, S),
        "platform": ({GBT}, S),
        "unlicensed": (set(), H),
    },
    "threat": {
        "credit_card": ({PSA, CARD, CP}, B),
        "bank_internet_consumer": ({PSA, CP}, B),
        "bank_internet_business": ({PSA}, B),
        "consumer_finance": ({PSA, CFC, CP}, B),
        "microloan": ({PSA}, B),
        "platform": ({PSA}, B),
        "unlicensed": ({PSA}, B),
    },
    "quiet_hours": {
        "credit_card": ({GBT, CBA}, S),
        "bank_internet_consumer": ({GBT, CBA}, S),
        "bank_internet_business": (set(), H),
        "consumer_finance": ({GBT, CBA}, S),
        "microloan": ({GBT}, S),
        "platform": ({GBT}, S),
        "unlicensed": (set(), H),
    },
    "insult": {
        "credit_card": ({CARD, CBA}, B),
        "bank_internet_consumer": ({CBA}, S),
        "bank_internet_business": (set(), H),
        "consumer_finance": ({CBA}, S),
        "microloan": (set(), H),
        "platform": (set(), H),
        "unlicensed": (set(), H),
    },
    "impersonating_authority": {
        "credit_card": ({CP, PSA, CBA}, B),
        "bank_internet_consumer": ({CP, PSA, CBA}, B),
        "bank_internet_business": ({PSA}, B),
        "consumer_finance": ({CP, PSA, CBA}, B),
        "microloan": ({PSA}, B),
        "platform": ({PSA}, B),
        "unlicensed": ({PSA}, B),
    },
}
CASES = [
    (rule, profile, laws, standing)
    for rule, row in MATRIX.items()
    for profile, (laws, standing) in row.items()
]


@pytest.mark.parametrize(("rule", "profile", "laws", "standing"), CASES)
def test_lender_matrix_cites_only_texts_that_bind_the_lender(rule, profile, laws, standing):
    finding = _finding(_case(profile), rule)
    assert {s.law for s in finding.sources} == laws
    assert finding.standing == standing


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_no_finding_is_binding_without_a_binding_text_that_applies(profile):
    for finding in assess(_case(profile)).findings:
        if finding.standing == B:
            assert any(s.standing == B for s in finding.sources), finding.rule


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_left_out_text_says_why(profile):
    for finding in assess(_case(profile)).findings:
        cited = set(finding.sources) | set(finding.related)
        for exclusion in finding.excluded:
            assert exclusion.source not in cited and exclusion.reason


def test_credit_card_rules_are_left_out_of_a_bank_internet_loan_with_the_reason():
    finding = _finding(_case("bank_internet_consumer"), "third_party_collection")
    (why,) = [e for e in finding.excluded if e.source.law == CARD]
    assert why.reason == "product"


def test_conduct_before_2026_cites_the_2012_law_with_the_lighter_law_note():
    finding = _finding(_case("microloan", 2025), "threat")
    (source,) = finding.sources
    assert source.law == PSA12 and source.article == "第四十二条第（一）项"
    assert "从旧兼从轻" in str(source.note)
    assert any(e.source.law == PSA and e.reason == "not_yet" for e in finding.excluded)


def test_private_insults_do_not_cite_the_public_insult_item():
    finding = _finding(_case("unlicensed"), "insult")
    articles = [s.article for s in finding.sources + finding.related]
    assert "第五十条第一款第（二）项" not in articles


def test_contacts_of_loans_with_different_scopes_are_split_into_one_finding_each():
    day = datetime(2026, 3, 2, 10, 0, tzinfo=TZ)
    case = domain.Case(
        loans=(
            domain.Loan(ref="CARD", lender="某银行", lender_type="bank", product="信用卡"),
            domain.Loan(ref="MICRO", lender="某小贷", lender_type="microloan"),
        ),
        contacts=(
            domain.Contact("C1", day, "call", "relative", loan="CARD", content="你替他还钱"),
            domain.Contact("C2", day, "call", "friend", loan="MICRO", content="你替他还钱"),
        ),
    )
    findings = [f for f in assess(case).findings if f.rule == "third_party_collection"]
    by_contacts = {f.contacts: f for f in findings}
    assert set(by_contacts) == {("C1",), ("C2",)}
    assert {s.law for s in by_contacts[("C1",)].sources} == {CARD, GBT}
    assert by_contacts[("C2",)].standing == S and CARD not in {
        s.law for s in by_contacts[("C2",)].sources
    }


def test_four_times_lpr_cites_private_lending_rules_only_for_unlicensed_lenders():
    from datetime import date

    loan = domain.Loan(
        ref="L",
        lender_type="unlicensed",
        amount_received=Decimal(1000),
        disbursed_on=date(2025, 6, 1),
        installments=(domain.Installment(due_on=date(2026, 6, 1), amount=Decimal(1300)),),
    )
    finding = _finding(domain.Case(loans=(loan,)), "rate_above_4x_lpr")
    assert {s.law for s in finding.sources} == {PL} and finding.standing == B


@pytest.mark.parametrize(
    ("lender_type", "regulator", "authority", "standing"),
    [
        ("bank", "12378", "国家金融监督管理总局或其派出机构", B),
        ("consumer_finance", "12378", "国家金融监督管理总局或其派出机构", B),
        ("microloan", "12345", "地方金融管理部门", H),
        ("platform", "12345", "当地12345政务服务便民热线", H),
        ("unlicensed", "12345", "当地12345政务服务便民热线", H),
    ],
)
def test_routing_sends_each_lender_type_to_its_regulator(
    lender_type, regulator, authority, standing
):
    routing = route(lender_type)
    assert routing.known and routing.regulator.id == regulator
    assert routing.regulator.authority_zh == authority
    assert routing.regulator.standing == standing
    assert routing.channels[0].id in {"lender", "12345"}


def test_routing_gives_the_15_day_deadline_only_where_the_complaint_rules_bind():
    assert route("bank").reply_days == 15 and route("microloan").reply_days is None


def test_unknown_lender_type_is_asked_not_guessed():
    routing = route("other")
    assert not routing.known and routing.regulator is None and routing.question


def test_routing_adds_110_and_the_personal_information_authority_by_conduct():
    ids = [c.id for c in route("bank", rules={"threat", "contact_list_blast"}).channels]
    assert {"110", "12321", "pi_regulator"} <= set(ids)


@pytest.mark.parametrize(
    ("profile", "expected"),
    [("credit_card", "12378"), ("microloan", "12345"), ("unlicensed", "12345")],
)
def test_finding_next_steps_name_the_regulator_of_the_lender(profile, expected):
    from django.utils import translation

    from rules.presentation import finding_entry

    with translation.override("en"):
        entry = finding_entry(_finding(_case(profile), "threat"))
        assert any(expected in step for step in entry["actions"])


def test_finding_of_an_unknown_lender_asks_which_kind_it_is():
    from django.utils import translation

    from rules.presentation import finding_entry

    case = _case("platform")
    case = domain.Case(loans=(domain.Loan(ref="L", lender_type="other"),), contacts=case.contacts)
    with translation.override("en"):
        entry = finding_entry(_finding(case, "threat"))
        assert any("Which kind of lender is this" in step for step in entry["actions"])
