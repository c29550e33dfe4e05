"""The letter kinds. Each kind is one module with a context builder and two templates."""

from __future__ import annotations

from rules.engine.types import Assessment, Finding, Rule

from . import (
    complaint_lender,
    complaint_regulator,
    evidence_report,
    information_request,
    negotiation,
    pi_complaint,
    police_statement,
    stop_harassment,
)
from .base import (
    EvidenceFile,
    Kind,
    LenderInfo,
    LetterInput,
    is_credit_card,
    mask_id,
    scope_to_loan,
)

KINDS: dict[str, Kind] = {
    module.KIND.key: module.KIND
    for module in (
        negotiation,
        information_request,
        stop_harassment,
        complaint_lender,
        complaint_regulator,
        police_statement,
        pi_complaint,
        evidence_report,
    )
}


def supporting_findings(
    kind: Kind, assessment: Assessment, catalogue: dict[str, Rule]
) -> list[Finding]:
    """Findings that support sending this kind: the rule names it as an action, or the kind lists it."""
    result = []
    for finding in assessment.findings:
        rule = catalogue.get(finding.rule)
        named = rule is not None and any(a.letter_kind == kind.key for a in rule.actions)
        if named or finding.rule in kind.rule_ids:
            result.append(finding)
    return result


__all__ = [
    "KINDS",
    "EvidenceFile",
    "Kind",
    "LenderInfo",
    "LetterInput",
    "is_credit_card",
    "mask_id",
    "scope_to_loan",
    "supporting_findings",
]
