"""Fault injection: crash a write at its worst point, then check rows and files agree.

`files_consistent()` is the check every test ends with: each file a row points to
exists, and no file written during the test is left without a row pointing to it.
Rows point to files through FileFields (evidence, letter PDFs) and through the
names some rows keep themselves (an import's pending uploads and screenshots,
see `private_files()` on those models).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from cases.models import Evidence
from imports.models import ImportBatch, Screenshot
from imports.screenshots import Upload, screenshots_batch_create
from imports.services import batch_create
from letters.models import LetterVersion
from letters.services import letter_draft_create, letter_finalise
from tests.cases.conftest import PNG_BYTES, make_everything
from tests.imports.conftest import SMS_SAMPLE, upload

#: The storages that hold private files: every configured storage but the static files.
ALIASES = tuple(alias for alias in settings.STORAGES if alias != "staticfiles")


class Crash(Exception):
    """What an injected fault raises: a bug, a full disk or a lost database connection."""


def stored_files() -> set[tuple[str, str]]:
    """(storage alias, name) of every file in private storage."""
    found = set()
    for alias in ALIASES:
        storage = storages[alias]

        def walk(folder: str, storage=storage, alias=alias) -> None:
            folders, files = storage.listdir(folder)
            found.update((alias, f"{folder}/{name}".lstrip("/")) for name in files)
            for sub in folders:
                walk(f"{folder}/{sub}".lstrip("/"))

        if storage.exists(""):
            walk("")
    return found


def _alias_of(storage) -> str:
    for alias in ALIASES:
        if storages[alias] is storage:
            return alias
    for alias in ALIASES:  # an equal storage built again after a settings change
        if storages[alias].deconstruct() == storage.deconstruct():
            return alias
    raise AssertionError(f"a FileField uses a storage outside {ALIASES}: {storage!r}")


def referenced_files() -> set[tuple[str, str]]:
    """(storage alias, name) of every file a row points to."""
    found = set()
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in fields:
            names = model._default_manager.exclude(**{field.attname: ""}).values_list(
                field.attname, flat=True
            )
            found.update((_alias_of(field.storage), name) for name in names)
        if hasattr(model, "private_files"):
            for row in model._default_manager.all():
                found.update(row.private_files())
    return found


def files_consistent(before: set[tuple[str, str]]) -> tuple[set, set]:
    """(rows pointing at missing files, files written since `before` that no row points to)."""
    stored, referenced = stored_files(), referenced_files()
    return referenced - stored, (stored - before) - referenced


@pytest.fixture
def files_before() -> set[tuple[str, str]]:
    """The files in private storage when the test starts (other tests may have left some)."""
    return stored_files()


@pytest.fixture
def crash_on(monkeypatch):
    """crash_on(target, name, call=n): the n-th call of target.name raises Crash instead.

    With after=True the real function runs first and the crash comes right after it
    returns: the fault lands after the work was done but before what follows.
    """

    def install(target, name: str, *, call: int = 1, after: bool = False):
        real = getattr(target, name)
        calls = {"n": 0}

        def faulty(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] != call:
                return real(*args, **kwargs)
            if after:
                real(*args, **kwargs)
            raise Crash(f"injected fault in {name}")

        monkeypatch.setattr(target, name, faulty)
        return calls

    return install


@pytest.fixture
def full_case(case, borrower, monkeypatch):
    """A case holding every kind of private file: evidence, a finalised letter, a phone
    backup waiting to be read and screenshots waiting for a decision."""
    monkeypatch.setattr("letters.services.html_to_pdf", lambda html: b"%PDF-1.7 fake")
    make_everything(case, borrower)
    draft = letter_draft_create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    letter_finalise(draft=draft)
    batch_create(case=case, owner=borrower, uploads=[upload("sms.xml", SMS_SAMPLE)])
    screenshots_batch_create(case=case, owner=borrower, uploads=[Upload("a.png", PNG_BYTES)])
    kinds = {alias for alias, _ in referenced_files()}
    assert kinds == {"default", "evidence", "letters"}
    return case


def case_files(case) -> set:
    """(storage alias, name) of every private file the case's rows point to."""
    return {
        *{
            ("evidence", n)
            for n in Evidence.objects.filter(case=case).values_list("file", flat=True)
        },
        *{
            ("letters", n)
            for n in LetterVersion.objects.filter(draft__case=case).values_list("pdf", flat=True)
        },
        *{("default", n) for b in ImportBatch.objects.filter(case=case) for n in b.pending_names},
        *{
            ("default", n)
            for n in Screenshot.objects.filter(batch__case=case).values_list(
                "stored_name", flat=True
            )
        },
    }
