"""One filter for letters: a missing value prints as marked instruction text.

A letter with any marked instruction text left in it cannot be finalised
(letters.services.letter_missing finds the marks).
"""

from django import template
from django.utils.html import format_html

from cases.formats import money_text

register = template.Library()


@register.filter
def money(value) -> str:
    """An amount as letters write it between 人民币 and 元 (or after CNY): 39,780.00."""
    return money_text(value)


@register.filter
def or_placeholder(value, instruction: str):
    """The value, or the instruction in a `placeholder` span when the value is empty."""
    if value not in (None, ""):
        return value
    return format_html('<span class="placeholder">{}</span>', instruction)
