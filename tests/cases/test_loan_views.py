"""Loans: directory or typed lender, rate as a percent, schedule and fees as formsets."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from cases.models import Loan
from tests.factories import ContactFactory, InstallmentFactory, LenderFactory, LoanFactory


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def loan_data(**overrides):
    data = {
        "lender": "",
        "lender_name": "某某小额贷款有限公司",
        "lender_type": "microloan",
        "product": "极速贷",
        "contract_no": "HT-001",
        "principal": "10000",
        "amount_received": "8500",
        "disbursed_on": "2025-01-08",
        "stated_rate_percent": "23.9",
        "overdue_since": "2025-05-08",
        "outstanding": "9000.50",
        **management("installments", 3),
        "installments-0-due_on": "2025-02-08",
        "installments-0-amount": "950",
        "installments-0-paid": "950",
        "installments-1-due_on": "2025-03-08",
        "installments-1-amount": "950",
        "installments-1-paid": "",
        **management("fees", 2),
        "fees-0-name": "服务费",
        "fees-0-amount": "1500",
        "fees-0-charged_on": "2025-01-08",
    }
    data.update(overrides)
    return data


def test_add_loan_with_schedule_and_fees(case, borrower_client):
    response = borrower_client.post(reverse("cases:loan_create", args=[case.pk]), loan_data())
    loan = Loan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:loan_detail", args=[case.pk, loan.pk])
    assert loan.ref == "L1"
    assert loan.stated_rate == Decimal("0.2390")
    assert loan.amount_received == Decimal("8500")
    rows = [(i.due_on, i.amount, i.paid) for i in loan.installments.all()]
    assert rows == [
        (date(2025, 2, 8), Decimal("950"), Decimal("950")),
        (date(2025, 3, 8), Decimal("950"), Decimal("0")),
    ]
    assert [(f.name, f.amount) for f in loan.fees.all()] == [("服务费", Decimal("1500"))]


def test_refs_are_the_next_free_per_case(case, borrower_client, other_borrower):
    LoanFactory(case=case, ref="L1")
    LoanFactory(case=case, ref="L2")
    LoanFactory(case__owner=other_borrower, ref="L9")
    borrower_client.post(reverse("cases:loan_create", args=[case.pk]), loan_data())
    assert sorted(case.loans.values_list("ref", flat=True)) == ["L1", "L2", "L3"]


def test_lender_from_the_directory_sets_its_type(case, borrower_client):
    lender = LenderFactory(
        name="重庆蚂蚁消费金融有限公司", short_name="蚂蚁消金", lender_type="consumer_finance"
    )
    LenderFactory()
    html = borrower_client.get(reverse("cases:loan_create", args=[case.pk])).content.decode()
    assert "重庆蚂蚁消费金融有限公司" in html and "浙江网商银行股份有限公司" in html
    borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]),
        loan_data(lender=lender.pk, lender_name="ignored", lender_type="other"),
    )
    loan = Loan.objects.get()
    assert (loan.lender, loan.lender_name, loan.lender_type) == (lender, "", "consumer_finance")


def test_a_lender_is_required(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]), loan_data(lender_name="")
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Loan.objects.exists()


def test_bad_installment_row_keeps_everything(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]),
        loan_data(**{"installments-1-amount": "-5"}),
    )
    assert response.status_code == 200
    assert "极速贷" in response.content.decode()
    assert not Loan.objects.exists()


def test_add_more_rows_does_not_save(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]), loan_data(more_rows="1")
    )
    assert response.status_code == 200
    assert response.context["installments"].total_form_count() == 6
    assert not Loan.objects.exists()


def test_edit_replaces_the_schedule(case, borrower_client):
    loan = LoanFactory(case=case, ref="L1", stated_rate=Decimal("0.18"))
    InstallmentFactory(loan=loan)
    InstallmentFactory(loan=loan, due_on=date(2025, 3, 8))
    url = reverse("cases:loan_update", args=[case.pk, loan.pk])
    form = borrower_client.get(url).context["form"]
    assert form["stated_rate_percent"].value() == Decimal("18")
    data = loan_data(
        **management("installments", 3, 2),
        **{"installments-1-DELETE": "on", "installments-2-due_on": ""},
    )
    assert borrower_client.post(url, data).status_code == 302
    loan.refresh_from_db()
    assert loan.ref == "L1"
    assert [i.due_on for i in loan.installments.all()] == [date(2025, 2, 8)]


def test_loan_page_shows_the_schedule(case, borrower_client):
    loan = LoanFactory(case=case, stated_rate=Decimal("0.2400"))
    InstallmentFactory(loan=loan, amount=Decimal("2710.50"))
    html = borrower_client.get(
        reverse("cases:loan_detail", args=[case.pk, loan.pk])
    ).content.decode()
    assert "2025-02-08" in html and "¥2,710.50" in html and "24%" in html


def test_deleting_a_loan_keeps_its_contacts(case, borrower_client):
    loan = LoanFactory(case=case)
    contact = ContactFactory(case=case, loan=loan)
    url = reverse("cases:loan_delete", args=[case.pk, loan.pk])
    assert borrower_client.get(url).status_code == 200
    assert Loan.objects.exists()
    borrower_client.post(url)
    assert not Loan.objects.exists()
    contact.refresh_from_db()
    assert contact.loan is None


def test_loan_purpose_is_saved_and_shown(case, borrower_client):
    borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]), loan_data(purpose="business")
    )
    loan = Loan.objects.get(case=case)
    assert loan.purpose == "business"
    page = borrower_client.get(reverse("cases:loan_detail", args=[case.pk, loan.pk]))
    assert "Business or trade" in page.content.decode() or "生产经营" in page.content.decode()
