"""A complaint to 12378 or the local NFRA bureau, in the structure they need."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    f = inp.fields
    ctx["respondent"] = ctx["addressee"]
    ctx["addressee"] = f.get("recipient") or ctx["regulator"] or "国家金融监督管理总局"
    ctx["department"] = f.get("recipient_department") or ""
    ctx["prior_complaint"] = f.get("prior_complaint") or ""
    return ctx


KIND = Kind(
    key="complaint_regulator",
    title=_("Complaint to the regulator"),
    description=_(
        "A complaint to the banking regulator (12378 or the local NFRA bureau) about the lender."
    ),
    build=build,
    extra_fields=("prior_complaint",),
)
