"""Forms for signing up, logging in, passwords and the profile page.

Every form uses AccessibleFormMixin so errors are tied to their inputs, and
replaces Django's HTML list of password rules with one plain sentence that
fits the shared field template.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from selfhelp.forms import AccessibleFormMixin

from .models import User

PASSWORD_HELP = _(
    "At least 8 characters. Not a common password, not only numbers, "
    "and not too close to your email address or name."
)
EMAIL_UNAVAILABLE = _(
    "This email address cannot be used to sign up. If you already have an account, "
    "log in or reset your password."
)


def normalise_email(value: str) -> str:
    """Emails are stored in lower case, so compare and log in in lower case too."""
    return (value or "").strip().lower()


class SignupForm(AccessibleFormMixin, auth_forms.BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name")
        labels = {"email": _("Email address"), "display_name": _("Your name")}
        help_texts = {
            "email": _(
                "You log in with it. We only write to it when you ask for a new "
                "password, and that email does not mention debt."
            ),
            "display_name": _("How the app greets you. A nickname is fine."),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = PASSWORD_HELP

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data.get("email", ""))
        # One neutral message whether the address is taken or refused for another
        # reason, so the form does not state outright that an account exists.
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(EMAIL_UNAVAILABLE, code="email_unavailable")
        return email


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
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HELP


class PasswordResetForm(AccessibleFormMixin, auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


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
