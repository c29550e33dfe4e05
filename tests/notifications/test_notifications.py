"""Notifications in the app and by email on: a share (to the organisation's members), a note
for the borrower, a change request and an approval (to the borrower). Emails say only that
there is something new: never the debt, the case or the organisation."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from letters.models import LetterDraft, LetterVersion
from notifications.models import Notification
from notifications.services import notify
from review import services
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:notification_list")
PRIVATE_WORDS = ("债", "催收", "欠", "debt", "loan", "贷")


@pytest.fixture
def lawyer(organisation):
    user = UserFactory(email="lawyer@example.com", display_name="王律师")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LAWYER)
    return user


@pytest.fixture
def version(shared_case, borrower):
    draft = LetterDraft.objects.create(
        case=shared_case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    return LetterVersion.objects.create(
        draft=draft, number=1, html="<article><p>一</p><p>二</p></article>", data={"kind": "x"},
        sha256="a" * 64, size=1, finalised_at=timezone.now(),
    )  # fmt: skip


def assert_discreet(message, case):
    for text in (message.subject, message.body):
        assert case.title not in text
        assert not any(word in text.lower() for word in PRIVATE_WORDS), text
    assert message.subject == "您有一条新通知"
    assert "http://127.0.0.1:8000" + LIST in message.body


# What makes a notification


def test_sharing_tells_every_member_of_the_organisation(
    case, borrower, organisation, volunteer, lawyer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.case_share_create(case=case, organisation=organisation, granted_by=borrower)
    assert {n.user for n in Notification.objects.filter(kind="case_shared")} == {volunteer, lawyer}
    assert sorted(m.to[0] for m in mail.outbox) == [lawyer.email, volunteer.email]
    for message in mail.outbox:
        assert_discreet(message, case)
    assert not Notification.objects.filter(user=borrower).exists()


def test_members_of_another_organisation_are_not_told(
    case, borrower, organisation, outsider_volunteer
):
    services.case_share_create(case=case, organisation=organisation, granted_by=borrower)
    assert not Notification.objects.filter(user=outsider_volunteer).exists()


def test_a_note_for_the_borrower_tells_the_borrower(
    shared_case, borrower, organisation, volunteer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.review_note_create(
            case=shared_case, organisation=organisation, author=volunteer,
            text="请补充通话录音", shared_with_borrower=True,
        )  # fmt: skip
    notification = Notification.objects.get(user=borrower)
    assert notification.kind == "note"
    assert notification.url == reverse("cases:case_detail", args=[shared_case.pk]) + "#case-sharing"
    assert [m.to for m in mail.outbox] == [[borrower.email]]
    assert_discreet(mail.outbox[0], shared_case)
    assert "请补充通话录音" not in mail.outbox[0].body


def test_a_private_note_tells_nobody(shared_case, organisation, volunteer):
    services.review_note_create(
        case=shared_case, organisation=organisation, author=volunteer, text="内部",
        shared_with_borrower=False,
    )  # fmt: skip
    assert not Notification.objects.exists()


def test_a_change_request_tells_the_borrower(version, borrower, organisation, volunteer):
    services.letter_comment_create(
        version=version, organisation=organisation, author=volunteer, paragraph=1,
        text="请改", requests_changes=True,
    )  # fmt: skip
    notification = Notification.objects.get(user=borrower)
    assert notification.kind == "changes_requested"
    assert notification.url == reverse("letters:letter_edit", args=[version.draft_id])


def test_a_plain_comment_tells_nobody(version, organisation, volunteer):
    services.letter_comment_create(
        version=version, organisation=organisation, author=volunteer, paragraph=None,
        text="很好", requests_changes=False,
    )  # fmt: skip
    assert not Notification.objects.exists()


def test_an_approval_tells_the_borrower(version, borrower, lawyer):
    services.letter_version_approve(version=version, approver=lawyer)
    assert Notification.objects.get(user=borrower).kind == "letter_approved"


def test_nothing_is_emailed_when_the_write_rolls_back(case, borrower, organisation, volunteer):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        services.case_share_create(case=case, organisation=organisation, granted_by=borrower)
        raise RuntimeError
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_nobody_is_told_about_what_they_did_themselves(borrower):
    notify(users=[borrower, borrower], kind="note", url="/", exclude=borrower)
    assert not Notification.objects.exists()


def test_a_user_listed_twice_is_told_once(borrower):
    notify(users=[borrower, borrower], kind="note", url="/")
    assert Notification.objects.count() == 1


# The badge and the page


def test_the_header_shows_the_unread_count(borrower_client, borrower):
    notify(users=[borrower], kind="note", url="/")
    notify(users=[borrower], kind="letter_approved", url="/")
    html = borrower_client.get(reverse("cases:case_list")).content.decode()
    assert 'id="notifications-link"' in html
    assert '<span class="badge count">2</span>' in html


def test_no_badge_without_unread_notifications(borrower_client):
    html = borrower_client.get(reverse("cases:case_list")).content.decode()
    assert 'id="notifications-link"' in html
    assert 'class="badge count"' not in html


def test_the_page_lists_the_users_notifications_only(borrower_client, borrower, other_borrower):
    mine = notify(users=[borrower], kind="letter_approved", url="/", organisation=None)[0]
    theirs = notify(users=[other_borrower], kind="note", url="/")[0]
    html = borrower_client.get(LIST).content.decode()
    assert reverse("notifications:notification_open", args=[mine.pk]) in html
    assert reverse("notifications:notification_open", args=[theirs.pk]) not in html
    assert "一家法律援助机构 已批准您的信函。" in html
    assert "未读" in html


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(
    borrower_client, borrower, shared_case
):
    target = reverse("cases:case_detail", args=[shared_case.pk])
    notification = notify(users=[borrower], kind="note", url=target)[0]
    response = borrower_client.post(
        reverse("notifications:notification_open", args=[notification.pk])
    )
    assert response.status_code == 302
    assert response["Location"] == target
    notification.refresh_from_db()
    assert notification.is_read


def test_a_link_to_another_site_is_not_followed(borrower_client, borrower):
    notification = notify(users=[borrower], kind="note", url="https://evil.example/")[0]
    response = borrower_client.post(
        reverse("notifications:notification_open", args=[notification.pk])
    )
    assert response["Location"] == LIST


def test_mark_all_read_clears_the_badge(borrower_client, borrower):
    notify(users=[borrower], kind="note", url="/")
    assert borrower_client.post(reverse("notifications:notifications_read")).status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert 'class="badge count"' not in borrower_client.get(LIST).content.decode()


def test_someone_elses_notification_gets_404(other_client, borrower):
    notification = notify(users=[borrower], kind="note", url="/")[0]
    url = reverse("notifications:notification_open", args=[notification.pk])
    assert other_client.post(url).status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(LIST)["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("name", "method"),
    [("notification_list", "post"), ("notifications_read", "get"), ("notification_open", "get")],
)
def test_wrong_method_gets_405(borrower_client, borrower, name, method):
    notification = notify(users=[borrower], kind="note", url="/")[0]
    args = [notification.pk] if name == "notification_open" else []
    url = reverse(f"notifications:{name}", args=args)
    assert getattr(borrower_client, method)(url).status_code == 405


def test_the_list_costs_the_same_queries_however_many_there_are(
    borrower_client, borrower, organisation, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    notify(users=[borrower], kind="note", url="/", organisation=organisation)
    with CaptureQueriesContext(connection) as small:
        borrower_client.get(LIST)
    for _ in range(10):
        notify(users=[borrower], kind="note", url="/", organisation=organisation)
    with django_assert_num_queries(len(small.captured_queries)):
        borrower_client.get(LIST)


def test_deleting_the_case_deletes_its_notifications(shared_case, borrower):
    notify(users=[borrower], kind="note", url="/", case=shared_case)
    shared_case.delete()
    assert not Notification.objects.exists()
