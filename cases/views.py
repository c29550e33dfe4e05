"""The borrower's record: cases, loans, the contact timeline, events and evidence.

Every view gets its case through cases/access.py: another user's case is a 404,
and a volunteer reading a shared case gets a 403 on any write.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from charts import contacts_per_day, hour_weekday_grid, targets_breakdown
from charts.cost import cost_against_lines
from rules.presentation import CONTACTS_LISTED, rule_counts
from selfhelp.forms import refuse_stale_edit
from selfhelp.htmx import render_partial_response
from selfhelp.versioning import EditConflict
from selfhelp.views import HtmxHttpRequest

from . import selectors, services
from .access import (
    cases_owned_by,
    cases_visible_to,
    get_case_for_user,
    get_contact_for_user,
    get_evidence_for_user,
    get_loan_for_user,
    may_see_borrower_details,
)
from .bundle import BundleError, bundle_to_json, case_export_bundle, case_import_bundle
from .forms import (
    CaseEventForm,
    CaseForm,
    CaseImportForm,
    ContactForm,
    EvidenceForm,
    FeeFormSet,
    FindingAnswerForm,
    InstallmentFormSet,
    LoanForm,
    QuickContactForm,
    ScheduleForm,
    TimelineFilterForm,
    formset_rows,
)
from .models import Case, CaseEvent, Evidence

#: People around the borrower listed by name on the case page (the rest are counted).
PARTIES_LISTED = 50

# Helpers


def _case(request: HtmxHttpRequest, pk: int, *, write: bool = False) -> Case:
    """The case through the access rules, logging a reader's access with the view's name."""
    action = request.resolver_match.url_name if request.resolver_match else "view"
    return get_case_for_user(request.user, pk, write=write, action=action, path=request.path)


def _targets(request: HtmxHttpRequest, target: str) -> bool:
    """Whether htmx (not a history restore) asked for the element `#target`."""
    htmx = request.htmx
    return bool(htmx) and not htmx.history_restore_request and htmx.target == target


def _confirm(request, *, case: Case, heading: str, message: str, cancel_url: str) -> HttpResponse:
    """The no-JavaScript confirmation page: a POST form back to the same URL."""
    context = {"case": case, "heading": heading, "message": message, "cancel_url": cancel_url}
    return render(request, "cases/confirm_delete.html", context)


def _redirect_after_delete(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """A plain redirect, or for htmx a client-side one (htmx must not swap the next page in)."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _case_url(case: Case, anchor: str = "") -> str:
    return reverse("cases:case_detail", args=[case.pk]) + (f"#{anchor}" if anchor else "")


def _findings_context(case: Case, *, include_possible: bool = True) -> dict:
    """The rights engine's findings for the case page, with links to the contacts they cite.

    The findings stored for the case's revision are read (cases/findings.py): no engine
    runs unless the case changed. Without `include_possible`, findings of the trained model
    alone are left out (the volunteer's default view) and their count is given instead.
    """
    result = selectors.case_findings(case=case)
    assessment = result.assessment if include_possible else result.assessment.certain_only()
    cited = {ref for f in assessment.findings for ref in f.contacts[:CONTACTS_LISTED]}
    contact_urls = {
        ref: reverse("cases:contact_detail", args=[case.pk, pk])
        for ref, pk in selectors.contact_ids(case=case, refs=cited).items()
    }
    moments, tz = result.moments, case.timezone
    charts = (
        [contacts_per_day(moments, tz), hour_weekday_grid(moments, tz), targets_breakdown(moments)]
        if moments
        else []
    )
    parties = result.summary.third_parties
    return {
        "assessment": assessment,
        "include_possible": include_possible,
        "possible_count": sum(f.is_possible for f in result.assessment.findings),
        "certain_count": sum(not f.is_possible for f in result.assessment.findings),
        "charts": charts,
        "summary": result.summary,
        "summary_rules": rule_counts(result.summary),
        "third_parties": parties[:PARTIES_LISTED],
        "third_parties_more": max(0, len(parties) - PARTIES_LISTED),
        "contact_urls": contact_urls,
    }


