"""Are the stored files still what their rows say? (manage.py verify_files)

Every evidence file, every finalised letter PDF (and approved copy) and every
personal-data export zip carries the SHA-256 it had when it was stored. The sweep
re-hashes each one from its storage and reports files that changed or are gone,
and files in the private storages that no row points to (orphans). An orphan
younger than `min_age` is left out: an upload is written before its row commits.

Files are written just before the row that owns them commits, and deleted just after
the row is: a process killed in between, or a storage that refuses a delete, leaves an
orphan. `files_delete_orphans` (manage.py verify_files --delete-orphans, run daily)
removes those, so rows and files converge again.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone

from cases.models import Evidence
from letters.models import LetterVersion

from .models import PersonalDataExport

logger = logging.getLogger(__name__)

CHUNK = 1024 * 1024

#: The private storages swept for orphans, and the rows that own their files.
PRIVATE_STORAGES = ("evidence", "letters", "default")


@dataclass(frozen=True)
class HashedFile:
    """A stored file and the SHA-256 its row recorded."""

    what: str  # e.g. "evidence #12"
    storage: Storage
    name: str
    sha256: str


@dataclass
class Problem:
    kind: str  # "mismatch", "missing", "orphan" or "removed"
    what: str
    name: str
    detail: str = ""

    def __str__(self) -> str:
        return " ".join(
            part for part in (self.kind.upper(), self.what, self.name, self.detail) if part
        )


@dataclass
class Report:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    removed: list[Problem] = field(default_factory=list)  # orphans deleted by the sweep

    def count(self, kind: str) -> int:
        return sum(1 for p in self.problems if p.kind == kind)


def hashed_files() -> Iterator[HashedFile]:
    """Every stored file that has a recorded SHA-256, read in batches."""
    for ev in Evidence.objects.only("pk", "file", "sha256").order_by("pk").iterator(2000):
        yield HashedFile(f"evidence #{ev.pk}", ev.file.storage, ev.file.name, ev.sha256)
    versions = (
        LetterVersion.objects.filter(finalised_at__isnull=False)
        .only("pk", "pdf", "sha256", "approved_pdf", "approved_sha256")
        .order_by("pk")
    )
    for v in versions.iterator(2000):
        if v.pdf:
            yield HashedFile(f"letter version #{v.pk}", v.pdf.storage, v.pdf.name, v.sha256)
        if v.approved_pdf:
            yield HashedFile(
                f"letter version #{v.pk} (approved)",
                v.approved_pdf.storage,
                v.approved_pdf.name,
                v.approved_sha256,
            )
    exports = PersonalDataExport.objects.exclude(file="").exclude(sha256="").order_by("pk")
    for export in exports.iterator(2000):
        yield HashedFile(
            f"personal-data export #{export.pk}",
            export.file.storage,
            export.file.name,
            export.sha256,
        )


def _alias_of(storage: Storage) -> str | None:
    """The private storage alias a FileField's storage is, or None for any other storage."""
    for alias in PRIVATE_STORAGES:
        if storages[alias] is storage:
            return alias
    for alias in PRIVATE_STORAGES:  # an equal storage, built again after a settings change
        if storages[alias].deconstruct() == storage.deconstruct():
            return alias
    return None


def _file_fields() -> Iterator[tuple[type[models.Model], str, tuple[str, ...]]]:
    """(model, column, storage aliases) for every FileField of every installed model.

    A field on a storage that is not one of the private ones protects its names in all
    of them: the sweep would rather keep a stray file than delete one a row names.
    """
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField):
                alias = _alias_of(f.storage)
                yield model, f.attname, (alias,) if alias else PRIVATE_STORAGES


def _private_file_rows(model, name: str | None = None) -> models.QuerySet:
    """The rows of a model that keeps file names outside FileFields (it has
    `private_files()`) that may hold files (`name`, if given)."""
    narrow = getattr(model, "rows_with_private_files", None)
    return narrow(name) if narrow else model._default_manager.all()


def _private_file_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if hasattr(model, "private_files")]


