"""Finalising a letter holds no database transaction while it reads the case or renders.

A long evidence report takes seconds to render; on SQLite an open write
transaction meanwhile locks every other user out ("database is locked").
These tests run with real transactions (transaction=True), so
`connection.in_atomic_block` is what the service really sees.
"""

import pytest
from django.core.files.storage import storages
from django.db import connection

from jobs.models import Job
from jobs.services import job_create
from letters import services
from letters.models import LetterDraft, LetterVersion
from letters.tasks import FINALISE_FAILED, letter_finalise_task
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db(transaction=True)

FAKE_PDF = b"%PDF-1.7 fake"


@pytest.fixture
def draft(case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", fields={"loan": loan.ref}
    )


@pytest.fixture
def seen_in_atomic(monkeypatch):
    """Replace the renderer and the engine run; record whether a transaction was open."""
    seen: dict[str, list[bool]] = {"render": [], "findings": []}
    real_findings = services.case_findings

    def fake_pdf(html: str) -> bytes:
        seen["render"].append(connection.in_atomic_block)
        return FAKE_PDF

    def recording_findings(**kwargs):
        seen["findings"].append(connection.in_atomic_block)
        return real_findings(**kwargs)

    monkeypatch.setattr(services, "html_to_pdf", fake_pdf)
    monkeypatch.setattr(services, "case_findings", recording_findings)
    return seen


def letter_files() -> list[str]:
    storage = storages["letters"]
    found = []

    def walk(folder: str) -> None:
        folders, files = storage.listdir(folder)
        found.extend(f"{folder}/{name}".lstrip("/") for name in files)
        for sub in folders:
            walk(f"{folder}/{sub}".lstrip("/"))

    if storage.exists(""):
        walk("")
    return found


def test_pdf_renders_outside_any_transaction(draft, seen_in_atomic):
    version = services.letter_finalise(draft=draft)

    assert seen_in_atomic["render"] == [False]
    assert version.sha256 and version.size == len(FAKE_PDF)


def test_case_is_assessed_outside_any_transaction_when_finalising(draft, seen_in_atomic):
    services.letter_finalise(draft=draft)

    assert seen_in_atomic["findings"] and not any(seen_in_atomic["findings"])


def test_saving_a_version_assesses_the_case_outside_any_transaction(draft, seen_in_atomic):
    services.letter_version_save(draft=draft)

    assert seen_in_atomic["findings"] and not any(seen_in_atomic["findings"])


def test_stored_pdf_is_the_rendered_bytes(draft, seen_in_atomic):
    version = services.letter_finalise(draft=draft)

    with version.pdf.open("rb") as stored:
        assert stored.read() == FAKE_PDF


def test_failed_row_write_leaves_no_orphan_file(draft, seen_in_atomic, monkeypatch):
    before = set(letter_files())

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(LetterVersion, "save", broken_save)
    with pytest.raises(RuntimeError):
        services.letter_finalise(draft=draft)

    assert set(letter_files()) == before
    assert not LetterVersion.objects.filter(draft=draft).exists()


def test_retried_finalise_task_stores_one_version(draft, borrower, seen_in_atomic):
    job = job_create(owner=borrower, kind="letter_finalise", case=draft.case, total=3)

    letter_finalise_task.call(job_id=job.pk, draft_id=draft.pk)
    letter_finalise_task.call(job_id=job.pk, draft_id=draft.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    version = LetterVersion.objects.get(draft=draft)
    assert job.result["url"].endswith(f"/{version.pk}/pdf/")


def test_job_is_not_finished_when_the_version_cannot_be_stored(
    draft, borrower, seen_in_atomic, monkeypatch
):
    job = job_create(owner=borrower, kind="letter_finalise", case=draft.case, total=3)

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(LetterVersion, "save", broken_save)
    with pytest.raises(RuntimeError):
        letter_finalise_task.call(job_id=job.pk, draft_id=draft.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == FINALISE_FAILED  # the Python error goes to the log only
