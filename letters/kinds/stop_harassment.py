"""A demand to stop each violation found, to contact only the borrower, in permitted hours."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context

#: Conduct that may reach 治安管理处罚法 art. 50 para. 1 item (5) (threatening messages,
#: harassment that disturbs normal life). A single early-morning call does not, and a
#: letter that overstates the law weakens the borrower.
PUBLIC_ORDER_RULES = frozenset(
    {
        "threat",
        "insult",
        "connected_calls_over_cap",
        "dial_attempts_over_cap",
        "third_party_contacted_after_objection",
        "contact_list_blast",
        "public_shaming",
        "improper_visit",
        "false_legal_consequences",
    }
)
PUBLIC_ORDER_TAGS = frozenset({"threat", "insult", "refused_to_leave"})


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    ctx["cite_public_order"] = any(
        f.rule in PUBLIC_ORDER_RULES for f in inp.assessment.findings
    ) or any(PUBLIC_ORDER_TAGS & set(c.tags) for c in inp.case.contacts)
    ctx["third_party_contacts"] = sum(1 for c in inp.case.contacts if c.is_third_party)
    ctx["night_contacts"] = sum(1 for r in ctx["facts"]["rows"] if r["night"])
    ctx["contact_channel"] = inp.fields.get("contact_channel") or ""
    return ctx


KIND = Kind(
    key="stop_harassment",
    title=_("Demand to stop harassment"),
    description=_(
        "Tell the lender, with dates and rules, to stop the harassment and contact only you."
    ),
    build=build,
    extra_fields=("contact_channel",),
    rule_ids=frozenset(
        {
            "contact_quiet_hours",
            "connected_calls_over_3_per_day",
            "dial_attempts_over_6_per_number",
            "third_party_contact_while_debtor_reachable",
            "collecting_from_third_party",
            "debt_details_disclosed_to_third_party",
            "third_party_contact_after_objection",
            "contact_list_blast",
            "insult_or_abuse",
            "harassment_after_objection",
            "no_identity_on_first_contact",
        }
    ),
)
