"""Fuzzing the forms through their pages: whatever is posted, the page answers (a form with
its errors, or a redirect after saving), never a server error, and a refused post saves
nothing. The test client re-raises any exception a view lets escape, so a 500 fails here."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from cases.models import Case, CaseEvent, Contact, Loan
from rules import domain

pytestmark = pytest.mark.django_db

#: What a browser can send: any text but lone surrogates (they cannot be encoded), NULs kept.
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
    max_size=60,
) | st.sampled_from(
    ["", "0", "-1", "1e400", "2025-02-30T25:61", "2025-04-12T10:00", "9" * 30, "\x00", "还钱",
     "<script>", "L1", "0.1800", "nan", "30000.005"]
)  # fmt: skip


def field(names):
    return st.dictionaries(st.sampled_from(names), TEXT | st.lists(TEXT, max_size=3), max_size=8)


QUICK = ["occurred_at", "channel", "target", "caller", "caller_phone", "content", "common_tags"]
CONTACT = [
    "occurred_at", "channel", "connected", "duration_seconds", "target", "target_name",
    "target_phone", "visitors", "caller_name", "caller_organization", "caller_phone",
    "caller_identity_disclosed", "claims_to_be", "content", "common_tags", "other_tags",
    "consent_to_time", "loan",
]  # fmt: skip
EVENT = ["kind", "at", "loan", "target_name", "target_phone", "note"]
LOAN = [
    "lender", "lender_name", "lender_type", "product", "purpose", "contract_no", "principal",
    "amount_received", "disbursed_on", "overdue_since", "outstanding", "stated_rate",
    "installments-TOTAL_FORMS", "installments-INITIAL_FORMS", "installments-0-due_on",
    "installments-0-amount", "installments-0-paid", "fees-TOTAL_FORMS", "fees-INITIAL_FORMS",
    "fees-0-name", "fees-0-amount", "fees-0-charged_on",
]  # fmt: skip
CASE = ["title", "timezone", "borrower_name", "borrower_phone", "borrower_address",
        "borrower_id_number"]  # fmt: skip

VALID = {
    "occurred_at": "2025-04-12T10:00",
    "at": "2025-04-12T10:00",
    "channel": "call",
    "target": "borrower",
    "kind": "borrower_objected",
    "lender_type": "other",
    "title": "案件",
    "timezone": domain.DEFAULT_TIMEZONE,
    "installments-TOTAL_FORMS": "0",
    "installments-INITIAL_FORMS": "0",
    "fees-TOTAL_FORMS": "0",
    "fees-INITIAL_FORMS": "0",
}


def rows():
    return (
        Case.objects.count(),
        Contact.objects.count(),
        CaseEvent.objects.count(),
        Loan.objects.count(),
    )


def post(client, url, data, *, htmx=False):
    before = rows()
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "quick-add"} if htmx else {}
    response = client.post(url, {**VALID, **data}, **headers)
    assert response.status_code in {200, 302}, response.status_code
    saved = response.status_code == 302 or "HX-Trigger-After-Settle" in response.headers
    if not saved:
        assert rows() == before  # a refused form saved nothing
    return response


@given(field(QUICK), st.booleans())
def test_quick_add_answers_every_post(borrower_client, case, data, htmx):
    post(borrower_client, reverse("cases:contact_quick_add", args=[case.pk]), data, htmx=htmx)


@given(field(CONTACT))
def test_contact_form_answers_every_post(borrower_client, case, data):
    post(borrower_client, reverse("cases:contact_create", args=[case.pk]), data)


@given(field(EVENT))
def test_event_form_answers_every_post(borrower_client, case, data):
    post(borrower_client, reverse("cases:event_create", args=[case.pk]), data)


@given(field(LOAN))
def test_loan_form_answers_every_post(borrower_client, case, data):
    post(borrower_client, reverse("cases:loan_create", args=[case.pk]), data)


@given(field(CASE))
def test_case_form_answers_every_post(borrower_client, data):
    post(borrower_client, reverse("cases:case_create"), data)


@given(st.dictionaries(st.sampled_from(["messages", "recipient", "time", "objected"]), TEXT))
def test_public_checker_answers_every_post(client, data):
    from django.core.cache import caches

    caches["default"].clear()  # the checker's per-address limit is not what is tested here
    response = client.post("/check/?lang=en", data)
    assert response.status_code == 200
