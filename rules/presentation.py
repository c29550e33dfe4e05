"""Turn catalogue rules and assessments into plain dicts the templates can show."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from rules.engine import CATALOGUE, Assessment, Finding, Rule, Severity
from rules.engine.catalogue import (
    CHANNEL_LABELS,
    EXCLUSION_REASONS,
    LETTER_KIND_LABELS,
    SEVERITY_LABELS,
    STANDING_HELP,
    STANDING_LABELS,
)
from rules.engine.routing import route
from rules.engine.types import Standing

SEVERITY_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)
#: The contacts a finding links by ref; a finding over thousands of contacts says how many
#: more there are (the evidence report lists them all).
CONTACTS_LISTED = 30
POSSIBLE_LABEL = _("Possible: please check")


def channel_label(channel: str, lender_type: str | None) -> str:
    """A channel's name; "regulator" is the one for this lender (the engine's routing), or a
    question when the kind of lender is not known."""
    if channel != "regulator" or lender_type is None:
        return str(CHANNEL_LABELS[channel])
    routing = route(lender_type)
    if routing.regulator is None:
        return str(routing.question)
    return str(CHANNEL_LABELS[routing.regulator.id])


def action_texts(rule: Rule, lender_type: str | None = None) -> list[str]:
    """Each recommended step as one line: "Letter to stop harassment → 12378"."""
    steps = []
    for action in rule.actions:
        parts = []
        if action.letter_kind:
            parts.append(str(LETTER_KIND_LABELS[action.letter_kind]))
        if action.channel:
            parts.append(channel_label(action.channel, lender_type))
        steps.append(" → ".join(parts))
    return steps


def action_steps(
    rule: Rule, lender_type: str | None = None, *, letters_url: str = "", channels_url: str = ""
) -> list[dict]:
    """Each recommended step as {"text", "url"}: a letter links to that kind on the case's
    letters page, a channel to the page on complaint channels (no link if not given)."""
    steps = []
    for action, text in zip(rule.actions, action_texts(rule, lender_type), strict=True):
        url = ""
        if action.letter_kind and letters_url:
            url = f"{letters_url}#kind-{action.letter_kind}"
        elif action.channel and channels_url:
            url = channels_url
        steps.append({"text": text, "url": url})
    return steps


def source_items(sources) -> list[dict]:
    return [
        {"source": s, "standing_label": STANDING_LABELS[s.standing], "who": s.scope.who}
        for s in sources
    ]


def rule_entry(rule: Rule) -> dict:
    return {
        "rule": rule,
        "standing_label": STANDING_LABELS[rule.standing],
        "standing_help": STANDING_HELP[rule.standing],
        "severity_label": SEVERITY_LABELS[rule.severity],
        "actions": action_texts(rule),
        "sources": source_items(rule.sources),
        "related": source_items(rule.related),
    }


def finding_entry(finding: Finding) -> dict:
    """A finding with the standing of the texts that bind its lender, and the texts that do
    not apply to it with the reason ("why not the credit-card rules?")."""
    rule = CATALOGUE[finding.rule]
    standing = Standing(finding.standing)
    lender_type = finding.lender.lender_type if finding.lender else None
    return {
        **rule_entry(rule),
        "finding": finding,
        "standing": str(standing),
        "standing_label": STANDING_LABELS[standing],
        "standing_help": STANDING_HELP[standing],
        "actions": action_texts(rule, lender_type),
        "cited": source_items(finding.sources),
        "related": source_items(finding.related),
        "excluded": [
            {
                "source": e.source,
                "reason": EXCLUSION_REASONS[e.reason],
                "who": e.source.scope.who,
            }
            for e in finding.excluded
        ],
    }


def finding_groups(
    assessment: Assessment,
    contact_urls: Mapping[str, str] | None = None,
    *,
    letters_url: str = "",
    channels_url: str = "",
) -> list[dict]:
    """Findings grouped by severity (most serious first), each with its rule, links and next
    steps (linked where the URLs are given); the trained model's possible findings come
    last, in a group of their own."""
    urls = contact_urls or {}
    seen: dict[str, int] = {}

    def item(finding: Finding) -> dict:
        # A rule split by lender, by law in force or by certainty gives several findings.
        seen[finding.rule] = seen.get(finding.rule, 0) + 1
        count = seen[finding.rule]
        lender_type = finding.lender.lender_type if finding.lender else None
        return {
            **finding_entry(finding),
            "steps": action_steps(
                CATALOGUE[finding.rule],
                lender_type,
                letters_url=letters_url,
                channels_url=channels_url,
            ),
            "key": finding.rule if count == 1 else f"{finding.rule}-{count}",
            "contacts": [
                {"ref": ref, "url": urls.get(ref, "")} for ref in finding.contacts[:CONTACTS_LISTED]
            ],
            "contacts_more": max(0, len(finding.contacts) - CONTACTS_LISTED),
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
