import pytest
from django.core.exceptions import ValidationError

from cases.models import CaseShare
from review import services
from review.models import ReviewStatus

pytestmark = pytest.mark.django_db


def test_only_the_owner_may_share(case, other_borrower, organisation):
    with pytest.raises(ValidationError):
        services.case_share_create(case=case, organisation=organisation, granted_by=other_borrower)
    assert not CaseShare.objects.exists()


def test_sharing_twice_with_one_organisation_is_refused(shared_case, borrower, organisation):
    with pytest.raises(ValidationError):
        services.case_share_create(case=shared_case, organisation=organisation, granted_by=borrower)


def test_revoking_an_ended_share_is_refused(shared_case):
    share = services.case_share_revoke(share=CaseShare.objects.get(case=shared_case))
    with pytest.raises(ValidationError):
        services.case_share_revoke(share=share)


def test_taking_a_done_case_keeps_its_status(shared_case, organisation, volunteer):
    services.case_review_set_status(case=shared_case, organisation=organisation, status="done")
    review = services.case_review_take(case=shared_case, organisation=organisation, user=volunteer)
    assert review.status == ReviewStatus.DONE
    assert review.assignee == volunteer


def test_unknown_status_is_refused_by_the_service(shared_case, organisation):
    with pytest.raises(ValidationError):
        services.case_review_set_status(case=shared_case, organisation=organisation, status="x")


def test_empty_note_is_refused(shared_case, organisation, volunteer):
    with pytest.raises(ValidationError):
        services.review_note_create(
            case=shared_case, organisation=organisation, author=volunteer, text="",
            shared_with_borrower=False,
        )  # fmt: skip
