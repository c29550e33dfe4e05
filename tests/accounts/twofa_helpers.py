"""Helpers for the two-step verification tests."""

import time

from django.http import HttpRequest

from accounts import totp
from accounts.models import TOTPDevice
from accounts.services import totp_device_enrol
from tests.factories import PASSWORD


def enrol(user) -> tuple[str, list[str]]:
    """Give `user` an authenticator app; return its secret and the recovery codes."""
    secret = totp.random_secret()
    codes = totp_device_enrol(user=user, secret=secret, step=0)
    return secret, codes


def code_now(secret: str) -> str:
    return totp.totp(secret, time.time())


def fresh_code(user) -> str:
    """A valid code this device has not used yet (the next step, inside the ±1 window)."""
    device = TOTPDevice.objects.get(user=user)
    now = time.time()
    for at in (now, now + 30):
        if totp.time_step(at) > device.last_used_step:
            return totp.totp(device.secret, at)
    raise AssertionError("no unused code in the window")


def password_login(client, user) -> None:
    """Log in the way a person does (the password), so the session owes a second factor.

    django-axes' backend needs a request to count failures against, hence the empty one."""
    assert client.login(request=HttpRequest(), username=user.email, password=PASSWORD)
