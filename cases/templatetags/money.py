from django import template

from cases.formats import money_text

register = template.Library()


@register.filter
def money(value) -> str:
    """An amount as 39,780.00: {{ loan.outstanding|money }}."""
    return money_text(value)


@register.filter
def yuan(value) -> str:
    """An amount as the app shows it, ¥39,780.00; empty for no amount."""
    text = money_text(value)
    return f"¥{text}" if text else ""
