"""What the import commands share: the case, who acts, and how that is recorded.

The commands are trusted server tools, but they still act for one person: the
case's owner, or a staff user named with --owner. Anyone else is refused, and an
import made by someone other than the owner is written to the case's access log,
which the borrower sees.
"""

from __future__ import annotations

import getpass

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from cases.models import AccessLog, Case


def case_or_error(case_id: int) -> Case:
    """The case, or a CommandError that names the missing id."""
    case = Case.objects.select_related("owner").filter(pk=case_id).first()
    if case is None:
        raise CommandError(f"No case has the id {case_id}.")
    return case


def acting_user(case: Case, email: str | None):
    """The user named by --owner (default: the case's owner); only the owner or staff may act."""
    if not email:
        return case.owner
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        raise CommandError(f"No user has the email address {email}.")
    if user.pk != case.owner_id and not user.is_staff:
        raise CommandError(f"{email} is neither the owner of case {case.pk} nor a staff user.")
    return user


def ran_by_label(user, command: str) -> str:
    """Who ran a command: the account it acted as and the server login that started it."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "?"
    return f"{command} as {user.email} (server user {login})"[:200]


def log_if_not_owner(case: Case, user, command: str) -> None:
    """Staff acting on someone's case leave a line in the access log the borrower reads."""
    if user.pk != case.owner_id:
        AccessLog.objects.create(case=case, user=user, action=f"{command} (server command)"[:100])
