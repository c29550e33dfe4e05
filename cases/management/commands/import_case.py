"""`python manage.py import_case FILE [--owner EMAIL]`: store a case bundle, print the new case id."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cases.bundle import MAX_BUNDLE_BYTES, BundleError, case_import_bundle

DEMO_BORROWER = "borrower@example.com"


class Command(BaseCommand):
    help = (
        "Import a selfhelp.case/1 JSON bundle as a new case and print its id. "
        "Problems are listed on stderr with the path of each bad field; nothing is saved then."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the bundle's JSON file, or - for standard input")
        parser.add_argument(
            "--owner",
            metavar="EMAIL",
            help=f"the borrower who will own the case (default: {DEMO_BORROWER}, if it exists)",
        )
        parser.add_argument("--title", help="the case title (default: borrower · product)")

    def handle(self, *args, file: str, owner: str | None, title: str | None, **options):
        user = self._owner(owner)
        data = self._read(file)
        try:
            case = case_import_bundle(owner=user, data=data, title=title)
        except BundleError as exc:
            for issue in exc.errors:
                self.stderr.write(str(issue))
            if exc.truncated:
                self.stderr.write(
                    _("(Stopped after %(count)d problems.)") % {"count": len(exc.errors)}
                )
            raise CommandError(_("The bundle was not imported; nothing was saved.")) from None
        self.stdout.write(str(case.pk))

    def _owner(self, email: str | None):
        users = get_user_model().objects
        if email:
            try:
                return users.get(email__iexact=email)
            except users.model.DoesNotExist:
                raise CommandError(
                    _("No user has the email address %(email)s.") % {"email": email}
                ) from None
        try:
            return users.get(email=DEMO_BORROWER)
        except users.model.DoesNotExist:
            raise CommandError(
                _(
                    "Say who owns the case with --owner EMAIL (the demo borrower %(email)s does not exist)."
                )
                % {"email": DEMO_BORROWER}
            ) from None

    def _read(self, file: str) -> bytes:
        if file == "-":
            data = sys.stdin.buffer.read(MAX_BUNDLE_BYTES + 1)
        else:
            path = Path(file)
            try:
                if path.stat().st_size > MAX_BUNDLE_BYTES:
                    data = b" " * (MAX_BUNDLE_BYTES + 1)  # let the parser word the refusal
                else:
                    data = path.read_bytes()
            except OSError as exc:
                raise CommandError(
                    _("Cannot read %(file)s: %(error)s") % {"file": file, "error": exc.strerror}
                ) from None
        return data
