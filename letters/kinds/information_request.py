"""Request for the debt statement, the collector's authorisation and the call records."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Kind, LetterInput, base_context


def build(inp: LetterInput) -> dict:
    ctx = base_context(inp)
    loan = ctx["loan"]
    ctx["agencies"] = sorted(
        {c.caller.organization for c in inp.case.contacts if c.caller.organization}
    )
    # The request needs the scale, not every call: the evidence report lists them.
    ctx["case_contact_total"] = len(inp.case.contacts)
    ctx["consumer_finance"] = bool(loan and loan.lender_type == "consumer_finance")
    return ctx


KIND = Kind(
    key="information_request",
    title=_("Request for information"),
    description=_(
        "Ask for a full statement of the debt, who is collecting it and the call recordings."
    ),
    build=build,
    rule_ids=frozenset({"identity_not_disclosed"}),
)
