import pytest
from django.urls import reverse

from cases.models import CaseShare

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(shared_case):
    return CaseShare.objects.get(case=shared_case)


def url(share):
    return reverse("review:share_revoke", args=[share.pk])


def test_get_asks_for_confirmation_and_changes_nothing(borrower_client, share):
    response = borrower_client.get(url(share))
    assert response.status_code == 200
    assert share.organisation.name in response.content.decode()
    share.refresh_from_db()
    assert share.is_active


def test_post_revokes_the_share(borrower_client, share):
    response = borrower_client.post(url(share))
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.revoked_at is not None


def test_access_ends_immediately_after_revoking(client, borrower, volunteer, share):
    client.force_login(volunteer)
    case_url = reverse("cases:case_detail", args=[share.case_id])
    assert client.get(case_url).status_code == 200
    client.force_login(borrower)
    client.post(url(share))
    client.force_login(volunteer)
    assert client.get(case_url).status_code == 404
    assert client.get(reverse("review:review_detail", args=[share.case_id])).status_code == 404
    assert client.get(reverse("letters:letter_index", args=[share.case_id])).status_code == 404


def test_revoked_case_leaves_the_queue(client, borrower, volunteer, share):
    client.force_login(borrower)
    client.post(url(share))
    client.force_login(volunteer)
    response = client.get(reverse("review:review_queue"))
    assert share.case.title not in response.content.decode()


def test_revoking_twice_gets_404(borrower_client, share):
    borrower_client.post(url(share))
    assert borrower_client.post(url(share)).status_code == 404


def test_case_can_be_shared_again_after_revoking(borrower_client, share):
    borrower_client.post(url(share))
    response = borrower_client.post(
        reverse("review:share_create", args=[share.case_id]),
        {"organisation": share.organisation_id, "consent": "on"},
    )
    assert response.status_code == 302
    assert CaseShare.objects.filter(case_id=share.case_id, revoked_at__isnull=True).count() == 1


def test_volunteer_cannot_revoke(volunteer_client, share):
    assert volunteer_client.post(url(share)).status_code == 404
    share.refresh_from_db()
    assert share.is_active


def test_other_borrower_gets_404(other_client, share):
    assert other_client.post(url(share)).status_code == 404
    share.refresh_from_db()
    assert share.is_active


def test_anonymous_is_sent_to_log_in(client, share):
    assert client.post(url(share)).status_code == 302
    share.refresh_from_db()
    assert share.is_active


def test_wrong_method_gets_405(borrower_client, share):
    assert borrower_client.delete(url(share)).status_code == 405
