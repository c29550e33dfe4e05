"""A personal-information complaint (PIPL art. 65 / 12321): contact-list blasting, disclosure."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

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


def build(inp: LetterInput) -> dict:
    inp = personal_information_only(inp)
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


KIND = Kind(
    key="pi_complaint",
    title=_("Personal-information complaint"),
    description=_(
        "Complain that your contact list or personal data was used to shame or pressure you."
    ),
    build=build,
    extra_fields=("info_used",),
    rule_ids=frozenset(
        {
            "contact_list_blast",
            "debt_details_disclosed_to_third_party",
            "public_shaming_posting",
            "third_party_contact_while_debtor_reachable",
        }
    ),
)
