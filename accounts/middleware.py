"""Session rules that run on every request: idle sessions end, the second factor is owed.

SecondFactorMiddleware keeps a signed-in user who owes a second factor on the
verify or setup page.

Runs after AuthenticationMiddleware (and HtmxMiddleware). A verified session and a
borrower without a device pass with no query (the state lives in the session).
Until then only a short allow-list is reachable: the verify page (or the setup
page for a volunteer who has no authenticator app yet), logging out, static
files, the language switch, the JavaScript catalogue and the quick-exit beacon
(which signs out). Everything else redirects;
an htmx request gets HX-Redirect so the whole page goes, not a fragment.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
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


#: Session key holding when the signed-in user was last seen (seconds since the epoch).
LAST_SEEN_KEY = "selfhelp_last_seen"
#: Record activity at most this often, so browsing does not write the session every request.
ACTIVITY_RESOLUTION_SECONDS = 60


def session_mark_active(*, session) -> None:
    """Record that the session is being used now."""
    session[LAST_SEEN_KEY] = int(time.time())


def session_idle_limit(user) -> int:
    """How long this user's session may stay unused: shorter for staff."""
    if user.is_staff or user.is_superuser:
        return settings.SELFHELP_STAFF_SESSION_IDLE_SECONDS
    return settings.SELFHELP_SESSION_IDLE_SECONDS


class IdleSessionMiddleware:
    """Sign out a session left unused longer than its limit (2 hours; staff 30 minutes).

    Someone who walks away from a shared or seized phone should not leave their
    debts open to the next person. The request then goes on as anonymous, so a
    page that needs a login redirects to it, where a message says why.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > session_idle_limit(user):
                logout(request)
                messages.info(request, _("You were signed out because you were away for a while."))
            elif last_seen is None or now - last_seen >= ACTIVITY_RESOLUTION_SECONDS:
                session_mark_active(session=request.session)
        return self.get_response(request)
