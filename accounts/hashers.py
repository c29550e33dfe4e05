"""The password hasher: Django's Argon2 (argon2id) with the cost taken from the settings."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import hashers


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    """Argon2id at SELFHELP_ARGON2_* cost (see settings.py for why not Django's default).

    Its algorithm name stays "argon2", so Django's own Argon2 hasher reads these hashes
    too, and a change of cost rehashes a password at its next login (must_update).
    """

    @property
    def time_cost(self) -> int:
        return settings.SELFHELP_ARGON2_TIME_COST

    @property
    def memory_cost(self) -> int:
        return settings.SELFHELP_ARGON2_MEMORY_KIB

    @property
    def parallelism(self) -> int:
        return settings.SELFHELP_ARGON2_PARALLELISM
