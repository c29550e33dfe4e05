"""Import a phone backup: upload, watch it being read, check the messages, add them."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from cases.access import get_case_for_user
from selfhelp.htmx import render_partial_response
from selfhelp.views import HtmxHttpRequest

from . import selectors, services
from .access import get_batch_for_user
from .forms import ImportUploadForm, MessageChoiceForm, NumberSelectForm, ReviewFilterForm
from .models import ImportBatch
from .tasks import import_parse_task

REVIEW_TEMPLATE = "imports/batch_review.html"


@require_http_methods(["GET", "POST"])
@login_required
def import_upload(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Upload SMS and call-log backups; a worker reads them while the page waits."""
    case = get_case_for_user(request.user, case_pk, write=True, path=request.path)
    form = ImportUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if form.is_bound and form.is_valid():
        batch = services.batch_create(
            case=case,
            owner=request.user,
            uploads=form.cleaned_data["files"],
            partial=form.cleaned_data["partial"],
        )
        transaction.on_commit(lambda: import_parse_task.enqueue(batch_id=batch.pk))
        return redirect("imports:batch_review", pk=batch.pk)
    return render(request, "imports/import_upload.html", {"case": case, "form": form})


def _filters(data) -> dict:
    form = ReviewFilterForm(data)
    if not form.is_valid():
        return {"show": selectors.LIKELY, "number": "", "page": None}
    return form.cleaned_data


def _review_url(batch: ImportBatch, filters: dict) -> str:
    query = {key: value for key, value in filters.items() if value}
    url = reverse("imports:batch_review", args=[batch.pk])
    return f"{url}?{urlencode(query)}" if query else url


def _review(request: HtmxHttpRequest, batch: ImportBatch, filters: dict) -> HttpResponse:
    context = {
        "batch": batch,
        "case": batch.case,
        "filters": filters,
        "filter_form": ReviewFilterForm(initial={**filters, "page": None}),
        "review_url": _review_url(batch, filters),
    }
    if batch.is_open:
        context["chosen_count"] = selectors.batch_chosen_count(batch=batch)
        if filters["number"]:
            context["message_page"] = selectors.batch_number_messages(
                batch=batch, number=filters["number"], show=filters["show"], page=filters["page"]
            )
        else:
            context["group_page"] = selectors.batch_number_groups(
                batch=batch, show=filters["show"], page=filters["page"]
            )
    return render_partial_response(request, REVIEW_TEMPLATE, context, target="import-review")


@require_GET
@login_required
def batch_review(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Progress while the backup is read, then the messages grouped by number to check."""
    batch = get_batch_for_user(request.user, pk)
    if request.htmx and request.htmx.target == "import-progress":
        if batch.status != ImportBatch.Status.PARSING:
            return HttpResponseClientRefresh()
        return render(request, f"{REVIEW_TEMPLATE}#import-progress", {"batch": batch})
    return _review(request, batch, _filters(request.GET))


def _after_choice(request: HtmxHttpRequest, batch: ImportBatch) -> HttpResponse:
    filters = _filters(request.POST)
    if request.htmx:
        return _review(request, batch, filters)
    return redirect(_review_url(batch, filters))


@require_POST
@login_required
def batch_select(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Choose or drop everything from one number."""
    batch = get_batch_for_user(request.user, pk)
    form = NumberSelectForm(request.POST)
    if batch.is_open and form.is_valid():
        services.batch_select_number(
            batch=batch, number=form.cleaned_data["sender"], selected=form.cleaned_data["selected"]
        )
    return _after_choice(request, batch)


@require_POST
@login_required
def batch_choose(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Save the ticks on the messages that were on screen."""
    batch = get_batch_for_user(request.user, pk)
    form = MessageChoiceForm(request.POST)
    if batch.is_open and form.is_valid():
        services.batch_set_selection(
            batch=batch, shown=form.cleaned_data["shown"], chosen=form.cleaned_data["chosen"]
        )
    return _after_choice(request, batch)


@require_POST
@login_required
def batch_suggested(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Go back to our suggestion: what looks like debt collection is chosen."""
    batch = get_batch_for_user(request.user, pk)
    if batch.is_open:
        services.batch_select_likely(batch=batch)
    return _after_choice(request, batch)


@require_POST
@login_required
def batch_commit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add every chosen message and call to the case, all at once."""
    batch = get_batch_for_user(request.user, pk)
    try:
        result = services.batch_commit(batch=batch)
    except services.ImportClosed:
        messages.info(request, _("These messages were already added or discarded."))
        return redirect("cases:case_detail", pk=batch.case_id)
    text = ngettext(
        "%(added)s contact was added to your case.",
        "%(added)s contacts were added to your case.",
        result.added,
    ) % {"added": result.added}
    if result.duplicates:
        text += " " + ngettext(
            "%(skipped)s was already in your case, so it was not added again.",
            "%(skipped)s were already in your case, so they were not added again.",
            result.duplicates,
        ) % {"skipped": result.duplicates}
    messages.success(request, text)
    return redirect("cases:case_detail", pk=batch.case_id)


@require_http_methods(["GET", "POST"])
@login_required
def batch_cancel(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Throw the import away (asks first when JavaScript is off)."""
    batch = get_batch_for_user(request.user, pk)
    if request.method == "POST":
        case_pk = batch.case_id
        services.batch_discard(batch=batch)
        messages.info(request, _("The import was cancelled. Nothing from it was kept."))
        return redirect("cases:case_detail", pk=case_pk)
    return render(request, "imports/batch_cancel.html", {"batch": batch, "case": batch.case})
