"""A complaint through the lender's own complaint channel (the first stop)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    ctx["complaint_deadline"] = bool(ctx["routing"].reply_days)
    return ctx


KIND = Kind(
    key="complaint_lender",
    title=_("Complaint to the lender"),
    description=_("A formal complaint to the lender's complaint channel, with a 15-day deadline."),
    build=build,
)
