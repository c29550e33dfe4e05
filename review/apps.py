from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("Case review")

    def ready(self):
        # The member who took a case sees the borrower's details in the case pages, letters
        # and export too; cases asks through DETAIL_GRANTS without importing this app.
        from cases.access import DETAIL_GRANTS

        from .access import took_case

        if took_case not in DETAIL_GRANTS:
            DETAIL_GRANTS.append(took_case)
