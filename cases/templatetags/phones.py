from django import template

from cases.masking import mask_phone
from cases.phones import phone_display

register = template.Library()


@register.filter
def phone(value) -> str:
    """Show a stored phone number grouped: {{ contact.caller_phone|phone }}."""
    return phone_display(str(value or ""))


@register.filter
def masked_phone(value) -> str:
    """A phone number with its middle hidden, for readers who may not see it in full."""
    return mask_phone(str(value or ""))
