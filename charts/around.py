"""Contacts per day around an action, with a marker on the action's day (SVG, pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from rules import domain

from .svg import (
    BAR,
    INK,
    LINE,
    NIGHT_INK,
    SMALL,
    WIDTH,
    Chart,
    _rect,
    _svg,
    _text,
    date_axis_texts,
    fit_text,
)


def contacts_around(
    contacts: Iterable[domain.Contact],
    tz: str | ZoneInfo,
    *,
    on: date,
    days: int = 14,
    label: str = "",
    ident: str = "around",
) -> Chart:
    """A bar per day from `days` before to `days` after `on`, the action's day marked."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    first = on - timedelta(days=days)
    span = [first + timedelta(days=i) for i in range(2 * days + 1)]
    per_day = Counter(
        day for c in contacts if first <= (day := c.occurred_at.astimezone(zone).date()) <= span[-1]
    )
    before = sum(n for d, n in per_day.items() if d < on)
    after = sum(n for d, n in per_day.items() if d > on)
    title = _("Contacts per day around %(date)s") % {"date": on.isoformat()}
    summary = _(
        "%(before)s contacts in the %(days)s days before %(date)s, %(after)s in the %(days)s "
        "days after."
    ) % {"before": before, "after": after, "days": days, "date": on.isoformat()}
    height, left, right, top, bottom = 200, 36, 8, 26, 46
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    step = plot_w / len(span)
    peak = max(per_day.values(), default=0) or 1
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{WIDTH - right}" y2="{top + plot_h}" stroke="{LINE}"/>',
        _text(left - 4, top + 10, peak, anchor="end"),
        _text(left - 4, top + plot_h, 0, anchor="end"),
    ]
    for i, day in enumerate(span):
        count = per_day.get(day, 0)
        if count:
            h = plot_h * count / peak
            body.append(_rect(left + i * step + step * 0.15, top + plot_h - h, step * 0.7, h, BAR))
    x = left + days * step + step / 2
    body.append(
        f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{top + plot_h}" '
        f'stroke="{NIGHT_INK}" stroke-width="2" stroke-dasharray="4 3"/>'
    )
    marker = fit_text(label or on.isoformat(), SMALL, 2 * min(x, WIDTH - x) - 4)
    body.append(_text(x, top - 10, marker, anchor="middle", fill=NIGHT_INK))
    # The date axis: the first day, the action's day and the last day, the year as on the
    # other charts (on the first label, and on any in a new year).
    first_text, on_text, last_text = date_axis_texts([first, on, span[-1]])
    axis_y = height - 26
    body.append(_text(left, axis_y, first_text))
    body.append(_text(x, axis_y, on_text, anchor="middle"))
    body.append(_text(WIDTH - right, axis_y, last_text, anchor="end"))
    totals = _("%(days)s days before: %(before)s · after: %(after)s") % {
        "days": days, "before": before, "after": after,
    }  # fmt: skip
    body.append(_text(0, height - 4, totals, fill=INK))
    return _svg(title=title, summary=summary, height=height, body=body, ident=ident)
