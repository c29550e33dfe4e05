"""Form helpers every app can reuse."""

from __future__ import annotations


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
