"""协商还款申请: a repayment proposal the borrower can actually keep."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context, selected_loan

#: Part of the monthly surplus kept back for surprises, so the plan can be kept.
SAFETY_MARGIN = Decimal("0.10")
#: 信用卡办法 art. 70: a 个性化分期 agreement lasts at most 5 years.
CARD_MAX_MONTHS = 60


@dataclass(frozen=True, slots=True)
class RepaymentPlan:
    income: Decimal
    essentials: Decimal
    other_debts: Decimal
    surplus: Decimal
    monthly: Decimal  # what the borrower proposes to pay each month (0 = cannot pay now)
    months: int
    last_payment: Decimal
    outstanding: Decimal | None
    start: date | None

    @property
    def can_pay(self) -> bool:
        return self.monthly > 0


def _dec(value) -> Decimal:
    if value in (None, ""):
        return Decimal("0")
    return Decimal(str(value))


def repayment_plan(
    *,
    income: Decimal,
    essentials: Decimal,
    other_debts: Decimal,
    outstanding: Decimal | None,
    start: date | None,
    margin: Decimal = SAFETY_MARGIN,
) -> RepaymentPlan:
    """The monthly amount the budget allows (never more), and how many months it takes.

    affordable = (income - essentials - other debts) x (1 - margin), rounded down
    to whole yuan. If that is 0 or less the borrower cannot pay now.
    """
    surplus = income - essentials - other_debts
    affordable = (surplus * (1 - margin)).quantize(Decimal("1"), rounding=ROUND_DOWN)
    if affordable <= 0:
        return RepaymentPlan(income, essentials, other_debts, surplus, Decimal("0"), 0,
                             Decimal("0"), outstanding, start)  # fmt: skip
    if outstanding is None or outstanding <= 0:
        return RepaymentPlan(income, essentials, other_debts, surplus, affordable, 0,
                             Decimal("0"), outstanding, start)  # fmt: skip
    monthly = min(affordable, outstanding)
    months = math.ceil(outstanding / monthly)
    last = outstanding - monthly * (months - 1)
    return RepaymentPlan(income, essentials, other_debts, surplus, monthly, months, last,
                         outstanding, start)  # fmt: skip


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    f = inp.fields
    loan = selected_loan(inp)
    start = f.get("start_date") or None
    if isinstance(start, str):
        start = date.fromisoformat(start)
    plan = repayment_plan(
        income=_dec(f.get("monthly_income")),
        essentials=_dec(f.get("essential_costs")),
        other_debts=_dec(f.get("other_debt_payments")),
        outstanding=loan.outstanding if loan else None,
        start=start,
    )
    ctx.update(
        {
            "plan": plan,
            "budget_given": any(
                f.get(k) not in (None, "")
                for k in ("monthly_income", "essential_costs", "other_debt_payments")
            ),
            "hardship": [line for line in (f.get("hardship") or "").splitlines() if line.strip()],
            "card_max_months": CARD_MAX_MONTHS,
            "over_card_limit": ctx["credit_card"] and plan.months > CARD_MAX_MONTHS,
        }
    )
    return ctx


KIND = Kind(
    key="negotiation",
    title=_("Repayment proposal"),
    description=_("Ask the lender for a repayment plan you can afford, computed from your budget."),
    reviewer_description=_(
        "Asks the lender for a repayment plan the borrower can afford, computed from their budget."
    ),
    build=build,
    extra_fields=(
        "hardship",
        "monthly_income",
        "essential_costs",
        "other_debt_payments",
        "start_date",
    ),
)
