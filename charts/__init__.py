"""Server-rendered SVG charts of collection contacts, shared by the case page and the PDF report.

Pure: it takes `rules.domain.Contact` objects and returns markup. No ORM, no
request, no template. Every chart has a <title>, a <desc> and a plain-text
summary for alt text, escapes all text, and is deterministic for equal input.
"""

from .svg import Chart, contacts_per_day, hour_weekday_grid, targets_breakdown

__all__ = ["Chart", "contacts_per_day", "hour_weekday_grid", "targets_breakdown"]
