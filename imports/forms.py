from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from rules.domain import CONTENT_MAX_LENGTH

from .selectors import ALL, LIKELY

MAX_FILES = 4


def check_upload_sizes(files, *, max_file_bytes: int, advice) -> None:
    """Refuse an empty file, a file over `max_file_bytes`, and files that add up to more
    than SELFHELP_IMPORT_MAX_UPLOAD_BYTES, each with a message that says the limit."""
    for upload in files:
        if upload.size == 0:
            raise ValidationError(_("“%(name)s” is empty."), params={"name": upload.name})
        if upload.size > max_file_bytes:
            raise ValidationError(
                _("“%(name)s” is larger than %(max)s. %(advice)s"),
                params={
                    "name": upload.name,
                    "max": filesizeformat(max_file_bytes),
                    "advice": advice,
                },
            )
    total, limit = sum(upload.size for upload in files), settings.SELFHELP_IMPORT_MAX_UPLOAD_BYTES
    if total > limit:
        raise ValidationError(
            _(
                "These files add up to %(total)s; at most %(max)s can be uploaded at once. %(advice)s"
            ),
            params={"total": filesizeformat(total), "max": filesizeformat(limit), "advice": advice},
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xml,text/xml"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Backup files (.xml)"),
        help_text=_(
            "The files “sms-….xml” and “calls-….xml” made by the app SMS Backup & Restore. "
            "You can choose both at once."
        ),
    )
    partial = forms.BooleanField(
        label=_("If a file is cut off, add the complete messages it holds"),
        help_text=_(
            "A backup that stopped part way (the phone ran out of space, the transfer broke) is "
            "refused unless you tick this."
        ),
        required=False,
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("Choose at most %(max)s files at a time."), params={"max": MAX_FILES}
            )
        check_upload_sizes(
            files,
            max_file_bytes=settings.SELFHELP_IMPORT_MAX_FILE_BYTES,
            advice=_("Make a backup without pictures."),
        )
        return files


class ReviewFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        choices=[(LIKELY, _("Looks like debt collection")), (ALL, _("Everything sent to me"))],
        required=False,
    )
    number = forms.CharField(label=_("Number"), max_length=100, required=False)
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def clean_show(self) -> str:
        return self.cleaned_data.get("show") or LIKELY

    def clean_number(self) -> str:
        return (self.cleaned_data.get("number") or "").strip()


class NumberSelectForm(forms.Form):
    sender = forms.CharField(max_length=100, required=False)
    selected = forms.TypedChoiceField(
        choices=[("1", _("Choose all")), ("0", _("Choose none"))],
        coerce=lambda value: value == "1",
    )


class IdListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        try:
            return [int(item) for item in value]
        except (TypeError, ValueError):
            raise ValidationError(_("Unknown message."), code="invalid") from None


class MessageChoiceForm(forms.Form):
    """The messages on screen (`shown`) and which of them are ticked (`chosen`)."""

    shown = IdListField(required=False)
    chosen = IdListField(required=False)

    def clean(self):
        data = super().clean()
        if not set(data.get("chosen", [])) <= set(data.get("shown", [])):
            raise ValidationError(_("Unknown message."))
        return data


MAX_SCREENSHOT_BYTES = 20 * 1024 * 1024


class ScreenshotUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Screenshots (PNG, JPEG or HEIC)"),
        help_text=_(
            "Up to 60 screenshots of text messages, chats or your call log. Screenshots of one "
            "long conversation may overlap: each message is added once."
        ),
        widget=MultipleFileInput(
            attrs={"accept": "image/png,image/jpeg,image/heic,image/heif,.heic,.heif"}
        ),
    )
    taken_on = forms.DateField(
        label=_("The day you took them"),
        help_text=_(
            "Phones write “yesterday” or “Wednesday” instead of a date. We count from the date "
            "stored in each picture; give the day here for pictures that have none."
        ),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_files(self):
        from .screenshots import MAX_SCREENSHOTS

        files = self.cleaned_data["files"]
        if len(files) > MAX_SCREENSHOTS:
            raise ValidationError(
                _("Choose at most %(max)s screenshots at a time."), params={"max": MAX_SCREENSHOTS}
            )
        check_upload_sizes(
            files,
            max_file_bytes=MAX_SCREENSHOT_BYTES,
            advice=_("Upload the screenshots in several smaller groups."),
        )
        return files


class StagedCorrectionForm(forms.Form):
    """One message read from a screenshot, as the borrower corrects it."""

    sender = forms.CharField(label=_("From"), max_length=100, required=False)
    occurred_at = forms.DateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    direction = forms.ChoiceField(
        label=_("Who sent it"), choices=[("in", _("Sent to me")), ("out", _("Sent by me"))]
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=CONTENT_MAX_LENGTH,
    )
    selected = forms.BooleanField(label=_("Add to my case"), required=False)

    def clean(self):
        from .screenshots import Correction

        data = super().clean()
        if self.errors:
            return data
        if data["selected"] and data["direction"] != "in":
            raise ValidationError(_("Only what was sent to you can be added to your case."))
        data["correction"] = Correction(
            sender=data["sender"].strip(),
            occurred_at=data["occurred_at"],
            direction=data["direction"],
            body=data["body"].strip(),
            selected=data["selected"],
        )
        return data
