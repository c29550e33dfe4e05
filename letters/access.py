"""Who may see and change letters: exactly who may see and change their case."""

from __future__ import annotations

from django.http import Http404

from cases.access import get_case_for_user

from .models import LetterDraft, LetterVersion


def get_draft_for_user(user, pk: int, *, write: bool = False, path: str = "") -> LetterDraft:
    """A draft if the user may see its case; 404 if not, 403 if a reader asks to write."""
    draft = LetterDraft.objects.filter(pk=pk).first()
    if draft is None or not user.is_authenticated:
        raise Http404("No such letter.")
    draft.case = get_case_for_user(
        user,
        draft.case_id,
        write=write,
        action="letter_write" if write else "letter_view",
        path=path,
    )
    return draft


def get_version_for_user(user, pk: int, *, path: str = "") -> LetterVersion:
    """A finalised version if the user may read its case; 404 otherwise."""
    version = LetterVersion.objects.filter(pk=pk, finalised_at__isnull=False).first()
    if version is None:
        raise Http404("No such letter.")
    version.draft = get_draft_for_user(user, version.draft_id, path=path)
    return version
