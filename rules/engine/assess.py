"""Run every rule of the catalogue over a case."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone as dj_timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rules import domain

from .catalogue import CATALOGUE
from .cost import effective_annual_cost, simple_annual_rate
from .detect import detect_text
from .lpr import LprTable
from .types import (
    Assessment,
    Certainty,
    Exclusion,
    Finding,
    Lender,
    LoanCost,
    Rule,
    Source,
    Standing,
    strongest,
    weakest,
)

QUIET_START_HOUR = 22
QUIET_END_HOUR = 8
CONNECTED_CALLS_CAP = 3
DIAL_ATTEMPTS_CAP = 6
BLAST_THRESHOLD = 5  # heuristic
BLAST_WINDOW = timedelta(days=7)
LIMITATION_YEARS = 3
COST_24 = Decimal("0.24")
COST_36 = Decimal("0.36")
#: Lenders bound by the 4 x LPR cap. "other" is not included: it may be a licensed
#: pawnshop or guarantee company, which the private-lending rules exclude.
FOUR_LPR_LENDER_TYPES = frozenset({"unlicensed"})
AUTHORITY_CLAIMS = frozenset({"police", "court", "procuratorate", "government"})

TAG_RULES = {
    "threat": "threat",
    "insult": "insult",
    "fake_document": "fake_legal_document",
    "impersonation": "impersonating_authority",
    "disclosed_debt": "debt_disclosed_to_third_party",
    "public_post": "public_shaming",
    "no_identity": "identity_not_disclosed",
    "private_account": "extra_fee_or_private_account",
    "borrow_elsewhere": "inducing_new_borrowing",
    "refused_to_leave": "improper_visit",
}
#: A fee record that says the amount kept back at disbursement was interest.
_INTEREST_NAME = re.compile(r"利息|砍头息|\binterest\b", re.IGNORECASE)
_DEMAND = re.compile(
    r"还钱|还款|还上|替.{0,4}还|代还|把钱|打款|转账|\bpay\b|\brepay", re.IGNORECASE
)

# Rules that fire contact by contact (one finding listing every contact).
PER_CONTACT_RULES = (
    "quiet_hours",
    "third_party_collection",
    "debt_disclosed_to_third_party",
    "third_party_contacted_after_objection",
    "threat",
    "insult",
    "impersonating_authority",
    "fake_legal_document",
    "false_legal_consequences",
    "public_shaming",
    "identity_not_disclosed",
    "extra_fee_or_private_account",
    "inducing_new_borrowing",
    "improper_visit",
    "contact_after_installment_agreement",
)


class _Context:
    def __init__(self, case: domain.Case):
        self.case = case
        self.tz = ZoneInfo(case.timezone or domain.DEFAULT_TIMEZONE)
        self.loans = {loan.ref: loan for loan in case.loans}
        self.contacts = sorted(case.contacts, key=lambda c: c.occurred_at)
        self.by_ref = {c.ref: c for c in self.contacts}
        self.local = {c.ref: c.occurred_at.astimezone(self.tz) for c in self.contacts}
        self.text_rules = {c.ref: text_rules(c) for c in self.contacts}
        self.group_keys: dict[tuple, tuple] = {}

    def lender_for(self, contact: domain.Contact) -> Lender:
        """The lender whose texts apply to this contact.

        A contact recorded without a loan counts for the case's loans only when they all
        have the same kind of lender; otherwise nobody knows who called, and only the texts
        that bind everyone apply.
        """
        loan = self.loans.get(contact.loan or "")
        if loan is not None:
            return lender_of(loan)
        lenders = {lender_of(loan) for loan in self.case.loans}
        return lenders.pop() if len(lenders) == 1 else Lender()

    def lender_key(self, contact: domain.Contact) -> str:
        loan = self.loans.get(contact.loan or "")
        if loan is not None:
            return "lender:" + (loan.lender or loan.ref)
        return "org:" + (contact.caller.organization or contact.caller.phone or "?")

    def dialled_number(self, contact: domain.Contact) -> str:
        if contact.target_phone:
            return contact.target_phone
        if contact.target == "borrower":
            return self.case.borrower.phone or "borrower"
        return contact.target_name or contact.ref


def text_rules(contact: domain.Contact) -> dict[str, Certainty]:
    """Rules in the contact's text and tags, with their certainty.

    The stored detection (or a fresh one), the borrower's tags and confirmed answers; the
    patterns, tags and answers are certain, the model alone possible; a dismissal removes.
    Rules only a third party can suffer are dropped when the contact reached the borrower
    or the guarantor: nobody else learned of the debt or was asked to pay.
    """
    if contact.detected is None:
        found = dict(detect_text(contact.content))
    else:
        found = {rule: Certainty(certainty) for rule, certainty in contact.detected}
    for tag in contact.tags:
        rule = TAG_RULES.get(tag, tag if tag in CATALOGUE else None)
        if rule:
            found[rule] = Certainty.CERTAIN
    for rule, answer in contact.answers:
        if answer == "confirmed":
            found[rule] = Certainty.CERTAIN
        elif answer == "dismissed":
            found.pop(rule, None)
    if not (contact.is_third_party and contact.target != "public"):
        found.pop("third_party_collection", None)
    if not contact.is_third_party:
        found.pop("debt_disclosed_to_third_party", None)
    return found


def _is_night(local: datetime) -> bool:
    return local.hour >= QUIET_START_HOUR or local.hour < QUIET_END_HOUR


def _same_party(contact: domain.Contact, phone: str, name: str) -> bool:
    if phone and contact.target_phone:
        return phone == contact.target_phone
    return bool(name) and name == contact.target_name


class _Hits(dict):
    """Rule → certainty for one contact; a certain hit is never downgraded."""

    def add(self, rule: str, certainty: Certainty = Certainty.CERTAIN) -> None:
        if self.get(rule) != Certainty.CERTAIN:
            self[rule] = certainty


def _contact_hits(ctx: _Context, contact: domain.Contact) -> dict[str, Certainty]:
    """The per-contact rules this one contact breaks, each certain or possible."""
    local = ctx.local[contact.ref]
    text = ctx.text_rules[contact.ref]
    hits = _Hits((rule, c) for rule, c in text.items() if rule in PER_CONTACT_RULES)
    third_party = contact.is_third_party and contact.target != "public"
    if third_party and _DEMAND.search(contact.content):
        hits.add("third_party_collection")
    if "third_party_collection" in hits:
        hits.add("debt_disclosed_to_third_party", hits["third_party_collection"])
    if _is_night(local) and not contact.consent_to_time:
        hits.add("quiet_hours")
    if AUTHORITY_CLAIMS.intersection(contact.claims_to_be):
        hits.add("impersonating_authority")
    if contact.channel == "social_post" or contact.target == "public":
        hits.add("public_shaming")
    if contact.caller.identity_disclosed is False:
        hits.add("identity_not_disclosed")
    if contact.channel == "visit" and (
        (contact.visitors is not None and contact.visitors < 2) or _is_night(local)
    ):
        hits.add("improper_visit")
    for event in ctx.case.events:
        if event.at >= contact.occurred_at:
            continue
        if (
            event.kind == "third_party_objected"
            and third_party
            and _same_party(contact, event.target_phone, event.target_name)
        ):
            hits.add("third_party_contacted_after_objection")
        if event.kind == "installment_agreement_signed" and (
            event.loan is None or event.loan == contact.loan
        ):
            hits.add("contact_after_installment_agreement")
    return hits


def _dates(ctx: _Context, refs: Iterable[str]) -> str:
    days = sorted({ctx.local[ref].date() for ref in refs})
    return ", ".join(day.isoformat() for day in days)


def lender_of(loan: domain.Loan | None) -> Lender:
    """What decides which texts bind: lender type, credit card or not, purpose."""
    if loan is None:
        return Lender()
    return Lender(loan.lender_type, loan.is_credit_card, loan.purpose)


def cited_sources(
    rule: Rule, lender: Lender, on: date
) -> tuple[tuple[Source, ...], tuple[Source, ...], tuple[Exclusion, ...]]:
    """The rule's texts that bind this lender on that day, its related texts that do, and
    every text left out with the reason."""
    cited = tuple(s for s in rule.sources if s.applies(lender, on))
    related = tuple(s for s in rule.related if s.applies(lender, on))
    excluded = tuple(
        Exclusion(s, s.scope.reason_not(lender, on))
        for s in rule.all_sources
        if not s.applies(lender, on)
    )
    return cited, related, excluded


def finding_standing(rule: Rule, cited: tuple[Source, ...]) -> Standing:
    """The strongest text that applies, never above the rule's own standing; with none,
    the finding rests on our own judgement."""
    return weakest(rule.standing, strongest(s.standing for s in cited) or Standing.HEURISTIC)


def _finding(
    rule_id: str,
    *,
    lender: Lender,
    on: date,
    contacts=(),
    loans=(),
    summary: str,
    details: dict | None = None,
) -> Finding:
    rule = CATALOGUE[rule_id]
    cited, related, excluded = cited_sources(rule, lender, on)
    return Finding(
        rule=rule_id,
        contacts=tuple(contacts),
        loans=tuple(loans),
        standing=finding_standing(rule, cited),
        severity=rule.severity,
        sources=cited,
        summary=summary,
        details=details or {},
        lender=lender,
        related=related,
        excluded=excluded,
    )


def _group_key(ctx: _Context, rule_id: str, contact: domain.Contact) -> tuple:
    """What splits one rule's contacts into separate findings: contacts are reported
    together only when the same texts apply to them (same kind of lender, same law in force).
    Add a dimension here to split further."""
    lender = ctx.lender_for(contact)
    day = ctx.local[contact.ref].date()
    key = ctx.group_keys.get((rule_id, lender, day))
    if key is None:  # many contacts share a rule, a lender and a day: work it out once
        cited, related, _excluded = cited_sources(CATALOGUE[rule_id], lender, day)
        key = ctx.group_keys[(rule_id, lender, day)] = (lender, cited, related)
    return key


def _common_lender(ctx: _Context, refs: Iterable[str]) -> Lender:
    """The lender of these contacts when they share one, else the unknown lender."""
    lenders = {ctx.lender_for(ctx.by_ref[ref]) for ref in refs}
    return lenders.pop() if len(lenders) == 1 else Lender()


def _per_contact_findings(ctx: _Context) -> list[Finding]:
    groups: dict[tuple[str, Certainty, tuple], list[str]] = defaultdict(list)
    for contact in ctx.contacts:
        for rule, certainty in _contact_hits(ctx, contact).items():
            groups[(rule, certainty, _group_key(ctx, rule, contact))].append(contact.ref)
    findings = []
    for rule_id in PER_CONTACT_RULES:
        for certainty in Certainty:
            for (group_rule, group_certainty, _key), refs in groups.items():
                if group_rule == rule_id and group_certainty == certainty:
                    findings.append(_contact_finding(ctx, rule_id, certainty, refs))
    return findings


def _contact_finding(ctx: _Context, rule_id: str, certainty: Certainty, refs: list[str]) -> Finding:
    title = str(CATALOGUE[rule_id].title)
    values = {"title": title, "count": len(refs), "dates": _dates(ctx, refs)}
    if certainty == Certainty.POSSIBLE:
        summary = (
            ngettext(
                "Possibly %(title)s: %(count)d contact, on %(dates)s. Please confirm or dismiss.",
                "Possibly %(title)s: %(count)d contacts, on %(dates)s. Please confirm or dismiss.",
                len(refs),
            )
            % values
        )
    else:
        summary = (
            ngettext(
                "%(title)s: %(count)d contact, on %(dates)s.",
                "%(title)s: %(count)d contacts, on %(dates)s.",
                len(refs),
            )
            % values
        )
    finding = _finding(
        rule_id,
        lender=_common_lender(ctx, refs),
        on=ctx.local[refs[0]].date(),
        contacts=refs,
        summary=summary,
    )
    return replace(finding, certainty=certainty)


def _cap_findings(ctx: _Context) -> list[Finding]:
    connected: dict[tuple[date, str], list[str]] = defaultdict(list)
    attempts: dict[tuple[date, str], list[str]] = defaultdict(list)
    for contact in ctx.contacts:
        if contact.channel != "call":
            continue
        day = ctx.local[contact.ref].date()
        if contact.connected is True and contact.target == "borrower":
            connected[(day, ctx.lender_key(contact))].append(contact.ref)
        elif contact.connected is False:
            attempts[(day, ctx.dialled_number(contact))].append(contact.ref)
    findings = []
    for (day, _key), refs in sorted(connected.items()):
        if len(refs) > CONNECTED_CALLS_CAP:
            summary = _(
                "%(count)d connected calls to you on %(day)s from one lender and its agencies (cap: 3)."
            ) % {
                "count": len(refs),
                "day": day.isoformat(),
            }
            findings.append(
                _finding(
                    "connected_calls_over_cap",
                    lender=_common_lender(ctx, refs),
                    on=day,
                    contacts=refs,
                    summary=summary,
                )
            )
    for (day, number), refs in sorted(attempts.items()):
        if len(refs) > DIAL_ATTEMPTS_CAP:
            summary = _("%(count)d unanswered calls to %(number)s on %(day)s (benchmark: 6).") % {
                "count": len(refs),
                "number": number,
                "day": day.isoformat(),
            }
            findings.append(
                _finding(
                    "dial_attempts_over_cap",
                    lender=_common_lender(ctx, refs),
                    on=day,
                    contacts=refs,
                    summary=summary,
                )
            )
    return findings


def _party_key(contact: domain.Contact) -> str:
    return contact.target_phone or contact.target_name or contact.ref


def _blast_finding(ctx: _Context) -> list[Finding]:
    """Contacts in any window of BLAST_WINDOW that reached BLAST_THRESHOLD different people.

    One pass with a sliding window: each contact enters and leaves it once, and each is
    flagged at most once (a window that qualifies flags what it holds and was not yet flagged).
    """
    third = [c for c in ctx.contacts if c.is_third_party and c.target != "public"]
    keys = [_party_key(c) for c in third]
    in_window: Counter[str] = Counter()
    flagged: dict[str, None] = {}
    flagged_to = 0  # contacts before this index are flagged (or were passed by)
    most = 0
    start = 0
    for end, contact in enumerate(third):
        in_window[keys[end]] += 1
        while contact.occurred_at - third[start].occurred_at >= BLAST_WINDOW:
            in_window[keys[start]] -= 1
            if not in_window[keys[start]]:
                del in_window[keys[start]]
            start += 1
        if len(in_window) >= BLAST_THRESHOLD:
            most = max(most, len(in_window))
            for index in range(max(start, flagged_to), end + 1):
                flagged[third[index].ref] = None
            flagged_to = end + 1
    if not flagged:
        return []
    summary = _("%(count)d different people you know were contacted within 7 days.") % {
        "count": most
    }
    refs = list(flagged)
    return [
        _finding(
            "contact_list_blast",
            lender=_common_lender(ctx, refs),
            on=ctx.local[refs[0]].date(),
            contacts=refs,
            summary=summary,
        )
    ]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _withheld_findings(loan: domain.Loan, lender: Lender, on: date) -> list[Finding]:
    """The principal not paid out: interest deducted in advance (art. 670) only when a fee
    recorded at disbursement says it was interest; any other amount kept back is reported as
    a fee withheld, which may be interest under another name."""
    if loan.principal is None or loan.amount_received is None:
        return []
    gap = loan.principal - loan.amount_received
    if gap <= 0:
        return []
    at_payout = [
        fee
        for fee in loan.fees
        if fee.amount > 0 and (fee.charged_on is None or fee.charged_on == loan.disbursed_on)
    ]
    interest = min(
        gap, sum((f.amount for f in at_payout if _INTEREST_NAME.search(f.name)), Decimal(0))
    )
    findings = []
    values = {"received": loan.amount_received, "principal": loan.principal}
    if interest > 0:
        findings.append(
            _finding(
                "upfront_deduction",
                lender=lender,
                on=on,
                loans=[loan.ref],
                summary=_(
                    "You received %(received)s of a %(principal)s loan: %(amount)s was kept back "
                    "as interest."
                )
                % {**values, "amount": interest},
            )
        )
    rest = gap - interest
    if rest > 0:
        named = [f"{f.name} {f.amount}" for f in at_payout if not _INTEREST_NAME.search(f.name)]
        if named:
            summary = _(
                "You received %(received)s of a %(principal)s loan: %(amount)s was kept back "
                "(recorded fees: %(fees)s). A fee counts in the true cost; if it is interest "
                "under another name, it may not be deducted in advance."
            ) % {**values, "amount": rest, "fees": ", ".join(named)}
        else:
            summary = _(
                "You received %(received)s of a %(principal)s loan: %(amount)s was kept back, "
                "and the record does not say what for."
            ) % {**values, "amount": rest}
        findings.append(
            _finding("fee_withheld", lender=lender, on=on, loans=[loan.ref], summary=summary)
        )
    return findings


def _loan_findings(
    ctx: _Context, lpr: LprTable, today: date
) -> tuple[list[Finding], list[LoanCost]]:
    findings: list[Finding] = []
    costs: list[LoanCost] = []
    for loan in ctx.case.loans:
        lender = lender_of(loan)
        # The loan's terms are judged by the texts in force when it was paid out.
        on = loan.disbursed_on or today
        cost = effective_annual_cost(loan)
        lpr_rate = lpr.rate_on(loan.disbursed_on) if loan.disbursed_on else None
        cap = lpr_rate * 4 if lpr_rate is not None else None
        deduction = None
        if loan.principal is not None and loan.amount_received is not None:
            deduction = loan.principal - loan.amount_received
        findings += _withheld_findings(loan, lender, on)
        if cost is not None:
            values = {"cost": f"{cost * 100:.2f}%"}
            if cost > COST_24:
                findings.append(
                    _finding(
                        "cost_above_24_percent",
                        lender=lender,
                        on=on,
                        loans=[loan.ref],
                        summary=_("The effective annual cost is %(cost)s, above 24%%.") % values,
                    )
                )
            if cost > COST_36:
                findings.append(
                    _finding(
                        "cost_above_36_percent",
                        lender=lender,
                        on=on,
                        loans=[loan.ref],
                        summary=_("The effective annual cost is %(cost)s, above 36%%.") % values,
                    )
                )
            if loan.lender_type in FOUR_LPR_LENDER_TYPES and cap is not None and cost > cap:
                findings.append(
                    _finding(
                        "rate_above_4x_lpr",
                        lender=lender,
                        on=on,
                        loans=[loan.ref],
                        summary=_(
                            "The effective annual cost is %(cost)s, above 4 × LPR (%(cap)s) at the contract date."
                        )
                        % {**values, "cap": f"{cap * 100:.2f}%"},
                    )
                )
        if loan.lender_type == "consumer_finance":
            fees = [
                fee
                for fee in loan.fees
                if fee.amount > 0
                and not (
                    loan.overdue_since and fee.charged_on and fee.charged_on >= loan.overdue_since
                )
            ]
            if fees:
                findings.append(
                    _finding(
                        "fees_beyond_interest",
                        lender=lender,
                        on=min((f.charged_on for f in fees if f.charged_on), default=on),
                        loans=[loan.ref],
                        summary=_("Fees other than interest were charged: %(fees)s.")
                        % {"fees": ", ".join(f"{fee.name} {fee.amount}" for fee in fees)},
                    )
                )
        last_due = max((item.due_on for item in loan.installments), default=None)
        if last_due is not None and _add_years(last_due, LIMITATION_YEARS) < today:
            findings.append(
                _finding(
                    "limitation_period_expired",
                    lender=lender,
                    on=today,
                    loans=[loan.ref],
                    summary=_(
                        "The last payment fell due on %(due)s, more than 3 years ago. The period may "
                        "have been interrupted while it ran, by a demand, an acknowledgement or a part "
                        "payment."
                    )
                    % {"due": last_due.isoformat()},
                )
            )
        costs.append(
            LoanCost(
                ref=loan.ref,
                effective_annual_cost=cost,
                stated_rate=loan.stated_rate,
                lpr_at_contract=lpr_rate,
                cap_4x_lpr=cap,
                upfront_deduction=deduction if deduction and deduction > 0 else None,
                note=_cost_note(loan, cost),
            )
        )
    return findings, costs


#: Above this effective annual cost (1,000%) the compounded figure says little to a reader.
SHORT_LOAN_NOTE_ABOVE = Decimal("10")


def _cost_note(loan: domain.Loan, cost) -> str:
    """Why the true cost could not be computed, or how to read an enormous one."""
    if cost is not None and cost > SHORT_LOAN_NOTE_ABOVE:
        simple = simple_annual_rate(loan)
        if simple is None:
            return ""
        return _(
            "The loan ran only a short time, so the compounded annual figure is enormous. "
            "Without compounding, the charge is %(simple)s a year."
        ) % {"simple": f"{simple * 100:.2f}%"}
    if cost is not None:
        return ""
    received = loan.amount_received if loan.amount_received is not None else loan.principal
    if received is None or loan.disbursed_on is None or not loan.installments:
        return _(
            "To compute the true cost, record the amount received, the disbursement date "
            "and every installment."
        )
    if (
        sum(item.amount for item in loan.installments) + sum(f.amount for f in loan.fees)
        <= received
    ):
        return _(
            "The installments recorded add up to no more than the amount received: "
            "record the full repayment schedule to compute the true cost."
        )
    return _("The true cost could not be computed from these payments.")


_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}
_RULE_ORDER = {rule_id: index for index, rule_id in enumerate(CATALOGUE)}


def assess(
    case: domain.Case, *, lpr: LprTable | None = None, today: date | None = None
) -> Assessment:
    """Every finding on the case, most serious first, and the true cost of every loan."""
    ctx = _Context(case)
    findings = _per_contact_findings(ctx) + _cap_findings(ctx) + _blast_finding(ctx)
    loan_findings, costs = _loan_findings(ctx, lpr or LprTable(), today or dj_timezone.localdate())
    findings += loan_findings
    findings.sort(
        key=lambda f: (f.is_possible, _SEVERITY_ORDER[str(f.severity)], _RULE_ORDER[f.rule])
    )
    return Assessment(findings=tuple(findings), loans=tuple(costs))
