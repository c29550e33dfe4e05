"""Detect two edits of the same row: an optimistic version number.

A row that people edit in a form (a contact, a letter draft) carries an integer
`version`. The edit form sends back the version it was opened at; the save
claims it with one conditional UPDATE (`WHERE pk = … AND version = v`, setting
v + 1). If another save got there first, no row matches and the second save is
refused with EditConflict instead of silently overwriting the first.

The UPDATE runs inside the caller's transaction, so on PostgreSQL a concurrent
save waits for the first one's commit and then finds the version moved on; on
SQLite the write lock serialises the two the same way.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F


class EditConflict(Exception):
    """The row was saved by someone else since the form was opened.

    `current` is the version now stored (None when the row is gone).
    """

    def __init__(self, current: int | None):
        super().__init__(f"stale edit; the stored version is now {current}")
        self.current = current


def version_claim(model: type[models.Model], pk, expected: int | None) -> int:
    """Move the row's version on by one and return the new version.

    With `expected`, only if the stored version is still `expected`; otherwise
    EditConflict. Without it (a change that comes from no form: an import, a
    command), the version moves on unconditionally, so open forms learn of it.
    Call inside the transaction that saves the rest of the change.
    """
    rows = model._default_manager.filter(pk=pk)
    if expected is not None:
        rows = rows.filter(version=expected)
    if not rows.update(version=F("version") + 1):
        current = model._default_manager.filter(pk=pk).values_list("version", flat=True).first()
        raise EditConflict(current)
    return model._default_manager.filter(pk=pk).values_list("version", flat=True).get()
