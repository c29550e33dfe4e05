from datetime import date, time
from zoneinfo import ZoneInfo

import pytest

from imports.timestamps import date_from_exif, date_from_file_name, parse_stamp

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
    ],
)
def test_labels_resolve_against_the_day_taken(text, day, clock):
    stamp = parse_stamp(text, THURSDAY)
    assert (stamp.day, stamp.clock) == (day, clock)


@pytest.mark.parametrize("text", ["你好", "25:00", "12:345", "2月30日", "请于6月10日前还款", ""])
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
