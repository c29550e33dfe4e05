"""Contacts and findings in the 14 days before and after an action (rules.engine.outcomes)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from rules import domain
from rules.engine.outcomes import before_after
from rules.engine.types import Finding

SHANGHAI = ZoneInfo("Asia/Shanghai")
ON = date(2026, 3, 1)


def contact(ref, day, hour=10):
    return domain.Contact(
        ref=ref, occurred_at=datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI),
        channel="call", target="borrower",
    )  # fmt: skip


def test_counts_contacts_and_findings_by_rule_on_each_side():
    contacts = [
        contact("C1", date(2026, 2, 20), hour=23),
        contact("C2", date(2026, 2, 25)),
        contact("C3", date(2026, 3, 5), hour=23),
        contact("C4", date(2026, 3, 20)),  # outside the 14 days after
        contact("C5", ON),  # the day itself
    ]
    findings = [
        Finding(rule="quiet_hours", contacts=("C1", "C3")),
        Finding(rule="threat", contacts=("C2",)),
    ]
    result = before_after(contacts, findings, on=ON, tz="Asia/Shanghai", today=date(2026, 4, 1))
    assert (result.contacts_before, result.contacts_after) == (2, 1)
    counts = {r.rule: (r.before, r.after) for r in result.rules}
    assert counts == {"quiet_hours": (1, 1), "threat": (1, 0)}
    assert result.after_dates == (date(2026, 3, 5),)
    assert result.verdict == "fell"
    assert result.observed_days == 14


def test_no_contacts_after_means_it_stopped():
    result = before_after(
        [contact("C1", date(2026, 2, 27))], [], on=ON, tz=SHANGHAI, today=date(2026, 3, 3)
    )
    assert result.verdict == "stopped"
    assert result.observed_days == 2


def test_as_many_contacts_after_means_it_continued():
    contacts = [contact("C1", date(2026, 2, 27)), contact("C2", date(2026, 3, 2))]
    result = before_after(contacts, [], on=ON, tz=SHANGHAI, today=date(2026, 4, 1))
    assert result.verdict == "continued"


def test_dates_are_local_to_the_case():
    # 2026-03-01 17:00 UTC is 2026-03-02 01:00 in Shanghai: after the action, not on its day.
    late = domain.Contact(
        ref="C1",
        occurred_at=datetime(2026, 3, 1, 17, tzinfo=ZoneInfo("UTC")),
        channel="call",
        target="borrower",
    )
    result = before_after([late], [], on=ON, tz=SHANGHAI, today=date(2026, 4, 1))
    assert result.contacts_after == 1
