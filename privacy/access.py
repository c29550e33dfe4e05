"""Who may download an export: its owner, and nobody else (staff included)."""

from __future__ import annotations

from django.http import Http404

from .models import PersonalDataExport


def get_export_for_owner(user, pk: int) -> PersonalDataExport:
    """The user's own finished export `pk`; 404 for anyone else and for one still building."""
    export = (
        PersonalDataExport.objects.filter(pk=pk, owner__pk=user.pk)
        .filter(finished_at__isnull=False)
        .exclude(file="")
        .first()
    )
    if export is None:
        raise Http404("No such export.")
    return export
