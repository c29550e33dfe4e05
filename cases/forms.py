"""Every input to the case pages, GET filters included. clean_<field> returns domain types."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rules import domain
from rules.engine import TEXT_RULES
from selfhelp.forms import VersionedFormMixin, version_field

from . import evidence as sniffing
from . import schedule
from .models import Case, CaseEvent, Contact, Lender, Loan
from .phones import phone_normalize
from .selectors import LastCaller
from .timezones import timezone_choices

DATETIME_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
#: A clock a few minutes fast on the phone should not be an error.
FUTURE_TOLERANCE = timedelta(minutes=10)
COMMON_TAG_VALUES = {value for value, _label in domain.COMMON_TAGS}
TAG_SPLIT = re.compile(r"[,，、;；\n]+")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_LOCAL_FORMAT)


class CaseDateTimeField(forms.DateTimeField):
    """A wall-clock time read and shown in the case's own time zone."""

    widget = DateTimeLocalInput

    def __init__(self, *, tz: ZoneInfo | None = None, **kwargs):
        self.tz = tz or ZoneInfo(domain.DEFAULT_TIMEZONE)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value, self.tz).replace(tzinfo=None, second=0, microsecond=0)
        return value

    def to_python(self, value):
        with timezone.override(self.tz):
            return super().to_python(value)


