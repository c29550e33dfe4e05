from datetime import date
from decimal import Decimal

from cases.adapters import case_to_domain
from tests.factories import (
    CaseEventFactory,
    ContactFactory,
    FeeFactory,
    InstallmentFactory,
    LenderFactory,
    LoanFactory,
)


def test_stored_case_becomes_engine_data(case):
    loan = LoanFactory(case=case, ref="L1", lender=LenderFactory(), lender_name="")
    InstallmentFactory(loan=loan, due_on=date(2025, 2, 8), amount=Decimal("2710.50"))
    FeeFactory(loan=loan, name="服务费", amount=Decimal("99.00"))
    ContactFactory(case=case, ref="C1", loan=loan, tags=["threat"], claims_to_be=["police"])
    ContactFactory(case=case, ref="C2", loan=None)
    CaseEventFactory(case=case, kind="installment_agreement_signed", loan=loan)

    data = case_to_domain(case)

    assert data.borrower.name == case.borrower_name
    (dloan,) = data.loans
    assert dloan.lender == "浙江网商银行股份有限公司"
    assert dloan.installments[0].amount == Decimal("2710.50")
    assert dloan.fees[0].amount == Decimal("99.00")
    c1, c2 = data.contacts
    assert (c1.ref, c1.loan, c1.tags, c1.claims_to_be) == ("C1", "L1", ("threat",), ("police",))
    assert c2.loan is None
    assert data.events[0].loan == "L1"
    assert c1.occurred_at.tzinfo is not None


def test_adapter_query_count_does_not_grow_with_rows(case, django_assert_num_queries):
    loan = LoanFactory(case=case)
    for _ in range(3):
        InstallmentFactory(loan=loan)
    ContactFactory.create_batch(5, case=case, loan=loan)
    with django_assert_num_queries(5):
        case_to_domain(case)
    ContactFactory.create_batch(20, case=case, loan=loan)
    LoanFactory(case=case)
    with django_assert_num_queries(5):
        case_to_domain(case)
