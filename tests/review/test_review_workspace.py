"""The review page as a workspace (findings, contacts, letters and notes side by side,
the borrower's details masked until the case is taken) and the queue's filters."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.selectors import findings_by_severity
from letters.models import LetterDraft, LetterVersion
from review import services
from review.models import LetterComment
from tests.factories import CaseFactory, CaseShareFactory, ContactFactory, UserFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUEUE = reverse("review:review_queue")


def detail(case):
    return reverse("review:review_detail", args=[case.pk])


def night_call(case, ref="C1"):
    return ContactFactory(
        case=case, ref=ref, occurred_at=datetime(2025, 4, 12, 23, 5, tzinfo=SHANGHAI)
    )


def day_call(case, ref="C1"):
    return ContactFactory(
        case=case, ref=ref, occurred_at=datetime(2025, 4, 12, 11, 5, tzinfo=SHANGHAI)
    )


def finalised(case, *, number=1):
    draft, _ = LetterDraft.objects.get_or_create(
        case=case, owner=case.owner, kind="stop_harassment", language="zh-hans"
    )
    return LetterVersion.objects.create(
        draft=draft, number=number, html="<article><p>一</p><p>二</p></article>",
        sha256="a" * 64, size=1, finalised_at=timezone.now(),
    )  # fmt: skip


# The review page


def test_review_page_shows_findings_contacts_letters_and_notes(volunteer_client, shared_case):
    contact = night_call(shared_case)
    version = finalised(shared_case)
    html = volunteer_client.get(detail(shared_case)).content.decode()
    assert 'id="finding-quiet_hours"' in html
    assert reverse("cases:contact_detail", args=[shared_case.pk, contact.pk]) in html
    assert reverse("review:letter_version_review", args=[version.pk]) in html
    assert 'id="review-notes"' in html
    assert 'class="workspace"' in html


@pytest.fixture
def detailed_case(shared_case):
    shared_case.borrower_phone = "13812345678"
    shared_case.borrower_address = "浙江省杭州市西湖区文三路 100 号"
    shared_case.borrower_id_number = "330106199001011234"
    shared_case.save()
    return shared_case


def test_borrower_details_are_masked_before_the_case_is_taken(volunteer_client, detailed_case):
    html = volunteer_client.get(detail(detailed_case)).content.decode()
    assert "13812345678" not in html and "138 1234 5678" not in html
    assert "138****5678" in html
    assert "文三路" not in html
    assert "330106199001011234" not in html


def test_borrower_details_show_to_the_member_who_took_the_case(
    volunteer_client, volunteer, organisation, detailed_case
):
    services.case_review_take(case=detailed_case, organisation=organisation, user=volunteer)
    html = volunteer_client.get(detail(detailed_case)).content.decode()
    assert "138 1234 5678" in html
    assert "文三路" in html
    assert "330106199001011234" in html


def test_borrower_details_stay_masked_for_colleagues_of_the_taker(
    client, volunteer, organisation, detailed_case
):
    from accounts.models import Membership
    from tests.conftest import mark_second_factor_verified
    from tests.factories import MembershipFactory

    colleague = UserFactory(email="colleague@example.com")
    MembershipFactory(user=colleague, organisation=organisation, role=Membership.Role.VOLUNTEER)
    services.case_review_take(case=detailed_case, organisation=organisation, user=volunteer)
    client.force_login(colleague)
    mark_second_factor_verified(client)
    html = client.get(detail(detailed_case)).content.decode()
    assert "文三路" not in html and "138****5678" in html


# The queue


def test_findings_are_counted_by_severity_per_case(case):
    night_call(case)
    quiet = CaseFactory(owner=UserFactory())
    day_call(quiet)
    counts = findings_by_severity(cases=[case, quiet])
    assert sum(counts[case.pk].values()) >= 1
    assert sum(counts[quiet.pk].values()) == 0


def test_queue_shows_severity_awaiting_letters_and_age(volunteer_client, shared_case):
    night_call(shared_case)
    finalised(shared_case)
    response = volunteer_client.get(QUEUE)
    row = response.context["rows"][0]
    assert sum(row.severity.values()) >= 1
    assert row.awaiting_count == 1
    html = response.content.decode()
    assert "1 封信函等待批准" in html
    assert "前共享" in html


def test_a_version_with_changes_requested_is_not_awaiting(
    volunteer_client, volunteer, organisation, shared_case
):
    version = finalised(shared_case)
    LetterComment.objects.create(
        version=version, organisation=organisation, author=volunteer, text="改",
        requests_changes=True,
    )  # fmt: skip
    assert volunteer_client.get(QUEUE).context["rows"][0].awaiting_count == 0


def test_only_the_latest_finalised_version_can_be_awaiting(volunteer_client, shared_case):
    finalised(shared_case, number=1)
    finalised(shared_case, number=2)
    assert volunteer_client.get(QUEUE).context["rows"][0].awaiting_count == 1


@pytest.fixture
def two_cases(shared_case, organisation, volunteer):
    """The shared case, with a night call and a letter to approve, taken by the volunteer;
    and a second, quiet case nobody took."""
    night_call(shared_case)
    finalised(shared_case)
    services.case_review_take(case=shared_case, organisation=organisation, user=volunteer)
    quiet = CaseFactory(owner=UserFactory(), title="安静的案件")
    CaseShareFactory(case=quiet, organisation=organisation)
    day_call(quiet)
    return shared_case, quiet


@pytest.mark.parametrize(
    "query",
    [{"status": "in_review"}, {"severity": "low"}, {"awaiting": "on"}, {"mine": "on"}],
)
def test_each_filter_keeps_only_the_matching_case(volunteer_client, two_cases, query):
    busy, quiet = two_cases
    assert len(volunteer_client.get(QUEUE).context["rows"]) == 2
    rows = volunteer_client.get(QUEUE, query).context["rows"]
    assert [row.case_id for row in rows] == [busy.pk]


def test_status_new_keeps_only_the_untaken_case(volunteer_client, two_cases):
    busy, quiet = two_cases
    rows = volunteer_client.get(QUEUE, {"status": "new"}).context["rows"]
    assert [row.case_id for row in rows] == [quiet.pk]


def test_an_unknown_filter_value_is_ignored(volunteer_client, two_cases):
    assert len(volunteer_client.get(QUEUE, {"severity": "extreme"}).context["rows"]) == 2
