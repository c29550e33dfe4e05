"""Turn the text boxes OCR found on a screenshot into messages and calls.

Pure, like the backup parser: boxes in (text, position, confidence), records
out, with no image, ORM or request. The OCR adapter (ocr.py) produces the boxes;
tests feed boxes straight in.

What a phone screen looks like, and what is read from it:
- a status bar at the very top (clock, battery, carrier): dropped;
- a header with the other party's name or number: the sender;
- chat threads (SMS apps, WeChat): bubbles on the left are from them, on the
  right from the borrower; lines of one bubble are joined; time labels centred
  between bubbles ("昨天 23:15") date the bubbles below them, small labels
  beside a bubble date that bubble;
- call logs: one row per call with the number or name, a word for the kind of
  call (呼入, 未接…), a duration and a time on the right;
- an input bar and buttons at the bottom: dropped.

Several screenshots of one long thread overlap; merge.merge_screens joins them
with no message twice.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .parser import (
    CALL_INCOMING,
    CALL_MISSED,
    CALL_OUTGOING,
    CALL_REJECTED,
    IN,
    OUT,
)
from .timestamps import Stamp, is_stamp, parse_stamp

MIN_CONFIDENCE = 0.5

SMS = "sms"
IM = "im"
CALL = "call"
UNKNOWN = "unknown"

#: Notes for the borrower to check (keys; the services translate them).
NOTE_TIME_ESTIMATED = "time_estimated"
NOTE_DATE_ONLY = "date_only"
NOTE_CALL_TYPE_GUESSED = "call_type_guessed"


@dataclass(frozen=True, slots=True)
class OcrBox:
    """One line of text OCR found, with its box in pixels (left, top, right, bottom)."""

    text: str
    box: tuple[int, int, int, int]
    confidence: float = 1.0
    #: The colour of the text's ink (RGB), when the OCR adapter measured it.
    color: tuple[int, int, int] | None = None

    @property
    def left(self) -> int:
        return self.box[0]

    @property
    def top(self) -> int:
        return self.box[1]

    @property
    def right(self) -> int:
        return self.box[2]

    @property
    def bottom(self) -> int:
        return self.box[3]

    @property
    def height(self) -> int:
        return max(1, self.bottom - self.top)

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class ScreenRecord:
    """A message or call read from a screenshot: the same facts as a backup record."""

    kind: str  # SMS, IM or CALL
    sender: str  # the name or number shown for the other party
    direction: str  # IN (to the borrower) or OUT (by the borrower)
    text: str
    occurred_at: datetime | None  # None until merge_screens places it in its thread
    region: tuple[int, int, int, int]  # where on the screenshot, for the crop shown in review
    screen: int = 0  # which screenshot (its position in the upload)
    call_type: int | None = None
    duration_seconds: int | None = None
    confidence: float = 1.0
    note: str = ""
    #: For a bubble cut by the screen's top or bottom edge: its text may be incomplete.
    clipped: bool = False


@dataclass(slots=True)
class ScreenRead:
    layout: str
    sender: str
    records: list[ScreenRecord] = field(default_factory=list)
    text: str = ""  # everything OCR read, top to bottom, one line per box


# Words and marks that belong to the app, not to a message.

_STATUS = re.compile(
    r"^(?:(?:上午|下午)?\s*\d{1,2}[:：]\d{2}|\d{1,3}\s*%|[45]G\+?|LTE|HD|VoLTE|Wi-?Fi|"
    r"中国移动|中国联通|中国电信|中国广电|China Mobile|China Unicom|China Telecom|[\s|.·•]+)$",
    re.IGNORECASE,
)
_UI = re.compile(
    r"^(?:[<‹〈←>›…⋯·.\s]+|返回|详情|编辑|更多|取消|完成|搜索|发送|短信|信息|彩信|短信/彩信|"
    r"短信\s*[·/]\s*彩信|发送短信|发送信息|输入消息|输入信息|新信息|iMessage|Text Message|"
    r"(?:Text Message|iMessage|短信|信息)\s*[·•]\s*(?:SMS|短信|信息)|SMS|MMS|Message|Messages|按住\s*说话|Hold to Talk|已送达|"
    r"Delivered|已读|Read|送达|已发送|Sent|通话记录|最近通话|全部通话|全部|未接来电|未接|"
    r"All|Missed|Recents|Calls|Call log|Call History|电话|拨号|拨号盘|联系人|收藏|个人收藏|"
    r"Favorites|Contacts|Keypad|Voicemail|语音信箱|微信|通讯录|发现|我|Edit|Done|Back|"
    r"\(\d+\)|卡[12]|SIM\s*[12]|HD|[+＋]|发送至.*|"
    r"(?:已送达|已读|Delivered|Read)\s*(?:(?:上午|下午)?\s*\d{1,2}[:：]\d{2}\s*(?:AM|PM)?)?)$",
    re.IGNORECASE,
)
_IM_MARKS = re.compile(r"微信|WeChat|按住\s*说话|Hold to Talk|QQ|视频通话|语音通话")
_SMS_MARKS = re.compile(
    r"短信|彩信|信息|iMessage|Text Message|SMS|MMS|退订|回复TD|回T退订", re.IGNORECASE
)
_CALL_TITLE = re.compile(
    r"^(?:通话记录|最近通话|全部通话|通话|电话|拨号|Recents|Calls|Call log|Call History|Phone)$",
    re.I,
)
_CALL_WORDS = re.compile(
    r"未接|响铃|呼入|呼出|来电|去电|已接|已拨|拨出|拒接|已拒接|挂断|Missed|Incoming|Outgoing|Declined|Rejected",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"(?:(?P<h>\d+)\s*(?:小时|(?:hours?|hrs?|h)(?![a-z]))\s*)?"
    r"(?:(?P<m>\d+)\s*(?:分钟|分|(?:mins?|m)(?![a-z]))\s*)?"
    r"(?:(?P<s>\d+)\s*(?:秒钟|秒|(?:secs?|s)(?![a-z])))?",
    re.IGNORECASE,
)
_CLOCK_DURATION = re.compile(r"(?<![\d:])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?![\d:])")
_PHONE = re.compile(r"^\+?[\d\s\-()]{5,}$")
#: The unread count beside the back arrow (iPhone: "< 12").
_BADGE = re.compile(r"^[<‹]?\s*\d{1,3}$")
_COUNT_SUFFIX = re.compile(r"\s*[(（]\d{1,3}[)）]\s*$")


def normalise_sender(text: str) -> str:
    """A number without its spaces and dashes ("+86 138-0013-8000" → "+8613800138000")."""
    text = _COUNT_SUFFIX.sub("", text.strip())
    if _PHONE.match(text):
        return re.sub(r"[\s\-()]", "", text)
    return text.strip("<‹ ")


def looks_like_number(text: str) -> bool:
    return bool(_PHONE.match(text.strip()))


def _is_ascii_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ",.;:!?'\")%")


_FULL_WIDTH = str.maketrans(
    {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
)
_AFTER_CJK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s*[,?!:;()]")


def _full_width_after_cjk(text: str) -> str:
    """OCR often reads "？" after Chinese as "?"; Chinese text uses the full-width marks."""
    return _AFTER_CJK.sub(lambda m: m.group(0).strip().translate(_FULL_WIDTH), text)


def join_lines(lines: list[str]) -> str:
    """Join a bubble's lines: CJK runs straight on, Latin words get a space."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line and _is_ascii_word(out[-1]) and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return _full_width_after_cjk(out)


