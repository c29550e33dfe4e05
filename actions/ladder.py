"""The escalation ladder: the next place to turn when a complaint goes unanswered or the
harassment goes on. Pure: routing, actions as plain data and dates in; steps out.

The backbone is the engine's routing by lender type: the lender first, then its regulator,
then the police, 12321 and the personal-information authority where the conduct calls for
them, and last a civil claim in court (民法典 arts. 1032, 1033 and 1165, VERIFIED-PRIMARY in
the fact sheet as `cc_privacy`, `cc_privacy_acts` and `cc_damages`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from rules.engine.outcomes import BeforeAfter
from rules.engine.routing import Channel, Routing
from rules.engine.types import Standing

#: The letter kind that makes each step's document, where the app has one.
LETTER_FOR = {
    "lender": "complaint_lender",
    "12378": "complaint_regulator",
    "12345": "complaint_regulator",
    "110": "police_statement",
    "pi_regulator": "pi_complaint",
}
#: Channels that are steps on the ladder after the regulator, in this order.
LATER = ("110", "12321", "pi_regulator")
CIVIL_CLAIM = Channel(
    "court",
    "人民法院（民事诉讼）",
    "a civil claim in the people's court",
    Standing.BINDING,
    "民法典 第一千零三十二条、第一千零三十三条、第一千一百六十五条",
    "cc_privacy",
)
STALLED_OUTCOMES = ("pending", "no_answer")


@dataclass(frozen=True, slots=True)
class ActionFact:
    """What the ladder needs to know about one recorded action."""

    channel: str
    sent_on: date
    due: date
    outcome: str
    effect: BeforeAfter | None = None


@dataclass(slots=True)
class Step:
    channel: Channel
    letter_kind: str
    done_on: date | None = None
    suggested: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.done_on is not None


def _steps(routing: Routing) -> list[Step]:
    by_id = {c.id: c for c in routing.channels}
    chosen: list[Channel] = []
    if "lender" in by_id:
        chosen.append(by_id["lender"])
    if routing.regulator is not None:
        chosen.append(routing.regulator)
    chosen += [by_id[cid] for cid in LATER if cid in by_id]
    chosen.append(CIVIL_CLAIM)
    return [Step(c, LETTER_FOR.get(c.id, "")) for c in dict.fromkeys(chosen)]


def stall_reasons(fact: ActionFact, *, today: date, label: str) -> list[str]:
    """Why this action calls for the next step: no answer in time, a rejection, or
    findings continuing after it."""
    reasons = []
    if fact.outcome in STALLED_OUTCOMES and today > fact.due:
        reasons.append(
            _("%(where)s did not answer by %(due)s.") % {"where": label, "due": fact.due}
        )
    if fact.outcome == "rejected":
        reasons.append(_("%(where)s rejected your complaint.") % {"where": label})
    effect = fact.effect
    if effect is not None and effect.findings_after:
        reasons.append(
            _(
                "After your complaint of %(sent)s, %(count)s contacts broke the rules in the "
                "following %(days)s days."
            )
            % {"sent": fact.sent_on, "count": effect.findings_after, "days": effect.days}
        )
    return reasons


def ladder(
    routing: Routing, actions: Iterable[ActionFact], *, today: date, language: str = "zh-hans"
) -> list[Step]:
    """The steps for this lender, done ones ticked, and the next one suggested with its reasons.

    With nothing done yet, the first step is suggested. After that, the step following the
    highest one done is suggested only when an action stalled (see `stall_reasons`); while a
    complaint is still within its deadline and nothing broke the rules after it, the borrower
    waits.
    """
    steps = _steps(routing)
    index = {s.channel.id: i for i, s in enumerate(steps)}
    facts = sorted(actions, key=lambda a: a.sent_on)
    highest = -1
    reasons: list[str] = []
    for fact in facts:
        i = index.get(fact.channel)
        if i is None:
            continue
        step = steps[i]
        step.done_on = max(step.done_on or fact.sent_on, fact.sent_on)
        label = step.channel.authority_en if language == "en" else step.channel.authority_zh
        if i > highest:
            highest, reasons = i, []
        if i == highest:
            reasons += stall_reasons(fact, today=today, label=label)
    if highest == -1:
        steps[0].suggested = True
        steps[0].reasons.append(
            _("Start here: most authorities expect the lender to be asked first.")
        )
        return steps
    if reasons:
        following = next((s for s in steps[highest + 1 :] if not s.done), None)
        if following is not None:
            following.suggested = True
            following.reasons.extend(reasons)
    return steps
