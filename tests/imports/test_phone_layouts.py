"""The layout parser on each app's look, drawn by tests/imports/phones.py (no OCR involved).

Each screenshot is drawn with known content; the boxes given to the parser are
the drawn lines with the margin OCR's boxes have, annotated from the picture
(ink colour, the block of colour around each line, icons) as the import does.
The real OCR on the same drawings is in test_ocr_layouts.py.
"""

import random
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from imports.layout import CALL, IM, SMS, OcrBox, normalise_sender, parse_screen
from imports.ocr import annotate
from imports.parser import CALL_INCOMING, CALL_MISSED, CALL_OUTGOING

from .phones import chat, msg, note, notice, random_shots, render_calls, sep

TZ = ZoneInfo("Asia/Shanghai")
FRIDAY = date(2026, 6, 12)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def padded(b: OcrBox) -> OcrBox:
    pad = round(0.2 * b.height)
    return OcrBox(b.text, (b.left - pad, b.top - pad, b.right + pad, b.bottom + pad))


def read(shot, *, decor: bool = False):
    """The parser on the drawn lines; with `decor`, also the text drawn inside pictures
    (an avatar's initials), which a real OCR reads too."""
    width, height = shot.image.size
    drawn = shot.boxes + (shot.decor if decor else [])
    boxes = annotate(shot.image, [padded(b) for b in drawn])
    return parse_screen(boxes, width=width, height=height, taken_on=shot.taken_on, tz=TZ)


def got(result):
    return [(r.direction, r.sender, r.occurred_at, r.text) for r in result.records]


def want(shot):
    return [
        (
            r["direction"],
            normalise_sender(r["sender"]),
            datetime.fromisoformat(r["occurred_at"]) if r["occurred_at"] else None,
            r["text"] or "",
        )
        for r in shot.records
    ]


COLLECTOR = (
    "【示例贷】您的借款已逾期12天，应还金额3,280.00元，请于今日18点前还款，以免影响您的个人征信。"
)
THREAT = "再不还钱，我们就把你的欠款情况发给你通讯录里的所有人，后果自负！"
REPLY = "能不能分期？我现在确实没钱。"


def test_huawei_dark_thread_with_the_number_under_the_name():
    (shot,) = chat(
        "huawei_sms",
        [
            sep("昨天 23:15", at(2026, 6, 11, 23, 15)),
            msg(COLLECTOR),
            msg(REPLY, "out"),
            sep("星期三 09:12", at(2026, 6, 10, 9, 12)),
            msg(THREAT),
        ],
        sender="王专员",
        sub="171 0000 1111 广东深圳",
        dark=True,
    )
    result = read(shot)
    assert (result.layout, result.sender) == (SMS, "王专员")
    assert got(result) == want(shot)
    assert [r.direction for r in result.records] == ["in", "out", "in"]


def test_xiaomi_miui_day_periods_and_avatars_beside_incoming_bubbles():
    (shot,) = chat(
        "xiaomi_sms",
        [
            sep("6月10日 下午3:05", at(2026, 6, 10, 15, 5)),
            msg(COLLECTOR),
            sep("昨天 凌晨1:20", at(2026, 6, 11, 1, 20)),
            msg(THREAT),
            sep("中午12:30", at(2026, 6, 12, 12, 30)),
            msg("收到", "out"),
            sep("晚上11:15", at(2026, 6, 12, 23, 15)),
            msg("电话为什么不接？躲是躲不掉的。"),
        ],
        sender="171 0000 1111",
        sub="广东深圳 移动",
        seed=3,
    )
    result = read(shot)
    assert result.sender == "17100001111"
    assert got(result) == want(shot)


@pytest.mark.parametrize(
    ("app", "label", "moment"),
    [
        ("oppo_sms", "今天 14:20", at(2026, 6, 12, 14, 20)),
        ("vivo_sms", "6/10 14:20", at(2026, 6, 10, 14, 20)),
        ("vivo_sms", "2025/12/28 14:20", at(2025, 12, 28, 14, 20)),
    ],
)
def test_oppo_and_vivo_threads(app, label, moment):
    (shot,) = chat(
        app,
        [sep(label, moment), msg(COLLECTOR), msg("我已经还了2000元，请核实。", "out")],
        sender="10690000555",
        dark=app == "vivo_sms",
    )
    result = read(shot)
    assert result.sender == "10690000555"
    assert got(result) == want(shot)


