"""python manage.py assess_case BUNDLE.json --format json|text: assess a bundle without saving it."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError

from rules import domain
from rules.engine import CATALOGUE, assess
from rules.engine.catalogue import (
    CHANNEL_LABELS,
    LETTER_KIND_LABELS,
    SEVERITY_LABELS,
    STANDING_LABELS,
)
from rules.selectors import lpr_table

# --- Minimal bundle parser -------------------------------------------------------------
# TODO(merge): replace _load_bundle with cases.bundle.bundle_parse, the one place that
# turns bundles into domain objects. This private copy exists only until that lands.


def _money(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _day(value) -> date | None:
    return None if not value else date.fromisoformat(value)


def _moment(value: str, tz: ZoneInfo) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _load_bundle(path: Path) -> domain.Case:
    """Parse a `selfhelp.case/1` bundle into a domain.Case (no database)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != domain.BUNDLE_FORMAT:
        raise ValueError(f"format must be {domain.BUNDLE_FORMAT!r}")
    tz_name = data.get("timezone") or domain.DEFAULT_TIMEZONE
    tz = ZoneInfo(tz_name)
    loans = tuple(
        domain.Loan(
            ref=item["ref"],
            lender=item.get("lender", ""),
            lender_type=item.get("lender_type", "other"),
            product=item.get("product", ""),
            contract_no=item.get("contract_no", ""),
            principal=_money(item.get("principal")),
            amount_received=_money(item.get("amount_received")),
            disbursed_on=_day(item.get("disbursed_on")),
            installments=tuple(
                domain.Installment(
                    due_on=_day(i["due_on"]),
                    amount=_money(i["amount"]),
                    paid=_money(i.get("paid")) or Decimal(0),
                )
                for i in item.get("installments", [])
            ),
            fees=tuple(
                domain.Fee(
                    name=f.get("name", ""),
                    amount=_money(f["amount"]),
                    charged_on=_day(f.get("charged_on")),
                )
                for f in item.get("fees", [])
            ),
            overdue_since=_day(item.get("overdue_since")),
            outstanding=_money(item.get("outstanding")),
            stated_rate=_money(item.get("stated_rate")),
        )
        for item in data.get("loans", [])
    )
    contacts = tuple(
        domain.Contact(
            ref=item["ref"],
            occurred_at=_moment(item["occurred_at"], tz),
            channel=item["channel"],
            target=item.get("target", "borrower"),
            loan=item.get("loan"),
            connected=item.get("connected"),
            duration_seconds=item.get("duration_seconds"),
            target_name=item.get("target_name", ""),
            target_phone=item.get("target_phone", ""),
            visitors=item.get("visitors"),
            caller=domain.Caller(
                **{
                    k: v
                    for k, v in (item.get("caller") or {}).items()
                    if k in domain.Caller.__slots__
                }
            ),
            claims_to_be=tuple(item.get("claims_to_be") or ()),
            content=item.get("content", ""),
            tags=tuple(item.get("tags") or ()),
            consent_to_time=bool(item.get("consent_to_time", False)),
        )
        for item in data.get("contacts", [])
    )
    events = tuple(
        domain.Event(
            kind=item["kind"],
            at=_moment(item["at"], tz),
            loan=item.get("loan"),
            target_phone=item.get("target_phone", ""),
            target_name=item.get("target_name", ""),
            note=item.get("note", ""),
        )
        for item in data.get("events", [])
    )
    borrower = domain.Borrower(
        **{k: v for k, v in (data.get("borrower") or {}).items() if k in domain.Borrower.__slots__}
    )
    return domain.Case(
        timezone=tz_name, borrower=borrower, loans=loans, contacts=contacts, events=events
    )


# ----------------------------------------------------------------------------------------


class Command(BaseCommand):
    help = "Assess a case bundle (selfhelp.case/1) without saving it."

    def add_arguments(self, parser):
        parser.add_argument("bundle", type=Path)
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--today", type=date.fromisoformat, default=None, help="Assess as of this date."
        )

    def handle(self, *args, **options):
        try:
            case = _load_bundle(options["bundle"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CommandError(f"Cannot read bundle: {error!r}") from error
        assessment = assess(case, lpr=lpr_table(), today=options["today"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(assessment.as_dict(), ensure_ascii=False, indent=2))
            return
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
        lines.append(f"  refs: {', '.join(refs)}")
        for source in finding.sources:
            lines.append(f"  · {source.law} {source.article}：「{source.quote}」")
        steps = []
        for action in rule.actions:
            parts = [str(LETTER_KIND_LABELS[action.letter_kind])] if action.letter_kind else []
            if action.channel:
                parts.append(str(CHANNEL_LABELS[action.channel]))
            steps.append(" → ".join(parts))
        lines.append(f"  → {'; '.join(steps)}")
        lines.append("")
    for cost in assessment.loans:
        value = (
            "—"
            if cost.effective_annual_cost is None
            else f"{cost.effective_annual_cost * 100:.2f}%"
        )
        cap = "—" if cost.cap_4x_lpr is None else f"{cost.cap_4x_lpr * 100:.2f}%"
        lines.append(f"{cost.ref}: effective annual cost {value}; 24% / 36% / 4×LPR {cap}")
    return "\n".join(lines)
