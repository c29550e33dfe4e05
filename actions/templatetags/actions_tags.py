from django import template

from rules.engine import CATALOGUE

from .. import selectors
from ..models import Action

register = template.Library()


@register.inclusion_tag("actions/_case_actions.html", takes_context=True)
def case_actions(context, case):
    """Open actions with days left and the suggested next step, on the case page:
    {% case_actions case %}. The case page got the case through cases' access rules.
    A case with no action yet costs one query, not a second run of the engine."""
    if not Action.objects.filter(case=case).exists():
        return {"case": case, "open_rows": [], "suggested": []}
    overview = selectors.actions_overview(case=case)
    return {
        "case": case,
        "open_rows": overview.open_rows,
        "suggested": overview.suggested,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.inclusion_tag("actions/_plan_ladder.html", takes_context=True)
def case_ladder(context, case):
    """The escalation ladder with the steps done ticked, for the interview's action plan:
    {% case_ladder case %}. The plan page got the case through guidance's access rules."""
    request = context.get("request")
    overview = selectors.actions_overview(case=case)
    return {
        "case": case,
        "steps": overview.steps,
        "is_owner": request is not None and case.owner_id == request.user.pk,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.filter
def rule_title(rule_id: str) -> str:
    """A rule's title from the catalogue: {{ rule_id|rule_title }}."""
    rule = CATALOGUE.get(rule_id)
    return str(rule.title) if rule else rule_id