def referenced_names() -> dict[str, set[str]]:
    """For each private storage, the names some row points to (finished or not): every
    FileField of every model, and the names rows keep themselves (`private_files()`)."""
    names: dict[str, set[str]] = {alias: set() for alias in PRIVATE_STORAGES}
    for model, column, aliases in _file_fields():
        found = set(model._default_manager.exclude(**{column: ""}).values_list(column, flat=True))
        for alias in aliases:
            names[alias] |= found
    for model in _private_file_models():
        for row in _private_file_rows(model).iterator(2000):
            for alias, name in row.private_files():
                names.setdefault(alias, set()).add(name)
    return names


def file_referenced(alias: str, name: str) -> bool:
    """Does some row point to `name` in the `alias` storage, right now?"""
    for model, column, aliases in _file_fields():
        if alias in aliases and model._default_manager.filter(**{column: name}).exists():
            return True
    for model in _private_file_models():
        for row in _private_file_rows(model, name).iterator(2000):
            if (alias, name) in row.private_files():
                return True
    return False


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in dirs:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _sha256(storage: Storage, name: str) -> str | None:
    try:
        handle = storage.open(name, "rb")
    except OSError:
        return None
    digest = hashlib.sha256()
    with handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _older_than(storage: Storage, name: str, cutoff: datetime) -> bool | None:
    """Was the file last written before `cutoff`? None when the storage cannot tell."""
    try:
        return storage.get_modified_time(name) < cutoff
    except FileNotFoundError:
        return False  # deleted since it was listed: nothing to report or delete
    except (NotImplementedError, OSError):
        return None


@dataclass(frozen=True)
class Orphan:
    alias: str
    name: str
    age_known: bool  # False: the storage could not say when it was written

    @property
    def where(self) -> str:
        return f"{self.alias} storage"


def orphan_files(*, min_age: timedelta) -> Iterator[Orphan]:
    """Files in the private storages that no row points to and that were written more
    than `min_age` ago (or whose age the storage cannot tell)."""
    cutoff = timezone.now() - min_age
    for alias, known in referenced_names().items():
        if alias not in PRIVATE_STORAGES:
            continue
        storage = storages[alias]
        for name in _walk(storage):
            if name in known:
                continue
            old = _older_than(storage, name, cutoff)
            if old is not False:
                yield Orphan(alias, name, age_known=old is not None)


def files_verify(*, orphans: bool = True, min_age: timedelta = timedelta(minutes=10)) -> Report:
    """Re-hash every stored file with a recorded SHA-256; list missing, changed and orphan files."""
    report = Report()
    for item in hashed_files():
        report.checked += 1
        current = _sha256(item.storage, item.name)
        if current is None:
            report.problems.append(Problem("missing", item.what, item.name))
        elif not secrets.compare_digest(current, item.sha256):
            detail = f"recorded {item.sha256}, now {current}"
            report.problems.append(Problem("mismatch", item.what, item.name, detail))
    if orphans:
        for orphan in orphan_files(min_age=min_age):
            report.problems.append(Problem("orphan", orphan.where, orphan.name))
    return report


def files_delete_orphans(*, min_age: timedelta = timedelta(minutes=10)) -> Report:
    """Delete the files in the private storages that no row points to and that are older
    than `min_age`; log each. Returns them in `removed`, and those it could not delete in
    `problems`.

    `min_age` keeps every file written just before its row commits (an upload, a PDF
    being finalised): those are younger. Just before each deletion, the rows are asked
    again, so a file a row has come to point to since the listing stays. A file whose
    age the storage cannot tell is kept and reported.
    """
    report = Report()
    for orphan in orphan_files(min_age=min_age):
        if not orphan.age_known:
            detail = "not deleted: the storage cannot tell its age"
            report.problems.append(Problem("orphan", orphan.where, orphan.name, detail))
            continue
        if file_referenced(orphan.alias, orphan.name):
            continue  # a row points to it now: not an orphan after all
        try:
            storages[orphan.alias].delete(orphan.name)
        except Exception as error:
            logger.exception(
                "Could not delete the orphan file %r from the %s storage",
                orphan.name,
                orphan.alias,
            )
            detail = f"could not delete: {error.__class__.__name__}: {error}"
            report.problems.append(Problem("orphan", orphan.where, orphan.name, detail))
            continue
        logger.warning("Deleted the orphan file %r from the %s storage", orphan.name, orphan.alias)
        report.removed.append(Problem("removed", orphan.where, orphan.name))
    return report
