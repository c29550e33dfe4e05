from django import forms

from selfhelp.forms import AccessibleFormMixin


class DataExportForm(AccessibleFormMixin, forms.Form):
    """Asking for a new copy needs nothing but the button (and the CSRF token)."""
