import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import CaseShare
from review import services
from tests.factories import CaseFactory, CaseShareFactory, ContactFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("review:review_queue")


def test_lists_cases_shared_with_the_organisation(volunteer_client, shared_case):
    response = volunteer_client.get(URL)
    assert response.status_code == 200
    assert shared_case.title in response.content.decode()
    assert reverse("review:review_detail", args=[shared_case.pk]) in response.content.decode()


def test_newest_share_comes_first(volunteer_client, organisation, shared_case):
    newer = CaseFactory(owner=UserFactory(), title="最新的案件")
    CaseShareFactory(case=newer, organisation=organisation)
    text = volunteer_client.get(URL).content.decode()
    assert text.index("最新的案件") < text.index(shared_case.title)


def test_shows_status_assignee_and_counts(volunteer_client, volunteer, organisation, shared_case):
    ContactFactory(case=shared_case)
    ContactFactory(case=shared_case)
    services.case_review_take(case=shared_case, organisation=organisation, user=volunteer)
    services.review_note_create(
        case=shared_case, organisation=organisation, author=volunteer, text="x",
        shared_with_borrower=False,
    )  # fmt: skip
    row = volunteer_client.get(URL).context["rows"][0]
    assert row.review_status == "in_review"
    assert row.assignee_email == volunteer.email
    assert row.contact_count == 2
    assert row.note_count == 1
    assert row.last_activity >= row.granted_at


def test_revoked_share_is_not_listed(volunteer_client, shared_case):
    CaseShare.objects.filter(case=shared_case).update(revoked_at="2026-01-01T00:00Z")
    assert shared_case.title not in volunteer_client.get(URL).content.decode()


def test_outsider_does_not_see_the_case(outsider_client, shared_case):
    response = outsider_client.get(URL)
    assert response.status_code == 200
    assert shared_case.title not in response.content.decode()


def test_borrower_without_membership_gets_404(borrower_client, shared_case):
    assert borrower_client.get(URL).status_code == 404


def test_nav_links_the_queue_only_for_members(volunteer_client, client, borrower):
    assert URL.encode() in volunteer_client.get(reverse("cases:case_list")).content
    client.force_login(borrower)
    assert URL.encode() not in client.get(reverse("cases:case_list")).content


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_wrong_method_gets_405(volunteer_client):
    assert volunteer_client.post(URL).status_code == 405


def test_query_count_is_constant(
    volunteer_client, volunteer, organisation, shared_case, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as small:
        volunteer_client.get(URL)
    for n in range(5):
        case = CaseFactory(owner=UserFactory(), title=f"案件 {n}")
        CaseShareFactory(case=case, organisation=organisation)
        ContactFactory(case=case)
        services.case_review_take(case=case, organisation=organisation, user=volunteer)
        services.review_note_create(
            case=case, organisation=organisation, author=volunteer, text="x",
            shared_with_borrower=True,
        )  # fmt: skip
    with django_assert_num_queries(len(small.captured_queries)):
        response = volunteer_client.get(URL)
    assert len(response.context["rows"]) == 6
