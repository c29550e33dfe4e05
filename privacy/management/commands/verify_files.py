"""python manage.py verify_files [--no-orphans | --delete-orphans] [--min-age MINUTES]

Re-hash every evidence file, finalised letter PDF and personal-data export zip and compare
it with the SHA-256 recorded when it was stored; list files that changed or are missing,
and files in the private storages no row points to. Exits 1 when anything was found, so a
scheduled run (cron, systemd timer) can alert.

With --delete-orphans, the orphans are deleted instead of listed (each logged and printed
as REMOVED); only one that could not be deleted is still a problem. Run that daily.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from privacy.integrity import files_delete_orphans, files_verify


class Command(BaseCommand):
    help = (
        "Re-hash stored evidence, letter PDFs and exports; report changed, missing and "
        "orphan files (or delete the orphans with --delete-orphans)."
    )

    def add_arguments(self, parser):
        orphans = parser.add_mutually_exclusive_group()
        orphans.add_argument(
            "--no-orphans", action="store_true", help="Do not look for files no row points to."
        )
        orphans.add_argument(
            "--delete-orphans",
            action="store_true",
            help="Delete the files no row points to (older than --min-age) instead of "
            "reporting them; a file a row points to is never deleted.",
        )
        parser.add_argument(
            "--min-age",
            type=float,
            default=10,
            help="Only report (or delete) orphans older than this many minutes (an upload "
            "is stored before its row commits). Default 10.",
        )

    def handle(self, *args, no_orphans: bool, delete_orphans: bool, min_age: float, **options):
        age = timedelta(minutes=min_age)
        report = files_verify(orphans=not (no_orphans or delete_orphans), min_age=age)
        if delete_orphans:
            sweep = files_delete_orphans(min_age=age)
            report.problems += sweep.problems
            report.removed = sweep.removed
        for line in [*report.removed, *report.problems]:
            self.stdout.write(str(line))
        summary = (
            f"checked {report.checked} files: {report.count('mismatch')} changed, "
            f"{report.count('missing')} missing, {report.count('orphan')} orphans"
        )
        if delete_orphans:
            summary += f"; deleted {len(report.removed)} orphans"
        if report.problems:
            raise CommandError(summary, returncode=1)
        self.stdout.write(summary)
