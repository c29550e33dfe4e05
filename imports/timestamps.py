"""Read the times phones print on screen ("昨天 23:15", "星期三", "6月10日", "2025/6/10").

A phone shows a time relative to the day the screenshot was taken, so every
reading is resolved against that day (`taken_on`): from the picture's EXIF date,
its file name, or the date the borrower confirms. Pure: no ORM, no request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
# OCR often reads the stroke of 一 as a dash.
_WEEKDAYS_ZH |= dict.fromkeys("—–-－─ー", 0)
_WEEKDAYS_EN = {
    name: index
    for index, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_MONTHS_EN = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_EN_MONTH = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
_EN_WEEKDAY = "|".join(sorted(_WEEKDAYS_EN, key=len, reverse=True))

_PERIOD = r"(?:上午|下午|中午|晚上|凌晨|早上|傍晚|夜里|AM|PM|A\.M\.|P\.M\.)"
#: A Chinese clock time as phones print a message's own time: "14:05", "下午3:05".
CLOCK_TIME = r"(?:上午|下午|凌晨|中午|晚上|早上|傍晚)?\s*\d{1,2}[:：]\d{2}"
#: OCR reads a small colon as "." or puts spaces around it; a "." counts only beside a day
#: or a period word ("下午3.05"), never alone ("3.05" may be money).
_CLOCK = (
    rf"(?:(?P<p1>{_PERIOD})\s*)?(?P<h>\d{{1,2}})\s?(?P<colon>[:：.])\s?(?P<m>\d{{2}})"
    rf"(?:[:：]\d{{2}})?(?:\s*(?P<p2>{_PERIOD}))?"
)
#: A day of the month: never more than 31, so a clock time OCR ran into it ("6/807:30") is left.
_DATE = r"(?:3[01]|[12]\d|0?[1-9])"
_DAY = (
    r"(?P<rel>今天|昨天|前天|today|yesterday)"
    r"|(?:星期|周|礼拜)\s*(?P<wzh>[一二三四五六日天七—–\-－─ー])"
    rf"|(?P<wen>{_EN_WEEKDAY})\.?"
    rf"|(?P<y>\d{{4}})\s*[年/.\-]\s*(?P<mo>\d{{1,2}})\s*[月/.\-]\s*(?P<d>{_DATE})\s*日?"
    rf"|(?P<mo2>\d{{1,2}})\s*月\s*(?P<d2>{_DATE})\s*日?"
    r"|(?P<mo4>\d{1,2})/(?P<d4>\d{1,2})/(?P<y4>\d{2}|\d{4})(?![\d/])"
    rf"|(?P<mo3>\d{{1,2}})/(?P<d3>{_DATE})"
    rf"|(?P<mo5>0?[1-9]|1[0-2])-(?P<d5>{_DATE})(?![\d\-])"
    rf"|(?P<men>{_EN_MONTH})\.?\s*(?P<den>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(?P<yen>\d{{4}}))?"
    rf"|(?P<den2>\d{{1,2}})\s+(?P<men2>{_EN_MONTH})\.?(?:,?\s*(?P<yen2>\d{{4}}))?"
)
#: A weekday written after a date ("6月10日 周二 23:15"): it adds nothing, so it is skipped.
_AFTER_DATE = (
    r"(?:\s*(?:星期|周|礼拜)\s*[一二三四五六日天七—–\-－─ー]"
    rf"|\s*,?\s*(?:{_EN_WEEKDAY})\.?)?"
)
#: A weekday written before a date ("Wed, Jun 11"): skipped for the same reason.
_BEFORE_DATE = rf"(?:(?:{_EN_WEEKDAY})\.?,?\s*(?=\d|{_EN_MONTH}))?"
#: OCR drops spaces after commas and around "at" ("Wed,Dec 31 at3:21 AM"): they are optional.
_STAMP_BODY = rf"(?:{_BEFORE_DATE}(?:{_DAY}){_AFTER_DATE}\s*[,，]?\s*(?:at\s*)?)?(?:{_CLOCK})?"
_STAMP = re.compile(rf"^\s*{_STAMP_BODY}\s*$", re.IGNORECASE)
_STAMP_INSIDE = re.compile(rf"(?<![\d:：/])({_STAMP_BODY})(?![\d:：/])", re.IGNORECASE)


#: What phones write beside a message's time: the SIM card of a dual-SIM phone ("15:05  卡1",
#: "SIM2 下午3:05")
_BESIDE_TIME = re.compile(
    r"(?:^|\s)(?:卡|SIM|sim)\s*[12]\s*(?:$|\s)|^\s*(?:卡|SIM)\s*[12]|(?:卡|SIM)\s*[12]\s*$"
    # ...and whether it was delivered or read, after the time ("00:35 已送达") or before it
    # ("已送达10:20", OCR often reading no space between).
    r"|\s*(?:已送达|已读|送达|已发送|发送失败|Delivered|Read)\s*$"
    r"|^\s*(?:已送达|已读|送达|已发送|发送失败)\s*|^\s*(?:Delivered|Read)\s+"
    # ...and a SIM card's icon, which OCR reads as a mark or a character ("12:19 ②", "12:47回").
    r"|\s*[\[\]【】回口囗□▯①②|]\s*$|^\s*[\[\]【】回口囗□▯①②|]\s*"
    # ...or only its number, where the card is drawn boxed and OCR drops the boxed 卡 ("2 17:10").
    r"|^\s*[12]\s+(?=(?:凌晨|早上|上午|中午|下午|晚上)?\d{1,2}[:：]\d{2}\s*$)"
    # ...before or after the time: drawn after it under an incoming bubble ("01:04 1").
    r"|(?<=\d[:：]\d{2})\s+[12]\s*$"
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a time label says, before it is placed on the calendar."""

    day: date | None  # None: the label gives only a clock time (today, or the thread's day)
    clock: time | None  # None: the label gives only a day