def english_iphone_thread(reply: str, *, unread: str | None = None):
    """An English iPhone thread at 1170 px with a foreign number (also read by the real OCR
    in test_ocr_layouts.py)."""
    (shot,) = chat(
        "iphone_sms",
        [
            sep("Wed, Jun 10 at 9:30 AM", at(2026, 6, 10, 9, 30)),
            msg("Final notice: your loan of $2,400 is overdue. Legal action starts on Friday."),
            sep("Yesterday 11:15 PM", at(2026, 6, 11, 23, 15)),
            msg("We have your contacts list. Don't make us call your family."),
            msg(reply, "out"),
            note("Delivered"),
        ],
        sender="+1 (415) 555-0132",
        lang="en",
        width=1170,
        height=2532,
        unread=unread,
    )
    return shot


def test_iphone_in_english_at_1170_px():
    shot = english_iphone_thread(
        "I will pay on Friday. Please stop calling my parents.", unread="12"
    )
    result = read(shot)
    assert result.sender == "+14155550132"
    assert got(result) == want(shot)
    assert all("Delivered" not in r.text for r in result.records)


def test_iphone_in_chinese_with_a_grouped_number_and_unread_count():
    (shot,) = chat(
        "iphone_sms",
        [
            sep("6月10日 星期三 15:05", at(2026, 6, 10, 15, 5)),
            msg(COLLECTOR),
            msg(REPLY, "out"),
            msg("你们这样做是违法的，我已经录音了。", "out"),
        ],
        sender="+86 171 0000 1111",
        dark=True,
        width=1170,
        unread="3",
        seed=5,
    )
    result = read(shot)
    assert result.sender == "17100001111"
    assert got(result) == want(shot)


def test_wechat_recall_notices_are_not_messages():
    (shot,) = chat(
        "wechat",
        [
            sep("星期三 上午9:12", at(2026, 6, 10, 9, 12)),
            msg("你好，我是安心钱包的王专员，你的欠款什么时候还？"),
            notice("“王专员”撤回了一条消息"),
            msg("月底", "out"),
            sep("10:30", at(2026, 6, 12, 10, 30)),
            msg("再不还我们就去你单位了"),
        ],
        sender="王专员",
        unread="8",
    )
    result = read(shot)
    assert (result.layout, result.sender) == (IM, "王专员")
    assert got(result) == want(shot)


def test_wechat_group_the_nickname_above_a_bubble_is_its_sender():
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
    )
    result = read(shot)
    assert (result.layout, result.sender) == (IM, "宏达资产还款通知群")
    assert [r.sender for r in result.records] == [
        "宏达资产-王专员",
        "法务部张律师",
        "宏达资产还款通知群",
    ]
    assert got(result) == want(shot)


def test_screen_without_a_status_bar_and_a_service_number():
    (shot,) = chat(
        "oppo_sms",
        [sep("昨天 08:00", at(2026, 6, 11, 8, 0)), msg(COLLECTOR)],
        sender="1069 0000 555",
        status=False,
    )
    result = read(shot)
    assert result.sender == "10690000555"
    assert got(result) == want(shot)


def test_status_bar_words_are_never_messages_or_senders():
    shots = [s for s in random_shots(21, per_app=1) if s.records and s.layout != "iphone_calls"]
    for shot in shots:
        result = read(shot)
        texts = " ".join(r.text for r in result.records)
        assert "%" not in texts and "K/s" not in texts and "中国移动" not in texts
        assert all(r.sender and "%" not in r.sender for r in result.records)


def test_a_bubble_holding_only_a_time_is_a_message():
    (shot,) = chat(
        "huawei_sms",
        [sep("今天 08:00", at(2026, 6, 12, 8, 0)), msg("几点还？"), msg("18:00", "out")],
        sender="95188",
    )
    assert got(read(shot)) == want(shot)


def test_time_under_each_bubble_dates_that_bubble():
    (shot,) = chat(
        "huawei_sms",
        [
            sep("昨天 22:00", at(2026, 6, 11, 22, 0)),
            msg("请今天还款", own="22:10", at=at(2026, 6, 11, 22, 10)),
            msg("知道了", "out", own="22:12", at=at(2026, 6, 11, 22, 12)),
        ],
        sender="95188",
        bubble_times=True,
    )
    assert got(read(shot)) == want(shot)


