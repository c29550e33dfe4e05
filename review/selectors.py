"""Reads of the review workflow. Callers pass objects obtained through review/access.py
(or, for the queue, the signed-in user), so every read is already scoped."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from actions.models import ActForMe
from actions.selectors import Followup, cases_followups
from cases.models import AccessLog, Case, CaseShare, Contact, active_share_q
from cases.selectors import (
    case_findings,
    findings_by_severity,
    timeline_contacts,
    with_labels,
)
from letters.models import LetterVersion

from .models import (
    CaseReview,
    LetterApproval,
    LetterComment,
    ReviewNote,
    ReviewPolicy,
    ReviewStatus,
)


def organisations_to_share_with(*, case: Case) -> QuerySet[Organisation]:
    """Every organisation the case is not already shared with, by name. An expired share
    still counts: the borrower renews it from the sharing panel."""
    return Organisation.objects.exclude(
        shares__case=case, shares__revoked_at__isnull=True
    ).order_by("name")


def case_shares_for_owner(*, case: Case) -> QuerySet[CaseShare]:
    """The case's shares the borrower has not stopped, oldest first, with their organisation
    and `acts_for_me` (the separate consent to record actions for the borrower). Expired ones
    are included: the borrower sees them as expired and can renew them."""
    return (
        CaseShare.objects.unrevoked()
        .filter(case=case)
        .select_related("organisation")
        .annotate(acts_for_me=Exists(ActForMe.objects.filter(share=OuterRef("pk"))))
        .order_by("granted_at", "id")
    )


# What a logged access did, in words; anything else shows the page's name as logged.
ACTION_LABELS = {
    "case_detail": _("opened the case"),
    "view": _("opened the case"),
    "case_export": _("downloaded the case file"),
    "contact_detail": _("read a contact"),
    "loan_detail": _("read a loan"),
    "evidence_download": _("opened an evidence file"),
    "evidence_verify": _("checked an evidence file"),
    "letters": _("read the letter list"),
    "letter_view": _("read a letter"),
    "review": _("opened the review page"),
    "review_take": _("took on the case"),
    "review_status": _("changed the review status"),
    "review_note": _("wrote a note"),
    "letter_approve": _("approved a letter"),
    "letter_review": _("reviewed a letter version"),
    "letter_comment": _("commented on a letter"),
    # Site staff in the admin (cases/admin_access.py).
    "admin_list": _("site staff saw it in a list in the admin"),
    "admin_view": _("site staff opened a record in the admin"),
    "admin_change": _("site staff changed a record in the admin"),
    "admin_history": _("site staff read a record's history in the admin"),
    "admin_delete_summary": _("site staff opened a deletion page in the admin"),
}


def case_access_log(*, case: Case, limit: int | None = None) -> list[AccessLog]:
    """Who looked at the case, when, and for which organisation; newest first.

    Each entry carries `action_label`, the action in words.
    """
    entries = (
        AccessLog.objects.filter(case=case)
        .select_related("user", "organisation")
        .order_by("-at", "-id")
    )
    result = list(entries[:limit] if limit else entries)
    for entry in result:
        entry.action_label = ACTION_LABELS.get(entry.action, entry.action)
    return result


def case_notes_for_borrower(*, case: Case) -> QuerySet[ReviewNote]:
    """Notes organisations chose to share with the borrower; private notes never leave here."""
    return (
        ReviewNote.objects.filter(case=case, shared_with_borrower=True)
        .select_related("author", "organisation")
        .order_by("-created_at", "-id")
    )


def review_notes(*, case: Case, organisation: Organisation) -> QuerySet[ReviewNote]:
    """Every note of the organisation on the case, newest first."""
    return (
        ReviewNote.objects.filter(case=case, organisation=organisation)
        .select_related("author")
        .order_by("-created_at", "-id")
    )


def case_review(*, case: Case, organisation: Organisation) -> CaseReview | None:
    """The organisation's review record of the case, if anyone has acted on it yet."""
    return (
        CaseReview.objects.filter(case=case, organisation=organisation)
        .select_related("assignee")
        .first()
    )


