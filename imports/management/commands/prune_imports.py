"""python manage.py prune_imports [--days N]: discard unfinished phone imports older than N days.

Staged messages are private data the borrower never confirmed; run this daily (cron) so
abandoned imports do not linger.
"""

from django.core.management.base import BaseCommand

from imports.services import batches_prune


class Command(BaseCommand):
    help = "Discard unfinished phone imports older than N days (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        count = batches_prune(older_than_days=days)
        self.stdout.write(str(count))
