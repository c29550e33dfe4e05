"""How django-axes counts failed logins here: per account and per client address.

axes compares one number with one limit. An account gets few tries
(SELFHELP_LOGIN_FAILURES_PER_ACCOUNT); an address more
(SELFHELP_LOGIN_FAILURES_PER_ADDRESS), because many people may share it behind
a mobile carrier's NAT. The handler turns both counts into that one number.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind the proxy (DJANGO_BEHIND_PROXY) the last
    X-Forwarded-For entry, the one the proxy appended (earlier ones the client may forge)."""
    if settings.SELFHELP_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def login_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The account a login names, as accounts store it (trimmed, lower case), so that
    "Someone@Example.com" and "someone@example.com" count as one account."""
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = request.POST.get("username")
    if value is None:
        return None
    return str(value).strip().lower()[:255] or None


class LoginThrottleHandler(AxesDatabaseHandler):
    """axes' database handler with separate limits for the account and the address."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        """axes' failure count: the account's failures, or the limit once either the account
        or the address reached its own limit (failures within the cool-off only)."""
        # One queryset per AXES_LOCKOUT_PARAMETERS entry: ["username", "ip_address"].
        by_account, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if (
            by_account >= settings.SELFHELP_LOGIN_FAILURES_PER_ACCOUNT
            or by_address >= settings.SELFHELP_LOGIN_FAILURES_PER_ADDRESS
        ):
            return settings.AXES_FAILURE_LIMIT
        return min(by_account, settings.AXES_FAILURE_LIMIT - 1)
