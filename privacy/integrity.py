"""Are the stored files still what their rows say? (manage.py verify_files)

Every evidence file, every finalised letter PDF (and approved copy) and every
personal-data export zip carries the SHA-256 it had when it was stored. The sweep
re-hashes each one from its storage and reports files that changed or are gone,
and files in the private storages that no row points to (orphans). An orphan
younger than `min_age` is left out: an upload is written before its row commits.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.files.storage import Storage, storages
from django.utils import timezone

from cases.models import Evidence
from imports.models import ImportBatch, Screenshot
from letters.models import LetterVersion

from .models import PersonalDataExport

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
    kind: str  # "mismatch", "missing" or "orphan"
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


def referenced_names() -> dict[str, set[str]]:
    """For each private storage, the names some row points to (finished or not)."""
    names: dict[str, set[str]] = {alias: set() for alias in PRIVATE_STORAGES}
    names["evidence"].update(Evidence.objects.values_list("file", flat=True))
    for pdf, approved in LetterVersion.objects.values_list("pdf", "approved_pdf"):
        names["letters"].update(n for n in (pdf, approved) if n)
    names["default"].update(
        PersonalDataExport.objects.exclude(file="").values_list("file", flat=True)
    )
    names["default"].update(Screenshot.objects.values_list("stored_name", flat=True))
    for pending in ImportBatch.objects.exclude(pending_names=[]).values_list(
        "pending_names", flat=True
    ):
        names["default"].update(pending or [])
    return names


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


def _older_than(storage: Storage, name: str, cutoff: datetime) -> bool:
    try:
        return storage.get_modified_time(name) < cutoff
    except (NotImplementedError, OSError):
        return True


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
        cutoff = timezone.now() - min_age
        for alias, known in referenced_names().items():
            storage = storages[alias]
            for name in _walk(storage):
                if name not in known and _older_than(storage, name, cutoff):
                    report.problems.append(Problem("orphan", f"{alias} storage", name))
    return report
