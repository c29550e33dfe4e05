"""The rights engine: a case in, cited findings and true costs out.

Public API (stable; letters and cases depend on it):

    assess(case: domain.Case, *, lpr: LprTable | None = None, today: date | None = None)
        -> Assessment
    CATALOGUE: dict[str, Rule]   # every rule, by id
    summarize(case, assessment) -> CaseSummary
    effective_annual_cost(loan) -> Decimal | None
    LprTable, LPR_SEED
    detect(text) -> frozenset[str]   # text-detectable rule ids (certain or possible)
    detect_text(text) -> dict[str, Certainty]   # the same, with how sure each is
    pattern_rules(text) -> frozenset[str]   # the hand-written patterns alone
    route(lender_type, rules=...) -> Routing   # channels, regulator and deadline per lender

The engine is pure: it imports no ORM, request or template code.
"""

from .assess import assess
from .catalogue import CATALOGUE
from .cost import effective_annual_cost, xirr
from .detect import TEXT_RULES, detect, detect_text, pattern_rules
from .lpr import LPR_SEED, LprTable
from .routing import Channel, Routing, route
from .summary import CaseSummary, ThirdParty, summarize
from .types import (
    Action,
    Assessment,
    Certainty,
    Finding,
    LoanCost,
    Rule,
    Severity,
    Source,
    Standing,
)

__all__ = [
    "CATALOGUE",
    "LPR_SEED",
    "TEXT_RULES",
    "Action",
    "Assessment",
    "Channel",
    "CaseSummary",
    "Certainty",
    "Finding",
    "LoanCost",
    "LprTable",
    "Routing",
    "Rule",
    "Severity",
    "Source",
    "Standing",
    "ThirdParty",
    "assess",
    "detect",
    "detect_text",
    "effective_annual_cost",
    "pattern_rules",
    "route",
    "summarize",
    "xirr",
]
