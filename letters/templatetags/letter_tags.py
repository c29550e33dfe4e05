"""One filter for letters: a missing value prints as marked instruction text.

A letter with any marked instruction text left in it cannot be finalised
(letters.services.letter_missing finds the marks).
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def or_placeholder(value, instruction: str):
    """The value, or the instruction in a `placeholder` span when the value is empty."""
    if value not in (None, ""):
        return value
    return format_html('<span class="placeholder">{}</span>', instruction)
