"""Types the rights engine returns. Pure data: no ORM, no request, no template."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.utils.functional import Promise


class Standing(StrEnum):
    """How sure the app is: what kind of text the rule rests on."""

    BINDING = "binding"  # law or regulation
    STANDARD = "standard"  # national or industry standard, self-regulation
    HEURISTIC = "heuristic"  # our own threshold


class Certainty(StrEnum):
    """How a finding was reached: certain (a pattern, a tag, the borrower's confirmation or a
    fact of the record) or possible (the trained model alone, until the borrower answers)."""

    CERTAIN = "certain"
    POSSIBLE = "possible"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


#: The order of strength: a finding's standing is the strongest source that applies.
STANDING_RANK = {Standing.BINDING: 2, Standing.STANDARD: 1, Standing.HEURISTIC: 0}


def strongest(standings) -> Standing | None:
    """The strongest of these standings, or None when there are none."""
    return max(standings, key=STANDING_RANK.__getitem__, default=None)


def weakest(*standings: Standing) -> Standing:
    return min(standings, key=STANDING_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class Lender:
    """What decides which texts bind: the kind of lender, the product and the loan's purpose.

    `lender_type` is one of domain.LENDER_TYPES, or "" when the contact cannot be tied to a
    loan (then only the texts that bind everyone apply). `purpose` is "consumer", "business"
    or "" (not recorded: the consumer texts are taken to apply, as for most personal loans).
    """

    lender_type: str = ""
    credit_card: bool = False
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Scope:
    """Whom a text binds and when. None means "any"."""

    lender_types: frozenset[str] | None = None
    credit_card: bool | None = None  # True: card business only; False: not card business
    consumer_only: bool = False
    valid_from: date | None = None
    valid_until: date | None = None
    #: Why it may not apply, in one sentence naming the scope article, e.g. "binds card issuers only (art. 114)".
    who: str | Promise = ""

    def reason_not(self, lender: Lender, on: date) -> str:
        """ "" when the text binds this lender on that day; otherwise the reason, in words."""
        if self.valid_from and on < self.valid_from:
            return "not_yet"
        if self.valid_until and on > self.valid_until:
            return "replaced"
        if self.lender_types is not None and lender.lender_type not in self.lender_types:
            return "lender"
        if self.credit_card is True and not lender.credit_card:
            return "product"
        if self.credit_card is False and lender.credit_card:
            return "product"
        if self.consumer_only and lender.purpose == "business":
            return "purpose"
        return ""


EVERYONE = Scope()


@dataclass(frozen=True, slots=True)
class Source:
    """One cited provision: e.g. 消费金融公司管理办法, art. 56, with its key phrase."""

    law: str
    article: str
    quote: str
    standing: Standing
    fact_id: str = ""  # the id in shared/legal/cn-facts.md, e.g. "cfc_no_improper_collection"
    scope: Scope = EVERYONE
    article_en: str = ""  # e.g. "art. 56"
    note: str | Promise = ""  # shown with the citation, e.g. which version of a law applies

    def applies(self, lender: Lender, on: date) -> bool:
        return not self.scope.reason_not(lender, on)

    def as_dict(self) -> dict:
        return {
            "law": self.law,
            "article": self.article,
            "quote": self.quote,
            "standing": str(self.standing),
            "fact_id": self.fact_id,
        }


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A text of the rule that does not bind this finding's lender, and why."""

    source: Source
    reason: str  # one of Scope.reason_not's codes: lender, product, purpose, not_yet, replaced


@dataclass(frozen=True, slots=True)
class Action:
    """What the borrower can do next: a letter kind and/or a complaint channel."""

    letter_kind: str = ""  # e.g. "stop_harassment"
    channel: str = ""  # e.g. "12378", "110", "lender"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str | Promise
    explanation: str | Promise
    standing: Standing
    severity: Severity
    sources: tuple[Source, ...]
    actions: tuple[Action, ...] = ()
    scope: str = "contact"  # "contact" or "loan"
    #: The same conduct said formally, in the sender's voice, for letters to any addressee.
    statement: str | Promise = ""
    #: Texts that may also be relevant in the circumstances; they never raise the standing.
    related: tuple[Source, ...] = ()

    @property
    def all_sources(self) -> tuple[Source, ...]:
        return self.sources + self.related


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # a Rule id
    contacts: tuple[str, ...] = ()  # contact refs
    loans: tuple[str, ...] = ()  # loan refs
    standing: Standing = Standing.BINDING
    severity: Severity = Severity.MEDIUM
    sources: tuple[Source, ...] = ()
    summary: str = ""  # in the active language
    details: dict = field(default_factory=dict)
    certainty: Certainty = Certainty.CERTAIN
    #: The lender the cited texts were chosen for, and the texts left out, with the reason.
    lender: Lender | None = None
    related: tuple[Source, ...] = ()
    excluded: tuple[Exclusion, ...] = ()

    @property
    def is_possible(self) -> bool:
        return self.certainty == Certainty.POSSIBLE

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "certainty": str(self.certainty),
            "contacts": list(self.contacts),
            "loans": list(self.loans),
            "standing": str(self.standing),
            "severity": str(self.severity),
            "sources": [s.as_dict() for s in self.sources],
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class LoanCost:
    ref: str
    effective_annual_cost: Decimal | None  # a fraction rounded to basis points, e.g. 0.2712
    stated_rate: Decimal | None = None
    lpr_at_contract: Decimal | None = None
    cap_4x_lpr: Decimal | None = None
    upfront_deduction: Decimal | None = None
    note: str = ""

    def as_dict(self) -> dict:
        def s(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        return {
            "ref": self.ref,
            "effective_annual_cost": s(self.effective_annual_cost),
            "stated_rate": s(self.stated_rate),
            "lpr_at_contract": s(self.lpr_at_contract),
            "cap_4x_lpr": s(self.cap_4x_lpr),
            "upfront_deduction": s(self.upfront_deduction),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    findings: tuple[Finding, ...] = ()
    loans: tuple[LoanCost, ...] = ()

    def certain_only(self) -> Assessment:
        """The same assessment without the possible findings (letters use it by default)."""
        return Assessment(
            findings=tuple(f for f in self.findings if not f.is_possible), loans=self.loans
        )

    def as_dict(self) -> dict:
        return {
            "findings": [f.as_dict() for f in self.findings],
            "loans": [loan.as_dict() for loan in self.loans],
        }
