"""HEIC screenshots (the iPhone's format): decoded on upload and kept as PNG.

The HEIC files are written here with pillow-heif from drawn screenshots. OCR is
replaced by the drawn lines (HEIC is lossy, so the pixels differ slightly from
the drawing); test_ocr_layouts.py runs the real engine on a HEIC.
"""

import io
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pillow_heif
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cases.evidence import PNG, sniff
from imports.heic import is_heif
from imports.models import ImportBatch, Screenshot
from imports.screenshots import (
    ScreenshotRejected,
    Upload,
    screenshots_batch_create,
    screenshots_read,
)

from .phones import chat, msg, sep
from .test_phone_layouts import padded

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")


def heic(image: Image.Image, taken: str | None = None) -> bytes:
    exif = Image.Exif()
    if taken:
        exif[0x0132] = taken  # DateTime
    out = io.BytesIO()
    pillow_heif.from_pillow(image).save(out, quality=92, exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def shot():
    (drawn,) = chat(
        "iphone_sms",
        [
            sep("昨天 23:15", datetime(2026, 6, 11, 23, 15, tzinfo=TZ)),
            msg("【示例贷】您的借款已逾期12天，请今日还款。"),
            msg("我下周一定还", "out"),
        ],
        sender="+86 171 0000 1111",
        width=1170,
    )
    return drawn


def test_heic_screenshot_is_kept_as_png_and_read_with_its_exif_date(
    case, borrower, shot, monkeypatch
):
    data = heic(shot.image, "2026:06:12 09:30:00")
    assert is_heif(data[:64])
    monkeypatch.setattr(
        "imports.screenshots.read_boxes", lambda image: [padded(b) for b in shot.boxes]
    )
    batch = screenshots_batch_create(
        case=case, owner=borrower, uploads=[Upload(name="IMG_0042.HEIC", data=data)]
    )
    (kept,) = batch.screenshots.all()
    assert (kept.content_type, kept.original_name) == ("image/png", "IMG_0042.HEIC")
    with storages["default"].open(kept.stored_name, "rb") as handle:
        stored = handle.read()
    assert sniff(stored[:64]) == PNG
    assert Image.open(io.BytesIO(stored)).size == shot.image.size

    read = screenshots_read(batch_id=batch.pk)
    kept.refresh_from_db()
    assert kept.taken_on == date(2026, 6, 12)  # from the HEIC's EXIF, not today
    assert [(r.direction, r.sender, r.occurred_at, r.text) for r in read.records] == [
        ("in", "17100001111", datetime(2026, 6, 11, 23, 15, tzinfo=TZ), shot.records[0]["text"]),
        ("out", "17100001111", datetime(2026, 6, 11, 23, 15, tzinfo=TZ), "我下周一定还"),
    ]


def test_heic_is_refused_with_a_clear_message_when_the_decoder_is_missing(
    case, borrower, shot, monkeypatch
):
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # "import pillow_heif" now fails
    with pytest.raises(ScreenshotRejected, match="HEIC picture, which this server cannot open"):
        screenshots_batch_create(
            case=case,
            owner=borrower,
            uploads=[Upload(name="IMG_0042.HEIC", data=heic(shot.image))],
        )
    assert not ImportBatch.objects.exists()
    assert not Screenshot.objects.exists()


def test_upload_page_says_in_chinese_that_heic_cannot_be_opened(
    borrower_client, case, shot, monkeypatch, settings
):
    from django.utils import translation

    monkeypatch.setitem(sys.modules, "pillow_heif", None)
    settings.LANGUAGE_CODE = "zh-hans"
    with translation.override("zh-hans"):
        response = borrower_client.post(
            reverse("imports:screenshot_upload", args=[case.pk]),
            {"files": [SimpleUploadedFile("IMG_0042.HEIC", heic(shot.image), "image/heic")]},
            HTTP_ACCEPT_LANGUAGE="zh-hans",
        )
    assert response.status_code == 200
    assert "HEIC" in response.content.decode()
    assert "无法打开" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_damaged_heic_is_refused(case, borrower):
    with pytest.raises(ScreenshotRejected, match="could not be opened"):
        screenshots_batch_create(
            case=case,
            owner=borrower,
            uploads=[Upload(name="broken.heic", data=b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)],
        )
    assert not ImportBatch.objects.exists()


def test_upload_field_offers_heic(borrower_client, case):
    response = borrower_client.get(reverse("imports:screenshot_upload", args=[case.pk]))
    assert "image/heic" in response.content.decode()
