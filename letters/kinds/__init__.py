"""The letter kinds. Each kind is one module with a context builder and two templates."""

from __future__ import annotations

from . import (
    complaint_lender,
    complaint_regulator,
    evidence_report,
    information_request,
    negotiation,
    pi_complaint,
    pi_request,
    police_statement,
    stop_harassment,
)
from .base import (
    EvidenceFile,
    Kind,
    LenderInfo,
    LetterInput,
    SentLetter,
    TakenAction,
    is_credit_card,
    mask_id,
    masked_input,
    scope_to_loan,
)
from .order import letters_in_order, supporting_findings

KINDS: dict[str, Kind] = {
    module.KIND.key: module.KIND
    for module in (
        negotiation,
        information_request,
        stop_harassment,
        complaint_lender,
        complaint_regulator,
        police_statement,
        pi_request,
        pi_complaint,
        evidence_report,
    )
}


__all__ = [
    "KINDS",
    "EvidenceFile",
    "Kind",
    "LenderInfo",
    "LetterInput",
    "SentLetter",
    "TakenAction",
    "is_credit_card",
    "letters_in_order",
    "mask_id",
    "masked_input",
    "scope_to_loan",
    "supporting_findings",
]