def _older_url(request: HtmxHttpRequest, case: Case, shown: int) -> str:
    """The same timeline, filters kept, with one more page of older contacts."""
    query = request.GET.copy()
    query["shown"] = shown + TimelineFilterForm.PAGE
    return f"{reverse('cases:case_detail', args=[case.pk])}?{query.urlencode()}"


def _announce_change(response: HttpResponse) -> HttpResponse:
    """Tell the page (htmx) that contacts changed, so #findings reloads itself."""
    return trigger_client_event(response, "caseChanged", after="settle")


def _quick_form(case: Case, data=None) -> QuickContactForm:
    return QuickContactForm(
        data, case=case, callers=selectors.last_callers(case=case), auto_id="quick_%s"
    )


# Cases


@require_GET
@login_required
def case_list(request: HtmxHttpRequest) -> HttpResponse:
    """The user's own cases and, apart from them, cases shared with their organisation."""
    own = cases_owned_by(request.user).order_by("-updated_at")
    shared = (
        cases_visible_to(request.user)
        .exclude(owner=request.user)
        .select_related("owner")
        .order_by("-updated_at")
    )
    return render(request, "cases/case_list.html", {"own_cases": own, "shared_cases": shared})


@require_http_methods(["GET", "POST"])
@login_required
def case_create(request: HtmxHttpRequest) -> HttpResponse:
    """Start a new case."""
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = services.case_create(owner=request.user, data=form.cleaned_data)
        messages.success(request, _("Case created. Add your loans and record each contact."))
        return redirect(_case_url(case))
    return render(request, "cases/case_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def case_update(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Change the case's title and borrower details."""
    case = _case(request, pk, write=True)
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        services.case_update(case=case, data=form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(_case_url(case))
    return render(request, "cases/case_form.html", {"form": form, "case": case})


@require_http_methods(["GET", "POST"])
@login_required
def case_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the case and everything in it."""
    case = _case(request, pk, write=True)
    if request.method == "POST":
        services.case_delete(case=case)
        messages.success(request, _("The case was deleted."))
        return _redirect_after_delete(request, reverse("cases:case_list"))
    return _confirm(
        request,
        case=case,
        heading=_("Delete this case?"),
        message=_(
            "“%(title)s” with all its loans, contacts and evidence files will be deleted for good."
        )
        % {"title": case.title},
        cancel_url=_case_url(case),
    )


@require_GET
@login_required
def case_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The case page: summary, quick-add, the filterable timeline, loans and events.

    htmx filter requests targeting #timeline get only the timeline.
    """
    case = _case(request, pk)
    can_edit = case.owner_id == request.user.pk
    # The borrower sees possible findings to answer them; others see them on request.
    include_possible = can_edit or request.GET.get("possible") == "1"
    if _targets(request, "findings"):
        return render(
            request,
            "cases/case_detail.html#findings",
            {
                "case": case,
                "can_edit": can_edit,
                **_findings_context(case, include_possible=include_possible),
            },
        )
    loans = list(selectors.case_loans(case=case))
    filter_form = TimelineFilterForm(
        request.GET or None, loans=selectors.case_loans(case=case), auto_id="filter_%s"
    )
    filter_form.fields["loan"].choices = [("", _("All loans"))] + [
        (loan.pk, str(loan)) for loan in loans
    ]
    filters = filter_form.filters()
    timeline = selectors.timeline_contacts(case=case, **filters)
    shown = filter_form.shown_count()
    page = selectors.with_labels(timeline[: shown + 1])  # one more tells whether older ones exist
    contacts = page[:shown]
    context = {
        "case": case,
        "can_edit": can_edit,
        # A volunteer who has not taken the case sees the borrower's own number masked.
        "mask_details": not may_see_borrower_details(request.user, case),
        "loans": loans,
        "filter_form": filter_form,
        "filtered": bool(filters),
        "contacts": contacts,
        "older_url": _older_url(request, case, shown) if len(page) > shown else "",
    }
    if not _targets(request, "timeline"):
        context.update(_findings_context(case, include_possible=include_possible))
        context["events"] = selectors.case_events(case=case)
        context["quick_form"] = _quick_form(case) if can_edit else None
    return render_partial_response(request, "cases/case_detail.html", context, target="timeline")


@require_http_methods(["GET", "POST"])
@login_required
def case_import(request: HtmxHttpRequest) -> HttpResponse:
    """Import a case file. A bad file is rejected whole, naming each bad field; nothing is saved."""
    form = CaseImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            case = case_import_bundle(owner=request.user, data=form.cleaned_data["file"].read())
        except BundleError as error:
            problems = [issue.as_dict() for issue in error.errors]
        else:
            messages.success(request, _("The case was imported."))
            return redirect(_case_url(case))
    context = {"form": form, "problems": problems}
    return render(request, "cases/case_import.html", context, status=400 if problems else 200)


@require_GET
@login_required
def case_export(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Download the case as a `selfhelp.case/1` file, to move it or keep a copy."""
    case = _case(request, pk)
    details = may_see_borrower_details(request.user, case)
    response = HttpResponse(
        bundle_to_json(case_export_bundle(case=case, borrower_details=details)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="case-{case.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


# Loans


#: What a loan-form POST asks for besides saving: more empty rows, the schedule filled in
#: from the loan's terms, or (htmx, on choosing a lender) only the lender type shown again.
MORE_ROWS, GENERATE, REFRESH_TYPE = "more_rows", "generate_schedule", "lender_type"


def _loan_request_kind(request) -> str:
    if request.method != "POST":
        return ""
    if request.POST.get("refresh") == REFRESH_TYPE:
        return REFRESH_TYPE
    return next((k for k in (GENERATE, MORE_ROWS) if k in request.POST), "save")


def _loan_forms(request, case: Case, loan=None, kind: str = ""):
    data = request.POST or None
    initial_rows = {"installments": [], "fees": []}
    if loan is not None and data is None:
        loan = selectors.loan_with_schedule(loan=loan)
        initial_rows["installments"] = [
            {"due_on": i.due_on, "amount": i.amount, "paid": i.paid}
            for i in loan.installments.all()
        ]
        initial_rows["fees"] = [
            {"name": f.name, "amount": f.amount, "charged_on": f.charged_on}
            for f in loan.fees.all()
        ]
    if kind == MORE_ROWS:
        data = data.copy()
        for prefix in ("installments", "fees"):
            key = f"{prefix}-TOTAL_FORMS"
            if data.get(key, "").isdigit():
                data[key] = str(int(data[key]) + 3)
    schedule_form = ScheduleForm(data if kind == GENERATE else None)
    form = LoanForm(data, instance=loan, refresh_url=request.path)
    installments = InstallmentFormSet(
        data, prefix="installments", initial=initial_rows["installments"]
    )
    if kind == GENERATE:
        # The loan's own fields are shown as typed, without errors: nothing is saved yet.
        form = LoanForm(initial=data.dict(), instance=loan, refresh_url=request.path)
        if schedule_form.is_valid():
            installments = InstallmentFormSet(
                prefix="installments", initial=schedule_form.installment_rows()
            )
    fees = FeeFormSet(data, prefix="fees", initial=initial_rows["fees"])
    return form, installments, fees, schedule_form


def _save_loan(request, case: Case, loan=None) -> HttpResponse:
    kind = _loan_request_kind(request)
    form, installments, fees, schedule_form = _loan_forms(request, case, loan, kind)
    if kind == "save" and all([form.is_valid(), installments.is_valid(), fees.is_valid()]):
        rows = {"installments": formset_rows(installments), "fees": formset_rows(fees)}
        if loan is None:
            loan = services.loan_create(case=case, data=form.cleaned_data, **rows)
        else:
            loan = services.loan_update(loan=loan, data=form.cleaned_data, **rows)
        messages.success(request, _("Loan %(ref)s saved.") % {"ref": loan.ref})
        return redirect("cases:loan_detail", case.pk, loan.pk)
    context = {
        "case": case,
        "loan": loan,
        "form": form,
        "installments": installments,
        "fees": fees,
        "schedule_form": schedule_form,
        "adding_rows": kind == MORE_ROWS,
    }
    target = {REFRESH_TYPE: "lender-type", GENERATE: "installments"}.get(kind, "")
    return render_partial_response(request, "cases/loan_form.html", context, target=target)


@require_http_methods(["GET", "POST"])
@login_required
def loan_create(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Add a loan with its schedule and fees."""
    case = _case(request, case_pk, write=True)
    return _save_loan(request, case)


@require_http_methods(["GET", "POST"])
@login_required
def loan_update(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """Change a loan, its schedule and fees."""
    case = _case(request, case_pk, write=True)
    loan = get_loan_for_user(request.user, case, pk, write=True)
    return _save_loan(request, case, loan)


@require_GET
@login_required
def loan_detail(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """One loan with its repayment schedule and fees."""
    case = _case(request, case_pk)
    loan = selectors.loan_with_schedule(loan=get_loan_for_user(request.user, case, pk))
    cost = selectors.loan_cost(case=case, loan=loan)
    context = {
        "case": case,
        "loan": loan,
        "cost": cost,
        "cost_chart": cost_against_lines(
            effective=cost.effective_annual_cost,
            stated=cost.stated_rate,
            cap_4x_lpr=cost.cap_4x_lpr,
        )
        if cost
        else None,
        "cost_percent": None
        if cost is None or cost.effective_annual_cost is None
        else f"{cost.effective_annual_cost * 100:.2f}%",
        "can_edit": case.owner_id == request.user.pk,
        "stated_rate_percent": None
        if loan.stated_rate is None
        else (loan.stated_rate * 100).normalize(),
    }
    return render(request, "cases/loan_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def loan_delete(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the loan (its contacts stay)."""
    case = _case(request, case_pk, write=True)
    loan = get_loan_for_user(request.user, case, pk, write=True)
    if request.method == "POST":
        services.loan_delete(loan=loan)
        messages.success(request, _("The loan was deleted."))
        return _redirect_after_delete(request, _case_url(case, "loans"))
    return _confirm(
        request,
        case=case,
        heading=_("Delete this loan?"),
        message=_(
            "Loan %(ref)s (%(loan)s) and its schedule will be deleted. Contacts about it are kept."
        )
        % {"ref": loan.ref, "loan": loan},
        cancel_url=reverse("cases:loan_detail", args=[case.pk, loan.pk]),
    )


# Contacts


@require_POST
@login_required
def contact_quick_add(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """The quick-add form. htmx gets a fresh form plus the new item for the top of the timeline."""
    case = _case(request, case_pk, write=True)
    form = _quick_form(case, request.POST)
    context = {"case": case, "can_edit": True, "quick_form": form}
    if form.is_valid():
        contact = services.contact_create(case=case, data=form.contact_data())
        if not request.htmx:
            messages.success(request, _("Saved as %(ref)s.") % {"ref": contact.ref})
            return redirect(_case_url(case, f"contact-{contact.pk}"))
        context["quick_form"] = _quick_form(case)
        context["new_contact"] = selectors.contact_with_evidence(contact=contact)
        return _announce_change(render(request, "cases/case_detail.html#quick-add", context))
    elif not request.htmx:
        return _case_page_with_quick_form(request, case, form)
    return render(request, "cases/case_detail.html#quick-add", context)


def _case_page_with_quick_form(request, case: Case, form: QuickContactForm) -> HttpResponse:
    """The case page again, with the invalid quick-add form and everything typed kept."""
    loans = list(selectors.case_loans(case=case))
    context = {
        "case": case,
        "can_edit": True,
        "loans": loans,
        "filter_form": TimelineFilterForm(
            loans=selectors.case_loans(case=case), auto_id="filter_%s"
        ),
        "contacts": selectors.with_labels(selectors.timeline_contacts(case=case)),
        "events": selectors.case_events(case=case),
        "quick_form": form,
        **_findings_context(case),
    }
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def contact_create(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """The full contact form, with an optional evidence file."""
    case = _case(request, case_pk, write=True)
    form = ContactForm(request.POST or None, request.FILES or None, case=case)
    if request.method == "GET":
        _prefill_from_quick_add(form, request.GET)
    if request.method == "POST" and form.is_valid():
        contact = services.contact_create(
            case=case,
            data=form.cleaned_data,
            upload=form.cleaned_data.get("evidence"),
            uploaded_by=request.user,
        )
        messages.success(request, _("Saved as %(ref)s.") % {"ref": contact.ref})
        return redirect(_case_url(case, f"contact-{contact.pk}"))
    return render(request, "cases/contact_form.html", {"case": case, "form": form})


def _prefill_from_quick_add(form: ContactForm, query) -> None:
    """ "More details" carries over what was already chosen in the quick-add form."""
    for name in ("channel", "target"):
        if query.get(name):
            form.initial[name] = query[name]


@require_GET
@login_required
def contact_detail(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """One contact with its evidence. htmx targeting #contact-<pk> gets the timeline item."""
    case = _case(request, case_pk)
    contact = selectors.contact_with_evidence(contact=get_contact_for_user(request.user, case, pk))
    can_edit = case.owner_id == request.user.pk
    context = {
        "case": case,
        "contact": contact,
        "can_edit": can_edit,
        "mask_details": not may_see_borrower_details(request.user, case),
        "evidence_form": EvidenceForm() if can_edit else None,
        "text_findings": selectors.contact_text_findings(contact=contact),
    }
    return render_partial_response(
        request,
        "cases/contact_detail.html",
        context,
        target=f"contact-{contact.pk}",
        partial="contact-item",
    )


@require_POST
@login_required
def contact_answer(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """Confirm or dismiss a finding on a contact; htmx gets the #answers panel back."""
    case = _case(request, case_pk, write=True)
    contact = get_contact_for_user(request.user, case, pk, write=True)
    form = FindingAnswerForm(request.POST)
    if form.is_valid():
        services.contact_answer(
            contact=contact, rule=form.cleaned_data["rule"], answer=form.cleaned_data["answer"]
        )
    else:
        messages.error(request, _("This answer cannot be recorded."))
    if request.htmx:
        context = {
            "case": case,
            "contact": selectors.contact_with_evidence(contact=contact),
            "can_edit": True,
            "text_findings": selectors.contact_text_findings(contact=contact),
        }
        answers = render_to_string("cases/contact_detail.html#answers", context, request)
        item = render_to_string(
            "cases/contact_detail.html#contact-item", {**context, "oob": True}, request
        )
        return _announce_change(HttpResponse(answers + item))
    return redirect(reverse("cases:contact_detail", args=[case.pk, contact.pk]) + "#answers")


@require_http_methods(["GET", "POST"])
@login_required
def contact_update(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """Edit a contact in place: htmx swaps the timeline item with this form and back."""
    case = _case(request, case_pk, write=True)
    contact = get_contact_for_user(request.user, case, pk, write=True)
    form = ContactForm(
        request.POST or None,
        request.FILES or None,
        instance=contact,
        case=case,
        auto_id=f"contact{contact.pk}_%s",
    )
    inline = _targets(request, f"contact-{contact.pk}")
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_update(
                contact=contact,
                data=form.cleaned_data,
                upload=form.cleaned_data.get("evidence"),
                uploaded_by=request.user,
                version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            refuse_stale_edit(form, conflict, _CONTACT_CHANGED)
            # htmx swaps only 2xx answers; the page without JavaScript gets 409 Conflict.
            status = 200 if inline else 409
        else:
            if not inline:
                messages.success(request, _("Saved."))
                return redirect(_case_url(case, f"contact-{contact.pk}"))
            context = {"case": case, "can_edit": True}
            context["contact"] = selectors.contact_with_evidence(contact=contact)
            return _announce_change(
                render(request, "cases/contact_detail.html#contact-item", context)
            )
    context = {"case": case, "form": form, "contact": contact, "inline": inline}
    return render_partial_response(
        request,
        "cases/contact_form.html",
        context,
        target=f"contact-{contact.pk}",
        partial="contact-form",
        status=status,
    )


_CONTACT_CHANGED = gettext_lazy(
    "This contact was changed somewhere else (another tab or device) after you opened this form, "
    "so your changes were not saved. They are still below. Check them and save again to replace "
    "the other change; a file you chose must be chosen again."
)


@require_http_methods(["GET", "POST"])
@login_required
def contact_delete(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes. htmx gets an empty body that removes the item."""
    case = _case(request, case_pk, write=True)
    contact = get_contact_for_user(request.user, case, pk, write=True)
    if request.method == "POST":
        detail_url = reverse("cases:contact_detail", args=[case.pk, contact.pk])
        services.contact_delete(contact=contact)
        if request.htmx and urlsplit(request.htmx.current_url or "").path != detail_url:
            return _announce_change(HttpResponse(""))  # the timeline item swaps to nothing
        messages.success(request, _("The contact was deleted."))
        return _redirect_after_delete(request, _case_url(case, "timeline"))
    return _confirm(
        request,
        case=case,
        heading=_("Delete this contact?"),
        message=_("Contact %(ref)s and its evidence files will be deleted for good.")
        % {"ref": contact.ref},
        cancel_url=_case_url(case, f"contact-{contact.pk}"),
    )


# Evidence


@require_POST
@login_required
def evidence_create(request: HtmxHttpRequest, case_pk: int, contact_pk: int) -> HttpResponse:
    """Attach a file to a contact. A bad file re-renders the page with a clear error."""
    case = _case(request, case_pk, write=True)
    contact = get_contact_for_user(request.user, case, contact_pk, write=True)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        services.evidence_add(
            contact=contact, upload=form.cleaned_data["file"], uploaded_by=request.user
        )
        messages.success(request, _("File added."))
        return redirect("cases:contact_detail", case.pk, contact.pk)
    context = {
        "case": case,
        "contact": selectors.contact_with_evidence(contact=contact),
        "can_edit": True,
        "evidence_form": form,
    }
    return render(request, "cases/contact_detail.html", context)


@require_GET
@login_required
def evidence_download(request: HtmxHttpRequest, case_pk: int, pk: int) -> FileResponse:
    """Stream an evidence file as an attachment; images may be shown inline with ?inline=1."""
    case = _case(request, case_pk)
    evidence = get_evidence_for_user(request.user, case, pk)
    inline = request.GET.get("inline") == "1" and evidence.kind == Evidence.Kind.IMAGE
    storage = evidence.file.storage
    if not storage.exists(evidence.file.name):
        raise Http404("The file is missing from storage.")
    response = FileResponse(
        storage.open(evidence.file.name, "rb"),
        as_attachment=not inline,
        filename=evidence.download_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
@login_required
def evidence_verify(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """Recompute the file's SHA-256 and say whether it still matches the one stored."""
    case = _case(request, case_pk)
    evidence = get_evidence_for_user(request.user, case, pk)
    matches, current = services.evidence_verify(evidence=evidence)
    context = {"case": case, "evidence": evidence, "matches": matches, "current": current}
    return render(request, "cases/evidence_verify.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def evidence_delete(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the file."""
    case = _case(request, case_pk, write=True)
    evidence = get_evidence_for_user(request.user, case, pk, write=True)
    back = (
        reverse("cases:contact_detail", args=[case.pk, evidence.contact_id])
        if evidence.contact_id
        else _case_url(case)
    )
    if request.method == "POST":
        services.evidence_delete(evidence=evidence)
        messages.success(request, _("The file was deleted."))
        return _redirect_after_delete(request, back)
    return _confirm(
        request,
        case=case,
        heading=_("Delete this file?"),
        message=_("“%(name)s” will be deleted for good.") % {"name": evidence.original_name},
        cancel_url=back,
    )


# Events


@require_http_methods(["GET", "POST"])
@login_required
def event_create(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Record an objection, an agreement, a dispute or an outsourcing notice."""
    case = _case(request, case_pk, write=True)
    form = CaseEventForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        services.event_create(case=case, data=form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(_case_url(case, "events"))
    return render(request, "cases/event_form.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def event_delete(request: HtmxHttpRequest, case_pk: int, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the event."""
    case = _case(request, case_pk, write=True)
    event = get_object_or_404(CaseEvent, case=case, pk=pk)
    if request.method == "POST":
        services.event_delete(event=event)
        messages.success(request, _("Deleted."))
        return _redirect_after_delete(request, _case_url(case, "events"))
    return _confirm(
        request,
        case=case,
        heading=_("Delete this event?"),
        message=_("“%(event)s” will be deleted.") % {"event": event},
        cancel_url=_case_url(case, "events"),
    )