def _clean(boxes: list[OcrBox]) -> list[OcrBox]:
    kept = []
    for b in boxes:
        text = unicodedata.normalize("NFC", b.text).strip()
        if text and b.confidence >= MIN_CONFIDENCE:
            kept.append(replace(b, text=text))
    return sorted(kept, key=lambda b: (b.top, b.left))


def _status_bar(boxes: list[OcrBox], height: int) -> set[int]:
    """Indexes of status-bar boxes: the clock, battery, carrier in the top strip."""
    return {i for i, b in enumerate(boxes) if b.bottom < 0.06 * height and _STATUS.match(b.text)}


def _header(boxes: list[OcrBox], width: int, height: int) -> tuple[str, set[int]]:
    """The thread's title (sender) and the indexes of the header's boxes."""
    candidates = [
        (i, b)
        for i, b in enumerate(boxes)
        if b.cy < 0.2 * height
        and not _UI.match(b.text)
        and not is_stamp(b.text)
        and not _BADGE.match(b.text)
    ]
    if not candidates:
        return "", set()
    _first_i, first = candidates[0]
    # The title bar: centred (Xiaomi, vivo, iPhone, WeChat) or after the back arrow on the
    # left (Huawei, Honor, OPPO), always in the top strip of the screen.
    centred = abs(first.cx - width / 2) <= 0.22 * width
    if not (centred or looks_like_number(first.text) or first.cy < 0.12 * height):
        return "", set()
    band = [
        (i, b)
        for i, b in candidates
        if b.top < first.bottom + 1.6 * first.height
        and (abs(b.cx - width / 2) < 0.3 * width or abs(b.left - first.left) < first.height)
    ]
    title = max(band, key=lambda item: (item[1].height, -item[1].top))[1].text
    members = {i for i, _b in band}
    return normalise_sender(title), members


