"""Two saves of one contact or letter draft at the same moment, from forms opened at the same
version: exactly one goes through, the other is refused, and nothing is silently lost.

Each save runs in its own thread with its own database connection, both inside their
transactions at once (the first holds the row while the second waits for it). This
needs a database with row locks and real concurrent connections: PostgreSQL. The SQLite
test database is an in-memory database shared between threads, which locks whole
tables and does not wait, so there the form tests (tests/cases/test_contact_edit_conflict.py,
tests/letters/test_draft_edit_conflict.py) cover the same refusal one save after the other.
"""

import threading
import time

import pytest
from django.db import connection, connections

from cases import services as case_services
from cases.models import Contact
from letters import services as letter_services
from letters.models import LetterDraft
from selfhelp.versioning import EditConflict
from tests.factories import ContactFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent connections with row locks (PostgreSQL); see the docstring",
    ),
]


def save_at_once(saves, slow_step, monkeypatch) -> list:
    """Run each save in its own thread, both started together; each holds its transaction
    open a moment (slow_step) so that the two really overlap. Returns each outcome."""
    target, name = slow_step
    real = getattr(target, name)

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, slow)
    start = threading.Barrier(len(saves))
    outcomes: list = [None] * len(saves)

    def run(i, save):
        try:
            start.wait()
            save()
            outcomes[i] = "saved"
        except EditConflict:
            outcomes[i] = "refused"
        except Exception as exc:  # pragma: no cover - shown in the assertion
            outcomes[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(saves)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


def test_two_simultaneous_contact_saves_one_is_refused(case, monkeypatch):
    contact = ContactFactory(case=case, content="原来的")

    def save(text):
        return lambda: case_services.contact_update(
            contact=Contact.objects.get(pk=contact.pk), data={"content": text}, version=1
        )

    outcomes = save_at_once(
        [save("手机上改的"), save("电脑上改的")], (Contact, "refresh_detection"), monkeypatch
    )

    assert sorted(outcomes) == ["refused", "saved"]
    contact.refresh_from_db()
    winner = ["手机上改的", "电脑上改的"][outcomes.index("saved")]
    assert (contact.content, contact.version) == (winner, 2)


def test_two_simultaneous_draft_saves_one_is_refused(case, borrower, monkeypatch):
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="stop_harassment")

    def save(name):
        return lambda: letter_services.letter_draft_update(
            draft=LetterDraft.objects.get(pk=draft.pk),
            language="zh-hans",
            fields={"sender_name": name},
            version=1,
        )

    outcomes = save_at_once([save("甲"), save("乙")], (LetterDraft, "save"), monkeypatch)

    assert sorted(outcomes) == ["refused", "saved"]
    draft.refresh_from_db()
    assert draft.fields == {"sender_name": ["甲", "乙"][outcomes.index("saved")]}
    assert draft.version == 2
