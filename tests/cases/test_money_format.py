"""One money format: ¥39,780.00 in the app, 人民币 39,780.00 元 in letters."""

from decimal import Decimal

import pytest
from django.urls import reverse

from cases.formats import money_text
from tests.factories import LoanFactory


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("39780"), "39,780.00"),
        (Decimal("50000.5"), "50,000.50"),
        ("1234567.891", "1,234,567.89"),
        (0, "0.00"),
        (None, ""),
    ],
)
def test_amounts_are_grouped_with_two_decimals(value, text):
    assert money_text(value) == text


def test_the_loan_page_shows_yuan_grouped(case, borrower_client):
    loan = LoanFactory(case=case, principal=Decimal("50000"), outstanding=Decimal("39780"))
    html = borrower_client.get(reverse("cases:loan_detail", args=[case.pk, loan.pk])).content
    text = html.decode()
    assert "¥50,000.00" in text and "¥39,780.00" in text
    assert "¥50000" not in text


def test_the_case_page_shows_the_outstanding_amount_grouped(case, borrower_client):
    LoanFactory(case=case, outstanding=Decimal("39780"))
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "39,780.00" in html
