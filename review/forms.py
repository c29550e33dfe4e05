from django import forms
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from letters.models import LetterKind

from .models import ReviewNote, ReviewStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EXPIRES_HELP = _(
    "Optional. After this day the organisation can no longer open your case, as if you had "
    "stopped sharing; you can renew it. Leave empty to share until you stop."
)


def _not_in_the_past(value):
    if value is not None and value < timezone.localdate():
        raise forms.ValidationError(_("Choose today or a later date."))
    return value


class ShareForm(forms.Form):
    """The borrower chooses an organisation, gives explicit consent, and may choose when the
    share ends and whether the organisation may also record actions for them."""

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
    expires_on = forms.DateField(
        label=_("Share until"), required=False, widget=DATE, help_text=EXPIRES_HELP
    )
    act_for_me = forms.BooleanField(
        label=_("Also let its members record complaints, answers and outcomes for me"),
        required=False,
        help_text=_(
            "Separate from sharing, and off unless you tick it. Without it they can only read. "
            "With it, a volunteer can record, for example, a complaint they made by phone on "
            "your behalf; each record shows who made it. You can change this at any time on "
            "your case page."
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean_expires_on(self):
        return _not_in_the_past(self.cleaned_data.get("expires_on"))


class ShareExpiryForm(forms.Form):
    """Change when a share ends, or renew an expired one."""

    expires_on = forms.DateField(
        label=_("Share until"), required=False, widget=DATE, help_text=EXPIRES_HELP
    )

    def clean_expires_on(self):
        return _not_in_the_past(self.cleaned_data.get("expires_on"))


class ActForMeForm(forms.Form):
    """The sharing panel's switch: grant (ticked) or withdraw the "act for me" consent."""

    grant = forms.BooleanField(required=False)


class ReviewPolicyForm(forms.Form):
    """An organisation admin chooses which letter kinds need a second lawyer's approval."""

    second_approval_kinds = forms.MultipleChoiceField(
        label=_("Letter kinds that need a second lawyer"),
        choices=[(k, label) for k, label in LetterKind.choices],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A letter of a ticked kind is approved only when two different lawyers of your "
            "organisation have approved it. The review line is printed at the second approval."
        ),
    )


class TakeForm(forms.Form):
    """Taking a case; `next` is where to go afterwards, a path on this site only (the page
    that asked the member to take the case first)."""

    next = forms.CharField(required=False, max_length=500)

    def clean_next(self) -> str:
        target = self.cleaned_data["next"]
        if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            return target
        return ""


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
    overdue = forms.BooleanField(label=_("An answer is overdue"), required=False)
    continued = forms.BooleanField(label=_("Contacts went on after a complaint"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)

    def filters(self) -> dict:
        """The valid filters as keyword arguments of selectors.review_queue."""
        if not self.is_valid():
            return {}
        return dict(self.cleaned_data)
