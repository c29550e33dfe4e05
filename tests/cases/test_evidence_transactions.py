"""Evidence files are written outside database transactions, and never left without their row."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import storages
from django.db import connection

from cases import services
from cases.models import Contact, Evidence
from tests.cases.conftest import PNG_BYTES, upload

pytestmark = pytest.mark.django_db(transaction=True)

CONTACT = {
    "occurred_at": datetime(2025, 4, 12, 23, 5, tzinfo=ZoneInfo("Asia/Shanghai")),
    "channel": "call",
    "target": "borrower",
}


def evidence_files() -> set[str]:
    storage = storages["evidence"]
    found = set()

    def walk(folder: str) -> None:
        folders, files = storage.listdir(folder)
        found.update(f"{folder}/{name}".lstrip("/") for name in files)
        for sub in folders:
            walk(f"{folder}/{sub}".lstrip("/"))

    if storage.exists(""):
        walk("")
    return found


@pytest.fixture
def saves_seen_in_atomic(monkeypatch):
    storage = storages["evidence"]
    seen = []
    real_save = storage.save

    def recording_save(name, content, **kwargs):
        seen.append(connection.in_atomic_block)
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(storage, "save", recording_save)
    return seen


@pytest.fixture
def evidence_row_fails(monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Evidence, "save", broken_save)


def test_contact_with_evidence_writes_the_file_outside_any_transaction(case, saves_seen_in_atomic):
    contact = services.contact_create(case=case, data=CONTACT, upload=upload("shot.png", PNG_BYTES))

    assert saves_seen_in_atomic == [False]
    evidence = contact.evidence.get()
    assert storages["evidence"].exists(evidence.file.name)


def test_failed_contact_with_evidence_leaves_no_file_and_no_contact(case, evidence_row_fails):
    before = evidence_files()

    with pytest.raises(RuntimeError):
        services.contact_create(case=case, data=CONTACT, upload=upload("shot.png", PNG_BYTES))

    assert evidence_files() == before
    assert not Contact.objects.filter(case=case).exists()


def test_failed_evidence_row_leaves_no_file(case, evidence_row_fails):
    contact = services.contact_create(case=case, data=CONTACT)
    before = evidence_files()

    with pytest.raises(RuntimeError):
        services.evidence_add(contact=contact, upload=upload("shot.png", PNG_BYTES))

    assert evidence_files() == before


def test_failed_contact_update_with_evidence_leaves_no_file(case, evidence_row_fails):
    contact = services.contact_create(case=case, data=CONTACT)
    before = evidence_files()

    with pytest.raises(RuntimeError):
        services.contact_update(
            contact=contact, data={"content": "改了"}, upload=upload("s.png", PNG_BYTES)
        )

    assert evidence_files() == before
    contact.refresh_from_db()
    assert contact.content != "改了"
