"""Forms for signing up, logging in, passwords and the profile page.

Every form uses AccessibleFormMixin so errors are tied to their inputs, and
replaces Django's HTML list of password rules with one plain sentence that
fits the shared field template.
"""

from __future__ import annotations

import math
from datetime import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from selfhelp.forms import AccessibleFormMixin

from .models import Membership, User
from .services import (
    TwoFactorLocked,
    email_request_allowed,
    login_failures_clear,
    password_reset_unknown_address,
    twofa_code_check,
    twofa_pending_check,
)
from .throttle import client_address
from .totp import DIGITS

PASSWORD_HELP = _(
    "At least 10 characters. Not a common password, not only numbers, "
    "and not too close to your email address or name."
)


def normalise_email(value: str) -> str:
    """Emails are stored in lower case, so compare and log in in lower case too."""
    return (value or "").strip().lower()


class SignupForm(AccessibleFormMixin, forms.Form):
    """Step one of signing up: the address (and a name). The password is chosen from the
    emailed link, so the form never checks whether the address has an account."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "We send a link to it to finish signing up. We only write to it when you ask, "
            "and our emails do not mention debt."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        help_text=_("How the app greets you. A nickname is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data.get("email", ""))


class LoginForm(AccessibleFormMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "The email address or the password is not correct. Passwords are case-sensitive."
        ),
    }

    def clean_username(self) -> str:
        return normalise_email(self.cleaned_data.get("username", ""))


class PasswordChangeForm(AccessibleFormMixin, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HELP


class SetPasswordForm(AccessibleFormMixin, auth_forms.SetPasswordForm):
    """A new password from an emailed link (reset or sign-up): whoever reads the mailbox may
    log in again at once, so the failed logins counted against the account are forgotten."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HELP

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=commit)
        if commit:
            login_failures_clear(user=user)
        return user


class PasswordResetForm(AccessibleFormMixin, auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def save(self, *args, request=None, **kwargs) -> None:
        """Django's reset email to an account; to an address without one, a note instead.

        Past the email throttle nothing is sent; the view answers the same either way.
        """
        email = self.cleaned_data["email"]
        if request is not None and not email_request_allowed(
            recipient=email, client=client_address(request)
        ):
            return
        if request is not None and not any(self.get_users(email)):
            password_reset_unknown_address(email=email, site_url=request.build_absolute_uri("/"))
        super().save(*args, request=request, **kwargs)


class ProfileForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ("display_name",)
        labels = {"display_name": _("Your name")}
        help_texts = {"display_name": _("How the app greets you. A nickname is fine.")}
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}


class AccountDeleteForm(AccessibleFormMixin, forms.Form):
    """Deleting everything needs the password, so a borrowed unlocked phone is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my cases, evidence files and letters will be deleted for good."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password


def _locked_error(until: datetime) -> ValidationError:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return ValidationError(
        ngettext(
            "Too many wrong codes. For your safety, no code is checked for %(minutes)d more "
            "minute. Then try again.",
            "Too many wrong codes. For your safety, no code is checked for %(minutes)d more "
            "minutes. Then try again.",
            minutes,
        )
        % {"minutes": minutes},
        code="locked",
    )


WRONG_CODE = _(
    "That code is not right. Check that the time on your phone is correct and use the "
    "newest code; each code works once."
)


class OneTimeCodeInput(forms.TextInput):
    """A code field that comes back empty after an error: a used or wrong code is no help."""

    def format_value(self, value):
        return None


def _code_widget(*, numeric: bool) -> forms.TextInput:
    attrs = {"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
    if numeric:
        attrs |= {"inputmode": "numeric", "pattern": "[0-9 ]*", "maxlength": "8"}
    return OneTimeCodeInput(attrs=attrs)


class TwoFactorCodeForm(AccessibleFormMixin, forms.Form):
    """A 6-digit code from the user's authenticator app, checked under the rate limit.

    With allow_recovery (the verify page after login) a recovery code works too.
    """

    code = forms.CharField(label=_("6-digit code from your authenticator app"), max_length=40)

    def __init__(self, *args, user, allow_recovery: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.allow_recovery = allow_recovery
        self.fields["code"].widget = _code_widget(numeric=not allow_recovery)
        if allow_recovery:
            self.fields["code"].label = _("Code from your authenticator app, or a recovery code")
            self.fields["code"].help_text = _(
                "Open the app and type the 6 digits it shows now. Lost your phone? "
                "Type one of your recovery codes instead."
            )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        try:
            ok = twofa_code_check(user=self.user, code=code, allow_recovery=self.allow_recovery)
        except TwoFactorLocked as locked:
            raise _locked_error(locked.until) from None
        if not ok:
            raise ValidationError(WRONG_CODE, code="wrong")
        return code

    @property
    def used_recovery(self) -> bool:
        """True when the accepted code was a recovery code (they are longer than 6 digits)."""
        code = "".join(self.cleaned_data.get("code", "").split())
        return not (len(code) == DIGITS and code.isdigit())


class TwoFactorSetupForm(AccessibleFormMixin, forms.Form):
    """The first code of a new authenticator app proves it was set up correctly."""

    code = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=8,
        widget=_code_widget(numeric=True),
    )

    def __init__(self, *args, user, secret: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.secret = secret
        self.step = 0

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        try:
            self.step = twofa_pending_check(user=self.user, secret=self.secret, code=code)
        except TwoFactorLocked as locked:
            raise _locked_error(locked.until) from None
        if not self.step:
            raise ValidationError(WRONG_CODE, code="wrong")
        return code


class RecoveryCodesSavedForm(AccessibleFormMixin, forms.Form):
    saved = forms.BooleanField(
        label=_("I have saved these recovery codes somewhere safe, away from my phone."),
    )


class InvitationForm(AccessibleFormMixin, forms.Form):
    """An organisation admin invites an address to join with a role."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.VOLUNTEER,
        help_text=_("Lawyers may approve letters; admins may invite members."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = settings.INVITATION_VALID_DAYS
        self.fields["email"].help_text = ngettext(
            "The link works once, only for this address, for %(days)d day.",
            "The link works once, only for this address, for %(days)d days.",
            days,
        ) % {"days": days}

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])
