from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .models import ReviewNote, ReviewStatus


class ShareForm(forms.Form):
    """The borrower chooses an organisation and gives explicit consent."""

    organisation = forms.ModelChoiceField(
        label=_("Legal-aid organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that this organisation's members may read my whole case, as listed above, "
            "until I stop sharing it."
        ),
        error_messages={"required": _("Please tick the box to give your consent.")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReviewStatus.choices)


class NoteForm(forms.ModelForm):
    class Meta:
        model = ReviewNote
        fields = ["text", "shared_with_borrower"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "shared_with_borrower": _(
                "Leave unticked to keep the note inside your organisation. "
                "Ticked notes are shown to the borrower on their case page."
            ),
        }


class LetterCommentForm(forms.Form):
    """A comment on a paragraph of the version under review, or on the whole letter."""

    paragraph = forms.TypedChoiceField(
        label=_("Paragraph"), coerce=int, empty_value=None, required=False
    )
    text = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    requests_changes = forms.BooleanField(
        label=_("Ask the borrower to change the letter"),
        required=False,
        initial=True,
        help_text=_(
            "The borrower sees every comment; this one also marks the version as to revise."
        ),
    )

    def __init__(self, *args, paragraphs: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [("", _("The whole letter"))] + [
            (str(n), _("Paragraph %(n)d") % {"n": n}) for n in range(1, paragraphs + 1)
        ]


class QueueFilterForm(forms.Form):
    """The queue's GET filters. Unknown values are ignored, not errors."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *ReviewStatus.choices], required=False
    )
    severity = forms.ChoiceField(
        label=_("Findings"),
        choices=[
            ("", _("Any findings")),
            ("high", _("Serious findings")),
            ("medium", _("Serious or medium findings")),
            ("low", _("Any finding at all")),
        ],
        required=False,
    )
    awaiting = forms.BooleanField(label=_("Letters awaiting approval"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)

    def filters(self) -> dict:
        """The valid filters as keyword arguments of selectors.review_queue."""
        if not self.is_valid():
            return {}
        return dict(self.cleaned_data)
