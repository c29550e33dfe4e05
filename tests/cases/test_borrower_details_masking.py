"""The borrower's phone, address and ID number stay masked for volunteers until one takes
the case: on the case pages, in the export, and in letter previews (the evidence report's
too). The owner and the volunteer who took the case see them in full."""

import json

import pytest
from django.urls import reverse

from cases.access import may_see_borrower_details
from cases.models import CaseShare
from letters.models import LetterDraft
from review.services import case_review_take
from tests.factories import CaseEventFactory, ContactFactory, MembershipFactory, UserFactory

PHONE, ADDRESS, ID_NUMBER = (
    "13812345678",
    "浙江省杭州市西湖区示例路 1 号 2 单元 301 室",
    "110101199003071234",
)
MASKED = {"phone": "138****5678", "address": "浙江省杭州市…", "id_number": "1101**********1234"}


@pytest.fixture
def detailed_case(shared_case, borrower):
    shared_case.borrower_phone = PHONE
    shared_case.borrower_address = ADDRESS
    shared_case.borrower_id_number = ID_NUMBER
    shared_case.save()
    ContactFactory(case=shared_case, ref="C1", target="borrower", target_phone=PHONE)
    ContactFactory(case=shared_case, ref="C2", target="relative", target_phone="13900000001")
    CaseEventFactory(case=shared_case, target_phone=PHONE)
    return shared_case


@pytest.fixture
def taken(detailed_case, organisation, volunteer):
    case_review_take(case=detailed_case, organisation=organisation, user=volunteer)
    return detailed_case


def _leaks(text: str) -> list[str]:
    return [v for v in (PHONE, ADDRESS, ID_NUMBER, "138 1234 5678") if v in text]


def export(client, case) -> dict:
    response = client.get(reverse("cases:case_export", args=[case.pk]))
    assert response.status_code == 200
    return json.loads(response.content)


# Who may see them


def test_the_owner_may_see_the_details(borrower, detailed_case):
    assert may_see_borrower_details(borrower, detailed_case)


def test_a_volunteer_may_not_before_taking_the_case(volunteer, detailed_case):
    assert not may_see_borrower_details(volunteer, detailed_case)


def test_the_volunteer_who_took_the_case_may(volunteer, taken):
    assert may_see_borrower_details(volunteer, taken)


def test_another_member_of_the_organisation_may_not(organisation, taken):
    colleague = UserFactory(email="colleague@example.com")
    MembershipFactory(user=colleague, organisation=organisation)
    assert not may_see_borrower_details(colleague, taken)


def test_the_taker_may_not_once_the_share_is_revoked(volunteer, taken):
    from django.utils import timezone

    CaseShare.objects.filter(case=taken).update(revoked_at=timezone.now())
    assert not may_see_borrower_details(volunteer, taken)


# The export


def test_volunteer_export_masks_phone_address_and_id(volunteer_client, detailed_case):
    data = export(volunteer_client, detailed_case)
    assert {k: data["borrower"][k] for k in MASKED} == MASKED
    contacts = {c["ref"]: c for c in data["contacts"]}
    assert contacts["C1"]["target_phone"] == "138****5678"  # the borrower's own number
    assert contacts["C2"]["target_phone"] == "13900000001"  # a third party's stays
    assert data["events"][0]["target_phone"] == "138****5678"
    assert _leaks(json.dumps(data, ensure_ascii=False)) == []


def test_export_by_the_volunteer_who_took_the_case_is_in_full(volunteer_client, taken):
    data = export(volunteer_client, taken)
    assert (data["borrower"]["phone"], data["borrower"]["id_number"]) == (PHONE, ID_NUMBER)


def test_owner_export_is_in_full(borrower_client, detailed_case):
    data = export(borrower_client, detailed_case)
    assert data["borrower"]["address"] == ADDRESS
    assert data["contacts"][0]["target_phone"] == PHONE


# The case pages


def test_case_page_masks_the_borrowers_own_number_for_a_volunteer(volunteer_client, detailed_case):
    html = volunteer_client.get(reverse("cases:case_detail", args=[detailed_case.pk])).content
    assert _leaks(html.decode()) == []
    assert "138****5678" in html.decode()
    assert "139 0000 0001" in html.decode()  # third parties' numbers are the evidence


def test_contact_page_masks_it_too(volunteer_client, detailed_case):
    contact = detailed_case.contacts.get(ref="C1")
    url = reverse("cases:contact_detail", args=[detailed_case.pk, contact.pk])
    assert _leaks(volunteer_client.get(url).content.decode()) == []


def test_case_page_after_taking_shows_the_number(volunteer_client, taken):
    html = volunteer_client.get(reverse("cases:case_detail", args=[taken.pk])).content.decode()
    assert "138 1234 5678" in html


# Letter previews


@pytest.mark.parametrize("kind", ["stop_harassment", "evidence_report", "pi_request"])
def test_letter_preview_masks_the_details_for_a_volunteer(
    volunteer_client, detailed_case, borrower, kind
):
    draft = LetterDraft.objects.create(
        case=detailed_case, owner=borrower, kind=kind,
        fields={"sender_phone": PHONE, "sender_address": ADDRESS, "show_full_id": True},
    )  # fmt: skip
    html = volunteer_client.get(reverse("letters:letter_edit", args=[draft.pk])).content.decode()
    assert _leaks(html) == []
    assert "138****5678" in html or kind == "evidence_report"  # the report prints no phone
    assert "1101**********1234" in html or kind == "stop_harassment"


@pytest.mark.parametrize("who", ["borrower", "volunteer"])
def test_letter_preview_is_in_full_for_the_owner_and_the_taker(
    client, taken, borrower, volunteer, who
):
    draft = LetterDraft.objects.create(
        case=taken, owner=borrower, kind="pi_request",
        fields={"sender_phone": PHONE, "sender_address": ADDRESS, "show_full_id": True},
    )  # fmt: skip
    client.force_login(borrower if who == "borrower" else volunteer)
    html = client.get(reverse("letters:letter_edit", args=[draft.pk])).content.decode()
    assert PHONE in html and ADDRESS in html and ID_NUMBER in html


def test_the_taker_may_not_once_the_share_has_ended(volunteer, taken):
    from datetime import timedelta

    from django.utils import timezone

    CaseShare.objects.filter(case=taken).update(expires_on=timezone.localdate() - timedelta(days=1))
    assert not may_see_borrower_details(volunteer, taken)


def test_a_revoked_share_of_this_case_and_an_active_one_elsewhere_grant_nothing(
    volunteer, organisation, taken, borrower
):
    from django.utils import timezone

    from tests.factories import CaseFactory, CaseShareFactory

    CaseShare.objects.filter(case=taken).update(revoked_at=timezone.now())
    CaseShareFactory(case=CaseFactory(owner=borrower), organisation=organisation)
    assert not may_see_borrower_details(volunteer, taken)
