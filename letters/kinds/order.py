"""Which letter to send first, from the case's findings, with a one-line reason in plain words.

Pure: takes the kinds, the assessment and the rule catalogue; no ORM, no request.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from rules.engine.types import Assessment, Finding, Rule

from .base import Kind

#: Findings the police deal with: threats, impersonating officials, fake court papers,
#: visits and public shaming (治安管理处罚法 art. 50, 62, 63).
POLICE_RULES = frozenset(
    {"threat", "impersonating_authority", "fake_legal_document", "improper_visit", "public_shaming"}
)

#: Kinds the findings call for now, in this order, when they apply.
URGENT = ("police_statement", "stop_harassment", "pi_request")
#: Everything else, and the urgent kinds that do not apply, in this order.
LATER = (
    "negotiation", "information_request", "stop_harassment", "pi_request",
    "police_statement", "complaint_lender", "complaint_regulator", "pi_complaint",
    "evidence_report",
)  # fmt: skip

#: The plain reason shown under each kind: (when it applies, when it does not).
REASONS = {
    "police_statement": (
        _("You recorded threats, fake official papers or a visit. Take this to the police station; in danger call 110."),
        _("For threats, fake court or police messages and visits, if they happen."),
    ),
    "stop_harassment": (
        _("The first letter to send the lender: it tells them in writing to stop, citing the rules broken."),
        _("When calls come at night, too often, or to your family and friends."),
    ),
    "pi_request": (
        _("Your debt was told to other people. Ask the lender what it did with your data, to stop and to delete it."),
        _("If they tell your contacts, employer or the public about your debt."),
    ),
    "pi_complaint": (
        _("If the lender does not stop, ask the personal-information authority to investigate."),
        _("If the lender does not stop, ask the personal-information authority to investigate."),
    ),
    "negotiation": (
        _("If you want to pay: propose an amount you can really afford. Send it alongside the demand to stop."),
        _("If you want to pay: propose an amount you can really afford."),
    ),
    "information_request": (
        _("Not sure what you owe or who is calling? Ask for the statement and the collector's details."),
        _("Not sure what you owe or who is calling? Ask for the statement and the collector's details."),
    ),
    "complaint_lender": (
        _("If the lender has not stopped or answered within 15 days, complain through its complaint channel."),
        _("If the lender has not stopped or answered within 15 days, complain through its complaint channel."),
    ),
    "complaint_regulator": (
        _("If the lender's answer is missing or not good enough, complain to the authority for this kind of lender."),
        _("If the lender's answer is missing or not good enough, complain to the authority for this kind of lender."),
    ),
    "evidence_report": (
        _("Your calls and messages on a timeline. Print it and send it with any letter as enclosure 1."),
        _("Your calls and messages on a timeline. Print it and send it with any letter as enclosure 1."),
    ),
}  # fmt: skip


#: The same reasons told to a volunteer or lawyer reading a shared case: about the borrower,
#: not to them. A kind not listed keeps its reason, which says nothing of who sends it.
REVIEWER_REASONS = {
    "police_statement": (
        _("The borrower recorded threats, fake official papers or a visit: this statement is for the police station. In danger they should call 110."),
        _("For threats, fake court or police messages and visits, if they happen."),
    ),
    "stop_harassment": (
        _("The first letter to send the lender: it tells them in writing to stop, citing the rules broken."),
        _("When calls come at night, too often, or to the borrower's family and friends."),
    ),
    "pi_request": (
        _("The borrower's debt was told to other people. The letter asks the lender what it did with their data, to stop and to delete it."),
        _("If the collectors tell the borrower's contacts, employer or the public about the debt."),
    ),
    "pi_complaint": (
        _("If the lender does not stop, the personal-information authority can be asked to investigate."),
        _("If the lender does not stop, the personal-information authority can be asked to investigate."),
    ),
    "negotiation": (
        _("If the borrower wants to pay: an amount they can really afford, sent alongside the demand to stop."),
        _("If the borrower wants to pay: an amount they can really afford."),
    ),
    "information_request": (
        _("When it is unclear what is owed or who is calling: asks for the statement and the collector's details."),
        _("When it is unclear what is owed or who is calling: asks for the statement and the collector's details."),
    ),
    "complaint_lender": (
        _("If the lender has not stopped or answered within 15 days: a complaint through its complaint channel."),
        _("If the lender has not stopped or answered within 15 days: a complaint through its complaint channel."),
    ),
    "complaint_regulator": (
        _("If the lender's answer is missing or not good enough: a complaint to the authority for this kind of lender."),
        _("If the lender's answer is missing or not good enough: a complaint to the authority for this kind of lender."),
    ),
    "evidence_report": (
        _("The borrower's calls and messages on a timeline, sent with any letter as enclosure 1."),
        _("The borrower's calls and messages on a timeline, sent with any letter as enclosure 1."),
    ),
}  # fmt: skip


def supporting_findings(
    kind: Kind, assessment: Assessment, catalogue: Mapping[str, Rule]
) -> list[Finding]:
    """Findings that support this kind: the rule names it as an action, or the kind lists it."""
    result = []
    for finding in assessment.findings:
        rule = catalogue.get(finding.rule)
        named = rule is not None and any(a.letter_kind == kind.key for a in rule.actions)
        if named or finding.rule in kind.rule_ids:
            result.append(finding)
    return result


def letters_in_order(
    kinds: Mapping[str, Kind],
    assessment: Assessment,
    catalogue: Mapping[str, Rule],
    *,
    reviewer: bool = False,
) -> list[dict]:
    """Every kind with its supporting findings and reason, the one to send first at the top.
    With `reviewer`, the reasons speak about the borrower (REVIEWER_REASONS).

    Police first when threats, impersonation, fake documents, visits or public shaming are on
    record; then the demand to stop when any contact broke a rule; then the PI complaint when
    the debt was disclosed. The repayment proposal and the rest follow in a fixed order.
    """
    rules = {f.rule for f in assessment.findings}
    items = {}
    for key, kind in kinds.items():
        findings = supporting_findings(kind, assessment, catalogue)
        if key == "police_statement":
            applies = bool(rules & POLICE_RULES)
        elif key in URGENT:
            applies = bool(findings)
        else:
            applies = True
        items[key] = {"kind": kind, "findings": findings, "applies": applies}
    urgent = [items[k] for k in URGENT if k in items and items[k]["applies"]]
    if "negotiation" in items:
        # Paying and demanding an end to harassment go together; say so when both apply.
        items["negotiation"]["applies"] = bool(urgent)
    rest = [items[k] for k in LATER if k in items and items[k] not in urgent]
    rest += [item for key, item in items.items() if key not in LATER and item not in urgent]
    ordered = urgent + rest
    reasons = {**REASONS, **REVIEWER_REASONS} if reviewer else REASONS
    for item in ordered:
        key = item["kind"].key
        item["first"] = bool(urgent) and item is urgent[0]
        description = item["kind"].description_for(reviewer=reviewer)
        item["reason"] = reasons.get(key, (description,) * 2)[0 if item["applies"] else 1]
    return ordered
