"""One view, two outputs: the full page, or only the fragment htmx asked for."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_partial_response(
    request: HttpRequest,
    template_name: str,
    context: dict | None = None,
    *,
    target: str,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render `template#partial` when htmx targets `#target`, else the whole page.

    History-restore requests always get the full page.
    """
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request and htmx.target == target:
        template_name = f"{template_name}#{partial or target}"
    response = render(request, template_name, context, status=status)
    response.headers["Vary"] = "HX-Request, HX-Target"
    return response
