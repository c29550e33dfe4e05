"""An organisation may ask two different lawyers to approve chosen letter kinds: the first
approval shows as "1 of 2", the same lawyer cannot give both, and the approved PDF with its
review line is made only at the second."""

import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Membership
from letters import services as letters
from letters.models import LetterDraft
from notifications.models import Notification
from review.models import LetterApproval, ReviewPolicy
from review.services import letter_comment_create, letter_version_approve, review_policy_set
from tests.factories import (
    CaseShareFactory,
    ContactFactory,
    LoanFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_lawyer(organisation):
    user = UserFactory(email="zhao@example.com", display_name="赵律师")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LAWYER)
    return user


@pytest.fixture
def two_lawyers_for_stop_harassment(organisation):
    return review_policy_set(organisation=organisation, second_approval_kinds=["stop_harassment"])


@pytest.fixture
def final(case, borrower, shared_case):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    draft = LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans",
        fields={"loan": loan.ref, "recipient": "浙江网商银行股份有限公司"},
    )  # fmt: skip
    return letters.letter_finalise(draft=draft)


def approve_url(version):
    return reverse("review:letter_version_approve", args=[version.pk])


def review_url(version):
    return reverse("review:letter_version_review", args=[version.pk])


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def test_without_a_policy_one_lawyer_approves(lawyer, final):
    approved = letter_version_approve(version=final, approver=lawyer)
    assert approved.is_approved
    assert LetterApproval.objects.filter(version=final).count() == 1


def test_the_first_of_two_approvals_does_not_approve_the_version(
    lawyer, final, two_lawyers_for_stop_harassment
):
    after = letter_version_approve(version=final, approver=lawyer)
    assert not after.is_approved
    assert after.approved_by is None
    assert not after.approved_pdf
    assert after.approval_line == ""
    assert LetterApproval.objects.get(version=final).lawyer == lawyer


def test_the_same_lawyer_cannot_approve_twice(lawyer, final, two_lawyers_for_stop_harassment):
    letter_version_approve(version=final, approver=lawyer)
    with pytest.raises(ValidationError, match="第二位律师"):
        letter_version_approve(version=final, approver=lawyer)
    final.refresh_from_db()
    assert not final.is_approved
    assert LetterApproval.objects.filter(version=final).count() == 1


