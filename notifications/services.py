"""Writes of notifications: tell users in the app and by email, and mark what they read.

Other apps' services call notify() after their own writes; nothing here is a signal.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Notification


def _email(*, to: str) -> None:
    """The same plain email for every notification: no word of what it is about (a shared
    inbox, a lock screen), just that there is something to read, and where."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"link": settings.SITE_URL + reverse("notifications:notification_list")}
        subject = render_to_string("notifications/email/subject.txt", context)
        body = render_to_string("notifications/email/body.txt", context)
    send_mail("".join(subject.splitlines()), body, None, [to])


def notify(
    *, users: Iterable, kind: str, url: str, organisation=None, case=None, exclude=None
) -> list[Notification]:
    """Tell each user (once, however often they are listed) in the app, and by email once
    the caller's transaction commits, so a write that rolls back sends nothing.

    `exclude` is the user who acted: nobody is told about what they did themselves.
    """
    seen: set[int] = set()
    made = []
    for user in users:
        if user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        notification = Notification(
            user=user, kind=kind, url=url, organisation=organisation, case=case
        )
        notification.full_clean()
        made.append(notification)
    Notification.objects.bulk_create(made)
    for notification in made:
        email = notification.user.email
        if email:
            transaction.on_commit(lambda to=email: _email(to=to))
    return made


def notification_open(*, notification: Notification) -> Notification:
    """Mark one notification read (the user is following its link)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of the user read; returns how many."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
