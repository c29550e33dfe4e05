from datetime import date, time
from zoneinfo import ZoneInfo

import pytest

from imports.timestamps import Stamp, date_from_exif, date_from_file_name, find_stamp, parse_stamp

THURSDAY = date(2025, 6, 12)


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("昨天 23:15", date(2025, 6, 11), time(23, 15)),
        ("昨天23：15", date(2025, 6, 11), time(23, 15)),
        ("前天 08:00", date(2025, 6, 10), time(8, 0)),
        ("星期三", date(2025, 6, 11), None),
        ("周一 下午3:05", date(2025, 6, 9), time(15, 5)),
        ("星期四", date(2025, 6, 5), None),  # today's weekday means a week ago
        ("6月10日", date(2025, 6, 10), None),
        ("6月10日 晚上8:30", date(2025, 6, 10), time(20, 30)),
        ("12月30日", date(2024, 12, 30), None),  # still to come this year: last year
        ("2025/6/10", date(2025, 6, 10), None),
        ("2025-06-10 23:15:02", date(2025, 6, 10), time(23, 15)),
        ("2025年6月10日 上午12:05", date(2025, 6, 10), time(0, 5)),
        ("23:15", None, time(23, 15)),
        ("凌晨1:20", None, time(1, 20)),
        ("中午12:30", None, time(12, 30)),
        ("Yesterday 11:15 PM", date(2025, 6, 11), time(23, 15)),
        ("Wednesday", date(2025, 6, 11), None),
        ("Jun 10, 2025 at 9:41", date(2025, 6, 10), time(9, 41)),
        ("Today 9:41 AM", THURSDAY, time(9, 41)),
        ("Wed, Jun 11 at 9:41 AM", date(2025, 6, 11), time(9, 41)),
        ("6月10日 周二 23:15", date(2025, 6, 10), time(23, 15)),
        ("2025年6月10日 星期二 下午3:15", date(2025, 6, 10), time(15, 15)),
        # MIUI's day periods, with and without the space OCR often drops.
        ("昨天 晚上11:15", date(2025, 6, 11), time(23, 15)),
        ("星期三上午9:12", date(2025, 6, 11), time(9, 12)),
        ("6月10日 早上7:40", date(2025, 6, 10), time(7, 40)),
        ("凌晨12:08", None, time(0, 8)),
        ("中午1:05", None, time(13, 5)),
        # vivo's month/day, and the full dates of an earlier year.
        ("6/10 14:20", date(2025, 6, 10), time(14, 20)),
        ("2024/12/28 14:20", date(2024, 12, 28), time(14, 20)),
        ("2024年12月28日 下午2:20", date(2024, 12, 28), time(14, 20)),
        # iPhone and WeChat in English, as OCR reads them (spaces lost after commas and "at").
        ("Wed, Jun 11 at 9:30 AM", date(2025, 6, 11), time(9, 30)),
        ("Wed,Jun 11 at9:30 AM", date(2025, 6, 11), time(9, 30)),
        ("Sat, Dec 28, 2024 at 2:20 PM", date(2024, 12, 28), time(14, 20)),
        ("Wednesday 9:12 AM", date(2025, 6, 11), time(9, 12)),
        ("Jun 10, 3:05 PM", date(2025, 6, 10), time(15, 5)),
        ("Yesterday11:15PM", date(2025, 6, 11), time(23, 15)),
        ("Wed,Jun11at9:30AM", date(2025, 6, 11), time(9, 30)),  # no space left at all
        ("Tue, Jun10 at9:34 PM", date(2025, 6, 10), time(21, 34)),
        ("星期—09:12", date(2025, 6, 9), time(9, 12)),  # 一 read as a dash
        ("00:35已送达", None, time(0, 35)),  # a bubble's own time with its delivery note
        ("已读 09:12", None, time(9, 12)),
        ("6/10/25", date(2025, 6, 10), None),
        # A small colon read as a full stop, beside a day or a period word.
        ("下午3.05", None, time(15, 5)),
        ("昨天 23.15", date(2025, 6, 11), time(23, 15)),
    ],
)
def test_labels_resolve_against_the_day_taken(text, day, clock):
    stamp = parse_stamp(text, THURSDAY)
    assert (stamp.day, stamp.clock) == (day, clock)


@pytest.mark.parametrize(
    "text", ["你好", "25:00", "12:345", "2月30日", "请于6月10日前还款", "", "3.05", "12.50"]
)
def test_other_text_is_not_a_label(text):
    assert parse_stamp(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Screenshot_20250610-231500.png", date(2025, 6, 10)),
        ("IMG_2025-06-10_23-15.jpg", date(2025, 6, 10)),
        ("mmexport1749570900000.jpg", date(2025, 6, 10)),
        ("微信图片.png", None),
    ],
)
def test_day_from_file_name(name, expected):
    assert date_from_file_name(name, ZoneInfo("Asia/Shanghai")) == expected


