"""Review pages: the borrower shares and revokes; the organisation works on shared cases.

Borrower side: share a case (with explicit consent, an optional end date and the separate
"act for me" consent), change or renew a share, stop sharing, read the access log.
Organisation side: the queue, one case's review (status, assignee, notes), lawyers'
approvals of a finalised letter, and the organisation's review settings (its admins).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import get_organisation_for_admin
from cases.access import may_see_borrower_details
from letters.masking import letter_versions_html_masked
from letters.paragraphs import letter_paragraphs, paragraphs_diff
from selfhelp.htmx import render_partial_response
from selfhelp.views import HtmxHttpRequest

from . import access, selectors, services
from .forms import (
    ActForMeForm,
    LetterCommentForm,
    NoteForm,
    QueueFilterForm,
    ReviewPolicyForm,
    ShareExpiryForm,
    ShareForm,
    StatusForm,
    TakeForm,
)

# Borrower side


@require_http_methods(["GET", "POST"])
@login_required
def share_create(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Choose an organisation, see what it will be able to read, and consent."""
    case = access.get_owned_case(request.user, case_pk)
    organisations = selectors.organisations_to_share_with(case=case)
    form = ShareForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.case_share_create(
                case=case, organisation=organisation, granted_by=request.user,
                expires_on=form.cleaned_data["expires_on"],
                act_for_me=form.cleaned_data["act_for_me"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your case is now shared with %s.") % organisation.name)
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "review/share_create.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def share_revoke(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Stop sharing: a confirmation page, then the organisation loses access at once."""
    share = access.get_active_share_for_owner(request.user, pk)
    if request.method == "POST":
        services.case_share_revoke(share=share)
        messages.success(request, _("%s can no longer see your case.") % share.organisation.name)
        return redirect("cases:case_detail", pk=share.case_id)
    return render(request, "review/share_revoke.html", {"share": share, "case": share.case})


@require_http_methods(["GET", "POST"])
@login_required
def share_update(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Change when a share ends, or renew one that has expired."""
    share = access.get_active_share_for_owner(request.user, pk)
    form = ShareExpiryForm(request.POST or None, initial={"expires_on": share.expires_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_share_set_expiry(share=share, expires_on=form.cleaned_data["expires_on"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Sharing with %s saved.") % share.organisation.name)
            return redirect(reverse("cases:case_detail", args=[share.case_id]) + "#case-sharing")
    context = {"share": share, "case": share.case, "form": form}
    return render(request, "review/share_update.html", context)


@require_POST
@login_required
def share_act_for_me(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The borrower gives or withdraws the organisation's consent to record actions for them."""
    share = access.get_active_share_for_owner(request.user, pk)
    form = ActForMeForm(request.POST)
    grant = form.is_valid() and form.cleaned_data["grant"]
    services.case_share_set_act_for_me(share=share, granted_by=request.user, grant=grant)
    if grant:
        text = _("%s may now record complaints and answers for you.")
    else:
        text = _("%s can no longer record anything for you.")
    messages.success(request, text % share.organisation.name)
    return redirect(reverse("cases:case_detail", args=[share.case_id]) + "#case-sharing")


@require_GET
@login_required
def access_log(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Every time someone from an organisation opened the case."""
    case = access.get_owned_case(request.user, case_pk)
    entries = selectors.case_access_log(case=case)
    return render(request, "review/access_log.html", {"case": case, "entries": entries})


# Organisation side


@require_GET
@login_required
def review_queue(request: HtmxHttpRequest) -> HttpResponse:
    """The cases shared with the user's organisations, newest share first, with filters."""
    access.require_member(request.user)
    form = QueueFilterForm(request.GET or None, auto_id="queue_%s")
    rows = selectors.review_queue(user=request.user, **form.filters())
    return render(request, "review/review_queue.html", {"rows": rows, "filter_form": form})


def _detail_context(review_access: access.ReviewAccess, note_form: NoteForm | None = None) -> dict:
    case, organisation = review_access.case, review_access.organisation
    review = selectors.case_review(case=case, organisation=organisation)
    return {
        **selectors.case_workspace(case=case),
        "show_borrower_details": access.may_see_borrower_details(review_access, review),
        "case": case,
        "organisation": organisation,
        "review": review,
        "status_form": StatusForm(initial={"status": review.status if review else "new"}),
        "note_form": note_form or NoteForm(),
        "notes": selectors.review_notes(case=case, organisation=organisation),
        "is_lawyer": review_access.is_lawyer,
    }


@require_GET
@login_required
def review_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One shared case as the organisation works on it: status, assignee and notes."""
    review_access = access.get_review_access(request.user, pk, path=request.path)
    return render(request, "review/review_detail.html", _detail_context(review_access))


@require_POST
@login_required
def review_take(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Assign the case to the signed-in member."""
    review_access = access.get_review_access(
        request.user, pk, action="review_take", path=request.path
    )
    form = TakeForm(request.POST)
    services.case_review_take(
        case=review_access.case, organisation=review_access.organisation, user=request.user
    )
    messages.success(request, _("You are now working on this case."))
    target = form.cleaned_data["next"] if form.is_valid() else ""
    return redirect(target or reverse("review:review_detail", args=[pk]))


@require_POST
@login_required
def review_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Move the review to new, in review or done."""
    review_access = access.get_review_access(
        request.user, pk, action="review_status", path=request.path
    )
    form = StatusForm(request.POST)
    if form.is_valid():
        services.case_review_set_status(
            case=review_access.case,
            organisation=review_access.organisation,
            status=form.cleaned_data["status"],
        )
        messages.success(request, _("Status saved."))
    else:
        messages.error(request, _("Please choose a status from the list."))
    return redirect("review:review_detail", pk=pk)


@require_POST
@login_required
def note_create(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add a note; htmx gets the #review-notes fragment back, a plain post a redirect."""
    review_access = access.get_review_access(
        request.user, pk, action="review_note", path=request.path
    )
    form = NoteForm(request.POST)
    if form.is_valid():
        services.review_note_create(
            case=review_access.case, organisation=review_access.organisation,
            author=request.user, **form.cleaned_data,
        )  # fmt: skip
        if not request.htmx:
            return redirect("review:review_detail", pk=pk)
        form = None
    context = _detail_context(review_access, form)
    return render_partial_response(
        request, "review/review_detail.html", context, target="review-notes"
    )


def _version_context(
    review_access: access.ReviewAccess, version, user, form: LetterCommentForm | None = None
) -> dict:
    progress = selectors.version_approval_progress(
        version=version, organisation=review_access.organisation
    )
    previous = selectors.previous_final_version(version=version)
    # Until the reader takes the case, the stored text shows the borrower's details masked.
    full = may_see_borrower_details(user, review_access.case)
    if full:
        html, previous_html = version.html, previous.html if previous else ""
    else:
        html, previous_html = letter_versions_html_masked(
            case=review_access.case, versions=[version, previous]
        )
    paragraphs = letter_paragraphs(html)
    changes, removed = paragraphs_diff(letter_paragraphs(previous_html), paragraphs)
    return {
        "case": review_access.case,
        "organisation": review_access.organisation,
        "version": version,
        "draft": version.draft,
        "previous": previous,
        "paragraphs": changes,
        "removed": removed if previous else [],
        "comments": selectors.version_comments(version=version),
        "form": form or LetterCommentForm(paragraphs=len(paragraphs)),
        "is_lawyer": review_access.is_lawyer,
        "progress": progress,
        "approved_by_me": bool(
            progress and review_access.membership.user_id in progress.lawyer_ids
        ),
        "show_borrower_details": full,
    }


@require_GET
@login_required
def letter_version_review(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One finalised version exactly as stored: numbered paragraphs, the diff from the
    previous version, its PDF, the comments, and approve or request changes."""
    review_access, version = access.get_version_for_review(request.user, pk, path=request.path)
    return render(
        request,
        "review/letter_version_review.html",
        _version_context(review_access, version, request.user),
    )


@require_POST
@login_required
def letter_comment_create(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Comment on a paragraph of the version, or request changes to it."""
    review_access, version = access.get_version_for_review(
        request.user, pk, action="letter_comment", path=request.path
    )
    form = LetterCommentForm(request.POST, paragraphs=len(letter_paragraphs(version.html)))
    if form.is_valid():
        try:
            services.letter_comment_create(
                version=version, organisation=review_access.organisation,
                author=request.user, **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Comment saved. The borrower can read it."))
            return redirect("review:letter_version_review", pk=pk)
    context = _version_context(review_access, version, request.user, form)
    return render(request, "review/letter_version_review.html", context)


@require_POST
@login_required
def letter_version_approve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A lawyer of a sharing organisation approves a finalised letter version, once; where
    the organisation asks for a second lawyer, the version is approved at the second."""
    version = access.get_version_to_approve(request.user, pk, path=request.path)
    try:
        approved = services.letter_version_approve(version=version, approver=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if approved.is_approved:
            messages.success(request, _("Version %d approved.") % version.number)
        else:
            messages.success(request, _("Your approval is recorded: a second lawyer must approve."))
    return redirect("review:letter_version_review", pk=version.pk)


# The organisation's settings


@require_http_methods(["GET", "POST"])
@login_required
def organisation_settings(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """An organisation admin chooses the letter kinds that need a second lawyer's approval."""
    organisation = get_organisation_for_admin(request.user, slug)
    policy = selectors.review_policy(organisation=organisation)
    form = ReviewPolicyForm(
        request.POST or None, initial={"second_approval_kinds": policy.second_approval_kinds}
    )
    if request.method == "POST" and form.is_valid():
        services.review_policy_set(organisation=organisation, **form.cleaned_data)
        messages.success(request, _("Settings saved."))
        return redirect("review:organisation_settings", slug=slug)
    context = {"organisation": organisation, "form": form}
    return render(request, "review/organisation_settings.html", context)
