"""A volunteer records actions for the borrower only with the separate "act for me" consent."""

from django.urls import reverse
from django.utils import timezone

from actions.models import ActForMe, Action
from actions.services import act_for_me_set
from cases.models import CaseShare
from letters.models import LetterDraft

POST = {"channel": "lender", "method": "phone", "sent_on": "2026-03-01", "ticket_number": "V-1"}


def consent(case):
    act_for_me_set(share=CaseShare.objects.get(case=case), granted_by=case.owner, grant=True)


def record(client, case):
    return client.post(reverse("actions:action_create", args=[case.pk]), POST)


def test_the_borrower_grants_the_consent_for_one_share(borrower_client, shared_case):
    share = CaseShare.objects.get(case=shared_case)
    url = reverse("actions:act_for_me_set", args=[shared_case.pk])
    response = borrower_client.post(url, {"share": share.pk, "grant": "on"})
    assert response.status_code == 302
    assert ActForMe.objects.get().share == share


def test_the_borrower_can_withdraw_the_consent(borrower_client, shared_case):
    consent(shared_case)
    share = CaseShare.objects.get(case=shared_case)
    borrower_client.post(
        reverse("actions:act_for_me_set", args=[shared_case.pk]), {"share": share.pk}
    )
    assert not ActForMe.objects.exists()


def test_with_consent_a_volunteer_records_a_complaint_as_themselves(
    volunteer, volunteer_client, shared_case, loan
):
    consent(shared_case)
    assert record(volunteer_client, shared_case).status_code == 302
    assert Action.objects.get().created_by == volunteer


def test_without_consent_the_volunteer_gets_403(volunteer_client, shared_case, loan):
    assert record(volunteer_client, shared_case).status_code == 403
    assert not Action.objects.exists()


def test_consent_lapses_when_the_share_is_revoked(volunteer_client, shared_case, loan):
    consent(shared_case)
    CaseShare.objects.filter(case=shared_case).update(revoked_at=timezone.now())
    assert record(volunteer_client, shared_case).status_code == 404


def test_a_volunteer_cannot_grant_themselves_the_consent(volunteer_client, shared_case):
    share = CaseShare.objects.get(case=shared_case)
    url = reverse("actions:act_for_me_set", args=[shared_case.pk])
    assert volunteer_client.post(url, {"share": share.pk, "grant": "on"}).status_code == 403
    assert not ActForMe.objects.exists()


def test_even_with_consent_letters_stay_the_borrowers(volunteer_client, shared_case, loan):
    consent(shared_case)
    url = reverse("actions:escalate", args=[shared_case.pk])
    assert volunteer_client.post(url, {"kind": "complaint_regulator"}).status_code == 403
    assert not LetterDraft.objects.exists()


def test_an_outsider_cannot_record_even_with_another_organisations_consent(
    client, outsider_volunteer, shared_case, loan
):
    consent(shared_case)
    client.force_login(outsider_volunteer)
    assert record(client, shared_case).status_code == 404
