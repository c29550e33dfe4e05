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


# --delete-orphans: the sweep


def stray(alias: str, *, old: bool = True) -> str:
    storage = storages[alias]
    name = storage.save("2020/01/stray.bin", ContentFile(b"nobody's"))
    if old:
        make_old(storage, name)
    return name


def all_files() -> set[tuple[str, str]]:
    found = set()
    for alias in ("evidence", "letters", "default"):
        location = storages[alias].location
        for root, _dirs, files in os.walk(location):
            found |= {(alias, os.path.relpath(os.path.join(root, f), location)) for f in files}
    return found


def age_every_file() -> None:
    for alias, name in all_files():
        make_old(storages[alias], name)


def test_delete_orphans_deletes_old_orphans_in_every_private_storage(clean_storages, filled):
    names = {alias: stray(alias) for alias in ("evidence", "letters", "default")}

    code, out = verify("--delete-orphans")

    assert code == 0
    for alias, name in names.items():
        assert f"REMOVED {alias} storage {name}" in out
        assert not storages[alias].exists(name)
    assert "0 orphans; deleted 3 orphans" in out
    assert verify()[0] == 0


def test_delete_orphans_keeps_every_file_a_row_points_to(clean_storages, filled, borrower):
    export, _ = data_export_start(owner=borrower)
    data_export_build(export_id=export.pk)
    pending = storages["default"].save("imports/pending.xml", ContentFile(b"<smses/>"))
    ImportBatch.objects.create(case=filled.case, owner=borrower, pending_names=[pending])
    age_every_file()
    before = all_files()
    assert {alias for alias, _ in before} == {"evidence", "letters", "default"}

    code, out = verify("--delete-orphans")

    assert (code, "REMOVED" in out) == (0, False)
    assert "deleted 0 orphans" in out
    assert all_files() == before


def test_delete_orphans_keeps_a_fresh_orphan(clean_storages, filled):
    name = stray("evidence", old=False)

    code, out = verify("--delete-orphans")

    assert code == 0 and "deleted 0 orphans" in out
    assert storages["evidence"].exists(name)


def test_an_orphan_that_cannot_be_deleted_is_reported_and_exits_non_zero(
    clean_storages, filled, monkeypatch
):
    stuck, gone = stray("evidence"), stray("letters")

    def refuse(name):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(storages["evidence"], "delete", refuse)

    code, out = verify("--delete-orphans")

    assert code == 1
    assert f"ORPHAN evidence storage {stuck} could not delete: PermissionError" in out
    assert f"REMOVED letters storage {gone}" in out and not storages["letters"].exists(gone)
    assert "1 orphans; deleted 1 orphans" in out


def test_an_orphan_of_unknown_age_is_kept_and_reported(clean_storages, filled, monkeypatch):
    name = stray("evidence")

    def unknown(name):
        raise NotImplementedError("this storage keeps no dates")

    monkeypatch.setattr(storages["evidence"], "get_modified_time", unknown)

    code, out = verify("--delete-orphans")

    assert code == 1
    assert f"ORPHAN evidence storage {name} not deleted: the storage cannot tell its age" in out
    assert storages["evidence"].exists(name)


def test_delete_orphans_still_reports_a_changed_file(clean_storages, filled):
    overwrite(filled.evidence.file, b"\x89PNG tampered")

    code, out = verify("--delete-orphans")

    assert code == 1
    assert f"MISMATCH evidence #{filled.evidence.pk}" in out


def test_delete_orphans_and_no_orphans_cannot_be_combined(clean_storages):
    with pytest.raises(CommandError, match="not allowed with"):
        call_command("verify_files", "--delete-orphans", "--no-orphans")
