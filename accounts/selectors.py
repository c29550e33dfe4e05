"""Reads about users and their organisations."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Membership, User


def membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    """The organisations a user belongs to, with their role, by organisation name."""
    return user.memberships.select_related("organisation").order_by("organisation__name")
