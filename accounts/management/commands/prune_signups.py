"""python manage.py prune_signups [--days N]: delete sign-ups never finished within N days.

A pending sign-up holds an email address (and maybe a name) of someone who never
chose a password; run this daily (cron) so such addresses do not linger.
"""

from django.core.management.base import BaseCommand

from accounts.services import signups_prune


class Command(BaseCommand):
    help = "Delete sign-ups whose password was never chosen, older than N days (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        self.stdout.write(str(signups_prune(older_than_days=days)))
