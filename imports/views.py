"""Import a phone backup: upload, watch it being read, check the messages, add them."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from cases.access import get_case_for_user
from jobs.services import QuotaExceeded
from selfhelp.htmx import render_partial_response
from selfhelp.views import HtmxHttpRequest

from . import screenshots, selectors, services
from .access import get_batch_for_user, get_staged_message
from .forms import (
    ImportUploadForm,
    MessageChoiceForm,
    NumberSelectForm,
    ReviewFilterForm,
    ScreenshotUploadForm,
    StagedCorrectionForm,
)
from .models import ImportBatch
from .tasks import import_parse_task, screenshots_read_task

logger = logging.getLogger(__name__)

REVIEW_TEMPLATE = "imports/batch_review.html"
SCREENSHOT_REVIEW_TEMPLATE = "imports/screenshot_review.html"


@require_http_methods(["GET", "POST"])
@login_required
def import_upload(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Upload SMS and call-log backups; a worker reads them while the page waits."""
    case = get_case_for_user(request.user, case_pk, write=True, path=request.path)
    form = ImportUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if form.is_bound and form.is_valid():
        try:
            batch = services.batch_create(
                case=case,
                owner=request.user,
                uploads=form.cleaned_data["files"],
                partial=form.cleaned_data["partial"],
            )
        except QuotaExceeded as exc:
            form.add_error(None, str(exc))
        else:
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
    if batch.source == ImportBatch.Source.SCREENSHOTS and batch.is_open:
        return _screenshot_review(request, batch)
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
    commit = (
        screenshots.screenshots_commit
        if batch.source == ImportBatch.Source.SCREENSHOTS
        else services.batch_commit
    )
    try:
        result = commit(batch=batch)
    except services.ImportClosed:
        messages.info(request, _("These messages were already added or discarded."))
        return redirect("cases:case_detail", pk=batch.case_id)
    except Exception:  # all or nothing: nothing was added and the choices are still there
        logger.exception("Import batch %s could not be added to its case", batch.pk)
        messages.error(
            request,
            _(
                "Something went wrong while adding these messages, so none of them was added. "
                "Your choices are kept: try again."
            ),
        )
        return redirect("imports:batch_review", pk=batch.pk)
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


# Screenshots


@require_http_methods(["GET", "POST"])
@login_required
def screenshot_upload(request: HtmxHttpRequest, case_pk: int) -> HttpResponse:
    """Upload screenshots of messages, chats or the call log; a worker reads them."""
    case = get_case_for_user(request.user, case_pk, write=True, path=request.path)
    form = ScreenshotUploadForm(
        *((request.POST, request.FILES) if request.method == "POST" else ())
    )
    if form.is_bound and form.is_valid():
        uploads = [
            screenshots.Upload(name=f.name or "", data=f.read()) for f in form.cleaned_data["files"]
        ]
        try:
            batch = screenshots.screenshots_batch_create(
                case=case,
                owner=request.user,
                uploads=uploads,
                taken_on=form.cleaned_data["taken_on"],
            )
        except screenshots.ScreenshotRejected as exc:
            form.add_error("files", str(exc))
        except QuotaExceeded as exc:
            form.add_error(None, str(exc))
        else:
            transaction.on_commit(lambda: screenshots_read_task.enqueue(batch_id=batch.pk))
            return redirect("imports:batch_review", pk=batch.pk)
    return render(request, "imports/screenshot_upload.html", {"case": case, "form": form})


def _correction_form(message, data=None) -> StagedCorrectionForm:
    initial = {
        "sender": message.number or message.contact_name,
        "occurred_at": timezone.localtime(message.occurred_at),
        "direction": message.direction,
        "body": message.body,
        "selected": message.selected,
    }
    # Fresh field ids on every render: htmx copies the style attribute of elements whose
    # id matches the swapped-out ones, and browsers (autofill) leave an empty style on
    # inputs, which the CSP then refuses.
    return StagedCorrectionForm(
        data, initial=initial, prefix=f"m{message.pk}", auto_id=f"id_%s_{get_random_string(6)}"
    )


def _screenshot_review(request: HtmxHttpRequest, batch: ImportBatch) -> HttpResponse:
    items = [
        (message, _correction_form(message))
        for message in selectors.batch_screenshot_messages(batch=batch)
    ]
    context = {
        "batch": batch,
        "case": batch.case,
        "items": items,
        "chosen_count": selectors.batch_chosen_count(batch=batch),
    }
    return render(request, SCREENSHOT_REVIEW_TEMPLATE, context)


@require_POST
@login_required
def staged_correct(request: HtmxHttpRequest, pk: int, message_pk: int) -> HttpResponse:
    """Save the borrower's correction of one message read from a screenshot."""
    batch = get_batch_for_user(request.user, pk)
    message = get_staged_message(batch, message_pk)
    form = _correction_form(message, request.POST)
    if batch.is_open and form.is_valid():
        message = screenshots.staged_message_correct(
            message=message, correction=form.cleaned_data["correction"]
        )
        form = _correction_form(message)
        if not request.htmx:
            return redirect(reverse("imports:batch_review", args=[batch.pk]) + f"#m{message.pk}")
    context = {
        "batch": batch,
        "message": message,
        "form": form,
        "chosen_count": selectors.batch_chosen_count(batch=batch),
    }
    if request.htmx:
        return render(request, f"{SCREENSHOT_REVIEW_TEMPLATE}#staged-message", context)
    return _screenshot_review(request, batch)


@require_GET
@login_required
def staged_crop(request: HtmxHttpRequest, pk: int, message_pk: int) -> HttpResponse:
    """The part of the screenshot one message was read from; private, never cached by others."""
    batch = get_batch_for_user(request.user, pk)
    message = get_staged_message(batch, message_pk)
    if message.screenshot_id is None:
        raise Http404("No screenshot for this message.")
    response = HttpResponse(screenshots.screenshot_crop(message=message), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
