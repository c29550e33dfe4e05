"""The schedule generator: rows from principal, term, first due date and amount or rate."""

from datetime import date
from decimal import Decimal

import pytest

from cases.schedule import Method, ScheduleError, add_months, due_dates, generate


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 8), 1, date(2025, 2, 8)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 15), 13, date(2027, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_due_dates_count_from_the_first_so_a_31st_comes_back():
    assert due_dates(date(2025, 1, 31), 4) == [
        date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30),
    ]  # fmt: skip


def test_equal_installments_match_the_textbook_payment():
    rows = generate(term=12, first_due=date(2025, 2, 8), principal=Decimal("10000"),
                    annual_rate=Decimal("0.12"))  # fmt: skip
    assert [r.amount for r in rows[:11]] == [Decimal("888.49")] * 11
    assert rows[0].interest == Decimal("100.00")  # 1% of 10,000 in the first month
    assert rows[-1].amount == Decimal("888.47")  # the last one takes the rounding
    assert sum(r.principal for r in rows) == Decimal("10000.00")
    assert sum(r.interest for r in rows) == Decimal("661.86")


def test_equal_principal_repays_the_same_principal_and_falling_interest():
    rows = generate(term=12, first_due=date(2025, 2, 8), principal=Decimal("10000"),
                    annual_rate=Decimal("0.12"), method=Method.EQUAL_PRINCIPAL)  # fmt: skip
    assert rows[0].amount == Decimal("933.33")  # 833.33 principal + 100.00 interest
    assert rows[1].amount == Decimal("925.00")
    assert [r.principal for r in rows[:11]] == [Decimal("833.33")] * 11
    assert rows[-1].principal == Decimal("833.37")
    assert sum(r.principal for r in rows) == Decimal("10000.00")
    assert all(a.amount >= b.amount for a, b in zip(rows, rows[1:], strict=False))


def test_rate_zero_splits_the_principal_and_the_last_takes_the_cent():
    rows = generate(term=3, first_due=date(2025, 2, 8), principal=Decimal("100"),
                    annual_rate=Decimal("0"))  # fmt: skip
    assert [r.amount for r in rows] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]


def test_installment_amount_fills_every_row_as_given():
    rows = generate(term=6, first_due=date(2025, 2, 8), installment=Decimal("1666.666"))
    assert [r.amount for r in rows] == [Decimal("1666.67")] * 6
    assert rows[0].principal is None
    assert [r.due_on.month for r in rows] == [2, 3, 4, 5, 6, 7]


def test_the_installment_amount_wins_over_the_rate():
    rows = generate(term=2, first_due=date(2025, 2, 8), principal=Decimal("1000"),
                    annual_rate=Decimal("0.24"), installment=Decimal("600"))  # fmt: skip
    assert [r.amount for r in rows] == [Decimal("600.00")] * 2


def test_a_single_installment_repays_everything_with_a_month_of_interest():
    rows = generate(term=1, first_due=date(2025, 2, 8), principal=Decimal("5000"),
                    annual_rate=Decimal("0.18"))  # fmt: skip
    assert [(r.principal, r.interest, r.amount) for r in rows] == [
        (Decimal("5000.00"), Decimal("75.00"), Decimal("5075.00"))
    ]


def test_a_high_rate_over_a_long_term_still_repays_exactly():
    rows = generate(term=360, first_due=date(2025, 2, 8), principal=Decimal("123456.78"),
                    annual_rate=Decimal("9.99"))  # fmt: skip
    assert sum(r.principal for r in rows) == Decimal("123456.78")
    assert all(r.principal >= 0 for r in rows)


@pytest.mark.parametrize(
    "terms",
    [
        {"term": 0, "installment": Decimal("100")},
        {"term": 361, "installment": Decimal("100")},
        {"term": 12},
        {"term": 12, "installment": Decimal("0")},
        {"term": 12, "annual_rate": Decimal("0.1")},
        {"term": 12, "annual_rate": Decimal("0.1"), "principal": Decimal("0")},
        {"term": 12, "annual_rate": Decimal("-0.1"), "principal": Decimal("100")},
    ],
    ids=[
        "no-term",
        "too-long",
        "no-amount-no-rate",
        "zero-amount",
        "rate-without-principal",
        "zero-principal",
        "negative-rate",
    ],  # fmt: skip
)
def test_impossible_terms_are_refused(terms):
    with pytest.raises(ScheduleError):
        generate(first_due=date(2025, 2, 8), **terms)