def classify(boxes: list[OcrBox]) -> str:
    """Call log, chat app, or text messages, from the words on screen."""
    texts = [b.text for b in boxes]
    if any(_CALL_TITLE.match(t) for t in texts[:8]):
        return CALL
    call_words = sum(1 for t in texts if _CALL_WORDS.search(t) and len(t) <= 16)
    durations = sum(1 for t in texts if _duration_seconds(t) and len(t) <= 16)
    if call_words >= 2 or durations >= 2:
        return CALL
    if any(_IM_MARKS.search(t) for t in texts):
        return IM
    return SMS


def _duration_seconds(text: str) -> int | None:
    """'1分23秒' → 83; '23秒' → 23; '1:02:03' → 3723 only beside a call word."""
    for match in _DURATION.finditer(text):
        if match.group(0).strip() and any(match.group(k) for k in ("h", "m", "s")):
            hours, minutes, seconds = (int(match.group(k) or 0) for k in ("h", "m", "s"))
            return hours * 3600 + minutes * 60 + seconds
    if _CALL_WORDS.search(text):
        clock = _CLOCK_DURATION.search(text)
        if clock:
            return int(clock.group(1) or 0) * 3600 + int(clock.group(2)) * 60 + int(clock.group(3))
    return None


def _region(boxes: list[OcrBox]) -> tuple[int, int, int, int]:
    return (
        min(b.left for b in boxes),
        min(b.top for b in boxes),
        max(b.right for b in boxes),
        max(b.bottom for b in boxes),
    )


def _moment(stamp: Stamp, day: date, tz: ZoneInfo) -> tuple[datetime, str]:
    clock = stamp.clock or time(12, 0)
    note = "" if stamp.clock else NOTE_DATE_ONLY
    return datetime.combine(stamp.day or day, clock, tzinfo=tz), note


# Chat threads


def _bubbles(lines: list[OcrBox], width: int, typical: float) -> list[tuple[str, list[OcrBox]]]:
    """Group lines into bubbles: left edges aligned, one line pitch apart; then find the side.

    Text inside a bubble is left-aligned on both sides, so the short last line of
    the borrower's own bubble starts where its long lines start. The side is
    judged on the whole bubble: nearer the left edge is from them. Distances are
    measured bottom to bottom in typical line heights, because a line of only
    punctuation ("。") has a short box that starts low.
    """
    groups: list[list[OcrBox]] = []
    for line in lines:
        if groups:
            previous = groups[-1]
            pitch = line.bottom - previous[-1].bottom
            aligned = abs(line.left - previous[0].left) < 0.8 * typical
            if aligned and pitch < 1.75 * typical:
                previous.append(line)
                continue
        groups.append([line])
    bubbles = []
    for group in groups:
        left = min(b.left for b in group)
        right = max(b.right for b in group)
        bubbles.append((IN if left < width - right else OUT, group))
    return bubbles


