"""A short overview of a case for the top of the case page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from rules import domain

from .types import Assessment


@dataclass(frozen=True, slots=True)
class ThirdParty:
    name: str
    phone: str
    target: str
    contacts: int


@dataclass(frozen=True, slots=True)
class CaseSummary:
    counts: dict[
        str, int
    ]  # rule id -> contacts (or loans) involved, in catalogue order of findings
    night_dates: tuple[date, ...]  # local dates with a contact in quiet hours
    third_parties: tuple[ThirdParty, ...]

    @property
    def total_findings(self) -> int:
        return sum(self.counts.values())


def summarize(case: domain.Case, assessment: Assessment) -> CaseSummary:
    """Counts per rule, the nights with contacts and the third parties reached."""
    counts: Counter[str] = Counter()
    for finding in assessment.findings:
        counts[finding.rule] += len(finding.contacts) or len(finding.loans) or 1
    tz = ZoneInfo(case.timezone or domain.DEFAULT_TIMEZONE)
    nights = set()
    for contact in case.contacts:
        local = contact.occurred_at.astimezone(tz)
        if local.hour >= 22 or local.hour < 8:
            nights.add(local.date())
    parties: dict[str, list] = {}
    for contact in sorted(case.contacts, key=lambda c: c.occurred_at):
        if not contact.is_third_party:
            continue
        key = contact.target_phone or contact.target_name or contact.target
        entry = parties.setdefault(
            key, [contact.target_name, contact.target_phone, contact.target, 0]
        )
        entry[3] += 1
    return CaseSummary(
        counts=dict(counts),
        night_dates=tuple(sorted(nights)),
        third_parties=tuple(ThirdParty(*entry) for entry in parties.values()),
    )
