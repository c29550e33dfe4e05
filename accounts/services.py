"""Writes for users: sign-up and profile changes."""

from __future__ import annotations

from selfhelp.deletion import delete_with_files

from .models import User


def user_signup(*, email: str, password: str, display_name: str = "") -> User:
    """Create a borrower account. The caller has already validated the password."""
    user = User(email=email.strip().lower(), display_name=display_name.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


def user_update_profile(*, user: User, display_name: str) -> User:
    """Change what the user is called in the app."""
    user.display_name = display_name.strip()
    user.full_clean()
    user.save(update_fields=["display_name"])
    return user


def user_delete(*, user: User) -> None:
    """Delete the account and everything it owns: cases, evidence files, letters, jobs.

    Files in private storage go once the transaction commits (selfhelp.deletion).
    """
    delete_with_files(user)
