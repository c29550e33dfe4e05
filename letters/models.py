"""Letter drafts the borrower edits, and the immutable versions made from them.

A draft holds the editable fields. Finalising makes a LetterVersion: the PDF in
private storage, its SHA-256, and the exact data it was made from. Versions
are never updated: the service layer only ever inserts them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


def letter_storage():
    return storages["letters"]


class LetterKind(models.TextChoices):
    NEGOTIATION = "negotiation", _("Repayment proposal")
    INFORMATION_REQUEST = "information_request", _("Request for information")
    STOP_HARASSMENT = "stop_harassment", _("Demand to stop harassment")
    COMPLAINT_LENDER = "complaint_lender", _("Complaint to the lender")
    COMPLAINT_REGULATOR = "complaint_regulator", _("Complaint to the regulator")
    POLICE_STATEMENT = "police_statement", _("Statement for the police")
    PI_REQUEST = "pi_request", _("Personal-information request to the lender")
    PI_COMPLAINT = "pi_complaint", _("Personal-information complaint to the authority")
    EVIDENCE_REPORT = "evidence_report", _("Evidence report")


class LetterLanguage(models.TextChoices):
    ZH_HANS = "zh-hans", "简体中文"
    EN = "en", "English"


class LetterDraft(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="letters")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="letter_drafts"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=LetterKind.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=LetterLanguage.choices, default="zh-hans"
    )
    fields = models.JSONField(_("fields"), default=dict, blank=True)
    #: Moves on with every save of the draft (selfhelp.versioning): a form opened before
    #: another save is refused instead of overwriting it.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("letter draft")
        verbose_name_plural = _("letter drafts")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class LetterVersion(models.Model):
    draft = models.ForeignKey(LetterDraft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("data"), default=dict)
    pdf = models.FileField(storage=letter_storage, upload_to="%Y/%m/", max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    #: The exact print HTML the PDF was made from: what a reviewer reads and approves.
    html = models.TextField(_("rendered letter"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    #: The approved PDF: the same HTML with the review line, kept as its own file and hash.
    approval_line = models.CharField(_("review line"), max_length=300, blank=True)
    approved_pdf = models.FileField(
        storage=letter_storage, upload_to="%Y/%m/", max_length=300, blank=True
    )
    approved_sha256 = models.CharField(_("SHA-256 of the approved PDF"), max_length=64, blank=True)
    approved_size = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("letter version")
        verbose_name_plural = _("letter versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="unique_letter_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.draft} v{self.number}"

    @property
    def is_final(self) -> bool:
        return self.finalised_at is not None

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def download_name(self) -> str:
        """The PDF's file name: kind, language and version, and whether it is the approved one."""
        suffix = "-approved" if self.approved_pdf else ""
        # The language the version was made in: the draft's may have changed since.
        language = (self.data or {}).get("language") or self.draft.language
        return f"{self.draft.kind}-{language}-v{self.number}{suffix}.pdf"
