"""Test settings: the production settings with fast hashing and throwaway storage."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")

from selfhelp.settings import *  # noqa: E402,F403
from selfhelp.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
_tmp = tempfile.mkdtemp(prefix="selfhelp-test-")
STORAGES = {
    **STORAGES,
    "default": {
        **STORAGES["default"],
        "OPTIONS": {"location": f"{_tmp}/private", "base_url": None},
    },
    "evidence": {
        **STORAGES["evidence"],
        "OPTIONS": {"location": f"{_tmp}/evidence", "base_url": None},
    },
    "letters": {
        **STORAGES["letters"],
        "OPTIONS": {"location": f"{_tmp}/letters", "base_url": None},
    },
}
# Tasks run inline in tests (after the surrounding transaction commits).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["*"]
SELFHELP_DEMO_ALLOWED = True
