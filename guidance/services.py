"""Guided help: the personal action plan (a pure function) and saving it on a case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from django.db import transaction

from rules.engine.routing import complaint_channels, route

from .models import GuidancePlan
from .questions import QUESTION_KEYS, QUESTIONS_BY_KEY

# What the collector did (interview answer) -> rule ids of the rule catalogue (issue 3).
CONDUCT_RULES: dict[str, tuple[str, ...]] = {
    "night_calls": ("quiet_hours",),
    "many_calls": ("connected_calls_over_cap", "dial_attempts_over_cap"),
    "third_party_calls": (
        "third_party_collection",
        "debt_disclosed_to_third_party",
        "contact_list_blast",
    ),
    "threats": ("threat",),
    "insults": ("insult",),
    "impersonation": ("impersonating_authority",),
    "fake_documents": ("fake_legal_document", "false_legal_consequences"),
    "public_posts": ("public_shaming",),
    "visits": ("improper_visit",),
    "private_account": ("extra_fee_or_private_account",),
    "borrow_elsewhere": ("inducing_new_borrowing",),
}

# Conduct the police (110) deal with: threats, impersonation, forged papers, visits, shaming.
POLICE_CONDUCT = frozenset({"threats", "impersonation", "fake_documents", "visits", "public_posts"})
HARASSMENT_CONDUCT = frozenset({"night_calls", "many_calls", "insults"})
CONTACTS_CONDUCT = frozenset({"third_party_calls", "public_posts"})
#: Interview answer -> the engine's lender type, for routing. "unknown" has none: the plan
#: asks which kind of lender it is instead of guessing.
INTERVIEW_LENDER_TYPES = {
    "credit_card": "bank",
    "consumer_finance": "consumer_finance",
    "bank_online": "bank",
    "microloan": "microloan",
    "lending_app": "platform",
    "private_lender": "unlicensed",
}

# Channel ids, in the order the knowledge base recommends: the lender first.
CHANNEL_ORDER: tuple[str, ...] = (
    "110",
    "lender",
    "12378",
    "12363",
    "12321",
    "12345",
    "nifa",
    "pi_regulator",
    "12348",
)


@dataclass(frozen=True)
class PlanStep:
    """One thing to do. Every field holds ids; wording lives in guidance.labels."""

    id: str
    rules: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    letters: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    danger: bool
    steps: tuple[PlanStep, ...]
    rules: tuple[str, ...] = field(default=())
    channels: tuple[str, ...] = field(default=())
    letters: tuple[str, ...] = field(default=())
    articles: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        """A JSON-ready dict of ids, for storing on a case."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping) -> Plan:
        """Rebuild a plan stored with as_dict()."""
        steps = tuple(
            PlanStep(
                id=s["id"],
                rules=tuple(s.get("rules", ())),
                channels=tuple(s.get("channels", ())),
                letters=tuple(s.get("letters", ())),
                articles=tuple(s.get("articles", ())),
            )
            for s in data.get("steps", ())
        )
        return cls(
            danger=bool(data.get("danger")),
            steps=steps,
            rules=tuple(data.get("rules", ())),
            channels=tuple(data.get("channels", ())),
            letters=tuple(data.get("letters", ())),
            articles=tuple(data.get("articles", ())),
        )


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _as_set(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


def interview_answers_clean(raw: Mapping) -> dict:
    """Keep only known questions and known choices from stored answers (the session may be stale)."""
    clean: dict = {}
    for key in QUESTION_KEYS:
        if key not in raw:
            continue
        question = QUESTIONS_BY_KEY[key]
        allowed = {value for value, _label in question.choices}
        value = raw[key]
        if question.multiple:
            values = [
                v for v in (value if isinstance(value, list | tuple) else [value]) if v in allowed
            ]
            if values:
                clean[key] = values
        elif value in allowed:
            clean[key] = value
    return clean


def interview_is_complete(answers: Mapping) -> bool:
    """True once every question has an answer."""
    return all(key in answers for key in QUESTION_KEYS)


def interview_plan(answers: Mapping) -> Plan:
    """The personal action plan for a set of interview answers. Pure: no I/O, no database.

    Steps come in the order a frightened borrower should take them: safety first,
    then evidence, then the lender, then regulators, then help.
    """
    danger = answers.get("danger") == "yes"
    loan_types = _as_set(answers.get("loan_types"))
    conduct = _as_set(answers.get("conduct")) - {"none"}
    objected = answers.get("third_party_objected") == "yes"
    can_pay = answers.get("can_pay")
    negotiate = answers.get("negotiate")
    old_debt = answers.get("last_payment") == "over_three_years"

    rules = [rule for key in CONDUCT_RULES if key in conduct for rule in CONDUCT_RULES[key]]
    if objected and "third_party_calls" in conduct:
        rules.append("third_party_contacted_after_objection")
    if negotiate == "already_signed" and conduct:
        rules.append("contact_after_installment_agreement")
    rules_t = _unique(rules)

    steps: list[PlanStep] = []
    police_conduct = conduct & POLICE_CONDUCT
    if danger:
        steps.append(
            PlanStep(
                id="call_110_now",
                rules=tuple(r for r in rules_t if r in {"threat", "improper_visit"}),
                channels=("110",),
                letters=("police_statement",),
                articles=("what-collectors-may-not-do",),
            )
        )
    steps.append(
        PlanStep(id="record_contacts", letters=("evidence_report",), articles=("your-rights",))
    )
    if police_conduct and not danger:
        police_rules = _unique(
            r for key in CONDUCT_RULES if key in police_conduct for r in CONDUCT_RULES[key]
        )
        steps.append(
            PlanStep(
                id="report_to_police",
                rules=police_rules,
                channels=("110",),
                letters=("police_statement", "evidence_report"),
                articles=("what-collectors-may-not-do", "complaint-channels"),
            )
        )
    if "unknown" in loan_types or negotiate == "yes":
        steps.append(
            PlanStep(
                id="request_information",
                channels=("lender",),
                letters=("information_request",),
                articles=("your-rights",),
            )
        )
    if conduct:
        steps.append(
            PlanStep(
                id="complain_to_lender",
                rules=rules_t,
                channels=("lender",),
                letters=("stop_harassment", "complaint_lender"),
                articles=("complaint-channels", "what-collectors-may-not-do"),
            )
        )
        regulators = [
            channel
            for answer in sorted(loan_types)
            if answer in INTERVIEW_LENDER_TYPES
            for channel in complaint_channels(route(INTERVIEW_LENDER_TYPES[answer]))
        ]
        if "unknown" in loan_types or not loan_types:
            steps.append(PlanStep(id="identify_lender", articles=("complaint-channels",)))
        if regulators:
            steps.append(
                PlanStep(
                    id="complain_to_regulator",
                    rules=rules_t,
                    channels=tuple(c for c in CHANNEL_ORDER if c in regulators),
                    letters=("complaint_regulator",),
                    articles=("complaint-channels",),
                )
            )
    if conduct & HARASSMENT_CONDUCT:
        steps.append(
            PlanStep(
                id="report_harassing_calls",
                rules=_unique(
                    r
                    for key in CONDUCT_RULES
                    if key in conduct & HARASSMENT_CONDUCT
                    for r in CONDUCT_RULES[key]
                ),
                channels=("12321",),
                articles=("complaint-channels",),
            )
        )
    if conduct & CONTACTS_CONDUCT:
        contact_rules = [
            r for key in sorted(conduct & CONTACTS_CONDUCT) for r in CONDUCT_RULES[key]
        ]
        if objected and "third_party_calls" in conduct:
            contact_rules.append("third_party_contacted_after_objection")
        steps.append(
            PlanStep(
                id="protect_contacts",
                rules=_unique(contact_rules),
                channels=("12321", "pi_regulator"),
                letters=("pi_complaint",),
                articles=("protecting-contacts",),
            )
        )
    if negotiate == "already_signed":
        steps.append(
            PlanStep(
                id="keep_to_agreement",
                rules=("contact_after_installment_agreement",) if conduct else (),
                channels=("lender", "12378"),
                letters=("complaint_lender",),
                articles=("negotiating-repayment",),
            )
        )
    elif negotiate == "yes" or can_pay in {"some", "nothing"}:
        card = "credit_card" in loan_types
        steps.append(
            PlanStep(
                id="negotiate_installments" if card else "negotiate_extension",
                channels=("lender",),
                letters=("negotiation",),
                articles=("negotiating-repayment",),
            )
        )
    if negotiate in {"yes", "already_signed"} or can_pay in {"some", "nothing"}:
        steps.append(PlanStep(id="avoid_paid_agents", articles=("negotiating-repayment",)))
    if old_debt:
        steps.append(
            PlanStep(id="check_limitation", channels=("12348",), articles=("limitation-period",))
        )
    steps.append(PlanStep(id="free_legal_aid", channels=("12348",)))

    channels = {c for s in steps for c in s.channels}
    return Plan(
        danger=danger,
        steps=tuple(steps),
        rules=rules_t,
        channels=tuple(c for c in CHANNEL_ORDER if c in channels),
        letters=_unique(letter for s in steps for letter in s.letters),
        articles=_unique(a for s in steps for a in s.articles),
    )


def guidance_plan_create(*, owner, case, answers: Mapping) -> GuidancePlan:
    """Save the plan for these answers on the owner's case. The caller checks access first."""
    clean = interview_answers_clean(answers)
    plan = GuidancePlan(owner=owner, case=case, answers=clean, plan=interview_plan(clean).as_dict())
    plan.full_clean()
    with transaction.atomic():
        plan.save()
    return plan
