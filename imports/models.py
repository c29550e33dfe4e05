"""A phone backup being imported: the batch, and its messages waiting for review.

The uploaded file itself is never kept: once parsed, only its SHA-256 and the
counts remain. Staged messages are private to the batch's owner and are deleted
when the borrower adds them to the case or cancels.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rules.domain import CONTENT_MAX_LENGTH

from .parser import CALL_TYPE_CHOICES, IN, OUT

#: The longest error message kept on a batch or a job.
ERROR_MAX_LENGTH = 2000


class ImportBatch(models.Model):
    class Source(models.TextChoices):
        BACKUP = "backup", _("Phone backup")
        SCREENSHOTS = "screenshots", _("Screenshots")

    class Status(models.TextChoices):
        PARSING = "parsing", _("Reading the backup")
        READY = "ready", _("Ready to check")
        FAILED = "failed", _("Could not be read")
        COMMITTED = "committed", _("Added to the case")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="imports")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imports"
    )
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PARSING)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.BACKUP)
    #: Keep the complete records of a file that ends early instead of refusing it.
    partial = models.BooleanField(default=False)
    #: At least one file ended early and only its complete records were read.
    truncated = models.BooleanField(default=False)
    #: The date relative times on screenshots ("昨天") count from, when a file carries none.
    taken_on = models.DateField(null=True, blank=True)
    #: Who ran a server-side import on the owner's behalf (empty for the owner's own upload).
    ran_by = models.CharField(max_length=200, blank=True)
    #: One entry per uploaded file: {"name", "sha256", "size"}. The file itself is deleted.
    files = models.JSONField(default=list, blank=True)
    #: Where the uploads wait for the worker (deleted after parsing).
    pending_names = models.JSONField(default=list, blank=True)
    message_count = models.PositiveIntegerField(default=0)
    call_count = models.PositiveIntegerField(default=0)
    addable_count = models.PositiveIntegerField(default=0)
    likely_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True, max_length=ERROR_MAX_LENGTH)
    added_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phone import")
        verbose_name_plural = _("phone imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import #{self.pk} ({self.status})"

    @property
    def is_open(self) -> bool:
        """Still waiting for the borrower's decision."""
        return self.status == self.Status.READY

    def private_files(self) -> list[tuple[str, str]]:
        """The uploads still waiting to be read, as (storage alias, name): deleted with the
        batch (selfhelp.deletion)."""
        return [("default", name) for name in self.pending_names]

    @classmethod
    def rows_with_private_files(cls, name: str | None = None) -> models.QuerySet:
        """The batches that may hold private files (`name`, if given; private_files() on
        each says): those with uploads still waiting to be read, a handful at most."""
        return cls.objects.exclude(pending_names=[])


class Screenshot(models.Model):
    """One uploaded screenshot, kept privately until the batch is added or thrown away.

    Once added, each contact read from it gets its own evidence copy; this row and
    its staging file go with the batch.
    """

    class Layout(models.TextChoices):
        SMS = "sms", _("Text messages")
        IM = "im", _("Chat app")
        CALL = "call", _("Call log")
        UNKNOWN = "unknown", _("Not recognised")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="screenshots")
    position = models.PositiveSmallIntegerField()
    original_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    taken_on = models.DateField(null=True, blank=True)
    layout = models.CharField(max_length=8, choices=Layout.choices, blank=True)
    sender = models.CharField(max_length=200, blank=True)
    ocr_text = models.TextField(blank=True, max_length=CONTENT_MAX_LENGTH)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="screenshot_position_unique")
        ]

    def __str__(self) -> str:
        return self.original_name

    def private_files(self) -> list[tuple[str, str]]:
        """The picture waiting for the batch's decision: deleted with the row
        (selfhelp.deletion)."""
        return [("default", self.stored_name)] if self.stored_name else []

    @classmethod
    def rows_with_private_files(cls, name: str | None = None) -> models.QuerySet:
        """The screenshots that hold private files (the one named `name`, if given)."""
        rows = cls.objects.exclude(stored_name="")
        return rows if name is None else rows.filter(stored_name=name)


class StagedMessage(models.Model):
    """One message or call from the backup or a screenshot, waiting to be checked."""

    class Kind(models.TextChoices):
        SMS = "sms", _("Text message")
        MMS = "mms", _("Multimedia message")
        IM = "im", _("Chat message")
        CALL = "call", _("Phone call")

    class Direction(models.TextChoices):
        IN = IN, _("To you")
        OUT = OUT, _("From you")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="messages")
    index = models.PositiveIntegerField()
    kind = models.CharField(max_length=4, choices=Kind.choices)
    direction = models.CharField(max_length=3, choices=Direction.choices)
    number = models.CharField(max_length=100, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    occurred_at = models.DateTimeField()
    #: At most as long as a contact's text: the importers cut longer messages and say so.
    body = models.TextField(
        blank=True,
        max_length=CONTENT_MAX_LENGTH,
        validators=[MaxLengthValidator(CONTENT_MAX_LENGTH)],
    )
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    call_type = models.PositiveSmallIntegerField(null=True, blank=True, choices=CALL_TYPE_CHOICES)
    #: Sent to or calling the borrower, so it can become a collection contact.
    addable = models.BooleanField(default=False)
    likely = models.BooleanField(default=False)
    selected = models.BooleanField(default=False)
    #: Read by OCR from this screenshot, inside `region` ([left, top, right, bottom] pixels).
    screenshot = models.ForeignKey(
        Screenshot, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    region = models.JSONField(default=list, blank=True)
    #: What the borrower should check (a time that was estimated, an unreadable line).
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [
            models.Index(fields=["batch", "addable", "number"]),
            models.Index(fields=["batch", "selected"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(selected=False) | models.Q(addable=True),
                name="staged_only_addable_selected",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.number} {self.occurred_at:%Y-%m-%d %H:%M}"
