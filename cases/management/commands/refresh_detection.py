"""Detect the text rules again for every contact stored by another detector version."""

from django.core.management.base import BaseCommand

from cases.services import contacts_refresh_detection


class Command(BaseCommand):
    help = (
        "Store fresh text detection on contacts saved by an older detector (run after "
        "`make model` or an upgrade; case pages detect stale contacts on the fly until then)."
    )

    def handle(self, *args, **options):
        count = contacts_refresh_detection()
        self.stdout.write(f"{count} contacts updated")
