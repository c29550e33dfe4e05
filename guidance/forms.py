from django import forms
from django.utils.translation import gettext_lazy as _

from .questions import Question


class ArticleSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the articles"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class InterviewStepForm(forms.Form):
    """One interview question. Radio buttons, or checkboxes for multiple choice."""

    def __init__(self, question: Question, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if question.multiple:
            field = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
        else:
            field = forms.ChoiceField(widget=forms.RadioSelect)
        field.label = question.text
        field.help_text = question.help
        field.choices = question.choices
        field.error_messages["required"] = _("Please choose an answer.")
        self.fields["answer"] = field


class PlanLinkForm(forms.Form):
    """Which of the user's cases to save the plan on. Access is checked in the view."""

    case = forms.IntegerField(label=_("Save this plan on my case"), widget=forms.Select)

    def __init__(self, cases=(), *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].widget.choices = [(c.pk, c.title) for c in cases]
