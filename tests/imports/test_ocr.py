"""The real OCR engine on a screenshot the test draws, with the network switched off."""

import socket
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from imports.layout import parse_screen
from imports.ocr import ImageUnreadable, load_image, read_boxes

from .screens import Bubble, render_thread

TZ = ZoneInfo("Asia/Shanghai")
THREAD = [
    Bubble(
        "【示例贷】您的账单已逾期2天，请及时还款，否则将通知您的紧急联系人。", label="昨天 23:15"
    ),
    Bubble("我下周一还，别再打了", side="out"),
    Bubble("Your loan is overdue. Pay today.", label="08:30"),
]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_rendered_screenshot_is_read_exactly_offline(no_network):
    (screen,) = render_thread(THREAD, sender="10690000555", height=1400)
    loaded = load_image(screen.jpeg(exif_date="2025:06:12 09:00:00"))
    assert loaded.exif_date == date(2025, 6, 12)
    started = time.monotonic()
    boxes = read_boxes(loaded.image)
    elapsed = time.monotonic() - started
    result = parse_screen(boxes, width=1080, height=1400, taken_on=loaded.exif_date, tz=TZ)
    assert result.sender == "10690000555"
    assert [(r.direction, r.text, r.occurred_at) for r in result.records] == [
        ("in", THREAD[0].text, datetime(2025, 6, 11, 23, 15, tzinfo=TZ)),
        ("out", THREAD[1].text, datetime(2025, 6, 11, 23, 15, tzinfo=TZ)),
        ("in", THREAD[2].text, datetime(2025, 6, 12, 8, 30, tzinfo=TZ)),
    ]
    assert elapsed < 30  # generous: the model loads on first use and CI shares the cores


def test_ink_colour_of_red_and_black_text():
    from PIL import Image, ImageDraw

    from imports.ocr import ink_color

    from .screens import font

    image = Image.new("RGB", (400, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.text((10, 10), "13800138000", font=font(40), fill="#e0302a")
    draw.text((10, 70), "95188", font=font(40), fill="#111111")
    pixels = np.asarray(image)
    red = ink_color(pixels[10:60, 0:400])
    black = ink_color(pixels[70:120, 0:400])
    assert red[0] > 180 and red[1] < 110 and red[2] < 110
    assert max(black) < 90


def test_text_file_is_not_an_image():
    with pytest.raises(ImageUnreadable):
        load_image(b"hello")


def test_engine_is_loaded_once_with_threads_that_sleep_when_idle():
    from imports import ocr

    engine = ocr._get_engine()
    assert ocr._get_engine() is engine
    for session in (engine.text_det.infer.session, engine.text_rec.session.session):
        options = session.get_session_options()
        assert options.intra_op_num_threads == ocr.OCR_THREADS >= 1
        assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
        assert options.enable_cpu_mem_arena
        assert session.get_providers() == ["CPUExecutionProvider"]
