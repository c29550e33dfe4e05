"""After a complaint: when the answer is due, and whether the harassment stopped.

Pure, like the rest of the engine: dates, contacts and findings in, plain data out. The
actions app (deadlines, reminders, the escalation ladder) and the evidence report both call
it, so the page and the printed report never disagree.

Deadlines are stated only where a text verifies them (cn-facts.md and texts/):
- 银行业保险业消费投诉处理管理办法 art. 18 binds 银行保险机构 (art. 42: banking financial
  institutions, which includes banks, card issuers and consumer finance companies; the routing
  function knows which lenders those are): a decision "自收到消费投诉之日起15日内", 30 days
  if complex, another 30 with senior approval and notice. Days are calendar days and
  "以内" includes the last one (art. 43).
- 征信业管理条例 art. 26: a complaint to the PBOC branch is answered "自受理之日起30日内".
Every other channel has no verified deadline: the app suggests its own follow-up date and
says that it is the app's own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from rules import domain

from .routing import route
from .types import Finding, Standing

#: The app's own follow-up date where no text sets a deadline (not law: labelled as such).
APP_FOLLOW_UP_DAYS = 15
#: Art. 18's longest period: 15, extended to 30, then once more by 30.
LONGEST_REPLY_DAYS = 60
#: Days counted before and after an action.
WINDOW_DAYS = 14
CREDIT_REPLY_DAYS = 30
CREDIT_BASIS = "征信业管理条例 第二十六条"


@dataclass(frozen=True, slots=True)
class Deadline:
    """When an answer is due, from what date, and on what authority."""

    due: date
    days: int  # days counted from `start`
    start: date
    from_receipt: bool  # counted from the date received (False: from the date sent)
    basis: str  # the text, or "" for the app's own follow-up date
    standing: Standing | None  # None: the app's own date, not law
    extended: bool = False  # moved by an extension the recipient announced
    beyond_longest: bool = False  # an announced extension past art. 18's 60 days

    @property
    def verified(self) -> bool:
        return self.standing is not None

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def reply_deadline(
    *,
    channel: str,
    lender_type: str,
    sent_on: date,
    received_on: date | None = None,
    extended_until: date | None = None,
) -> Deadline:
    """The answer deadline for a complaint sent through `channel` about a lender of this type.

    Counted from the date received where known ("15日内" runs from receipt), otherwise from the
    date sent, which is never later. An extension the recipient announced replaces the due
    date; one beyond art. 18's longest period (60 days from receipt) is flagged.
    """
    start = received_on or sent_on
    from_receipt = received_on is not None
    routing = route(lender_type)
    if channel == "lender" and routing.reply_days:
        days, basis, standing = routing.reply_days, routing.reply_basis, routing.reply_standing
    elif channel == "12363":
        days, basis, standing = CREDIT_REPLY_DAYS, CREDIT_BASIS, Standing.BINDING
    else:
        days, basis, standing = APP_FOLLOW_UP_DAYS, "", None
    due = start + timedelta(days=days)
    if extended_until is None or extended_until <= due:
        return Deadline(due, days, start, from_receipt, basis, standing)
    beyond = (
        standing is not None
        and channel == "lender"
        and (extended_until > start + timedelta(days=LONGEST_REPLY_DAYS))
    )
    return Deadline(
        extended_until,
        (extended_until - start).days,
        start,
        from_receipt,
        basis,
        standing,
        extended=True,
        beyond_longest=beyond,
    )


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: str
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    """Contacts and findings in the days before and after an action (the day itself left out)."""

    on: date
    days: int
    observed_days: int  # days after the action seen so far (up to `days`)
    contacts_before: int
    contacts_after: int
    rules: tuple[RuleCount, ...]
    after_dates: tuple[date, ...]  # the dates of contacts after, in order

    @property
    def findings_before(self) -> int:
        return sum(r.before for r in self.rules)

    @property
    def findings_after(self) -> int:
        return sum(r.after for r in self.rules)

    @property
    def verdict(self) -> str:
        """ "stopped", "fell", "continued", or "none" (no contacts on either side)."""
        if not self.contacts_before and not self.contacts_after:
            return "none"
        if not self.contacts_after:
            return "stopped"
        if self.contacts_after < self.contacts_before:
            return "fell"
        return "continued"


def before_after(
    contacts: Iterable[domain.Contact],
    findings: Iterable[Finding],
    *,
    on: date,
    tz: str | ZoneInfo,
    today: date,
    days: int = WINDOW_DAYS,
) -> BeforeAfter:
    """Count contacts, and contacts behind each rule's findings, `days` before and after `on`.

    Dates are local to the case. The action's own day is left out: the app knows the date
    of the action, not the hour, so a contact that day cannot be placed on either side.
    """
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    first, last = on - timedelta(days=days), on + timedelta(days=days)
    side: dict[str, str] = {}
    after_dates: list[date] = []
    for contact in contacts:
        day = contact.occurred_at.astimezone(zone).date()
        if first <= day < on:
            side[contact.ref] = "before"
        elif on < day <= last:
            side[contact.ref] = "after"
            after_dates.append(day)
    counts: dict[str, Counter] = {}
    for finding in findings:
        for ref in set(finding.contacts):
            if ref in side:
                counts.setdefault(finding.rule, Counter())[(ref, side[ref])] = 1
    rules = []
    for rule, seen in counts.items():
        before = sum(1 for (_, s) in seen if s == "before")
        after = sum(1 for (_, s) in seen if s == "after")
        rules.append(RuleCount(rule, before, after))
    rules.sort(key=lambda r: (-(r.before + r.after), r.rule))
    sides = Counter(side.values())
    return BeforeAfter(
        on=on,
        days=days,
        observed_days=max(0, min(days, (today - on).days)),
        contacts_before=sides["before"],
        contacts_after=sides["after"],
        rules=tuple(rules),
        after_dates=tuple(sorted(after_dates)),
    )
