"""Django's built-in auth messages reach the user in Chinese.

Django ships zh_Hans translations but they lag behind its msgids; when one is
missing, add it to accounts/django_strings.py.
"""

import re

import pytest
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.forms import LoginForm, SignupForm
from accounts.models import User

CJK = re.compile(r"[\u4e00-\u9fff]")


def _errors_for(password: str, user: User) -> list[str]:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize(
    "password",
    ["a1b2", "password", "83749201564", "lihua.borrower"],
    ids=["too-short", "common", "numeric", "similar-to-email"],
)
def test_every_password_rule_speaks_chinese(password):
    user = User(email="lihua.borrower@example.com")
    with translation.override("zh-hans"):
        messages = _errors_for(password, user)
    assert messages, "the password should have been refused"
    for message in messages:
        assert CJK.search(message), message


def test_password_rules_help_texts_are_chinese():
    with translation.override("zh-hans"):
        for text in password_validation.password_validators_help_texts():
            assert CJK.search(str(text)), text


@pytest.mark.parametrize(
    "form_class",
    [SignupForm, LoginForm, auth_forms.PasswordChangeForm, auth_forms.SetPasswordForm],
)
def test_auth_form_error_messages_are_chinese(form_class):
    messages = {**getattr(form_class, "error_messages", {})}
    for form_field in form_class.base_fields.values():
        messages.update(form_field.error_messages)
    with translation.override("zh-hans"):
        for key, message in messages.items():
            assert CJK.search(str(message)), f"{form_class.__name__}.{key}: {message}"
