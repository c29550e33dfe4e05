"""The checkers: throwaway domain objects through the pure rights engine, and the one step
that saves checked messages to a case (through the cases services, after log-in).

Nothing here logs the messages or keeps them anywhere but in the returned values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from rules import domain
from rules.engine import CATALOGUE, Assessment, LoanCost, Routing, assess, route
from rules.engine.assess import (
    COST_24,
    COST_36,
    cited_sources,
    finding_standing,
)
from rules.engine.catalogue import STANDING_LABELS
from rules.engine.types import Lender, Standing
from rules.presentation import finding_groups

TZ = ZoneInfo(domain.DEFAULT_TIMEZONE)
#: The hour a message is taken to have arrived, for each answer to "at what time?".
HOURS = {"day": 14, "night": 23, "unknown": 14}
RECIPIENT_NAME = "recipient"
#: Fee names that are usually interest under another name.
DISGUISED_INTEREST = re.compile(
    r"会员|担保|保障|保险|权益|增信|服务|member|guarant|insur|service", re.I
)


@dataclass(frozen=True, slots=True)
class MessageCheck:
    messages: tuple[str, ...]
    assessment: Assessment
    groups: list
    routing: Routing
    lender_type: str
    refs: dict[str, int] = field(default_factory=dict)  # contact ref -> message number


def messages_case_build(
    *, messages: list[str], recipient: str, when: str, objected: bool, lender_type: str,
    today: date | None = None,
) -> domain.Case:  # fmt: skip
    """One contact per message, as a text message received today, to the recipient."""
    day = today or timezone.localdate()
    at = datetime.combine(day, time(HOURS[when]), tzinfo=TZ)
    third_party = recipient not in domain.DEBTOR_SIDE_TARGETS
    loans = (domain.Loan(ref="L", lender_type=lender_type),) if lender_type else ()
    contacts = tuple(
        domain.Contact(
            ref=f"M{n}",
            occurred_at=at + timedelta(minutes=n),
            channel="sms",
            target=recipient,
            target_name=RECIPIENT_NAME if third_party else "",
            loan="L" if lender_type else None,
            content=text,
        )
        for n, text in enumerate(messages, start=1)
    )
    events = ()
    if objected:
        kind = "third_party_objected" if third_party else "borrower_objected"
        events = (
            domain.Event(
                kind=kind,
                at=at - timedelta(days=1),
                target_name=RECIPIENT_NAME if third_party else "",
            ),
        )
    return domain.Case(loans=loans, contacts=contacts, events=events)


def messages_check(
    *, messages: list[str], recipient: str = "borrower", when: str = "day",
    objected: bool = False, lender_type: str = "", today: date | None = None,
) -> MessageCheck:  # fmt: skip
    """The engine's findings on these messages, and where this kind of lender is complained of."""
    case = messages_case_build(
        messages=messages, recipient=recipient, when=when, objected=objected,
        lender_type=lender_type, today=today,
    )  # fmt: skip
    assessment = assess(case, today=today)
    rules = frozenset(f.rule for f in assessment.findings)
    return MessageCheck(
        messages=tuple(messages),
        assessment=assessment,
        groups=finding_groups(assessment),
        routing=route(lender_type, rules=rules),
        lender_type=lender_type,
        refs={f"M{n}": n for n in range(1, len(messages) + 1)},
    )


# The loan offer


@dataclass(frozen=True, slots=True)
class CostLine:
    rule: str
    label: str
    rate: Decimal | None
    above: bool
    standing: Standing  # the strongest text that binds this lender; heuristic when none does
    standing_label: str
    sources: tuple

    @property
    def percent(self) -> str:
        return _percent(self.rate)


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value * 100:.2f}%"


@dataclass(frozen=True, slots=True)
class FeeRow:
    name: str
    amount: Decimal
    when: str
    total: Decimal
    why: str
    disguised: bool


@dataclass(frozen=True, slots=True)
class LoanCheck:
    loan: domain.Loan
    cost: LoanCost
    assessment: Assessment
    groups: list
    lines: list[CostLine]
    fees: list[FeeRow]
    received: Decimal
    total_paid: Decimal
    warnings: list[str]

    @property
    def percent(self) -> str:
        return _percent(self.cost.effective_annual_cost)

    @property
    def charge(self) -> Decimal:
        return self.total_paid - self.received


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def loan_offer_build(
    *, amount: Decimal, received: Decimal | None, term: int, installment: Decimal | None,
    schedule: list[Decimal], fees: list[tuple[str, Decimal, str]], lender_type: str, start: date,
) -> domain.Loan:  # fmt: skip
    """The offer as a loan: installments monthly from the payout, fees on the day they are paid."""
    amounts = schedule or [installment or Decimal(0)] * term
    deducted = sum((a for _n, a, when in fees if when == "deducted"), Decimal(0))
    if received is None:
        received = max(amount - deducted, Decimal(0))
    loan_fees: list[domain.Fee] = []
    for name, fee_amount, when in fees:
        if when == "monthly":
            loan_fees += [
                domain.Fee(name, fee_amount, _add_months(start, k))
                for k in range(1, len(amounts) + 1)
            ]
        else:
            loan_fees.append(domain.Fee(name, fee_amount, start))
    return domain.Loan(
        ref="L",
        lender_type=lender_type or "other",
        principal=amount,
        amount_received=received,
        disbursed_on=start,
        installments=tuple(
            domain.Installment(_add_months(start, k), value)
            for k, value in enumerate(amounts, start=1)
        ),
        fees=tuple(loan_fees),
    )


