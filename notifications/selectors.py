"""Reads of notifications, always scoped to the signed-in user."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Notification

#: The list shows this many; older ones are kept but not listed.
LIST_LIMIT = 50


def user_notifications(*, user) -> QuerySet[Notification]:
    """The user's latest notifications, newest first, with the organisation that acted."""
    return Notification.objects.filter(user=user).select_related("organisation")[:LIST_LIMIT]


def unread_count(*, user) -> int:
    """How many of the user's notifications are unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
