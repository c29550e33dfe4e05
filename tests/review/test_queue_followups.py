"""The review queue shows answers overdue and cases where the contacts went on after a
complaint, from the stored dates and contacts, in a bounded number of queries, and filters
on both."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import Action
from actions.selectors import cases_followups
from tests.factories import CaseFactory, CaseShareFactory, ContactFactory, LoanFactory, UserFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUEUE = reverse("review:review_queue")


def complaint(case, *, sent_on, outcome="pending"):
    loan = case.loans.first() or LoanFactory(case=case, lender_type="bank")
    return Action.objects.create(
        case=case, loan=loan, channel="lender", method="phone", sent_on=sent_on, outcome=outcome
    )


def calls(case, day: date, n: int, prefix: str):
    for i in range(n):
        ContactFactory(
            case=case, ref=f"{prefix}{i}",
            occurred_at=datetime(day.year, day.month, day.day, 10 + i, tzinfo=SHANGHAI),
        )  # fmt: skip


def ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def test_an_unanswered_complaint_past_its_deadline_is_overdue(shared_case):
    complaint(shared_case, sent_on=ago(20))  # a bank answers within 15 days
    assert cases_followups(case_ids=[shared_case.pk])[shared_case.pk].overdue == 1


def test_a_complaint_within_its_deadline_is_not_overdue(shared_case):
    complaint(shared_case, sent_on=ago(5))
    assert cases_followups(case_ids=[shared_case.pk])[shared_case.pk].overdue == 0


def test_an_answered_complaint_is_not_overdue(shared_case):
    complaint(shared_case, sent_on=ago(40), outcome="resolved")
    assert cases_followups(case_ids=[shared_case.pk])[shared_case.pk].overdue == 0


def test_contacts_after_the_complaint_as_many_as_before_mean_it_continued(shared_case):
    complaint(shared_case, sent_on=ago(7))
    calls(shared_case, ago(9), 2, "B")
    calls(shared_case, ago(3), 2, "A")
    assert cases_followups(case_ids=[shared_case.pk])[shared_case.pk].continued == 1


def test_fewer_contacts_after_the_complaint_is_not_continued(shared_case):
    complaint(shared_case, sent_on=ago(7))
    calls(shared_case, ago(9), 3, "B")
    calls(shared_case, ago(3), 1, "A")
    assert cases_followups(case_ids=[shared_case.pk])[shared_case.pk].continued == 0


def test_the_queue_shows_both_and_links_to_the_deadlines(volunteer_client, shared_case):
    complaint(shared_case, sent_on=ago(20))
    calls(shared_case, ago(22), 1, "B")
    calls(shared_case, ago(10), 2, "A")
    html = volunteer_client.get(QUEUE).content.decode()
    assert "1 项答复已逾期" in html
    assert "投诉后仍被联系" in html
    assert reverse("actions:action_list", args=[shared_case.pk]) in html


def test_a_case_without_actions_shows_neither(volunteer_client, shared_case):
    calls(shared_case, ago(3), 2, "A")
    row = volunteer_client.get(QUEUE).context["rows"][0]
    assert (row.followup.overdue, row.followup.continued) == (0, 0)


@pytest.fixture
def three_cases(organisation, shared_case):
    """The shared case is overdue; another has contacts going on; a third is quiet."""
    complaint(shared_case, sent_on=ago(20))
    went_on = CaseFactory(owner=UserFactory(), title="投诉后仍来电")
    CaseShareFactory(case=went_on, organisation=organisation)
    complaint(went_on, sent_on=ago(5))
    calls(went_on, ago(2), 2, "A")
    quiet = CaseFactory(owner=UserFactory(), title="平静的案件")
    CaseShareFactory(case=quiet, organisation=organisation)
    return shared_case, went_on, quiet


def test_the_overdue_filter_keeps_cases_with_an_answer_overdue(volunteer_client, three_cases):
    overdue, went_on, quiet = three_cases
    rows = volunteer_client.get(QUEUE, {"overdue": "on"}).context["rows"]
    assert [row.case_id for row in rows] == [overdue.pk]


def test_the_continued_filter_keeps_cases_where_contacts_went_on(volunteer_client, three_cases):
    overdue, went_on, quiet = three_cases
    rows = volunteer_client.get(QUEUE, {"continued": "on"}).context["rows"]
    assert [row.case_id for row in rows] == [went_on.pk]


def test_the_filter_form_offers_both(volunteer_client, shared_case):
    html = volunteer_client.get(QUEUE).content.decode()
    assert 'name="overdue"' in html and 'name="continued"' in html


def test_the_queue_query_count_does_not_grow_with_actions_and_contacts(
    volunteer_client, organisation, shared_case, django_assert_max_num_queries
):
    complaint(shared_case, sent_on=ago(20))
    with CaptureQueriesContext(connection) as small:
        volunteer_client.get(QUEUE)
    for n in range(6):
        case = CaseFactory(owner=UserFactory(), title=f"案件 {n}")
        CaseShareFactory(case=case, organisation=organisation)
        complaint(case, sent_on=ago(20 + n))
        complaint(case, sent_on=ago(3))
        calls(case, ago(2), 3, "A")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = volunteer_client.get(QUEUE)
    assert len(response.context["rows"]) == 7
    assert sum(row.followup.overdue for row in response.context["rows"]) == 7
