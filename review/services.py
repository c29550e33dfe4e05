"""Writes of the review workflow: sharing and revoking, taking and tracking a case,
notes, and a lawyer's approval of a finalised letter.

Callers pass objects they obtained through review/access.py.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from cases.models import Case, CaseShare
from letters.models import LetterVersion

from .models import CaseReview, ReviewNote, ReviewStatus


def case_share_create(*, case: Case, organisation: Organisation, granted_by) -> CaseShare:
    """Share the whole case with an organisation, on its owner's explicit consent.

    Raises ValidationError if someone other than the owner asks, or if the case is
    already shared with that organisation.
    """
    if case.owner_id != granted_by.pk:
        raise ValidationError(_("Only the borrower may share their case."))
    active = CaseShare.objects.filter(case=case, organisation=organisation, revoked_at__isnull=True)
    if active.exists():
        raise ValidationError(_("This case is already shared with that organisation."))
    share = CaseShare(case=case, organisation=organisation, granted_by=granted_by)
    share.full_clean()
    share.save()
    return share


def case_share_revoke(*, share: CaseShare) -> CaseShare:
    """End a share now. The organisation loses access with the next request."""
    if share.revoked_at is not None:
        raise ValidationError(_("This share has already ended."))
    share.revoked_at = timezone.now()
    share.full_clean()
    share.save(update_fields=["revoked_at"])
    return share


def _review(case: Case, organisation: Organisation) -> CaseReview:
    review, _created = CaseReview.objects.select_for_update().get_or_create(
        case=case, organisation=organisation
    )
    return review


@transaction.atomic
def case_review_take(*, case: Case, organisation: Organisation, user) -> CaseReview:
    """Assign the case to `user` within the organisation; a new case moves to in review."""
    review = _review(case, organisation)
    review.assignee = user
    if review.status == ReviewStatus.NEW:
        review.status = ReviewStatus.IN_REVIEW
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def case_review_set_status(*, case: Case, organisation: Organisation, status: str) -> CaseReview:
    """Move the organisation's review of the case to `status`."""
    review = _review(case, organisation)
    review.status = status
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def review_note_create(
    *, case: Case, organisation: Organisation, author, text: str, shared_with_borrower: bool
) -> ReviewNote:
    """Add a note to the organisation's review; it also counts as activity on the review."""
    note = ReviewNote(
        case=case,
        organisation=organisation,
        author=author,
        text=text,
        shared_with_borrower=shared_with_borrower,
    )
    note.full_clean()
    note.save()
    review = _review(case, organisation)
    review.save(update_fields=["updated_at"])
    return note


@transaction.atomic
def letter_version_approve(*, version: LetterVersion, approver) -> LetterVersion:
    """Record that a lawyer approved a finalised letter version. Approval is final.

    Raises ValidationError if the version is not finalised, is already approved, or
    the approver is not a lawyer of an organisation the case is actively shared with.
    """
    version = LetterVersion.objects.select_for_update().select_related("draft").get(pk=version.pk)
    if not version.is_final:
        raise ValidationError(_("Only a finalised letter can be approved."))
    if version.approved_at is not None:
        raise ValidationError(_("This version has already been approved."))
    is_lawyer = (
        Membership.objects.filter(user__pk=approver.pk, role=Membership.Role.LAWYER)
        .filter(organisation__shares__case_id=version.draft.case_id)
        .filter(organisation__shares__revoked_at__isnull=True)
        .exists()
    )
    if not is_lawyer:
        raise ValidationError(
            _("Only a lawyer of an organisation the case is shared with may approve letters.")
        )
    version.approved_by = approver
    version.approved_at = timezone.now()
    version.full_clean()
    version.save(update_fields=["approved_by", "approved_at"])
    return version
