"""How django-axes counts failed logins here: per account and per client address.

axes compares one number with one limit. An account gets few tries
(SELFHELP_LOGIN_FAILURES_PER_ACCOUNT); an address more
(SELFHELP_LOGIN_FAILURES_PER_ADDRESS), because many people may share it behind
a mobile carrier's NAT. The handler turns both counts into that one number.
"""

from __future__ import annotations

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def _ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


#: Stands for a request that carries no valid address (never one from a real WSGI server);
#: it must still be an IP address, as axes stores it in an address column on PostgreSQL.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 (an address to record, not to bind)


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind the proxy (DJANGO_BEHIND_PROXY) the last
    X-Forwarded-For entry, the one the proxy appended (earlier ones the client may forge).
    Anything that is not an IP address counts as no address."""
    if settings.SELFHELP_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = _ip(forwarded.rsplit(",", 1)[-1])
        if last:
            return last
    return _ip(request.META.get("REMOTE_ADDR", "")) or UNKNOWN_ADDRESS


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
