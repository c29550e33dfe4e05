from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = _("Actions and outcomes")

    def ready(self):
        # Letters show the actions taken without importing this app: the arrow stays one way.
        from letters.services import ACTION_SOURCES

        from .selectors import taken_actions

        if taken_actions not in ACTION_SOURCES:
            ACTION_SOURCES.append(taken_actions)
