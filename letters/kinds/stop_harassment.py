"""A demand to stop each violation found, to contact only the borrower, in permitted hours."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from rules.engine.catalogue import CIVIL_1033, PSA12_42_5, PSA_50_5
from rules.engine.types import Lender

from .base import Kind, LetterInput, base_context, source_entry

#: Conduct that may reach 治安管理处罚法 art. 50 para. 1 item (5) (2012 text: art. 42 item (5)):
#: repeated insulting or threatening messages, or harassment that disturbs normal life. Call
#: counts above the industry benchmarks alone do not, nor does a single early-morning call:
#: a letter that overstates the law weakens the borrower.
PUBLIC_ORDER_RULES = frozenset(
    {"threat", "insult", "third_party_contacted_after_objection", "contact_list_blast"}
)


def public_order_sources(inp: LetterInput) -> list[dict]:
    """Art. 50(1)(5) of the 2025 law and/or art. 42(5) of the 2012 law, by the dates of the
    conduct, when that conduct happened more than once ("多次")."""
    tz = ZoneInfo(inp.case.timezone)
    by_ref = {c.ref: c for c in inp.case.contacts}
    refs = {
        ref
        for f in inp.assessment.findings
        if f.rule in PUBLIC_ORDER_RULES
        for ref in f.contacts
        if ref in by_ref
    }
    if len(refs) < 2:
        return []
    days = [by_ref[ref].occurred_at.astimezone(tz).date() for ref in refs]
    return [
        source_entry(source, inp.language)
        for source in (PSA12_42_5, PSA_50_5)
        if any(source.applies(Lender(), day) for day in days)
    ]


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    ctx["complaint_deadline"] = bool(ctx["routing"].reply_days)
    ctx["public_order"] = public_order_sources(inp)
    ctx["civil_1033"] = source_entry(CIVIL_1033, inp.language)
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
    reviewer_description=_(
        "Tells the lender, with dates and rules, to stop the harassment and contact only the borrower."
    ),
    build=build,
    extra_fields=("contact_channel",),
    rule_ids=frozenset(
        {
            "quiet_hours",
            "connected_calls_over_cap",
            "dial_attempts_over_cap",
            "third_party_collection",
            "debt_disclosed_to_third_party",
            "third_party_contacted_after_objection",
            "contact_list_blast",
            "insult",
            "identity_not_disclosed",
        }
    ),
)
