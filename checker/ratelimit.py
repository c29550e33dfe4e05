"""A small per-address rate limit kept in Django's cache.

It uses the cache named by settings.CHECKER_RATE_CACHE ("default" unless set). With the
default local-memory cache each server process counts on its own, so with three gunicorn
workers an address gets up to three times the limit; point CACHES at Redis
(SELFHELP_CACHE_REDIS_URL) to count once for all processes. Only a hash of the address is
kept, for at most one window.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

#: scope -> (requests allowed, window in seconds), unless settings.CHECKER_RATE_LIMITS says so.
DEFAULT_LIMITS = {"messages": (30, 600), "loan": (300, 600)}


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as the server (or the trusted proxy) reports it."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limit_exceeded(request: HttpRequest, *, scope: str) -> bool:
    """Count this request against its address; True once the window's allowance is used up."""
    limits = {**DEFAULT_LIMITS, **getattr(settings, "CHECKER_RATE_LIMITS", {})}
    allowed, window = limits[scope]
    cache = caches[getattr(settings, "CHECKER_RATE_CACHE", "default")]
    address = hashlib.sha256((settings.SECRET_KEY + client_address(request)).encode()).hexdigest()[
        :32
    ]
    key = f"checker:rate:{scope}:{address}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > allowed
