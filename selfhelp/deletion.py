"""Delete rows together with the private files they point to.

Evidence, letter PDFs and anything else stored in a FileField of a row that a
deletion cascades to is removed from its storage once the transaction commits,
so deleting a case or an account leaves no orphaned sensitive file behind,
whatever app the file belongs to.
"""

from __future__ import annotations

from django.db import models, router, transaction
from django.db.models.deletion import Collector


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def stored_files(obj: models.Model) -> list[tuple[object, str]]:
    """(storage, name) of every file held by `obj` and by the rows its deletion cascades to."""
    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    found = []
    for model, instances in collector.data.items():
        for field in _file_fields(model):
            found += [(field.storage, getattr(o, field.attname).name) for o in instances]
    for queryset in collector.fast_deletes:
        for field in _file_fields(queryset.model):
            found += [
                (field.storage, name) for name in queryset.values_list(field.attname, flat=True)
            ]
    return [(storage, name) for storage, name in found if name]


def delete_with_files(obj: models.Model) -> None:
    """Delete `obj` (and its cascade) now, and its files after the transaction commits."""
    files = stored_files(obj)
    obj.delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
