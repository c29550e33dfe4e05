"""The layout parser on boxes from screenshots the tests draw (no OCR involved)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from imports.layout import (
    CALL,
    IM,
    NOTE_DATE_ONLY,
    NOTE_DATE_ONLY_CALL_TYPE_GUESSED,
    NOTE_TIME_ESTIMATED,
    SMS,
    OcrBox,
    ScreenRead,
    ScreenRecord,
    join_lines,
    parse_screen,
)
from imports.merge import merge_screens
from imports.parser import CALL_INCOMING, CALL_MISSED, CALL_OUTGOING, CALL_REJECTED

from .screens import DARK, WECHAT, Bubble, CallRow, render_call_log, render_thread

TZ = ZoneInfo("Asia/Shanghai")
THURSDAY = date(2025, 6, 12)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def read(screen, *, taken_on=THURSDAY, n=0):
    width, height = screen.image.size
    return parse_screen(
        screen.boxes, width=width, height=height, taken_on=taken_on, tz=TZ, screen=n
    )


THREAD = [
    Bubble(
        "【示例贷】您的账单已逾期2天，请及时还款，否则将通知您的紧急联系人和单位。",
        label="昨天 23:15",
    ),
    Bubble("我下周一还，别再打了", side="out"),
    Bubble("今天18点前不还款，我们将上门核实。", label="星期三 09:05"),
    Bubble(
        "Your loan is overdue. Pay today or we will call your family.", label="6月10日 下午3:15"
    ),
    Bubble("好的", side="out", label="2025/6/10 23:40"),
    Bubble("最后通知：今日不还款将立案起诉。", label="08:30"),
]


def test_sms_thread_gives_sender_sides_times_and_joined_text():
    (screen,) = render_thread(THREAD, sender="10690000555")
    result = read(screen)
    assert (result.layout, result.sender) == (SMS, "10690000555")
    got = [(r.direction, r.occurred_at, r.text) for r in result.records]
    assert got == [
        ("in", at(2025, 6, 11, 23, 15), THREAD[0].text),
        ("out", at(2025, 6, 11, 23, 15), "我下周一还，别再打了"),
        ("in", at(2025, 6, 11, 9, 5), THREAD[2].text),
        ("in", at(2025, 6, 10, 15, 15), THREAD[3].text),
        ("out", at(2025, 6, 10, 23, 40), "好的"),
        ("in", at(2025, 6, 12, 8, 30), THREAD[5].text),  # a bare time between bubbles is today
    ]


def test_borrower_bubble_with_a_short_last_line_stays_one_outgoing_message():
    bubbles = [
        Bubble("您好，这里是法务中心，关于你的案件请回电。", label="10:00"),
        Bubble("您好，这里是法务中心，关于你的案件请回电。", side="out"),
    ]
    (screen,) = render_thread(bubbles, sender="95188", width=720, height=1600, font_size=30)
    result = read(screen)
    assert [(r.direction, r.text) for r in result.records] == [
        ("in", bubbles[0].text),
        ("out", bubbles[1].text),
    ]


def test_status_bar_and_input_bar_are_not_messages():
    (screen,) = render_thread(THREAD[:1], sender="10690000555")
    texts = [r.text for r in read(screen).records]
    assert not any(t in ("9:41", "87%", "5G", "短信") for t in texts)
    assert len(texts) == 1


def test_screen_without_status_bar_still_finds_the_header():
    (screen,) = render_thread(THREAD[:2], sender="招联金融", status_bar=False)
    assert read(screen).sender == "招联金融"


def test_title_after_the_back_arrow_with_a_number_below_gives_the_name():
    (screen,) = render_thread(
        THREAD[:2], sender="招联金融", sender_sub="95188 广东深圳", title_left=True
    )
    result = read(screen)
    assert result.sender == "招联金融"
    assert [r.text for r in result.records] == [THREAD[0].text, THREAD[1].text]


def test_date_label_with_weekday_and_read_receipt():
    bubbles = [
        Bubble("请今天还款", label="6月10日 周二 下午3:15"),
        Bubble("好", side="out", side_time="已读"),
    ]
    (screen,) = render_thread(bubbles, sender="95188")
    result = read(screen)
    assert [(r.text, r.occurred_at) for r in result.records] == [
        ("请今天还款", at(2025, 6, 10, 15, 15)),
        ("好", at(2025, 6, 10, 15, 15)),
    ]


def test_dark_mode_reads_like_light_mode():
    (light,) = render_thread(THREAD, sender="10690000555")
    (dark,) = render_thread(THREAD, sender="10690000555", theme=DARK)
    assert [(r.text, r.direction) for r in read(dark).records] == [
        (r.text, r.direction) for r in read(light).records
    ]


def test_wechat_chat_with_avatars_is_an_im_thread():
    bubbles = [
        Bubble("你好，我是xx金融的，你的欠款什么时候还？", label="星期二 10:02"),
        Bubble("月底", side="out"),
        Bubble("再不还我们就去你单位了", label="10:30"),
    ]
    (screen,) = render_thread(bubbles, sender="李经理", theme=WECHAT, wechat=True)
    result = read(screen)
    assert (result.layout, result.sender) == (IM, "李经理")
    assert [(r.direction, r.text, r.occurred_at) for r in result.records] == [
        ("in", bubbles[0].text, at(2025, 6, 10, 10, 2)),
        ("out", "月底", at(2025, 6, 10, 10, 2)),
        ("in", bubbles[2].text, at(2025, 6, 12, 10, 30)),
    ]


def test_time_under_a_bubble_dates_that_bubble():
    bubbles = [
        Bubble("请今天还款", side_time="昨天 22:10", label="昨天"),
        Bubble("知道了", side="out", side_time="昨天 22:12"),
    ]
    (screen,) = render_thread(bubbles, sender="95188")
    got = [(r.direction, r.occurred_at) for r in read(screen).records]
    assert got == [("in", at(2025, 6, 11, 22, 10)), ("out", at(2025, 6, 11, 22, 12))]


def test_label_with_only_a_day_gives_no_time_and_noon_as_the_guess_to_check():
    (screen,) = render_thread([Bubble("逾期通知", label="6月10日")], sender="95188")
    result = read(screen)
    (record,) = result.records
    assert record.occurred_at is None  # the day is shown, the time is not
    assert record.estimate == at(2025, 6, 10, 12, 0)
    assert record.note == "date_only"
    # Joined with the rest of the upload, the guess stands in, still marked "only the day".
    (merged,) = merge_screens([result], taken_on=THURSDAY, tz=TZ).records
    assert (merged.occurred_at, merged.note) == (at(2025, 6, 10, 12, 0), "date_only")


def test_overlapping_screenshots_merge_without_duplicates():
    bubbles = [
        Bubble(
            f"第{n}条：您的欠款已逾期{n}天，请尽快处理，否则后果自负。",
            label=f"6月{n}日 10:0{n % 10}",
        )
        for n in range(1, 10)
    ]
    screens = render_thread(bubbles, sender="10690000555", height=1400, windows=3, overlap=0.4)
    reads = [read(s, n=i) for i, s in enumerate(screens)]
    assert sum(len(r.records) for r in reads) > len(bubbles)  # they do overlap
    merged = merge_screens(reads, taken_on=THURSDAY, tz=TZ)
    assert [r.text for r in merged.records] == [b.text for b in bubbles]
    assert merged.duplicates == sum(len(r.records) for r in reads) - len(bubbles)
    assert [r.occurred_at.day for r in merged.records] == list(range(1, 10))


def test_bubble_cut_at_the_top_is_completed_from_the_previous_screenshot():
    first = [
        OcrBox("95188", (480, 100, 600, 140)),
        OcrBox("6月1日 10:00", (440, 200, 640, 230)),
        OcrBox("第一条消息", (60, 300, 400, 340)),
        OcrBox("第二条很长的消息的", (60, 400, 700, 440)),
        OcrBox("第一行结尾", (60, 455, 300, 495)),
    ]
    second = [
        OcrBox("95188", (480, 100, 600, 140)),
        OcrBox("第一行结尾", (60, 200, 300, 240)),
        OcrBox("第三条消息", (60, 320, 400, 360)),
    ]
    reads = [
        parse_screen(boxes, width=1080, height=1400, taken_on=THURSDAY, tz=TZ, screen=n)
        for n, boxes in enumerate([first, second])
    ]
    merged = merge_screens(reads, taken_on=THURSDAY, tz=TZ)
    assert [r.text for r in merged.records] == [
        "第一条消息",
        "第二条很长的消息的第一行结尾",
        "第三条消息",
    ]
    assert merged.duplicates == 1
    assert merged.records[-1].occurred_at == at(2025, 6, 1, 10, 0)
    assert merged.records[-1].note == "time_estimated"


def test_header_misread_on_one_screenshot_still_merges_the_thread():
    bubbles = [
        Bubble(f"第{n}条催收短信，请尽快还款。", label=f"6月{n}日 10:00") for n in range(1, 8)
    ]
    screens = render_thread(bubbles, sender="10690000555", height=1200, windows=2, overlap=0.5)
    first, second = (read(s, n=i) for i, s in enumerate(screens))
    second.sender = "1069000O555"
    merged = merge_screens([first, second], taken_on=THURSDAY, tz=TZ)
    assert [r.text for r in merged.records] == [b.text for b in bubbles]
    assert {r.sender for r in merged.records} == {"10690000555"}


def test_different_threads_are_not_merged():
    (a,) = render_thread([Bubble("请还款", label="10:00")], sender="95188")
    (b,) = render_thread([Bubble("请还款", label="10:00")], sender="95588")
    merged = merge_screens([read(a), read(b, n=1)], taken_on=THURSDAY, tz=TZ)
    assert [r.sender for r in merged.records] == ["95188", "95588"]
    assert merged.duplicates == 0


def test_call_log_rows_give_number_kind_duration_and_time():
    rows = [
        CallRow("10690000555 (3)", "呼入", "昨天 21:05", "1分23秒", "广东深圳"),
        CallRow("138 0013 8000", "未接", "23:15", "响铃5声"),
        CallRow("妈妈", "呼出", "星期三 08:00", "20秒"),
        CallRow("17000000999", "已拒接", "6月9日 22:40"),
    ]
    result = read(render_call_log(rows))
    assert result.layout == CALL
    got = [
        (r.sender, r.call_type, r.duration_seconds, r.occurred_at, r.direction)
        for r in result.records
    ]
    assert got == [
        ("10690000555", CALL_INCOMING, 83, at(2025, 6, 11, 21, 5), "in"),
        ("13800138000", CALL_MISSED, None, at(2025, 6, 12, 23, 15), "in"),
        ("妈妈", CALL_OUTGOING, 20, at(2025, 6, 11, 8, 0), "out"),
        ("17000000999", CALL_REJECTED, None, at(2025, 6, 9, 22, 40), "in"),
    ]


def test_call_log_day_headings_and_two_line_times():
    boxes = [
        OcrBox("通话记录", (40, 120, 260, 180)),
        OcrBox("昨天", (40, 230, 120, 262)),
        OcrBox("13800138000", (60, 300, 340, 345)),
        OcrBox("未接", (60, 355, 140, 385)),
        OcrBox("23:15", (940, 315, 1020, 345)),
        OcrBox("95188", (60, 440, 200, 485)),
        OcrBox("呼入 2分", (60, 495, 220, 525)),
        OcrBox("6月3日", (930, 440, 1020, 470)),
        OcrBox("08:05", (940, 480, 1020, 510)),
    ]
    result = parse_screen(boxes, width=1080, height=2340, taken_on=THURSDAY, tz=TZ)
    assert [(r.sender, r.call_type, r.occurred_at) for r in result.records] == [
        ("13800138000", CALL_MISSED, at(2025, 6, 11, 23, 15)),
        ("95188", CALL_INCOMING, at(2025, 6, 3, 8, 5)),
    ]


def test_red_name_without_a_word_is_a_missed_call():
    rows = [
        CallRow("13800138000", "", "23:15", place="北京", red=True),
        CallRow("95188", "", "22:00", place="上海"),
    ]
    result = read(render_call_log(rows))
    assert [(r.sender, r.call_type, r.note) for r in result.records] == [
        ("13800138000", CALL_MISSED, ""),
        ("95188", CALL_INCOMING, "call_type_guessed"),
    ]


def test_day_only_label_leaves_the_time_unknown_when_the_call_type_is_guessed_too():
    rows = [
        CallRow("13800138000", "", "23:15", place="北京", red=True),
        CallRow("小陈", "", "昨天", place="手机"),
    ]
    result = read(render_call_log(rows))
    guessed = result.records[1]
    assert (guessed.sender, guessed.call_type) == ("小陈", CALL_INCOMING)
    assert guessed.occurred_at is None
    assert guessed.estimate == at(2025, 6, 11, 12, 0)
    assert guessed.note == NOTE_DATE_ONLY_CALL_TYPE_GUESSED  # both to check in review


def test_call_log_seen_twice_counts_each_call_once():
    rows = [CallRow("13800138000", "未接", "23:15"), CallRow("95188", "呼入", "22:00", "3分")]
    first = read(render_call_log(rows))
    second = read(render_call_log(rows[1:]), n=1)
    merged = merge_screens([first, second], taken_on=THURSDAY, tz=TZ)
    assert len(merged.records) == 2
    assert merged.duplicates == 1


def test_english_call_log():
    rows = [
        CallRow("+1 202 555 0143", "Missed", "Yesterday"),
        CallRow("Bank", "Outgoing", "9:41 AM", "2 min"),
    ]
    result = read(render_call_log(rows, title="Recents"))
    assert result.layout == CALL
    assert [(r.sender, r.call_type) for r in result.records] == [
        ("+12025550143", CALL_MISSED),
        ("Bank", CALL_OUTGOING),
    ]
    assert result.records[1].occurred_at == at(2025, 6, 12, 9, 41)


def test_unread_badge_beside_the_back_arrow_is_not_the_sender():
    boxes = [
        OcrBox("< 12", (20, 90, 110, 130)),
        OcrBox("招联金融", (470, 180, 610, 210)),
        OcrBox("Text Message • SMS", (380, 300, 700, 330)),
        OcrBox("Today 9:41 AM", (420, 340, 660, 370)),
        OcrBox("请今天还款", (60, 420, 400, 460)),
    ]
    result = parse_screen(boxes, width=1080, height=2340, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "招联金融"
    assert [(r.text, r.occurred_at) for r in result.records] == [
        ("请今天还款", at(2025, 6, 12, 9, 41))
    ]


def test_low_confidence_boxes_are_ignored():
    boxes = [
        OcrBox("95188", (480, 100, 600, 140)),
        OcrBox("请还款", (60, 300, 400, 340), 0.99),
        OcrBox("噪点", (60, 500, 200, 540), 0.2),
    ]
    result = parse_screen(boxes, width=1080, height=1400, taken_on=THURSDAY, tz=TZ)
    assert [r.text for r in result.records] == ["请还款"]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["您的账单已逾期，请", "及时还款。"], "您的账单已逾期，请及时还款。"),
        (["Your loan is overdue,", "pay today."], "Your loan is overdue, pay today."),
        (["请拨打", "95188"], "请拨打95188"),
    ],
)
def test_lines_of_a_bubble_join_by_script(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    "glyphs",
    [
        OcrBox("三口", (869, 20, 995, 57), 0.57),
        OcrBox("令回", (860, 22, 990, 60), 0.95),
        OcrBox("lHDl", (861, 24, 993, 65), 0.77),  # signal bars around the "HD" icon
    ],
)
def test_signal_and_battery_icons_read_as_characters_are_not_the_sender(glyphs):
    boxes = [
        OcrBox("22:15", (40, 25, 137, 64)),
        OcrBox("11.0K/s", (657, 21, 734, 51)),
        glyphs,
        OcrBox("42", (991, 24, 1037, 58)),
        OcrBox("965107", (431, 109, 649, 165)),
        OcrBox("短信", (500, 160, 577, 208)),
        OcrBox("星期三凌晨2:30", (432, 251, 649, 287)),
        OcrBox("【宏达资产】验证码866956，用于还款", (60, 330, 844, 381)),
        OcrBox("确认，5分钟内有效。", (60, 392, 480, 443)),
    ]
    result = parse_screen(boxes, width=1080, height=2343, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "965107"
    assert [r.text for r in result.records] == [
        "【宏达资产】验证码866956，用于还款确认，5分钟内有效。"
    ]


def test_a_header_name_beside_the_clock_is_still_the_sender():
    boxes = [
        OcrBox("22:15", (40, 25, 137, 64)),
        OcrBox("王专员", (431, 22, 600, 70)),
        OcrBox("昨天 23:15", (432, 251, 649, 287)),
        OcrBox("请今天还款。", (60, 330, 400, 381)),
    ]
    result = parse_screen(boxes, width=1080, height=2343, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "王专员"


@pytest.mark.parametrize(
    ("read_as", "sender"),
    [
        ("7 138 5890 9811", "13858909811"),
        ("713858909811", "13858909811"),
        ("7王专员", "王专员"),
        ("L 15535377743", "15535377743"),
        ("7 Mom", "Mom"),  # iPhone's handset, before an English name
        ("1 0371-8127 0418", "037181270418"),  # ...read as a "1" before a landline
        ("v +86 174 0000 7522", "17400007522"),
        ("》何专员", "何专员"),
    ],
)
def test_a_call_arrow_read_into_the_start_of_the_name_is_dropped(read_as, sender):
    rows = [
        CallRow(read_as, "呼出", "昨天 21:05", "1分23秒", "广东深圳"),
        CallRow("95188", "呼入", "星期三 08:00", "20秒"),
        CallRow("17000000999", "未接", "6月9日 22:40", "响铃5声"),
    ]
    result = read(render_call_log(rows))
    assert [r.sender for r in result.records] == [sender, "95188", "17000000999"]


def test_a_small_time_beside_a_bubble_dates_that_bubble():
    boxes = [
        OcrBox("95188", (430, 110, 650, 165)),
        OcrBox("昨天 22:00", (440, 300, 640, 335)),
        OcrBox("请今天还款，否则上门。", (60, 380, 560, 430)),
        OcrBox("22:10", (590, 392, 680, 425)),
        OcrBox("知道了", (760, 480, 1020, 530)),
        OcrBox("22:12", (650, 492, 740, 525)),
        OcrBox("明天下午来拿。", (60, 580, 420, 630)),
        OcrBox("22:30", (450, 592, 540, 625)),
    ]
    result = parse_screen(boxes, width=1080, height=2340, taken_on=THURSDAY, tz=TZ)
    assert [(r.direction, r.text, r.occurred_at) for r in result.records] == [
        ("in", "请今天还款，否则上门。", at(2025, 6, 11, 22, 10)),
        ("out", "知道了", at(2025, 6, 11, 22, 12)),
        ("in", "明天下午来拿。", at(2025, 6, 11, 22, 30)),
    ]


def test_a_call_out_nobody_answered_is_outgoing_not_missed():
    rows = [
        CallRow("138 0013 8000", "未接通", "23:15", "", "广东深圳"),
        CallRow("95188", "未接", "22:00", "响铃5声"),
        CallRow("17000000999", "呼入", "21:00", "2分05秒"),
        CallRow("180 0000 4209", "呼入 未接通", "20:30", "", "安徽合肥"),
    ]
    result = read(render_call_log(rows))
    assert [(r.call_type, r.direction, r.duration_seconds) for r in result.records] == [
        (CALL_OUTGOING, "out", None),
        (CALL_MISSED, "in", None),
        (CALL_INCOMING, "in", 125),
        (CALL_MISSED, "in", None),  # a call in not answered (MIUI)
    ]


def test_the_chevron_after_an_iphone_name_read_apart_does_not_end_the_header():
    boxes = [
        OcrBox("20:59", (103, 27, 222, 71)),
        OcrBox("66", (93, 143, 147, 183)),
        OcrBox("王专员", (539, 232, 681, 288)),
        OcrBox("›", (678, 257, 699, 286)),
        OcrBox("短信/彩信", (520, 600, 700, 640)),
        OcrBox("星期四 下午8:01", (465, 1164, 753, 1218)),
        OcrBox("还不还？给个准话。", (60, 1260, 520, 1310)),
    ]
    result = parse_screen(boxes, width=1220, height=2440, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "王专员"
    assert [r.text for r in result.records] == ["还不还？给个准话。"]


@pytest.mark.parametrize("carrier", ["联通", "移动 5G", "CMCC", "CHN-UNICOM"])
def test_a_carrier_name_in_the_status_bar_is_not_the_sender(carrier):
    boxes = [
        OcrBox("15:05", (40, 25, 137, 64)),
        OcrBox(carrier, (160, 28, 260, 60)),
        OcrBox("85%", (960, 28, 1037, 60)),
        OcrBox("95188", (130, 130, 330, 190)),
        OcrBox("昨天 23:15", (432, 251, 649, 287)),
        OcrBox("请今天还款。", (60, 330, 400, 381)),
    ]
    result = parse_screen(boxes, width=1080, height=2340, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "95188"


def test_a_clock_read_without_its_colon_is_not_the_sender():
    boxes = [
        OcrBox("1505", (40, 25, 130, 64)),
        OcrBox("王专员", (130, 130, 330, 195)),
        OcrBox("171 0000 1111 广东深圳", (130, 200, 560, 235)),
        OcrBox("昨天 23:15", (432, 300, 649, 336)),
        OcrBox("请今天还款。", (60, 380, 400, 431)),
    ]
    result = parse_screen(boxes, width=1080, height=2340, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "王专员"


def test_a_cropped_screenshot_keeps_its_top_line_as_the_sender():
    boxes = [
        OcrBox("王专员", (130, 10, 330, 70)),
        OcrBox("171 0000 1111 广东深圳", (130, 76, 560, 105)),
        OcrBox("昨天 23:15", (432, 200, 649, 236)),
        OcrBox("请今天还款。", (60, 280, 400, 331)),
    ]
    result = parse_screen(boxes, width=1080, height=2340, taken_on=THURSDAY, tz=TZ)
    assert result.sender == "王专员"


# Cases measured on screenshots drawn apart from this project (the burnt set bench/ocr_set3),
# given as the boxes OCR and annotate returned for them.

GREY = (233, 233, 235)
WHITE = (255, 255, 255)
PAGE = (245, 246, 248)
BLUE = (68, 110, 255)


def box(text, rect, *, panel=None, background=PAGE, color=(40, 40, 40), mark=None, lean=0.0):
    return OcrBox(
        text, rect, 1.0, color=color, background=background, panel=panel, mark=mark, mark_lean=lean
    )


def parse(boxes, *, width=1170, height=2532, taken_on=date(2026, 4, 7)):
    return parse_screen(boxes, width=width, height=height, taken_on=taken_on, tz=TZ)


def test_iphone_unread_count_on_a_pill_is_not_taken_for_a_bubble_above_the_name():
    bubble = (33, 939, 835, 1049)
    result = parse(
        [
            box("9:16", (95, 47, 206, 98), panel=(0, 0, 1170, 393)),
            box("79", (95, 196, 146, 237), panel=(80, 189, 165, 244), background=(10, 132, 255)),
            box("106919541925>", (463, 294, 730, 333), panel=(0, 0, 1170, 393)),
            box("昨天下午10:57", (452, 860, 717, 902), color=(150, 150, 150)),
            box("【安信达】请于今日还款。", (80, 968, 700, 1020), panel=bubble, background=GREY),
        ]
    )
    assert result.sender == "106919541925"
    assert [(r.sender, r.text) for r in result.records] == [
        ("106919541925", "【安信达】请于今日还款。")
    ]


def test_a_number_alone_on_the_last_line_stays_in_its_bubble():
    # A line of digits has a shorter box than a line of Chinese: the gap above it looks wider.
    bubble = (42, 1914, 615, 2113)
    result = parse(
        [
            box("融易贷", (126, 150, 283, 209)),
            box("今天16:52", (449, 1825, 637, 1871), color=(150, 150, 150)),
            box("在吗？看到回个电话", (77, 1946, 578, 2000), panel=bubble, background=WHITE),
            box("17604389778", (80, 2029, 417, 2073), panel=bubble, background=WHITE),
        ],
        width=1080,
        height=2400,
        taken_on=date(2026, 8, 18),
    )
    assert [r.text for r in result.records] == ["在吗？看到回个电话17604389778"]


def test_a_centred_time_label_as_large_as_the_messages_still_dates_them():
    out = (343, 960, 1036, 1140)
    result = parse(
        [
            box("老婆", (486, 160, 594, 221)),
            box("星期—11:46", (439, 883, 642, 922), color=(163, 163, 163)),
            box("他们再打来你就直接挂，别告诉", (381, 1000, 997, 1046), panel=out, background=BLUE),
            box("他们任何信息。", (381, 1061, 663, 1109), panel=out, background=BLUE),
            box("你别瞒着我们，有困难跟家里说，", (84, 1249, 712, 1295)),
            box("能帮的一定帮。", (83, 1311, 362, 1359)),
        ],
        width=1080,
        height=2400,
        taken_on=date(2025, 7, 31),
    )
    assert [(r.occurred_at, r.text) for r in result.records] == [
        (at(2025, 7, 28, 11, 46), "他们再打来你就直接挂，别告诉他们任何信息。"),
        (at(2025, 7, 28, 11, 46), "你别瞒着我们，有困难跟家里说，能帮的一定帮。"),
    ]


def test_a_bubble_with_its_own_time_but_no_day_above_has_no_known_time():
    first, second = (42, 500, 800, 620), (42, 900, 800, 1020)
    boxes = [
        box("10690000555", (126, 150, 500, 209)),
        box("您的账单已逾期，请及时还款。", (80, 530, 760, 590), panel=first, background=WHITE),
        box("12:42", (45, 640, 133, 680), color=(150, 150, 150)),  # its own time, no day
        box("昨天", (500, 800, 580, 840), color=(150, 150, 150)),
        box("今日不还款将上门核实。", (80, 930, 700, 990), panel=second, background=WHITE),
        box("09:15", (45, 1040, 133, 1080), color=(150, 150, 150)),
    ]
    result = parse(boxes, width=1080, height=2400, taken_on=date(2026, 1, 15))
    dayless, dated = result.records
    assert dayless.occurred_at is None
    assert (
        dayless.estimate is not None and dayless.estimate.time() == datetime(1, 1, 1, 12, 42).time()
    )
    assert dated.occurred_at == at(2026, 1, 14, 9, 15)
    # Joined with the rest of the upload, the guess stands in, marked for the borrower to check.
    merged = merge_screens([result], taken_on=date(2026, 1, 15), tz=TZ)
    assert merged.records[0].occurred_at == dayless.estimate
    assert merged.records[0].note == "time_estimated"


def test_the_input_bar_placeholder_and_an_icon_read_as_kana_are_not_messages():
    bubble = (42, 600, 900, 720)
    result = parse(
        [
            box("075567523263", (126, 150, 500, 209)),
            box("昨天 09:12", (449, 500, 637, 540), color=(150, 150, 150)),
            box("请今天之内回电。", (80, 630, 600, 690), panel=bubble, background=WHITE),
            box("の", (60, 1980, 110, 2030)),  # WeChat's voice button, beside the input field
            box("输入短信内容", (150, 1980, 500, 2030), panel=(130, 1950, 900, 2060)),
        ],
        width=1080,
        height=2400,
    )
    assert [r.text for r in result.records] == ["请今天之内回电。"]


RED = (232, 78, 75)
MUTED = (150, 150, 150)


def huawei_call_rows(marks):
    """Rows of a Huawei call log: (name, time, place line, red?, mark box, mark lean, arrow read)."""
    boxes = [box("电话", (50, 142, 216, 238), color=(29, 29, 29))]
    for n, (name, red, lean, arrow_read) in enumerate(marks):
        top = 420 + n * 180
        mark = (58, top + 50, 91, top + 83) if lean else None
        boxes.append(
            box(
                name,
                (121, top, 470, top + 50),
                color=RED if red else (46, 46, 47),
                mark=mark,
                lean=lean,
            )
        )
        boxes.append(box(f"10月2{n}日17:40", (688, top + 35, 942, top + 75), color=MUTED))
        boxes.append(
            box("上海34秒" if not red else "上海", (119, top + 68, 294, top + 110), color=MUTED)
        )
        if arrow_read:
            boxes.append(box("7", (65, top + 42, 92, top + 70), color=(0, 125, 255)))
    return boxes


def test_huawei_call_arrow_read_as_a_seven_marks_a_call_out():
    boxes = huawei_call_rows(
        [
            ("400-660-9128", False, 0.0, True),
            ("0731-5376 2428", False, 0.0, False),
            ("15895016898", True, 0.0, False),
        ]
    )
    result = parse(boxes, width=1080, height=2340, taken_on=date(2026, 11, 3))
    assert result.layout == CALL
    assert [r.call_type for r in result.records] == [CALL_OUTGOING, CALL_INCOMING, CALL_MISSED]


def test_huawei_arrows_on_every_answered_call_say_in_or_out_by_their_lean():
    # Missed calls are red with no arrow; every other row has ↙ (in) or ↗ (out).
    boxes = huawei_call_rows(
        [
            ("张律师", False, -0.27, False),
            ("18713581110", False, 0.25, False),
            ("17179518797", False, -0.27, False),
            ("+86 13917520772", True, 0.0, False),
        ]
    )
    result = parse(boxes, width=1080, height=2340, taken_on=date(2026, 11, 3))
    assert [r.call_type for r in result.records] == [
        CALL_INCOMING,
        CALL_OUTGOING,
        CALL_INCOMING,
        CALL_MISSED,
    ]


def test_status_bar_icons_read_as_characters_are_not_the_sender():
    bubble = (151, 381, 849, 626)
    result = parse(
        [
            box("三口92", (749, 29, 1012, 68)),  # signal bars, battery and its level
            box("21:14", (47, 33, 144, 71)),
            box("王专员", (466, 145, 611, 203)),
            box("星期六16:19", (445, 290, 639, 329), color=MUTED),
            box("郑女士，别逼我们走下一步。", (194, 408, 784, 461), panel=bubble, background=WHITE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 1, 5),
    )
    assert result.sender == "王专员"


def test_a_clear_arrow_says_in_or_out_even_when_other_rows_have_none():
    # vivo draws the arrow on some rows only; iPhone's handset (lean about -0.1) stays a mark.
    boxes = huawei_call_rows(
        [
            ("妈妈", False, -0.30, False),
            ("19687727129", False, 0.0, False),
            ("025-5913 5751", False, 0.0, False),
            ("185 9602 8316", False, 0.0, False),
        ]
    )
    result = parse(boxes, width=1080, height=2340, taken_on=date(2026, 11, 3))
    assert result.records[0].call_type == CALL_INCOMING


def test_the_own_time_of_a_bubble_ocr_missed_does_not_move_the_next_one_to_today():
    incoming, mine = (40, 1031, 729, 1223), (924, 1506, 1041, 1624)
    result = parse(
        [
            box("106914265807", (126, 150, 500, 209)),
            box("5月31日", (470, 960, 610, 1000), color=MUTED),
            box("你以为换个号码就找不到你了？", (70, 1060, 700, 1110), panel=incoming),
            box("13:24 卡2", (45, 1235, 200, 1270), color=MUTED),
            box("13:36 已送达", (830, 1440, 1035, 1475), color=MUTED),  # its "？" was not read
            box("哦", (952, 1536, 1015, 1602), panel=mine, background=BLUE),
            box("14:01", (930, 1636, 1035, 1670), color=MUTED),
        ],
        width=1080,
        height=2400,
        taken_on=date(2026, 8, 21),
    )
    assert [(r.text, r.occurred_at) for r in result.records] == [
        ("你以为换个号码就找不到你了？", at(2026, 5, 31, 13, 24)),
        ("哦", at(2026, 5, 31, 14, 1)),
    ]


def test_a_small_time_in_a_bubbles_corner_is_its_own_time_not_its_text():
    """Honor draws each message's time inside its bubble, small, in the lower right corner."""
    out, first, second = (713, 477, 1045, 572), (36, 602, 799, 791), (36, 821, 777, 1102)
    result = parse(
        [
            box("95380", (116, 154, 292, 208)),
            box("昨天", (505, 396, 576, 436), color=(150, 150, 150)),
            box("明天还", (736, 502, 882, 553), panel=out, background=BLUE),
            box("上午10:28", (889, 513, 1023, 550), panel=out, background=BLUE),
            box(
                "点击https://umh.cn/h5/repay?id=",
                (67, 630, 774, 678),
                panel=first,
                background=WHITE,
            ),
            box(
                "hTJFBbav查看还款详情，退订回T", (61, 691, 755, 736), panel=first, background=WHITE
            ),
            box("上午10:29", (645, 743, 775, 778), panel=first, background=WHITE),
            box(
                "请将款项转入指定还款账户：鼎泰",
                (60, 846, 751, 896),
                panel=second,
                background=WHITE,
            ),
            box(
                "银行6230 **** **** 7141，户名宁",
                (57, 898, 749, 961),
                panel=second,
                background=WHITE,
            ),
            box(
                "波恒融商务咨询有限公司，转账后",
                (64, 974, 749, 1017),
                panel=second,
                background=WHITE,
            ),
            box("截图回复。", (60, 1032, 267, 1084), panel=second, background=WHITE),
            box("下午2:49", (638, 1041, 756, 1082), panel=second, background=WHITE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 1, 10),
    )
    assert [(r.direction, r.occurred_at, r.text) for r in result.records] == [
        ("out", at(2026, 1, 9, 10, 28), "明天还"),
        (
            "in",
            at(2026, 1, 9, 10, 29),
            "点击https://umh.cn/h5/repay?id=hTJFBbav查看还款详情，退订回T",
        ),
        (
            "in",
            at(2026, 1, 9, 14, 49),
            "请将款项转入指定还款账户：鼎泰银行6230 **** **** 7141，户名宁波恒融商务咨询有限公司，"
            "转账后截图回复。",
        ),
    ]


def test_an_own_time_as_large_as_the_messages_under_its_bubble_dates_it():
    first, second = (36, 676, 445, 770), (36, 851, 790, 1067)
    result = parse(
        [
            box("+86 138 4712 4956", (119, 147, 601, 191)),
            box("2月20日", (470, 560, 610, 600), color=(150, 150, 150)),
            box("为什么不回信息？", (61, 699, 397, 748), panel=first, background=WHITE),
            box("11:10", (39, 775, 180, 821), color=(150, 150, 150)),
            box(
                "【速易贷】您的账户已逾期，登录",
                (86, 875, 735, 924),
                panel=second,
                background=WHITE,
            ),
            box(
                "https://xrh.cn/r/zVRhuCP查看处理",
                (59, 936, 767, 988),
                panel=second,
                background=WHITE,
            ),
            box("方案，或致电95377。", (60, 1000, 470, 1045), panel=second, background=WHITE),
            box("11:47", (39, 1070, 180, 1120), color=(150, 150, 150)),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 2, 23),
    )
    assert [(r.occurred_at, r.text) for r in result.records] == [
        (at(2026, 2, 20, 11, 10), "为什么不回信息？"),
        (
            at(2026, 2, 20, 11, 47),
            "【速易贷】您的账户已逾期，登录https://xrh.cn/r/zVRhuCP查看处理方案，或致电95377。",
        ),
    ]


def test_a_delivery_note_with_a_time_dates_its_message_where_each_message_has_its_time():
    """Honor writes "已送达10:20" under a message it prints each message's time for; on an
    iPhone "已读 10:20" is when it was read, and the label above dates the message."""
    first, second = (42, 448, 761, 593), (614, 653, 1039, 741)
    own_time_screen = [
        box("95257", (116, 156, 262, 206)),
        box("2025年12月16日", (439, 383, 638, 415), color=(150, 150, 150)),
        box("马俊杰，请正面回复，今天到底还不", (67, 474, 738, 517), panel=first, background=WHITE),
        box("还？", (57, 523, 136, 578), panel=first, background=WHITE),
        box("10:14", (45, 600, 113, 630), color=(150, 150, 150)),
        box("在想办法了，别催了", (637, 676, 1007, 719), panel=second, background=BLUE),
        box("已送达10:20", (891, 750, 1036, 778), color=(150, 150, 150)),
    ]
    result = parse(own_time_screen, width=1080, height=2340, taken_on=date(2026, 1, 5))
    assert [(r.occurred_at, r.text) for r in result.records] == [
        (at(2025, 12, 16, 10, 14), "马俊杰，请正面回复，今天到底还不还？"),
        (at(2025, 12, 16, 10, 20), "在想办法了，别催了"),
    ]
    iphone = [
        b if b.text != "10:14" else box("10:14", (530, 383, 600, 415), color=(150, 150, 150))
        for b in own_time_screen
        if b.text != "2025年12月16日"
    ]
    iphone[-1] = box("已读 10:20", (891, 750, 1036, 778), color=(150, 150, 150))
    result = parse(iphone, width=1080, height=2340, taken_on=date(2026, 1, 5))
    assert [r.occurred_at for r in result.records] == [at(2026, 1, 5, 10, 14)] * 2


def test_a_short_message_read_together_with_its_own_time_is_split_from_it():
    incoming, short = (42, 1600, 780, 1700), (821, 1711, 1037, 1797)
    result = parse(
        [
            box("400客服", (116, 156, 262, 206)),
            box("5月1日", (470, 1500, 610, 1540), color=(150, 150, 150)),
            box(
                "请今天处理，否则明天上门", (67, 1620, 700, 1680), panel=incoming, background=WHITE
            ),
            box("17:20", (45, 1705, 130, 1735), color=(150, 150, 150)),
            box("好的17:25", (836, 1729, 1025, 1783), panel=short, background=BLUE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 5, 3),
    )
    assert [(r.occurred_at, r.text) for r in result.records] == [
        (at(2026, 5, 1, 17, 20), "请今天处理，否则明天上门"),
        (at(2026, 5, 1, 17, 25), "好的"),
    ]


def test_the_calls_on_a_contacts_own_page_are_each_a_call_from_that_number():
    """Huawei and Honor list one number's calls under it; each row starts with its kind."""
    red, grey = (230, 60, 50), (150, 150, 150)
    result = parse(
        [
            box("17749154591", (347, 429, 734, 481)),
            box("四川成都移动", (438, 497, 642, 537), color=grey),
            box("信息", (143, 684, 216, 729)),
            box("呼叫", (503, 684, 577, 729)),
            box("视频通话", (836, 687, 965, 728)),
            box("通话记录", (51, 754, 195, 800), color=grey),
            box("未接来电", (53, 874, 204, 921), color=red),
            box("12:47", (283, 878, 381, 917), color=grey),
            box("响铃2声", (891, 872, 1027, 921), color=grey),
            box("呼入", (50, 1152, 134, 1202)),
            box("昨天11:07", (283, 1156, 459, 1198), color=grey),
            box("16秒", (941, 1152, 1029, 1201), color=grey),
            box("呼出", (50, 1572, 133, 1622)),
            box("2025/12/31 17:58", (284, 1577, 574, 1617), color=grey),
            box("1分48秒", (888, 1573, 1028, 1620), color=grey),
        ],
        width=1080,
        height=2400,
        taken_on=date(2026, 1, 10),
    )
    assert result.layout == CALL
    assert [(r.sender, r.call_type, r.occurred_at, r.duration_seconds) for r in result.records] == [
        ("17749154591", CALL_MISSED, at(2026, 1, 10, 12, 47), None),
        ("17749154591", CALL_INCOMING, at(2026, 1, 9, 11, 7), 16),
        ("17749154591", CALL_OUTGOING, at(2025, 12, 31, 17, 58), 108),
    ]


def test_a_call_log_whose_rows_say_only_the_kind_under_each_name_keeps_the_names():
    grey = (150, 150, 150)
    result = parse(
        [
            box("通话", (60, 200, 200, 260)),
            box("138 0000 1111", (60, 400, 500, 450)),
            box("呼出", (60, 460, 140, 495), color=grey),
            box("10:05", (900, 420, 1010, 460), color=grey),
            box("催收王经理", (60, 560, 400, 610)),
            box("未接", (60, 620, 140, 655), color=grey),
            box("09:12", (900, 580, 1010, 620), color=grey),
            box("0571-8888 0000", (60, 720, 520, 770)),
            box("呼入", (60, 780, 140, 815), color=grey),
            box("昨天", (900, 740, 1010, 780), color=grey),
        ],
        width=1080,
        height=2400,
        taken_on=date(2026, 1, 10),
    )
    assert [(r.sender, r.call_type) for r in result.records] == [
        ("13800001111", CALL_OUTGOING),
        ("催收王经理", CALL_MISSED),
        ("057188880000", CALL_INCOMING),
    ]


@pytest.mark.parametrize(
    ("read_as", "panel", "drawn"),
    [
        ("?", (950, 1992, 1040, 2080), "?"),  # as much room before the mark as after it
        ("？", (950, 1992, 1040, 2080), "?"),
        ("?", (950, 1992, 1063, 2080), "？"),  # half a character more after it: full-width
        ("？", (950, 1992, 1063, 2080), "？"),
    ],
)
def test_a_lone_question_mark_is_full_width_or_not_as_its_bubble_shows(read_as, panel, drawn):
    result = parse(
        [
            box("13338976227", (366, 158, 715, 205)),
            box("星期三", (487, 1489, 592, 1532), color=(150, 150, 150)),
            box("在吗？今天能还多少？", (66, 1587, 464, 1631), panel=(42, 1562, 509, 1650)),
            box(read_as, (971, 2013, 1019, 2060), panel=panel, background=BLUE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 9, 4),
    )
    assert [r.text for r in result.records] == ["在吗？今天能还多少？", drawn]


def test_a_bubble_with_loosely_spaced_lines_stays_one_message():
    bubble = (45, 777, 790, 1186)
    result = parse(
        [
            box("13800001547", (139, 150, 500, 200)),
            box("昨天 23:24", (449, 700, 637, 740), color=MUTED),
            box("您的APP账户ID:60403661", (83, 803, 753, 861), panel=bubble, background=WHITE),
            box("已冻结，VIP额度9,592.25", (87, 903, 739, 958), panel=bubble, background=WHITE),
            box("元已取消，请尽快还款恢", (83, 1000, 717, 1054), panel=bubble, background=WHITE),
            box("复。同意请回复OK。", (81, 1093, 588, 1153), panel=bubble, background=WHITE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 4, 1),
    )
    assert [r.text for r in result.records] == [
        "您的APP账户ID:60403661已冻结，VIP额度9,592.25元已取消，请尽快还款恢复。同意请回复OK。"
    ]


@pytest.mark.parametrize("place_left", [201, 262], ids=["inside its box", "left of its box"])
def test_a_handset_before_the_line_under_an_iphone_name_marks_an_outgoing_call(place_left):
    """Some iPhone versions draw the outgoing handset before the place line: inside its box,
    or left of it, under the start of the name, where the detector started the box after
    it. The rows without it are calls in. (Set 7 read them all as incoming.)"""
    boxes = [box("最近通话", (47, 354, 458, 459), color=(20, 20, 20))]
    rows = [("18900004869", False), ("028-8354 2018", True), ("13300005954", False)]
    for n, (name, handset) in enumerate(rows):
        top = 527 + n * 160
        boxes.append(box(name, (204, top, 560, top + 47), color=(20, 20, 20)))
        boxes.append(box("下午12:17", (871, top + 25, 1040, top + 73), color=MUTED))
        mark = (204, top + 66, 235, top + 97) if handset else None
        left = place_left if handset else 201
        boxes.append(
            box("四川成都", (left, top + 58, 407, top + 106), color=MUTED, mark=mark, lean=0.07)
        )
    result = parse(boxes, taken_on=date(2026, 8, 18))
    assert [(r.sender, r.call_type) for r in result.records] == [
        ("18900004869", CALL_INCOMING),
        ("02883542018", CALL_OUTGOING),
        ("13300005954", CALL_INCOMING),
    ]


@pytest.mark.parametrize("arrow", [">", "≥", "》", "→"])
def test_an_arrow_read_as_the_first_character_under_a_vivo_name_marks_an_outgoing_call(arrow):
    boxes = [box("通话记录", (47, 150, 360, 240), color=(20, 20, 20))]
    rows = [("催收王专员", f"{arrow}手机 3秒"), ("18400005448", "被86人标记 安徽合肥 2分10秒")]
    for n, (name, under) in enumerate(rows):
        top = 932 + n * 140
        boxes.append(box(name, (48, top, 287, top + 49), color=(20, 20, 20)))
        boxes.append(box("昨天 17:36", (873, top + 26, 1037, top + 67), color=MUTED))
        boxes.append(box(under, (45, top + 52, 460, top + 90), color=MUTED))
    result = parse(boxes, taken_on=date(2026, 7, 3))
    assert [(r.sender, r.call_type) for r in result.records] == [
        ("催收王专员", CALL_OUTGOING),
        ("18400005448", CALL_INCOMING),
    ]


def _call(sender, call_type, *, estimate=None, note=""):
    return ScreenRecord(
        kind=CALL,
        sender=sender,
        direction="in",
        text="",
        occurred_at=None,
        call_type=call_type,
        estimate=estimate,
        region=(0, 0, 1, 1),
        note=note or ("" if estimate else NOTE_TIME_ESTIMATED),
    )


def test_alike_calls_on_one_call_log_screenshot_are_each_a_call():
    """iPhone shows calls before today by their day alone: two missed calls from one number
    yesterday are two rows alike, and two calls, not one seen twice."""
    yesterday = at(2025, 6, 11, 12, 0)
    rows = [_call("95725", CALL_MISSED, estimate=yesterday, note=NOTE_DATE_ONLY)] * 2
    screen = ScreenRead(layout=CALL, sender="", records=rows)
    merged = merge_screens([screen], taken_on=THURSDAY, tz=TZ)
    assert len(merged.records) == 2
    assert merged.duplicates == 0
    assert {(r.occurred_at, r.note) for r in merged.records} == {(yesterday, NOTE_DATE_ONLY)}


def test_a_call_log_row_repeats_an_earlier_screenshot_only_as_often_as_it_was_shown():
    yesterday = at(2025, 6, 11, 12, 0)
    row = _call("95725", CALL_MISSED, estimate=yesterday, note=NOTE_DATE_ONLY)
    first = ScreenRead(layout=CALL, sender="", records=[row])
    second = ScreenRead(layout=CALL, sender="", records=[row, row])
    merged = merge_screens([first, second], taken_on=THURSDAY, tz=TZ)
    assert len(merged.records) == 2
    assert merged.duplicates == 1


def test_a_call_with_no_time_shown_is_placed_on_the_day_taken_as_a_guess():
    row = _call("95725", CALL_MISSED)
    merged = merge_screens(
        [ScreenRead(layout=CALL, sender="", records=[row])], taken_on=THURSDAY, tz=TZ
    )
    (record,) = merged.records
    assert (record.occurred_at, record.note) == (at(2025, 6, 12, 12, 0), NOTE_TIME_ESTIMATED)


def test_the_grey_line_under_each_red_name_is_not_a_call_where_every_call_was_missed():
    """An iPhone log of missed calls only: every name is red, and the grey place line under
    it is about as strong as the red; it is the line under the name, not a call of its own."""
    boxes = [box("最近通话", (66, 366, 478, 472), color=(28, 28, 28), background=WHITE)]
    rows = [("95863 (3)", "下午2:53", "未知"), ("郭主任调解", "上午11:24", "手机")]
    rows += [("+86 17600005798", "星期六", "江苏南京"), ("13600005166", "星期六", "未知")]
    for n, (name, label, place) in enumerate(rows):
        top = 697 + n * 212
        boxes.append(box(name, (134, top, 600, top + 60), color=(255, 71, 61), background=WHITE))
        grey = (148, 148, 148)  # as measured: the red's contrast is barely stronger
        boxes.append(box(label, (917, top + 20, 1115, top + 74), color=grey, background=WHITE))
        boxes.append(box(place, (136, top + 88, 318, top + 142), color=grey, background=WHITE))
    result = parse(boxes, taken_on=date(2026, 1, 5))
    assert [(r.sender, r.call_type) for r in result.records] == [
        ("95863", CALL_MISSED),
        ("郭主任调解", CALL_MISSED),
        ("17600005798", CALL_MISSED),
        ("13600005166", CALL_MISSED),
    ]


def test_handsets_on_every_answered_row_mark_calls_out_not_arrows_without_a_direction():
    """A screen of calls out and missed calls only: every answered row has iPhone's handset.
    Unlike arrows, a handset does not lean; each still marks a call out."""
    dark = (0, 0, 0)
    boxes = [box("Recents", (66, 360, 473, 470), color=(240, 240, 240), background=dark)]
    rows = [
        ("+86 133 0000 7570", (238, 55, 44), False),
        ("+86 15500006918", (220, 220, 220), True),
        ("166 0000 4700", (238, 55, 44), False),
        ("19800001577 (4)", (219, 219, 219), True),
    ]
    for n, (name, color, handset) in enumerate(rows):
        top = 649 + n * 196
        mark = (66, top + 3, 98, top + 35) if handset else None
        boxes.append(box(name, (129, top, 584, top + 47), color=color, background=dark, mark=mark))
        boxes.append(box("19:36", (911, top + 13, 1014, top + 54), color=MUTED, background=dark))
        boxes.append(box("mobile", (127, top + 78, 421, top + 123), color=MUTED, background=dark))
    result = parse(boxes, taken_on=date(2026, 7, 27))
    assert [r.call_type for r in result.records] == [
        CALL_MISSED,
        CALL_OUTGOING,
        CALL_MISSED,
        CALL_OUTGOING,
    ]


def test_a_time_drawn_tight_under_its_bubble_dates_that_bubble():
    """Huawei's own time under a bubble: OCR's box for it can start a pixel inside the
    bubble. Each bubble takes its own time, not only the last one before the next date."""
    first, second = (43, 306, 732, 528), (43, 598, 748, 820)
    boxes = [
        box("95223", (104, 127, 253, 179), background=WHITE),
        box("7月28日", (487, 258, 590, 297), color=MUTED, background=WHITE),
        box("今天下午之前不还款，我们就联系", (75, 336, 701, 379), panel=first, background=GREY),
        box("你单位和通讯录里所有人。", (73, 397, 698, 440), panel=first, background=GREY),
        box("12:16", (47, 527, 119, 561), color=MUTED, background=WHITE),
        box("您在蓝鲸易贷的借款已严重逾期，", (74, 626, 717, 672), panel=second, background=GREY),
        box("今天必须处理，否则", (73, 688, 677, 731), panel=second, background=GREY),
        box("我们将安排人员上门核实。", (74, 750, 548, 793), panel=second, background=GREY),
        box("12:17", (47, 819, 118, 853), color=MUTED, background=WHITE),
    ]
    result = parse(boxes, width=1080, height=2340, taken_on=date(2026, 8, 4))
    assert [r.occurred_at for r in result.records] == [
        datetime(2026, 7, 28, 12, 16, tzinfo=TZ),
        datetime(2026, 7, 28, 12, 17, tzinfo=TZ),
    ]


def test_a_wide_grey_bubble_pushed_right_by_an_avatar_is_incoming():
    """A group's incoming bubble can reach nearer the right edge than the left one (an avatar
    and a nickname push it right): its grey says it is theirs; a green one is the borrower's."""
    dark, green = (44, 44, 44), (87, 190, 106)
    theirs = (176, 560, 965, 830)
    mine = (176, 900, 965, 1000)
    result = parse(
        [
            box("债务沟通(11)", (400, 125, 678, 185)),
            box("8月10日下午1:44", (400, 277, 678, 318), color=(140, 140, 140)),
            box("财务(核账)", (176, 511, 344, 556), color=(140, 140, 140)),
            box(
                "还款账户：6222****7879，户名安合",
                (218, 588, 890, 657),
                panel=theirs,
                background=dark,
            ),
            box("信息咨询，今天必须到账。", (223, 680, 900, 735), panel=theirs, background=dark),
            box(
                "这个月发工资就还，先别打了好吗", (218, 920, 900, 975), panel=mine, background=green
            ),
        ],
        width=1080,
        height=2340,
        taken_on=date(2025, 8, 24),
    )
    assert [(r.direction, r.sender) for r in result.records] == [
        ("in", "财务(核账)"),
        ("out", "债务沟通"),
    ]


def test_a_groups_first_nickname_under_the_title_is_not_the_header():
    """The first nickname of a group chat can sit as close under the title as a number does
    under a contact's name; it lies out at the left, by its avatar, not under the title."""
    bubble = (176, 340, 1050, 560)
    result = parse(
        [
            box("逾期协商群(8)", (438, 138, 777, 209)),
            box("法务 陈", (194, 281, 304, 324), color=(140, 140, 140)),
            box(
                "李女士，您在易借宝的借款已严重",
                (235, 358, 1039, 407),
                panel=bubble,
                background=WHITE,
            ),
            box("逾期，今天必须处理。", (236, 425, 700, 477), panel=bubble, background=WHITE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2025, 10, 16),
    )
    assert result.sender == "逾期协商群"
    assert [r.sender for r in result.records] == ["法务陈"]


def test_the_number_under_a_contacts_name_is_still_the_header():
    bubble = (60, 400, 800, 520)
    result = parse(
        [
            box("催收 王专员", (420, 130, 660, 190)),
            box("138 0000 4521", (430, 205, 650, 245), color=(140, 140, 140)),
            box("今天 10:30", (470, 330, 610, 370), color=(140, 140, 140)),
            box("你好，请今天处理欠款。", (90, 430, 600, 490), panel=bubble, background=GREY),
        ],
        width=1080,
        height=2340,
    )
    assert result.sender == "催收王专员"
    assert [r.text for r in result.records] == ["你好，请今天处理欠款。"]


def _honor_call_rows(top: int = 0):
    """A short (cropped) Honor call log: answered calls only, each with its SIM card and place
    under the number, and no call words or red names."""
    rows = [
        ("400-820-2637", "14:30", "卡1 北京 联通"),
        ("+86 176 0000 3638", "13:00", "》卡1 福建厦门 电信"),
        ("010-8210 2899", "12:00", "卡2 江苏南京 移动"),
    ]
    boxes = [
        box("15:36", (56, 36, 161, 78)),
        box("5G ..l", (786, 37, 891, 75)),
        box("通话", (480, 153, 600, 215)),
    ]
    for n, (number, time, place) in enumerate(rows):
        y = top + 443 + 170 * n
        boxes += [
            box(number, (81, y, 420, y + 43)),
            box(time, (837, y + 26, 934, y + 63), color=(150, 150, 150)),
            box(place, (82, y + 56, 400, y + 98), color=(150, 150, 150)),
        ]
    return boxes


def test_a_call_log_told_by_sim_cards_and_places_under_its_numbers():
    result = parse(_honor_call_rows(), width=1080, height=1144, taken_on=date(2026, 4, 3))
    assert result.layout == CALL
    assert [r.sender for r in result.records] == ["4008202637", "17600003638", "01082102899"]


def test_a_messages_own_time_with_its_sim_card_is_no_call_log_sign():
    bubble = (40, 300, 800, 420)
    result = parse(
        [
            box("95511", (480, 153, 600, 215)),
            box("您的账单已逾期，请尽快还款。", (80, 330, 700, 390), panel=bubble, background=GREY),
            box("卡1 10:23", (60, 430, 230, 465), color=(150, 150, 150)),
            box("卡2 10:25", (60, 630, 230, 665), color=(150, 150, 150)),
            box("卡1 10:31", (60, 830, 230, 865), color=(150, 150, 150)),
        ],
        width=1080,
        height=2340,
    )
    assert result.layout != CALL


def test_the_status_bar_of_a_screenshot_cropped_short_is_not_a_row():
    """On a picture 1,144 pixels tall the clock's line ends below 6% of its height."""
    result = parse(_honor_call_rows(), width=1080, height=1144, taken_on=date(2026, 4, 3))
    assert all(r.sender != "15:36" for r in result.records)
    assert len(result.records) == 3


def test_a_sim_cards_box_before_the_line_under_a_name_is_no_handset():
    """OCR reads a boxed SIM number into the line under the name ("①浙江杭州 移动"); the box
    it found there as a mark leans neither way, like an iPhone's handset before a call out."""
    result = parse(
        [
            box("电话", (57, 176, 231, 276)),
            box("赵调解员", (54, 505, 265, 564)),
            box("10:44", (847, 541, 945, 581), color=(150, 150, 150)),
            box(
                "①浙江杭州 移动",
                (55, 574, 387, 623),
                color=(150, 150, 150),
                mark=(56, 577, 90, 617),
                lean=-0.01,
            ),
            box("催收 王专员", (54, 705, 330, 760)),
            box("09:12", (847, 735, 945, 775), color=(150, 150, 150)),
            box(
                "浙江杭州 移动",
                (153, 774, 387, 815),
                color=(150, 150, 150),
                mark=(113, 780, 140, 807),
                lean=0.15,
            ),
        ],
        width=1080,
        height=2400,
        taken_on=date(2026, 1, 21),
    )
    assert [(r.sender, r.call_type) for r in result.records] == [
        ("赵调解员", CALL_INCOMING),
        ("催收王专员", CALL_OUTGOING),
    ]


def test_the_title_of_a_screenshot_cropped_short_is_still_the_sender():
    """On a picture 1,353 pixels tall the iPhone's title, under its avatar, lies below a
    quarter of the picture's height; the header is measured on a whole screen."""
    bubble = (40, 600, 900, 860)
    result = parse(
        [
            box("12:33", (94, 67, 230, 116)),
            box("400-849-7636", (472, 331, 701, 364)),
            box("1月3日周六 20:36", (437, 518, 736, 556), color=(140, 140, 140)),
            box("我们已经联系了您的紧急联系人", (80, 630, 802, 682), panel=bubble, background=GREY),
            box("（配偶），请尽快回复。", (80, 704, 600, 756), panel=bubble, background=GREY),
        ],
        width=1170,
        height=1353,
        taken_on=date(2026, 1, 12),
    )
    assert result.sender == "4008497636"
    assert [r.sender for r in result.records] == ["4008497636"]


def test_a_latin_nickname_as_large_as_the_messages_names_the_bubble_right_under_it():
    """ "Amy_贷后" measures nearly the messages' size; it sits on the bubble's top edge, at
    its left, where no message's line does."""
    first, second = (159, 806, 895, 960), (159, 1451, 902, 1560)
    dark = (44, 44, 44)
    result = parse(
        [
            box("周*宇还款协商群(12)", (314, 143, 762, 201), panel=(0, 0, 1080, 230)),
            box("4月12日上午11:23", (400, 700, 680, 737), color=(140, 140, 140)),
            box("Amy_贷后", (173, 762, 334, 807), color=(160, 160, 160)),
            box("亲，今天是最后还款日，请登录", (206, 846, 806, 890), panel=first, background=dark),
            box("APP还款。", (203, 904, 395, 948), panel=first, background=dark),
            box("小周@橙信", (175, 1405, 352, 1454), color=(160, 160, 160)),
            box("在吗？今天必须处理。", (201, 1487, 611, 1540), panel=second, background=dark),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 4, 24),
    )
    assert [(r.sender, r.text) for r in result.records] == [
        ("Amy_贷后", "亲，今天是最后还款日，请登录APP还款。"),
        ("小周@橙信", "在吗？今天必须处理。"),
    ]


def test_a_bubbles_wrapped_line_that_starts_like_a_search_box_is_the_messages():
    bubble = (159, 806, 895, 1111)
    result = parse(
        [
            box("95588", (440, 140, 640, 200), panel=(0, 0, 1080, 230)),
            box("今天 11:23", (470, 700, 610, 737), color=(140, 140, 140)),
            box("亲，今天是最后还款日，APP内", (206, 846, 840, 890), panel=bubble, background=GREY),
            box(
                "搜索“青禾分期”或登录 https:/", (200, 904, 862, 963), panel=bubble, background=GREY
            ),
            box("/htkj.net.cn/r/7u2f 即可还", (204, 973, 812, 1026), panel=bubble, background=GREY),
            box("款。", (203, 1041, 300, 1086), panel=bubble, background=GREY),
            box("搜索", (100, 2200, 300, 2260), panel=(40, 2180, 1040, 2280), background=GREY),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 4, 24),
    )
    assert [r.text for r in result.records] == [
        "亲，今天是最后还款日，APP内搜索“青禾分期”或登录 https://htkj.net.cn/r/7u2f 即可还款。"
    ]


def _iphone_recents(first_name: list[OcrBox], *, mark=None) -> ScreenRead:
    """An iPhone call log whose first row's name is `first_name` (one box or more)."""
    grey = (150, 150, 155)
    return parse(
        [
            box("最近通话", (49, 325, 443, 428)),
            *first_name,
            box("08:11", (914, 705, 1033, 752), color=grey),
            box("手机", (102, 734, 206, 791), color=grey),
            box("催收王专员", (105, 858, 424, 904), color=(43, 43, 44)),
            box("08:08", (914, 886, 1033, 933), color=grey),
            box("手机", (102, 913, 202, 971), color=grey),
            box("400-880-4593", (105, 1033, 424, 1091), color=(43, 43, 44)),
            box("07:23", (914, 1065, 1033, 1112), color=grey),
            box("未知", (102, 1095, 202, 1150), color=grey),
        ],
        width=1170,
        height=2532,
        taken_on=date(2026, 3, 11),
    )


def test_a_call_name_the_detector_cut_before_its_bracket_is_one_name():
    ink = (52, 52, 53)
    result = _iphone_recents(
        [
            box("何专员", (105, 671, 267, 732), color=ink),
            box("（融鼎e贷）(5)", (285, 672, 625, 733), color=(41, 41, 41)),
        ]
    )
    assert [r.sender for r in result.records][0] == "何专员(融鼎e贷)"


def test_a_call_name_is_not_joined_to_a_time_or_a_line_far_beside_it():
    """The time on the right, and words of the name's size and ink more than half a
    character away, stay apart from the name."""
    ink = (52, 52, 53)
    name = box("何专员", (105, 671, 267, 732), color=ink)
    far = box("融鼎e贷", (420, 672, 640, 733), color=ink)
    result = _iphone_recents([name, far])
    assert [r.sender for r in result.records] == ["何专员", "催收王专员", "4008804593"]


@pytest.mark.parametrize(("mark", "sender"), [((110, 684, 139, 713), "老婆"), (None, "入老婆")])
def test_an_arrow_read_as_a_character_is_dropped_only_where_the_icon_is_in_the_names_box(
    mark, sender
):
    """OCR reads iPhone's arrow inside a name's box as "入"; a name may begin with the
    character itself where no icon was found there."""
    name = box("入老婆", (105, 671, 267, 732), color=(52, 52, 53), mark=mark, lean=0.2)
    assert _iphone_recents([name]).records[0].sender == sender


def test_an_english_recents_list_with_its_tabs_on_blocks_is_a_call_log():
    """ "All" and "Missed" sit on the segmented control's blocks: tabs, not message bubbles
    that outweigh the title's word for a call log."""
    grey = (151, 151, 154)
    result = parse(
        [
            box("6:31", (130, 49, 242, 101)),
            box("All", (390, 185, 452, 234), panel=(284, 165, 561, 250), background=GREY),
            box("Missed", (639, 186, 772, 234), panel=(278, 159, 849, 256), background=GREY),
            box("Edit", (981, 185, 1082, 238), color=(17, 131, 255)),
            box("Recents", (53, 310, 424, 387)),
            box("400-872-3771", (107, 460, 424, 509)),
            box("6:07 PM", (824, 461, 990, 506), color=grey),
            box("China", (107, 526, 231, 573), color=grey),
            box("+86 158 0000 7963", (107, 645, 532, 694)),
            box("11:07 AM", (801, 649, 989, 691), color=grey),
            box("China", (105, 707, 232, 762), color=grey),
        ],
        width=1179,
        height=2556,
        taken_on=date(2026, 4, 4),
    )
    assert result.layout == CALL
    assert [(r.sender, r.occurred_at) for r in result.records] == [
        ("4008723771", at(2026, 4, 4, 18, 7)),
        ("15800007963", at(2026, 4, 4, 11, 7)),
    ]


def test_the_last_bubbles_own_time_at_the_foot_of_a_shot_cropped_short_dates_it():
    """With no input bar, the last bubble's own time lies where the input bar's words
    would: a time is no input bar's word."""
    grey = (154, 154, 154)
    result = parse(
        [
            box("外访-薛哥", (480, 130, 720, 190), panel=(0, 0, 1200, 230)),
            box("今天", (557, 1831, 646, 1884), color=(140, 140, 140)),
            box("在吗？", (81, 1957, 224, 2022), panel=(47, 1919, 287, 2056), background=WHITE),
            box("卡1 10:31", (58, 2076, 228, 2116), color=grey),
        ],
        width=1200,
        height=2140,
        taken_on=date(2026, 2, 8),
    )
    assert [(r.text, r.occurred_at) for r in result.records] == [("在吗？", at(2026, 2, 8, 10, 31))]


def test_a_nickname_reaching_under_a_centred_group_titles_start_is_not_the_header():
    bubble = (164, 322, 787, 593)
    result = parse(
        [
            box("恒泰借款调解群(23)", (313, 140, 766, 199)),
            box("催收杨专员", (183, 268, 376, 313), color=(147, 147, 147)),
            box("雷*志，电话不接信息不", (219, 363, 749, 414), panel=bubble, background=WHITE),
            box("回，你是打算一直躲着？", (217, 434, 730, 488), panel=bubble, background=WHITE),
        ],
        width=1080,
        height=2340,
        taken_on=date(2026, 3, 23),
    )
    assert result.sender == "恒泰借款调解群"
    assert [r.sender for r in result.records] == ["催收杨专员"]


def test_a_small_count_beside_a_call_number_is_not_joined_to_it():
    number = box("13600003648", (105, 671, 428, 717), color=(43, 43, 44))
    count = box("2", (443, 682, 476, 712), color=(45, 45, 45))
    assert _iphone_recents([number, count]).records[0].sender == "13600003648"
