"""Forms of the actions context; each cleans to the values its service takes."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, Evidence, Loan
from letters.models import LetterVersion

from .models import Action, Outcome

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "channel", "method", "loan", "sent_on", "received_on", "ticket_number",
            "tracking_number", "summary", "letter_versions", "evidence",
        ]  # fmt: skip
        widgets = {
            "sent_on": DATE,
            "received_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "letter_versions": forms.CheckboxSelectMultiple,
            "evidence": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loan"].queryset = Loan.objects.filter(case=case).order_by("id")
        self.fields["letter_versions"].queryset = LetterVersion.objects.filter(
            draft__case=case, finalised_at__isnull=False
        ).select_related("draft")
        self.fields["evidence"].queryset = Evidence.objects.filter(case=case)
        self.fields["sent_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        sent, received = data.get("sent_on"), data.get("received_on")
        if sent and received and received < sent:
            self.add_error("received_on", _("It cannot have arrived before it was sent."))
        if sent and sent > timezone.localdate():
            self.add_error("sent_on", _("This date is in the future."))
        if data.get("method") == "registered_post" and not data.get("tracking_number"):
            self.add_error(
                "tracking_number", _("Registered post has a tracking number: it is your proof.")
            )
        return data


class ResponseForm(forms.Form):
    received_on = forms.DateField(label=_("Date received"), widget=DATE)
    text = forms.CharField(
        label=_("What they answered"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = forms.FileField(
        label=_("The answer as a file"),
        required=False,
        help_text=_("A screenshot, photo or PDF of the answer. Kept as evidence."),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    outcome_on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)
    repayment_plan = forms.BooleanField(
        label=_("A repayment plan was agreed"),
        required=False,
        help_text=_(
            "It is recorded as a repayment agreement: collection contacts after it are flagged."
        ),
    )


class ExtensionForm(forms.Form):
    extended_until = forms.DateField(label=_("They will answer by"), widget=DATE)
    note = forms.CharField(label=_("What they said"), required=False, max_length=300)


class EscalateForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(k, k) for k in ("complaint_lender", "complaint_regulator", "police_statement",
                                  "pi_complaint")]
    )  # fmt: skip
