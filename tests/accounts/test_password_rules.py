"""Passwords: at least 10 characters and not on the common-password list."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize("password", ["zzzzzzzzz", "short-pw1"])
def test_passwords_under_ten_characters_are_refused(password):
    with pytest.raises(ValidationError) as info:
        validate_password(password)

    assert any(error.code == "password_too_short" for error in info.value.error_list)


def test_common_password_is_refused():
    with pytest.raises(ValidationError) as info:
        validate_password("password123")

    assert any(error.code == "password_too_common" for error in info.value.error_list)


def test_long_uncommon_password_is_accepted():
    validate_password("quiet-river-lantern-42")
