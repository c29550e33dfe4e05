"""The true cost of a loan against the benchmark lines, as one SVG bar chart.

Pure: numbers in (fractions such as Decimal("0.2712")), markup out.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from .svg import BAR, INK, LINE, MUTED, NIGHT_INK, Chart, _e, _rect, _text

WIDTH = 360  # drawn for a phone: one bar chart, large text


def _pct(value: Decimal) -> str:
    return f"{value * 100:.2f}%"


def cost_against_lines(
    *,
    effective: Decimal | None,
    stated: Decimal | None = None,
    cap_4x_lpr: Decimal | None = None,
    ident: str = "cost",
) -> Chart:
    """Bars for the stated rate and the true cost, with 24%, 36% and 4×LPR drawn across."""
    title = _("True cost against the 24% and 36% lines")
    bars = [(str(_("Stated rate")), stated), (str(_("True cost (IRR)")), effective)]
    bars = [(label, value) for label, value in bars if value is not None]
    if not bars:
        summary = _("Not enough data to compute the true cost.")
        return _svg(
            title=title, summary=summary, height=60, ident=ident, body=[_text(8, 34, summary)]
        )

    lines = [("24%", Decimal("0.24")), ("36%", Decimal("0.36"))]
    if cap_4x_lpr is not None:
        lines.append((str(_("4×LPR")), cap_4x_lpr))
    top_value = max([v for _label, v in bars] + [v for _label, v in lines] + [Decimal("0.40")])
    left, right, top, row_h = 110, 56, 30, 34
    span = WIDTH - left - right
    height = top + row_h * len(bars) + 26

    def x(value: Decimal) -> float:
        return left + float(value / top_value) * span

    body: list[str] = []
    for i, (label, value) in enumerate(bars):
        y = top + i * row_h
        colour = NIGHT_INK if value > Decimal("0.24") else BAR
        body.append(_text(left - 6, y + 21, label, anchor="end", size=13, fill=INK))
        body.append(_rect(left, y + 6, max(x(value) - left, 2), row_h - 12, colour))
        body.append(_text(x(value) + 6, y + 21, _pct(value), size=13, fill=INK))
    for label, value in lines:
        lx = x(value)
        body.append(
            f'<line x1="{lx:.1f}" y1="{top - 4}" x2="{lx:.1f}" y2="{height - 18}" '
            f'stroke="{MUTED}" stroke-width="2" stroke-dasharray="5 4"/>'
        )
        body.append(_text(lx, top - 10, label, anchor="middle", size=13, fill=MUTED))
    body.append(_rect(left, height - 18, span, 1, LINE))

    parts = [f"{label}: {_pct(value)}" for label, value in bars]
    summary = (
        "; ".join(parts)
        + ". "
        + _("Lines: %(lines)s.")
        % {"lines": ", ".join(f"{label} {_pct(value)}" for label, value in lines)}
    )
    return _svg(title=title, summary=summary, height=height, body=body, ident=ident)


def _svg(*, title: str, summary: str, height: int, body: list[str], ident: str) -> Chart:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" aria-labelledby="{ident}-t {ident}-d">'
        f'<title id="{ident}-t">{_e(title)}</title><desc id="{ident}-d">{_e(summary)}</desc>'
        + "".join(body)
        + "</svg>"
    )
    return Chart(svg=svg, summary=summary, title=title)
