"""What the borrower did about the harassment, and what came back.

An action is one complaint or letter sent through one channel; responses and an outcome
follow it. The deadline is not stored: it is computed from the law each time
(rules.engine.outcomes.reply_deadline), so a correction of the received date moves it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rules.domain import NOTE_MAX_LENGTH


class Channel(models.TextChoices):
    """Where it went. The ids match the routing function's channel ids."""

    LENDER = "lender", _("The lender")
    AGENCY = "agency", _("The collection agency")
    NFRA = "12378", _("12378 (National Financial Regulatory Administration)")
    LOCAL_REGULATOR = "12345", _("12345 or the local financial regulator")
    SPAM = "12321", _("12321 (harassing calls and spam)")
    PI_AUTHORITY = "pi_regulator", _("The personal-information authority")
    POLICE = "110", _("The police")
    CREDIT = "12363", _("12363 (People's Bank of China, credit reports)")
    COURT = "court", _("A court")


class Method(models.TextChoices):
    REGISTERED_POST = "registered_post", _("Registered post")
    ONLINE = "online", _("Online form or app")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")


class Outcome(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    RESOLVED = "resolved", _("Resolved")
    PARTLY = "partly_resolved", _("Partly resolved")
    REJECTED = "rejected", _("Rejected")
    NO_ANSWER = "no_answer", _("No answer")


class Action(models.Model):
    """One complaint or letter sent through one channel."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="actions")
    loan = models.ForeignKey(
        "cases.Loan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("about the loan"),
    )
    channel = models.CharField(_("sent to"), max_length=20, choices=Channel.choices)
    method = models.CharField(_("how it was sent"), max_length=20, choices=Method.choices)
    sent_on = models.DateField(_("date sent"))
    received_on = models.DateField(
        _("date received"),
        null=True,
        blank=True,
        help_text=_("From the tracking page or the confirmation. The deadline runs from it."),
    )
    tracking_number = models.CharField(_("tracking number"), max_length=60, blank=True)
    ticket_number = models.CharField(_("ticket or case number"), max_length=60, blank=True)
    summary = models.TextField(
        _("what you asked for"),
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],
    )
    letter_versions = models.ManyToManyField(
        "letters.LetterVersion", blank=True, related_name="+", verbose_name=_("letters sent")
    )
    evidence = models.ManyToManyField(
        "cases.Evidence", blank=True, related_name="+", verbose_name=_("files sent")
    )
    extended_until = models.DateField(
        _("extended until"),
        null=True,
        blank=True,
        help_text=_("Only if they told you they need longer to answer."),
    )
    extension_note = models.CharField(_("what they said"), max_length=300, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_on = models.DateField(_("outcome on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(received_on__isnull=True)
                | models.Q(received_on__gte=models.F("sent_on")),
                name="action_received_not_before_sent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.sent_on:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.outcome == Outcome.PENDING


class Response(models.Model):
    """An answer received: its date, its words, and the file as evidence."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="responses")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_on = models.DateField(_("date received"))
    text = models.TextField(
        _("what they answered"),
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],
    )
    evidence = models.ForeignKey(
        "cases.Evidence",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("file"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"{self.action} → {self.received_on:%Y-%m-%d}"


class Reminder(models.Model):
    """A reminder sent once for one due date: the row is what makes sending idempotent."""

    class Kind(models.TextChoices):
        SOON = "soon", _("Due in 3 days")
        DUE = "due", _("Due today")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField()
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "due_on"], name="one_reminder_per_action_kind_and_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.kind} {self.due_on:%Y-%m-%d}"


class ActForMe(models.Model):
    """The borrower's separate consent that the organisation a case is shared with may record
    actions on their behalf. It lapses with the share and can be withdrawn on its own."""

    share = models.OneToOneField(
        "cases.CaseShare", on_delete=models.CASCADE, related_name="act_for_me"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent to act for the borrower")
        verbose_name_plural = _("consents to act for the borrower")

    def __str__(self) -> str:
        return str(self.share)
