"""The case record: a borrower's loans, every collection contact, and the proof.

Field names follow the `selfhelp.case/1` bundle (see docs/case-bundle.schema.json)
so that cases/bundle.py maps one to one. The vocabularies come from rules/domain.py.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rules import domain
from rules.engine.detect import detection_fields, detector_version

from .evidence import download_name
from .masking import mask_address, mask_id_number, mask_phone


def evidence_storage():
    return storages["evidence"]


class Lender(models.Model):
    """A licensed lender from the directory, editable in the admin."""

    name = models.CharField(_("full legal name"), max_length=200, unique=True)
    short_name = models.CharField(_("common name"), max_length=100, blank=True)
    products = models.CharField(
        _("products"), max_length=200, blank=True, help_text=_("e.g. 借呗, 花呗")
    )
    lender_type = models.CharField(
        _("lender type"), max_length=20, choices=domain.LENDER_TYPE_CHOICES
    )
    regulator = models.CharField(_("regulator"), max_length=200, blank=True)
    complaint_channel = models.CharField(_("complaint channel"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("lender")
        verbose_name_plural = _("lenders")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.short_name}（{self.name}）" if self.short_name else self.name


class Case(models.Model):
    """One borrower's record of a collection. It belongs to exactly one user."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cases"
    )
    title = models.CharField(_("title"), max_length=200)
    timezone = models.CharField(_("time zone"), max_length=64, default=domain.DEFAULT_TIMEZONE)
    borrower_name = models.CharField(_("your name"), max_length=100, blank=True)
    borrower_phone = models.CharField(_("your phone"), max_length=40, blank=True)
    borrower_address = models.CharField(_("your address"), max_length=300, blank=True)
    borrower_id_number = models.CharField(_("ID number"), max_length=40, blank=True)
    #: One more with every write that can change the findings (cases.services.case_touch):
    #: the findings stored for a revision (StoredFindings) are read back until it changes.
    revision = models.PositiveBigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def masked_id_number(self) -> str:
        """The ID number with all but the first 4 and last 4 characters hidden."""
        return mask_id_number(self.borrower_id_number)

    @property
    def masked_phone(self) -> str:
        """The phone with the middle hidden: 138****0000."""
        return mask_phone(self.borrower_phone)

    @property
    def masked_address(self) -> str:
        """The address down to the city at most: its first six characters."""
        return mask_address(self.borrower_address)


