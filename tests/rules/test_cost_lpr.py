from datetime import date
from decimal import Decimal

import pytest

from rules import domain
from rules.engine import LPR_SEED, LprTable, assess, effective_annual_cost, xirr

from .helpers import rules_of


def test_one_period_loan_costs_ten_percent():
    assert xirr([(date(2023, 1, 1), Decimal(1000)), (date(2024, 1, 1), Decimal(-1100))]) == Decimal(
        "0.1000"
    )


def _monthly(received, payment, fees=()):
    months = [date(2025 + (m // 12), m % 12 + 1, 1) for m in range(1, 13)]
    return domain.Loan(
        ref="L1",
        principal=Decimal(12000),
        amount_received=Decimal(received),
        disbursed_on=date(2025, 1, 1),
        installments=tuple(domain.Installment(due_on=d, amount=Decimal(payment)) for d in months),
        fees=tuple(fees),
    )


def _npv(rate, loan):
    start = loan.disbursed_on
    total = float(loan.amount_received)
    for item in loan.installments:
        total -= float(item.amount) / (1 + rate) ** ((item.due_on - start).days / 365)
    return total


def test_twelve_monthly_payments_irr_is_the_root_of_npv():
    loan = _monthly(12000, 1100)
    cost = effective_annual_cost(loan)
    assert cost is not None and Decimal("0.19") < cost < Decimal("0.20")
    assert _npv(float(cost) - 0.0001, loan) < 0 < _npv(float(cost) + 0.0001, loan)


def test_fees_raise_the_cost():
    plain = effective_annual_cost(_monthly(12000, 1100))
    with_fee = effective_annual_cost(
        _monthly(12000, 1100, [domain.Fee("服务费", Decimal(600), date(2025, 1, 1))])
    )
    assert with_fee > plain


def test_no_payments_means_no_cost():
    assert (
        effective_annual_cost(
            domain.Loan(ref="L", amount_received=Decimal(1), disbursed_on=date(2025, 1, 1))
        )
        is None
    )


@pytest.mark.parametrize(
    ("day", "rate"),
    [
        (date(2019, 8, 19), None),
        (date(2019, 8, 20), "0.0425"),
        (date(2025, 5, 19), "0.0310"),
        (date(2025, 5, 20), "0.0300"),
    ],
)
def test_lpr_on_boundaries(day, rate):
    assert LprTable(LPR_SEED).rate_on(day) == (None if rate is None else Decimal(rate))


@pytest.mark.parametrize(("received", "fires"), [("12000", False), ("11999.99", True)])
def test_an_amount_kept_back_is_reported_as_withheld_not_as_interest(received, fires):
    loan = domain.Loan(ref="L1", principal=Decimal(12000), amount_received=Decimal(received))
    found = rules_of(assess(domain.Case(loans=(loan,))))
    assert ("fee_withheld" in found) is fires
    assert "upfront_deduction" not in found


def _withheld_loan(fee_name: str) -> domain.Loan:
    return domain.Loan(
        ref="L1",
        lender_type="bank",
        principal=Decimal(10000),
        amount_received=Decimal(9700),
        disbursed_on=date(2025, 6, 1),
        fees=(domain.Fee(fee_name, Decimal(300), date(2025, 6, 1)),),
    )


def test_interest_recorded_as_withheld_is_interest_taken_up_front_and_binding():
    (finding,) = [
        f
        for f in assess(domain.Case(loans=(_withheld_loan("预扣利息"),))).findings
        if f.rule in {"upfront_deduction", "fee_withheld"}
    ]
    assert finding.rule == "upfront_deduction" and finding.standing == "binding"
    assert "第六百七十条" in [s.article for s in finding.sources]


def test_a_guarantee_fee_withheld_is_a_fee_not_a_binding_art_670_breach():
    (finding,) = [
        f
        for f in assess(domain.Case(loans=(_withheld_loan("担保服务费"),))).findings
        if f.rule in {"upfront_deduction", "fee_withheld"}
    ]
    assert finding.rule == "fee_withheld" and finding.standing == "heuristic"
    assert finding.sources == () and [s.article for s in finding.related] == ["第六百七十条"]
    assert "担保服务费" in finding.summary


def test_the_true_cost_still_counts_the_fee():
    loan = domain.Loan(
        ref="L1",
        principal=Decimal(10000),
        amount_received=Decimal(10000),
        disbursed_on=date(2025, 1, 1),
        installments=(domain.Installment(date(2026, 1, 1), Decimal(10000)),),
        fees=(domain.Fee("服务费", Decimal(1000), date(2025, 1, 1)),),
    )
    assert effective_annual_cost(loan) > Decimal("0.10")


@pytest.mark.parametrize(("lender_type", "fires"), [("unlicensed", True), ("bank", False)])
def test_four_times_lpr_binds_only_unlicensed_lenders(lender_type, fires):
    loan = domain.Loan(
        ref="L1",
        lender_type=lender_type,
        amount_received=Decimal(1000),
        disbursed_on=date(2025, 6, 1),
        installments=(domain.Installment(due_on=date(2026, 6, 1), amount=Decimal(1200)),),
    )
    found = rules_of(assess(domain.Case(loans=(loan,))))
    assert ("rate_above_4x_lpr" in found) is fires
    assert "cost_above_24_percent" not in found  # 20 %


def test_cost_lines_24_and_36():
    loan = domain.Loan(
        ref="L1",
        amount_received=Decimal(1000),
        disbursed_on=date(2025, 6, 1),
        installments=(domain.Installment(due_on=date(2026, 6, 1), amount=Decimal(1300)),),
    )
    found = rules_of(assess(domain.Case(loans=(loan,))))
    assert "cost_above_24_percent" in found and "cost_above_36_percent" not in found


def test_fees_beyond_interest_for_consumer_finance():
    fee = domain.Fee("服务费", Decimal(50), date(2025, 1, 1))
    cfc = domain.Loan(ref="L1", lender_type="consumer_finance", fees=(fee,))
    bank = domain.Loan(ref="L2", lender_type="bank", fees=(fee,))
    found = assess(domain.Case(loans=(cfc, bank))).findings
    assert [f.loans for f in found if f.rule == "fees_beyond_interest"] == [("L1",)]


@pytest.mark.parametrize(("today", "fires"), [(date(2028, 4, 8), False), (date(2028, 4, 9), True)])
def test_limitation_period(today, fires):
    loan = domain.Loan(
        ref="L1", installments=(domain.Installment(due_on=date(2025, 4, 8), amount=Decimal(1)),)
    )
    found = assess(domain.Case(loans=(loan,)), today=today).findings
    hits = [f for f in found if f.rule == "limitation_period_expired"]
    assert bool(hits) is fires
    assert all(f.severity == "info" for f in hits)


def test_week_long_payday_loan_gets_a_cost_and_a_simple_rate_note():
    from datetime import date
    from decimal import Decimal

    from rules import domain
    from rules.engine import assess
    from rules.engine.cost import effective_annual_cost, simple_annual_rate

    loan = domain.Loan(
        ref="L1",
        lender_type="unlicensed",
        principal=Decimal("3000"),
        amount_received=Decimal("2100"),
        disbursed_on=date(2025, 3, 1),
        installments=(domain.Installment(due_on=date(2025, 3, 8), amount=Decimal("3000")),),
    )
    assert effective_annual_cost(loan) > Decimal("1000000")
    # 900 on 2100 over 7 days: 900 / 2100 * 365 / 7 = 22.3469
    assert simple_annual_rate(loan) == Decimal("22.3469")
    result = assess(domain.Case(loans=(loan,)))
    rules = {f.rule for f in result.findings}
    assert {"fee_withheld", "cost_above_36_percent", "rate_above_4x_lpr"} <= rules
    assert "2234.69%" in result.loans[0].note


def test_a_fee_kept_back_at_disbursement_is_counted_once():
    def loan(received, fees):
        return domain.Loan(
            ref="L1",
            principal=Decimal(10000),
            amount_received=Decimal(received),
            disbursed_on=date(2025, 1, 1),
            installments=(domain.Installment(date(2026, 1, 1), Decimal(10000)),),
            fees=fees,
        )

    kept = effective_annual_cost(
        loan(9000, (domain.Fee("服务费", Decimal(1000), date(2025, 1, 1)),))
    )
    assert kept == effective_annual_cost(loan(9000, ()))
    # 10000 back a year after 9000 received: 11.11 %.
    assert kept == Decimal("0.1111")
