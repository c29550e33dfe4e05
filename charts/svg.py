"""The three contact charts as SVG strings (see charts/__init__.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from zoneinfo import ZoneInfo

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from rules import domain

#: Drawn for a 360 px phone: one unit is about one CSS pixel there, so SMALL text
#: (13 units) shows at 11 px or more even inside the page's padding (about 318 px).
WIDTH = 360
SMALL = 13
TITLE = 15
TITLE_BAND = 26
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
    """The chart with its title drawn on top (so the PDF shows it too) above `body`."""
    height += TITLE_BAND
    heading = _text(0, TITLE + 1, title, size=TITLE, fill=INK, weight="bold")
    body = [heading, f'<g transform="translate(0 {TITLE_BAND})">', *body, "</g>"]
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


def _text(x: float, y: float, text: object, *, size: int = SMALL, anchor: str = "start",
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
    left, right, top, bottom = 30, 8, 10, 46
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    step = plot_w / len(days)
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{WIDTH - right}" y2="{top + plot_h}" stroke="{LINE}"/>',
        _text(left - 4, top + 10, peak, anchor="end"),
        _text(left - 4, top + plot_h, 0, anchor="end"),
    ]
    for i, day in enumerate(days):
        count = per_day.get(day, 0)
        if count:
            h = plot_h * count / peak
            body.append(
                _rect(left + i * step + step * 0.1, top + plot_h - h, max(step * 0.8, 0.6), h, BAR)
            )
    body += _date_labels(days, left=left, step=step, y=height - 28)
    body.append(_text(0, height - 6, _("Busiest day: %(day)s, %(count)s contacts") % {"day": peak_day.isoformat(), "count": peak}))  # fmt: skip
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


def date_axis_texts(days: Sequence[date]) -> list[str]:
    """Labels for dates along an axis, left to right: the first, and any in a new year,
    carry the year (2025-12-30, 12-31, 2026-01-02); the others only month and day."""
    texts, year = [], None
    for day in days:
        texts.append(day.strftime("%Y-%m-%d") if day.year != year else day.strftime("%m-%d"))
        year = day.year
    return texts


def text_width(text: object, size: float) -> float:
    """About how wide `text` draws at `size`: a CJK character one em, anything else 0.6 em
    (the chart face's digits and Latin letters are narrower than that; this errs wide)."""
    return sum(1.0 if ord(char) >= 0x2E80 else 0.6 for char in str(text)) * size


def fit_text(text: str, size: float, width: float) -> str:
    """`text` cut (with …) so that it draws no wider than `width`."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def _date_labels(days: list, *, left: float, step: float, y: float) -> list[str]:
    """At most four date labels under the bars; the first, and any in a new year, carry the year."""
    every = max(1, -(-len(days) // 4))
    indices = range(0, len(days), every)
    labels = []
    for i, text in zip(indices, date_axis_texts([days[i] for i in indices]), strict=True):
        anchor = "start" if i == 0 else "middle"
        x = left if i == 0 else left + i * step + step / 2
        labels.append(_text(x, y, text, anchor=anchor))
    return labels


def _weekday_names() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def hour_weekday_grid(contacts: Iterable[domain.Contact], tz: str | ZoneInfo) -> Chart:
    """7 weekdays x 24 hours; darker cells hold more contacts, night hours are shaded red."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    times = _local_dates(contacts, zone)
    cells = Counter((t.weekday(), t.hour) for t in times)
    night = sum(1 for t in times if t.hour in NIGHT_HOURS)
    peak = max(cells.values(), default=0)
    left, top, cell_w, cell_h = 40, 20, (WIDTH - 46) / 24, 20
    height = top + 7 * cell_h + 48
    title = _("Contacts by hour and weekday")
    body = []
    for hour in range(24):
        x = left + hour * cell_w
        if hour in NIGHT_HOURS:
            body.append(_rect(x, top, cell_w, 7 * cell_h, NIGHT_BG))
        if hour % 3 == 0:
            body.append(_text(x + cell_w / 2, top - 6, f"{hour:02d}", anchor="middle"))
    for day, name in enumerate(_weekday_names()):
        y = top + day * cell_h
        body.append(_text(left - 6, y + cell_h * 0.7, name, anchor="end"))
        for hour in range(24):
            count = cells.get((day, hour), 0)
            x = left + hour * cell_w
            body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, "none", f' stroke="{LINE}" stroke-width="0.5"'))  # fmt: skip
            if count:
                shade = 0.25 + 0.75 * count / peak
                body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, NIGHT_INK if hour in NIGHT_HOURS else BAR, f' fill-opacity="{shade:.2f}"'))  # fmt: skip
    legend_y = top + 7 * cell_h + 20
    body.append(
        _rect(0, legend_y - 11, 14, 12, NIGHT_BG, f' stroke="{NIGHT_INK}" stroke-width="0.5"')
    )
    body.append(_text(20, legend_y, _("Shaded: night hours 22:00–08:00 (%(count)s contacts)") % {"count": night}, fill=NIGHT_INK))  # fmt: skip
    if peak:
        # One legend instead of a number in every cell: text per cell is slow to lay out in a PDF.
        body.append(_rect(0, legend_y + 9, 14, 12, BAR))
        body.append(_text(20, legend_y + 20, _("Darkest cell: %(count)s contacts") % {"count": peak}))  # fmt: skip
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
    # The label above its bar: a phone has no room for a column of labels beside the bars.
    row_h, top = 40, 2
    height = top + row_h * len(rows) + 4
    bar_w = WIDTH - 44
    body = []
    parts = []
    for i, (target, count) in enumerate(rows):
        y = top + i * row_h
        label = names.get(target, target)
        colour = BAR if target in domain.DEBTOR_SIDE_TARGETS else NIGHT_INK
        body.append(_text(0, y + 14, label, fill=INK))
        w = max(bar_w * count / peak, 2)
        body.append(_rect(0, y + 20, w, 14, colour))
        body.append(_text(w + 6, y + 32, count, fill=INK))
        parts.append(f"{label}: {count}")
    third = sum(n for t, n in counts.items() if t not in domain.DEBTOR_SIDE_TARGETS)
    summary = "; ".join(parts) + ". " + _("Third parties: %(count)s contacts.") % {"count": third}
    return _svg(title=title, summary=summary, height=height, body=body, ident="tgt")
