"""Who may see and change letters: exactly who may see and change their case.

Each lookup is one query scoped to the cases the user may see, so a letter of
another user's case and a letter that does not exist take the same path to the 404.
"""

from __future__ import annotations

from django.http import Http404

from cases.access import cases_visible_to, check_case_access

from .models import LetterDraft, LetterVersion


def get_draft_for_user(user, pk: int, *, write: bool = False, path: str = "") -> LetterDraft:
    """A draft if the user may see its case; 404 if not, 403 if a reader asks to write."""
    draft = (
        LetterDraft.objects.filter(pk=pk, case__in=cases_visible_to(user))
        .select_related("case__owner")
        .first()
    )
    if draft is None:
        raise Http404("No such letter.")
    action = "letter_write" if write else "letter_view"
    draft.case = check_case_access(user, draft.case, write=write, action=action, path=path)
    return draft


def get_version_for_user(user, pk: int, *, path: str = "") -> LetterVersion:
    """A finalised version if the user may read its case; 404 otherwise."""
    version = (
        LetterVersion.objects.filter(
            pk=pk, finalised_at__isnull=False, draft__case__in=cases_visible_to(user)
        )
        .select_related("draft__case__owner")
        .first()
    )
    if version is None:
        raise Http404("No such letter.")
    check_case_access(user, version.draft.case, action="letter_view", path=path)
    return version
