"""Render any letter kind of a stored case to a PDF file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases.models import Case
from letters.kinds import KINDS
from letters.services import letter_input_for_case, letter_render_pdf


class Command(BaseCommand):
    help = "Render a letter of a stored case: render_letter CASE_ID KIND --lang zh-hans|en --out FILE.pdf"

    def add_arguments(self, parser):
        parser.add_argument("case_id", type=int)
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("--lang", choices=["zh-hans", "en"], default="zh-hans")
        parser.add_argument("--out", required=True)

    def handle(self, *args, case_id, kind, lang, out, **options):
        case = Case.objects.filter(pk=case_id).first()
        if case is None:
            raise CommandError(f"No case {case_id}.")
        fields = {}
        loan = case.loans.order_by("id").first()
        if loan:
            fields["loan"] = loan.ref
        inp = letter_input_for_case(
            case=case, language=lang, fields=fields, thumbnails=KINDS[kind].shows_thumbnails
        )
        pdf = letter_render_pdf(kind=kind, inp=inp)
        Path(out).write_bytes(pdf)
        self.stdout.write(f"{out}: {len(pdf)} bytes")