def _count(queryset) -> Subquery:
    counted = queryset.order_by().values("case").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), Value(0))


def review_queue(
    *,
    user,
    status: str = "",
    severity: str = "",
    awaiting: bool = False,
    mine: bool = False,
    overdue: bool = False,
    continued: bool = False,
) -> list[CaseShare]:
    """The active shares (not revoked, not expired) with the user's organisations, newest
    first, filtered.

    Each row carries review_status (and its status_label), assignee_name,
    contact_count, note_count, awaiting_count (letter versions awaiting approval),
    severity (certain findings by severity), followup (the case's actions: answers
    overdue, and complaints after which the contacts went on) and last_activity (the
    latest of the share, the case, the review and its notes). The number of queries
    does not grow with the rows.
    """
    review = CaseReview.objects.filter(case=OuterRef("case"), organisation=OuterRef("organisation"))
    notes = ReviewNote.objects.filter(case=OuterRef("case"), organisation=OuterRef("organisation"))
    last_note = notes.order_by("-created_at").values("created_at")[:1]
    awaiting_versions = _awaiting_approval(
        LetterVersion.objects.filter(draft__case=OuterRef("case"))
    )
    shares = (
        CaseShare.objects.filter(active_share_q(), organisation__memberships__user=user)
        .select_related("case", "organisation")
        .annotate(
            review_status=Coalesce(
                Subquery(review.values("status")[:1]), Value(ReviewStatus.NEW.value)
            ),
            assignee_id=Subquery(review.values("assignee")[:1]),
            assignee_name=Subquery(review.values("assignee__display_name")[:1]),
            assignee_email=Subquery(review.values("assignee__email")[:1]),
            contact_count=_count(Contact.objects.filter(case=OuterRef("case"))),
            note_count=_count(notes),
            awaiting_count=Coalesce(
                Subquery(
                    awaiting_versions.order_by()
                    .values("draft__case")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                Value(0),
            ),
            last_activity=Greatest(
                F("granted_at"),
                F("case__updated_at"),
                Coalesce(
                    Subquery(review.values("updated_at")[:1]),
                    F("granted_at"),
                    output_field=DateTimeField(),
                ),
                Coalesce(Subquery(last_note), F("granted_at"), output_field=DateTimeField()),
            ),
        )
        .order_by("-granted_at", "-id")
    )
    if status:
        shares = shares.filter(review_status=status)
    if mine:
        shares = shares.filter(assignee_id=user.pk)
    if awaiting:
        shares = shares.filter(awaiting_count__gt=0)
    rows = list(shares)
    severities = findings_by_severity(cases=[row.case for row in rows])
    followups = cases_followups(case_ids={row.case_id for row in rows})
    labels = dict(ReviewStatus.choices)
    for row in rows:
        row.status_label = labels.get(row.review_status, row.review_status)
        row.severity = severities[row.case_id]
        row.followup = followups.get(row.case_id, Followup())
    if severity:
        rows = [row for row in rows if _has_severity(row.severity, severity)]
    if overdue:
        rows = [row for row in rows if row.followup.overdue]
    if continued:
        rows = [row for row in rows if row.followup.continued]
    return rows


#: A filter for "medium" keeps cases with medium or high findings.
_AT_LEAST = {"high": ("high",), "medium": ("high", "medium"), "low": ("high", "medium", "low")}


def _has_severity(counts: dict, severity: str) -> bool:
    return any(counts.get(level) for level in _AT_LEAST.get(severity, ()))


def case_workspace(*, case: Case, contacts: int = 30) -> dict:
    """What the review page shows beside the notes: certain findings with links to the
    contacts they cite, the latest contacts, and the letters' latest versions."""
    result = case_findings(case=case)
    contact_urls = {
        ref: reverse("cases:contact_detail", args=[case.pk, pk])
        for ref, pk in result.contact_pks.items()
    }
    latest = timeline_contacts(case=case)
    return {
        "assessment": result.assessment.certain_only(),
        "possible_count": sum(f.is_possible for f in result.assessment.findings),
        "contact_urls": contact_urls,
        "recent_contacts": with_labels(latest[:contacts]),
        "contact_total": latest.count(),
        "letter_versions": case_letter_versions(case=case),
    }


def _awaiting_approval(versions: QuerySet[LetterVersion]) -> QuerySet[LetterVersion]:
    """Finalised, unapproved, the latest finalised version of its draft, no changes requested."""
    newer = LetterVersion.objects.filter(
        draft=OuterRef("draft"), number__gt=OuterRef("number"), finalised_at__isnull=False
    )
    asked = LetterComment.objects.filter(version=OuterRef("pk"), requests_changes=True)
    return (
        versions.filter(finalised_at__isnull=False, approved_at__isnull=True)
        .exclude(Exists(newer))
        .exclude(Exists(asked))
    )


def case_letter_versions(*, case: Case) -> list[LetterVersion]:
    """The latest finalised version of each letter of the case, for the review page.

    Each carries awaiting (approval) and change_requests (how many comments asked for changes).
    """
    newer = LetterVersion.objects.filter(
        draft=OuterRef("draft"), number__gt=OuterRef("number"), finalised_at__isnull=False
    )
    asked = LetterComment.objects.filter(version=OuterRef("pk"), requests_changes=True)
    versions = list(
        LetterVersion.objects.filter(draft__case=case, finalised_at__isnull=False)
        .exclude(Exists(newer))
        .select_related("draft", "approved_by")
        .annotate(change_requests=Coalesce(Subquery(
            asked.order_by().values("version").annotate(n=Count("pk")).values("n")
        ), Value(0)))
        .order_by("-finalised_at", "-id")
    )  # fmt: skip
    for version in versions:
        version.awaiting = not version.is_approved and not version.change_requests
    return versions


def previous_final_version(*, version: LetterVersion) -> LetterVersion | None:
    """The finalised version of the same letter just before this one, if any."""
    return (
        LetterVersion.objects.filter(draft_id=version.draft_id, number__lt=version.number)
        .filter(finalised_at__isnull=False)
        .order_by("-number")
        .first()
    )


def version_comments(*, version: LetterVersion) -> QuerySet[LetterComment]:
    """Every comment on the version, by paragraph, with its author and organisation."""
    return LetterComment.objects.filter(version=version).select_related("author", "organisation")


def approvals_needed(*, organisation: Organisation, kind: str) -> int:
    """How many different lawyers of the organisation must approve a letter of this kind."""
    policy = ReviewPolicy.objects.filter(organisation=organisation).first()
    return policy.approvals_needed(kind) if policy else 1


def review_policy(*, organisation: Organisation) -> ReviewPolicy:
    """The organisation's review policy (an unsaved default if it never chose one)."""
    return ReviewPolicy.objects.filter(organisation=organisation).first() or ReviewPolicy(
        organisation=organisation
    )


@dataclass(frozen=True)
class ApprovalProgress:
    """Approvals given so far to a finalised version not yet approved, in one organisation."""

    organisation: Organisation
    lawyers: tuple[str, ...]
    lawyer_ids: frozenset[int]
    needed: int

    @property
    def given(self) -> int:
        return len(self.lawyers)


def version_approval_progress(
    *, version: LetterVersion, organisation: Organisation | None = None
) -> ApprovalProgress | None:
    """How far a finalised, unapproved version is in being approved ("1 of 2").

    For `organisation` (the reviewer's); without one (the borrower's view), for the
    organisation whose lawyer approved first. None for an approved version, or when no
    approval is pending and none is given.
    """
    if version.approved_at is not None or version.finalised_at is None:
        return None
    approvals = list(
        LetterApproval.objects.filter(version=version).select_related("lawyer", "organisation")
    )
    if organisation is None:
        if not approvals:
            return None
        organisation = approvals[0].organisation
    mine = [a for a in approvals if a.organisation_id == organisation.pk]
    return ApprovalProgress(
        organisation=organisation,
        lawyers=tuple(str(a.lawyer) if a.lawyer else str(_("a former member")) for a in mine),
        lawyer_ids=frozenset(a.lawyer_id for a in mine if a.lawyer_id),
        needed=approvals_needed(organisation=organisation, kind=version.draft.kind),
    )
