"""`python manage.py backup_db FOLDER`: back up the database and the private files.

Makes FOLDER/selfhelp-<UTC time>/ (see backups/services.py and docs/backup.md) while the
app keeps running, and prints its path. Run it from cron or a systemd timer.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backups.services import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup or pg_dump) and the private files."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="folder to make the backup folder in")
        parser.add_argument(
            "--no-files", action="store_true", help="the database only, not the private files"
        )

    def handle(self, *args, destination: str, no_files: bool, **options):
        try:
            backup = backup_create(destination=Path(destination), include_files=not no_files)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        if options["verbosity"] > 1:
            for alias, count in backup.manifest["files"].items():
                self.stderr.write(
                    _("%(count)s files from the storage “%(alias)s”")
                    % {"count": count, "alias": alias}
                )
        for alias in backup.manifest["storages_not_copied"]:
            self.stderr.write(
                _(
                    "The storage “%(alias)s” is object storage and was not copied: back up "
                    "the bucket itself (docs/backup.md)."
                )
                % {"alias": alias}
            )
        self.stdout.write(str(backup.folder))
