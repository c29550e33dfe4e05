"""python manage.py assess_case BUNDLE.json --format json|text: assess a bundle without saving it.

It reads the bundle through cases.bundle (the one place that parses bundles) and
runs the same engine as the case page and the letters.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from cases.bundle import BundleError, bundle_parse
from rules.engine import CATALOGUE, assess
from rules.engine.catalogue import SEVERITY_LABELS, STANDING_LABELS
from rules.presentation import action_texts
from rules.selectors import lpr_table


class Command(BaseCommand):
    help = "Assess a case bundle (selfhelp.case/1) without saving it."

    def add_arguments(self, parser):
        parser.add_argument("bundle", help="A selfhelp.case/1 JSON file, or - for standard input.")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--lang", choices=["zh-hans", "en"], default=None, help="Language of the summaries."
        )
        parser.add_argument(
            "--today", type=date.fromisoformat, default=None, help="Assess as of this date."
        )

    def handle(self, *args, **options):
        with translation.override(options["lang"] or translation.get_language()):
            try:
                raw = (
                    sys.stdin.buffer.read()
                    if options["bundle"] == "-"
                    else Path(options["bundle"]).read_bytes()
                )
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(path)s: %(error)s")
                    % {"path": options["bundle"], "error": error.strerror}
                ) from error
            try:
                case = bundle_parse(raw)
            except BundleError as error:
                for issue in error.errors:
                    self.stderr.write(f"{issue.path or '-'}: {issue.text}")
                raise CommandError(_("The bundle is not valid; nothing was assessed.")) from error
            assessment = assess(case, lpr=lpr_table(), today=options["today"])
            if options["format"] == "json":
                self.stdout.write(json.dumps(assessment.as_dict(), ensure_ascii=False, indent=2))
            else:
                self.stdout.write(_as_text(assessment))


def _as_text(assessment) -> str:
    lines = []
    for finding in assessment.findings:
        rule = CATALOGUE[finding.rule]
        lines.append(
            f"[{SEVERITY_LABELS[finding.severity]}] {rule.title} ({finding.rule}) — {STANDING_LABELS[finding.standing]}"
        )
        lines.append(f"  {finding.summary}")
        refs = list(finding.contacts) + list(finding.loans)
        lines.append("  " + _("Refers to: %(refs)s") % {"refs": ", ".join(refs)})
        for source in finding.sources:
            lines.append(f"  · {source.law} {source.article}：「{source.quote}」")
        for source in finding.related:
            lines.append(f"  ? {source.law} {source.article}：「{source.quote}」")
        lender_type = finding.lender.lender_type if finding.lender else None
        lines.append(f"  → {'; '.join(action_texts(rule, lender_type))}")
        lines.append("")
    for cost in assessment.loans:
        value = (
            "—"
            if cost.effective_annual_cost is None
            else f"{cost.effective_annual_cost * 100:.2f}%"
        )
        cap = "—" if cost.cap_4x_lpr is None else f"{cost.cap_4x_lpr * 100:.2f}%"
        lines.append(
            _("%(ref)s: effective annual cost %(value)s; lines 24%%, 36%%, 4×LPR %(cap)s")
            % {"ref": cost.ref, "value": value, "cap": cap}
        )
        if cost.note:
            lines.append(f"  {cost.note}")
    return "\n".join(lines)
