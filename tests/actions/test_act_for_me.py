"""A volunteer records actions for the borrower only with the separate "act for me" consent."""

import re
from datetime import timedelta

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


def toggle_url(case):
    return reverse("review:share_act_for_me", args=[CaseShare.objects.get(case=case).pk])


def test_the_borrower_grants_the_consent_on_the_sharing_panel(borrower_client, shared_case):
    response = borrower_client.post(toggle_url(shared_case), {"grant": "on"})
    assert response.status_code == 302
    assert ActForMe.objects.get().share == CaseShare.objects.get(case=shared_case)


def test_the_borrower_can_withdraw_the_consent(borrower_client, shared_case):
    consent(shared_case)
    borrower_client.post(toggle_url(shared_case), {})
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
    assert volunteer_client.post(toggle_url(shared_case), {"grant": "on"}).status_code == 404
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


# The consent is given when sharing, and changed on the sharing panel only


def share(client, case, organisation, **extra):
    data = {"organisation": organisation.pk, "consent": "on", **extra}
    return client.post(reverse("review:share_create", args=[case.pk]), data)


def test_the_sharing_form_asks_for_the_consent_as_a_separate_box_off_by_default(
    borrower_client, case, organisation
):
    html = borrower_client.get(reverse("review:share_create", args=[case.pk])).content.decode()
    box = re.search(r'<input[^>]*name="act_for_me"[^>]*>', html).group(0)
    consent_box = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert box != consent_box
    assert "checked" not in box


def test_sharing_with_the_box_ticked_grants_the_consent(borrower_client, case, organisation):
    assert share(borrower_client, case, organisation, act_for_me="on").status_code == 302
    assert ActForMe.objects.get().share == CaseShare.objects.get(case=case)


def test_sharing_without_the_box_leaves_the_volunteer_read_only(
    borrower_client, volunteer, case, organisation, loan, client
):
    share(borrower_client, case, organisation)
    assert not ActForMe.objects.exists()
    client.force_login(volunteer)
    assert record(client, case).status_code == 403


def test_the_consent_lapses_when_the_share_expires(volunteer_client, shared_case, loan):
    consent(shared_case)
    yesterday = timezone.localdate() - timedelta(days=1)
    CaseShare.objects.filter(case=shared_case).update(expires_on=yesterday)
    assert record(volunteer_client, shared_case).status_code == 404
    assert not Action.objects.exists()


def test_the_panel_shows_the_consent_and_the_switch(borrower_client, shared_case):
    page = reverse("cases:case_detail", args=[shared_case.pk])
    assert "只能查看" in borrower_client.get(page).content.decode()
    consent(shared_case)
    html = borrower_client.get(page).content.decode()
    assert "还可以代您记录投诉和答复" in html
    assert f'action="{toggle_url(shared_case)}"' in html


def test_the_actions_page_has_no_switch_of_its_own(borrower_client, shared_case):
    html = borrower_client.get(reverse("actions:action_list", args=[shared_case.pk])).content
    assert b'name="grant"' not in html
    assert reverse("cases:case_detail", args=[shared_case.pk]).encode() + b"#case-sharing" in html


def test_the_old_switch_address_is_gone(borrower_client, shared_case):
    url = f"/actions/case/{shared_case.pk}/act-for-me/"
    assert borrower_client.post(url, {"grant": "on"}).status_code == 404
    assert not ActForMe.objects.exists()


def test_the_borrower_sees_who_recorded_an_action_for_them(
    client, borrower, volunteer, shared_case, loan
):
    consent(shared_case)
    client.force_login(volunteer)
    record(client, shared_case)
    client.force_login(borrower)
    html = client.get(reverse("actions:action_list", args=[shared_case.pk])).content.decode()
    assert f"由 {volunteer} 记录" in html
