"""Delete rows together with the private files they point to.

Evidence, letter PDFs and anything else stored in a FileField of a row that a
deletion cascades to is removed from its storage once the transaction commits,
so deleting a case or an account leaves no orphaned sensitive file behind,
whatever app the file belongs to. A model that keeps file names in other
columns (an import's pending uploads, its screenshots) lists them in a
`private_files()` method returning (storage alias, name) pairs.

Rows go first, files after the commit: a crash before the commit rolls the rows
back and the files are still there; a file that cannot be deleted afterwards is
logged and the others are still deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import models, router, transaction
from django.db.models.deletion import Collector

logger = logging.getLogger(__name__)

StoredFile = tuple[Storage, str]


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _row_files(model, rows: Iterable[models.Model]) -> list[StoredFile]:
    found: list[StoredFile] = []
    fields = _file_fields(model)
    has_own = hasattr(model, "private_files")
    if not fields and not has_own:
        return found
    for row in rows:
        # The descriptor gives a FieldFile; storages want its name.
        found += [(field.storage, getattr(row, field.attname).name) for field in fields]
        if has_own:
            found += [(storages[alias], name) for alias, name in row.private_files()]
    return found


def stored_files(obj: models.Model) -> list[StoredFile]:
    """(storage, name) of every file held by `obj` and by the rows its deletion cascades to."""
    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    found = []
    for model, instances in collector.data.items():
        found += _row_files(model, instances)
    for queryset in collector.fast_deletes:
        model = queryset.model
        if hasattr(model, "private_files"):
            found += _row_files(model, queryset)
        else:
            for field in _file_fields(model):
                found += [
                    (field.storage, name) for name in queryset.values_list(field.attname, flat=True)
                ]
    return [(storage, name) for storage, name in found if name]


def delete_files(files: Iterable[StoredFile]) -> list[StoredFile]:
    """Delete each file; one that cannot be deleted is logged and the rest still go.

    Returns the files that could not be deleted.
    """
    failed = []
    for storage, name in files:
        try:
            storage.delete(name)
        except Exception:
            logger.exception("Could not delete the private file %r; delete it by hand.", name)
            failed.append((storage, name))
    return failed


def file_save(storage: Storage, name: str, content: File) -> str:
    """storage.save(name, content), leaving nothing behind if the write fails half-way
    (a full disk, a lost connection to object storage). Returns the name saved under."""
    try:
        return storage.save(name, content)
    except BaseException:
        delete_files([(storage, name)])
        raise


@contextmanager
def deleting_files_on_failure(files: Iterable[StoredFile]) -> Iterator[None]:
    """Around the transaction that records files already written: if it fails, the
    files are deleted again, so no file is left without its row."""
    try:
        yield
    except BaseException:
        delete_files(files)
        raise


def delete_files_on_commit(files: Iterable[StoredFile]) -> None:
    """Delete the files once the current transaction commits (never if it rolls back)."""
    files = list(files)
    if files:
        transaction.on_commit(lambda: delete_files(files))


def delete_with_files(obj: models.Model) -> None:
    """Delete `obj` (and its cascade) in one transaction, and its files after it commits."""
    with transaction.atomic(using=router.db_for_write(type(obj))):
        files = stored_files(obj)
        obj.delete()
        delete_files_on_commit(files)
