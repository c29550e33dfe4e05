"""An assessment and its summary as plain JSON data and back, so they can be stored.

The case page stores the engine's result per case revision (cases/findings.py) and reads it
back instead of running the engine again. What goes in comes back equal: every finding with
its rule, contacts, loans, standing, severity, certainty, lender and summary; cited, related
and excluded texts are stored as their place in the rule's own list of sources
(`Rule.all_sources`), so they come back as the catalogue's very objects, translated lazily.

`engine_version()` names everything a stored result depends on besides the case: the
engine's code, the catalogue and its translations, and the text detector. A result stored
by another version is never read back.

Pure: no ORM, no request.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from .catalogue import CATALOGUE
from .detect import detector_version
from .summary import CaseSummary, ThirdParty
from .types import (
    Assessment,
    Certainty,
    Exclusion,
    Finding,
    Lender,
    LoanCost,
    Severity,
    Source,
    Standing,
)

#: Bumped when the stored shape changes, so rows of the old shape are not read.
FORMAT = 1

_ENGINE = Path(__file__).resolve().parent
_RULES = _ENGINE.parent


@cache
def engine_version() -> str:
    """A digest of the engine's code, the domain, the rules' translations and the detector."""
    digest = hashlib.sha256(f"stored/{FORMAT}".encode())
    files = [
        *sorted(_ENGINE.rglob("*.py")),
        _RULES / "domain.py",
        *sorted((_RULES / "locale").rglob("*.mo")),
    ]
    for path in files:
        digest.update(str(path.relative_to(_RULES)).encode())
        digest.update(path.read_bytes())
    return f"{digest.hexdigest()[:16]}+{detector_version()}"


def _source_indexes(rule_id: str, sources: tuple[Source, ...]) -> list[int]:
    """Where each source sits in the rule's own sources; ValueError for one that is not there."""
    own = CATALOGUE[rule_id].all_sources
    by_identity = {id(source): index for index, source in enumerate(own)}
    return [by_identity[id(s)] if id(s) in by_identity else own.index(s) for s in sources]


def _sources(rule_id: str, indexes: list[int]) -> tuple[Source, ...]:
    own = CATALOGUE[rule_id].all_sources
    return tuple(own[index] for index in indexes)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def finding_to_data(finding: Finding) -> dict:
    lender = finding.lender
    return {
        "rule": finding.rule,
        "contacts": list(finding.contacts),
        "loans": list(finding.loans),
        "standing": str(finding.standing),
        "severity": str(finding.severity),
        "sources": _source_indexes(finding.rule, finding.sources),
        "summary": str(finding.summary),
        "details": dict(finding.details),
        "certainty": str(finding.certainty),
        "lender": None
        if lender is None
        else [lender.lender_type, lender.credit_card, lender.purpose],
        "related": _source_indexes(finding.rule, finding.related),
        "excluded": [
            [_source_indexes(finding.rule, (e.source,))[0], e.reason] for e in finding.excluded
        ],
    }


def finding_from_data(data: dict) -> Finding:
    rule = data["rule"]
    lender = data["lender"]
    return Finding(
        rule=rule,
        contacts=tuple(data["contacts"]),
        loans=tuple(data["loans"]),
        standing=Standing(data["standing"]),
        severity=Severity(data["severity"]),
        sources=_sources(rule, data["sources"]),
        summary=data["summary"],
        details=dict(data["details"]),
        certainty=Certainty(data["certainty"]),
        lender=None if lender is None else Lender(*lender),
        related=_sources(rule, data["related"]),
        excluded=tuple(
            Exclusion(_sources(rule, [index])[0], reason) for index, reason in data["excluded"]
        ),
    )


def loan_cost_to_data(cost: LoanCost) -> dict:
    return {
        "ref": cost.ref,
        "effective_annual_cost": _money(cost.effective_annual_cost),
        "stated_rate": _money(cost.stated_rate),
        "lpr_at_contract": _money(cost.lpr_at_contract),
        "cap_4x_lpr": _money(cost.cap_4x_lpr),
        "upfront_deduction": _money(cost.upfront_deduction),
        "note": str(cost.note),
    }


def loan_cost_from_data(data: dict) -> LoanCost:
    return LoanCost(
        ref=data["ref"],
        effective_annual_cost=_decimal(data["effective_annual_cost"]),
        stated_rate=_decimal(data["stated_rate"]),
        lpr_at_contract=_decimal(data["lpr_at_contract"]),
        cap_4x_lpr=_decimal(data["cap_4x_lpr"]),
        upfront_deduction=_decimal(data["upfront_deduction"]),
        note=data["note"],
    )


def assessment_to_data(assessment: Assessment) -> dict:
    """The assessment as JSON-ready data. ValueError if a finding cites a text its rule lacks."""
    return {
        "findings": [finding_to_data(f) for f in assessment.findings],
        "loans": [loan_cost_to_data(cost) for cost in assessment.loans],
    }


def assessment_from_data(data: dict) -> Assessment:
    return Assessment(
        findings=tuple(finding_from_data(f) for f in data["findings"]),
        loans=tuple(loan_cost_from_data(cost) for cost in data["loans"]),
    )


def summary_to_data(summary: CaseSummary) -> dict:
    return {
        "counts": dict(summary.counts),
        "night_dates": [day.isoformat() for day in summary.night_dates],
        "third_parties": [[p.name, p.phone, p.target, p.contacts] for p in summary.third_parties],
    }


def summary_from_data(data: dict) -> CaseSummary:
    return CaseSummary(
        counts=dict(data["counts"]),
        night_dates=tuple(date.fromisoformat(day) for day in data["night_dates"]),
        third_parties=tuple(ThirdParty(*party) for party in data["third_parties"]),
    )


__all__ = [
    "assessment_from_data",
    "assessment_to_data",
    "engine_version",
    "summary_from_data",
    "summary_to_data",
]
