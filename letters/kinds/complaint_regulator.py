"""A complaint to the regulator of the lender's kind (the engine's routing), in the structure
a regulator needs, saying whether the lender was complained to first."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context, selected_loan

#: Letters to the lender that count as having raised the matter with it first.
TO_THE_LENDER = ("complaint_lender", "stop_harassment")


def earlier_letters(inp: LetterInput) -> list[dict]:
    """The case's finalised letters to this loan's lender, oldest first."""
    loan = selected_loan(inp)
    ref = loan.ref if loan else ""
    sent = [s for s in inp.sent if s.kind in TO_THE_LENDER and (not s.loan or s.loan == ref)]
    return [
        {"kind": s.kind, "date": s.finalised_on}
        for s in sorted(sent, key=lambda s: (s.finalised_on, s.kind))
    ]


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    f = inp.fields
    ctx["respondent"] = ctx["addressee"]
    ctx["addressee"] = f.get("recipient") or ctx["regulator_name"]
    ctx["department"] = f.get("recipient_department") or ""
    ctx["prior_complaint"] = f.get("prior_complaint") or ""
    ctx["earlier_letters"] = earlier_letters(inp)
    return ctx


KIND = Kind(
    key="complaint_regulator",
    title=_("Complaint to the regulator"),
    description=_(
        "A complaint to the authority for this kind of lender: the financial regulator (12378) "
        "for banks and consumer finance companies, the local financial regulator for "
        "microlenders, 12345 for lending apps and private lenders."
    ),
    build=build,
    extra_fields=("prior_complaint",),
)
