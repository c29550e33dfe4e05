from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_second_factor_on_login, dispatch_uid="accounts_twofa_login")
        user_logged_in.connect(_activity_on_login, dispatch_uid="accounts_activity_login")


def _second_factor_on_login(sender, request, user, **kwargs) -> None:
    """Every way in (the login form, sign-up, a test's force_login) passes through
    django.contrib.auth.login, so this is the one place that starts each new session
    unverified. The decision itself is a service."""
    from .services import twofa_session_start

    if request is not None and hasattr(request, "session"):
        twofa_session_start(session=request.session, user=user)


def _activity_on_login(sender, request, user, **kwargs) -> None:
    """A new session starts as just used, so its first page need not write the session."""
    from .middleware import session_mark_active

    if request is not None and hasattr(request, "session"):
        session_mark_active(session=request.session)
