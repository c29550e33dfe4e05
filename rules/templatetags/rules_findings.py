from django import template

from rules.presentation import finding_groups

register = template.Library()


@register.inclusion_tag("rules/_findings.html")
def findings(assessment, contact_urls=None):
    """Render an Assessment grouped by severity: {% findings assessment contact_urls %}."""
    return {"groups": finding_groups(assessment, contact_urls)}
