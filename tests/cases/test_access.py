import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from cases.access import cases_visible_to, get_case_for_user
from cases.models import AccessLog
from tests.factories import CaseFactory


def test_owner_gets_their_case(case, borrower):
    assert get_case_for_user(borrower, case.pk, write=True) == case


def test_other_borrower_gets_404(case, other_borrower):
    with pytest.raises(Http404):
        get_case_for_user(other_borrower, case.pk)


def test_volunteer_without_share_gets_404(case, volunteer):
    with pytest.raises(Http404):
        get_case_for_user(volunteer, case.pk)


def test_volunteer_of_shared_organisation_can_read_and_access_is_logged(shared_case, volunteer):
    assert get_case_for_user(volunteer, shared_case.pk, path="/x/") == shared_case
    log = AccessLog.objects.get()
    assert (log.user, log.case, log.path) == (volunteer, shared_case, "/x/")
    assert log.organisation is not None


def test_volunteer_write_gets_403(shared_case, volunteer):
    with pytest.raises(PermissionDenied):
        get_case_for_user(volunteer, shared_case.pk, write=True)


def test_outsider_volunteer_gets_404_on_shared_case(shared_case, outsider_volunteer):
    with pytest.raises(Http404):
        get_case_for_user(outsider_volunteer, shared_case.pk)


def test_revoked_share_hides_the_case(shared_case, volunteer):
    from django.utils import timezone

    shared_case.shares.update(revoked_at=timezone.now())
    with pytest.raises(Http404):
        get_case_for_user(volunteer, shared_case.pk)


def test_owner_access_is_not_logged(case, borrower):
    get_case_for_user(borrower, case.pk)
    assert not AccessLog.objects.exists()


def test_visible_cases_are_scoped(case, shared_case, borrower, other_borrower, volunteer):
    CaseFactory(owner=other_borrower)
    assert list(cases_visible_to(borrower)) == [case]
    assert list(cases_visible_to(volunteer)) == [case]