class Loan(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="loans")
    ref = models.CharField(_("reference"), max_length=40)
    lender = models.ForeignKey(
        Lender,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="loans",
        verbose_name=_("lender from the directory"),
    )
    lender_name = models.CharField(
        _("lender"),
        max_length=200,
        blank=True,
        help_text=_("The lender's full legal name, if it is not in the directory."),
    )
    lender_type = models.CharField(
        _("lender type"), max_length=20, choices=domain.LENDER_TYPE_CHOICES, default="other"
    )
    product = models.CharField(_("product"), max_length=100, blank=True)
    purpose = models.CharField(
        _("purpose of the loan"),
        max_length=20,
        choices=domain.PURPOSE_CHOICES,
        blank=True,
        help_text=_(
            "Some consumer-protection rules cover only loans for personal spending, not business loans."
        ),
    )
    contract_no = models.CharField(_("contract number"), max_length=100, blank=True)
    principal = models.DecimalField(
        _("principal"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_received = models.DecimalField(
        _("amount actually received"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    disbursed_on = models.DateField(_("disbursement date"), null=True, blank=True)
    overdue_since = models.DateField(_("overdue since"), null=True, blank=True)
    outstanding = models.DecimalField(
        _("outstanding amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    stated_rate = models.DecimalField(
        _("stated annual rate"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("As a fraction: 0.1800 for 18%."),
    )

    class Meta:
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "ref"], name="unique_loan_ref_per_case")
        ]

    def __str__(self) -> str:
        return " · ".join(filter(None, [self.display_lender, self.product, self.contract_no]))

    @property
    def display_lender(self) -> str:
        return self.lender.name if self.lender_id else self.lender_name


class Installment(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="installments")
    due_on = models.DateField(_("due date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    paid = models.DecimalField(_("paid"), max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("installment")
        verbose_name_plural = _("installments")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.due_on} {self.amount}"


class Fee(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="fees")
    name = models.CharField(_("name"), max_length=100)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    charged_on = models.DateField(_("charged on"), null=True, blank=True)

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        ordering = ["charged_on", "id"]

    def __str__(self) -> str:
        return f"{self.name} {self.amount}"


class Contact(models.Model):
    """One collection contact: a call, message, visit or post."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    ref = models.CharField(_("reference"), max_length=40)
    loan = models.ForeignKey(
        Loan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("loan"),
    )
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=20, choices=domain.CHANNEL_CHOICES)
    connected = models.BooleanField(_("call connected"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    target = models.CharField(
        _("who was contacted"), max_length=20, choices=domain.TARGET_CHOICES, default="borrower"
    )
    target_name = models.CharField(_("their name"), max_length=100, blank=True)
    target_phone = models.CharField(_("their phone"), max_length=40, blank=True)
    visitors = models.PositiveSmallIntegerField(_("number of visitors"), null=True, blank=True)
    caller_name = models.CharField(_("collector's name"), max_length=100, blank=True)
    caller_organization = models.CharField(
        _("collector's organisation"), max_length=200, blank=True
    )
    caller_phone = models.CharField(_("collector's number"), max_length=40, blank=True)
    caller_identity_disclosed = models.BooleanField(
        _("collector said who they are"), null=True, blank=True
    )
    claims_to_be = models.JSONField(_("claimed to be"), default=list, blank=True)
    content = models.TextField(
        _("what was said"),
        blank=True,
        max_length=domain.CONTENT_MAX_LENGTH,
        validators=[MaxLengthValidator(domain.CONTENT_MAX_LENGTH)],
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    consent_to_time = models.BooleanField(_("I agreed to contact at this time"), default=False)
    #: Text rules found in `content` when it was saved ({rule: "certain" | "possible"}), by
    #: the detector of `detector_version`; the case page reads them instead of detecting again.
    detected = models.JSONField(_("rules found in the text"), default=dict, blank=True)
    detector_version = models.CharField(max_length=40, blank=True, editable=False)
    #: The borrower's answers to findings on this contact ({rule: "confirmed" | "dismissed"}).
    answers = models.JSONField(_("your answers to possible findings"), default=dict, blank=True)
    #: Moves on with every save of the edit form (selfhelp.versioning): a form opened
    #: before another save is refused instead of overwriting it.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-occurred_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "ref"], name="unique_contact_ref_per_case"),
            # The database holds the limit too, whatever path the text came in by.
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("content"), domain.CONTENT_MAX_LENGTH),
                name="contact_content_max_length",
            ),
        ]
        indexes = [models.Index(fields=["case", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.get_channel_display()} {self.occurred_at:%Y-%m-%d %H:%M}"

    def refresh_detection(self) -> None:
        """Detect the text rules in `content` now, so views read them instead of detecting."""
        found, self.detector_version = detection_fields(self.content)
        self.detected = dict(found)

    @property
    def needs_answer(self) -> bool:
        """A rule the model alone found here is still waiting for the borrower's answer."""
        answers = self.answers or {}
        return any(
            certainty == "possible" and rule not in answers
            for rule, certainty in (self.detected or {}).items()
        )

    def stored_detection(self) -> tuple[tuple[str, str], ...] | None:
        """The stored detection, or None when it was made by another detector version."""
        if self.detector_version != detector_version():
            return None
        return tuple(sorted(self.detected.items()))


class CaseEvent(models.Model):
    """Something that changes what collectors may do: an objection, an agreement, a dispute."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what happened"), max_length=40, choices=domain.EVENT_KIND_CHOICES)
    at = models.DateTimeField(_("when"), default=timezone.now)
    loan = models.ForeignKey(
        Loan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("loan"),
    )
    target_phone = models.CharField(_("their phone"), max_length=40, blank=True)
    target_name = models.CharField(_("their name"), max_length=100, blank=True)
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=domain.NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(domain.NOTE_MAX_LENGTH)],
    )

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), domain.NOTE_MAX_LENGTH),
                name="event_note_max_length",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"


class Evidence(models.Model):
    """A screenshot, recording or PDF attached to a contact, kept in private storage."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Screenshot or photo")
        AUDIO = "audio", _("Recording")
        PDF = "pdf", _("PDF document")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="evidence", null=True, blank=True
    )
    file = models.FileField(storage=evidence_storage, upload_to="%Y/%m/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    #: A recording's length, read from its header at upload (None: not read yet, or unreadable).
    duration_ms = models.PositiveIntegerField(_("length in milliseconds"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def download_name(self) -> str:
        """The file name to download under: the extension follows the sniffed type."""
        return download_name(self.original_name, self.content_type)


def active_share_q(prefix: str = "", *, today: date | None = None) -> Q:
    """The condition for a share that gives access today: not revoked, and not past its end.

    `prefix` reaches the share through a relation ("organisation__shares__"). Put it in the
    same filter() call as the other conditions on that share, so they all apply to one share.
    A share ends at the end of its `expires_on` day (the site's time zone).
    """
    today = today or timezone.localdate()
    return Q(**{f"{prefix}revoked_at__isnull": True}) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": today})
    )


class CaseShareQuerySet(models.QuerySet):
    def active(self) -> CaseShareQuerySet:
        """Shares that give access today (not revoked, not expired)."""
        return self.filter(active_share_q())

    def unrevoked(self) -> CaseShareQuerySet:
        """Shares the borrower has not stopped, expired or not: an expired one can be renewed."""
        return self.filter(revoked_at__isnull=True)


class CaseShare(models.Model):
    """The borrower's consent for one organisation to review one case. Revocable, and it may
    end by itself on a date the borrower chose; an expired share can be renewed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="shares"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_on = models.DateField(
        _("share until"),
        null=True,
        blank=True,
        help_text=_("The organisation's access ends at the end of this day. Empty: no end date."),
    )

    objects = CaseShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("case share")
        verbose_name_plural = _("case shares")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_share_per_case_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.organisation}"

    @property
    def is_expired(self) -> bool:
        """Past its end date (and not revoked): the organisation has lost access until renewed."""
        return (
            self.revoked_at is None
            and self.expires_on is not None
            and self.expires_on < timezone.localdate()
        )

    @property
    def is_active(self) -> bool:
        """Gives access today."""
        return self.revoked_at is None and not self.is_expired


class AccessLog(models.Model):
    """Every access by someone other than the owner to a shared case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="access_logs")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=100)
    path = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action}"


class StoredFindings(models.Model):
    """The rights engine's result for one revision of a case, in one language.

    Written by cases.findings the first time a revision is viewed and read back by every
    later view, so a page view runs no engine. `key` names what else the result depends on
    (engine version, day, LPR table, lender directory); a row whose revision or key differs
    is computed again and overwritten. It holds only what the case holds, and goes with it.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stored_findings")
    language = models.CharField(max_length=16)
    revision = models.PositiveBigIntegerField()
    key = models.CharField(max_length=64)
    data = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stored findings")
        verbose_name_plural = _("stored findings")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "language"], name="one_stored_findings_per_case_and_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} r{self.revision} {self.language}"
