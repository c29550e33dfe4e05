"""Writes of the review workflow: sharing (with an end date and the "act for me" consent),
renewing and revoking, taking and tracking a case, notes, and lawyers' approvals of a
finalised letter (a second one where the organisation asks for it). Each write that the
other side should hear about tells them through notifications.services.notify.

Callers pass objects they obtained through review/access.py.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from actions.services import act_for_me_set
from cases.models import Case, CaseShare, active_share_q
from letters.models import LetterKind, LetterVersion
from letters.paragraphs import letter_paragraphs
from letters.services import (
    letter_version_render_approved_pdf,
    letter_version_store_approved_pdf,
)
from notifications.models import Notification
from notifications.services import notify

from .models import (
    CaseReview,
    LetterApproval,
    LetterComment,
    ReviewNote,
    ReviewPolicy,
    ReviewStatus,
)
from .selectors import approvals_needed


def _share_expiry_check(expires_on: date | None) -> None:
    if expires_on is not None and expires_on < timezone.localdate():
        raise ValidationError({"expires_on": _("Choose today or a later date.")})


def _notify_members_of_share(share: CaseShare) -> None:
    members = [m.user for m in share.organisation.memberships.select_related("user")]
    notify(
        users=members,
        kind=Notification.Kind.CASE_SHARED,
        url=reverse("review:review_detail", args=[share.case_id]),
        organisation=share.organisation,
        case=share.case,
    )


@transaction.atomic
def case_share_create(
    *,
    case: Case,
    organisation: Organisation,
    granted_by,
    expires_on: date | None = None,
    act_for_me: bool = False,
) -> CaseShare:
    """Share the whole case with an organisation, on its owner's explicit consent.

    The share may end by itself after `expires_on` (the borrower's choice). `act_for_me` is
    the separate consent that the organisation may record actions on the borrower's behalf.
    The organisation's members are told (in the app and by email).

    Raises ValidationError if someone other than the owner asks, if the case is already
    shared with that organisation (an expired share is renewed instead), or for an end date
    in the past.
    """
    if case.owner_id != granted_by.pk:
        raise ValidationError(_("Only the borrower may share their case."))
    if CaseShare.objects.unrevoked().filter(case=case, organisation=organisation).exists():
        raise ValidationError(_("This case is already shared with that organisation."))
    _share_expiry_check(expires_on)
    share = CaseShare(
        case=case, organisation=organisation, granted_by=granted_by, expires_on=expires_on
    )
    share.full_clean()
    share.save()
    if act_for_me:
        act_for_me_set(share=share, granted_by=granted_by, grant=True)
    _notify_members_of_share(share)
    return share


@transaction.atomic
def case_share_set_expiry(*, share: CaseShare, expires_on: date | None) -> CaseShare:
    """Change when a share ends, or renew one that has expired (None: no end date).

    Renewing an expired share gives the organisation its access back, and tells its members
    as a new share does. Raises ValidationError for a revoked share or a date in the past.
    """
    if share.revoked_at is not None:
        raise ValidationError(_("This share has already ended."))
    _share_expiry_check(expires_on)
    was_expired = share.is_expired
    share.expires_on = expires_on
    share.full_clean()
    share.save(update_fields=["expires_on"])
    if was_expired:
        _notify_members_of_share(share)
    return share


def case_share_set_act_for_me(*, share: CaseShare, granted_by, grant: bool) -> CaseShare:
    """Give or withdraw the borrower's separate consent that the share's organisation records
    actions on their behalf (it lapses with the share, revoked or expired)."""
    if share.revoked_at is not None:
        raise ValidationError(_("This share has already ended."))
    act_for_me_set(share=share, granted_by=granted_by, grant=grant)
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
    if shared_with_borrower:
        notify(
            users=[case.owner], kind=Notification.Kind.NOTE,
            url=reverse("cases:case_detail", args=[case.pk]) + "#case-sharing",
            organisation=organisation, case=case, exclude=author,
        )  # fmt: skip
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
    version = (
        LetterVersion.objects.select_for_update()
        .select_related("draft__case__owner")
        .get(pk=version.pk)
    )
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
    if requests_changes:
        notify(
            users=[version.draft.case.owner], kind=Notification.Kind.CHANGES_REQUESTED,
            url=reverse("letters:letter_edit", args=[version.draft_id]),
            organisation=organisation, case=version.draft.case, exclude=author,
        )  # fmt: skip
    return comment


def approval_line(*, organisation: Organisation, language: str, on) -> str:
    """The line printed on an approved PDF, in the letter's language."""
    with translation.override(language):
        when = formats.date_format(on, "DATE_FORMAT")
        return _("Reviewed by %(organisation)s on %(date)s") % {
            "organisation": organisation.name,
            "date": when,
        }


def _approving_membership(*, version: LetterVersion, approver) -> Membership | None:
    """The approver's lawyer membership of an organisation the case is actively shared with."""
    return (
        Membership.objects.filter(
            active_share_q("organisation__shares__"),
            user__pk=approver.pk,
            role=Membership.Role.LAWYER,
            organisation__shares__case_id=version.draft.case_id,
        )
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )


def _approved_pdf_ahead(*, version: LetterVersion, approver) -> tuple[str, bytes] | None:
    """When this approval looks like the one that completes the version, its review line and
    approved PDF, rendered before any transaction opens (a long letter takes seconds, and an
    open write transaction would lock other users out meanwhile). The approval itself checks
    everything again under its lock, and renders inside only if this guess was wrong."""
    version = LetterVersion.objects.select_related("draft").get(pk=version.pk)
    if not version.html or version.approved_at is not None:
        return None
    membership = _approving_membership(version=version, approver=approver)
    if membership is None:
        return None
    organisation = membership.organisation
    done = LetterApproval.objects.filter(version=version, organisation=organisation).count()
    if done + 1 < approvals_needed(organisation=organisation, kind=version.draft.kind):
        return None
    line = approval_line(
        organisation=organisation, language=version.draft.language, on=timezone.localdate()
    )
    return line, letter_version_render_approved_pdf(version=version, line=line)


def letter_version_approve(*, version: LetterVersion, approver) -> LetterVersion:
    """Record a lawyer's approval of a finalised letter version. Approval is final.

    The approved PDF is rendered first, outside any transaction (_approved_pdf_ahead); the
    approval is then recorded in one short transaction (_letter_version_approve).
    """
    ahead = _approved_pdf_ahead(version=version, approver=approver)
    return _letter_version_approve(version=version, approver=approver, ahead=ahead)


@transaction.atomic
def _letter_version_approve(
    *, version: LetterVersion, approver, ahead: tuple[str, bytes] | None
) -> LetterVersion:
    """Record a lawyer's approval of a finalised letter version. Approval is final.

    Where the organisation's policy asks a second lawyer for this letter kind, the first
    approval is recorded ("1 of 2") and the version is approved only when a different
    lawyer of the same organisation approves it too. Only then is the approved PDF made:
    from the version's stored HTML (exactly what was reviewed) with the line
    "经 <organisation> 于 <date> 审阅" (the organisation named once), kept as its own file
    with its own SHA-256; and the borrower is told. Versions finalised before renders were
    stored are approved without that copy.

    Raises ValidationError if the version is not finalised, is already approved, changes
    were requested on it, the approver already approved it, or the approver is not a lawyer
    of an organisation the case is actively shared with (not revoked, not expired).
    """
    version = (
        LetterVersion.objects.select_for_update()
        .select_related("draft__case__owner")
        .get(pk=version.pk)
    )
    if not version.is_final:
        raise ValidationError(_("Only a finalised letter can be approved."))
    if version.approved_at is not None:
        raise ValidationError(_("This version has already been approved."))
    membership = _approving_membership(version=version, approver=approver)
    if membership is None:
        raise ValidationError(
            _("Only a lawyer of an organisation the case is shared with may approve letters.")
        )
    if version.review_comments.filter(requests_changes=True).exists():
        raise ValidationError(
            _("Changes were requested on this version: the borrower revises and finalises again.")
        )
    organisation = membership.organisation
    approvals = LetterApproval.objects.filter(version=version, organisation=organisation)
    if approvals.filter(lawyer__pk=approver.pk).exists():
        raise ValidationError(
            _("You have already approved this version: a second lawyer must approve it.")
        )
    approval = LetterApproval(version=version, organisation=organisation, lawyer=approver)
    approval.full_clean()
    approval.save()
    needed = approvals_needed(organisation=organisation, kind=version.draft.kind)
    if approvals.count() < needed:
        return version
    version.approved_by = approver
    version.approved_at = timezone.now()
    version.full_clean()
    version.save(update_fields=["approved_by", "approved_at"])
    if version.html:
        line = approval_line(
            organisation=organisation,
            language=version.draft.language,
            on=timezone.localdate(version.approved_at),
        )
        pdf = ahead[1] if ahead is not None and ahead[0] == line else None
        letter_version_store_approved_pdf(version=version, line=line, pdf=pdf)
    notify(
        users=[version.draft.case.owner], kind=Notification.Kind.LETTER_APPROVED,
        url=reverse("letters:letter_edit", args=[version.draft_id]),
        organisation=organisation, case=version.draft.case,
    )  # fmt: skip
    return version


def review_policy_set(
    *, organisation: Organisation, second_approval_kinds: list[str]
) -> ReviewPolicy:
    """Choose the letter kinds that need a second lawyer's approval in this organisation.

    Versions already approved stay approved; a version with one approval waits for as many
    as the policy asks when the next lawyer approves it."""
    known = set(LetterKind.values)
    kinds = sorted(k for k in set(second_approval_kinds) if k in known)
    policy, _created = ReviewPolicy.objects.get_or_create(organisation=organisation)
    policy.second_approval_kinds = kinds
    policy.full_clean()
    policy.save()
    return policy
