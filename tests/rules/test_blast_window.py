"""The contact-list blast is found in one pass; it flags exactly what the quadratic
definition does (every contact in any 7-day window that reached 5 different people)."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rules import domain
from rules.engine import assess
from rules.engine.assess import BLAST_THRESHOLD, BLAST_WINDOW

START = datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
TARGETS = ["relative", "friend", "colleague", "contact_list", "borrower", "public"]


def reference(contacts) -> tuple[list[str], int]:
    """The definition, window by window (as the engine did before)."""
    third = sorted(
        (c for c in contacts if c.is_third_party and c.target != "public"),
        key=lambda c: c.occurred_at,
    )
    flagged: dict[str, None] = {}
    most = start = 0
    for end in range(len(third)):
        while third[end].occurred_at - third[start].occurred_at >= BLAST_WINDOW:
            start += 1
        window = third[start : end + 1]
        parties = {c.target_phone or c.target_name or c.ref for c in window}
        if len(parties) >= BLAST_THRESHOLD:
            most = max(most, len(parties))
            flagged.update((c.ref, None) for c in window)
    return list(flagged), most


def random_case(seed: int, size: int) -> domain.Case:
    rng = random.Random(seed)
    contacts = tuple(
        domain.Contact(
            ref=f"C{n}",
            occurred_at=START + timedelta(hours=rng.randrange(0, 24 * 40)),
            channel="call",
            target=rng.choice(TARGETS),
            target_phone=f"139{rng.randrange(0, 12):08d}" if rng.random() < 0.8 else "",
            target_name=rng.choice(["", "母亲", "同事"]),
        )
        for n in range(size)
    )
    return domain.Case(contacts=contacts)


@pytest.mark.parametrize("seed", range(40))
def test_one_pass_flags_what_the_definition_flags(seed):
    case = random_case(seed, size=seed * 7)
    blast = [f for f in assess(case).findings if f.rule == "contact_list_blast"]
    refs, most = reference(case.contacts)
    if not refs:
        assert blast == []
        return
    (finding,) = blast
    assert list(finding.contacts) == refs
    assert f"{most} " in finding.summary
