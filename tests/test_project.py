"""Project-wide checks: migrations, settings, translations."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "selfhelp.settings",
        "SELFHELP_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_deploy_check_is_clean_under_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "selfhelp.settings",
        "DJANGO_SECRET_KEY": "x" * 60 + "-production-like-secret-key-for-the-check",
        "DJANGO_ALLOWED_HOSTS": "selfhelp.example.org",
        "DJANGO_SSL_REDIRECT": "true",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _po_files():
    from django.conf import settings

    return sorted(
        po for path in settings.LOCALE_PATHS for po in Path(path).glob("zh_Hans/LC_MESSAGES/*.po")
    )


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_chinese_catalogue_is_complete(po):
    """zh-Hans is the default language: every string must be translated, none fuzzy."""
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1], f"fuzzy entries in {po}"
    entries = text.split("\n\n")[1:]
    untranslated = [
        e for e in entries if e.rstrip().endswith('msgstr ""') and "msgid_plural" not in e
    ]
    assert not untranslated, f"untranslated in {po}: {untranslated[:3]}"


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_chinese_catalogue_compiles_cleanly(po):
    """msgfmt --check catches format mismatches (%(name)s) and wrong plural counts."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
