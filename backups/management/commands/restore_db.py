"""`python manage.py restore_db BACKUP_FOLDER --yes`: put a backup back.

Replaces the configured database with the backup's (SQLite: the backup API writes the
copy into the database file; PostgreSQL: pg_restore --clean) and copies its private
files back. Stop the web server and the workers first, and run `migrate` afterwards
when the code is newer than the backup (docs/backup.md).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backups.services import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and the private files with a backup made by backup_db."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the selfhelp-<time> folder backup_db made")
        parser.add_argument(
            "--yes", action="store_true", help="really replace the current database"
        )
        parser.add_argument(
            "--no-files", action="store_true", help="the database only, not the private files"
        )

    def handle(self, *args, folder: str, yes: bool, no_files: bool, **options):
        if not yes:
            raise CommandError(
                _(
                    "This replaces the current database and files with the backup's. "
                    "Stop the app and its workers, then run again with --yes."
                )
            )
        try:
            backup = backup_restore(folder=Path(folder), include_files=not no_files)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _(
                "Restored the backup of %(time)s. Run “python manage.py migrate” if this "
                "code is newer than the backup."
            )
            % {"time": backup.manifest["created_at"]}
        )
