"""Turn catalogue rules and assessments into plain dicts the templates can show."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from rules.engine import CATALOGUE, Assessment, Rule, Severity
from rules.engine.catalogue import (
    CHANNEL_LABELS,
    LETTER_KIND_LABELS,
    SEVERITY_LABELS,
    STANDING_HELP,
    STANDING_LABELS,
)

SEVERITY_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)
POSSIBLE_LABEL = _("Possible: please check")


def action_texts(rule: Rule) -> list[str]:
    """Each recommended step as one line: "Letter to stop harassment → 12378"."""
    steps = []
    for action in rule.actions:
        parts = []
        if action.letter_kind:
            parts.append(str(LETTER_KIND_LABELS[action.letter_kind]))
        if action.channel:
            parts.append(str(CHANNEL_LABELS[action.channel]))
        steps.append(" → ".join(parts))
    return steps


def rule_entry(rule: Rule) -> dict:
    return {
        "rule": rule,
        "standing_label": STANDING_LABELS[rule.standing],
        "standing_help": STANDING_HELP[rule.standing],
        "severity_label": SEVERITY_LABELS[rule.severity],
        "actions": action_texts(rule),
        "sources": [
            {"source": source, "standing_label": STANDING_LABELS[source.standing]}
            for source in rule.sources
        ],
    }


def finding_groups(
    assessment: Assessment, contact_urls: Mapping[str, str] | None = None
) -> list[dict]:
    """Findings grouped by severity (most serious first), each with its rule, links and next steps."""
    urls = contact_urls or {}

    def item(finding) -> dict:
        return {
            "finding": finding,
            **rule_entry(CATALOGUE[finding.rule]),
            "contacts": [{"ref": ref, "url": urls.get(ref, "")} for ref in finding.contacts],
        }

    certain = [f for f in assessment.findings if not f.is_possible]
    groups = []
    for severity in SEVERITY_ORDER:
        items = [item(f) for f in certain if f.severity == severity]
        if items:
            groups.append(
                {"severity": str(severity), "label": SEVERITY_LABELS[severity], "items": items}
            )
    possible = [item(f) for f in assessment.findings if f.is_possible]
    if possible:
        groups.append({"severity": "possible", "label": POSSIBLE_LABEL, "items": possible})
    return groups


def rule_counts(summary) -> list[dict]:
    """The summary's per-rule counts with each rule's title, most frequent first."""
    return [
        {"rule": CATALOGUE[rule_id], "count": count}
        for rule_id, count in sorted(summary.counts.items(), key=lambda item: -item[1])
    ]
