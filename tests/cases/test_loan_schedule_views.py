"""The loan form fills the schedule from the loan's terms, and a directory lender brings
its type at once: with htmx (a fragment) and without JavaScript (the whole page)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from cases.models import Loan
from tests.cases.test_loan_views import loan_data
from tests.factories import InstallmentFactory, LenderFactory, LoanFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def generate(**overrides):
    terms = {
        "generate_schedule": "1",
        "principal": "12000",
        "stated_rate_percent": "12",
        "schedule_term": "12",
        "schedule_first_due": "2025-02-08",
        "schedule_installment": "",
        "schedule_method": "equal_installment",
        "schedule_paid": "3",
    }
    return loan_data(**{**terms, **overrides})


def rows(response):
    formset = response.context["installments"]
    return [
        (f.initial.get("due_on"), f.initial.get("amount"), f.initial.get("paid"))
        for f in formset.initial_forms
    ]


@pytest.fixture
def url(case):
    return reverse("cases:loan_create", args=[case.pk])


def test_generate_fills_the_rows_without_saving(borrower_client, url):
    response = borrower_client.post(url, generate())
    assert response.status_code == 200
    assert not Loan.objects.exists()
    filled = rows(response)
    assert len(filled) == 12
    assert filled[0] == (date(2025, 2, 8), Decimal("1066.19"), Decimal("1066.19"))
    assert filled[3][2] is None  # only the first three are marked paid
    assert filled[-1][0] == date(2026, 1, 8)
    html = response.content.decode()
    assert 'name="installments-11-amount"' in html and 'value="1066.19"' in html
    assert "极速贷" in html  # the loan's own fields stay as typed


def test_generate_keeps_the_loan_fields_free_of_errors(borrower_client, url):
    response = borrower_client.post(url, generate(lender_name=""))
    assert not response.context["form"].is_bound
    assert "Pick the lender from the list" not in response.content.decode()


def test_generate_from_an_installment_amount(borrower_client, url):
    response = borrower_client.post(
        url, generate(schedule_installment="1288.50", stated_rate_percent="", schedule_paid="")
    )
    assert [r[1] for r in rows(response)] == [Decimal("1288.50")] * 12
    assert all(r[2] is None for r in rows(response))


def test_generate_equal_principal(borrower_client, url):
    response = borrower_client.post(url, generate(schedule_method="equal_principal"))
    amounts = [r[1] for r in rows(response)]
    assert amounts[0] == Decimal("1120.00") and amounts[1] == Decimal("1110.00")


def test_generated_rows_save_as_the_schedule(borrower_client, url):
    response = borrower_client.post(url, generate())
    data = loan_data(**{k: v for k, v in _posted_rows(response).items()})
    assert borrower_client.post(url, data).status_code == 302
    loan = Loan.objects.get()
    assert loan.installments.count() == 12
    assert sum(i.amount for i in loan.installments.all()) == Decimal("12794.23")
    assert loan.installments.last().amount == Decimal("1066.14")  # the rounding's last cents
    assert sum(i.paid for i in loan.installments.all()) == Decimal("1066.19") * 3


def _posted_rows(response) -> dict:
    """The installment inputs of the re-rendered page, as the browser would post them."""
    formset = response.context["installments"]
    data = {f"installments-{k}": v for k, v in formset.management_form.initial.items()}
    for form in formset.forms:
        for name in ("due_on", "amount", "paid"):
            value = form.initial.get(name)
            data[form.add_prefix(name)] = "" if value is None else str(value)
    return data


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"stated_rate_percent": ""}, "or the stated annual rate above"),
        ({"principal": ""}, "fill in the principal above"),
        ({"schedule_term": ""}, "This field is required"),
        ({"schedule_term": "400"}, "less than or equal to 360"),
        ({"schedule_paid": "13"}, "more than the number of installments"),
        ({"principal": "三万"}, "Check the principal and the stated annual rate above"),
    ],
    ids=[
        "no-amount-no-rate",
        "rate-without-principal",
        "no-term",
        "term-too-long",
        "paid-too-many",
        "bad-principal",
    ],
)
def test_generate_with_missing_terms_says_what_and_keeps_the_rows(
    borrower_client, url, overrides, message
):
    response = borrower_client.post(url, generate(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    formset = response.context["installments"]
    assert formset.is_bound  # the rows typed so far come back as they were
    assert formset.forms[0]["amount"].value() == "950"
    assert not Loan.objects.exists()


def test_htmx_generate_returns_only_the_installments_block(borrower_client, url):
    response = borrower_client.post(url, generate(), HTTP_HX_TARGET="installments", **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="installments">')
    assert 'name="installments-TOTAL_FORMS"' in html and 'value="14"' in html
    assert "<h1>" not in html and 'name="principal"' not in html
    assert not Loan.objects.exists()


def test_generate_on_an_existing_loan_replaces_its_rows_only_when_saved(case, borrower_client):
    loan = LoanFactory(case=case, ref="L1")
    InstallmentFactory(loan=loan)
    url = reverse("cases:loan_update", args=[case.pk, loan.pk])
    response = borrower_client.post(url, generate())
    assert len(rows(response)) == 12
    assert loan.installments.count() == 1


def test_volunteer_cannot_generate(volunteer_client, shared_case):
    url = reverse("cases:loan_create", args=[shared_case.pk])
    assert volunteer_client.post(url, generate()).status_code == 403


def test_outsider_gets_404(other_client, url):
    assert other_client.post(url, generate()).status_code == 404


# Lender type


@pytest.fixture
def mybank(db):
    return LenderFactory(name="浙江网商银行股份有限公司", short_name="网商银行", lender_type="bank")


def test_htmx_choosing_a_lender_shows_its_type(borrower_client, url, mybank):
    response = borrower_client.post(
        url,
        loan_data(lender=str(mybank.pk), lender_type="other", refresh="lender_type"),
        HTTP_HX_TARGET="lender-type",
        **HTMX,
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="lender-type">')
    assert '<option value="bank" selected>' in html
    assert not Loan.objects.exists()


def test_htmx_clearing_the_lender_keeps_the_typed_type(borrower_client, url, mybank):
    response = borrower_client.post(
        url,
        loan_data(lender="", lender_type="microloan", refresh="lender_type"),
        HTTP_HX_TARGET="lender-type",
        **HTMX,
    )
    assert '<option value="microloan" selected>' in response.content.decode()


def test_the_lender_select_asks_for_the_type_on_change(borrower_client, url, mybank):
    html = borrower_client.get(url).content.decode()
    select = html[
        html.index('<select name="lender"') : html.index(">", html.index('<select name="lender"'))
    ]
    assert f'hx-post="{url}"' in select and 'hx-target="#lender-type"' in select
    assert 'hx-trigger="change"' in select


def test_without_js_a_re_rendered_form_shows_the_directory_type(borrower_client, url, mybank):
    # A submit that fails elsewhere (no principal for a rate check) re-renders the page.
    response = borrower_client.post(
        url, loan_data(lender=str(mybank.pk), lender_type="other", amount_received="99999")
    )
    assert response.status_code == 200
    assert '<option value="bank" selected>' in response.content.decode()


def test_without_js_the_saved_type_is_the_directory_type(borrower_client, url, mybank):
    borrower_client.post(url, loan_data(lender=str(mybank.pk), lender_type="microloan"))
    assert Loan.objects.get().lender_type == "bank"


def test_editing_a_directory_loan_shows_the_directory_type(case, borrower_client, mybank):
    loan = LoanFactory(case=case, lender=mybank, lender_name="", lender_type="other")
    html = borrower_client.get(reverse("cases:loan_update", args=[case.pk, loan.pk])).content
    assert b'<option value="bank" selected>' in html