def _parse_chat(
    boxes: list[OcrBox],
    skip: set[int],
    *,
    kind: str,
    sender: str,
    width: int,
    height: int,
    taken_on: date,
    tz: ZoneInfo,
) -> list[ScreenRecord]:
    """Bubbles in reading order, each dated by the nearest time label above (or beside) it."""
    items: list[tuple[str, object]] = []  # ("stamp", (Stamp, box, centred)) or ("line", box)
    content = [b for i, b in enumerate(boxes) if i not in skip]
    line_heights = [b.height for b in content] or [1]
    typical = statistics.median(line_heights)
    bottom_bar = height - 1.6 * typical - 0.04 * height
    for b in content:
        if _UI.match(b.text):
            continue
        if b.top > bottom_bar and _SMS_MARKS.fullmatch(b.text.replace(" ", "")):
            continue
        stamp = parse_stamp(b.text, taken_on)
        if stamp is not None:
            centred = abs(b.cx - width / 2) < 0.12 * width
            items.append(("stamp", (stamp, b, centred)))
            continue
        margins = (b.left, width - b.right)
        if (
            min(margins) > 0.15 * width
            and abs(b.cx - width / 2) < 0.04 * width
            and b.height < typical
        ):
            continue  # a centred system notice ("以上是历史消息"), not a message
        items.append(("line", b))

    lines = [value for tag, value in items if tag == "line"]
    bubbles = _bubbles(lines, width, typical)
    first_line_of = {id(lines_[0]): n for n, (_side, lines_) in enumerate(bubbles)}
    last_line_of = {id(lines_[-1]): n for n, (_side, lines_) in enumerate(bubbles)}
    bubble_stamp: dict[int, tuple[Stamp, bool]] = {}  # bubble → (stamp, from a centred label)
    current: Stamp | None = None
    current_day: date | None = None
    last_bubble: int | None = None
    for tag, value in items:
        if tag == "line":
            n = first_line_of.get(id(value))
            if n is not None and current is not None:
                bubble_stamp.setdefault(n, (current, True))
            last_bubble = last_line_of.get(id(value), last_bubble)
            continue
        stamp, box, centred = value
        if centred:
            # Phones print a bare clock time between bubbles only for today's messages.
            current = stamp
            current_day = stamp.day or taken_on
        elif last_bubble is not None:
            # A small label under or beside a bubble dates that bubble.
            if stamp.day is None and current_day is not None:
                stamp = Stamp(day=current_day, clock=stamp.clock)
            bubble_stamp[last_bubble] = (stamp, False)

    records = []
    top_edge = min((b.top for b in lines), default=0)
    bottom_edge = max((b.bottom for b in lines), default=height)
    for n, (side, lines_) in enumerate(bubbles):
        text = join_lines([b.text for b in lines_])
        occurred_at, note = None, ""
        if n in bubble_stamp:
            occurred_at, note = _moment(bubble_stamp[n][0], taken_on, tz)
        region = _region(lines_)
        clipped = (region[1] - top_edge < 1 and region[1] < 0.25 * height) or (
            bottom_edge - region[3] < 1 and region[3] > 0.85 * height
        )
        records.append(
            ScreenRecord(
                kind=kind,
                sender=sender,
                direction=side,
                text=text,
                occurred_at=occurred_at,
                region=region,
                confidence=min(b.confidence for b in lines_),
                note=note,
                clipped=clipped,
            )
        )
    return records


# Call logs


def _is_red(color: tuple[int, int, int] | None) -> bool:
    """Phones write missed calls in red (iPhone, Huawei, Xiaomi) and often no word for it."""
    if color is None:
        return False
    red, green, blue = color
    return red > 150 and red > 1.8 * green and red > 1.8 * blue


def _call_type(words: str) -> tuple[int, str]:
    if re.search(r"未接|响铃|Missed", words, re.I):
        return CALL_MISSED, ""
    if re.search(r"拒接|已拒接|挂断|Declined|Rejected", words, re.I):
        return CALL_REJECTED, ""
    if re.search(r"呼出|去电|已拨|拨出|Outgoing", words, re.I):
        return CALL_OUTGOING, ""
    if re.search(r"呼入|来电|已接|Incoming", words, re.I):
        return CALL_INCOMING, ""
    return CALL_INCOMING, NOTE_CALL_TYPE_GUESSED


