"""The backup parser keeps no finished element, record or not, and refuses files nested deeper
or holding more elements than any phone backup; uploads are capped before they are read."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from imports import parser
from imports.forms import ImportUploadForm
from imports.models import ImportBatch, StagedMessage
from imports.parser import BackupError, iter_backup
from imports.services import batch_create, batch_parse

from .conftest import upload

SMS = "<sms address='10690000555' date='1748581200000' type='1' body='请还款' />".encode()


#: Expat builds the tree for a whole read (16 KB) before the first of its events is handed
#: over, so up to about 4,000 small elements can be present at once, however they are
#: cleared; what matters is that the count does not grow with the file.
CHUNK_WORTH = 8000
JUNK = 40_000


@pytest.fixture
def largest_open_element(monkeypatch):
    """Watches the tree while the parser reads: the most children any open element held."""
    most = [0]
    real = parser.iterparse

    def watching(*args, **kwargs):
        open_elements = []
        for event, elem in real(*args, **kwargs):
            if event == "start":
                open_elements.append(elem)
            else:
                open_elements.pop()
            most[0] = max([most[0], *(len(e) for e in open_elements)])
            yield event, elem

    monkeypatch.setattr(parser, "iterparse", watching)
    return most


def read(data: bytes, **kwargs):
    return list(iter_backup(io.BytesIO(data), **kwargs))


def test_unknown_elements_under_the_root_are_dropped_as_they_end(largest_open_element):
    data = b"<smses>" + b"<j/>" * JUNK + SMS + b"<j><k/></j>" * JUNK + SMS + b"</smses>"
    assert len(read(data)) == 2
    assert largest_open_element[0] < CHUNK_WORTH


def test_unknown_elements_inside_an_unknown_element_are_dropped(largest_open_element):
    data = b"<smses><j>" + b"<k/>" * JUNK + b"</j>" + SMS + b"</smses>"
    assert len(read(data)) == 1
    assert largest_open_element[0] < CHUNK_WORTH


def test_unknown_elements_inside_a_record_are_dropped_but_mms_parts_are_read(
    largest_open_element,
):
    data = (
        b"<smses><mms date='1748581200000' msg_box='1' address='10690000555'>"
        + b"<junk/>" * JUNK
        + b"<addrs><addr address='10690000555' type='137' />"
        + b"<junk/>" * JUNK
        + "</addrs><parts><part ct='text/plain' text='逾期' />".encode()
        + "<part ct='text/plain' text='还款'>".encode()
        + b"<junk/>" * JUNK
        + b"</part></parts></mms></smses>"
    )
    (record,) = read(data)
    assert record.body == "逾期\n还款"
    assert record.number == "10690000555"
    assert largest_open_element[0] < CHUNK_WORTH


def test_a_file_nested_deeper_than_any_backup_is_refused():
    data = b"<smses>" + b"<a>" * parser.MAX_DEPTH + b"</a>" * parser.MAX_DEPTH + b"</smses>"
    with pytest.raises(BackupError, match="nested more than 16 levels"):
        read(data)


def test_a_backup_at_the_depth_of_a_real_one_is_read():
    data = b"<smses>" + b"<a>" * (parser.MAX_DEPTH - 2) + b"</a>" * (parser.MAX_DEPTH - 2)
    assert read(data + SMS + b"</smses>")


def test_a_file_with_more_elements_than_the_cap_is_refused_with_the_count_read():
    data = b"<smses>" + SMS * 3 + b"<j/>" * 200 + b"</smses>"
    with pytest.raises(BackupError) as info:
        read(data, max_elements=100)
    assert "more than 100 entries (after 3 messages or calls)" in str(info.value)
    assert len(read(data, max_elements=204)) == 3


def test_the_cap_message_is_translated():
    with translation.override("zh-hans"), pytest.raises(BackupError) as info:
        read(b"<smses>" + b"<j/>" * 20 + b"</smses>", max_elements=10)
    assert "超过 10 个条目" in str(info.value)


@pytest.mark.django_db
def test_batch_over_the_element_cap_fails_with_the_message_and_keeps_nothing(
    case, borrower, settings
):
    settings.SELFHELP_BACKUP_MAX_ELEMENTS = 50
    data = b"<smses>" + SMS * 10 + b"<j/>" * 100 + b"</smses>"
    batch = batch_create(case=case, owner=borrower, uploads=[upload("sms.xml", data)])
    batch = batch_parse(batch_id=batch.pk)
    assert batch.status == ImportBatch.Status.FAILED
    assert "more than 50 entries" in batch.error
    assert not StagedMessage.objects.filter(batch=batch).exists()


def files_form(*sizes: int) -> ImportUploadForm:
    files = [SimpleUploadedFile(f"sms{i}.xml", b"x" * size) for i, size in enumerate(sizes)]
    return ImportUploadForm({}, {"files": files})


def test_upload_form_refuses_a_file_over_the_file_limit(settings):
    settings.SELFHELP_IMPORT_MAX_FILE_BYTES = 1000
    form = files_form(1001)
    assert not form.is_valid()
    assert "“sms0.xml” is larger than 1000" in form.errors["files"][0]


def test_upload_form_refuses_files_that_add_up_to_more_than_one_upload_may(settings):
    settings.SELFHELP_IMPORT_MAX_FILE_BYTES = 1000
    settings.SELFHELP_IMPORT_MAX_UPLOAD_BYTES = 1500
    assert files_form(700, 700).is_valid()
    form = files_form(700, 700, 700)
    assert not form.is_valid()
    assert "add up to 2.1" in form.errors["files"][0]


def test_default_limits_are_far_below_four_times_300_mb():
    from django.conf import settings

    assert settings.SELFHELP_IMPORT_MAX_UPLOAD_BYTES <= 120 * 1024 * 1024
    assert settings.SELFHELP_MAX_REQUEST_BYTES <= 130 * 1024 * 1024


@pytest.mark.django_db
def test_an_oversized_request_is_refused_unread_with_the_limit(case, borrower_client, settings):
    settings.SELFHELP_MAX_REQUEST_BYTES = 2000
    data = b"<smses>" + SMS * 40 + b"</smses>"
    response = borrower_client.post(
        reverse("imports:import_upload", args=[case.pk]),
        {"files": [SimpleUploadedFile("sms.xml", data)]},
    )
    assert response.status_code == 413
    assert "at most 2.0" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_a_request_under_the_limit_goes_through(
    case, borrower_client, settings, django_capture_on_commit_callbacks
):
    settings.SELFHELP_MAX_REQUEST_BYTES = 20000
    with django_capture_on_commit_callbacks(execute=True):  # the worker reads (and deletes) it
        response = borrower_client.post(
            reverse("imports:import_upload", args=[case.pk]),
            {"files": [SimpleUploadedFile("sms.xml", b"<smses>" + SMS + b"</smses>")]},
        )
    assert response.status_code == 302
    assert ImportBatch.objects.get().status == ImportBatch.Status.READY
