"""python manage.py verify_files [--no-orphans] [--min-age MINUTES]

Re-hash every evidence file, finalised letter PDF and personal-data export zip and compare
it with the SHA-256 recorded when it was stored; list files that changed or are missing,
and files in the private storages no row points to. Exits 1 when anything was found, so a
scheduled run (cron, systemd timer) can alert.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from privacy.integrity import files_verify


class Command(BaseCommand):
    help = "Re-hash stored evidence, letter PDFs and exports; report changed, missing and orphan files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-orphans", action="store_true", help="Do not look for files no row points to."
        )
        parser.add_argument(
            "--min-age",
            type=float,
            default=10,
            help="Only report orphans older than this many minutes (an upload is stored "
            "before its row commits). Default 10.",
        )

    def handle(self, *args, no_orphans: bool, min_age: float, **options):
        report = files_verify(orphans=not no_orphans, min_age=timedelta(minutes=min_age))
        for problem in report.problems:
            self.stdout.write(str(problem))
        summary = (
            f"checked {report.checked} files: {report.count('mismatch')} changed, "
            f"{report.count('missing')} missing, {report.count('orphan')} orphans"
        )
        if report.problems:
            raise CommandError(summary, returncode=1)
        self.stdout.write(summary)
