"""The evidence report: cover, charts, per-rule counts, every contact, third parties, files."""

from __future__ import annotations

from collections import Counter
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.translation import gettext_lazy as _

import charts
from charts.around import contacts_around
from rules.engine.outcomes import before_after

from .base import (
    LABELS,
    EvidenceFile,
    Kind,
    LetterInput,
    base_context,
    contact_row,
    duration_text,
    label,
    rule_title,
)


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    tz = ZoneInfo(inp.case.timezone)
    contacts = sorted(inp.case.contacts, key=lambda c: (c.occurred_at, c.ref))
    titles: dict[str, list[str]] = {}
    for finding in inp.assessment.findings:
        title = rule_title(inp, finding)
        for ref in finding.contacts:
            titles.setdefault(ref, [])
            if title not in titles[ref]:
                titles[ref].append(title)
    rows = [contact_row(c, tz, titles.get(c.ref, []), inp.language) for c in contacts]
    # Each contact cites the rules by their number in the per-rule table: the full titles on
    # 1,000 lines would double the report's length.
    numbers = {v["title"]: i for i, v in enumerate(ctx["violations"], start=1)}
    for row in rows:
        row["rule_numbers"] = sorted(numbers[t] for t in row["rules"] if t in numbers)
    files = evidence_files(inp.evidence, rows, inp.language)
    for row in rows:
        row["file_numbers"] = [f["number"] for f in files if f["contact_ref"] == row["ref"]]
    third: dict[tuple[str, str], dict] = {}
    for row in rows:
        if not row["third_party"]:
            continue
        key = (row["target_phone"], row["target_name"] or row["target"])
        entry = third.setdefault(
            key,
            {
                "phone": row["target_phone"],
                "name": row["target_name"],
                "relation": row["target"],
                "count": 0,
                "first": row["date"],
                "last": row["date"],
            },  # fmt: skip
        )
        entry["count"] += 1
        entry["last"] = row["date"]
    with translation.override(inp.language):
        chart_list = [
            charts.contacts_per_day(contacts, tz),
            charts.hour_weekday_grid(contacts, tz),
            charts.targets_breakdown(contacts, LABELS.get(inp.language, LABELS["en"])["target"]),
        ]
    ctx.update(
        {
            "action_effects": action_effects(inp, contacts, tz),
            "rows": rows,
            "charts": chart_list,
            "period_start": rows[0]["date"] if rows else "",
            "period_end": rows[-1]["date"] if rows else "",
            "total": len(rows),
            "night_total": sum(1 for r in rows if r["night"]),
            "third_total": sum(1 for r in rows if r["third_party"]),
            "channels": Counter(r["channel"] for r in rows).most_common(),
            "third_parties": sorted(third.values(), key=lambda e: (-e["count"], e["first"])),
            "files": files,
            "files_summary": files_summary(files, inp.language),
            "loans": inp.case.loans,
            # The case's name in the app is the borrower's own label ("借呗 那个人"):
            # printed only when they ask for it.
            "case_title": inp.case_title if inp.fields.get("show_case_title") else "",
        }
    )
    return ctx


def evidence_files(
    evidence: tuple[EvidenceFile, ...], rows: list[dict], language: str
) -> list[dict]:
    """The files as the report lists them: numbered, with what they are, the contact they
    belong to (by its number in the list of contacts), a recording's length and a
    screenshot's thumbnail."""
    contact_numbers = {row["ref"]: i for i, row in enumerate(rows, start=1)}
    return [
        {
            "number": i,
            "name": e.name,
            "sha256": e.sha256,
            "size": e.size,
            "kind": e.kind,
            "kind_label": label(language, "evidence", e.kind),
            "contact_ref": e.contact_ref,
            "contact_number": contact_numbers.get(e.contact_ref),
            "duration_ms": e.duration_ms,
            "duration": duration_text(e.duration_ms, language),
            "thumbnail": e.thumbnail,
        }
        for i, e in enumerate(evidence, start=1)
    ]


def files_summary(files: list[dict], language: str) -> str:
    """How many files of each kind, with the recordings' total length:
    截图 / 照片 3 个、录音 2 个（共 6分5秒）."""
    zh = language == "zh-hans"
    counts = Counter(f["kind"] for f in files)
    total = duration_text(
        sum(f["duration_ms"] or 0 for f in files if f["kind"] == "audio"), language
    )
    parts = []
    for kind in ("image", "audio", "pdf"):
        if not counts[kind]:
            continue
        name = label(language, "evidence", kind)
        part = f"{name} {counts[kind]} 个" if zh else f"{counts[kind]} × {name}"
        if kind == "audio" and total:
            part += f"（共 {total}）" if zh else f" ({total} in all)"
        parts.append(part)
    return ("、" if zh else ", ").join(parts)


def action_effects(inp: LetterInput, contacts, tz) -> list[dict]:
    """Each recorded action with the contacts per day around it and the per-rule counts in
    the 14 days before and after (the same numbers as the action's page)."""
    titles = {f.rule: rule_title(inp, f) for f in inp.assessment.findings}
    effects = []
    for i, action in enumerate(sorted(inp.actions, key=lambda a: a.sent_on)):
        effect = before_after(
            contacts, inp.assessment.findings, on=action.sent_on, tz=tz, today=inp.today
        )
        label = action.label_en if inp.language == "en" else action.label_zh
        with translation.override(inp.language):
            chart = contacts_around(contacts, tz, on=action.sent_on, label=label, ident=f"a{i}")
        rules = [{"title": titles.get(r.rule, r.rule), "before": r.before, "after": r.after}
                 for r in effect.rules]  # fmt: skip
        effects.append({"action": action, "label": label, "effect": effect, "chart": chart,
                        "rules": rules})  # fmt: skip
    return effects


KIND = Kind(
    key="evidence_report",
    title=_("Evidence report"),
    description=_(
        "Every contact on a timeline with charts, the rules broken and your files' fingerprints. "
        "Send it as enclosure 1."
    ),
    reviewer_description=_(
        "Every contact on a timeline with charts, the rules broken and the fingerprints of the borrower's files. It goes with the letters as enclosure 1."
    ),
    build=build,
    per_loan=False,
    background=True,
    shows_thumbnails=True,
    extra_fields=("show_case_title",),
)
