"""A recording's length and a screenshot's thumbnail, read from the file's own bytes."""

import io
import struct
import zlib

import pytest
from PIL import Image

from cases import services
from cases.evidence_media import THUMBNAIL_BOX, audio_duration_ms, image_thumbnail
from cases.models import Evidence
from tests.cases import media_samples as samples
from tests.cases.conftest import upload
from tests.factories import ContactFactory


@pytest.mark.parametrize(
    ("data", "content_type", "expected_ms", "tolerance_ms"),
    [
        (samples.wav(83.4), "audio/wav", 83_400, 0),
        (samples.mp3(230), "audio/mpeg", 6_008, 50),  # 230 x 1,152 samples at 44.1 kHz
        (samples.adts_aac(431), "audio/aac", 10_008, 50),  # 431 x 1,024 samples at 44.1 kHz
        (samples.m4a(312.6), "audio/mp4", 312_600, 0),
        (samples.ogg_opus(12.5), "audio/ogg", 12_500, 0),
        (samples.amr(2150), "audio/amr", 43_000, 0),  # 20 ms a frame
        (samples.amr(250, wideband=True), "audio/amr-wb", 5_000, 0),
    ],
    ids=["wav", "mp3", "aac", "m4a", "ogg-opus", "amr", "amr-wb"],
)
def test_recording_length_is_read_from_the_header(data, content_type, expected_ms, tolerance_ms):
    assert abs(audio_duration_ms(io.BytesIO(data), content_type) - expected_ms) <= tolerance_ms


def test_the_read_position_is_kept():
    handle = io.BytesIO(samples.wav(2))
    handle.seek(10)
    audio_duration_ms(handle, "audio/wav")
    assert handle.tell() == 10


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 10, "audio/wav"),
        (b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 24, "audio/mp4"),
        (b"OggS" + b"\x00" * 60, "audio/ogg"),
        (b"#!AMR\n", "audio/amr"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        (samples.wav(1), "application/pdf"),
    ],
    ids=["wav", "m4a", "ogg", "amr-without-frames", "mp3-tag-only", "not-audio"],
)
def test_an_unreadable_recording_has_no_length(data, content_type):
    assert audio_duration_ms(io.BytesIO(data), content_type) is None


def test_thumbnail_of_a_phone_screenshot_fits_the_box():
    thumbnail = image_thumbnail(io.BytesIO(samples.png(1080, 2400)))
    with Image.open(io.BytesIO(thumbnail)) as image:
        assert image.format == "JPEG"
        assert image.width <= THUMBNAIL_BOX[0] and image.height <= THUMBNAIL_BOX[1]
        assert image.height == THUMBNAIL_BOX[1]  # the aspect ratio is kept
        assert image.getpixel((image.width // 2, image.height // 2))[0] > 150  # still red
    assert len(thumbnail) < 10_000


def _png_header_only(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")  # fmt: skip


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,  # a PNG signature and nothing else
        _png_header_only(8000, 6000),  # 48 megapixels: not decoded
        _png_header_only(40000, 40000),  # a decompression bomb
        b"not an image at all",
    ],
    ids=["broken", "too-large", "bomb", "text"],
)
def test_no_thumbnail_for_a_broken_or_huge_image(data):
    assert image_thumbnail(io.BytesIO(data)) is None


def test_upload_keeps_the_recording_length(case, borrower):
    contact = ContactFactory(case=case)
    evidence = services.evidence_add(
        contact=contact, upload=upload("call.wav", samples.wav(5.25)), uploaded_by=borrower
    )
    evidence.refresh_from_db()
    assert evidence.duration_ms == 5250


def test_upload_of_an_image_has_no_length(case, borrower):
    evidence = services.evidence_add(
        contact=ContactFactory(case=case), upload=upload("a.png", samples.png(20, 40)),
        uploaded_by=borrower,
    )  # fmt: skip
    evidence.refresh_from_db()
    assert evidence.duration_ms is None


def test_recordings_uploaded_before_lengths_were_kept_are_measured_later(case, borrower):
    contact = ContactFactory(case=case)
    old = services.evidence_add(
        contact=contact, upload=upload("old.amr", samples.amr(100)), uploaded_by=borrower
    )
    Evidence.objects.filter(pk=old.pk).update(duration_ms=None)
    assert services.evidence_measure_recordings(case=case) == 1
    old.refresh_from_db()
    assert old.duration_ms == 2000
    assert services.evidence_measure_recordings(case=case) == 0


def test_a_recording_whose_file_is_gone_is_skipped(case, borrower):
    contact = ContactFactory(case=case)
    gone = services.evidence_add(
        contact=contact, upload=upload("gone.wav", samples.wav(1)), uploaded_by=borrower
    )
    Evidence.objects.filter(pk=gone.pk).update(duration_ms=None)
    gone.file.storage.delete(gone.file.name)
    assert services.evidence_measure_recordings(case=case) == 0


def test_thumbnail_is_made_once_and_cached_by_hash(case, borrower):
    evidence = services.evidence_add(
        contact=ContactFactory(case=case), upload=upload("a.png", samples.png(300, 600)),
        uploaded_by=borrower,
    )  # fmt: skip
    first = services.evidence_thumbnail(evidence=evidence)
    evidence.file.storage.delete(evidence.file.name)  # the second call must not need the file
    assert services.evidence_thumbnail(evidence=evidence) == first


def test_no_thumbnail_for_a_recording(case, borrower):
    evidence = services.evidence_add(
        contact=ContactFactory(case=case), upload=upload("a.wav", samples.wav(1)),
        uploaded_by=borrower,
    )  # fmt: skip
    assert services.evidence_thumbnail(evidence=evidence) is None
