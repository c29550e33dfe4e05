"""Reads about users and their organisations."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import Invitation, Membership, Organisation, TOTPDevice, User


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


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    """The organisation's members with their user, by role then name."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__display_name", "user__email")
    )


def pending_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    """Invitations not yet accepted, revoked or expired, newest first."""
    return Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")
