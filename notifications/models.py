"""What the app tells a user about: in the app (a list with a badge) and by email.

A notification names what happened and who did it, never the debt: an email subject or a
phone's lock screen may be seen by others. The link points to the page to read it on, where
the usual access rules apply (a share that ended gives a 404 there, as everywhere).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Notification(models.Model):
    class Kind(models.TextChoices):
        CASE_SHARED = "case_shared", gettext_lazy("A case was shared with your organisation")
        NOTE = "note", gettext_lazy("A note for you")
        CHANGES_REQUESTED = "changes_requested", gettext_lazy("Changes requested on a letter")
        LETTER_APPROVED = "letter_approved", gettext_lazy("A letter was approved")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(gettext_lazy("kind"), max_length=30, choices=Kind.choices)
    #: The organisation that acted (or that the case was shared with).
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: Deleting the case deletes what was said about it.
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    #: A path on this site.
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("notification")
        verbose_name_plural = gettext_lazy("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def message(self) -> str:
        """What happened, in the current language."""
        name = self.organisation.name if self.organisation_id else _("A legal-aid organisation")
        texts = {
            self.Kind.CASE_SHARED: _("A borrower shared a case with %(organisation)s."),
            self.Kind.NOTE: _("%(organisation)s left you a note on your case."),
            self.Kind.CHANGES_REQUESTED: _("%(organisation)s asked for changes to your letter."),
            self.Kind.LETTER_APPROVED: _("%(organisation)s approved your letter."),
        }
        return texts.get(self.kind, str(self.get_kind_display())) % {"organisation": name}
