"""The case in plain, typed Python: the shape of the `selfhelp.case/1` bundle.

This module is pure. It imports nothing from Django's ORM, so the rules engine,
`assess_case` (straight from a JSON file) and the case page (through the ORM
adapter in cases/adapters.py) all share one representation.

The choice tuples here are the single source of the vocabulary; the models use
them as their `choices`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

BUNDLE_FORMAT = "selfhelp.case/1"
DEFAULT_TIMEZONE = "Asia/Shanghai"

#: The longest text one contact may hold (what was said): about 80 minutes of speech written
#: down. The model, the forms, the bundle and both importers refuse or cut longer text.
CONTENT_MAX_LENGTH = 20_000
#: The longest free note: an event's note, an action's summary, an answer received.
NOTE_MAX_LENGTH = 4_000

LENDER_TYPE_CHOICES = [
    ("bank", _("Bank")),
    ("consumer_finance", _("Consumer finance company")),
    ("microloan", _("Microloan company")),
    ("platform", _("Lending platform")),
    ("unlicensed", _("Unlicensed or private lender")),
    ("other", _("Other")),
]

#: What the loan was for. The consumer-protection texts (消保办法, GB/T 45251, the CBA
#: guideline) cover consumers; a business loan (e.g. most of 网商贷) may fall outside them.
PURPOSE_CHOICES = [
    ("consumer", _("Personal or household spending")),
    ("business", _("Business or trade")),
]

CHANNEL_CHOICES = [
    ("call", _("Phone call")),
    ("sms", _("Text message")),
    ("im", _("Chat app (WeChat, QQ…)")),
    ("app", _("In-app message")),
    ("email", _("Email")),
    ("letter", _("Letter")),
    ("visit", _("Visit in person")),
    ("social_post", _("Public or social-media post")),
]

TARGET_CHOICES = [
    ("borrower", _("Me (the borrower)")),
    ("guarantor", _("Guarantor")),
    ("spouse", _("Spouse")),
    ("relative", _("Relative")),
    ("friend", _("Friend")),
    ("colleague", _("Colleague")),
    ("employer", _("Employer")),
    ("contact_list", _("Someone in my contact list")),
    ("public", _("The public")),
]
#: Targets a lender may lawfully ask for payment.
DEBTOR_SIDE_TARGETS = frozenset({"borrower", "guarantor"})

CLAIMS_TO_BE_CHOICES = [
    ("police", _("Police")),
    ("court", _("Court")),
    ("procuratorate", _("Procuratorate")),
    ("government", _("Government office")),
    ("lawyer", _("Lawyer or law firm")),
    ("arbitration", _("Arbitration body")),
]

EVENT_KIND_CHOICES = [
    ("borrower_objected", _("I objected to the collection conduct")),
    ("third_party_objected", _("A third party asked not to be contacted")),
    ("installment_agreement_signed", _("Repayment agreement signed")),
    ("dispute_filed", _("Dispute filed")),
    ("outsourcing_notice_received", _("Notice of outsourced collection received")),
]

COMMON_TAGS = [
    ("threat", _("Threat")),
    ("insult", _("Insult")),
    ("fake_document", _("Fake legal paper")),
    ("impersonation", _("Pretended to be police or court")),
    ("disclosed_debt", _("Told others about my debt")),
    ("public_post", _("Public post")),
    ("no_identity", _("Would not say who they are")),
    ("private_account", _("Asked to pay a personal account")),
    ("borrow_elsewhere", _("Told me to borrow elsewhere")),
    ("refused_to_leave", _("Refused to leave")),
]


def _values(choices) -> frozenset[str]:
    return frozenset(value for value, _label in choices)


#: What the borrower did (the actions app's vocabularies, carried by the bundle's `actions`).
ACTION_CHANNELS = frozenset(
    {"lender", "agency", "12378", "12345", "12321", "pi_regulator", "110", "12363", "court"}
)
ACTION_METHODS = frozenset({"registered_post", "online", "phone", "in_person"})
ACTION_OUTCOMES = frozenset({"pending", "resolved", "partly_resolved", "rejected", "no_answer"})

LENDER_TYPES = _values(LENDER_TYPE_CHOICES)
PURPOSES = _values(PURPOSE_CHOICES)
CHANNELS = _values(CHANNEL_CHOICES)
TARGETS = _values(TARGET_CHOICES)
AUTHORITIES = _values(CLAIMS_TO_BE_CHOICES)
EVENT_KINDS = _values(EVENT_KIND_CHOICES)


@dataclass(frozen=True, slots=True)
class Borrower:
    name: str = ""
    phone: str = ""
    address: str = ""
    id_number: str = ""


@dataclass(frozen=True, slots=True)
class Installment:
    due_on: date
    amount: Decimal
    paid: Decimal = Decimal("0")


@dataclass(frozen=True, slots=True)
class Fee:
    name: str
    amount: Decimal
    charged_on: date | None = None


@dataclass(frozen=True, slots=True)
class Loan:
    ref: str
    lender: str = ""
    lender_type: str = "other"
    product: str = ""
    contract_no: str = ""
    principal: Decimal | None = None
    amount_received: Decimal | None = None
    disbursed_on: date | None = None
    installments: tuple[Installment, ...] = ()
    fees: tuple[Fee, ...] = ()
    overdue_since: date | None = None
    outstanding: Decimal | None = None
    stated_rate: Decimal | None = None
    purpose: str = ""  # "consumer", "business" or "" (not recorded)

    @property
    def is_credit_card(self) -> bool:
        """The product says credit card (信用卡): only then do the credit-card rules apply."""
        product = self.product or ""
        return "信用卡" in product or (
            self.lender_type == "bank" and "credit card" in product.lower()
        )


@dataclass(frozen=True, slots=True)
class Caller:
    name: str = ""
    organization: str = ""
    phone: str = ""
    identity_disclosed: bool | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    ref: str
    occurred_at: datetime  # always timezone-aware
    channel: str
    target: str
    loan: str | None = None
    connected: bool | None = None
    duration_seconds: int | None = None
    target_name: str = ""
    target_phone: str = ""
    visitors: int | None = None
    caller: Caller = field(default_factory=Caller)
    claims_to_be: tuple[str, ...] = ()
    content: str = ""
    tags: tuple[str, ...] = ()
    consent_to_time: bool = False
    #: Text rules found in `content` when it was saved: (rule, "certain" | "possible") pairs.
    #: None means not stored, and the engine detects from the content.
    detected: tuple[tuple[str, str], ...] | None = None
    #: The borrower's answers to findings on this contact: (rule, "confirmed" | "dismissed").
    #: An answer wins over detection.
    answers: tuple[tuple[str, str], ...] = ()

    @property
    def is_third_party(self) -> bool:
        return self.target not in DEBTOR_SIDE_TARGETS


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    at: datetime  # always timezone-aware
    loan: str | None = None
    target_phone: str = ""
    target_name: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class ActionResponse:
    received_on: date
    text: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """A complaint or letter the borrower sent, and what came of it."""

    channel: str
    method: str
    sent_on: date
    loan: str | None = None
    received_on: date | None = None
    tracking_number: str = ""
    ticket_number: str = ""
    summary: str = ""
    extended_until: date | None = None
    extension_note: str = ""
    outcome: str = "pending"
    outcome_on: date | None = None
    responses: tuple[ActionResponse, ...] = ()


@dataclass(frozen=True, slots=True)
class Case:
    timezone: str = DEFAULT_TIMEZONE
    borrower: Borrower = field(default_factory=Borrower)
    loans: tuple[Loan, ...] = ()
    contacts: tuple[Contact, ...] = ()
    events: tuple[Event, ...] = ()
    actions: tuple[Action, ...] = ()
