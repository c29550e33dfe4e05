"""Keep a signed-in user who owes a second factor on the verify or setup page.

Runs after AuthenticationMiddleware (and HtmxMiddleware). A verified session and a
borrower without a device pass with no query (the state lives in the session).
Until then only a short allow-list is reachable: the verify page (or the setup
page for a volunteer who has no authenticator app yet), logging out, static
files, the language switch, the JavaScript catalogue and the quick-exit beacon
(which signs out). Everything else redirects;
an htmx request gets HX-Redirect so the whole page goes, not a fragment.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django_htmx.http import HttpResponseClientRedirect

from .services import PENDING, twofa_has_device, twofa_session_state


def always_allowed_paths() -> set[str]:
    return {
        reverse("accounts:logout"),
        reverse("accounts:quick_exit"),
        reverse("set_language"),
        reverse("javascript_catalog"),
    }


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        if twofa_session_state(session=request.session, user=user) != PENDING:
            return self.get_response(request)
        path = request.path_info
        if path.startswith(settings.STATIC_URL) or path in always_allowed_paths():
            return self.get_response(request)
        target = reverse(
            "accounts:twofa_verify" if twofa_has_device(user=user) else "accounts:twofa_setup"
        )
        if path == target:
            return self.get_response(request)
        return self.redirect(request, target)

    @staticmethod
    def redirect(request: HttpRequest, target: str) -> HttpResponse:
        htmx = getattr(request, "htmx", None)
        if htmx:
            # The fragment's URL is no page to come back to; the page it was on is.
            back = htmx.current_url_abs_path or ""
        else:
            back = request.get_full_path() if request.method == "GET" else ""
        url = f"{target}?{urlencode({'next': back})}" if back else target
        if htmx:
            return HttpResponseClientRedirect(url)
        return HttpResponseRedirect(url)


class NoStoreWhenSignedInMiddleware:
    """Cache-Control: no-store on every response to a signed-in user, so the browser keeps
    no copy of a case page that "back" could show after quick exit or sign-out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        response = self.get_response(request)
        if signed_in:
            patch_cache_control(response, no_store=True, private=True)
        return response
