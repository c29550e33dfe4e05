"""The personal-data page: ask for a copy of everything, download it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from selfhelp.views import HtmxHttpRequest

from .access import get_export_for_owner
from .forms import DataExportForm
from .selectors import latest_export_for_owner
from .services import data_export_start
from .tasks import data_export_task


@login_required
@require_http_methods(["GET", "POST"])
def data_export(request: HtmxHttpRequest) -> HttpResponse:
    """What the copy holds, the latest one, and the button that makes a new one."""
    form = DataExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        export, created = data_export_start(owner=request.user)
        if created:
            transaction.on_commit(
                lambda: data_export_task.enqueue(job_id=export.job_id, export_id=export.pk)
            )
        return redirect("jobs:job_detail", pk=export.job_id)
    latest = latest_export_for_owner(owner=request.user)
    context = {"form": form, "latest": latest, "keep_days": settings.SELFHELP_EXPORT_KEEP_DAYS}
    return render(request, "privacy/data_export.html", context)


@login_required
@require_GET
def data_export_download(request: HtmxHttpRequest, pk: int) -> FileResponse:
    """The zip, to its owner only; never kept by a browser or proxy cache."""
    export = get_export_for_owner(request.user, pk)
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"personal-data-{export.finished_at:%Y%m%d}.zip",
        content_type="application/zip",
    )
    add_never_cache_headers(response)
    return response
