"""How a legal-aid organisation works on a case a borrower shared with it.

The share itself (the borrower's consent) is cases.CaseShare. This app adds the
organisation's side: a review record (status and assignee) per case and
organisation, and notes, private to the organisation unless marked for the borrower.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    DONE = "done", _("Done")


class CaseReview(models.Model):
    """One organisation's work on one case. Made the first time someone acts on the case."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="reviews")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="reviews"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case review")
        verbose_name_plural = _("case reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"], name="one_review_per_case_and_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} @ {self.organisation}: {self.status}"


class ReviewNote(models.Model):
    """A note by a member of the organisation. Private to it unless shared with the borrower."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="review_notes")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="review_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"), max_length=5000)
    shared_with_borrower = models.BooleanField(_("share with the borrower"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:50]


class LetterComment(models.Model):
    """A member's comment on one finalised letter version, tied to a paragraph number.

    A comment that requests changes asks the borrower to revise and finalise again;
    the borrower sees every comment on their letter.
    """

    version = models.ForeignKey(
        "letters.LetterVersion", on_delete=models.CASCADE, related_name="review_comments"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="letter_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    paragraph = models.PositiveIntegerField(
        _("paragraph"), null=True, blank=True, help_text=_("Empty for the whole letter.")
    )
    text = models.TextField(_("comment"), max_length=5000)
    requests_changes = models.BooleanField(_("request changes"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("letter comment")
        verbose_name_plural = _("letter comments")
        ordering = ["paragraph", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]


class ReviewPolicy(models.Model):
    """An organisation's rules for its reviews: which letter kinds need a second lawyer."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="review_policy"
    )
    #: Letter kinds (letters.LetterKind values) approved only by two different lawyers.
    second_approval_kinds = models.JSONField(
        _("letter kinds that need a second lawyer's approval"), default=list, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review policy")
        verbose_name_plural = _("review policies")

    def __str__(self) -> str:
        return str(self.organisation)

    def approvals_needed(self, kind: str) -> int:
        """How many different lawyers must approve a letter of this kind: 1 or 2."""
        return 2 if kind in (self.second_approval_kinds or []) else 1


class LetterApproval(models.Model):
    """One lawyer's approval of a finalised version. The version counts as approved (its
    approved_at is set) once as many different lawyers as the policy asks have approved it."""

    version = models.ForeignKey(
        "letters.LetterVersion", on_delete=models.CASCADE, related_name="approvals"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="letter_approvals"
    )
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("letter approval")
        verbose_name_plural = _("letter approvals")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "lawyer"], name="one_approval_per_version_and_lawyer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} ✓ {self.lawyer}"