def _hour(hour: int, period: str | None) -> int:
    period = (period or "").upper().replace(".", "")
    if period in ("下午", "晚上", "傍晚", "夜里", "PM") and hour < 12:
        return hour + 12
    if period == "中午" and hour < 11:
        return hour + 12
    if period in ("上午", "凌晨", "早上", "AM") and hour == 12:
        return 0
    return hour


def _year_for(month: int, day: int, taken_on: date) -> date | None:
    """A month and day without a year: this year's, or last year's if that is still to come."""
    for year in (taken_on.year, taken_on.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= taken_on:
            return candidate
    return None


def _weekday_before(weekday: int, taken_on: date) -> date:
    """The latest such weekday before the day itself (a phone says "today" for that)."""
    back = (taken_on.weekday() - weekday) % 7 or 7
    return taken_on - timedelta(days=back)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: October with a zero OCR read for its O ("Tue, 0ct 13 at 3:38 PM").
_ZERO_OCT = re.compile(r"(?<![\w])0ct(?=\.?\s*\d)", re.IGNORECASE)


_WIDE_COMMA_AFTER_LATIN = re.compile(r"(?<=[A-Za-z])，\s*")


def _without_beside_words(text: str) -> str:
    """The label without its SIM card and delivery words, however many ("10:28卡1已读")."""
    text = _ZERO_OCT.sub("Oct", text.replace("\u00a0", " "))
    # An English weekday's comma read full-width ("Thu，Mar 5 at 3:46 PM").
    text = _WIDE_COMMA_AFTER_LATIN.sub(", ", text)
    for _ in range(3):
        shorter = _BESIDE_TIME.sub(" ", text)
        if shorter == text:
            break
        text = shorter
    return text


def parse_stamp(text: str, taken_on: date) -> Stamp | None:
    """The day and clock time a label shows, or None if the text is not a time label."""
    match = _STAMP.match(_without_beside_words(text))
    if not match or not text.strip():
        return None
    g = match.groupdict()
    day: date | None = None
    if g["rel"]:
        back = {"今天": 0, "today": 0, "昨天": 1, "yesterday": 1, "前天": 2}[g["rel"].lower()]
        day = taken_on - timedelta(days=back)
    elif g["wzh"]:
        day = _weekday_before(_WEEKDAYS_ZH[g["wzh"]], taken_on)
    elif g["wen"]:
        day = _weekday_before(_WEEKDAYS_EN[g["wen"].lower()], taken_on)
    elif g["y"]:
        day = _safe_date(int(g["y"]), int(g["mo"]), int(g["d"]))
    elif g["mo2"]:
        day = _year_for(int(g["mo2"]), int(g["d2"]), taken_on)
    elif g["mo4"]:
        year = int(g["y4"]) + (2000 if len(g["y4"]) == 2 else 0)
        day = _safe_date(year, int(g["mo4"]), int(g["d4"]))
    elif g["mo3"]:
        day = _year_for(int(g["mo3"]), int(g["d3"]), taken_on)
    elif g["mo5"]:
        day = _year_for(int(g["mo5"]), int(g["d5"]), taken_on)
    elif g["men"] or g["men2"]:
        month = _MONTHS_EN[(g["men"] or g["men2"]).lower()]
        dd = int(g["den"] or g["den2"])
        year = g["yen"] or g["yen2"]
        day = _safe_date(int(year), month, dd) if year else _year_for(month, dd, taken_on)
    has_day = any(
        g[k] for k in ("rel", "wzh", "wen", "y", "mo2", "mo3", "mo4", "mo5", "men", "men2")
    )
    if has_day and day is None:
        return None  # 2月30日: not a date
    clock = None
    if g["colon"] == "." and not (has_day or g["p1"] or g["p2"]):
        return None
    if g["h"] is not None:
        hour, minute = int(g["h"]), int(g["m"])
        hour = _hour(hour, g["p1"] or g["p2"])
        if hour > 23 or minute > 59:
            return None
        clock = time(hour, minute)
    if day is None and clock is None:
        return None
    return Stamp(day=day, clock=clock)


def find_stamp(text: str, taken_on: date) -> Stamp | None:
    """The first time label inside a longer text ("广东深圳  昨天 14:20", "15:05 ⓘ").

    For call-log rows, where OCR reads a time and the words beside it as one line.
    The label must hold a clock time or a day word, not a bare number.
    """
    whole = parse_stamp(text, taken_on)
    if whole is not None:
        return whole
    for match in _STAMP_INSIDE.finditer(text.replace("\u00a0", " ")):
        piece = match.group(1).strip()
        if piece and (match.group("h") or match.group("rel") or match.group("wzh")):
            stamp = parse_stamp(piece, taken_on)
            if stamp is not None:
                return stamp
    return None


def is_stamp(text: str) -> bool:
    """Whether the text is only a time label (any day will do for the question)."""
    return parse_stamp(text, date(2000, 1, 1)) is not None


def stamp_moment(stamp: Stamp, *, day: date, tz: ZoneInfo) -> datetime:
    """The stamp as an aware moment; `day` fills in a label that shows only the clock."""
    return datetime.combine(stamp.day or day, stamp.clock or time(12, 0), tzinfo=tz)


# The day a screenshot was taken, from its file name.

_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})[-_.]?(?P<m>0[1-9]|1[0-2])[-_.]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_NAME_MILLIS = re.compile(r"(?<!\d)(1[5-9]\d{11})(?!\d)")


def date_from_file_name(name: str, tz: ZoneInfo) -> date | None:
    """ "Screenshot_20250610-231500.png", "IMG_2025-06-10…", "mmexport1749570900000.jpg"."""
    match = _NAME_DATE.search(name)
    if match:
        return _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    millis = _NAME_MILLIS.search(name)
    if millis:
        return datetime.fromtimestamp(int(millis.group(1)) / 1000, tz=tz).date()
    return None


_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})")


def date_from_exif(value: str | None) -> date | None:
    """EXIF DateTimeOriginal/DateTime ("2025:06:10 23:15:00")."""
    match = _EXIF_DATE.match(value or "")
    if not match:
        return None
    return _safe_date(int(match[1]), int(match[2]), int(match[3]))
