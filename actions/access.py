"""Who may see and record actions: exactly who may see and change the case (cases/access.py).

- The owner reads and writes.
- A volunteer of an organisation the case is shared with reads (logged by cases' rules);
  recording on the borrower's behalf would need a separate "act for me" consent, which the
  sharing does not ask for yet, so volunteers stay read-only.
- Anyone else gets a 404.
"""

from __future__ import annotations

from django.http import Http404

from cases.access import get_case_for_user
from cases.models import Case

from .models import Action, Reminder


def get_case_for_actions(user, pk: int, *, write: bool = False, path: str = "") -> Case:
    """The case if the user may see it; 404 if not, 403 if a reader asks to write."""
    return get_case_for_user(
        user, pk, write=write, action="actions_write" if write else "actions_view", path=path
    )


def get_action_for_user(user, pk: int, *, write: bool = False, path: str = "") -> Action:
    """An action if the user may see its case; 404 if not, 403 if a reader asks to write."""
    action = Action.objects.filter(pk=pk).select_related("loan").first()
    if action is None or not user.is_authenticated:
        raise Http404("No such action.")
    action.case = get_case_for_actions(user, action.case_id, write=write, path=path)
    return action


def get_reminder_for_user(user, pk: int, *, path: str = "") -> Reminder:
    """A reminder of one of the user's own cases (only the owner dismisses reminders)."""
    reminder = Reminder.objects.filter(pk=pk).select_related("action").first()
    if reminder is None or not user.is_authenticated:
        raise Http404("No such reminder.")
    get_case_for_actions(user, reminder.action.case_id, write=True, path=path)
    return reminder
