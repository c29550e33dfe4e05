"""Reads of a case's actions, with their deadlines, effects and the escalation ladder.

Callers pass a case they obtained through actions/access.py (cases' access rules).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation

from cases.models import Case, Contact, Loan
from cases.selectors import case_findings
from letters.kinds import TakenAction
from rules import domain
from rules.engine.outcomes import (
    WINDOW_DAYS,
    BeforeAfter,
    Deadline,
    before_after,
    reply_deadline,
)
from rules.engine.routing import route

from .ladder import ActionFact, Step, ladder
from .models import Action, Reminder, Response


def action_lender_type(action: Action, loans: list[Loan]) -> str:
    """The kind of lender the action is about: its loan's, else the case's first loan's."""
    loan = next((x for x in loans if x.pk == action.loan_id), None) or (loans[0] if loans else None)
    return loan.lender_type if loan else ""


def action_deadline(action: Action, lender_type: str) -> Deadline:
    """The answer deadline the law sets for this action (or the app's own follow-up date)."""
    return reply_deadline(
        channel=action.channel,
        lender_type=lender_type,
        sent_on=action.sent_on,
        received_on=action.received_on,
        extended_until=action.extended_until,
    )


def case_actions(*, case: Case) -> QuerySet[Action]:
    """The case's actions, newest first, with their loan, who recorded them, responses and
    documents."""
    return (
        Action.objects.filter(case=case)
        .select_related("loan", "created_by")
        .prefetch_related(
            Prefetch("responses", queryset=Response.objects.select_related("evidence")),
            "letter_versions__draft",
            "evidence",
        )
    )


@dataclass(frozen=True, slots=True)
class ActionRow:
    action: Action
    deadline: Deadline
    days_left: int
    effect: BeforeAfter

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    @property
    def overdue(self) -> bool:
        return self.action.is_open and self.days_left < 0


@dataclass(frozen=True, slots=True)
class ActionsOverview:
    rows: list[ActionRow]
    steps: list[Step]
    lender_type: str
    today: date

    @property
    def open_rows(self) -> list[ActionRow]:
        return [r for r in self.rows if r.action.is_open]

    @property
    def suggested(self) -> list[Step]:
        return [s for s in self.steps if s.suggested]


def actions_overview(*, case: Case, today: date | None = None) -> ActionsOverview:
    """Every action with its deadline, days left and the harassment before and after it, and
    the escalation ladder for the case's (first) lender. Certain findings only: the ladder
    must not escalate on the trained model's guesses."""
    today = today or timezone.localdate()
    loans = list(Loan.objects.filter(case=case).order_by("id"))
    result = case_findings(case=case, today=today)
    assessment = result.assessment.certain_only()
    contacts = result.moments  # when and whom: all before_after reads of a contact
    rows = []
    for action in case_actions(case=case):
        deadline = action_deadline(action, action_lender_type(action, loans))
        effect = before_after(
            contacts, assessment.findings, on=action.sent_on, tz=case.timezone, today=today
        )
        rows.append(ActionRow(action, deadline, deadline.days_left(today), effect))
    lender_type = loans[0].lender_type if loans else ""
    routing = route(lender_type, rules=frozenset(f.rule for f in assessment.findings))
    facts = [
        ActionFact(r.action.channel, r.action.sent_on, r.deadline.due, r.action.outcome, r.effect)
        for r in rows
    ]
    steps = ladder(routing, facts, today=today, language=translation.get_language() or "zh-hans")
    return ActionsOverview(rows=rows, steps=steps, lender_type=lender_type, today=today)


@dataclass(frozen=True, slots=True)
class Followup:
    """What a case's actions ask of a helper: answers overdue, and complaints after which the
    contacts went on (the same deadline and before/after verdict the actions page shows)."""

    overdue: int = 0
    continued: int = 0


def cases_followups(*, case_ids: Iterable[int], today: date | None = None) -> dict[int, Followup]:
    """Followups for many cases in 3 queries however many there are, for lists such as the
    review queue. Deadlines come from the stored dates (rules.engine.outcomes.reply_deadline);
    the verdict counts stored contacts around each action, without running the rules."""
    today = today or timezone.localdate()
    actions = list(
        Action.objects.filter(case_id__in=list(case_ids))
        .select_related("case")
        .order_by("case_id", "id")
    )
    if not actions:
        return {}
    acted = {a.case_id for a in actions}
    loans: dict[int, list[Loan]] = {}
    for loan in Loan.objects.filter(case_id__in=acted).order_by("id"):
        loans.setdefault(loan.case_id, []).append(loan)
    earliest = min(a.sent_on for a in actions) - timedelta(days=WINDOW_DAYS + 1)
    contacts: dict[int, list[domain.Contact]] = {}
    rows = Contact.objects.filter(case_id__in=acted, occurred_at__date__gte=earliest).values_list(
        "case_id", "ref", "occurred_at", "channel", "target"
    )
    for case_id, ref, occurred_at, channel, target in rows:
        contacts.setdefault(case_id, []).append(
            domain.Contact(ref=ref, occurred_at=occurred_at, channel=channel, target=target)
        )
    overdue: Counter = Counter()
    continued: Counter = Counter()
    for action in actions:
        due = action_deadline(action, action_lender_type(action, loans.get(action.case_id, [])))
        if action.is_open and due.days_left(today) < 0:
            overdue[action.case_id] += 1
        effect = before_after(
            contacts.get(action.case_id, []), (), on=action.sent_on, tz=action.case.timezone,
            today=today,
        )  # fmt: skip
        if effect.verdict == "continued":
            continued[action.case_id] += 1
    return {pk: Followup(overdue=overdue[pk], continued=continued[pk]) for pk in acted}


def unseen_reminders(*, case: Case) -> QuerySet[Reminder]:
    """Reminders of the case's actions the borrower has not dismissed yet (the in-app copy)."""
    return Reminder.objects.filter(action__case=case, seen_at__isnull=True).select_related("action")


def taken_actions(case: Case) -> tuple[TakenAction, ...]:
    """The case's actions as the letters take them (plain data, oldest first); the answer
    deadline only while no answer has come."""
    loans = list(Loan.objects.filter(case=case).order_by("id"))
    result = []
    for action in Action.objects.filter(case=case).order_by("sent_on", "id"):
        with translation.override("zh-hans"):
            zh = str(action.get_channel_display())
        with translation.override("en"):
            en = str(action.get_channel_display())
        unanswered = action.outcome in ("pending", "no_answer") and not action.responses.exists()
        due = action_deadline(action, action_lender_type(action, loans)).due if unanswered else None
        result.append(
            TakenAction(action.channel, action.sent_on, zh, en, action.ticket_number,
                        method=action.method, due=due)
        )  # fmt: skip
    return tuple(result)
