"""Time-based one-time passwords (RFC 6238 over RFC 4226), with nothing but the standard library.

SHA-1, 6 digits and a 30-second step: the parameters every authenticator app
(Google Authenticator, Microsoft Authenticator, FreeOTP, 腾讯身份验证器) uses when
the otpauth:// URI names no others. Pure functions: no Django, no clock of
their own, so tests pass the time in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, the length RFC 4226 recommends for HMAC-SHA-1


def random_secret() -> str:
    """A new random 160-bit secret in base32 without padding (32 characters)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def secret_bytes(secret: str) -> bytes:
    """Decode a base32 secret, forgiving spaces, lower case and missing padding."""
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS) -> str:
    """RFC 4226 HOTP: HMAC-SHA-1 of the counter, dynamically truncated."""
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def time_step(at: float) -> int:
    """The RFC 6238 counter T for a Unix time: whole 30-second steps since the epoch."""
    return int(at // STEP_SECONDS)


def totp(secret: str, at: float, *, digits: int = DIGITS) -> str:
    """The code an authenticator app shows at Unix time `at`."""
    return hotp(secret_bytes(secret), time_step(at), digits=digits)


def matching_step(
    secret: str, code: str, at: float, *, window: int = 1, after_step: int = -1
) -> int | None:
    """The time step whose code equals `code`, within ±`window` steps of `at`, or None.

    Steps at or before `after_step` (the last step this device has used) never
    match, so a code cannot be replayed, nor an older one used after a newer one.
    The comparison is constant-time.
    """
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return None
    key = secret_bytes(secret)
    now = time_step(at)
    found = None
    for step in range(now - window, now + window + 1):
        if step > after_step and hmac.compare_digest(hotp(key, step), code):
            found = step
    return found


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The otpauth:// URI that authenticator apps read from the QR code."""
    label = quote(f"{issuer}:{account}", safe="@:")
    query = urlencode(
        {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": 30},
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"


def grouped(secret: str) -> str:
    """The secret in groups of four for typing by hand: 'ABCD EFGH ...'."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
