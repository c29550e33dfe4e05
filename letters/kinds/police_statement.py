"""情况说明 for the police: threats, impersonation, forged papers, visits, doxxing."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context, contact_row

#: Conduct the police deal with (tags, channels and claims recorded on contacts).
POLICE_TAGS = frozenset({"threat", "insult", "fake_document", "impersonation", "public_post",
                         "refused_to_leave", "disclosed_debt"})  # fmt: skip
POLICE_CHANNELS = frozenset({"visit", "social_post"})
#: Repeated harassment for 治安管理处罚法 art. 50(1)(5): more than this many contacts.
REPEATED = 3


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
    ctx["repeated"] = len(inp.case.contacts) > REPEATED
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
            "threat_to_person_or_family",
            "impersonating_police_court_gov",
            "fake_legal_documents",
            "improper_home_or_work_visit",
            "harassment_after_objection",
            "public_shaming_posting",
        }
    ),
)
