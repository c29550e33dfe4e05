import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import AccessLog, CaseShare
from review.services import letter_version_approve

pytestmark = pytest.mark.django_db


def approve(version):
    return reverse("review:letter_version_approve", args=[version.pk])


def edit(version):
    return reverse("letters:letter_edit", args=[version.draft_id])


def test_lawyer_approves_a_finalised_version(lawyer_client, lawyer, shared_case, version):
    response = lawyer_client.post(approve(version))
    assert response.status_code == 302
    assert response["Location"] == reverse("review:letter_version_review", args=[version.pk])
    version.refresh_from_db()
    assert version.approved_by == lawyer
    assert version.approved_at is not None


def test_approval_cannot_be_given_twice(lawyer_client, shared_case, version):
    lawyer_client.post(approve(version))
    version.refresh_from_db()
    first = version.approved_at
    lawyer_client.post(approve(version))
    version.refresh_from_db()
    assert version.approved_at == first


def test_service_refuses_a_second_approval(lawyer, shared_case, version):
    letter_version_approve(version=version, approver=lawyer)
    with pytest.raises(ValidationError):
        letter_version_approve(version=version, approver=lawyer)


def test_service_refuses_an_unfinalised_version(lawyer, shared_case, unfinalised_version):
    with pytest.raises(ValidationError):
        letter_version_approve(version=unfinalised_version, approver=lawyer)


def test_service_refuses_a_non_lawyer(volunteer, shared_case, version):
    with pytest.raises(ValidationError):
        letter_version_approve(version=version, approver=volunteer)


def test_volunteer_who_is_not_a_lawyer_gets_403(volunteer_client, shared_case, version):
    assert volunteer_client.post(approve(version)).status_code == 403
    version.refresh_from_db()
    assert version.approved_at is None


def test_owner_cannot_approve_their_own_letter(borrower_client, shared_case, version):
    assert borrower_client.post(approve(version)).status_code == 403


def test_outsider_lawyer_gets_404(client, outsider_lawyer, shared_case, version):
    client.force_login(outsider_lawyer)
    assert client.post(approve(version)).status_code == 404
    version.refresh_from_db()
    assert version.approved_at is None


def test_lawyer_gets_404_after_the_share_is_revoked(lawyer_client, shared_case, version):
    CaseShare.objects.filter(case=shared_case).update(revoked_at="2026-01-01T00:00Z")
    assert lawyer_client.post(approve(version)).status_code == 404
    version.refresh_from_db()
    assert version.approved_at is None


def test_unfinalised_version_gets_404(lawyer_client, shared_case, unfinalised_version):
    assert lawyer_client.post(approve(unfinalised_version)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, shared_case, version):
    assert client.post(approve(version)).status_code == 302


def test_wrong_method_gets_405(lawyer_client, shared_case, version):
    assert lawyer_client.get(approve(version)).status_code == 405


def test_lawyer_sees_the_approve_button(lawyer_client, shared_case, version):
    assert approve(version) in lawyer_client.get(edit(version)).content.decode()


def test_volunteer_sees_no_approve_button(volunteer_client, shared_case, version):
    assert approve(version) not in volunteer_client.get(edit(version)).content.decode()


def test_borrower_sees_who_approved_and_when(client, borrower, lawyer, shared_case, version):
    client.force_login(lawyer)
    client.post(approve(version))
    version.refresh_from_db()
    client.force_login(borrower)
    client.cookies["django_language"] = "en"
    text = client.get(edit(version)).content.decode()
    # The page shows the day in the site's time zone (Asia/Shanghai), not in UTC.
    assert f"Approved by 王律师 on {timezone.localtime(version.approved_at):%Y-%m-%d}" in text
    assert approve(version) not in text


def test_approval_is_written_to_the_access_log(lawyer_client, lawyer, shared_case, version):
    lawyer_client.post(approve(version))
    assert AccessLog.objects.filter(case=shared_case, user=lawyer, action="letter_approve").exists()