def _parse_calls(
    boxes: list[OcrBox], skip: set[int], *, width: int, taken_on: date, tz: ZoneInfo
) -> list[ScreenRecord]:
    """One record per row: the row starts at a name or number on the left."""
    content = [
        b
        for i, b in enumerate(boxes)
        if i not in skip
        and (not _UI.match(_COUNT_SUFFIX.sub("", b.text)) or _CALL_WORDS.search(b.text))
    ]
    left = [b for b in content if b.left < 0.45 * width and parse_stamp(b.text, taken_on) is None]
    if not left:
        return []
    # A row's first line is the name or number; the lines right under it (place, kind of
    # call, duration, a saved contact's number) belong to it.
    heads: list[OcrBox] = []
    for b in left:
        under_head = heads and b.top - heads[-1].bottom < 0.9 * heads[-1].height
        if under_head or _CALL_WORDS.search(b.text) or _duration_seconds(b.text) is not None:
            continue
        heads.append(b)
    # Day headings on the left ("今天", "昨天", "6月10日") date the rows under them.
    sections = [
        (b.top, stamp.day)
        for b in content
        if b.left < 0.45 * width
        and (stamp := parse_stamp(b.text, taken_on)) is not None
        and stamp.day is not None
        and stamp.clock is None
    ]
    records = []
    for n, head in enumerate(heads):
        start = head.top - 0.6 * head.height
        if n + 1 < len(heads):
            end = heads[n + 1].top - 0.6 * heads[n + 1].height
        else:
            end = head.bottom + 2.5 * head.height
        row = [b for b in content if start <= b.cy < end and b is not head]
        section_day = next((day for top, day in reversed(sections) if top < head.top), None)
        words = " ".join(b.text for b in row)
        call_type, note = _call_type(words)
        if note == NOTE_CALL_TYPE_GUESSED and _is_red(head.color):
            call_type, note = CALL_MISSED, ""
        duration = None
        for b in row:
            found = _duration_seconds(b.text)
            if found is not None:
                duration = found
                break
        if call_type in (CALL_MISSED, CALL_REJECTED):
            duration = 0
        occurred_at = None
        # The time on the right, perhaps as a day and a clock time on two lines.
        stamps = [
            stamp
            for b in sorted(row, key=lambda b: b.top)
            if b.left > 0.5 * width and (stamp := parse_stamp(b.text, taken_on)) is not None
        ]
        if stamps:
            day = next((st.day for st in stamps if st.day), None) or section_day
            clock = next((st.clock for st in stamps if st.clock), None)
            occurred_at, date_note = _moment(Stamp(day=day, clock=clock), taken_on, tz)
            note = note or date_note
        records.append(
            ScreenRecord(
                kind=CALL,
                sender=normalise_sender(head.text),
                direction=OUT if call_type == CALL_OUTGOING else IN,
                text="",
                occurred_at=occurred_at,
                region=(0, int(start), width, int(min(end, max(b.bottom for b in [head, *row])))),
                call_type=call_type,
                duration_seconds=duration,
                confidence=head.confidence,
                note=note if occurred_at else NOTE_TIME_ESTIMATED,
            )
        )
    return records


def parse_screen(
    boxes: list[OcrBox],
    *,
    width: int,
    height: int,
    taken_on: date,
    tz: ZoneInfo,
    screen: int = 0,
) -> ScreenRead:
    """Read one screenshot's boxes into its layout, sender and records."""
    boxes = _clean(boxes)
    skip = _status_bar(boxes, height)
    visible = [b for i, b in enumerate(boxes) if i not in skip]
    layout = classify(visible)
    text = "\n".join(b.text for b in visible)
    if layout == CALL:
        header = {
            i for i, b in enumerate(boxes) if b.cy < 0.15 * height and _CALL_TITLE.match(b.text)
        }
        records = _parse_calls(boxes, skip | header, width=width, taken_on=taken_on, tz=tz)
        return ScreenRead(
            layout=CALL,
            sender="",
            records=[replace(r, screen=screen) for r in records],
            text=text,
        )
    sender, header = _header(
        [b if i not in skip else replace(b, text="<") for i, b in enumerate(boxes)], width, height
    )
    badges = {i for i, b in enumerate(boxes) if b.cy < 0.15 * height and _BADGE.match(b.text)}
    records = _parse_chat(
        boxes,
        skip | header | badges,
        kind=layout,
        sender=sender,
        width=width,
        height=height,
        taken_on=taken_on,
        tz=tz,
    )
    if not records and not sender:
        layout = UNKNOWN
    return ScreenRead(
        layout=layout,
        sender=sender,
        records=[replace(r, screen=screen) for r in records],
        text=text,
    )
