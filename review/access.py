"""Who may do what in the review workflow. Every review view goes through these helpers.

- Only the owner of a case may share it, revoke a share, or read its access log.
- A member of an organisation works on a case only while the owner shares it with
  that organisation (not revoked, not past its end date); every such access is
  logged (cases.access.get_case_for_user).
- Only a lawyer of such an organisation may approve a finalised letter.
- Anyone else gets a 404, so a case's existence never leaks; a member of the
  sharing organisation who asks for more than their role allows gets a 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import Membership, Organisation
from cases.access import cases_visible_to, check_case_access, get_case_for_user
from cases.models import Case, CaseShare, active_share_q
from letters.models import LetterVersion

from .models import CaseReview


@dataclass(frozen=True)
class ReviewAccess:
    """A shared case, as seen by one member of the organisation it is shared with."""

    case: Case
    organisation: Organisation
    membership: Membership

    @property
    def is_lawyer(self) -> bool:
        return self.membership.role == Membership.Role.LAWYER


def get_owned_case(user, pk: int) -> Case:
    """The case `pk` if the user owns it; 404 for anyone else, the organisation included.

    Sharing is the owner's business alone: a reader of the case has no reason to
    see the sharing pages, so they get the same 404 as a stranger.
    """
    case = Case.objects.filter(pk=pk, owner__pk=user.pk).first()
    if case is None:
        raise Http404("No such case.")
    return case


def get_active_share_for_owner(user, pk: int) -> CaseShare:
    """A share of one of the user's cases that is not revoked (an expired one included: the
    borrower renews it, changes it or stops it); 404 otherwise (revoked, or not theirs)."""
    share = (
        CaseShare.objects.unrevoked()
        .filter(pk=pk, case__owner__pk=user.pk)
        .select_related("case", "organisation")
        .first()
    )
    if share is None:
        raise Http404("No such share.")
    return share


def memberships_sharing(user, case: Case):
    """The user's memberships in organisations the case is actively shared with (not revoked,
    not expired). One filter() call, so every condition applies to the same share."""
    return Membership.objects.filter(
        active_share_q("organisation__shares__"),
        user__pk=user.pk,
        organisation__shares__case=case,
    )


def active_membership_for_case(user, case: Case) -> Membership | None:
    """The user's membership in an organisation the case is actively shared with, if any."""
    return (
        memberships_sharing(user, case)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )


def get_review_access(user, pk: int, *, action: str = "review", path: str = "") -> ReviewAccess:
    """A case shared with one of the user's organisations; 404 for anyone else.

    The owner gets a 404 too: the review pages are the organisation's workspace.
    The access is logged through cases.access.get_case_for_user.
    """
    if not user.is_authenticated:
        raise Http404("No such case.")
    if not user.memberships.exists():
        raise Http404("No such case.")
    case = get_case_for_user(user, pk, action=action, path=path)
    if case.owner_id == user.pk:
        raise Http404("No such case.")
    membership = active_membership_for_case(user, case)
    if membership is None:
        raise Http404("No such case.")
    return ReviewAccess(case=case, organisation=membership.organisation, membership=membership)


def may_see_borrower_details(review_access: ReviewAccess, review) -> bool:
    """The borrower's phone, address and ID number are shown in full only to the member
    who took the case; everyone else in the organisation sees them masked."""
    return review is not None and review.assignee_id == review_access.membership.user_id


def took_case(user, case: Case) -> bool:
    """True while the user is the assignee of their organisation's review of the case and
    the case is still shared with that organisation (not revoked, not past its end date).
    cases.access asks this, through DETAIL_GRANTS, before showing the borrower's details in
    full outside these pages."""
    sharing = memberships_sharing(user, case).values("organisation")
    return CaseReview.objects.filter(
        case=case, assignee__pk=user.pk, organisation__in=sharing
    ).exists()


def user_may_approve_letters(user, case: Case) -> bool:
    """True when the user is a lawyer of an organisation the case is actively shared with."""
    if not user.is_authenticated:
        return False
    return memberships_sharing(user, case).filter(role=Membership.Role.LAWYER).exists()


def get_version_to_approve(user, pk: int, *, path: str = "") -> LetterVersion:
    """A finalised letter version the user may approve; the access is logged as an approval.

    404 if the version is not finalised or the user may not read its case;
    403 if they may read it but are not a lawyer of a sharing organisation
    (the owner and non-lawyer volunteers).
    """
    version = (
        LetterVersion.objects.filter(pk=pk)
        .filter(finalised_at__isnull=False)
        .filter(draft__case__in=cases_visible_to(user))
        .select_related("draft__case__owner")
        .first()
    )
    if version is None:
        raise Http404("No such letter.")
    case = check_case_access(user, version.draft.case, action="letter_approve", path=path)
    if not user_may_approve_letters(user, case):
        raise PermissionDenied("Only a lawyer of an organisation the case is shared with.")
    version.draft.case = case
    return version


def require_member(user) -> None:
    """404 for anyone who belongs to no organisation: the review queue does not exist for them."""
    if not user.is_authenticated:
        raise Http404("No review queue.")
    if not user.memberships.exists():
        raise Http404("No review queue.")


def get_version_for_review(
    user, pk: int, *, action: str = "letter_review", path: str = ""
) -> tuple[ReviewAccess, LetterVersion]:
    """A finalised letter version of a case shared with one of the user's organisations.

    404 for drafts and for anyone get_review_access turns away (the owner included:
    they read their letters on the letters pages). The access is logged.
    """
    version = (
        LetterVersion.objects.filter(pk=pk)
        .filter(finalised_at__isnull=False)
        .filter(draft__case__in=cases_visible_to(user))
        .select_related("draft", "approved_by")
        .first()
    )
    if version is None:
        raise Http404("No such letter.")
    review_access = get_review_access(user, version.draft.case_id, action=action, path=path)
    version.draft.case = review_access.case
    return review_access, version
