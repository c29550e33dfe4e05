"""情况说明 for the police: threats, impersonation, forged papers, visits, doxxing."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from rules.engine.catalogue import (
    PSA12_42_1,
    PSA12_42_5,
    PSA12_51,
    PSA12_52_2,
    PSA_50_1,
    PSA_50_5,
    PSA_62,
    PSA_63_3,
)
from rules.engine.types import Lender

from .base import Kind, LetterInput, base_context, contact_row, source_entry

#: Conduct the police deal with (tags, channels and claims recorded on contacts).
POLICE_TAGS = frozenset({"threat", "insult", "fake_document", "impersonation", "public_post",
                         "refused_to_leave", "disclosed_debt"})  # fmt: skip
POLICE_CHANNELS = frozenset({"visit", "social_post"})
#: Findings that may be harassment under 治安管理处罚法 (2025) art. 50(1)(5): repeated threatening
#: or insulting messages, pestering people who asked to be left alone, or a contact-list blast.
#: Call counts alone (industry benchmarks) are not.
HARASSMENT_RULES = frozenset(
    {"threat", "insult", "third_party_contacted_after_objection", "contact_list_blast"}
)
PSA_2025_IN_FORCE = date(2026, 1, 1)


def police_law(inp: LetterInput, serious: list[dict]) -> dict:
    """The provisions of the 治安管理处罚法 version in force at the time of the conduct:
    the 2012 text before 2026, the 2025 revision after; and whether a no-contact order
    (2025 art. 50 para. 2, for item (5) harassment only) can be asked for."""
    tz = ZoneInfo(inp.case.timezone)
    by_ref = {c.ref: c for c in inp.case.contacts}
    day_of = {ref: c.occurred_at.astimezone(tz).date() for ref, c in by_ref.items()}

    def refs(rules) -> set[str]:
        return {
            r for f in inp.assessment.findings if f.rule in rules for r in f.contacts
            if r in by_ref
        }  # fmt: skip

    def cite(new, old, contact_refs) -> list[dict]:
        days = [day_of[r] for r in contact_refs]
        return [
            source_entry(src, inp.language)
            for src in (old, new)
            if any(src.applies(Lender(), day) for day in days)
        ]

    threats = refs({"threat"})
    harassment = refs(HARASSMENT_RULES)
    impersonation = refs({"impersonating_authority"}) | {
        c.ref for c in inp.case.contacts if c.claims_to_be or "impersonation" in c.tags
    }
    forged = refs({"fake_legal_document"}) | {
        c.ref for c in inp.case.contacts if "fake_document" in c.tags
    }
    sources = cite(PSA_50_1, PSA12_42_1, threats)
    if len(harassment) >= 2:
        sources += cite(PSA_50_5, PSA12_42_5, harassment)
    sources += cite(PSA_62, PSA12_51, impersonation)
    sources += cite(PSA_63_3, PSA12_52_2, forged)
    recent_harassment = [r for r in harassment if day_of[r] >= PSA_2025_IN_FORCE]
    return {"sources": sources, "no_contact_order": len(recent_harassment) >= 2}


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    tz = ZoneInfo(inp.case.timezone)
    titles = {r["ref"]: r["rules"] for r in ctx["facts"]["rows"]}
    serious = [
        contact_row(c, tz, titles.get(c.ref, []), inp.language)
        for c in sorted(inp.case.contacts, key=lambda c: c.occurred_at)
        if POLICE_TAGS.intersection(c.tags) or c.channel in POLICE_CHANNELS or c.claims_to_be
    ]
    if serious:
        ctx["facts"] = {"rows": serious, "more": 0, "total": len(serious)}
    # One row per claimed organisation (callers without one share a row): a list of every
    # number, one row each, buries the pattern the police need to see.
    groups: dict[str, dict] = {}
    for c in sorted(inp.case.contacts, key=lambda c: c.occurred_at):
        caller = c.caller
        if not (caller.phone or caller.name or caller.organization):
            continue
        group = groups.setdefault(caller.organization, {"phones": [], "names": [], "count": 0})
        group["count"] += 1
        for key, value in (("phones", caller.phone), ("names", caller.name)):
            if value and value not in group[key]:
                group[key].append(value)
    ctx["perpetrators"] = [
        {"org": org, "phone": "、".join(g["phones"]) if inp.language == "zh-hans" else ", ".join(g["phones"]),
         "name": "、".join(g["names"]) if inp.language == "zh-hans" else ", ".join(g["names"]),
         "count": g["count"]}
        for org, g in sorted(groups.items(), key=lambda item: (not item[0], -item[1]["count"]))
    ]  # fmt: skip
    ctx["claims"] = sorted({claim for r in serious for claim in r["claims"]})
    law = police_law(inp, serious)
    ctx["police_law"] = law["sources"]
    ctx["no_contact_order"] = law["no_contact_order"]
    ctx["contact_total"] = len(inp.case.contacts)
    ctx["loans"] = inp.case.loans
    ctx["harm"] = [line for line in (inp.fields.get("harm") or "").splitlines() if line.strip()]
    # The police need the full ID number to register the report.
    ctx["sender"] = {**ctx["sender"], "id_number": inp.case.borrower.id_number}
    ctx["has_fake_documents"] = any("fake_document" in c.tags for c in inp.case.contacts)
    ctx["has_impersonation"] = any(
        c.claims_to_be or "impersonation" in c.tags for c in inp.case.contacts
    )
    ctx["addressee"] = inp.fields.get("recipient") or ""
    ctx["department"] = inp.fields.get("recipient_department") or ""
    return ctx


KIND = Kind(
    key="police_statement",
    title=_("Statement for the police"),
    description=_(
        "A written statement for the police about threats, impersonation, forged papers "
        "or visits, asking for a no-contact order."
    ),
    build=build,
    per_loan=False,
    extra_fields=("harm",),
    rule_ids=frozenset(
        {
            "threat",
            "impersonating_authority",
            "fake_legal_document",
            "improper_visit",
            "public_shaming",
        }
    ),
)
