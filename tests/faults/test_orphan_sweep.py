"""The orphan sweep (manage.py verify_files --delete-orphans) after a fault: a file a failed
delete left behind is removed by the next sweep, so rows and files agree again; a file
written just before its row commits is kept; a file a row points to is never removed,
even when the row appears while the sweep runs.

Real transactions (transaction=True), as in the other fault tests. The private storages
are emptied first: the sweep deletes whatever old orphan it finds, whoever left it.
"""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from cases import services
from cases.models import Evidence
from imports.models import ImportBatch, Screenshot
from imports.screenshots import Upload, screenshots_batch_create
from imports.services import batch_discard
from letters.models import LetterDraft, LetterVersion
from privacy import integrity
from privacy.integrity import files_delete_orphans
from tests.cases.conftest import PNG_BYTES, upload
from tests.factories import ContactFactory

from .conftest import ALIASES, case_files, files_consistent, stored_files

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_storages():
    for alias in ALIASES:
        location = storages[alias].location
        for root, _dirs, files in os.walk(location):
            for name in files:
                os.remove(os.path.join(root, name))


def age(files) -> None:
    """As if the next sweep ran an hour later."""
    old = time.time() - 3600
    for alias, name in files:
        os.utime(storages[alias].path(name), (old, old))


def removed(report) -> set[tuple[str, str]]:
    return {(p.what.removesuffix(" storage"), p.name) for p in report.removed}


def test_a_file_a_failed_case_deletion_left_is_removed_by_the_next_sweep(
    full_case, crash_on, caplog
):
    crash_on(storages["evidence"], "delete")
    services.case_delete(case=full_case)
    missing, left = files_consistent(set())
    assert missing == set() and {alias for alias, _ in left} == {"evidence"}

    assert files_delete_orphans().removed == []  # written moments ago: not yet
    age(left)
    report = files_delete_orphans()

    assert removed(report) == left and report.problems == []
    assert files_consistent(set()) == (set(), set())
    assert stored_files() == set()
    ((_, name),) = left
    assert f"Deleted the orphan file {name!r}" in caplog.text


def test_a_picture_a_failed_import_discard_left_is_removed_by_the_next_sweep(
    case, borrower, crash_on
):
    batch = screenshots_batch_create(
        case=case,
        owner=borrower,
        uploads=[Upload("a.png", PNG_BYTES), Upload("b.png", PNG_BYTES + b"b")],
    )
    crash_on(storages["default"], "delete", call=2)
    batch_discard(batch=batch)
    missing, left = files_consistent(set())
    assert missing == set() and len(left) == 1

    age(left)
    report = files_delete_orphans()

    assert removed(report) == left
    assert files_consistent(set()) == (set(), set())


def test_an_upload_stored_just_before_its_row_is_kept(case, borrower):
    contact = ContactFactory(case=case)
    stored = services.evidence_store(upload("shot.png", PNG_BYTES, "image/png"))

    report = files_delete_orphans()  # the sweep runs between the write and the row

    assert report.removed == [] and report.problems == []
    assert storages["evidence"].exists(stored.name)
    services.evidence_record(contact=contact, stored=stored, uploaded_by=borrower)
    assert files_consistent(set()) == (set(), set())


def test_no_file_a_row_points_to_is_removed_however_old(full_case):
    held = case_files(full_case)
    assert {alias for alias, _ in held} == {"evidence", "letters", "default"}
    age(stored_files())

    report = files_delete_orphans()

    assert report.removed == [] and report.problems == []
    assert held <= stored_files()
    assert files_consistent(set()) == (set(), set())


def point_evidence_at(case, name: str) -> None:
    Evidence.objects.create(
        case=case, file=name, original_name="x.png", kind="image", content_type="image/png",
        size=1, sha256="0" * 64,
    )  # fmt: skip


def point_letter_at(case, name: str) -> None:
    draft = LetterDraft.objects.create(case=case, owner=case.owner, kind="stop_harassment")
    LetterVersion.objects.create(
        draft=draft, number=1, pdf=name, sha256="0" * 64, size=1, finalised_at=timezone.now()
    )


def point_import_at(case, name: str) -> None:
    ImportBatch.objects.create(case=case, owner=case.owner, pending_names=[name])


def point_screenshot_at(case, name: str) -> None:
    batch = ImportBatch.objects.create(case=case, owner=case.owner)
    Screenshot.objects.create(
        batch=batch, position=1, original_name="a.png", stored_name=name,
        content_type="image/png", size=1, sha256="0" * 64,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("alias", "point_at"),
    [
        ("evidence", point_evidence_at),
        ("letters", point_letter_at),
        ("default", point_import_at),
        ("default", point_screenshot_at),
    ],
)
def test_a_row_that_appears_while_the_sweep_runs_keeps_its_file(case, monkeypatch, alias, point_at):
    storage = storages[alias]
    name = storage.save("2020/01/claimed-late.bin", ContentFile(b"claimed late"))
    other = storage.save("2020/01/nobody.bin", ContentFile(b"nobody's"))
    age({(alias, name), (alias, other)})
    listing = integrity.orphan_files

    def listed_then_claimed(**kwargs):
        found = list(listing(**kwargs))
        assert {(o.alias, o.name) for o in found} == {(alias, name), (alias, other)}
        point_at(case, name)  # between the listing and the deletion
        return found

    monkeypatch.setattr(integrity, "orphan_files", listed_then_claimed)

    report = files_delete_orphans()

    assert storage.exists(name)
    assert removed(report) == {(alias, other)} and report.problems == []
    assert files_consistent(set()) == (set(), set())