def test_day_from_exif():
    assert date_from_exif("2025:06:10 23:15:00") == date(2025, 6, 10)
    assert date_from_exif("garbage") is None


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("广东深圳  昨天 14:20", date(2025, 6, 11), time(14, 20)),
        ("15:05 ⓘ", None, time(15, 5)),
        ("下午3:05 (i)", None, time(15, 5)),
        ("星期三 09:12 >", date(2025, 6, 11), time(9, 12)),
    ],
)
def test_a_label_inside_a_longer_call_log_line_is_found(text, day, clock):
    stamp = find_stamp(text, THURSDAY)
    assert (stamp.day, stamp.clock) == (day, clock)


@pytest.mark.parametrize("text", ["广东深圳 被1444人标记", "0755 63310279", "呼出"])
def test_a_line_without_a_label_has_none(text):
    assert find_stamp(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("6/807:30", date(2025, 6, 8), time(7, 30)),  # OCR lost the space: not the 80th
        ("2025/6/1007:30", date(2025, 6, 10), time(7, 30)),
        ("6月10日 星期二 15:05", date(2025, 6, 10), time(15, 5)),
        ("昨天 下午11:15", date(2025, 6, 11), time(23, 15)),
    ],
)
def test_a_clock_time_run_into_the_date_is_still_read(text, day, clock):
    assert parse_stamp(text, THURSDAY) == Stamp(day=day, clock=clock)


@pytest.mark.parametrize("text", ["15:05  卡1", "卡2 下午3:05", "15:05 SIM1", "15:05卡1"])
def test_the_sim_card_named_beside_a_time_is_left_out(text):
    assert parse_stamp(text, THURSDAY) == Stamp(day=None, clock=time(15, 5))


def test_a_sim_card_name_alone_is_not_a_time():
    assert parse_stamp("卡1", THURSDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "已送达15:05",
        "已读下午3:05",
        "15:05卡1已读",
        "已送达下午3:05卡1",
        "发送失败15:05卡2",
        "卡1已读15:05",
    ],
)
def test_delivery_words_and_a_sim_card_run_into_a_time_are_left_out(text):
    """OCR reads "已送达 15:05" without its space, and the words may come in any order."""
    assert parse_stamp(text, THURSDAY) == Stamp(day=None, clock=time(15, 5))


@pytest.mark.parametrize("text", ["已送达", "已读 卡1", "发送失败"])
def test_delivery_words_alone_are_not_a_time(text):
    assert parse_stamp(text, THURSDAY) is None


@pytest.mark.parametrize("text", ["15:05[", "15:05回已送达", "已读15:05 ②", "② 15:05"])
def test_a_sim_cards_icon_read_as_a_mark_beside_a_time_is_left_out(text):
    assert parse_stamp(text, THURSDAY) == Stamp(day=None, clock=time(15, 5))


@pytest.mark.parametrize("text", ["2 15:05", "1 下午3:05", "15:05 1", "下午3:05 2"])
def test_a_boxed_sim_card_read_without_its_name_is_left_out(text):
    """Huawei and Honor box the card's name ("卡2"); OCR can drop the 卡 and keep the 2."""
    assert parse_stamp(text, THURSDAY) == Stamp(day=None, clock=time(15, 5))


@pytest.mark.parametrize("text", ["2", "3 15:05", "12 15:05", "15:05 3", "15:05 12", "15:05 2026"])
def test_a_number_beside_a_time_is_not_taken_for_a_sim_card(text):
    assert parse_stamp(text, THURSDAY) is None


@pytest.mark.parametrize("text", ["回", "②", "[ ]"])
def test_a_sim_cards_icon_alone_is_not_a_time(text):
    assert parse_stamp(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("06-10 15:05", date(2025, 6, 10), time(15, 5)),
        ("6-10", date(2025, 6, 10), None),
        ("12-31 下午3:05", date(2024, 12, 31), time(15, 5)),
    ],
)
def test_a_month_and_day_joined_by_a_dash(text, day, clock):
    assert parse_stamp(text, THURSDAY) == Stamp(day=day, clock=clock)


@pytest.mark.parametrize("text", ["0755-12345678", "138-1234-5678", "3-4-5", "13-40"])
def test_numbers_with_dashes_are_not_dates(text):
    assert parse_stamp(text, THURSDAY) is None


def test_october_read_with_a_zero_for_its_o_is_october():
    assert parse_stamp("Tue, 0ct 13 at3:38 PM", date(2026, 10, 21)) == Stamp(
        day=date(2026, 10, 13), clock=time(15, 38)
    )


def test_an_english_weekdays_comma_read_full_width_is_still_a_date():
    assert parse_stamp("Thu，Mar 5 at 3:46 PM", date(2026, 3, 30)) == Stamp(
        day=date(2026, 3, 5), clock=time(15, 46)
    )
