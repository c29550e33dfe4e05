"""Letter pages: choose a kind, edit with a live preview, keep versions, download PDFs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_case_for_user, may_see_borrower_details
from jobs.services import QuotaExceeded, job_create
from selfhelp.forms import refuse_stale_edit
from selfhelp.htmx import render_partial_response
from selfhelp.versioning import EditConflict
from selfhelp.views import HtmxHttpRequest

from . import services
from .access import get_draft_for_user, get_version_for_user
from .forms import LetterCreateForm, LetterFieldsForm
from .kinds import masked_input
from .models import LetterDraft
from .tasks import letter_finalise_task


def _fields_form(draft: LetterDraft, data=None, *, saving: bool = True) -> LetterFieldsForm:
    loans = [(loan.ref, str(loan)) for loan in draft.case.loans.order_by("id")]
    initial = {**draft.fields, "language": draft.language, "version": draft.version}
    return LetterFieldsForm(data, kind=draft.kind, loans=loans, initial=initial, saving=saving)


def _preview_html(draft: LetterDraft, language: str, fields: dict, *, masked: bool = False) -> str:
    inp = services.letter_input_for_draft(draft, language=language, fields=fields)
    if masked:
        inp = masked_input(inp)
    return services.letter_render_html(kind=draft.kind, inp=inp, fragment=True)


@require_http_methods(["GET", "POST"])
@login_required
def letter_index(request: HtmxHttpRequest, case_id: int) -> HttpResponse:
    """The letter kinds for a case, the findings behind each, and the case's drafts."""
    write = request.method == "POST"
    case = get_case_for_user(
        request.user, case_id, write=write, action="letters", path=request.path
    )
    form = LetterCreateForm(request.POST or None)
    if write and form.is_valid():
        draft = services.letter_draft_create(
            case=case, owner=request.user, kind=form.cleaned_data["kind"],
            language=form.cleaned_data["language"],
        )  # fmt: skip
        return redirect("letters:letter_edit", pk=draft.pk)
    context = services.letter_index_context(case=case, user=request.user)
    return render(request, "letters/letter_index.html", {**context, "case": case, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def letter_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Edit a draft's fields beside the letter as it will print."""
    draft = get_draft_for_user(request.user, pk, write=request.method == "POST", path=request.path)
    form = _fields_form(draft, request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_draft_update(
                draft=draft,
                language=form.cleaned_data["language"],
                fields=form.letter_fields(),
                version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            refuse_stale_edit(form, conflict, _DRAFT_CHANGED)
            status = 409
            draft.refresh_from_db()
        else:
            services.letter_version_save(draft=draft)
            return redirect("letters:letter_edit", pk=draft.pk)
    # A volunteer who has not taken the case sees the borrower's details masked.
    masked = not may_see_borrower_details(request.user, draft.case)
    preview = _preview_html(draft, draft.language, draft.fields, masked=masked)
    is_owner = draft.case.owner_id == request.user.pk
    versions = draft.versions.all()
    return render(request, "letters/letter_edit.html",
                  {"draft": draft, "form": form, "preview": preview, "is_owner": is_owner,
                   "versions": versions, "kind": services.KINDS[draft.kind], "masked": masked,
                   "missing": services.placeholders_in(preview)}, status=status)  # fmt: skip


_DRAFT_CHANGED = gettext_lazy(
    "This letter was saved somewhere else (another tab or device) after you opened this page, "
    "so your changes were not saved. They are still in the form below; the preview shows what "
    "is saved now. Check them and save again to replace the other change."
)


@require_POST
@login_required
def letter_preview(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The letter rendered from the unsaved form: the #letter-preview fragment."""
    draft = get_draft_for_user(request.user, pk, write=True, path=request.path)
    form = _fields_form(draft, request.POST, saving=False)
    if form.is_valid():
        preview = _preview_html(draft, form.cleaned_data["language"], form.letter_fields())
    else:
        preview = _preview_html(draft, draft.language, draft.fields)
    return render_partial_response(
        request, "letters/letter_edit.html",
        {"draft": draft, "form": form, "preview": preview, "is_owner": True,
         "versions": draft.versions.all(), "kind": services.KINDS[draft.kind],
         "missing": services.placeholders_in(preview)},
        target="letter-preview",
    )  # fmt: skip


@require_POST
@login_required
def letter_finalise(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Store the PDF for good. The evidence report renders in the background."""
    draft = get_draft_for_user(request.user, pk, write=True, path=request.path)
    if services.KINDS[draft.kind].background:
        # Reading a long case takes seconds: the task checks what is missing (the edit page
        # already lists it), and a failed job names the items, with a way back to the letter.
        try:
            job = job_create(owner=request.user, kind="letter_finalise", case=draft.case, total=3)
        except QuotaExceeded as exc:
            messages.error(request, str(exc))
            return redirect("letters:letter_edit", pk=draft.pk)
        transaction.on_commit(
            lambda: letter_finalise_task.enqueue(job_id=job.pk, draft_id=draft.pk)
        )
        return redirect("jobs:job_detail", pk=job.pk)
    try:
        services.letter_finalise(draft=draft)
    except services.LetterIncomplete:
        messages.error(request, _("Fill in what is missing before finalising the letter."))
    return redirect("letters:letter_edit", pk=draft.pk)


@require_GET
@login_required
def letter_version_download(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The stored PDF of a finalised version: the approved copy (with its review line) once a
    lawyer approved it. The PDF prints the borrower's details in full, so a volunteer who has
    not taken the case gets a page saying so (403) instead of the file."""
    version = get_version_for_user(request.user, pk, path=request.path)
    if not may_see_borrower_details(request.user, version.draft.case):
        context = {"version": version, "draft": version.draft, "case": version.draft.case}
        return render(request, "letters/letter_version_refused.html", context, status=403)
    stored = version.approved_pdf or version.pdf
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=version.download_name(),
        content_type="application/pdf",
    )
