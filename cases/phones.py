"""Phone numbers as people type them, and as the app shows them.

The same collector's number arrives as "171 0000 1111", "171-0000-1111",
"＋86 17100001111" or full-width "１７１００００１１１１". Stored in one compact form,
it is one caller; shown grouped, it is easy to read back on the phone.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―.·()（）/]+")
_NUMBER = re.compile(r"\+?\d+")
#: Two-digit area codes after the trunk 0: Beijing (010) and 02x (Shanghai, Guangzhou…).
_SHORT_AREA = re.compile(r"^0(10|2\d)")


def phone_normalize(raw: str) -> str:
    """The compact form of a typed number: ASCII digits, no separators, no +86.

    Text that is not a number ("隐藏号码", "95188转1") is kept as typed, trimmed, so
    nothing the borrower wrote is lost.
    """
    text = unicodedata.normalize("NFKC", raw or "").strip()
    compact = _SEPARATORS.sub("", text)
    if not _NUMBER.fullmatch(compact):
        return text
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            return compact[len(prefix) :]
    if compact.startswith("86") and len(compact) == 13 and compact[2] == "1":
        return compact[2:]
    return compact


def phone_display(number: str) -> str:
    """A stored number grouped for reading: 171 0000 1111, 020 6666 8888, 0571 8888 8888."""
    if not number.isdigit():
        return number
    if len(number) == 11 and number.startswith("1"):
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if number.startswith("0") and 10 <= len(number) <= 12:
        area = 3 if _SHORT_AREA.match(number) else 4
        rest = number[area:]
        split = len(rest) - 4
        return f"{number[:area]} {rest[:split]} {rest[split:]}"
    return number
