"""Argon2 (argon2id) hashes passwords in production; older hashes upgrade at the next login.

The test settings keep a fast hasher, so these tests switch to the production list."""

import pytest
from django.contrib.auth.hashers import get_hasher, identify_hasher, make_password
from django.test import override_settings
from django.urls import reverse

from selfhelp import settings as production_settings

PRODUCTION_HASHERS = production_settings.PASSWORD_HASHERS


def test_production_settings_put_argon2_first():
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS):
        assert get_hasher("default").algorithm == "argon2"
        # The older hashers stay, so passwords hashed before the switch still verify.
        assert get_hasher("pbkdf2_sha256").algorithm == "pbkdf2_sha256"


def test_new_passwords_are_argon2id_at_the_configured_cost(settings):
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS):
        encoded = make_password("silver-orchard-kettle-51")
    m, t, p = (
        settings.SELFHELP_ARGON2_MEMORY_KIB,
        settings.SELFHELP_ARGON2_TIME_COST,
        settings.SELFHELP_ARGON2_PARALLELISM,
    )
    assert encoded.startswith(f"argon2$argon2id$v=19$m={m},t={t},p={p}$")


@pytest.mark.django_db
def test_a_login_upgrades_an_old_pbkdf2_hash_to_argon2(client, borrower, password):
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS):
        borrower.password = make_password(password, hasher="pbkdf2_sha256")
        borrower.save(update_fields=["password"])
        response = client.post(
            reverse("accounts:login"), {"username": borrower.email, "password": password}
        )
        assert response.status_code == 302
        borrower.refresh_from_db()
        assert identify_hasher(borrower.password).algorithm == "argon2"
        assert borrower.check_password(password)


@pytest.mark.django_db
def test_a_failed_login_leaves_the_old_hash_alone(client, borrower, password):
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS):
        old = make_password(password, hasher="pbkdf2_sha256")
        borrower.password = old
        borrower.save(update_fields=["password"])
        client.post(reverse("accounts:login"), {"username": borrower.email, "password": "nope-1"})
    borrower.refresh_from_db()
    assert borrower.password == old
