"""Reads of the case record used by the pages. Callers pass a case they already
obtained through cases/access.py, so every read here is scoped to that case."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from rules import domain
from rules.engine import CATALOGUE, TEXT_RULES, LoanCost
from rules.engine.assess import text_rules

from .adapters import contact_to_domain
from .findings import CaseFindings, case_findings, cases_findings
from .models import Case, CaseEvent, Contact, Evidence, Loan
from .phones import phone_display, phone_normalize


@dataclass(frozen=True, slots=True)
class LastCaller:
    """A distinct caller of the case, identified by their latest contact."""

    contact_pk: int
    name: str
    organization: str
    phone: str
    identity_disclosed: bool | None

    @property
    def label(self) -> str:
        return " · ".join(
            filter(None, [self.name, self.organization, phone_display(phone_normalize(self.phone))])
        )


def timeline_contacts(
    *, case: Case, channel: str = "", target: str = "", loan: Loan | None = None
) -> QuerySet[Contact]:
    """The case's contacts, newest first, optionally filtered by channel, target and loan.

    Loans and evidence come in a fixed number of queries however long the timeline is.
    """
    contacts = Contact.objects.filter(case=case)
    if channel:
        contacts = contacts.filter(channel=channel)
    if target:
        contacts = contacts.filter(target=target)
    if loan is not None:
        contacts = contacts.filter(loan=loan)
    return contacts.select_related("loan", "loan__lender").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "id"))
    )


def with_labels(contacts: Iterable[Contact]) -> list[Contact]:
    """The contacts as a list, each with `tag_labels` and `claim_labels` for display.

    Common tags and authorities show their translated label; free tags show as typed.
    """
    tags, claims = dict(domain.COMMON_TAGS), dict(domain.CLAIMS_TO_BE_CHOICES)
    result = list(contacts)
    for contact in result:
        contact.tag_labels = [tags.get(tag, tag) for tag in contact.tags]
        contact.claim_labels = [claims.get(claim, claim) for claim in contact.claims_to_be]
    return result


def contact_with_evidence(*, contact: Contact) -> Contact:
    """The same contact with its loan, evidence and labels loaded, for one timeline item."""
    return with_labels([timeline_contacts(case=contact.case).get(pk=contact.pk)])[0]


def case_loans(*, case: Case) -> QuerySet[Loan]:
    """The case's loans with their lender and the number of contacts about each."""
    return (
        Loan.objects.filter(case=case)
        .select_related("lender")
        .annotate(contact_count=Count("contacts"))
        .order_by("id")
    )


def loan_with_schedule(*, loan: Loan) -> Loan:
    """A loan with its installments and fees loaded."""
    return (
        Loan.objects.select_related("lender")
        .prefetch_related("installments", "fees")
        .get(pk=loan.pk)
    )


def case_events(*, case: Case) -> QuerySet[CaseEvent]:
    """The case's events in time order, with their loan."""
    return CaseEvent.objects.filter(case=case).select_related("loan", "loan__lender")


def last_callers(*, case: Case, limit: int = 5) -> list[LastCaller]:
    """The last `limit` distinct callers of the case, most recent first.

    Contacts without any caller detail are skipped. One query, bounded.
    """
    rows = (
        Contact.objects.filter(case=case)
        .exclude(caller_name="", caller_organization="", caller_phone="")
        .order_by("-occurred_at", "-id")
        .values_list(
            "pk", "caller_name", "caller_organization", "caller_phone", "caller_identity_disclosed"
        )[: limit * 20]
    )
    seen: set[tuple[str, str, str]] = set()
    callers: list[LastCaller] = []
    for pk, name, organization, phone, disclosed in rows:
        key = (name, organization, phone_normalize(phone))
        if key in seen:
            continue
        seen.add(key)
        callers.append(LastCaller(pk, name, organization, phone, disclosed))
        if len(callers) == limit:
            break
    return callers


_NAME_SPLIT = re.compile(r"[,，、;；/\s]+")


def _loan_names(loan: Loan) -> set[str]:
    """The names a collector may use for the loan's lender: legal, common, product names."""
    names = [loan.lender_name, loan.product]
    if loan.lender is not None:
        names += [
            loan.lender.name,
            loan.lender.short_name,
            *_NAME_SPLIT.split(loan.lender.products),
        ]
    return {name.strip() for name in names if len(name.strip()) >= 2}


def loan_for_caller(*, case: Case, organization: str, content: str = "") -> Loan | None:
    """The loan a new contact is about, when the borrower did not say.

    The case's only loan; otherwise the one loan whose lender the caller names (in
    their organisation or in what they said), or whose earlier contacts came from
    the same organisation (a collection agency working that loan). None when it is
    not clear, so a contact is never pinned to the wrong lender.
    """
    loans = {loan.pk: loan for loan in Loan.objects.filter(case=case).select_related("lender")}
    if len(loans) <= 1:
        return next(iter(loans.values()), None)
    organization = organization.strip()
    said = f"{organization}\n{content}"
    matched = {pk for pk, loan in loans.items() if any(n in said for n in _loan_names(loan))}
    if organization:
        matched |= set(
            Contact.objects.filter(case=case, caller_organization=organization, loan__isnull=False)
            .values_list("loan_id", flat=True)
            .distinct()
        )
    return loans[matched.pop()] if len(matched) == 1 else None


def contact_ids(*, case: Case, refs: Iterable[str]) -> dict[str, int]:
    """The ids of the case's contacts with these refs (one query, however many the case has)."""
    refs = list(refs)
    if not refs:
        return {}
    return dict(Contact.objects.filter(case=case, ref__in=refs).values_list("ref", "pk"))


def loan_cost(*, case: Case, loan: Loan) -> LoanCost | None:
    """The engine's true-cost result for one loan of the case (the same run as the case page)."""
    costs = case_findings(case=case).assessment.loans
    return next((cost for cost in costs if cost.ref == loan.ref), None)


def contact_text_findings(*, contact: Contact) -> list[dict]:
    """The text rules found on one contact, each with its state for the answer buttons:
    "certain", "possible" (the model alone), "confirmed" or "dismissed" (the borrower's answer)."""
    found = text_rules(replace(contact_to_domain(contact, {}), answers=()))
    answers = contact.answers or {}
    return [
        {"rule": CATALOGUE[rule], "state": answers.get(rule) or str(found[rule])}
        for rule in TEXT_RULES
        if rule in found or rule in answers
    ]


def findings_by_severity(*, cases: Iterable[Case], today: date | None = None) -> dict[int, dict]:
    """Certain findings per case, counted by severity ({case_id: {"high": 2, ...}}).

    The findings stored for each case's revision (cases.findings), the missing ones computed
    from data loaded in a constant number of queries, for lists such as the review queue.
    Findings of the trained model alone are not counted: the volunteer's default view leaves
    them out too.
    """
    counts: dict[int, dict] = {}
    for pk, result in cases_findings(cases=cases, today=today).items():
        counts[pk] = {str(level): 0 for level in ("high", "medium", "low")}
        for finding in result.assessment.certain_only().findings:
            key = str(finding.severity)
            if key in counts[pk]:
                counts[pk][key] += 1
    return counts


__all__ = [
    "CaseFindings",
    "LastCaller",
    "case_events",
    "case_findings",
    "case_loans",
    "contact_ids",
    "contact_text_findings",
    "contact_with_evidence",
    "findings_by_severity",
    "last_callers",
    "loan_cost",
    "loan_for_caller",
    "loan_with_schedule",
    "timeline_contacts",
    "with_labels",
]