def test_time_labels_on_a_pill():
    (shot,) = chat(
        "wechat",
        [sep("6月10日 下午3:05", at(2026, 6, 10, 15, 5)), msg(THREAT), msg("收到", "out")],
        sender="李经理",
        pill=True,
    )
    assert got(read(shot)) == want(shot)


def test_overlapping_screenshots_each_read_with_the_labels_they_show():
    items = [sep(f"6月{d}日 10:0{d}", at(2026, 6, d, 10, d)) for d in range(1, 8)]
    thread = []
    for label in items:
        thread += [label, msg(f"第{label.at.day}条：{COLLECTOR}")]
    shots = chat("xiaomi_sms", thread, sender="95188", windows=3, seed=2)
    assert len(shots) >= 2
    for shot in shots:
        assert got(read(shot)) == want(shot)


@pytest.mark.parametrize("app", ["huawei_calls", "xiaomi_calls", "iphone_calls"])
@pytest.mark.parametrize("dark", [False, True])
def test_call_logs_give_name_time_kind_and_duration(app, dark):
    shot = render_calls(random.Random(7), app, dark=dark, lang="zh")
    result = read(shot)
    assert result.layout == CALL
    assert got(result) == want(shot)
    kinds = {"incoming": CALL_INCOMING, "outgoing": CALL_OUTGOING, "missed": CALL_MISSED}
    assert [(r.call_type, r.duration_seconds) for r in result.records] == [
        (kinds[t["call_type"]], t["duration_seconds"]) for t in shot.records
    ]


def test_iphone_recents_in_english():
    shot = render_calls(random.Random(4), "iphone_calls", lang="en")
    result = read(shot)
    assert result.layout == CALL
    assert got(result) == want(shot)


def test_missed_calls_in_red_and_ringing_time_is_not_a_duration():
    shot = render_calls(random.Random(8), "xiaomi_calls", rows=10)
    result = read(shot)
    missed = [r for r in result.records if r.call_type == CALL_MISSED]
    assert missed and all(r.duration_seconds is None for r in missed)
    assert got(result) == want(shot)


def test_renders_of_every_app_are_read_right():
    """A varied set (every app, light and dark, widths, overlaps), read from the drawn lines."""
    total = right = 0
    for shot in random_shots(11, per_app=2):
        expected, found = want(shot), got(read(shot))
        total += len(expected)
        right += sum(1 for item in expected if item in found)
    assert right / total >= 0.97


def test_overlapping_group_screenshots_merge_and_keep_each_nickname():
    from imports.merge import merge_screens

    nicks = ["宏达资产-王专员", "法务部张律师", "催收小李"]
    items = []
    for d in range(1, 8):
        items += [
            sep(f"6月{d}日 晚上8:0{d}", at(2026, 6, d, 20, d)),
            msg(f"第{d}次通知：{THREAT}", nick=nicks[d % 3]),
        ]
    shots = chat("wechat_group", items, sender="宏达资产还款通知群(23)", windows=2, seed=6)
    assert len(shots) == 2
    reads = [read(s) for s in shots]
    merged = merge_screens(reads, taken_on=FRIDAY, tz=TZ)
    assert [(r.sender, r.text) for r in merged.records] == [
        (nicks[d % 3], f"第{d}次通知：{THREAT}") for d in range(1, 8)
    ]
    assert merged.duplicates == sum(len(r.records) for r in reads) - 7


@pytest.mark.parametrize("shaded", [True, False])
@pytest.mark.parametrize(
    ("sender", "initials"), [("王专员", "专员"), ("王专员", "王"), ("Mike Collections", "MC")]
)
def test_iphone_avatar_initials_above_the_name_are_not_the_sender(sender, initials, shaded):
    (shot,) = chat(
        "iphone_sms",
        [sep("昨天 23:15", at(2026, 6, 11, 23, 15)), msg(THREAT), msg(REPLY, "out")],
        sender=sender,
        initials=initials,
        shaded=shaded,
        width=1170,
        seed=3,
    )
    assert any(b.text == initials for b in shot.decor)
    result = read(shot, decor=True)
    assert result.sender == sender
    assert got(result) == want(shot)


def test_iphone_number_under_the_avatar_is_read_as_its_digits():
    (shot,) = chat(
        "iphone_sms",
        [sep("6月10日 星期三 15:05", at(2026, 6, 10, 15, 5)), msg(COLLECTOR)],
        sender="+86 138 1234 5678",
        initials="",
        width=1170,
        seed=4,
    )
    result = read(shot, decor=True)
    assert result.sender == "13812345678"
    assert got(result) == want(shot)


