"""Answer deadlines from the law (rules.engine.outcomes.reply_deadline)."""

from datetime import date

from rules.engine.outcomes import APP_FOLLOW_UP_DAYS, reply_deadline
from rules.engine.types import Standing


def test_a_bank_must_answer_within_15_days_of_receipt():
    deadline = reply_deadline(
        channel="lender", lender_type="bank", sent_on=date(2026, 3, 1), received_on=date(2026, 3, 4)
    )
    assert deadline.due == date(2026, 3, 19)
    assert deadline.from_receipt
    assert deadline.standing == Standing.BINDING
    assert "第十八条" in deadline.basis


def test_without_a_received_date_the_deadline_counts_from_the_date_sent():
    deadline = reply_deadline(
        channel="lender", lender_type="consumer_finance", sent_on=date(2026, 3, 1)
    )
    assert deadline.due == date(2026, 3, 16)
    assert not deadline.from_receipt


def test_a_microlender_is_not_bound_by_article_18_so_the_date_is_the_apps_own():
    deadline = reply_deadline(
        channel="lender",
        lender_type="microloan",
        sent_on=date(2026, 3, 1),
        received_on=date(2026, 3, 2),
    )
    assert not deadline.verified
    assert deadline.basis == ""
    assert deadline.due == date(2026, 3, 2 + APP_FOLLOW_UP_DAYS)


def test_a_regulator_hotline_has_no_verified_deadline():
    deadline = reply_deadline(channel="12378", lender_type="bank", sent_on=date(2026, 3, 1))
    assert not deadline.verified


def test_a_credit_report_complaint_is_answered_within_30_days():
    deadline = reply_deadline(channel="12363", lender_type="bank", sent_on=date(2026, 3, 1))
    assert deadline.due == date(2026, 3, 31)
    assert deadline.standing == Standing.BINDING
    assert "征信业管理条例" in deadline.basis


def test_an_announced_extension_moves_the_deadline():
    deadline = reply_deadline(
        channel="lender", lender_type="bank", sent_on=date(2026, 3, 1),
        received_on=date(2026, 3, 1), extended_until=date(2026, 3, 31),
    )  # fmt: skip
    assert deadline.due == date(2026, 3, 31)
    assert deadline.extended and not deadline.beyond_longest


def test_an_extension_past_60_days_is_flagged():
    deadline = reply_deadline(
        channel="lender", lender_type="bank", sent_on=date(2026, 3, 1),
        received_on=date(2026, 3, 1), extended_until=date(2026, 5, 15),
    )  # fmt: skip
    assert deadline.beyond_longest


def test_days_left_counts_down_to_the_due_date():
    deadline = reply_deadline(channel="lender", lender_type="bank", sent_on=date(2026, 3, 1))
    assert deadline.days_left(date(2026, 3, 13)) == 3
    assert deadline.days_left(date(2026, 3, 20)) == -4
