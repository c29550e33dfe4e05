"""The three contact charts as SVG strings (see charts/__init__.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from zoneinfo import ZoneInfo

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from rules import domain

WIDTH = 640
NIGHT_HOURS = frozenset({22, 23, 0, 1, 2, 3, 4, 5, 6, 7})
INK = "#1c1f24"
MUTED = "#4a5260"
LINE = "#cfd5de"
BAR = "#0b5cad"
NIGHT_BG = "#fde8e7"
NIGHT_INK = "#b3261e"
#: The print CSS's one face, so a PDF embeds no second CJK font for the chart labels.
FONT = "AR PL UMing CN"


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG chart and its text alternative.

    `svg` is complete markup built only from escaped text, so templates may
    output it as is (`__html__`); `summary` is plain text for alt text.
    """

    svg: str
    summary: str
    title: str

    def __html__(self) -> str:
        return self.svg

    def __str__(self) -> str:
        # Django's templates call str() before escaping; the markup is already safe.
        return mark_safe(self.svg)  # noqa: S308


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(*, title: str, summary: str, height: int, body: list[str], ident: str) -> Chart:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" font-family="{FONT}" '
        f'aria-labelledby="{ident}-t {ident}-d">'
        f'<title id="{ident}-t">{_e(title)}</title><desc id="{ident}-d">{_e(summary)}</desc>'
        + "".join(body)
        + "</svg>"
    )
    return Chart(svg=svg, summary=summary, title=title)


def _text(x: float, y: float, text: object, *, size: int = 11, anchor: str = "start",
          fill: str = MUTED, weight: str = "normal") -> str:  # fmt: skip
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}"{bold}>{_e(text)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}"{extra}/>'


def _local_dates(contacts: Iterable[domain.Contact], tz: ZoneInfo) -> list:
    return [c.occurred_at.astimezone(tz) for c in contacts]


