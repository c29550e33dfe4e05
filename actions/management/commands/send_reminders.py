"""Send the answer-deadline reminders that are due. Safe to run every few minutes."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from actions.services import reminders_send


class Command(BaseCommand):
    help = "Send reminders 3 days before and on the day an answer is due (each once)."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
