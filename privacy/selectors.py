"""Reads for the personal-data page."""

from __future__ import annotations

from .models import PersonalDataExport


def latest_export_for_owner(*, owner) -> PersonalDataExport | None:
    """The owner's newest export, finished or not (with its job)."""
    return (
        PersonalDataExport.objects.filter(owner=owner)
        .select_related("job")
        .order_by("-created_at", "-id")
        .first()
    )
