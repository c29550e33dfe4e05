"""python manage.py prune_exports [--days N]: delete personal-data exports older than N days."""

from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.services import data_exports_prune


class Command(BaseCommand):
    help = "Delete personal-data export zips older than N days (default SELFHELP_EXPORT_KEEP_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SELFHELP_EXPORT_KEEP_DAYS)

    def handle(self, *args, days: int, **options):
        self.stdout.write(str(data_exports_prune(older_than_days=days)))
