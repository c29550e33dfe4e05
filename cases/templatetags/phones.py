from django import template

from cases.phones import phone_display

register = template.Library()


@register.filter
def phone(value) -> str:
    """Show a stored phone number grouped: {{ contact.caller_phone|phone }}."""
    return phone_display(str(value or ""))