def _line(rule_id: str, label: str, rate, cost, lender: Lender, on: date) -> CostLine:
    rule = CATALOGUE[rule_id]
    cited, _related, _excluded = cited_sources(rule, lender, on)
    standing = finding_standing(rule, cited)
    return CostLine(
        rule=rule_id,
        label=label,
        rate=rate,
        above=cost is not None and rate is not None and cost > rate,
        standing=standing,
        standing_label=str(STANDING_LABELS[standing]),
        sources=cited,
    )


def loan_offer_check(**offer) -> LoanCheck:
    """The offer's true cost (the engine's IRR), the lines it crosses and what they mean for
    this kind of lender, total paid against received, each fee and plain warnings."""
    loan = loan_offer_build(**offer)
    assessment = assess(domain.Case(loans=(loan,)), today=loan.disbursed_on)
    cost = assessment.loans[0]
    lender = Lender(offer["lender_type"] or "other")
    on = loan.disbursed_on
    value = cost.effective_annual_cost
    lines = [
        _line("cost_above_24_percent", "24%", COST_24, value, lender, on),
        _line("cost_above_36_percent", "36%", COST_36, value, lender, on),
    ]
    if cost.cap_4x_lpr is not None:
        lines.append(_line("rate_above_4x_lpr", _("4×LPR"), cost.cap_4x_lpr, value, lender, on))
    installments = sum((i.amount for i in loan.installments), Decimal(0))
    separate = sum((f.amount for f in loan.fees), Decimal(0)) - sum(
        (a for _n, a, when in offer["fees"] if when == "deducted"), Decimal(0)
    )
    fees = [
        _fee_row(name, amount, when, len(loan.installments)) for name, amount, when in offer["fees"]
    ]
    return LoanCheck(
        loan=loan,
        cost=cost,
        assessment=assessment,
        groups=finding_groups(assessment),
        lines=lines,
        fees=fees,
        received=loan.amount_received,
        total_paid=installments + max(separate, Decimal(0)),
        warnings=_warnings(loan, fees, offer["lender_type"]),
    )


def _fee_row(name: str, amount: Decimal, when: str, months: int) -> FeeRow:
    total = amount * months if when == "monthly" else amount
    if when == "deducted":
        why = _(
            "Counts: it is kept back when the money is paid out, so you repay the full amount "
            "but receive less."
        )
    elif when == "monthly":
        why = _("Counts: you pay it every month to keep the loan, whatever it is called.")
    else:
        why = _("Counts: you must pay it to get the loan, whatever it is called.")
    return FeeRow(name, amount, when, total, why, bool(DISGUISED_INTEREST.search(name)))


def _warnings(loan: domain.Loan, fees: list[FeeRow], lender_type: str) -> list[str]:
    warnings = []
    if loan.principal is not None and loan.amount_received is not None:
        gap = loan.principal - loan.amount_received
        if gap > 0:
            warnings.append(
                _(
                    "%(gap)s yuan is kept back at payout: you receive %(received)s but repay "
                    "on %(principal)s. Interest may not be deducted from the principal in "
                    "advance."
                )
                % {"gap": gap, "received": loan.amount_received, "principal": loan.principal}
            )
    if lender_type == "consumer_finance" and fees:
        warnings.append(
            _(
                "A consumer finance company may not charge fees other than interest, except "
                "when you breached the contract: see the rule below, with its source."
            )
        )
    disguised = [fee.name for fee in fees if fee.disguised]
    if disguised:
        warnings.append(
            _(
                "“%(names)s”: membership, guarantee, insurance or service fees that you must pay "
                "to get the loan are often interest under another name. They count in the true "
                "cost."
            )
            % {"names": "”, “".join(disguised)}
        )
    return warnings


# Saving checked messages (after log-in)

SAVE_SALT = "checker.save"
SAVE_MAX_AGE = 3600  # one hour


def messages_save_token(*, messages: list[str], recipient: str, when: str, objected: bool) -> str:
    """The checked messages and answers, signed so they can travel through log-in (1 hour)."""
    data = {
        "messages": messages,
        "recipient": recipient,
        "time": when,
        "objected": objected,
        "day": timezone.localdate().isoformat(),
    }
    return signing.dumps(data, salt=SAVE_SALT, compress=True)


def save_token_load(token: str) -> dict | None:
    """The data of a save token, or None when it is forged or older than one hour."""
    try:
        return signing.loads(token, salt=SAVE_SALT, max_age=SAVE_MAX_AGE)
    except signing.BadSignature:
        return None


@transaction.atomic
def checked_messages_save(*, owner, case, data: dict):
    """Add the checked messages as contacts of `case` (a new case when None) for its owner.

    `data` is a save token's payload: messages, recipient, time, objected, lender type.
    """
    if case is None:
        case = case_services.case_create(
            owner=owner, data={"title": _("Checked messages"), "timezone": domain.DEFAULT_TIMEZONE}
        )
    domain_case = messages_case_build(
        messages=data["messages"], recipient=data["recipient"], when=data["time"],
        objected=data["objected"], lender_type="",
        today=date.fromisoformat(data["day"]),
    )  # fmt: skip
    for contact in domain_case.contacts:
        case_services.contact_create(
            case=case,
            data={
                "occurred_at": contact.occurred_at,
                "channel": "sms",
                "target": contact.target,
                "content": contact.content,
            },
        )
    return case
