"""The notifications page: the list, open one (marks it read), mark all read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from selfhelp.views import HtmxHttpRequest

from . import selectors, services
from .access import get_notification_for_user


@require_GET
@login_required
def notification_list(request: HtmxHttpRequest) -> HttpResponse:
    """The user's notifications, newest first; unread ones stand out."""
    notifications = selectors.user_notifications(user=request.user)
    return render(request, "notifications/notification_list.html", {"notifications": notifications})


@require_POST
@login_required
def notification_open(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Mark the notification read and go to the page it is about."""
    notification = get_notification_for_user(request.user, pk)
    services.notification_open(notification=notification)
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "notifications:notification_list"
    return redirect(target)


@require_POST
@login_required
def notifications_read(request: HtmxHttpRequest) -> HttpResponse:
    """Mark every notification read."""
    services.notifications_mark_all_read(user=request.user)
    return redirect("notifications:notification_list")
