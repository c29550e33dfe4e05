"""Forms of the public checkers. Nothing here is saved: clean_* returns plain values."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rules import domain
from selfhelp.forms import AccessibleFormMixin

from .services import save_token_load

MAX_CHARS = 5000
MAX_MESSAGES = 20
MAX_FEES = 3

RECIPIENT_CHOICES = [
    ("borrower", _("Me")),
    ("guarantor", _("My guarantor")),
    ("relative", _("A relative")),
    ("friend", _("A friend")),
    ("colleague", _("A colleague or my employer")),
    ("contact_list", _("Someone else in my contacts")),
]
TIME_CHOICES = [
    ("day", _("Between 08:00 and 22:00")),
    ("night", _("Between 22:00 and 08:00")),
    ("unknown", _("I don't know")),
]
OBJECTED_CHOICES = [("no", _("No")), ("yes", _("Yes"))]
LENDER_CHOICES = [("", _("I don't know")), *domain.LENDER_TYPE_CHOICES]


def split_messages(text: str) -> list[str]:
    """Messages separated by blank lines; without a blank line, one message per line."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return []
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [part.strip() for part in parts if part.strip()]


class MessageCheckForm(AccessibleFormMixin, forms.Form):
    messages = forms.CharField(
        label=_("Paste the messages"),
        help_text=_("One message per line, or separate longer messages with a blank line."),
        max_length=domain.CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}),
    )
    recipient = forms.ChoiceField(
        label=_("Who received them?"),
        choices=RECIPIENT_CHOICES,
        initial="borrower",
        required=False,
        widget=forms.RadioSelect,
    )
    time = forms.ChoiceField(
        label=_("At what time?"),
        choices=TIME_CHOICES,
        initial="day",
        required=False,
        widget=forms.RadioSelect,
    )
    objected = forms.ChoiceField(
        label=_("Had the person who received them already asked the collector to stop?"),
        choices=OBJECTED_CHOICES,
        initial="no",
        required=False,
        widget=forms.RadioSelect,
    )
    lender_type = forms.ChoiceField(
        label=_("Who lent the money?"),
        help_text=_("It decides which rules bind the lender and where you can complain."),
        choices=LENDER_CHOICES,
        required=False,
        # Asked in the answer, only when there are findings; the inputs belong to the form.
        widget=forms.RadioSelect(attrs={"form": "check-form"}),
    )

    # The clinic widget may send the messages alone: unanswered questions take the initial answer.
    def clean_recipient(self) -> str:
        return self.cleaned_data["recipient"] or "borrower"

    def clean_time(self) -> str:
        return self.cleaned_data["time"] or "unknown"

    def clean_objected(self) -> str:
        return self.cleaned_data["objected"] or "no"

    def clean_messages(self) -> list[str]:
        text = self.cleaned_data["messages"]
        found = split_messages(text)
        if len(text) > MAX_CHARS or len(found) > MAX_MESSAGES:
            raise forms.ValidationError(
                _(
                    "That is too much for one check: at most %(chars)s characters and "
                    "%(count)s messages. Paste the most worrying messages first."
                ),
                code="too_long",
                params={"chars": f"{MAX_CHARS:,}", "count": MAX_MESSAGES},
            )
        if not found:
            raise forms.ValidationError(_("Paste at least one message."), code="required")
        return found


class SaveForm(AccessibleFormMixin, forms.Form):
    """Where to save checked messages: a new case, or one of the borrower's own cases."""

    # The signed messages of one check: at most CONTENT_MAX_LENGTH characters, escaped and encoded.
    token = forms.CharField(widget=forms.HiddenInput, max_length=400_000)
    case = forms.ChoiceField(label=_("Save to"), widget=forms.RadioSelect)

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [
            ("new", _("A new case")),
            *[(str(c.pk), c.title) for c in cases],
        ]
        self.fields["case"].initial = "new"

    def clean_token(self) -> dict:
        data = save_token_load(self.cleaned_data["token"])
        if data is None:
            raise forms.ValidationError(
                _("This link has expired (after one hour). Check the messages again to save them."),
                code="expired",
            )
        return data


FEE_WHEN_CHOICES = [
    ("deducted", _("Kept back from the money paid out")),
    ("upfront", _("Paid separately at the start")),
    ("monthly", _("Paid with every installment")),
]


class LoanCheckForm(AccessibleFormMixin, forms.Form):
    """An offer as an app shows it. Every amount is in yuan."""

    amount = forms.DecimalField(
        label=_("Loan amount (yuan)"), min_value=Decimal(1), max_digits=12, decimal_places=2
    )
    received = forms.DecimalField(
        label=_("Amount you actually receive (yuan)"),
        help_text=_("Leave empty if it is the loan amount minus the fees kept back."),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        required=False,
    )
    term = forms.IntegerField(label=_("Term (months)"), min_value=1, max_value=120)
    installment = forms.DecimalField(
        label=_("Monthly installment (yuan)"),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        required=False,
    )
    schedule = forms.CharField(
        label=_("Or the schedule: one amount per month"),
        help_text=_("Only if the installments differ from month to month."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    lender_type = forms.ChoiceField(
        label=_("Who lends the money?"), choices=LENDER_CHOICES, required=False
    )
    start = forms.DateField(
        label=_("Date the money is paid out"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_FEES + 1):
            self.fields[f"fee_name_{n}"] = forms.CharField(
                label=_("Fee %(n)s: name") % {"n": n}, max_length=40, required=False
            )
            self.fields[f"fee_amount_{n}"] = forms.DecimalField(
                label=_("Fee %(n)s: amount (yuan)") % {"n": n},
                min_value=Decimal(0),
                max_digits=12,
                decimal_places=2,
                required=False,
            )
            self.fields[f"fee_when_{n}"] = forms.ChoiceField(
                label=_("Fee %(n)s: how it is paid") % {"n": n},
                choices=FEE_WHEN_CHOICES,
                required=False,
            )

    def clean_schedule(self) -> list[Decimal]:
        amounts = []
        for line in self.cleaned_data["schedule"].replace(",", "\n").split():
            try:
                amounts.append(Decimal(line.replace("¥", "").replace("元", "")))
            except ArithmeticError:
                raise forms.ValidationError(
                    _("Write one amount per line, e.g. 1050."), code="invalid"
                ) from None
        return amounts

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not data.get("installment") and not data.get("schedule"):
            self.add_error("installment", _("Give the monthly installment, or the schedule below."))
        data["start"] = data.get("start") or timezone.localdate()
        data["fees"] = [
            (data[f"fee_name_{n}"].strip() or str(_("Fee")), data[f"fee_amount_{n}"],
             data[f"fee_when_{n}"] or "deducted")
            for n in range(1, MAX_FEES + 1)
            if data.get(f"fee_amount_{n}")
        ]  # fmt: skip
        return data