def _max_size_text() -> str:
    return gettext("At most %(size)s.") % {"size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}


lazy_max_size = lazy(_max_size_text, str)


def evidence_file_field(required: bool = False) -> forms.FileField:
    return forms.FileField(
        label=_("Screenshot, recording or PDF"),
        required=required,
        help_text=format_lazy(
            "{} {}",
            _("Photos, screenshots, call recordings (MP3, M4A, AMR, WAV, OGG) or PDF."),
            lazy_max_size(),
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/*,audio/*,.amr,.m4a,application/pdf"}
        ),
    )


def clean_evidence_upload(upload):
    """Check an uploaded file by its size and its first bytes; the name does not count."""
    if upload is None or upload is False:
        return None
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise forms.ValidationError(
            _("This file is %(size)s. Files may be at most %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.EVIDENCE_MAX_BYTES),
            },
        )
    if sniffing.sniff_file(upload) is None:
        raise forms.ValidationError(
            _(
                "This file is not a picture, recording or PDF we can keep. "
                "Please choose a screenshot, photo, audio recording or PDF."
            ),
            code="unsupported",
        )
    return upload


class PhoneField(forms.CharField):
    """A phone number, stored compact: spaces, dashes, full-width digits and +86 removed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "tel"}))
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        return phone_normalize(super().to_python(value))


def _date_not_in_future(value):
    # The case's time zone is not known here; refuse only dates after today anywhere on Earth.
    latest_today = (timezone.now() + timedelta(hours=14)).date()
    if value is not None and value > latest_today:
        raise forms.ValidationError(_("This date is in the future."), code="future")
    return value


def _time_not_in_future(value: datetime) -> datetime:
    if value > timezone.now() + FUTURE_TOLERANCE:
        raise forms.ValidationError(_("This time is in the future."), code="future")
    return value


# Cases


class CaseForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        initial=domain.DEFAULT_TIMEZONE,
        help_text=_("Times of calls and messages are shown and entered in this time zone."),
    )
    clear_id_number = forms.BooleanField(label=_("Remove the saved ID number"), required=False)

    class Meta:
        model = Case
        fields = [
            "title",
            "borrower_name",
            "borrower_phone",
            "borrower_address",
            "borrower_id_number",
            "timezone",
        ]
        help_texts = {
            "title": _("Something you will recognise, e.g. “网商贷 collection calls”."),
            "borrower_id_number": _("Optional. Only needed in letters; it is shown masked."),
        }
        widgets = {"borrower_phone": forms.TextInput(attrs={"inputmode": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.timezone if self.instance.pk else ""
        self.fields["timezone"].choices = timezone_choices(current)
        self.fields["borrower_id_number"].widget.attrs["autocomplete"] = "off"
        if self.instance.pk and self.instance.borrower_id_number:
            self.initial["borrower_id_number"] = ""
            self.fields["borrower_id_number"].help_text = _(
                "Saved as %(masked)s. Leave empty to keep it."
            ) % {"masked": self.instance.masked_id_number}
        else:
            del self.fields["clear_id_number"]

    def clean_timezone(self) -> str:
        value = self.cleaned_data["timezone"]
        ZoneInfo(value)
        return value

    def clean_borrower_phone(self) -> str:
        return phone_normalize(self.cleaned_data["borrower_phone"])

    def clean_borrower_id_number(self) -> str:
        """An empty field keeps the saved number: the form never shows it in full."""
        value = self.cleaned_data["borrower_id_number"].strip().upper()
        return value or self.instance.borrower_id_number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("clear_id_number"):
            cleaned["borrower_id_number"] = ""
        return cleaned


# Loans


class LoanForm(forms.ModelForm):
    stated_rate_percent = forms.DecimalField(
        label=_("Stated annual rate (%)"),
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        decimal_places=2,
        help_text=_("As written in the contract or app, e.g. 18 for 18%."),
    )

    class Meta:
        model = Loan
        fields = [
            "lender",
            "lender_name",
            "lender_type",
            "product",
            "purpose",
            "contract_no",
            "principal",
            "amount_received",
            "disbursed_on",
            "overdue_since",
            "outstanding",
        ]
        labels = {"lender_name": _("Lender not in the list")}
        help_texts = {
            "lender_name": _("Type the lender's name if you cannot find it in the list above."),
            "amount_received": _("What actually reached your account, after any deductions."),
        }
        widgets = {
            "disbursed_on": DateInput(),
            "overdue_since": DateInput(),
            "principal": forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
            "amount_received": forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
            "outstanding": forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
        }

    field_order = [
        "lender",
        "lender_name",
        "lender_type",
        "product",
        "purpose",
        "contract_no",
        "principal",
        "amount_received",
        "disbursed_on",
        "stated_rate_percent",
        "overdue_since",
        "outstanding",
    ]

    def __init__(self, *args, refresh_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lender"].queryset = Lender.objects.order_by("name")
        self.fields["lender"].empty_label = _("— Not in the list —")
        self.fields["lender"].label = _("Lender")
        has_rate = "stated_rate_percent" in self.initial
        if self.instance.pk and self.instance.stated_rate is not None and not has_rate:
            self.initial["stated_rate_percent"] = (self.instance.stated_rate * 100).normalize()
        self._type_from_directory()
        if refresh_url:
            # With htmx, choosing a lender from the directory shows its type at once.
            self.fields["lender"].widget.attrs.update(
                {
                    "hx-post": refresh_url,
                    "hx-trigger": "change",
                    "hx-target": "#lender-type",
                    "hx-swap": "outerHTML",
                    "hx-vals": '{"refresh": "lender_type"}',
                }
            )

    def _type_from_directory(self) -> None:
        """A lender chosen from the directory brings its type: the form shows it, whether
        it is re-rendered after a submit or only the type is asked for."""
        source = self.data if self.is_bound else self.initial
        value = source.get(self.add_prefix("lender") if self.is_bound else "lender")
        if isinstance(value, Lender):
            lender = value
        elif str(value or "").isdigit():
            lender = Lender.objects.filter(pk=int(value)).first()
        else:
            lender = None
        if lender is None:
            return
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("lender_type")] = lender.lender_type
        else:
            self.initial["lender_type"] = lender.lender_type

    def clean_disbursed_on(self):
        return _date_not_in_future(self.cleaned_data["disbursed_on"])

    def clean_overdue_since(self):
        return _date_not_in_future(self.cleaned_data["overdue_since"])

    def clean_stated_rate_percent(self) -> Decimal | None:
        value = self.cleaned_data["stated_rate_percent"]
        return None if value is None else (value / 100).quantize(Decimal("0.0001"))

    def clean(self):
        cleaned = super().clean()
        lender = cleaned.get("lender")
        name = (cleaned.get("lender_name") or "").strip()
        if lender is None and not name and "lender_name" not in self.errors:
            raise forms.ValidationError(
                _("Pick the lender from the list, or type its name."), code="no_lender"
            )
        if lender is not None:
            cleaned["lender_name"] = ""
            cleaned["lender_type"] = lender.lender_type
        received, principal = cleaned.get("amount_received"), cleaned.get("principal")
        if received is not None and principal is not None and received > principal:
            self.add_error(
                "amount_received",
                _("The amount received is normally not more than the principal. Please check."),
            )
        cleaned["stated_rate"] = cleaned.pop("stated_rate_percent", None)
        return cleaned


class InstallmentForm(forms.Form):
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())
    amount = forms.DecimalField(
        label=_("Amount"), min_value=Decimal("0"), max_digits=14, decimal_places=2
    )
    paid = forms.DecimalField(
        label=_("Paid"),
        min_value=Decimal("0"),
        max_digits=14,
        decimal_places=2,
        required=False,
    )

    def clean_paid(self) -> Decimal:
        return self.cleaned_data["paid"] or Decimal("0")


class FeeForm(forms.Form):
    name = forms.CharField(label=_("Fee"), max_length=100, help_text=_("e.g. 服务费, 担保费"))
    amount = forms.DecimalField(
        label=_("Amount"), min_value=Decimal("0"), max_digits=14, decimal_places=2
    )
    charged_on = forms.DateField(label=_("Charged on"), required=False, widget=DateInput())


class ScheduleForm(forms.Form):
    """The schedule generator: the number of installments, the first due date and either the
    amount of each or (with the loan form's principal and stated rate) the method.

    Its own inputs are named schedule_*; principal and stated_rate_percent are the loan
    form's inputs, read from the same POST.
    """

    schedule_term = forms.IntegerField(
        label=_("Number of installments"),
        min_value=1,
        max_value=schedule.MAX_TERM,
        help_text=_("One a month."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    schedule_first_due = forms.DateField(label=_("First due date"), widget=DateInput())
    schedule_installment = forms.DecimalField(
        label=_("Amount of each installment"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "As the app or contract shows it. Leave empty to work it out from the principal "
            "and the stated annual rate above."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )
    schedule_method = forms.ChoiceField(
        label=_("How it is repaid"),
        choices=[
            (
                schedule.Method.EQUAL_INSTALLMENT,
                _("Equal installments (等额本息): the same amount every month"),
            ),
            (
                schedule.Method.EQUAL_PRINCIPAL,
                _("Equal principal (等额本金): the same principal plus the month's interest"),
            ),
        ],  # fmt: skip
        initial=schedule.Method.EQUAL_INSTALLMENT,
        widget=forms.RadioSelect,
    )
    schedule_paid = forms.IntegerField(
        label=_("Installments already paid in full"),
        required=False,
        min_value=0,
        max_value=schedule.MAX_TERM,
        help_text=_("The first ones are marked as paid."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    # The loan form's own inputs (rendered there, not here).
    principal = forms.DecimalField(
        required=False, min_value=Decimal("0"), max_digits=14, decimal_places=2
    )
    stated_rate_percent = forms.DecimalField(
        required=False, min_value=Decimal("0"), max_value=Decimal("1000"), decimal_places=2
    )

    def clean(self):
        cleaned = super().clean()
        if {"principal", "stated_rate_percent"} & set(self.errors):
            # Those inputs are the loan form's, shown above the generator: say where to look.
            raise forms.ValidationError(
                _("Check the principal and the stated annual rate above."), code="loan_terms"
            )
        if self.errors:
            return cleaned
        installment, rate = cleaned.get("schedule_installment"), cleaned.get("stated_rate_percent")
        principal = cleaned.get("principal")
        if installment is None and rate is None:
            raise forms.ValidationError(
                _("Give the amount of each installment, or the stated annual rate above."),
                code="no_amount",
            )
        if installment is None and not principal:
            raise forms.ValidationError(
                _("To work out the installments from the rate, fill in the principal above."),
                code="no_principal",
            )
        if (cleaned.get("schedule_paid") or 0) > cleaned["schedule_term"]:
            self.add_error("schedule_paid", _("That is more than the number of installments."))
            return cleaned
        cleaned["rows"] = schedule.generate(
            term=cleaned["schedule_term"],
            first_due=cleaned["schedule_first_due"],
            principal=principal,
            annual_rate=None if rate is None else rate / 100,
            installment=installment,
            method=schedule.Method(cleaned["schedule_method"]),
        )
        return cleaned

    def installment_rows(self) -> list[dict]:
        """The generated rows as the installment formset's initial data."""
        paid = self.cleaned_data.get("schedule_paid") or 0
        return [
            {"due_on": row.due_on, "amount": row.amount, "paid": row.amount if i < paid else None}
            for i, row in enumerate(self.cleaned_data["rows"])
        ]


InstallmentFormSet = forms.formset_factory(InstallmentForm, extra=2, can_delete=True)
FeeFormSet = forms.formset_factory(FeeForm, extra=1, can_delete=True)


def formset_rows(formset) -> list[dict]:
    """The filled-in, not-deleted rows of a valid formset."""
    return [
        {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


# Contacts


class TagsMixin:
    """Common tags as one-tap chips plus free tags typed with commas; cleaned to a tuple."""

    def _init_tags(self, current: list[str]) -> None:
        self.initial["common_tags"] = [t for t in current if t in COMMON_TAG_VALUES]
        if "other_tags" in self.fields:
            self.initial["other_tags"] = ", ".join(t for t in current if t not in COMMON_TAG_VALUES)

    def clean_other_tags(self) -> tuple[str, ...]:
        raw = self.cleaned_data.get("other_tags") or ""
        tags = [part.strip() for part in TAG_SPLIT.split(raw) if part.strip()]
        if any(len(tag) > 40 for tag in tags):
            raise forms.ValidationError(_("Each tag may be at most 40 characters."))
        return tuple(dict.fromkeys(tags))

    def _merged_tags(self, cleaned) -> tuple[str, ...]:
        common = tuple(cleaned.get("common_tags") or ())
        other = tuple(cleaned.get("other_tags") or ())
        return tuple(dict.fromkeys(common + other))


def common_tags_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("What happened"),
        choices=domain.COMMON_TAGS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}),
    )


def channel_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("How"),
        choices=domain.CHANNEL_CHOICES,
        initial="call",
        widget=forms.RadioSelect(attrs={"class": "chips"}),
    )


class ContactForm(VersionedFormMixin, TagsMixin, forms.ModelForm):
    """Every detail of one contact, with an optional evidence file.

    Editing a contact also carries the version it was opened at (hidden), so a save
    from an out-of-date form is refused instead of overwriting a newer one.
    """

    occurred_at = CaseDateTimeField(label=_("When"))
    channel = channel_field()
    claims_to_be = forms.MultipleChoiceField(
        label=_("They claimed to be"),
        choices=domain.CLAIMS_TO_BE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}),
    )
    common_tags = common_tags_field()
    other_tags = forms.CharField(
        label=_("Other tags"),
        required=False,
        max_length=400,
        help_text=_("Separate tags with commas."),
    )
    evidence = evidence_file_field()
    version = version_field()

    class Meta:
        model = Contact
        fields = [
            "occurred_at",
            "channel",
            "connected",
            "duration_seconds",
            "target",
            "target_name",
            "target_phone",
            "visitors",
            "caller_name",
            "caller_organization",
            "caller_phone",
            "caller_identity_disclosed",
            "claims_to_be",
            "content",
            "common_tags",
            "other_tags",
            "consent_to_time",
            "loan",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 4}),
            "connected": forms.NullBooleanSelect(),
            "caller_identity_disclosed": forms.NullBooleanSelect(),
            "target_phone": forms.TextInput(attrs={"inputmode": "tel"}),
            "caller_phone": forms.TextInput(attrs={"inputmode": "tel"}),
        }
        help_texts = {
            "consent_to_time": _(
                "Tick only if you had agreed to be contacted at this hour (e.g. you asked them to call back then)."
            ),
        }

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["occurred_at"].tz = ZoneInfo(case.timezone)
        self.fields["loan"].queryset = Loan.objects.filter(case=case).select_related("lender")
        self.fields["loan"].empty_label = _("— Not about one loan —")
        if self.instance.pk:
            self._init_tags(list(self.instance.tags))
            self.initial["claims_to_be"] = list(self.instance.claims_to_be)
            self.initial["version"] = self.instance.version
            self.fields["evidence"].label = _("Add a screenshot, recording or PDF")
        else:
            del self.fields["version"]
            self.initial.setdefault("occurred_at", timezone.now())
            loans = list(self.fields["loan"].queryset[:2])
            if len(loans) == 1:
                self.initial.setdefault("loan", loans[0].pk)

    def clean_occurred_at(self) -> datetime:
        return _time_not_in_future(self.cleaned_data["occurred_at"])

    def clean_claims_to_be(self) -> tuple[str, ...]:
        return tuple(self.cleaned_data["claims_to_be"])

    def clean_target_phone(self) -> str:
        return phone_normalize(self.cleaned_data["target_phone"])

    def clean_caller_phone(self) -> str:
        return phone_normalize(self.cleaned_data["caller_phone"])

    def clean_evidence(self):
        return clean_evidence_upload(self.cleaned_data.get("evidence"))

    def clean(self):
        cleaned = super().clean()
        cleaned["tags"] = self._merged_tags(cleaned)
        channel = cleaned.get("channel")
        if cleaned.get("visitors") and channel != "visit":
            self.add_error("visitors", _("The number of visitors is only for visits."))
        if channel and channel != "call":
            if cleaned.get("connected") is not None:
                self.add_error("connected", _("Only calls connect. Leave this empty."))
            if cleaned.get("duration_seconds"):
                self.add_error("duration_seconds", _("A duration is only for calls."))
        return cleaned


class QuickContactForm(TagsMixin, forms.Form):
    """The thirty-second form: when, how, who, the caller again, what they said."""

    NEW_CALLER = "new"

    occurred_at = CaseDateTimeField(label=_("When"))
    channel = channel_field()
    target = forms.ChoiceField(
        label=_("Who was contacted"), choices=domain.TARGET_CHOICES, initial="borrower"
    )
    caller = forms.ChoiceField(label=_("Who contacted"), required=False)
    caller_phone = PhoneField(
        label=_("Their number"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    content = forms.CharField(
        label=_("What they said"),
        required=False,
        max_length=domain.CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    common_tags = common_tags_field()

    def __init__(self, *args, case: Case, callers: list[LastCaller], **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.callers = {str(c.contact_pk): c for c in callers}
        self.fields["occurred_at"].tz = ZoneInfo(case.timezone)
        self.fields["caller"].choices = [(str(c.contact_pk), c.label) for c in callers] + [
            (self.NEW_CALLER, _("Someone new or unknown"))
        ]
        self.initial.setdefault("occurred_at", timezone.now())
        self.initial.setdefault(
            "caller", str(callers[0].contact_pk) if callers else self.NEW_CALLER
        )
        if not callers:
            self.fields["caller"].widget = forms.HiddenInput()

    def clean_occurred_at(self) -> datetime:
        return _time_not_in_future(self.cleaned_data["occurred_at"])

    def clean_caller(self) -> domain.Caller:
        key = self.cleaned_data.get("caller") or self.NEW_CALLER
        if key == self.NEW_CALLER:
            return domain.Caller()
        caller = self.callers.get(key)
        if caller is None:
            raise forms.ValidationError(_("Please pick a caller from the list."))
        return self._as_caller(caller)

    @staticmethod
    def _as_caller(caller: LastCaller) -> domain.Caller:
        return domain.Caller(
            name=caller.name,
            organization=caller.organization,
            phone=phone_normalize(caller.phone),
            identity_disclosed=caller.identity_disclosed,
        )

    def clean(self):
        """A number typed in "their number" names the caller, whoever is preselected.

        The list preselects the last caller, so a borrower who only types the new
        number must not have the call saved under the previous caller.
        """
        cleaned = super().clean()
        caller, typed = cleaned.get("caller"), cleaned.get("caller_phone", "")
        if isinstance(caller, domain.Caller) and typed and typed != caller.phone:
            known = [c for c in self.callers.values() if phone_normalize(c.phone) == typed]
            cleaned["caller"] = self._as_caller(known[0]) if known else domain.Caller(phone=typed)
        return cleaned

    def contact_data(self) -> dict:
        """The cleaned form as the fields of a Contact (without a loan: the service links it)."""
        data = self.cleaned_data
        caller: domain.Caller = data["caller"]
        return {
            "occurred_at": data["occurred_at"],
            "channel": data["channel"],
            "target": data["target"],
            "caller_name": caller.name,
            "caller_organization": caller.organization,
            "caller_phone": caller.phone or data["caller_phone"],
            "caller_identity_disclosed": caller.identity_disclosed,
            "content": data["content"],
            "tags": self._merged_tags(data),
        }


class TimelineFilterForm(forms.Form):
    """The GET filters of the timeline. Unknown values are ignored, not errors."""

    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All"))] + domain.CHANNEL_CHOICES
    )
    target = forms.ChoiceField(
        label=_("Who"), required=False, choices=[("", _("Everyone"))] + domain.TARGET_CHOICES
    )
    loan = forms.ModelChoiceField(
        label=_("Loan"), required=False, queryset=Loan.objects.none(), empty_label=_("All loans")
    )

    shown = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    #: The newest contacts shown at first, and how many more each "show older" adds.
    PAGE = 50
    MAX_SHOWN = 5000

    def __init__(self, *args, loans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loan"].queryset = loans

    def shown_count(self) -> int:
        """How many of the newest contacts to show (a long timeline is shown in pages)."""
        if self.is_bound and self.is_valid() and self.cleaned_data.get("shown"):
            return min(self.cleaned_data["shown"], self.MAX_SHOWN)
        return self.PAGE

    def filters(self) -> dict:
        """The valid filters, as keyword arguments for selectors.timeline_contacts."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in ("channel", "target", "loan")
            if name in self.cleaned_data and self.cleaned_data[name]
        }


# Events


class CaseEventForm(forms.ModelForm):
    at = CaseDateTimeField(label=_("When"))

    class Meta:
        model = CaseEvent
        fields = ["kind", "at", "loan", "target_name", "target_phone", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "target_name": _("For a third party's objection: who asked not to be contacted."),
        }

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].tz = ZoneInfo(case.timezone)
        self.fields["loan"].queryset = Loan.objects.filter(case=case).select_related("lender")
        self.fields["loan"].empty_label = _("— All loans —")
        self.initial.setdefault("at", timezone.now())

    def clean_at(self) -> datetime:
        return _time_not_in_future(self.cleaned_data["at"])

    def clean_target_phone(self) -> str:
        return phone_normalize(self.cleaned_data["target_phone"])


# Evidence


class EvidenceForm(forms.Form):
    file = evidence_file_field(required=True)

    def clean_file(self):
        return clean_evidence_upload(self.cleaned_data["file"])


class CaseImportForm(forms.Form):
    """Upload a `selfhelp.case/1` JSON file; the bundle module validates its content."""

    file = forms.FileField(
        label=_("Case file (JSON)"),
        help_text=_("A file exported from this app or sent by a legal-aid organisation."),
    )

    def clean_file(self):
        from .bundle import MAX_BUNDLE_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BUNDLE_BYTES:
            raise forms.ValidationError(
                _("The file is too large (at most %(size)s).")
                % {"size": filesizeformat(MAX_BUNDLE_BYTES)}
            )
        return upload


class FindingAnswerForm(forms.Form):
    """The borrower's one-tap answer to a finding on a contact."""

    rule = forms.ChoiceField(choices=[(rule, rule) for rule in TEXT_RULES])
    answer = forms.ChoiceField(
        choices=[
            ("confirmed", _("Yes, this happened")),
            ("dismissed", _("No, this is wrong")),
            ("", _("Undo my answer")),
        ],
        required=False,
    )
