"""The guided interview's questions: keys, choices and wording.

The keys and choice values are stable ids: the plan logic (services.interview_plan)
and saved plans depend on them. Only the wording is translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    help: str
    choices: tuple[tuple[str, str], ...]
    multiple: bool = False


QUESTIONS: tuple[Question, ...] = (
    Question(
        key="danger",
        text=_("Do you feel in danger right now?"),
        help=_("For example: someone is at your door, or you have been threatened with violence."),
        choices=(("yes", _("Yes, I feel in danger now")), ("no", _("No, not right now"))),
    ),
    Question(
        key="loan_types",
        text=_("What kind of debt is it?"),
        help=_("Choose every kind that applies. If you are not sure, choose “I don’t know”."),
        choices=(
            ("credit_card", _("Credit card")),
            ("consumer_finance", _("Consumer finance, such as 花呗 or 借呗")),
            ("bank_online", _("Bank online loan, such as 网商贷")),
            ("microloan", _("A microloan company (小额贷款公司)")),
            ("lending_app", _("A lending app")),
            ("private_lender", _("A private lender (a person or unlicensed company)")),
            ("unknown", _("I don’t know")),
        ),
        multiple=True,
    ),
    Question(
        key="conduct",
        text=_("What have the collectors done?"),
        help=_("Choose everything that happened. You can add the details to your record later."),
        choices=(
            ("night_calls", _("Called or messaged at night (22:00–08:00)")),
            ("many_calls", _("Called many times in one day")),
            ("third_party_calls", _("Contacted my family, friends or employer")),
            ("threats", _("Threatened me or my family")),
            ("insults", _("Insulted or abused me")),
            ("impersonation", _("Claimed to be police, a court or the government")),
            ("fake_documents", _("Sent “legal papers” such as summons or lawyer letters")),
            ("public_posts", _("Posted about me in groups or in public")),
            ("visits", _("Came to my home or workplace")),
            ("private_account", _("Asked me to pay into a personal account or pay a fee")),
            ("borrow_elsewhere", _("Told me to borrow elsewhere to pay")),
            ("none", _("None of these")),
        ),
        multiple=True,
    ),
    Question(
        key="third_party_objected",
        text=_("Has a family member, friend or colleague asked the collectors to stop?"),
        help=_("A person who is not the borrower may tell collectors not to contact them again."),
        choices=(
            ("yes", _("Yes, and the collectors kept contacting them")),
            ("no", _("No")),
            ("not_applicable", _("Nobody else was contacted")),
        ),
    ),
    Question(
        key="can_pay",
        text=_("Can you pay something now?"),
        help=_("This helps us suggest how to talk to the lender. Nothing here is shared."),
        choices=(
            ("in_full", _("Yes, I can pay what is due")),
            ("some", _("I can pay part of it, or in small instalments")),
            ("nothing", _("I cannot pay anything right now")),
        ),
    ),
    Question(
        key="negotiate",
        text=_("Do you want to negotiate a repayment plan with the lender?"),
        help=_("For example instalments, or more time to pay."),
        choices=(
            ("yes", _("Yes")),
            ("no", _("Not now")),
            ("already_signed", _("I already signed a repayment agreement")),
        ),
    ),
    Question(
        key="last_payment",
        text=_("When did you last pay, or agree in writing to pay, this debt?"),
        help=_("This matters for the limitation period (three years under the Civil Code)."),
        choices=(
            ("recent", _("Within the last three years")),
            ("over_three_years", _("More than three years ago")),
            ("unknown", _("I don’t know")),
        ),
    ),
)

QUESTION_KEYS: tuple[str, ...] = tuple(q.key for q in QUESTIONS)
QUESTIONS_BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}
