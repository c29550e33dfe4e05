"""The escalation ladder (actions/ladder.py): pure, from routing, actions and dates."""

from datetime import date

from actions.ladder import ActionFact, ladder
from rules.engine.outcomes import BeforeAfter, RuleCount
from rules.engine.routing import route

SENT = date(2026, 3, 1)
DUE = date(2026, 3, 16)


def effect(after=0):
    return BeforeAfter(
        on=SENT, days=14, observed_days=14, contacts_before=5, contacts_after=after,
        rules=(RuleCount("quiet_hours", 3, after),), after_dates=(),
    )  # fmt: skip


def suggested(steps):
    return [s.channel.id for s in steps if s.suggested]


def test_with_nothing_done_the_lender_comes_first():
    steps = ladder(route("bank"), [], today=SENT)
    assert [s.channel.id for s in steps] == ["lender", "12378", "court"]
    assert suggested(steps) == ["lender"]


def test_while_the_deadline_runs_and_nothing_continues_the_borrower_waits():
    steps = ladder(route("bank"), [ActionFact("lender", SENT, DUE, "pending", effect())], today=DUE)
    assert steps[0].done
    assert suggested(steps) == []


def test_a_passed_deadline_with_no_answer_suggests_the_regulator():
    steps = ladder(
        route("bank"),
        [ActionFact("lender", SENT, DUE, "pending", effect())],
        today=date(2026, 3, 17),
    )
    assert suggested(steps) == ["12378"]
    assert "2026-03-16" in steps[1].reasons[0]


def test_findings_continuing_after_an_action_suggest_the_next_step_at_once():
    steps = ladder(
        route("microloan"),
        [ActionFact("lender", SENT, DUE, "pending", effect(after=2))],
        today=date(2026, 3, 3),
    )
    assert suggested(steps) == ["12345"]


def test_threats_put_the_police_on_the_ladder_after_the_regulator():
    routing = route("bank", rules={"threat"})
    facts = [
        ActionFact("lender", SENT, DUE, "no_answer"),
        ActionFact("12378", date(2026, 3, 20), date(2026, 4, 4), "rejected"),
    ]
    steps = ladder(routing, facts, today=date(2026, 3, 25))
    assert [s.channel.id for s in steps] == ["lender", "12378", "110", "court"]
    assert suggested(steps) == ["110"]
    assert steps[2].letter_kind == "police_statement"


def test_the_civil_claim_cites_the_civil_code_privacy_and_tort_articles():
    court = ladder(route("bank"), [], today=SENT)[-1]
    assert "第一千零三十二条" in court.channel.basis and "第一千一百六十五条" in court.channel.basis
