"""Who may see and record actions, on top of cases' access rules (cases/access.py).

- The owner reads and writes.
- A member of an organisation the case is shared with reads (logged by cases' rules), and
  records actions, answers and outcomes on the borrower's behalf only while the borrower's
  separate "act for me" consent for that share stands. Each row keeps who recorded it.
- Letters and reminders stay the owner's: a volunteer cannot start a letter or dismiss one.
- Anyone else gets a 404; a reader asking to write gets a 403. Rows are looked up in one
  query scoped to the cases the user may see, so another user's row and a missing one
  cost the same before the 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from cases.access import cases_visible_to, check_case_access, get_case_for_user
from cases.models import Case, active_share_q

from .models import ActForMe, Action, Reminder


def may_act_for_owner(user, case: Case) -> bool:
    """Whether `user` belongs to an organisation holding an active share of the case (not
    revoked, not expired) with the borrower's "act for me" consent, given on the sharing
    form or the sharing panel (review)."""
    return ActForMe.objects.filter(
        active_share_q("share__"),
        share__case=case,
        share__organisation__memberships__user=user,
    ).exists()


def may_record(user, case: Case) -> bool:
    """Whether `user` may record actions on this case (the owner, or an authorised helper)."""
    return case.owner_id == user.pk or may_act_for_owner(user, case)


def get_case_for_actions(user, pk: int, *, write: bool = False, path: str = "") -> Case:
    """The case if the user may see it; 404 if not; 403 on a write by a reader who has no
    "act for me" consent."""
    action = "actions_write" if write else "actions_view"
    case = get_case_for_user(user, pk, action=action, path=path)
    if write and not may_record(user, case):
        raise PermissionDenied("Only the borrower, or a helper they authorised, may record this.")
    return case


def get_action_for_user(user, pk: int, *, write: bool = False, path: str = "") -> Action:
    """An action if the user may see its case; 404 if not, 403 if a reader asks to write."""
    action = (
        Action.objects.filter(pk=pk, case__in=cases_visible_to(user))
        .select_related("loan", "case__owner")
        .first()
    )
    if action is None:
        raise Http404("No such action.")
    verb = "actions_write" if write else "actions_view"
    action.case = check_case_access(user, action.case, action=verb, path=path)
    if write and not may_record(user, action.case):
        raise PermissionDenied("Only the borrower, or a helper they authorised, may record this.")
    return action


def get_case_for_owner(user, pk: int, *, path: str = "") -> Case:
    """The case for what only the borrower does here: letters, reminders; 403 for readers."""
    return get_case_for_user(user, pk, write=True, action="actions_owner", path=path)


def get_reminder_for_user(user, pk: int, *, path: str = "") -> Reminder:
    """A reminder of one of the user's own cases (only the owner dismisses reminders)."""
    reminder = (
        Reminder.objects.filter(pk=pk, action__case__in=cases_visible_to(user))
        .select_related("action__case__owner")
        .first()
    )
    if reminder is None:
        raise Http404("No such reminder.")
    check_case_access(user, reminder.action.case, write=True, action="actions_owner", path=path)
    return reminder
