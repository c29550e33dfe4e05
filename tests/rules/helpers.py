from datetime import datetime
from zoneinfo import ZoneInfo

from rules import domain

TZ = ZoneInfo("Asia/Shanghai")
LOAN = domain.Loan(ref="L1", lender="某银行", lender_type="bank")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def contact(ref: str, when: str, **kwargs) -> domain.Contact:
    kwargs.setdefault("channel", "call")
    kwargs.setdefault("target", "borrower")
    kwargs.setdefault("loan", "L1")
    kwargs.setdefault("caller", domain.Caller(identity_disclosed=True))
    return domain.Contact(ref=ref, occurred_at=at(when), **kwargs)


def case(*contacts, loans=(LOAN,), events=()) -> domain.Case:
    return domain.Case(
        borrower=domain.Borrower(phone="13800000000"),
        loans=tuple(loans),
        contacts=contacts,
        events=tuple(events),
    )


def rules_of(assessment) -> dict[str, tuple[str, ...]]:
    return {f.rule: f.contacts or f.loans for f in assessment.findings}
