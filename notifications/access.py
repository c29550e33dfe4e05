"""Who may open a notification: only the user it was made for; anyone else gets a 404."""

from __future__ import annotations

from django.http import Http404

from .models import Notification


def get_notification_for_user(user, pk: int) -> Notification:
    """One of the user's own notifications; 404 for any other (existence never leaks)."""
    notification = Notification.objects.filter(pk=pk, user__pk=user.pk).first()
    if notification is None:
        raise Http404("No such notification.")
    return notification
