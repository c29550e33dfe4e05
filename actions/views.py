"""Action pages: record what was sent, answers and outcomes; deadlines, effect and next step.

Every view gets its case or action through actions/access.py (cases' access rules).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.selectors import case_findings
from cases.services import EvidenceRejected
from charts.around import contacts_around
from letters.models import LetterVersion
from selfhelp.views import HtmxHttpRequest

from . import selectors, services
from .access import (
    get_action_for_user,
    get_case_for_actions,
    get_case_for_owner,
    get_reminder_for_user,
    may_record,
)
from .forms import ActionForm, EscalateForm, ExtensionForm, OutcomeForm, ResponseForm


@require_GET
@login_required
def action_list(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """The case's actions with days left, the effect of each, and the escalation ladder."""
    case = get_case_for_actions(request.user, case_pk, path=request.path)
    overview = selectors.actions_overview(case=case)
    is_owner = case.owner_id == request.user.pk
    context = {
        "case": case,
        "overview": overview,
        "can_edit": may_record(request.user, case),
        "is_owner": is_owner,
        "reminders": selectors.unseen_reminders(case=case) if is_owner else [],
    }
    return render(request, "actions/action_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def action_create(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Record a finalised letter sent, or a complaint made by phone, online or in person."""
    case = get_case_for_actions(request.user, case_pk, write=True, path=request.path)
    initial = {}
    if (version_pk := request.GET.get("letter", "")) and version_pk.isdigit():
        initial["letter_versions"] = LetterVersion.objects.filter(pk=version_pk, draft__case=case)
    form = ActionForm(request.POST or None, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = services.action_create(
            case=case, data=form.cleaned_data, created_by=request.user,
            letter_versions=form.cleaned_data["letter_versions"],
            evidence=form.cleaned_data["evidence"],
        )  # fmt: skip
        messages.success(request, _("Recorded. The app will remind you before the answer is due."))
        return redirect("actions:action_detail", pk=action.pk)
    return render(request, "actions/action_form.html", {"case": case, "form": form})


def _detail_context(request: HtmxHttpRequest, action, **forms) -> dict:
    overview = selectors.actions_overview(case=action.case)
    row = next(r for r in overview.rows if r.action.pk == action.pk)
    contacts = case_findings(case=action.case).moments
    chart = contacts_around(contacts, action.case.timezone, on=action.sent_on, days=row.effect.days)
    return {
        "case": action.case,
        "action": row.action,
        "row": row,
        "chart": chart,
        "overview": overview,
        "can_edit": may_record(request.user, action.case),
        "is_owner": action.case.owner_id == request.user.pk,
        "response_form": forms.get("response_form") or ResponseForm(),
        "outcome_form": forms.get("outcome_form")
        or OutcomeForm(initial={"outcome": action.outcome, "outcome_on": timezone.localdate()}),
        "extension_form": forms.get("extension_form") or ExtensionForm(),
    }


@require_GET
@login_required
def action_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One action: its deadline and basis, answers, outcome, and the contacts before and after."""
    action = get_action_for_user(request.user, pk, path=request.path)
    return render(request, "actions/action_detail.html", _detail_context(request, action))


@require_POST
@login_required
def response_create(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Record an answer received, with its file kept as evidence."""
    action = get_action_for_user(request.user, pk, write=True, path=request.path)
    form = ResponseForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.response_create(
                action=action, received_on=form.cleaned_data["received_on"],
                text=form.cleaned_data["text"], upload=form.cleaned_data["file"],
                uploaded_by=request.user,
            )  # fmt: skip
        except EvidenceRejected:
            form.add_error("file", _("Only screenshots, photos, recordings and PDF files."))
        else:
            return redirect("actions:action_detail", pk=action.pk)
    context = _detail_context(request, action, response_form=form)
    return render(request, "actions/action_detail.html", context)


@require_POST
@login_required
def outcome_set(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Record how the action ended (and an agreed repayment plan)."""
    action = get_action_for_user(request.user, pk, write=True, path=request.path)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.action_set_outcome(action=action, **form.cleaned_data)
        return redirect("actions:action_detail", pk=action.pk)
    context = _detail_context(request, action, outcome_form=form)
    return render(request, "actions/action_detail.html", context)


@require_POST
@login_required
def extension_record(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Record an extension the recipient announced; the deadline moves with it."""
    action = get_action_for_user(request.user, pk, write=True, path=request.path)
    form = ExtensionForm(request.POST)
    if form.is_valid():
        services.action_record_extension(
            action=action, extended_until=form.cleaned_data["extended_until"],
            note=form.cleaned_data["note"],
        )  # fmt: skip
        return redirect("actions:action_detail", pk=action.pk)
    context = _detail_context(request, action, extension_form=form)
    return render(request, "actions/action_detail.html", context)


@require_POST
@login_required
def escalate(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Start the next step's letter with the earlier actions and what followed in its facts."""
    case = get_case_for_owner(request.user, case_pk, path=request.path)
    form = EscalateForm(request.POST)
    if not form.is_valid():
        return redirect("actions:action_list", case_pk=case.pk)
    draft = services.escalation_draft_for_case(
        case=case, owner=request.user, kind=form.cleaned_data["kind"]
    )
    return redirect("letters:letter_edit", pk=draft.pk)


@require_POST
@login_required
def reminder_dismiss(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Hide an in-app reminder once read."""
    reminder = get_reminder_for_user(request.user, pk, path=request.path)
    services.reminder_dismiss(reminder=reminder)
    return redirect("actions:action_list", case_pk=reminder.action.case_id)
