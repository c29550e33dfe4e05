"""The one adapter from the ORM to the rights engine's plain data (rules/domain.py).

The case page, the letters and `assess_case` all feed the engine the same
`domain.Case`; this module is how a stored case becomes one.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rules import domain
from rules.engine.detect import detector_version

from .models import Case, CaseEvent, Contact, Loan


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def loan_to_domain(loan: Loan) -> domain.Loan:
    """A stored loan (installments and fees prefetched) as engine data."""
    return domain.Loan(
        ref=loan.ref,
        lender=loan.display_lender,
        lender_type=loan.lender_type,
        product=loan.product,
        purpose=loan.purpose,
        contract_no=loan.contract_no,
        principal=_dec(loan.principal),
        amount_received=_dec(loan.amount_received),
        disbursed_on=loan.disbursed_on,
        installments=tuple(
            domain.Installment(due_on=i.due_on, amount=Decimal(i.amount), paid=Decimal(i.paid))
            for i in loan.installments.all()
        ),
        fees=tuple(
            domain.Fee(name=f.name, amount=Decimal(f.amount), charged_on=f.charged_on)
            for f in loan.fees.all()
        ),
        overdue_since=loan.overdue_since,
        outstanding=_dec(loan.outstanding),
        stated_rate=_dec(loan.stated_rate),
    )


def contact_to_domain(contact: Contact, loan_refs: dict[int, str]) -> domain.Contact:
    """A stored contact as engine data; `loan_refs` maps loan ids to refs."""
    return domain.Contact(
        ref=contact.ref,
        occurred_at=contact.occurred_at,
        channel=contact.channel,
        target=contact.target,
        loan=loan_refs.get(contact.loan_id) if contact.loan_id else None,
        connected=contact.connected,
        duration_seconds=contact.duration_seconds,
        target_name=contact.target_name,
        target_phone=contact.target_phone,
        visitors=contact.visitors,
        caller=domain.Caller(
            name=contact.caller_name,
            organization=contact.caller_organization,
            phone=contact.caller_phone,
            identity_disclosed=contact.caller_identity_disclosed,
        ),
        claims_to_be=tuple(contact.claims_to_be or ()),
        content=contact.content,
        tags=tuple(contact.tags or ()),
        consent_to_time=contact.consent_to_time,
        detected=contact.stored_detection(),
        answers=tuple(sorted((contact.answers or {}).items())),
    )


#: The columns _contact_rows reads, in its order.
_CONTACT_COLUMNS = (
    "case_id", "ref", "loan_id", "occurred_at", "channel", "target", "connected",
    "duration_seconds", "target_name", "target_phone", "visitors", "caller_name",
    "caller_organization", "caller_phone", "caller_identity_disclosed", "claims_to_be",
    "content", "tags", "consent_to_time", "detected", "detector_version", "answers",
)  # fmt: skip


def _contact_rows(case_ids: list[int], loan_refs: dict[int, str]):
    """(case id, domain contact) for every contact of the cases, oldest first.

    The same values as contact_to_domain, read as plain rows: a case page after a change
    reads 10,000 contacts, and building model instances first would double the time.
    """
    current = detector_version()
    rows = (
        Contact.objects.filter(case__in=case_ids)
        .order_by("occurred_at", "id")
        .values_list(*_CONTACT_COLUMNS)
    )
    for (
        case_id, ref, loan_id, occurred_at, channel, target, connected, duration_seconds,
        target_name, target_phone, visitors, caller_name, caller_organization, caller_phone,
        identity_disclosed, claims_to_be, content, tags, consent_to_time, detected, version,
        answers,
    ) in rows.iterator(chunk_size=2000):  # fmt: skip
        yield (
            case_id,
            domain.Contact(
                ref=ref,
                occurred_at=occurred_at,
                channel=channel,
                target=target,
                loan=loan_refs.get(loan_id) if loan_id else None,
                connected=connected,
                duration_seconds=duration_seconds,
                target_name=target_name,
                target_phone=target_phone,
                visitors=visitors,
                caller=domain.Caller(
                    name=caller_name,
                    organization=caller_organization,
                    phone=caller_phone,
                    identity_disclosed=identity_disclosed,
                ),
                claims_to_be=tuple(claims_to_be or ()),
                content=content,
                tags=tuple(tags or ()),
                consent_to_time=consent_to_time,
                detected=tuple(sorted(detected.items())) if version == current else None,
                answers=tuple(sorted((answers or {}).items())),
            ),
        )


def event_to_domain(event: CaseEvent, loan_refs: dict[int, str]) -> domain.Event:
    return domain.Event(
        kind=event.kind,
        at=event.at,
        loan=loan_refs.get(event.loan_id) if event.loan_id else None,
        target_phone=event.target_phone,
        target_name=event.target_name,
        note=event.note,
    )


def case_to_domain(case: Case) -> domain.Case:
    """The whole stored case as engine data, in a constant number of queries (4)."""
    return cases_to_domain([case])[case.pk]


def cases_to_domain(cases: Iterable[Case]) -> dict[int, domain.Case]:
    """Many stored cases as engine data, by case id, in the same 4 queries as one."""
    cases = list(cases)
    ids = [case.pk for case in cases]
    loans = list(
        Loan.objects.filter(case__in=ids)
        .select_related("lender")
        .prefetch_related("installments", "fees")
        .order_by("id")
    )
    loan_refs = {loan.pk: loan.ref for loan in loans}
    events = CaseEvent.objects.filter(case__in=ids).order_by("at", "id")
    by_case: dict[int, dict[str, list]] = {
        pk: {"loans": [], "contacts": [], "events": []} for pk in ids
    }
    for loan in loans:
        by_case[loan.case_id]["loans"].append(loan_to_domain(loan))
    for case_id, contact in _contact_rows(ids, loan_refs):
        by_case[case_id]["contacts"].append(contact)
    for event in events:
        by_case[event.case_id]["events"].append(event_to_domain(event, loan_refs))
    return {
        case.pk: domain.Case(
            timezone=case.timezone,
            borrower=domain.Borrower(
                name=case.borrower_name,
                phone=case.borrower_phone,
                address=case.borrower_address,
                id_number=case.borrower_id_number,
            ),
            loans=tuple(by_case[case.pk]["loans"]),
            contacts=tuple(by_case[case.pk]["contacts"]),
            events=tuple(by_case[case.pk]["events"]),
        )
        for case in cases
    }


__all__ = [
    "case_to_domain",
    "cases_to_domain",
    "contact_to_domain",
    "event_to_domain",
    "loan_to_domain",
]
