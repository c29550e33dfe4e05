"""Fuzzing the rights engine: any case the bundle can describe is assessed without an
exception, the findings cite only the case's own contacts and loans, the result is the same
every time and comes back equal from storage, and the contact-list blast flags exactly what
its definition does."""

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rules import domain
from rules.engine import TEXT_RULES, assess, summarize
from rules.engine.stored import (
    assessment_from_data,
    assessment_to_data,
    summary_from_data,
    summary_to_data,
)
from tests.rules.test_blast_window import reference

START = datetime(2019, 6, 1, tzinfo=UTC)
PHRASES = [
    "", "你好", "今天不还钱就去你单位闹", "我们是法院的，马上起诉你", "再不还就通知你全家和通讯录",
    "老赖不要脸", "请尽快还款", "把钱转到这个私人账户", "去别的平台借钱还上",
]  # fmt: skip
MONEY = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
MOMENTS = st.integers(min_value=0, max_value=60 * 24 * 365 * 3).map(
    lambda minutes: START + timedelta(minutes=minutes)
)
PHONES = st.sampled_from(["", "13900000001", "13900000002", "13900000003", "13900000004",
                          "13900000005", "13900000006"])  # fmt: skip


def loans():
    return st.builds(
        domain.Loan,
        ref=st.just("L"),
        lender=st.sampled_from(["", "某某消费金融有限公司", "某银行"]),
        lender_type=st.sampled_from(sorted(domain.LENDER_TYPES)),
        product=st.sampled_from(["", "信用卡", "借呗", "credit card"]),
        principal=st.none() | MONEY,
        amount_received=st.none() | MONEY,
        disbursed_on=st.none() | DAYS,
        installments=st.lists(
            st.builds(domain.Installment, due_on=DAYS, amount=MONEY, paid=MONEY), max_size=6
        ).map(tuple),
        fees=st.lists(
            st.builds(
                domain.Fee,
                name=st.sampled_from(["利息", "服务费", "砍头息", "担保费"]),
                amount=MONEY,
                charged_on=st.none() | DAYS,
            ),
            max_size=3,
        ).map(tuple),  # fmt: skip
        overdue_since=st.none() | DAYS,
        outstanding=st.none() | MONEY,
        stated_rate=st.none() | st.decimals(min_value=0, max_value=999, places=4),
        purpose=st.sampled_from(["", "consumer", "business"]),
    )


def contacts(loan_refs):
    rules = st.sampled_from(TEXT_RULES)
    return st.builds(
        domain.Contact,
        ref=st.just("C"),
        occurred_at=MOMENTS,
        channel=st.sampled_from(sorted(domain.CHANNELS)),
        target=st.sampled_from(sorted(domain.TARGETS)),
        loan=st.none() | st.sampled_from(loan_refs) if loan_refs else st.none(),
        connected=st.none() | st.booleans(),
        duration_seconds=st.none() | st.integers(min_value=0, max_value=10**6),
        target_name=st.sampled_from(["", "母亲", "同事"]),
        target_phone=PHONES,
        visitors=st.none() | st.integers(min_value=0, max_value=50),
        caller=st.builds(
            domain.Caller,
            name=st.sampled_from(["", "王经理"]),
            organization=st.sampled_from(["", "某某信息咨询有限公司"]),
            phone=PHONES,
            identity_disclosed=st.none() | st.booleans(),
        ),
        claims_to_be=st.lists(st.sampled_from(sorted(domain.AUTHORITIES)), max_size=2).map(tuple),
        content=st.sampled_from(PHRASES) | st.text(max_size=30),
        tags=st.lists(st.sampled_from(["threat", "insult", "自定义", "night"]), max_size=2).map(
            tuple
        ),
        consent_to_time=st.booleans(),
        detected=st.none()
        | st.dictionaries(rules, st.sampled_from(["certain", "possible"]), max_size=2).map(
            lambda d: tuple(sorted(d.items()))
        ),
        answers=st.dictionaries(rules, st.sampled_from(["confirmed", "dismissed"]), max_size=2).map(
            lambda d: tuple(sorted(d.items()))
        ),
    )


@st.composite
def cases(draw):
    loan_list = draw(st.lists(loans(), max_size=3))
    loan_list = [
        domain.Loan(**{**_fields(loan), "ref": f"L{n + 1}"}) for n, loan in enumerate(loan_list)
    ]
    refs = [loan.ref for loan in loan_list]
    contact_list = draw(st.lists(contacts(refs), max_size=60))
    contact_list = [
        domain.Contact(**{**_fields(c), "ref": f"C{n + 1}"}) for n, c in enumerate(contact_list)
    ]
    events = draw(
        st.lists(
            st.builds(
                domain.Event,
                kind=st.sampled_from(sorted(domain.EVENT_KINDS)),
                at=MOMENTS,
                loan=st.none() | st.sampled_from(refs) if refs else st.none(),
                target_phone=PHONES,
            ),
            max_size=3,
        )
    )
    return domain.Case(
        timezone=draw(st.sampled_from(["Asia/Shanghai", "America/New_York", "UTC"])),
        borrower=domain.Borrower(phone=draw(PHONES)),
        loans=tuple(loan_list),
        contacts=tuple(contact_list),
        events=tuple(events),
    )


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


@given(cases(), DAYS)
def test_any_case_is_assessed_and_cites_only_its_own_contacts_and_loans(case, today):
    assessment = assess(case, today=today)
    contact_refs = {c.ref for c in case.contacts}
    loan_refs = {loan.ref for loan in case.loans}
    for finding in assessment.findings:
        assert set(finding.contacts) <= contact_refs
        assert set(finding.loans) <= loan_refs
        assert finding.summary
    assert {cost.ref for cost in assessment.loans} == loan_refs
    assert assess(case, today=today) == assessment


@given(cases(), DAYS)
def test_what_is_stored_comes_back_equal(case, today):
    assessment = assess(case, today=today)
    summary = summarize(case, assessment)
    data = json.loads(json.dumps([assessment_to_data(assessment), summary_to_data(summary)]))
    assert assessment_from_data(data[0]) == assessment
    assert summary_from_data(data[1]) == summary


@given(cases())
def test_the_blast_flags_exactly_what_its_definition_does(case):
    blast = [f for f in assess(case).findings if f.rule == "contact_list_blast"]
    refs, _most = reference(case.contacts)
    ordered = sorted(case.contacts, key=lambda c: c.occurred_at)
    assert [ref for f in blast for ref in f.contacts] == [
        c.ref for c in ordered if c.ref in set(refs)
    ]


def test_money_at_the_model_limits_is_assessed():
    loan = domain.Loan(
        ref="L1", principal=Decimal("999999999999.99"), amount_received=Decimal("0.01"),
        disbursed_on=date(2020, 1, 1),
        installments=(domain.Installment(date(2020, 1, 2), Decimal("999999999999.99")),),
    )  # fmt: skip
    assess(domain.Case(loans=(loan,)), today=date(2026, 1, 1))
