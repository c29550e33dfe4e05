"""Form helpers every app can reuse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .versioning import EditConflict

#: A form sent without its version (or with a broken one) cannot be checked against later
#: saves, so it is treated like a form opened before them.
_STALE = _(
    "This page is out of date. Open it again to see what is saved now, then make your change again."
)


def version_field() -> forms.IntegerField:
    """The hidden version an edit form was opened at (selfhelp.versioning)."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": _STALE, "invalid": _STALE, "min_value": _STALE},
    )


class VersionedFormMixin:
    """A form with a hidden `version` field (version_field): a problem with it is shown at
    the top of the form, where the error summary lists it, not beside an invisible input."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        errors = getattr(self, "_errors", None) or {}
        for message in errors.pop("version", []):
            self.add_error(None, message)  # type: ignore[attr-defined]


def refuse_stale_edit(form: forms.BaseForm, conflict: EditConflict, message: str) -> None:
    """Show `message` on a form whose save was refused as stale, keeping everything typed.

    The hidden version becomes the one stored now, so saving the same form again is a
    deliberate choice to replace the other change (the message says so).
    """
    if conflict.current is not None:
        data = form.data.copy()
        data[form.add_prefix("version")] = str(conflict.current)
        form.data = data
    form.add_error(None, message)


class AccessibleFormMixin:
    """Tie every input to its help text and its errors for screen readers.

    Django 5.2 already adds `aria-describedby="<id>_helptext <id>_error"` and
    `aria-invalid="true"` to single inputs. It skips widgets rendered inside a
    <fieldset> (radio buttons, checkbox lists), so an error on a group of
    choices would not be announced when a choice gets focus. This mixin fills
    that gap after validation. The ids match templates/includes/field.html.
    """

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            field = self.fields.get(name)  # type: ignore[attr-defined]
            if field is None or not field.widget.use_fieldset:
                continue
            bound = self[name]  # type: ignore[index]
            if not bound.auto_id:
                continue
            described_by = [f"{bound.auto_id}_helptext"] if field.help_text else []
            described_by.append(f"{bound.auto_id}_error")
            field.widget.attrs["aria-invalid"] = "true"
            field.widget.attrs["aria-describedby"] = " ".join(described_by)
