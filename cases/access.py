"""Who may see and change a case. Every view goes through these helpers.

- The owner may read and write their own cases.
- A member of an organisation may read a case while the owner shares it with
  that organisation (a CaseShare neither revoked nor past its end date). Every
  such access is logged.
- Anyone else gets a 404, so a case's existence never leaks.
- A write by someone who may only read gets a 403.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts.models import Membership

from .models import AccessLog, Case, CaseShare, Contact, Evidence, Loan, active_share_q

#: Functions (user, case) -> bool by which another app lets a reader of a shared case see the
#: borrower's phone, address and ID number in full (the review app: the member who took the
#: case). Registered in that app's ready(), so cases never imports it.
DETAIL_GRANTS: list[Callable[..., bool]] = []


def may_see_borrower_details(user, case: Case) -> bool:
    """Whether `user` may see the borrower's phone, address and ID number in full.

    - The owner always may.
    - Anyone else only while a registered grant says so (a volunteer who took the case);
      everyone else sees them masked, in pages, previews and exports alike.
    """
    if not user.is_authenticated:
        return False
    if case.owner_id == user.pk:
        return True
    return any(grant(user, case) for grant in DETAIL_GRANTS)


def cases_visible_to(user) -> QuerySet[Case]:
    """Cases the user owns, plus cases actively shared with one of their organisations
    (shares revoked or past their end date give nothing)."""
    if not user.is_authenticated:
        return Case.objects.none()
    shared = CaseShare.objects.filter(
        active_share_q(), case=OuterRef("pk"), organisation__memberships__user=user
    )
    return Case.objects.filter(Q(owner=user) | Exists(shared))


def cases_owned_by(user) -> QuerySet[Case]:
    """Cases the user owns: the only ones they may change."""
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(owner=user)


def _log_shared_access(user, case: Case, *, action: str, path: str) -> None:
    membership = (
        Membership.objects.filter(
            active_share_q("organisation__shares__"),
            user=user,
            organisation__shares__case=case,
        )
        .select_related("organisation")
        .first()
    )
    AccessLog.objects.create(
        case=case,
        user=user,
        organisation=membership.organisation if membership else None,
        action=action[:100],
        path=path[:500],
    )


def get_case_for_user(
    user, pk: int, *, write: bool = False, action: str = "view", path: str = ""
) -> Case:
    """The case `pk` if the user may see it; 404 if not, 403 if a reader asks to write.

    Access by anyone but the owner is written to the access log.
    """
    case = cases_visible_to(user).filter(pk=pk).select_related("owner").first()
    if case is None:
        raise Http404("No such case.")
    return check_case_access(user, case, write=write, action=action, path=path)


def check_case_access(
    user, case: Case, *, write: bool = False, action: str = "view", path: str = ""
) -> Case:
    """The second half of get_case_for_user, for a case found through cases_visible_to
    (e.g. joined to a letter in one scoped query): 403 if a reader asks to write; access by
    anyone but the owner is written to the access log.

    Other apps look their rows up in one query scoped by cases_visible_to and then call
    this, so another user's row and a missing one cost the same single query before the 404.
    """
    if case.owner_id == user.pk:
        return case
    if write:
        raise PermissionDenied("Only the borrower may change this case.")
    _log_shared_access(user, case, action=action, path=path)
    return case


def get_loan_for_user(user, case: Case, pk: int, *, write: bool = False) -> Loan:
    """A loan of a case the caller already obtained through get_case_for_user."""
    if write and case.owner_id != user.pk:
        raise PermissionDenied
    loan = Loan.objects.filter(case=case, pk=pk).first()
    if loan is None:
        raise Http404("No such loan.")
    return loan


def get_contact_for_user(user, case: Case, pk: int, *, write: bool = False) -> Contact:
    """A contact of a case the caller already obtained through get_case_for_user."""
    if write and case.owner_id != user.pk:
        raise PermissionDenied
    contact = Contact.objects.filter(case=case, pk=pk).select_related("loan").first()
    if contact is None:
        raise Http404("No such contact.")
    return contact


def get_evidence_for_user(user, case: Case, pk: int, *, write: bool = False) -> Evidence:
    """An evidence file of a case the caller already obtained through get_case_for_user."""
    if write and case.owner_id != user.pk:
        raise PermissionDenied
    evidence = Evidence.objects.filter(case=case, pk=pk).first()
    if evidence is None:
        raise Http404("No such file.")
    return evidence


def log_staff_access(user, case_ids, *, action: str, path: str) -> int:
    """Write one access-log entry per case for a staff member reading it in the admin.

    The admin shows any case to staff, shared or not; each page that shows a borrower's
    data (a list, a form, a history, a deletion summary) is logged for every case on it,
    like a volunteer's access. A staff member's own cases are not logged. Returns the count.
    """
    ids = (
        Case.objects.filter(pk__in={pk for pk in case_ids if pk is not None})
        .exclude(owner__pk=user.pk)
        .values_list("pk", flat=True)
    )
    entries = [AccessLog(case_id=pk, user=user, action=action[:100], path=path[:500]) for pk in ids]
    AccessLog.objects.bulk_create(entries)
    return len(entries)
