from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

SAMPLES = Path("/work/shared/samples")
SMS_SAMPLE = (SAMPLES / "sms-backup.example.xml").read_bytes()
CALLS_SAMPLE = (SAMPLES / "calls-backup.example.xml").read_bytes()


def sms_xml(rows: list[dict]) -> bytes:
    """A small SMS backup; each row's keys become attributes."""
    from xml.sax.saxutils import quoteattr

    body = "".join(
        "<sms " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in row.items()) + " />"
        for row in rows
    )
    return (
        f"<?xml version='1.0' encoding='UTF-8'?><smses count='{len(rows)}'>{body}</smses>".encode()
    )


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/xml")


@pytest.fixture
def parsed_batch(case, borrower, django_capture_on_commit_callbacks):
    """A batch of both samples, parsed and ready to review."""
    from imports.services import batch_create, batch_parse

    batch = batch_create(
        case=case,
        owner=borrower,
        uploads=[upload("sms.xml", SMS_SAMPLE), upload("calls.xml", CALLS_SAMPLE)],
    )
    return batch_parse(batch_id=batch.pk)


@pytest.fixture(autouse=True)
def english(settings):
    """Assertions below quote the English wording; one test checks the Chinese default."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
