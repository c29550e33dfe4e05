from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = _("Actions and outcomes")

    def ready(self):
        # Letters show the actions taken without importing this app: the arrow stays one way.
        from cases.bundle import BUNDLE_LOADERS, BUNDLE_STORERS
        from letters.services import ACTION_SOURCES

        from .bundle import actions_load, actions_store
        from .selectors import taken_actions

        for registry, function in (
            (ACTION_SOURCES, taken_actions),
            (BUNDLE_STORERS, actions_store),
            (BUNDLE_LOADERS, actions_load),
        ):
            if function not in registry:
                registry.append(function)
