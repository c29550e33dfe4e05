from django import template

from rules.engine import CATALOGUE

from .. import selectors

register = template.Library()


@register.inclusion_tag("actions/_case_actions.html", takes_context=True)
def case_actions(context, case):
    """Open actions with days left and the suggested next step, on the case page:
    {% case_actions case %}. The case page got the case through cases' access rules."""
    overview = selectors.actions_overview(case=case)
    return {
        "case": case,
        "open_rows": overview.open_rows,
        "suggested": overview.suggested,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.filter
def rule_title(rule_id: str) -> str:
    """A rule's title from the catalogue: {{ rule_id|rule_title }}."""
    rule = CATALOGUE.get(rule_id)
    return str(rule.title) if rule else rule_id
