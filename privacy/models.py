"""A copy of everything the app holds about one person, built in the background.

The zip lives in private storage (no URL; only the owner downloads it through an
access-checked view). It is deleted with the account, replaced by the next export,
and pruned after SELFHELP_EXPORT_KEEP_DAYS days (manage.py prune_exports).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


def export_storage():
    return storages["default"]


class PersonalDataExport(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file = models.FileField(
        storage=export_storage, upload_to="exports/%Y/%m/", max_length=300, blank=True
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    file_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("personal-data export")
        verbose_name_plural = _("personal-data exports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"export #{self.pk} ({self.owner_id})"

    @property
    def is_ready(self) -> bool:
        return self.finished_at is not None and bool(self.file)
