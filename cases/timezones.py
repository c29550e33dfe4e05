"""The time-zone picker: the zones borrowers most often need, by city name, then the rest.

A borrower in mainland China needs 北京 / 上海; one working abroad, or whose relatives
are called abroad, needs a handful of cities. Nobody should scroll through 600 raw
IANA names to find them, so those come last, in their own group.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, available_timezones

from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

#: (IANA name, city as the borrower knows it), Greater China first.
COMMON_ZONES = (
    ("Asia/Shanghai", _("Beijing / Shanghai")),
    ("Asia/Hong_Kong", _("Hong Kong")),
    ("Asia/Macau", _("Macau")),
    ("Asia/Taipei", _("Taipei")),
    ("Asia/Urumqi", _("Ürümqi")),
    ("Asia/Tokyo", _("Tokyo")),
    ("Asia/Seoul", _("Seoul")),
    ("Asia/Singapore", _("Singapore")),
    ("Asia/Kuala_Lumpur", _("Kuala Lumpur")),
    ("Asia/Bangkok", _("Bangkok")),
    ("Asia/Ho_Chi_Minh", _("Ho Chi Minh City")),
    ("Asia/Manila", _("Manila")),
    ("Asia/Jakarta", _("Jakarta")),
    ("Asia/Dubai", _("Dubai")),
    ("Australia/Sydney", _("Sydney")),
    ("Australia/Melbourne", _("Melbourne")),
    ("Pacific/Auckland", _("Auckland")),
    ("Europe/London", _("London")),
    ("Europe/Paris", _("Paris")),
    ("Europe/Berlin", _("Berlin")),
    ("Europe/Moscow", _("Moscow")),
    ("America/New_York", _("New York")),
    ("America/Toronto", _("Toronto")),
    ("America/Chicago", _("Chicago")),
    ("America/Los_Angeles", _("Los Angeles")),
    ("America/Vancouver", _("Vancouver")),
    ("UTC", _("Coordinated Universal Time")),
)

#: The regions of the IANA database's canonical names; "Etc/…", "US/…" and old aliases
#: such as "PRC" are left out of the list (a case that already uses one keeps it).
_REGIONS = (
    "Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/",
    "Indian/", "Pacific/",
)  # fmt: skip


def utc_offset_text(zone: str, at: datetime | None = None) -> str:
    """The zone's offset from UTC at `at` (now by default): "+8", "-4", "+5:30", "±0"."""
    offset = ZoneInfo(zone).utcoffset(at or timezone.now())
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "±0"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}" if rest else f"{sign}{hours}"


def _city_label(zone: str, city) -> str:
    return gettext("%(city)s (UTC%(offset)s)") % {"city": city, "offset": utc_offset_text(zone)}


def timezone_choices(current: str = "") -> list:
    """Grouped choices: the common cities with their offsets now, then every other zone by
    its IANA name. `current` (a case's saved zone) is always offered."""
    common = [(zone, _lazy_city_label(zone, city)) for zone, city in COMMON_ZONES]
    known = {zone for zone, _city in COMMON_ZONES}
    others = sorted(
        zone for zone in available_timezones() if zone.startswith(_REGIONS) and zone not in known
    )
    if current and current not in known and current not in others:
        others = sorted([*others, current])
    return [
        (_("Common time zones"), common),
        (_("Other time zones"), [(zone, zone.replace("_", " ")) for zone in others]),
    ]


_lazy_city_label = lazy(_city_label, str)
