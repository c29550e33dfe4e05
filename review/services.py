"""Writes of the review workflow: sharing and revoking, taking and tracking a case,
notes, and a lawyer's approval of a finalised letter.

Callers pass objects they obtained through review/access.py.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from cases.models import Case, CaseShare
from letters.models import LetterVersion
from letters.paragraphs import letter_paragraphs
from letters.services import letter_version_store_approved_pdf

from .models import CaseReview, LetterComment, ReviewNote, ReviewStatus


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
def letter_comment_create(
    *,
    version: LetterVersion,
    organisation: Organisation,
    author,
    paragraph: int | None,
    text: str,
    requests_changes: bool,
) -> LetterComment:
    """Comment on a finalised, not yet approved version; optionally ask for changes.

    Raises ValidationError for a draft, an approved version, or a paragraph the
    version does not have.
    """
    version = LetterVersion.objects.select_for_update().select_related("draft").get(pk=version.pk)
    if not version.is_final:
        raise ValidationError(_("Only a finalised letter can be reviewed."))
    if version.is_approved:
        raise ValidationError(_("This version has already been approved."))
    if paragraph is not None and not 1 <= paragraph <= len(letter_paragraphs(version.html)):
        raise ValidationError(_("This letter has no paragraph %(n)d.") % {"n": paragraph})
    comment = LetterComment(
        version=version,
        organisation=organisation,
        author=author,
        paragraph=paragraph,
        text=text,
        requests_changes=requests_changes,
    )
    comment.full_clean()
    comment.save()
    review = _review(version.draft.case, organisation)
    review.save(update_fields=["updated_at"])
    return comment


def approval_line(*, organisation: Organisation, language: str, on) -> str:
    """The line printed on an approved PDF, in the letter's language."""
    with translation.override(language):
        when = formats.date_format(on, "DATE_FORMAT")
        return _("Reviewed by %(organisation)s on %(date)s") % {
            "organisation": organisation.name,
            "date": when,
        }


@transaction.atomic
def letter_version_approve(*, version: LetterVersion, approver) -> LetterVersion:
    """Record that a lawyer approved a finalised letter version. Approval is final.

    The approved PDF is made from the version's stored HTML (exactly what was
    reviewed) with the line "经 <organisation> 于 <date> 审阅", and kept as its own
    file with its own SHA-256. Versions finalised before renders were stored are
    approved without that copy.

    Raises ValidationError if the version is not finalised, is already approved,
    changes were requested on it, or the approver is not a lawyer of an organisation
    the case is actively shared with.
    """
    version = LetterVersion.objects.select_for_update().select_related("draft").get(pk=version.pk)
    if not version.is_final:
        raise ValidationError(_("Only a finalised letter can be approved."))
    if version.approved_at is not None:
        raise ValidationError(_("This version has already been approved."))
    membership = (
        Membership.objects.filter(user__pk=approver.pk, role=Membership.Role.LAWYER)
        .filter(organisation__shares__case_id=version.draft.case_id)
        .filter(organisation__shares__revoked_at__isnull=True)
        .select_related("organisation")
        .first()
    )
    if membership is None:
        raise ValidationError(
            _("Only a lawyer of an organisation the case is shared with may approve letters.")
        )
    if version.review_comments.filter(requests_changes=True).exists():
        raise ValidationError(
            _("Changes were requested on this version: the borrower revises and finalises again.")
        )
    version.approved_by = approver
    version.approved_at = timezone.now()
    version.full_clean()
    version.save(update_fields=["approved_by", "approved_at"])
    if version.html:
        line = approval_line(
            organisation=membership.organisation,
            language=version.draft.language,
            on=timezone.localdate(version.approved_at),
        )
        letter_version_store_approved_pdf(version=version, line=line)
    return version
