"""The real OCR engine, then the layout parser, on each family of screenshots the tests draw.

Slow (the engine reads every picture, a few seconds each on two cores), so one
picture per family: a dark WeChat group, an English iPhone thread at 1170 px, a
Huawei thread with a status bar and a grouped number, a Xiaomi call log, and a
HEIC from an iPhone. The network is switched off (see test_ocr.py).
"""

import io
import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pillow_heif
import pytest
from PIL import Image

from imports.heic import heif_to_png
from imports.layout import CALL, IM, parse_screen
from imports.ocr import annotate, load_image, read_boxes
from imports.parser import CALL_INCOMING, CALL_MISSED, CALL_OUTGOING

from .phones import chat, msg, render_calls, sep
from .test_ocr import no_network  # noqa: F401 (fixture)
from .test_phone_layouts import english_iphone_thread, got, want

TZ = ZoneInfo("Asia/Shanghai")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def ocr(shot, image=None):
    image = image or shot.image
    width, height = image.size
    boxes = annotate(image, read_boxes(image))
    return parse_screen(boxes, width=width, height=height, taken_on=shot.taken_on, tz=TZ)


@pytest.mark.usefixtures("no_network")
def test_dark_wechat_group():
    (shot,) = chat(
        "wechat_group",
        [
            sep("昨天 晚上11:15", at(2026, 6, 11, 23, 15)),
            msg("明天中午12点前必须还款，不然后果自负。", nick="宏达资产-王专员"),
            msg("今天下午我们的外访人员会到你户籍地走访。", nick="法务部张律师"),
            msg("请不要在群里发我的信息", "out"),
        ],
        sender="宏达资产还款通知群(23)",
        dark=True,
        unread="12",
    )
    result = ocr(shot)
    assert (result.layout, result.sender) == (IM, "宏达资产还款通知群")
    assert got(result) == want(shot)


@pytest.mark.usefixtures("no_network")
def test_english_iphone_at_1170_px():
    shot = english_iphone_thread("Stop contacting my employer. This call is being recorded.")
    result = ocr(shot)
    assert result.sender == "+14155550132"
    assert got(result) == want(shot)


@pytest.mark.usefixtures("no_network")
def test_huawei_thread_with_status_bar_and_grouped_number():
    (shot,) = chat(
        "huawei_sms",
        [
            sep("星期三 09:12", at(2026, 6, 10, 9, 12)),
            msg("【示例贷】您的借款已逾期12天，应还金额3,280.00元，请于今日18点前还款。"),
            msg("能不能分期？我现在确实没钱。", "out"),
            sep("昨天 23:15", at(2026, 6, 11, 23, 15)),
            msg("再不还钱，我们就把你的欠款情况发给你通讯录里的所有人，后果自负！"),
        ],
        sender="171 0000 1111",
        sub="广东深圳 中国移动",
        seed=4,
    )
    result = ocr(shot)
    assert result.sender == "17100001111"
    assert got(result) == want(shot)


@pytest.mark.usefixtures("no_network")
def test_xiaomi_call_log():
    shot = render_calls(random.Random(8), "xiaomi_calls", dark=False, lang="zh", rows=8)
    result = ocr(shot)
    assert result.layout == CALL
    assert got(result) == want(shot)
    kinds = {"incoming": CALL_INCOMING, "outgoing": CALL_OUTGOING, "missed": CALL_MISSED}
    assert [(r.call_type, r.duration_seconds) for r in result.records] == [
        (kinds[t["call_type"]], t["duration_seconds"]) for t in shot.records
    ]


@pytest.mark.usefixtures("no_network")
def test_heic_from_an_iphone():
    (shot,) = chat(
        "iphone_sms",
        [
            sep("今天 08:30", at(2026, 6, 12, 8, 30)),
            msg("【示例贷】您的借款已逾期，请今日还款，以免影响您的个人征信。"),
            msg("好的，我下周一还", "out"),
        ],
        sender="95188",
        width=1170,
    )
    exif = Image.Exif()
    exif[0x0132] = "2026:06:12 09:30:00"
    out = io.BytesIO()
    pillow_heif.from_pillow(shot.image).save(out, quality=90, exif=exif.tobytes())
    loaded = load_image(heif_to_png(out.getvalue()))
    assert loaded.exif_date == shot.taken_on
    result = ocr(shot, loaded.image)
    assert result.sender == "95188"
    assert got(result) == want(shot)


@pytest.mark.usefixtures("no_network")
def test_long_scrolling_screenshot_is_read_in_slices():
    items = []
    for d in range(1, 10):
        items += [
            sep(f"6月{d}日 晚上8:0{d}", at(2026, 6, d, 20, d)),
            msg(f"第{d}次通知：再不还钱，我们就把你的欠款情况发给你通讯录里的所有人。"),
        ]
    (shot,) = chat("xiaomi_sms", items, sender="95188", width=1080, height=5200, seed=1)
    assert shot.image.height > 2.6 * shot.image.width
    result = ocr(shot)
    assert result.sender == "95188"
    assert got(result) == want(shot)
