"""A request to the lender under PIPL arts. 44–47: the rights the borrower has against the
processor itself (to know, access and copy, correct, delete, restrict). It asks only what the
lender can do; an investigation is for the authority (pi_complaint)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput
from .pi_complaint import personal_information_context, personal_information_only


def build(inp: LetterInput) -> dict:
    return personal_information_context(personal_information_only(inp))


KIND = Kind(
    key="pi_request",
    title=_("Personal-information request to the lender"),
    description=_(
        "Ask the lender what it did with your personal data and contact list, and to stop "
        "using them for collection and delete what it processed unlawfully."
    ),
    reviewer_description=_(
        "Asks the lender what it did with the borrower's personal data and contact list, to stop using them for collection and to delete what it processed unlawfully."
    ),
    build=build,
    extra_fields=("info_used",),
    rule_ids=frozenset({"contact_list_blast", "debt_disclosed_to_third_party", "public_shaming"}),
)
