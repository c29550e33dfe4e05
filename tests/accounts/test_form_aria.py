from django import forms

from selfhelp.forms import AccessibleFormMixin


class ChoiceForm(AccessibleFormMixin, forms.Form):
    channel = forms.ChoiceField(
        choices=[("call", "Call"), ("sms", "SMS")],
        widget=forms.RadioSelect,
        help_text="How they reached you.",
    )
    note = forms.CharField(help_text="Anything else.")


def test_grouped_choices_with_an_error_are_marked_invalid_and_described():
    form = ChoiceForm(data={"note": "x"})
    assert not form.is_valid()
    html = str(form["channel"])
    assert html.count('aria-invalid="true"') == 2
    assert 'aria-describedby="id_channel_helptext id_channel_error"' in html


def test_grouped_choices_without_an_error_are_not_marked():
    form = ChoiceForm(data={"channel": "sms", "note": "x"})
    assert form.is_valid()
    assert "aria-invalid" not in str(form["channel"])


def test_single_inputs_are_described_by_help_and_error():
    form = ChoiceForm(data={"channel": "sms"})
    assert not form.is_valid()
    html = str(form["note"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_note_helptext id_note_error"' in html


def test_unbound_form_only_points_to_help_text():
    html = str(ChoiceForm()["note"])
    assert 'aria-describedby="id_note_helptext"' in html
    assert "aria-invalid" not in html
