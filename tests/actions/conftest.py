from datetime import date

import pytest

from actions.models import Action
from tests.factories import LoanFactory


@pytest.fixture
def loan(case):
    return LoanFactory(case=case, lender_type="bank")


@pytest.fixture
def complaint(case, loan, borrower):
    """A phone complaint to the bank on 2026-03-01: the answer is due on 2026-03-16."""
    return Action.objects.create(
        case=case, loan=loan, channel="lender", method="phone", sent_on=date(2026, 3, 1),
        ticket_number="T-2026-0301", created_by=borrower,
    )  # fmt: skip
