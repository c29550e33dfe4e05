from django.db import models
from django.utils.translation import gettext_lazy as _


class LprRate(models.Model):
    """One change of the one-year Loan Prime Rate, in force from `effective_on`."""

    effective_on = models.DateField(_("effective from"), unique=True)
    one_year_rate = models.DecimalField(
        _("one-year LPR"),
        max_digits=6,
        decimal_places=4,
        help_text=_("A fraction: 0.0300 is 3.00%."),
    )

    class Meta:
        ordering = ["effective_on"]
        verbose_name = _("LPR rate")
        verbose_name_plural = _("LPR rates")

    def __str__(self) -> str:
        return f"{self.effective_on}: {self.one_year_rate * 100:.2f}%"
