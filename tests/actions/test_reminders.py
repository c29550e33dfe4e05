"""`send_reminders`: 3 days before and on the day, each once, never again on a rerun."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command

from actions.models import Reminder
from actions.services import action_record_extension, action_set_outcome, reminders_send

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day, hour=9):
    return datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def test_nothing_is_sent_before_the_three_days(complaint):
    assert reminders_send(now=at(date(2026, 3, 12))) == 0
    assert mail.outbox == []


def test_three_days_before_one_reminder_is_sent_once(complaint, borrower):
    assert reminders_send(now=at(date(2026, 3, 13))) == 1
    assert reminders_send(now=at(date(2026, 3, 13), hour=10)) == 0
    assert reminders_send(now=at(date(2026, 3, 14))) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [borrower.email]
    assert "2026-03-16" in mail.outbox[0].body


def test_on_the_day_the_due_reminder_is_sent_once(complaint):
    reminders_send(now=at(date(2026, 3, 13)))
    assert reminders_send(now=at(date(2026, 3, 16))) == 1
    assert reminders_send(now=at(date(2026, 3, 16), hour=18)) == 0
    assert set(Reminder.objects.values_list("kind", flat=True)) == {"soon", "due"}
    assert len(mail.outbox) == 2


def test_a_run_after_the_day_still_sends_the_due_reminder_but_not_the_early_one(complaint):
    assert reminders_send(now=at(date(2026, 3, 18))) == 1
    assert Reminder.objects.get().kind == "due"


def test_an_extension_gets_its_own_reminders(complaint):
    reminders_send(now=at(date(2026, 3, 16)))
    action_record_extension(action=complaint, extended_until=date(2026, 3, 31))
    assert reminders_send(now=at(date(2026, 3, 28))) == 1
    assert Reminder.objects.filter(due_on=date(2026, 3, 31)).count() == 1


def test_a_closed_action_gets_no_reminder(complaint):
    action_set_outcome(action=complaint, outcome="resolved", outcome_on=date(2026, 3, 10))
    assert reminders_send(now=at(date(2026, 3, 16))) == 0


def test_the_command_sends_nothing_twice(complaint, capsys):
    call_command("send_reminders")
    first = Reminder.objects.count()
    call_command("send_reminders")
    assert Reminder.objects.count() == first
    assert len(mail.outbox) == first