def contacts_per_day(contacts: Iterable[domain.Contact], tz: str | ZoneInfo) -> Chart:
    """A bar per calendar day (in the case's time zone) from the first to the last contact."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    times = _local_dates(contacts, zone)
    title = _("Contacts per day")
    height = 220
    if not times:
        summary = _("No contacts recorded.")
        return _svg(title=title, summary=summary, height=60, ident="cpd",
                    body=[_text(8, 34, summary)])  # fmt: skip
    per_day = Counter(t.date() for t in times)
    first, last = min(per_day), max(per_day)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    peak_day, peak = max(per_day.items(), key=lambda item: (item[1], -item[0].toordinal()))
    left, right, top, bottom = 36, 8, 12, 40
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    step = plot_w / len(days)
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{WIDTH - right}" y2="{top + plot_h}" stroke="{LINE}"/>',
        _text(left - 4, top + 8, peak, anchor="end"),
        _text(left - 4, top + plot_h, 0, anchor="end"),
    ]
    for i, day in enumerate(days):
        count = per_day.get(day, 0)
        if count:
            h = plot_h * count / peak
            body.append(
                _rect(left + i * step + step * 0.1, top + plot_h - h, max(step * 0.8, 0.6), h, BAR)
            )
    label_every = max(1, round(len(days) / 6))
    for i in range(0, len(days), label_every):
        body.append(_text(left + i * step + step / 2, height - 22, days[i].strftime("%m-%d"), anchor="middle", size=10))  # fmt: skip
    body.append(_text(left, height - 6, _("Busiest day: %(day)s, %(count)s contacts") % {"day": peak_day.isoformat(), "count": peak}, size=10))  # fmt: skip
    summary = _(
        "%(total)s contacts over %(days)s days, from %(first)s to %(last)s. "
        "Busiest day: %(peak_day)s with %(peak)s contacts."
    ) % {
        "total": len(times),
        "days": len(days),
        "first": first.isoformat(),
        "last": last.isoformat(),
        "peak_day": peak_day.isoformat(),
        "peak": peak,
    }
    return _svg(title=title, summary=summary, height=height, body=body, ident="cpd")


def _weekday_names() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def hour_weekday_grid(contacts: Iterable[domain.Contact], tz: str | ZoneInfo) -> Chart:
    """7 weekdays x 24 hours; darker cells hold more contacts, night hours are shaded red."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    times = _local_dates(contacts, zone)
    cells = Counter((t.weekday(), t.hour) for t in times)
    night = sum(1 for t in times if t.hour in NIGHT_HOURS)
    peak = max(cells.values(), default=0)
    left, top, cell_w, cell_h = 40, 22, (WIDTH - 48) / 24, 22
    height = top + 7 * cell_h + 40
    title = _("Contacts by hour and weekday")
    body = []
    for hour in range(24):
        x = left + hour * cell_w
        if hour in NIGHT_HOURS:
            body.append(_rect(x, top, cell_w, 7 * cell_h, NIGHT_BG))
        if hour % 3 == 0:
            body.append(_text(x + cell_w / 2, top - 6, f"{hour:02d}", anchor="middle", size=10))
    for day, name in enumerate(_weekday_names()):
        y = top + day * cell_h
        body.append(_text(left - 6, y + cell_h * 0.68, name, anchor="end", size=10))
        for hour in range(24):
            count = cells.get((day, hour), 0)
            x = left + hour * cell_w
            body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, "none", f' stroke="{LINE}" stroke-width="0.5"'))  # fmt: skip
            if count:
                shade = 0.25 + 0.75 * count / peak
                body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, NIGHT_INK if hour in NIGHT_HOURS else BAR, f' fill-opacity="{shade:.2f}"'))  # fmt: skip
    legend_y = top + 7 * cell_h + 18
    body.append(
        _rect(left, legend_y - 10, 14, 12, NIGHT_BG, f' stroke="{NIGHT_INK}" stroke-width="0.5"')
    )
    body.append(_text(left + 20, legend_y, _("Shaded: night hours 22:00–08:00 (%(count)s contacts)") % {"count": night}, size=10, fill=NIGHT_INK))  # fmt: skip
    if peak:
        # One legend instead of a number in every cell: text per cell is slow to lay out in a PDF.
        body.append(_rect(WIDTH - 190, legend_y - 10, 14, 12, BAR))
        body.append(_text(WIDTH - 170, legend_y, _("Darkest cell: %(count)s contacts") % {"count": peak}, size=10))  # fmt: skip
    summary = _(
        "%(total)s contacts; %(night)s of them at night (22:00–08:00). Busiest hour: %(hour)s."
    ) % {
        "total": len(times),
        "night": night,
        "hour": (f"{Counter(t.hour for t in times).most_common(1)[0][0]:02d}:00" if times else "–"),
    }
    return _svg(title=title, summary=summary, height=int(height), body=body, ident="hwg")


def targets_breakdown(
    contacts: Iterable[domain.Contact], labels: Mapping[str, str] | None = None
) -> Chart:
    """A horizontal bar per kind of person contacted (borrower, family, employer…)."""
    names = labels or {value: str(label) for value, label in domain.TARGET_CHOICES}
    order = [value for value, _label in domain.TARGET_CHOICES]
    counts = Counter(c.target for c in contacts)
    rows = sorted(counts.items(), key=lambda item: (order.index(item[0]) if item[0] in order else 99, item[0]))  # fmt: skip
    title = _("Who was contacted")
    if not rows:
        summary = _("No contacts recorded.")
        return _svg(title=title, summary=summary, height=60, ident="tgt", body=[_text(8, 34, summary)])  # fmt: skip
    peak = max(counts.values())
    row_h, left, top = 26, 200, 6
    height = top + row_h * len(rows) + 6
    bar_w = WIDTH - left - 60
    body = []
    parts = []
    for i, (target, count) in enumerate(rows):
        y = top + i * row_h
        label = names.get(target, target)
        colour = BAR if target in domain.DEBTOR_SIDE_TARGETS else NIGHT_INK
        body.append(_text(left - 8, y + 17, label, anchor="end", size=12, fill=INK))
        w = max(bar_w * count / peak, 2)
        body.append(_rect(left, y + 4, w, row_h - 8, colour))
        body.append(_text(left + w + 6, y + 17, count, size=12, fill=INK))
        parts.append(f"{label}: {count}")
    third = sum(n for t, n in counts.items() if t not in domain.DEBTOR_SIDE_TARGETS)
    summary = "; ".join(parts) + ". " + _("Third parties: %(count)s contacts.") % {"count": third}
    return _svg(title=title, summary=summary, height=height, body=body, ident="tgt")
