"""A personal-information complaint to the authority (PIPL art. 65): it asks for an
investigation, which only an authority can do. The request to the lender itself is
pi_request (PIPL arts. 44–47)."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from rules.engine.routing import PI_AUTHORITY

from .base import Kind, LetterInput, base_context


def personal_information_only(inp: LetterInput) -> LetterInput:
    """The input with only the findings about personal information (the rules that name this
    kind as an action): a PI complaint about threats or call counts would dilute it."""
    findings = tuple(
        f
        for f in inp.assessment.findings
        if (rule := inp.catalogue.get(f.rule)) is not None
        and any(a.letter_kind == "pi_complaint" for a in rule.actions)
    )
    if not findings:
        return inp
    return replace(inp, assessment=replace(inp.assessment, findings=findings))


def personal_information_context(inp: LetterInput) -> dict:
    """What both personal-information letters state: who was contacted, what was disclosed."""
    ctx = base_context(inp)
    third = [c for c in inp.case.contacts if c.is_third_party]
    ctx["third_party_count"] = len(third)
    ctx["third_party_people"] = len({c.target_phone or c.target_name or c.ref for c in third})
    ctx["public_posts"] = sum(
        1 for c in inp.case.contacts if c.channel == "social_post" or "public_post" in c.tags
    )
    ctx["disclosed"] = sum(1 for c in third if "disclosed_debt" in c.tags)
    ctx["info_used"] = [
        line for line in (inp.fields.get("info_used") or "").splitlines() if line.strip()
    ]
    return ctx


def build(inp: LetterInput) -> dict:
    ctx = personal_information_context(personal_information_only(inp))
    ctx["respondent"] = ctx["loan"].lender if ctx["loan"] else ""
    authority = PI_AUTHORITY.authority_en if inp.language == "en" else PI_AUTHORITY.authority_zh
    ctx["addressee"] = inp.fields.get("recipient") or authority
    ctx["department"] = inp.fields.get("recipient_department") or ""
    return ctx


KIND = Kind(
    key="pi_complaint",
    title=_("Personal-information complaint to the authority"),
    description=_(
        "Ask the authority responsible for personal information to investigate how your "
        "contact list or personal data was used to shame or pressure you."
    ),
    reviewer_description=_(
        "Asks the authority responsible for personal information to investigate how the borrower's contact list or personal data was used to shame or pressure them."
    ),
    build=build,
    extra_fields=("info_used",),
    rule_ids=frozenset(
        {
            "contact_list_blast",
            "debt_disclosed_to_third_party",
            "public_shaming",
        }
    ),
)
