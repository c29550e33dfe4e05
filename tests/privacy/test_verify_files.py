"""manage.py verify_files: re-hashes evidence, finalised PDFs and export zips, reports changed,
missing and orphan files, and exits non-zero when it finds any."""

import hashlib
import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

from imports.models import ImportBatch
from privacy.services import data_export_build, data_export_start

pytestmark = pytest.mark.django_db


def verify(*args) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_files", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def overwrite(field_file, content: bytes) -> None:
    with open(field_file.storage.path(field_file.name), "wb") as handle:
        handle.write(content)


def make_old(storage, name: str) -> None:
    old = time.time() - 3600
    os.utime(storage.path(name), (old, old))


@pytest.fixture
def clean_storages():
    """The test storages are shared by the whole run: start from empty ones."""
    for alias in ("evidence", "letters", "default"):
        storage = storages[alias]
        for root, _dirs, files in os.walk(storage.location):
            for name in files:
                os.remove(os.path.join(root, name))


def test_all_files_intact_exits_zero(clean_storages, filled):
    code, out = verify()
    assert code == 0
    assert "checked 3 files: 0 changed, 0 missing, 0 orphans" in out


def test_a_changed_evidence_file_is_reported_and_exits_non_zero(clean_storages, filled):
    tampered = b"\x89PNG tampered"
    overwrite(filled.evidence.file, tampered)
    code, out = verify()
    assert code == 1
    assert f"MISMATCH evidence #{filled.evidence.pk} {filled.evidence.file.name}" in out
    assert f"now {hashlib.sha256(tampered).hexdigest()}" in out
    assert "1 changed" in out


def test_a_missing_letter_pdf_is_reported(clean_storages, filled):
    pdf = filled.version.pdf
    pdf.storage.delete(pdf.name)
    code, out = verify()
    assert code == 1
    assert f"MISSING letter version #{filled.version.pk} {pdf.name}" in out


def test_a_changed_approved_pdf_is_reported(clean_storages, filled):
    version = filled.version
    version.approved_pdf.save("approved.pdf", ContentFile(b"%PDF approved"), save=False)
    version.approved_sha256 = hashlib.sha256(b"%PDF approved").hexdigest()
    version.approved_at = version.finalised_at
    version.save()
    assert verify()[0] == 0
    overwrite(version.approved_pdf, b"%PDF changed")
    code, out = verify()
    assert code == 1
    assert f"MISMATCH letter version #{version.pk} (approved)" in out


def test_a_changed_export_zip_is_reported(clean_storages, filled, borrower):
    export, _ = data_export_start(owner=borrower)
    export = data_export_build(export_id=export.pk)
    assert verify()[0] == 0
    overwrite(export.file, b"PK not the zip any more")
    code, out = verify()
    assert code == 1
    assert f"MISMATCH personal-data export #{export.pk}" in out


def test_an_old_orphan_is_reported_in_every_private_storage(clean_storages, filled):
    names = {}
    for alias in ("evidence", "letters", "default"):
        storage = storages[alias]
        names[alias] = storage.save("2020/01/stray.bin", ContentFile(b"nobody's"))
        make_old(storage, names[alias])
    code, out = verify()
    assert code == 1
    for alias, name in names.items():
        assert f"ORPHAN {alias} storage {name}" in out
    assert "3 orphans" in out


def test_a_fresh_orphan_is_left_alone_unless_asked(clean_storages, filled):
    storages["evidence"].save("2026/12/just-uploaded.png", ContentFile(b"x"))
    assert verify()[0] == 0
    assert verify("--min-age", "0")[0] == 1
    assert verify("--min-age", "0", "--no-orphans")[0] == 0


def test_pending_import_uploads_are_not_orphans(clean_storages, filled, borrower):
    storage = storages["default"]
    name = storage.save("imports/pending.xml", ContentFile(b"<smses/>"))
    make_old(storage, name)
    ImportBatch.objects.create(case=filled.case, owner=borrower, pending_names=[name])
    assert verify()[0] == 0