@pytest.mark.parametrize("sender", ["王专员", "Tony", "+86 130 4911 9758"])
def test_huawei_round_avatar_between_the_back_arrow_and_the_name(sender):
    (shot,) = chat(
        "huawei_sms",
        [sep("昨天 下午11:15", at(2026, 6, 11, 23, 15)), msg(THREAT), msg(REPLY, "out")],
        sender=sender,
        sub="广东深圳",
        header_avatar=True,
        seed=2,
    )
    result = read(shot, decor=True)
    assert result.sender == normalise_sender(sender)
    assert got(result) == want(shot)


@pytest.mark.parametrize("label", ["{time}  卡1", "卡2 {time}", "{time} SIM1"])
def test_vivo_time_under_each_bubble_beside_the_sim_card(label):
    (shot,) = chat(
        "vivo_sms",
        [
            sep("6/8 07:30", at(2026, 6, 8, 7, 30)),
            msg(THREAT, own=label.format(time="07:31"), at=at(2026, 6, 8, 7, 31)),
            msg(REPLY, "out", own=label.format(time="07:40"), at=at(2026, 6, 8, 7, 40)),
            msg(
                "最后通知：今天18:00前不还款，明天安排人员上门。",
                own=label.format(time="08:02"),
                at=at(2026, 6, 8, 8, 2),
            ),
        ],
        sender="106912345678",
        bubble_times=True,
    )
    result = read(shot)
    assert got(result) == want(shot)
    assert not any("卡" in r.text or "SIM" in r.text for r in result.records)


def test_bubbles_above_the_first_day_label_have_no_known_day_but_a_guess_from_it():
    """Their own clock times show, their day does not: the guess is that label's day (or the
    day before, for a later clock time), never the day the screenshot was taken."""
    (shot,) = chat(
        "huawei_sms",
        [
            msg(THREAT, own="23:50", at=at(2026, 6, 5, 23, 50)),
            msg(REPLY, "out", own="00:55", at=at(2026, 6, 6, 0, 55)),
            sep("6月6日 02:28", at(2026, 6, 6, 2, 28)),
            msg(COLLECTOR, own="02:28", at=at(2026, 6, 6, 2, 28)),
        ],
        sender="95188",
        bubble_times=True,
    )
    result = read(shot)
    expected = want(shot)
    assert [r.occurred_at for r in result.records] == [None, None, expected[2][2]]
    assert [r.estimate for r in result.records[:2]] == [expected[0][2], expected[1][2]]
    assert [r.text for r in result.records] == [e[3] for e in expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            # No space after the link: OCR keeps the spaces it sees and does not add any,
            # and a space between a link and Chinese is one it often misses.
            "【示例贷】您的借款已逾期，请立即登录 https://m.repay-42.example.com/loan/detail?uid=839201"
            "处理，逾期将上报征信。",
            "zh",
        ),
        (
            "Pay now at https://pay.quickloan.example.com/account/overdue?id=583920"
            " to stop further action.",
            "en",
        ),
    ],
)
def test_a_link_broken_over_lines_is_one_link_again(text, lang):
    (shot,) = chat(
        "xiaomi_sms",
        [sep("昨天 23:15", at(2026, 6, 11, 23, 15)), msg(text), msg(REPLY, "out")],
        sender="10690000555",
        lang=lang,
    )
    link = re.search(r"https://[!-~]+", text).group(0)
    assert not any(link in b.text for b in shot.boxes)  # the phone broke it over lines
    assert got(read(shot)) == want(shot)


@pytest.mark.parametrize("app", ["wechat", "wechat_group"])
def test_wechat_pat_notices_are_neither_messages_nor_nicknames(app):
    group = app == "wechat_group"
    (shot,) = chat(
        app,
        [
            sep("昨天 晚上11:15", at(2026, 6, 11, 23, 15)),
            notice("“宏达资产-王专员” 拍了拍 我"),
            msg(THREAT, nick="宏达资产-王专员" if group else None),
            notice("“宏达资产-王专员” 拍了拍 我"),
            msg(REPLY, "out"),
        ],
        sender="宏达资产还款通知群(23)" if group else "王专员",
    )
    result = read(shot)
    assert got(result) == want(shot)
