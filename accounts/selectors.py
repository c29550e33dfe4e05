"""Reads about users and their organisations."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from .models import Membership, TOTPDevice, User


def membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    """The organisations a user belongs to, with their role, by organisation name."""
    return user.memberships.select_related("organisation").order_by("organisation__name")


def twofa_status_for_user(*, user: User) -> TOTPDevice | None:
    """The user's authenticator app with `codes_left` (unused recovery codes), or None. One query."""
    return (
        TOTPDevice.objects.filter(user=user)
        .annotate(
            codes_left=Count(
                "user__recovery_codes", filter=Q(user__recovery_codes__used_at__isnull=True)
            )
        )
        .first()
    )
