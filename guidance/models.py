from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GuidancePlan(models.Model):
    """A personal action plan from the guided interview, saved on one of the owner's cases.

    `plan` holds ids only (steps, rule ids, channels, letter kinds, article slugs), so it
    reads correctly in either language.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guidance_plans"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="guidance_plans")
    answers = models.JSONField(_("answers"), default=dict)
    plan = models.JSONField(_("plan"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.case} · {self.created_at:%Y-%m-%d}"
