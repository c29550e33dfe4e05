"""Wording for the ids a plan is made of: steps, channels, letter kinds and rule ids."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rules.engine import CATALOGUE
from rules.engine.catalogue import LETTER_KIND_LABELS
from rules.engine.routing import ASK_LENDER_TYPE

STEP_TEXT: dict[str, tuple[str, str]] = {
    "call_110_now": (
        _("Call 110 now"),
        _(
            "If you are in danger, call the police on 110 before anything else. Go somewhere "
            "safe, keep your phone with you and do not open the door to collectors."
        ),
    ),
    "record_contacts": (
        _("Start recording every contact"),
        _(
            "Write down each call, message and visit: date and time, number, what was said. Keep "
            "screenshots and call logs. Your record is the evidence every complaint needs."
        ),
    ),
    "report_to_police": (
        _("Report threats, impersonation or visits to the police"),
        _(
            "Threats, claiming to be police or a court, forged legal papers, public shaming and "
            "harassing visits can be offences under the Public Security Administration "
            "Punishments Law. Bring your record to the police station or call 110."
        ),
    ),
    "request_information": (
        _("Ask the lender who holds the debt and how much it is"),
        _(
            "Ask in writing for the lender’s name, the amount, how it is made up, and which "
            "collection agency acts for it. You need this to complain or negotiate."
        ),
    ),
    "complain_to_lender": (
        _("Complain to the lender first"),
        _(
            "Use the lender’s official complaint channel and ask it to stop the unlawful "
            "collection. Banks and consumer finance companies must decide simple complaints "
            "within 15 days. Keep the complaint number."
        ),
    ),
    "complain_to_regulator": (
        _("If the lender does not fix it, complain to the regulator"),
        _(
            "Complain to the hotline that covers your lender, and attach your record and the "
            "lender’s answer."
        ),
    ),
    "identify_lender": (
        _("Which kind of lender is this?"),
        ASK_LENDER_TYPE,
    ),
    "report_harassing_calls": (
        _("Report harassing calls and messages to 12321"),
        _("12321 takes reports of harassing calls, spam and abusive messages."),
    ),
    "protect_contacts": (
        _("Protect your family’s and friends’ personal information"),
        _(
            "Tell the people who were contacted that they may ask the collectors to stop. "
            "Report contact-list blasting and leaks of personal information."
        ),
    ),
    "keep_to_agreement": (
        _("Keep to your repayment agreement and report collection that continues"),
        _(
            "For a credit card, once a personalised instalment agreement is signed the bank and "
            "its agents must stop collecting, unless you break the agreement. Keep a copy."
        ),
    ),
    "negotiate_installments": (
        _("Ask the bank about a personalised instalment plan"),
        _(
            "A bank may agree a personalised instalment plan of up to 5 years when the debt is "
            "more than you can pay and you still want to pay. The bank decides; it is not a "
            "right. Ask in writing and keep the answer."
        ),
    ),
    "negotiate_extension": (
        _("Ask the lender for more time or a repayment plan"),
        _(
            "Before the due date you may ask the lender to extend the loan; it needs the "
            "lender’s agreement. Ask in writing, offer what you can really pay, and keep the "
            "answer."
        ),
    ),
    "avoid_paid_agents": (
        _("Do not pay “debt negotiation” agents"),
        _(
            "Agents who promise “停息挂账” or “代理维权” for a fee are the subject of official "
            "warnings. You can ask the lender yourself, for free."
        ),
    ),
    "check_limitation": (
        _("Get advice on the limitation period before you pay or sign"),
        _(
            "The limitation period is three years. Agreeing to pay, or paying, restarts it or "
            "gives up the defence. Ask 12348 before you sign or pay anything on an old debt."
        ),
    ),
    "free_legal_aid": (
        _("Get free legal help"),
        _("Call 12348 for free legal advice and to ask whether you qualify for legal aid."),
    ),
}

# id -> (name, phone number or empty, what it is for)
CHANNEL_TEXT: dict[str, tuple[str, str, str]] = {
    "110": (_("Police"), "110", _("Danger, threats, visits, impersonation of police or courts.")),
    "lender": (
        _("The lender’s own complaint channel"),
        "",
        _("First stop for every complaint: the app or the hotline on your contract."),
    ),
    "12378": (
        _("12378 banking and insurance consumer hotline"),
        "12378",
        _("Complaints about banks, credit cards and consumer finance companies."),
    ),
    "12363": (
        _("12363 central bank consumer hotline"),
        "12363",
        _("Credit-report (征信) and payment matters, after you have complained to the lender."),
    ),
    "12321": (
        _("12321 reporting centre for harassing calls and spam"),
        "12321",
        _("Harassing calls, abusive messages and leaks of personal information."),
    ),
    "12345": (
        _("12345 local government hotline"),
        "12345",
        _("General complaints; it can pass them to the local financial regulator."),
    ),
    "nifa": (
        _("NIFA reporting platform (jubao.nifa.org.cn)"),
        "",
        _("Reports about internet-finance businesses. Not a dispute-resolution body."),
    ),
    "pi_regulator": (
        _("Personal information protection authority"),
        "",
        _("Complaints about unlawful handling of personal information (PIPL art. 65)."),
    ),
    "12348": (
        _("12348 public legal service hotline"),
        "12348",
        _("Free legal advice and help applying for legal aid."),
    ),
}

#: Letter kinds and rules are named once, by the rules catalogue.
LETTER_TEXT = LETTER_KIND_LABELS
RULE_TEXT = {rule_id: rule.title for rule_id, rule in CATALOGUE.items()}

STANDING_TEXT: dict[str, str] = {
    "binding": _("Binding law"),
    "standard": _("Industry standard, not law"),
    "heuristic": _("Our advice from public sources"),
}


def rule_url(rule_id: str) -> str:
    """Link to a rule in the rule catalogue."""
    return reverse("rules:rule_detail", args=[rule_id])


def case_url(case_id: int) -> str:
    """Link to a case page."""
    return reverse("cases:case_detail", args=[case_id])
