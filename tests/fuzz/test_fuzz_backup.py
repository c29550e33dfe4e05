"""Fuzzing the phone-backup parser: whatever the file holds, it yields records or raises
BackupError with a message (never another exception), every record fits a contact, memory
stays flat however the file is padded, and a batch that fails keeps nothing staged."""

import io
import tracemalloc
from xml.sax.saxutils import quoteattr

import pytest
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from imports.models import ImportBatch, StagedMessage
from imports.parser import BackupError, PhoneRecord, iter_backup
from imports.services import batch_create, batch_parse
from rules.domain import CONTENT_MAX_LENGTH
from tests.imports.conftest import SMS_SAMPLE, upload

TAGS = st.sampled_from(["sms", "mms", "call", "parts", "part", "addrs", "addr", "j", "smses"])
ATTRIBUTE_NAMES = st.sampled_from(
    ["address", "date", "type", "body", "contact_name", "msg_box", "ct", "text", "number",
     "duration", "date_sent", "count"]
)  # fmt: skip
ATTRIBUTE_VALUES = st.one_of(
    st.integers(min_value=-(2**65), max_value=2**65).map(str),
    st.sampled_from(["null", "", "(Unknown)", "1748581200000", "1", "137", "text/plain"]),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
        max_size=30,
    ),
)


@st.composite
def elements(draw, depth=0):
    tag = draw(TAGS)
    attrs = draw(st.dictionaries(ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, max_size=5))
    text = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
    children = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 4 else []
    if children:
        return f"<{tag} {text}>{''.join(children)}</{tag}>"
    return f"<{tag} {text}/>"


@st.composite
def backups(draw):
    root = draw(st.sampled_from(["smses", "calls", "other"]))
    body = "".join(draw(st.lists(elements(), max_size=8)))
    document = f"<{root} count='3'>{body}</{root}>".encode()
    cut = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=len(document))))
    return document if cut is None else document[:cut]


def read_or_refuse(data: bytes, **kwargs) -> list[PhoneRecord]:
    problems = []
    try:
        records = list(iter_backup(io.BytesIO(data), problems=problems, **kwargs))
    except BackupError as error:
        assert str(error)
        return []
    for record in records:
        assert isinstance(record, PhoneRecord)
        assert len(record.body) <= CONTENT_MAX_LENGTH
        assert record.occurred_at.tzinfo is not None
    return records


@given(backups())
def test_any_backup_shaped_file_is_read_or_refused(data):
    read_or_refuse(data)
    read_or_refuse(data, partial=True)


@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused(data):
    read_or_refuse(data)


@given(st.binary(max_size=40), st.integers(min_value=0, max_value=len(SMS_SAMPLE)))
def test_a_real_backup_with_bytes_spliced_in_is_read_or_refused(junk, at):
    read_or_refuse(SMS_SAMPLE[:at] + junk + SMS_SAMPLE[at:], partial=True)


@settings(max_examples=10)
@given(st.lists(elements(depth=2), min_size=1, max_size=2))
def test_memory_stays_flat_however_the_file_is_padded(padding):
    row = "<sms address='10690000555' date='1748581200000' type='1' body='请还款' />"
    unit = "".join(padding)
    peaks = []
    for times in (20, 400):
        data = f"<smses>{row}{unit * times}{row}</smses>".encode()
        tracemalloc.start()
        try:
            read_or_refuse(data, max_elements=10**9)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    # Twenty times the padding, yet about the same memory: what is read is dropped.
    assert peaks[1] < 2 * peaks[0] + 500_000


@pytest.mark.django_db
@given(backups())
def test_a_batch_is_ready_or_failed_with_nothing_staged(case, borrower, data):
    with transaction.atomic():
        batch = batch_create(
            case=case, owner=borrower, uploads=[upload("sms.xml", data)], quota=False
        )
        batch = batch_parse(batch_id=batch.pk)
        assert batch.status in {ImportBatch.Status.READY, ImportBatch.Status.FAILED}
        if batch.status == ImportBatch.Status.FAILED:
            assert batch.error
            assert not StagedMessage.objects.filter(batch=batch).exists()
        assert batch.pending_names == []
        transaction.set_rollback(True)