def test_a_second_lawyer_approves_and_the_review_line_is_made_once(
    lawyer, second_lawyer, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    approved = letter_version_approve(version=final, approver=second_lawyer)
    assert approved.is_approved
    assert approved.approved_by == second_lawyer
    assert approved.approval_line.count("西湖法律援助工作站") == 1
    text = pdf_text(approved.approved_pdf.read())
    assert text.count("西湖法律援助工作站") == 1
    assert "审阅" in text


def test_a_kind_not_in_the_policy_needs_one_lawyer(lawyer, final, organisation):
    review_policy_set(organisation=organisation, second_approval_kinds=["complaint_regulator"])
    assert letter_version_approve(version=final, approver=lawyer).is_approved


def test_a_lawyer_of_another_sharing_organisation_does_not_count_as_the_second(
    lawyer, final, case, two_lawyers_for_stop_harassment
):
    other = OrganisationFactory(name="东城法援", slug="dongcheng")
    CaseShareFactory(case=case, organisation=other)
    stranger = UserFactory(email="qian@example.com")
    MembershipFactory(user=stranger, organisation=other, role=Membership.Role.LAWYER)
    letter_version_approve(version=final, approver=lawyer)
    after = letter_version_approve(version=final, approver=stranger)
    # The other organisation asks for one lawyer only: its own approval is complete.
    assert after.is_approved
    assert after.approval_line.count("东城法援") == 1
    assert "西湖" not in after.approval_line


def test_a_volunteer_cannot_give_the_second_approval(
    lawyer, volunteer, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    with pytest.raises(ValidationError):
        letter_version_approve(version=final, approver=volunteer)
    final.refresh_from_db()
    assert not final.is_approved


def test_changes_requested_after_the_first_approval_block_the_second(
    lawyer, second_lawyer, volunteer, organisation, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    letter_comment_create(
        version=final, organisation=organisation, author=volunteer, paragraph=None,
        text="请补充日期", requests_changes=True,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        letter_version_approve(version=final, approver=second_lawyer)
    final.refresh_from_db()
    assert not final.is_approved


def test_the_borrower_is_told_only_at_the_final_approval(
    lawyer, second_lawyer, borrower, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    assert not Notification.objects.filter(user=borrower).exists()
    letter_version_approve(version=final, approver=second_lawyer)
    assert Notification.objects.get(user=borrower).kind == "letter_approved"


# Pages


def test_the_review_page_shows_one_of_two_and_hides_the_button_from_the_first_lawyer(
    client, lawyer, final, two_lawyers_for_stop_harassment
):
    client.force_login(lawyer)
    response = client.post(approve_url(final), follow=True)
    html = response.content.decode()
    assert "已批准 1 / 2" in html
    assert "您已批准这一版本" in html
    assert f'action="{approve_url(final)}"' not in html
    final.refresh_from_db()
    assert not final.is_approved


def test_the_second_lawyer_sees_the_first_and_approves(
    client, lawyer, second_lawyer, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    client.force_login(second_lawyer)
    html = client.get(review_url(final)).content.decode()
    assert "目前已批准的律师：王律师" in html
    assert f'action="{approve_url(final)}"' in html
    assert client.post(approve_url(final)).status_code == 302
    final.refresh_from_db()
    assert final.approved_by == second_lawyer


def test_the_first_lawyer_posting_again_gets_an_error_and_nothing_changes(
    client, lawyer, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    client.force_login(lawyer)
    response = client.post(approve_url(final), follow=True)
    assert "您已批准过这一版本：须由第二位律师批准。" in response.content.decode()
    assert LetterApproval.objects.filter(version=final).count() == 1


def test_the_borrower_sees_one_of_two_on_the_letter_page(
    borrower_client, lawyer, final, two_lawyers_for_stop_harassment
):
    letter_version_approve(version=final, approver=lawyer)
    html = borrower_client.get(reverse("letters:letter_edit", args=[final.draft_id])).content
    assert "已批准 1 / 2".encode() in html
    assert "第二位批准后".encode() in html


# The organisation's setting


def settings_url(organisation):
    return reverse("review:organisation_settings", args=[organisation.slug])


@pytest.fixture
def admin(organisation):
    user = UserFactory(email="admin@example.com")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    return user


def test_an_admin_chooses_the_kinds_that_need_two_lawyers(client, admin, organisation):
    client.force_login(admin)
    assert client.get(settings_url(organisation)).status_code == 200
    response = client.post(
        settings_url(organisation),
        {"second_approval_kinds": ["stop_harassment", "complaint_regulator"]},
    )
    assert response.status_code == 302
    policy = ReviewPolicy.objects.get(organisation=organisation)
    assert policy.second_approval_kinds == ["complaint_regulator", "stop_harassment"]


def test_an_unknown_kind_is_refused_and_nothing_is_saved(client, admin, organisation):
    client.force_login(admin)
    response = client.post(settings_url(organisation), {"second_approval_kinds": ["poem"]})
    assert response.status_code == 200
    assert not ReviewPolicy.objects.exists()


@pytest.mark.parametrize("who", ["lawyer", "volunteer", "outsider_volunteer", "borrower"])
def test_only_the_organisations_admin_reaches_the_setting(client, request, who, organisation):
    client.force_login(request.getfixturevalue(who))
    assert client.get(settings_url(organisation)).status_code == 404
    assert client.post(settings_url(organisation), {}).status_code == 404
    assert not ReviewPolicy.objects.exists()


def test_an_admin_of_another_organisation_gets_404(client, organisation):
    user = UserFactory()
    MembershipFactory(user=user, role=Membership.Role.ADMIN)
    client.force_login(user)
    assert client.get(settings_url(organisation)).status_code == 404
