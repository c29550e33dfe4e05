"""Each wrong save seen on a phone: the caller typed over the one preselected, contacts
left off the loan, numbers stored as typed, loans dated in the future."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.phones import phone_display, phone_normalize
from tests.cases.test_loan_views import loan_data
from tests.factories import ContactFactory, LenderFactory, LoanFactory


def quick_post(client, case, **fields):
    data = {
        "occurred_at": timezone.localtime(timezone.now()).strftime("%Y-%m-%dT%H:%M"),
        "channel": "call",
        "target": "borrower",
        "content": "",
        **fields,
    }
    return client.post(reverse("cases:contact_quick_add", args=[case.pk]), data)


# The caller


def test_a_typed_number_wins_over_the_preselected_caller(case, borrower_client):
    prior = ContactFactory(
        case=case, caller_name="刘先生", caller_organization="", caller_phone="02066668888"
    )
    response = quick_post(borrower_client, case, caller=str(prior.pk), caller_phone="171 0000 1111")
    assert response.status_code == 302
    new = case.contacts.latest("id")
    assert (new.caller_name, new.caller_phone) == ("", "17100001111")


def test_a_typed_number_of_a_known_caller_picks_that_caller(case, borrower_client):
    wang = ContactFactory(case=case, caller_name="王五", caller_phone="13900001111")
    liu = ContactFactory(case=case, caller_name="刘先生", caller_phone="02066668888")
    assert wang.pk != liu.pk
    quick_post(borrower_client, case, caller=str(liu.pk), caller_phone="139-0000-1111")
    new = case.contacts.latest("id")
    assert (new.caller_name, new.caller_phone) == ("王五", "13900001111")


def test_the_preselected_caller_is_kept_when_no_number_is_typed(case, borrower_client):
    prior = ContactFactory(case=case, caller_name="刘先生", caller_phone="02066668888")
    quick_post(borrower_client, case, caller=str(prior.pk), caller_phone="")
    new = case.contacts.latest("id")
    assert (new.caller_name, new.caller_phone) == ("刘先生", "02066668888")


# The loan


def test_quick_add_links_the_cases_only_loan(case, borrower_client):
    loan = LoanFactory(case=case)
    quick_post(borrower_client, case, caller="new", caller_phone="17100001111")
    assert case.contacts.latest("id").loan == loan


def test_quick_add_links_the_loan_whose_lender_the_caller_names(case, borrower_client):
    LoanFactory(case=case, lender_name="某某小额贷款有限公司", product="极速贷")
    mybank = LoanFactory(case=case, lender=LenderFactory(), lender_name="", product="网商贷")
    quick_post(borrower_client, case, caller="new", content="我是网商银行的，今天必须还款")
    assert case.contacts.latest("id").loan == mybank


def test_quick_add_links_the_loan_an_agency_already_collects(case, borrower_client):
    LoanFactory(case=case, lender_name="某某小额贷款有限公司", product="极速贷")
    other = LoanFactory(case=case, lender_name="另一家消费金融公司", product="好期贷")
    prior = ContactFactory(case=case, loan=other, caller_organization="鑫达资产管理")
    quick_post(borrower_client, case, caller=str(prior.pk))
    assert case.contacts.latest("id").loan == other


def test_quick_add_links_no_loan_when_the_lender_is_unclear(case, borrower_client):
    LoanFactory(case=case, lender_name="某某小额贷款有限公司", product="极速贷")
    LoanFactory(case=case, lender_name="另一家消费金融公司", product="好期贷")
    quick_post(borrower_client, case, caller="new", content="快还钱")
    assert case.contacts.latest("id").loan is None


def test_the_full_form_preselects_the_only_loan(case, borrower_client):
    loan = LoanFactory(case=case)
    html = borrower_client.get(reverse("cases:contact_create", args=[case.pk])).content.decode()
    assert f'<option value="{loan.pk}" selected>' in html


def test_the_full_form_keeps_an_explicit_no_loan(case, borrower_client):
    LoanFactory(case=case)
    response = borrower_client.post(
        reverse("cases:contact_create", args=[case.pk]),
        {
            "occurred_at": timezone.localtime(timezone.now()).strftime("%Y-%m-%dT%H:%M"),
            "channel": "call",
            "target": "borrower",
            "loan": "",
        },
    )
    assert response.status_code == 302
    assert case.contacts.latest("id").loan is None


# Phone numbers


@pytest.mark.parametrize(
    "typed",
    [
        "171 0000 1111",
        "171-0000-1111",
        "+86 171 0000 1111",
        "１７１００００１１１１",
        "＋８６17100001111",
    ],
)
def test_phone_numbers_are_stored_compact(typed):
    assert phone_normalize(typed) == "17100001111"


def test_text_that_is_not_a_number_is_kept():
    assert phone_normalize(" 隐藏号码 ") == "隐藏号码"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("17100001111", "171 0000 1111"),
        ("02066668888", "020 6666 8888"),
        ("057188889999", "0571 8888 9999"),
        ("95188", "95188"),
    ],
)
def test_phone_numbers_are_shown_grouped(stored, shown):
    assert phone_display(stored) == shown


def test_the_same_number_typed_two_ways_is_one_caller(case, borrower_client):
    quick_post(borrower_client, case, caller="new", caller_phone="171 0000 1111")
    quick_post(borrower_client, case, caller="new", caller_phone="＋86１７１-0000-1111")
    assert set(case.contacts.values_list("caller_phone", flat=True)) == {"17100001111"}
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert html.count("171 0000 1111</option>") == 1


def test_the_full_form_and_the_case_form_store_numbers_compact(case, borrower_client):
    borrower_client.post(
        reverse("cases:contact_create", args=[case.pk]),
        {
            "occurred_at": timezone.localtime(timezone.now()).strftime("%Y-%m-%dT%H:%M"),
            "channel": "call",
            "target": "borrower",
            "caller_phone": "020-6666 8888",
            "target_phone": "+86 138 0000 0000",
        },
    )
    contact = case.contacts.latest("id")
    assert (contact.caller_phone, contact.target_phone) == ("02066668888", "13800000000")
    borrower_client.post(
        reverse("cases:case_update", args=[case.pk]),
        {"title": case.title, "timezone": "Asia/Shanghai", "borrower_phone": "138 0000 0001"},
    )
    case.refresh_from_db()
    assert case.borrower_phone == "13800000001"


# Loan dates


@pytest.mark.parametrize("field", ["disbursed_on", "overdue_since"])
def test_a_loan_date_in_the_future_is_refused(case, borrower_client, field):
    future = (date.today() + timedelta(days=400)).isoformat()
    response = borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]), loan_data(**{field: future})
    )
    assert response.status_code == 200
    assert not case.loans.exists()
    assert response.context["form"].errors.as_data()[field][0].code == "future"


def test_a_loan_dated_today_is_accepted(case, borrower_client):
    today = date.today().isoformat()
    response = borrower_client.post(
        reverse("cases:loan_create", args=[case.pk]),
        loan_data(disbursed_on=today, overdue_since=today),
    )
    assert response.status_code == 302
