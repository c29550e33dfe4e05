import pytest
from django.urls import reverse

from cases.models import AccessLog

pytestmark = pytest.mark.django_db


def test_volunteer_visit_appears_in_the_owners_access_log(client, borrower, volunteer, shared_case):
    client.force_login(volunteer)
    client.get(reverse("cases:case_detail", args=[shared_case.pk]))
    client.force_login(borrower)
    response = client.get(reverse("review:access_log", args=[shared_case.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert str(volunteer) in text
    assert "西湖法律援助工作站" in text


def test_case_page_shows_the_owner_recent_access(client, borrower, volunteer, shared_case):
    client.force_login(volunteer)
    client.get(reverse("review:review_detail", args=[shared_case.pk]))
    client.force_login(borrower)
    text = client.get(reverse("cases:case_detail", args=[shared_case.pk])).content.decode()
    assert 'id="case-sharing"' in text
    assert str(volunteer) in text
    assert reverse("review:access_log", args=[shared_case.pk]) in text


def test_every_review_page_visit_is_logged(volunteer_client, shared_case):
    volunteer_client.get(reverse("review:review_detail", args=[shared_case.pk]))
    entry = AccessLog.objects.get(case=shared_case)
    assert entry.action == "review"
    assert entry.organisation.name == "西湖法律援助工作站"


def test_reader_of_the_case_sees_no_sharing_panel(volunteer_client, shared_case):
    text = volunteer_client.get(reverse("cases:case_detail", args=[shared_case.pk])).content
    assert b'id="case-sharing"' not in text


def test_volunteer_cannot_read_the_access_log(volunteer_client, shared_case):
    assert (
        volunteer_client.get(reverse("review:access_log", args=[shared_case.pk])).status_code == 404
    )


def test_other_borrower_gets_404(other_client, case):
    assert other_client.get(reverse("review:access_log", args=[case.pk])).status_code == 404


def test_anonymous_is_sent_to_log_in(client, case):
    assert client.get(reverse("review:access_log", args=[case.pk])).status_code == 302


def test_wrong_method_gets_405(borrower_client, case):
    assert borrower_client.post(reverse("review:access_log", args=[case.pk])).status_code == 405
