"""The rights engine: a case in, cited findings and true costs out.

Public API (stable; letters and cases depend on it):

    assess(case: domain.Case, *, lpr: LprTable | None = None, today: date | None = None)
        -> Assessment
    CATALOGUE: dict[str, Rule]   # every rule, by id

The engine is pure: it imports no ORM, request or template code.
"""

from .types import Action, Assessment, Finding, LoanCost, Rule, Severity, Source, Standing

__all__ = [
    "Action",
    "Assessment",
    "Finding",
    "LoanCost",
    "Rule",
    "Severity",
    "Source",
    "Standing",
]
