"""The true cost of a loan: an IRR over the cash the borrower actually got and paid."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rules.domain import Loan

BASIS_POINT = Decimal("0.0001")


def _npv(rate: float, flows: list[tuple[float, float]]) -> float:
    # exp/log1p rather than (1 + rate) ** years: a week-long payday loan has an IRR in the
    # millions of percent, and the power would overflow over later years.
    growth = math.log1p(rate)
    return sum(amount * math.exp(-years * growth) for years, amount in flows)


def xirr(flows: list[tuple[date, Decimal]]) -> Decimal | None:
    """The annual rate r with sum(amount / (1 + r) ** (days / 365)) == 0, to basis points.

    `flows` are (date, amount): money received positive, money paid negative.
    Bisection on [-0.99, 1e15]: NPV rises with r when the borrower receives first
    and pays later (later payments are discounted more), so the root is unique. None when there is no root
    (e.g. nothing paid back yet).
    """
    if not flows:
        return None
    start = min(day for day, _amount in flows)
    points = [((day - start).days / 365.0, float(amount)) for day, amount in flows]
    if not any(a > 0 for _t, a in points) or not any(a < 0 for _t, a in points):
        return None
    low, high = -0.99, 1.0
    while _npv(high, points) < 0 and high < 1e15:
        high *= 2
    if _npv(low, points) * _npv(high, points) > 0:
        return None
    for _ in range(200):
        middle = (low + high) / 2
        if _npv(middle, points) < 0:
            low = middle
        else:
            high = middle
        if high - low < 1e-10:
            break
    return Decimal(repr((low + high) / 2)).quantize(BASIS_POINT, rounding=ROUND_HALF_UP)


def loan_cash_flows(loan: Loan) -> list[tuple[date, Decimal]]:
    """Received on disbursement (+), every installment on its due date and every fee (-)."""
    if loan.disbursed_on is None:
        return []
    received = loan.amount_received if loan.amount_received is not None else loan.principal
    if received is None:
        return []
    flows = [(loan.disbursed_on, received)]
    flows += [(item.due_on, -item.amount) for item in loan.installments if item.amount]
    flows += [(fee.charged_on or loan.disbursed_on, -fee.amount) for fee in loan.fees if fee.amount]
    kept_back = _fees_kept_back(loan, received)
    if kept_back:
        # A fee kept back at disbursement is already missing from the amount received.
        flows.append((loan.disbursed_on, kept_back))
    return flows


def _fees_kept_back(loan: Loan, received: Decimal) -> Decimal:
    """The part of the fees charged at disbursement that the gap between the principal and the
    amount received already accounts for (counted once, not twice)."""
    if loan.principal is None or received >= loan.principal:
        return Decimal(0)
    at_payout = sum(
        (
            fee.amount
            for fee in loan.fees
            if fee.amount > 0 and (fee.charged_on is None or fee.charged_on == loan.disbursed_on)
        ),
        Decimal(0),
    )
    return min(loan.principal - received, at_payout)


def effective_annual_cost(loan: Loan) -> Decimal | None:
    """The loan's effective annual cost as a fraction rounded to basis points, e.g. Decimal("0.2712")."""
    return xirr(loan_cash_flows(loan))


def simple_annual_rate(loan: Loan) -> Decimal | None:
    """The charge over the amount received, per year, without compounding, to basis points.

    (all paid − received) ÷ received × 365 ÷ days from disbursement to the last payment.
    Shown beside the IRR for very short loans, whose compounded figure is enormous.
    """
    flows = loan_cash_flows(loan)
    if len(flows) < 2:
        return None
    received = flows[0][1]
    paid = -sum(amount for _day, amount in flows[1:])
    days = (max(day for day, _amount in flows) - flows[0][0]).days
    if received <= 0 or days <= 0:
        return None
    rate = (paid - received) / received * Decimal(365) / Decimal(days)
    return rate.quantize(BASIS_POINT, rounding=ROUND_HALF_UP)
