"""The bundle's `actions`, stored and read back (cases/bundle.py parses and dumps them and
calls these through its registries, so that cases never imports this app)."""

from __future__ import annotations

from cases.models import Case, Loan
from rules import domain

from .models import Action, Response


def actions_store(case: Case, parsed: domain.Case, loans: dict[str, Loan]) -> None:
    """Store the parsed actions and their answers of a case being imported."""
    for item in parsed.actions:
        action = Action(
            case=case,
            loan=loans[item.loan] if item.loan else None,
            channel=item.channel,
            method=item.method,
            sent_on=item.sent_on,
            received_on=item.received_on,
            tracking_number=item.tracking_number,
            ticket_number=item.ticket_number,
            summary=item.summary,
            extended_until=item.extended_until,
            extension_note=item.extension_note,
            outcome=item.outcome,
            outcome_on=item.outcome_on,
            created_by=case.owner,
        )
        action.full_clean()
        action.save()
        Response.objects.bulk_create(
            Response(action=action, received_on=r.received_on, text=r.text) for r in item.responses
        )


def actions_load(case: Case) -> dict:
    """The stored actions of a case as domain data, for export."""
    actions = (
        Action.objects.filter(case=case)
        .select_related("loan")
        .prefetch_related("responses")
        .order_by("sent_on", "id")
    )
    return {
        "actions": tuple(
            domain.Action(
                channel=a.channel,
                method=a.method,
                sent_on=a.sent_on,
                loan=a.loan.ref if a.loan else None,
                received_on=a.received_on,
                tracking_number=a.tracking_number,
                ticket_number=a.ticket_number,
                summary=a.summary,
                extended_until=a.extended_until,
                extension_note=a.extension_note,
                outcome=a.outcome,
                outcome_on=a.outcome_on,
                responses=tuple(
                    domain.ActionResponse(received_on=r.received_on, text=r.text)
                    for r in a.responses.all()
                ),
            )
            for a in actions
        )
    }
