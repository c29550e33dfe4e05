"""Project-wide response headers that depend on who is signed in."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers


class NoStoreWhenSignedInMiddleware:
    """Every response to a signed-in user (pages, fragments, PDFs, evidence) says no-store.

    Case pages, letters and evidence are about someone's debts: no browser cache
    or shared proxy may keep a copy once the person has left the computer.
    Runs after AuthenticationMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than SELFHELP_MAX_REQUEST_BYTES before anything reads it.

    Django would otherwise write every uploaded file to disk before a form could say it
    is too large. The body is drained in small reads (nothing kept), so the browser
    receives the page that says what the limit is instead of a broken connection.
    A proxy in front (nginx's client_max_body_size) should refuse it even earlier.
    """

    CHUNK = 64 * 1024

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.SELFHELP_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= limit:
            return self.get_response(request)
        while request.read(self.CHUNK):
            pass
        return render(
            request,
            "413.html",
            {"limit": filesizeformat(limit), "size": filesizeformat(length)},
            status=413,
        )
