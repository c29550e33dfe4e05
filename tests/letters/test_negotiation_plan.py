from datetime import date
from decimal import Decimal

from letters.kinds import is_credit_card
from letters.kinds.negotiation import repayment_plan
from letters.services import letter_render_html
from rules import domain
from tests.letters.builders import make_input


def test_plan_never_exceeds_the_budget():
    plan = repayment_plan(income=Decimal("6000"), essentials=Decimal("3500"),
                          other_debts=Decimal("500"), outstanding=Decimal("27105"),
                          start=date(2025, 6, 1))  # fmt: skip
    assert plan.monthly == Decimal("1800")  # (6000-3500-500) x 0.9
    assert plan.monthly <= plan.surplus
    assert plan.months == 16  # ceil(27105 / 1800)
    assert plan.last_payment == Decimal("27105") - Decimal("1800") * 15


def test_no_surplus_means_no_payment_proposed():
    plan = repayment_plan(income=Decimal("3000"), essentials=Decimal("3000"),
                          other_debts=Decimal("200"), outstanding=Decimal("1000"), start=None)  # fmt: skip
    assert not plan.can_pay
    html = letter_render_html(
        kind="negotiation",
        inp=make_input(
            fields={
                "monthly_income": "3000",
                "essential_costs": "3000",
                "other_debt_payments": "200",
            }
        ),  # fmt: skip
    )
    assert "暂时无力偿还" in html
    assert "每月还款人民币" not in html


def test_credit_card_rule():
    assert is_credit_card(domain.Loan(ref="L", product="招商银行信用卡"))
    assert is_credit_card(domain.Loan(ref="L", lender_type="bank", product="Credit card"))
    assert not is_credit_card(
        domain.Loan(ref="L", lender_type="platform", product="credit card loan")
    )
    assert not is_credit_card(domain.Loan(ref="L", product="网商贷"))


def test_empty_budget_asks_for_it_instead_of_claiming_no_income():
    html = letter_render_html(kind="negotiation", inp=make_input(fields={}))
    assert "请在表单中填写每月收入" in html and 'class="placeholder"' in html
    assert "人民币 0 元" not in html
    assert "暂缓还款" not in html


def test_budget_amounts_are_written_as_rmb_grouped():
    html = letter_render_html(
        kind="negotiation",
        inp=make_input(
            fields={
                "monthly_income": "12000",
                "essential_costs": "3500",
                "other_debt_payments": "200",
            }
        ),
    )
    assert "人民币 12,000.00 元" in html
    assert "人民币 3,500.00 元" in html
    assert "12000" not in html
