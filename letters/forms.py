"""The editable fields of a letter. Each kind shows the common fields plus its own."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from selfhelp.forms import VersionedFormMixin, version_field

from .kinds import KINDS
from .models import LetterKind, LetterLanguage

COMMON_FIELDS = (
    "version",
    "language",
    "loan",
    "recipient",
    "recipient_department",
    "sender_name",
    "sender_phone",
    "sender_address",
    "show_full_id",
    "include_possible",
    "letter_date",
    "extra_facts",
    "extra_demands",
)


def _yuan_field(label, help_text="") -> forms.DecimalField:
    """An optional amount of money in yuan, never negative."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=help_text,
    )


class LetterCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    language = forms.ChoiceField(
        label=_("Language of the letter"), choices=LetterLanguage.choices, initial="zh-hans"
    )


class LetterFieldsForm(VersionedFormMixin, forms.Form):
    """The draft's fields, and (hidden) the draft's version when the form was opened, so a
    save from an out-of-date form is refused instead of overwriting a newer one."""

    version = version_field()
    language = forms.ChoiceField(label=_("Language of the letter"), choices=LetterLanguage.choices)
    loan = forms.ChoiceField(label=_("Loan"), required=False)
    recipient = forms.CharField(
        label=_("Recipient"),
        max_length=200,
        required=False,
        help_text=_("Full legal name of the institution. Leave empty to use the lender's."),
    )
    recipient_department = forms.CharField(
        label=_("Department or channel"), max_length=200, required=False
    )
    sender_name = forms.CharField(label=_("Your name"), max_length=100, required=False)
    sender_phone = forms.CharField(label=_("Your phone"), max_length=40, required=False)
    sender_address = forms.CharField(
        label=_("Your address for replies"), max_length=300, required=False
    )
    show_full_id = forms.BooleanField(
        label=_("Show my full ID number"),
        required=False,
        help_text=_("Only if the recipient needs it to find your account. Otherwise it is masked."),
    )
    show_case_title = forms.BooleanField(
        label=_("Print my name for this case on the report"),
        required=False,
        help_text=_("The name you gave the case in the app. Left out unless you tick this."),
    )
    include_possible = forms.BooleanField(
        label=_("Also cite possible findings"),
        required=False,
        help_text=_(
            "Possible findings come from the app's trained model and may be wrong. Confirm them on "
            "each contact instead, where you can; by default letters cite only certain findings."
        ),
    )
    letter_date = forms.DateField(
        label=_("Date of the letter"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    extra_facts = forms.CharField(
        label=_("Other facts"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, with the date. Keep to what happened."),
    )
    extra_demands = forms.CharField(
        label=_("Other requests"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )
    contact_channel = forms.CharField(
        label=_("How they may contact you"),
        max_length=100,
        required=False,
        help_text=_("e.g. in writing, or by text message to my own number"),
    )
    hardship = forms.CharField(
        label=_("Your difficulties"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Briefly: lost income, illness… You need not share more than that."),
    )
    monthly_income = _yuan_field(_("Monthly income (yuan)"))
    essential_costs = _yuan_field(
        _("Essential monthly costs (yuan)"),
        help_text=_("Rent, food, transport, medicine, children."),
    )
    other_debt_payments = _yuan_field(_("Other debt payments a month (yuan)"))
    start_date = forms.DateField(
        label=_("First payment on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    prior_complaint = forms.CharField(
        label=_("Your complaint to the lender"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("When you complained, the ticket number, and the answer."),
    )
    harm = forms.CharField(
        label=_("The harm done"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    info_used = forms.CharField(
        label=_("Which of your information was used, and how"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args, kind: str, loans: list[tuple[str, str]], saving: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        keep = set(COMMON_FIELDS) | set(KINDS[kind].extra_fields)
        if not saving:  # a live preview saves nothing, so it needs no version
            keep.discard("version")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.fields["loan"].choices = [("", "—")] + loans

    def letter_fields(self) -> dict:
        """The cleaned values to store on the draft (language is stored separately)."""
        data = dict(self.cleaned_data)
        data.pop("language", None)
        data.pop("version", None)
        return data
