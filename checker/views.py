"""The public checkers: no login, no cookie, nothing stored, the language from the URL.

The check pages use their own base template (no CSRF token, no session, no user menu), so
no middleware has a reason to set a cookie. A cookie appears only once the borrower chooses
to save the messages to a case.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import cases_owned_by, get_case_for_user
from charts.cost import cost_against_lines
from selfhelp.htmx import render_partial_response
from selfhelp.views import HtmxHttpRequest

from . import services
from .forms import MAX_FEES, LoanCheckForm, MessageCheckForm, SaveForm
from .ratelimit import rate_limit_exceeded
from .services import SAVE_MAX_AGE, save_token_load

LANGUAGES = {"en": "en", "zh-hans": "zh-hans", "zh": "zh-hans"}
SESSION_TOKEN = "checker_save_token"


def public_page(view):
    """Take the language from `?lang=` (zh-Hans by default, never a cookie) and keep the
    answer out of every cache: it holds the borrower's words."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        lang = LANGUAGES.get(request.GET.get("lang", "").lower(), "zh-hans")
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        response = view(request, *args, lang=lang, **kwargs)
        response.headers["Cache-Control"] = "no-store"
        return response

    return wrapper


def _rate_limited(request: HtmxHttpRequest, template: str, lang: str) -> HttpResponse:
    return render_partial_response(
        request, "checker/rate_limited.html", {"lang": lang, "back": template},
        target="check-result", partial="rate-limited", status=429,
    )  # fmt: skip


# The check POST stores and changes nothing, and the clinic widget posts to it from another site.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@public_page
def message_check(request: HtmxHttpRequest, *, lang: str) -> HttpResponse:
    """Paste collectors' messages; see the engine's findings, cited, and where to complain."""
    if request.method == "POST" and rate_limit_exceeded(request, scope="messages"):
        return _rate_limited(request, "checker:message_check", lang)
    form = MessageCheckForm(request.POST or None)
    result = token = None
    if form.is_valid():
        data = form.cleaned_data
        result = services.messages_check(
            messages=data["messages"], recipient=data["recipient"], when=data["time"],
            objected=data["objected"] == "yes", lender_type=data["lender_type"],
        )  # fmt: skip
        token = services.messages_save_token(
            messages=data["messages"], recipient=data["recipient"], when=data["time"],
            objected=data["objected"] == "yes",
        )  # fmt: skip
    context = {"form": form, "result": result, "token": token, "lang": lang}
    return render_partial_response(
        request, "checker/message_check.html", context, target="check-result"
    )


@require_GET
@public_page
def loan_check(request: HtmxHttpRequest, *, lang: str) -> HttpResponse:
    """An offer's true cost against the 24%, 36% and 4×LPR lines, its fees and warnings."""
    bound = "amount" in request.GET
    if bound and rate_limit_exceeded(request, scope="loan"):
        return _rate_limited(request, "checker:loan_check", lang)
    form = LoanCheckForm(request.GET if bound else None)
    result = share = chart = None
    if form.is_valid():
        data = form.cleaned_data
        result = services.loan_offer_check(
            amount=data["amount"], received=data["received"], term=data["term"],
            installment=data["installment"], schedule=data["schedule"], fees=data["fees"],
            lender_type=data["lender_type"], start=data["start"],
        )  # fmt: skip
        share = _share_link(request, lang)
        chart = cost_against_lines(
            effective=result.cost.effective_annual_cost, cap_4x_lpr=result.cost.cap_4x_lpr
        )
    context = {"form": form, "result": result, "share": share, "lang": lang, "chart": chart,
               **_fee_fields(form)}  # fmt: skip
    return render_partial_response(
        request, "checker/loan_check.html", context, target="loan-result"
    )


def _fee_fields(form: LoanCheckForm) -> dict:
    """The fee inputs row by row; the rows after the first stay folded unless filled in."""
    rows = [
        [form[f"fee_name_{n}"], form[f"fee_amount_{n}"], form[f"fee_when_{n}"]]
        for n in range(1, MAX_FEES + 1)
    ]
    return {"fee_rows": rows, "more_fees": any(row[1].value() for row in rows[1:])}


def _share_link(request: HtmxHttpRequest, lang: str) -> str:
    """The page with the offer in the fragment, which browsers never send to a server."""
    inputs = [(k, v) for k, v in request.GET.items() if k != "lang" and v]
    return f"{reverse('checker:loan_check')}?lang={lang}#{urlencode(inputs)}"


# Saving: the first step that may set a cookie, because the borrower asked for it.


@csrf_exempt
@require_POST
@public_page
def save_start(request: HtmxHttpRequest, *, lang: str) -> HttpResponse:
    """Keep the signed messages (valid one hour) in this browser's session through log-in or
    sign-up; nothing becomes a contact until the borrower is logged in and confirms."""
    token = request.POST.get("token", "")
    if save_token_load(token) is None:
        return render(request, "checker/save_expired.html", {"lang": lang}, status=400)
    request.session[SESSION_TOKEN] = token
    if request.user.is_authenticated:
        return redirect("checker:save_choose")
    # A visitor's session lasts no longer than the token: abandoned messages do not linger.
    request.session.set_expiry(SAVE_MAX_AGE)
    return render(
        request, "checker/save_login.html", {"lang": lang, "next": reverse("checker:save_choose")}
    )


@require_http_methods(["GET", "POST"])
@login_required
def save_choose(request: HtmxHttpRequest) -> HttpResponse:
    """Choose a new case or one of your own, then the messages become its contacts."""
    cases = cases_owned_by(request.user).order_by("-updated_at")
    token = request.POST.get("token") or request.session.get(SESSION_TOKEN, "")
    form = SaveForm(request.POST or None, cases=cases, initial={"token": token})
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["case"]
        case = None if choice == "new" else get_case_for_user(request.user, int(choice), write=True)
        case = services.checked_messages_save(
            owner=request.user, case=case, data=form.cleaned_data["token"]
        )
        request.session.pop(SESSION_TOKEN, None)
        request.session.set_expiry(None)  # back to the site's usual session length
        return redirect("cases:case_detail", pk=case.pk)
    pending = save_token_load(token) if token else None
    return render(request, "checker/save_choose.html", {"form": form, "pending": pending})
