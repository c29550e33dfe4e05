"""A share may end by itself on a day the borrower chose. After it, the organisation's members
lose access exactly as after revocation; the borrower sees it as expired and can renew it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.access import cases_visible_to
from cases.models import CaseShare
from notifications.models import Notification
from review.access import user_may_approve_letters
from review.services import case_share_set_expiry
from tests.factories import CaseFactory, CaseShareFactory, UserFactory

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


@pytest.fixture
def share(shared_case):
    return CaseShare.objects.get(case=shared_case)


def expire(share):
    CaseShare.objects.filter(pk=share.pk).update(expires_on=today() - timedelta(days=1))
    share.refresh_from_db()


def share_url(case):
    return reverse("review:share_create", args=[case.pk])


def update_url(share):
    return reverse("review:share_update", args=[share.pk])


# Choosing an end date when sharing


def test_the_borrower_shares_until_a_chosen_day(borrower_client, case, organisation):
    until = today() + timedelta(days=30)
    response = borrower_client.post(
        share_url(case),
        {"organisation": organisation.pk, "consent": "on", "expires_on": until.isoformat()},
    )
    assert response.status_code == 302
    assert CaseShare.objects.get(case=case).expires_on == until


def test_the_end_date_is_optional(borrower_client, case, organisation):
    borrower_client.post(share_url(case), {"organisation": organisation.pk, "consent": "on"})
    assert CaseShare.objects.get(case=case).expires_on is None


def test_an_end_date_in_the_past_is_refused_and_nothing_is_shared(
    borrower_client, case, organisation
):
    yesterday = today() - timedelta(days=1)
    response = borrower_client.post(
        share_url(case),
        {"organisation": organisation.pk, "consent": "on", "expires_on": yesterday.isoformat()},
    )
    assert response.status_code == 200
    assert 'id="id_expires_on_error"' in response.content.decode()
    assert "请选择今天或之后的日期" in response.content.decode()
    assert not CaseShare.objects.exists()


# After the end date


def test_a_share_ending_today_still_gives_access_today(volunteer_client, share):
    CaseShare.objects.filter(pk=share.pk).update(expires_on=today())
    assert (
        volunteer_client.get(reverse("cases:case_detail", args=[share.case_id])).status_code == 200
    )


@pytest.mark.parametrize(
    "name",
    ["cases:case_detail", "review:review_detail", "actions:action_list", "letters:letter_index"],
)
def test_after_expiry_the_volunteer_gets_404_everywhere(volunteer_client, share, name):
    kwargs = {"case_id" if name.startswith("letters") else "pk": share.case_id}
    if name.startswith("actions"):
        kwargs = {"case_pk": share.case_id}
    url = reverse(name, kwargs=kwargs)
    assert volunteer_client.get(url).status_code == 200
    expire(share)
    assert volunteer_client.get(url).status_code == 404


def test_after_expiry_the_queue_hides_the_case(volunteer_client, share):
    queue = reverse("review:review_queue")
    assert share.case.title in volunteer_client.get(queue).content.decode()
    expire(share)
    assert share.case.title not in volunteer_client.get(queue).content.decode()


def test_after_expiry_a_lawyer_may_not_approve(lawyer, share):
    assert user_may_approve_letters(lawyer, share.case)
    expire(share)
    assert not user_may_approve_letters(lawyer, share.case)


def test_the_borrower_still_sees_their_case_after_expiry(borrower_client, share):
    expire(share)
    assert (
        borrower_client.get(reverse("cases:case_detail", args=[share.case_id])).status_code == 200
    )


# The borrower's side: expired, and renewed


def test_the_sharing_panel_shows_the_share_as_expired_with_a_way_to_renew(borrower_client, share):
    expire(share)
    html = borrower_client.get(reverse("cases:case_detail", args=[share.case_id])).content.decode()
    assert "已到期" in html
    assert update_url(share) in html
    assert '<details id="case-sharing" class="card summary-details case-sharing" open>' in html


def test_the_panel_shows_the_end_date_of_an_active_share(borrower_client, share):
    until = today() + timedelta(days=10)
    CaseShare.objects.filter(pk=share.pk).update(expires_on=until)
    html = borrower_client.get(reverse("cases:case_detail", args=[share.case_id])).content.decode()
    assert f"至 {until.isoformat()}" in html
    assert "已到期" not in html


def test_renewing_gives_the_organisation_its_access_back(client, borrower, volunteer, share):
    expire(share)
    client.force_login(borrower)
    assert client.get(update_url(share)).status_code == 200
    until = today() + timedelta(days=7)
    response = client.post(update_url(share), {"expires_on": until.isoformat()})
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.expires_on == until and share.is_active
    client.force_login(volunteer)
    assert client.get(reverse("review:review_detail", args=[share.case_id])).status_code == 200


def test_renewing_without_a_date_shares_until_the_borrower_stops(borrower_client, share):
    expire(share)
    borrower_client.post(update_url(share), {"expires_on": ""})
    share.refresh_from_db()
    assert share.expires_on is None and share.is_active


def test_renewing_with_a_past_date_is_refused_and_changes_nothing(borrower_client, share):
    expire(share)
    before = share.expires_on
    response = borrower_client.post(
        update_url(share), {"expires_on": (today() - timedelta(days=3)).isoformat()}
    )
    assert response.status_code == 200
    assert 'id="id_expires_on_error"' in response.content.decode()
    share.refresh_from_db()
    assert share.expires_on == before


def test_renewing_an_expired_share_tells_the_members_again(share, volunteer):
    expire(share)
    case_share_set_expiry(share=share, expires_on=None)
    assert Notification.objects.filter(user=volunteer, kind="case_shared").count() == 1


def test_changing_the_date_of_an_active_share_tells_nobody(share, volunteer):
    case_share_set_expiry(share=share, expires_on=today() + timedelta(days=3))
    assert not Notification.objects.exists()


def test_an_expired_organisation_is_renewed_not_shared_again(borrower_client, share, organisation):
    expire(share)
    response = borrower_client.post(
        share_url(share.case), {"organisation": organisation.pk, "consent": "on"}
    )
    assert response.status_code == 200
    assert CaseShare.objects.filter(case=share.case).count() == 1


@pytest.mark.parametrize("who", ["volunteer", "other_borrower", "outsider_volunteer"])
def test_only_the_owner_changes_the_end_date(client, request, who, share):
    client.force_login(request.getfixturevalue(who))
    assert client.get(update_url(share)).status_code == 404
    assert client.post(update_url(share), {"expires_on": ""}).status_code == 404


def test_a_revoked_share_cannot_be_renewed(borrower_client, share):
    CaseShare.objects.filter(pk=share.pk).update(revoked_at=timezone.now())
    assert borrower_client.post(update_url(share), {"expires_on": ""}).status_code == 404


# Every condition on one share


def test_an_ended_share_is_not_rescued_by_another_case_shared_with_the_organisation(
    volunteer, lawyer, share, organisation
):
    """Two shares with the same organisation: the one for this case ended, another case's
    is active. The active one must not open this case."""
    other = CaseFactory(owner=UserFactory())
    CaseShareFactory(case=other, organisation=organisation)
    expire(share)
    assert not cases_visible_to(volunteer).filter(pk=share.case_id).exists()
    assert not user_may_approve_letters(lawyer, share.case)
    CaseShare.objects.filter(pk=share.pk).update(expires_on=None, revoked_at=timezone.now())
    assert not cases_visible_to(volunteer).filter(pk=share.case_id).exists()
    assert not user_may_approve_letters(lawyer, share.case)
