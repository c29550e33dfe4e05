import pytest
from django.urls import reverse

from cases.models import CaseShare
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("review:share_create", args=[case.pk])


def test_owner_sees_every_organisation_and_what_is_shared(borrower_client, case, organisation):
    other = OrganisationFactory(name="东城法援")
    response = borrower_client.get(url(case))
    assert response.status_code == 200
    text = response.content.decode()
    assert organisation.name in text
    assert other.name in text
    assert 'name="consent"' in text


def test_sharing_without_consent_shares_nothing(borrower_client, case, organisation):
    response = borrower_client.post(url(case), {"organisation": organisation.pk})
    assert response.status_code == 200
    assert 'id="id_consent_error"' in response.content.decode()
    assert not CaseShare.objects.filter(case=case).exists()


def test_sharing_with_consent_creates_an_active_share(
    borrower_client, borrower, case, organisation
):
    response = borrower_client.post(url(case), {"organisation": organisation.pk, "consent": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_detail", args=[case.pk])
    share = CaseShare.objects.get(case=case)
    assert share.organisation == organisation
    assert share.granted_by == borrower
    assert share.is_active


def test_organisation_already_shared_with_is_not_offered_again(
    borrower_client, shared_case, organisation
):
    OrganisationFactory(name="东城法援")
    response = borrower_client.post(
        url(shared_case), {"organisation": organisation.pk, "consent": "on"}
    )
    assert response.status_code == 200
    assert CaseShare.objects.filter(case=shared_case).count() == 1
    assert 'id="id_organisation_error"' in response.content.decode()


def test_unknown_organisation_is_refused(borrower_client, case):
    response = borrower_client.post(url(case), {"organisation": 999999, "consent": "on"})
    assert response.status_code == 200
    assert not CaseShare.objects.exists()


def test_other_borrower_gets_404(other_client, case, organisation):
    assert other_client.get(url(case)).status_code == 404
    response = other_client.post(url(case), {"organisation": organisation.pk, "consent": "on"})
    assert response.status_code == 404
    assert not CaseShare.objects.exists()


def test_volunteer_of_sharing_organisation_gets_404(volunteer_client, shared_case):
    assert volunteer_client.get(url(shared_case)).status_code == 404


def test_outsider_gets_404(outsider_client, shared_case):
    assert outsider_client.get(url(shared_case)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, case):
    response = client.get(url(case))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_wrong_method_gets_405(borrower_client, case):
    assert borrower_client.put(url(case)).status_code == 405


def test_when_shared_with_every_organisation_no_form_is_shown(borrower_client, shared_case):
    response = borrower_client.get(url(shared_case))
    assert response.status_code == 200
    assert 'name="consent"' not in response.content.decode()
