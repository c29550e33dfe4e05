"""A repayment schedule from a loan's terms, so the borrower types exceptions, not every row.

Pure: plain Decimal and date arithmetic, no ORM. Three ways to fill the rows:

- a fixed installment amount, as the lender's app shows it: every row is that amount;
- equal installments (等额本息) at the stated annual rate: one payment covers the month's
  interest on what is still owed and the rest repays principal;
- equal principal (等额本金) at the stated annual rate: the same principal every month plus
  the month's interest, so the payments fall.

The monthly rate is the stated annual rate divided by 12. Every amount is rounded to
cents (half up), and the last installment takes whatever rounding left over, so the
principal parts add up to the principal exactly.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

CENT = Decimal("0.01")
MAX_TERM = 360


class Method(StrEnum):
    EQUAL_INSTALLMENT = "equal_installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金


@dataclass(frozen=True, slots=True)
class ScheduledInstallment:
    due_on: date
    amount: Decimal
    #: The principal and interest in the amount; None when only the amount is known.
    principal: Decimal | None = None
    interest: Decimal | None = None


class ScheduleError(ValueError):
    """The terms cannot make a schedule (a term out of range, no amount and no rate, ...)."""


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter
    (31 January + 1 month = 28 or 29 February)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_dates(first_due: date, term: int) -> list[date]:
    """One due date a month from `first_due`, always counted from it (so a 31st stays the
    31st where the month has one)."""
    return [add_months(first_due, i) for i in range(term)]


def _equal_installment_amount(principal: Decimal, rate: Decimal, term: int) -> Decimal:
    if rate == 0:
        return _cents(principal / term)
    with localcontext() as ctx:
        ctx.prec = 34
        growth = (1 + rate) ** term
        return _cents(principal * rate * growth / (growth - 1))


def generate(
    *,
    term: int,
    first_due: date,
    principal: Decimal | None = None,
    annual_rate: Decimal | None = None,
    installment: Decimal | None = None,
    method: Method = Method.EQUAL_INSTALLMENT,
) -> list[ScheduledInstallment]:
    """The schedule: from `installment` when given, otherwise from `principal` at
    `annual_rate` (a fraction: 0.18 for 18%) by `method`."""
    if not 1 <= term <= MAX_TERM:
        raise ScheduleError(f"The term must be 1 to {MAX_TERM} months.")
    dates = due_dates(first_due, term)
    if installment is not None:
        if installment <= 0:
            raise ScheduleError("The installment must be more than zero.")
        return [ScheduledInstallment(due_on=d, amount=_cents(installment)) for d in dates]
    if annual_rate is None:
        raise ScheduleError("Give the installment amount or the annual rate.")
    if principal is None or principal <= 0:
        raise ScheduleError("The principal must be more than zero.")
    if annual_rate < 0:
        raise ScheduleError("The rate cannot be negative.")
    rate = annual_rate / 12
    balance = _cents(principal)
    equal_payment = _equal_installment_amount(balance, rate, term)
    equal_principal = _cents(balance / term)
    rows = []
    for number, due_on in enumerate(dates, start=1):
        interest = _cents(balance * rate)
        if number == term:
            part = balance
        elif method == Method.EQUAL_PRINCIPAL:
            part = min(equal_principal, balance)
        else:
            part = min(max(equal_payment - interest, Decimal(0)), balance)
        rows.append(
            ScheduledInstallment(
                due_on=due_on, amount=part + interest, principal=part, interest=interest
            )
        )
        balance -= part
    return rows
