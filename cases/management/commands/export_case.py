"""`python manage.py export_case CASE_ID`: write a case as a selfhelp.case/1 JSON bundle to stdout."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cases.bundle import bundle_to_json, case_export_bundle
from cases.models import Case


class Command(BaseCommand):
    help = "Write a case as a selfhelp.case/1 JSON bundle (UTF-8) to stdout or to --output FILE."

    def add_arguments(self, parser):
        parser.add_argument("case_id", type=int)
        parser.add_argument(
            "--output", "-o", metavar="FILE", help="write to FILE instead of stdout"
        )

    def handle(self, *args, case_id: int, output: str | None, **options):
        try:
            case = Case.objects.get(pk=case_id)
        except Case.DoesNotExist:
            raise CommandError(_("No case has the id %(id)d.") % {"id": case_id}) from None
        text = bundle_to_json(case_export_bundle(case=case))
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
