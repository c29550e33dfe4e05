"""Call-log screenshots: one record per row (Huawei/Honor, Xiaomi, OPPO/vivo, iPhone).

Pure, like layout.py. A row starts with the name or number on the left, in the
row's largest text; under it a smaller line (place, carrier, "疑似催收" tags,
kind of call, duration); on the right the time, perhaps as a day and a clock
time on two lines, and on some phones the duration or "未接" under it.

The kind of call comes from its words (呼入, 呼出, 未接, 响铃5秒…; 未接通 is a
call out nobody answered), else from
red ink (missed calls are red on iPhone, Huawei, Xiaomi), else from a small
phone icon drawn before the name (iPhone marks outgoing calls so); with none
of these the call is taken as incoming and the borrower is asked to check.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .parser import CALL_INCOMING, CALL_MISSED, CALL_OUTGOING, CALL_REJECTED, IN, OUT
from .screenbox import (
    CALL,
    NOTE_CALL_TYPE_GUESSED,
    NOTE_DATE_ONLY,
    NOTE_DATE_ONLY_CALL_TYPE_GUESSED,
    NOTE_TIME_ESTIMATED,
    NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED,
    OcrBox,
    ScreenRecord,
    join_pieces,
)
from .screentext import CALL_TITLE, CALL_WORDS, UI, em_size, normalise_sender
from .timestamps import CLOCK_TIME, find_stamp, parse_stamp

_DURATION = re.compile(
    r"(?:(?P<h>\d+)\s*(?:小时|(?:hours?|hrs?|h)(?![a-z]))\s*)?"
    r"(?:(?P<m>\d+)\s*(?:分钟|分|(?:minutes?|mins?|m)(?![a-z]))\s*)?"
    r"(?:(?P<s>\d+)\s*(?:秒钟|秒|(?:seconds?|secs?|s)(?![a-z])))?",
    re.IGNORECASE,
)
#: A duration written with units ("2分15秒", "1小时3分", "45 sec"), to blank it out.
_DURATION_UNITS = re.compile(
    r"\d+\s*(?:小时|分钟|分|秒钟|秒|hours?|hrs?|minutes?|mins?|seconds?|secs?)(?![a-z])"
    r"(?:\s*\d+\s*(?:分钟|分|秒钟|秒|minutes?|mins?|seconds?|secs?)(?![a-z]))*",
    re.IGNORECASE,
)
_CLOCK_DURATION = re.compile(r"(?<![\d:])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?![\d:])")
_RINGING = re.compile(r"响铃\s*\d+\s*(?:秒|声)|振铃")
_SECTION = re.compile(r"^(?:今天|昨天|更早|Today|Yesterday|Earlier|Older)$", re.I)
_SEARCH = re.compile(r"^(?:搜索|Search)")
_COUNT = re.compile(r"\s*[(（]\s*\d{1,3}\s*[)）]?\s*$")


def _without_duration(text: str) -> str:
    """The text with its duration, ringing time and call words blanked out."""
    text = _RINGING.sub("  ", text)
    text = _DURATION_UNITS.sub("  ", text)
    return CALL_WORDS.sub("  ", text)


def duration_seconds(text: str) -> int | None:
    """'1分23秒' → 83; '23秒' → 23; '1:02:03' → 3723 (a clock-like one only beside a call word)."""
    if _RINGING.search(text):
        return None  # how long it rang, not how long they talked
    for match in _DURATION.finditer(text):
        if match.group(0).strip() and any(match.group(k) for k in ("h", "m", "s")):
            hours, minutes, seconds = (int(match.group(k) or 0) for k in ("h", "m", "s"))
            return hours * 3600 + minutes * 60 + seconds
    clock = _CLOCK_DURATION.search(text)
    if clock and (CALL_WORDS.search(text) or clock.group(1)):
        return int(clock.group(1) or 0) * 3600 + int(clock.group(2)) * 60 + int(clock.group(3))
    return None


#: The call's arrow (↗ ↙) drawn just before the name, as OCR reads it: "7 138 5890 9811",
#: "v +86 174 0000 7522", "》何专员".
_ICON_READ = re.compile(
    r"^\s*(?:[7/↗↙↘↖LlIKvV》»]\s+(?=[\d+])|[7/↗↙↘↖LlIK》»]\s*(?=[\u4e00-\u9fff])"
    # ...before an English name ("7 Mom"), or as a "1" before a landline ("1 0371-8127 0418")
    r"|[7/↗↙↘↖]\s+(?=[A-Z][a-z])|1\s+(?=0\d{2,3}[-\s]?\d{3,4}[-\s]?\d{4}$))"
)
#: ...and "入" for an arrow ("入老婆"), only where the icon was found inside the name's box
#: (a name may start with the character: "入职专员").
_ICON_READ_INSIDE = re.compile(r"^\s*入\s*(?=[\u4e00-\u9fff])")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _without_icon(name: str, *, icon_inside: bool = False) -> str:
    """The name or number without an arrow icon OCR read into its start.

    Only when what is left is clearly a name or number: a Chinese name, a space
    after the mark, or a 12-digit "number" whose last 11 digits are a mobile one.
    """
    stripped = _ICON_READ.sub("", name)
    if icon_inside:
        stripped = _ICON_READ_INSIDE.sub("", stripped)
    if stripped != name and stripped.strip():
        return stripped.strip()
    digits = "".join(ch for ch in name if ch.isdigit())
    if name.strip()[:1] == "7" and len(digits) == 12 and _MOBILE.match(digits[1:]):
        return name.strip()[1:]
    return name


def _icon_inside(head: OcrBox) -> bool:
    """Whether the icon found for a name lies inside its box, where OCR may read it."""
    return head.mark is not None and head.left - 3 <= head.mark[0] < head.left + head.height


def _is_red(color) -> bool:
    if color is None:
        return False
    red, green, blue = color
    return red > 150 and red > 1.8 * green and red > 1.8 * blue


def call_signals(boxes: list[OcrBox], width: int, height: int) -> int:
    """How much the screen looks like a call log: titles, tabs, call words, durations, red names,
    and a row's line that starts with its SIM card and names a place, not a time ("卡1 北京
    联通", where a message's own time reads "卡1 10:23"), or with an arrow."""
    score = 0
    for b in boxes:
        if CALL_TITLE.match(b.text):
            score += 2
        elif (
            len(b.text) <= 16
            and (
                CALL_WORDS.search(b.text)
                or duration_seconds(b.text)
                or (_SIM_PLACE.match(b.text) and not _CLOCK.search(b.text))
            )
            or _is_red(b.color)
            and b.cx < 0.5 * width
            or b.mark is not None
            and abs(b.mark_lean) >= _ARROW_LEAN
        ):
            score += 1
    return score


#: A line that starts with its SIM card (after an arrow OCR read as a mark) and goes on.
_SIM_PLACE = re.compile(r"^\W{0,2}\s*(?:卡|SIM)\s*[12]\s*\S")
_CLOCK = re.compile(CLOCK_TIME)


#: How far an icon's ink must lean to read it as an arrow (↗ outgoing, ↙ incoming).
_LEAN = 0.12
#: ...to read it as an arrow whatever the other rows show.
_ARROW_LEAN = 0.2


def _icon_type(
    head: OcrBox, row: list[OcrBox], aligned: int, width: int, every_row_marked: bool
) -> int | None:
    """The kind of call from the icons: an arrow's direction, or an icon before the name.

    Huawei and Xiaomi draw ↙ for calls in and ↗ for calls out; iPhone draws a
    small phone before the name of a call out and nothing otherwise. When every
    row has an icon before its name, the icon says nothing by being there: only
    its direction counts.
    """
    # A clear arrow says it wherever it is drawn; iPhone's handset leans less than 0.15.
    if head.mark is not None and abs(head.mark_lean) >= _ARROW_LEAN:
        return CALL_OUTGOING if head.mark_lean > 0 else CALL_INCOMING
    for b in [head] if every_row_marked else []:
        if b.mark_lean > _LEAN:
            return CALL_OUTGOING
        if b.mark_lean < -_LEAN:
            return CALL_INCOMING
    # An arrow OCR read as a character of its own, before the name: "7" is ↗, "L" is ↙.
    for b in row:
        text = b.text.strip()
        if len(text) == 1 and b.right <= head.left + 3 and abs(b.cy - head.cy) < 1.5 * head.height:
            if text in _ARROW_OUT:
                return CALL_OUTGOING
            if text in _ARROW_IN:
                return CALL_INCOMING
    outside = head.mark is not None and head.mark[2] <= head.left + 3
    if not every_row_marked and (outside or head.left < aligned - 0.5 * head.height):
        return CALL_OUTGOING
    # Or before the line under the name, at the start of its box (iPhone in some versions).
    under = [b for b in row if b.top >= head.bottom - 0.3 * head.height and b.cx < 0.6 * width]
    if (
        not every_row_marked
        and any(
            b.mark is not None
            and abs(b.mark_lean) < _LEAN
            and not _SIM_BADGE.match(b.text)  # the mark is the SIM card's box ("①浙江杭州")
            and (
                b.left - 3 <= b.mark[0] <= b.left + 0.5 * b.height
                or abs(b.mark[0] - head.left) <= 0.5 * b.height  # before its box, under the name
            )
            for b in under[:1]
        )
    ):
        return CALL_OUTGOING
    # Or the arrow OCR read as the first character of the line under the name ("≥河南郑州").
    for b in under[:1]:
        first = b.text.strip()[:1]
        if first in _ARROW_OUT_UNDER and len(b.text.strip()) > 1:
            return CALL_OUTGOING
    for b in sorted(row, key=lambda b: b.top):
        if b.mark is None or b.cx > 0.6 * width:
            continue
        if b.mark_lean > _LEAN:
            return CALL_OUTGOING
        if b.mark_lean < -_LEAN:
            return CALL_INCOMING
    return None


#: A SIM card's number in a box at the start of the line under a name, as OCR reads it.
_SIM_BADGE = re.compile(r"^\s*(?:[①②❶❷⑴⑵]|\[?[12][\]】|]|卡\s*[12])")

#: How OCR reads a call's arrow drawn as a glyph of its own.
_ARROW_OUT = set("7↗/")
_ARROW_IN = set("L↙K")
#: ...and as the first character of the line under the name (vivo): only marks no place
#: name or tag starts with.
_ARROW_OUT_UNDER = set(">≥》→↗")


def _call_type(words: str) -> int | None:
    if "未接通" in words:
        # A call out the other party did not answer (MIUI, EMUI); a call in not answered
        # ("呼入 未接通") is a missed call.
        return CALL_MISSED if re.search(r"呼入|来电", words) else CALL_OUTGOING
    if re.search(r"未接|响铃|振铃|Missed|No answer", words, re.I):
        return CALL_MISSED
    if re.search(r"拒接|已拒接|挂断|Declined|Rejected", words, re.I):
        return CALL_REJECTED
    if re.search(r"呼出|去电|已拨|拨出|Outgoing|Cancelled|Canceled", words, re.I):
        return CALL_OUTGOING
    if re.search(r"呼入|来电|已接|Incoming", words, re.I):
        return CALL_INCOMING
    return None


def _content(boxes: list[OcrBox], skip: set[int], width: int, height: int) -> list[OcrBox]:
    """The rows' boxes: no status bar, title, tabs, search box or tab bar."""
    kept = []
    for i, b in enumerate(boxes):
        if i in skip or _SEARCH.match(b.text) or CALL_TITLE.match(b.text):
            continue
        if UI.match(_COUNT.sub("", b.text)) and not CALL_WORDS.search(b.text):
            continue
        screen = min(height, round(2.3 * width))
        if b.top > height - 0.1 * screen and b.height < 0.025 * screen:
            continue  # the tab bar's small words
        kept.append(b)
    return kept


def _names_joined(boxes: list[OcrBox], width: int) -> list[OcrBox]:
    """A name the detector cut in two at the gap before its bracket ("何专员" + "（融鼎e贷）
    (5)"), in the left part of the row, is one line again: the two pieces share a line, a
    size and ink, with less than half a character between them."""
    out = list(boxes)
    for b in sorted(boxes, key=lambda b: b.left):
        a = next(
            (
                a
                for a in out
                if a is not b
                and min(a.bottom, b.bottom) - max(a.top, b.top) > 0.6 * min(a.height, b.height)
                and -0.1 * a.height <= b.left - a.right < 0.5 * a.height
                and b.cx < 0.6 * width
                and 0.75 * a.height <= b.height <= 1.33 * a.height  # no small count ("2")
                and _same_ink(a, b)
            ),
            None,
        )
        if a is not None and b in out:
            out[out.index(a)] = join_pieces(a, b)
            out.remove(b)
    return out


def _same_ink(a: OcrBox, b: OcrBox) -> bool:
    if a.color is None or b.color is None:
        return a.color == b.color
    return sum(abs(x - y) for x, y in zip(a.color, b.color, strict=True)) < 60


def _contrast(b: OcrBox) -> float | None:
    """How strongly the ink stands out: names are dark (or red), the lines under them grey."""
    if b.color is None or b.background is None:
        return None

    def luminance(c):
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]

    return abs(luminance(b.color) - luminance(b.background))


def _heads(left: list[OcrBox], taken_on: date) -> list[OcrBox]:
    """Each row's first line: the name or number, in the row's strongest ink.

    The lines under a name (place, carrier, tags, kind of call, duration) are
    grey and start just under it; a missed call's name is red. Without colours
    (boxes given without the picture), only the spacing tells them apart.
    """
    lines = []
    for b in sorted(left, key=lambda b: b.top):
        if _SECTION.match(b.text) or (len(b.text) == 1 and b.text.isascii()):
            continue
        stamp = parse_stamp(b.text, taken_on)
        if stamp is not None and stamp.clock is None:
            continue  # a day heading ("6月10日") over the rows under it
        lines.append(b)
    # Names start where the other names start (a count like "(2)" read apart does not).
    lefts = sorted(b.left for b in lines)
    aligned = lefts[len(lefts) // 4] if lefts else 0
    lines = [b for b in lines if b.left < aligned + 2 * b.height and _COUNT.sub("", b.text)]
    contrasts = [c for b in lines if (c := _contrast(b)) is not None]
    strongest = max(contrasts, default=0)
    heads: list[OcrBox] = []
    previous: OcrBox | None = None
    for b in lines:
        prior, previous = previous, b
        gap = b.top - prior.bottom if prior is not None else None
        if CALL_WORDS.search(b.text) or duration_seconds(b.text) is not None:
            continue
        if not any(ch.isalnum() for ch in b.text):
            continue
        contrast = _contrast(b)
        under_a_name = bool(heads) and prior is heads[-1] and gap is not None
        if contrast is not None and strongest > 60:
            if _is_red(b.color):
                if gap is not None and heads and gap < 0.35 * heads[-1].height:
                    continue
            elif contrast < 0.72 * strongest:
                continue
            elif under_a_name and _is_red(heads[-1].color) and gap < _UNDER * heads[-1].height:
                continue  # the grey line under a red name, where every name is red
        elif heads and gap is not None and gap < 0.9 * heads[-1].height:
            continue  # a line under the name
        heads.append(b)
    return heads


#: A line starting within this many line heights under a name is the line under it (up to
#: 0.5 apart; the next row's name is a line height or more below the line under this one).
_UNDER = 0.75


#: A row of one contact's call history starts with the kind of call alone ("未接来电", "呼出").
_KIND_ALONE = re.compile(
    r"^\s*(?:未接来电|未接|已接来电|已接|呼入|呼出|来电|去电|已拨|拨出|拒接|已拒接|"
    r"Missed|Incoming|Outgoing)\s*$",
    re.IGNORECASE,
)


def _one_contacts_calls(
    content: list[OcrBox], *, width: int, taken_on: date, tz: ZoneInfo
) -> list[ScreenRecord]:
    """The calls on a contact's own page (Huawei, Honor: "通话记录" under the number).

    Each row starts with the kind of call where a call log has a name; the name
    or number is the page's, in its largest text above the rows. Empty when the
    screen is not such a page.
    """
    left = [b for b in content if b.left < 0.15 * width]  # what starts each row
    kinds = [b for b in left if _KIND_ALONE.match(b.text)]
    if len(kinds) < 2:
        return []
    first = min(k.top for k in kinds)
    rows_left = [b for b in left if b.top >= first - 2]
    if len(kinds) < 0.8 * len(rows_left):
        return []  # names down the left: a call log whose lines say the kind of call
    above = [
        b
        for b in content
        if b.bottom < first
        and sum(ch.isalnum() for ch in b.text) >= 2
        and not CALL_WORDS.search(b.text)
    ]
    if not above:
        return []
    contact = max(above, key=lambda b: (em_size(b), b.width))
    sender = normalise_sender(contact.text)
    kinds.sort(key=lambda b: b.top)
    records = []
    for n, kind in enumerate(kinds):
        start = kind.top - 0.5 * kind.height
        end = (
            kinds[n + 1].top - 0.5 * kinds[n + 1].height
            if n + 1 < len(kinds)
            else kind.bottom + kind.height
        )
        row = [b for b in content if start <= b.cy < end]
        words = " ".join(b.text for b in row)
        call_type = _call_type(words) or CALL_INCOMING
        if _is_red(kind.color) and call_type == CALL_INCOMING:
            call_type = CALL_MISSED
        records.append(
            _call(
                row,
                sender=sender,
                call_type=call_type,
                region=(0, int(start), width, int(end)),
                confidence=kind.confidence,
                taken_on=taken_on,
                tz=tz,
            )
        )
    return records


def _call(
    row: list[OcrBox],
    *,
    sender: str,
    call_type: int,
    region,
    confidence: float,
    taken_on: date,
    tz: ZoneInfo,
    day: date | None = None,
    note: str = "",
) -> ScreenRecord:
    """One call, with its duration and time from its row's words (the first found, in the
    row's order); a clock time shown without a day is on `day` (a day heading above the
    row), else on the day taken. A day shown without a time leaves the time unknown, with
    noon as the guess."""
    duration = next((d for b in row if (d := duration_seconds(b.text)) is not None), None)
    if call_type in (CALL_MISSED, CALL_REJECTED):
        duration = None
    shown_day = clock = None
    for b in row:
        stamp = find_stamp(_without_duration(b.text), taken_on)
        if stamp is not None:
            shown_day, clock = shown_day or stamp.day, clock or stamp.clock
    occurred_at = estimate = None
    guessed = note == NOTE_CALL_TYPE_GUESSED  # the kind; the time's note goes with it
    if shown_day or clock:
        moment = datetime.combine(shown_day or day or taken_on, clock or time(12, 0), tzinfo=tz)
        if clock is None:  # the time is unknown, whatever else the row leaves to check
            estimate, note = moment, NOTE_DATE_ONLY_CALL_TYPE_GUESSED if guessed else NOTE_DATE_ONLY
        else:
            occurred_at = moment
    else:  # no time shown at all
        note = NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED if guessed else NOTE_TIME_ESTIMATED
    return ScreenRecord(
        kind=CALL,
        sender=sender,
        direction=OUT if call_type == CALL_OUTGOING else IN,
        text="",
        occurred_at=occurred_at,
        region=region,
        call_type=call_type,
        duration_seconds=duration,
        confidence=confidence,
        estimate=estimate,
        note=note,
    )


def parse_calls(
    boxes: list[OcrBox],
    skip: set[int],
    *,
    width: int,
    height: int,
    taken_on: date,
    tz: ZoneInfo,
) -> list[ScreenRecord]:
    """One record per row."""
    content = _names_joined(_content(boxes, skip, width, height), width)
    # "未接来电" is a tab's title on a call log, but a row's first words on a contact's page.
    history = _one_contacts_calls(
        [b for i, b in enumerate(boxes) if i not in skip], width=width, taken_on=taken_on, tz=tz
    )
    if history:
        return history
    left = [b for b in content if b.left < 0.45 * width and b.cx < 0.6 * width]
    heads = _heads(left, taken_on)
    if not heads:
        return []
    # Day headings ("今天", "昨天", "6月10日") date the rows under them.
    sections = []
    for b in content:
        if b.cx < 0.6 * width:
            stamp = parse_stamp(b.text, taken_on)
            if stamp is not None and stamp.day is not None and stamp.clock is None:
                sections.append((b.top, stamp.day))
    # Names line up; one that starts further left has a small icon before it (iPhone: outgoing).
    aligned = sorted(h.left for h in heads)[len(heads) // 2]

    # Missed calls are told by their red ink, and some phones draw no arrow on them.
    def is_marked(h: OcrBox) -> bool:
        return h.mark is not None or h.left < aligned - 0.5 * h.height

    answered = [h for h in heads if not _is_red(h.color)]
    # Icons found, none of them leaning: iPhone's handsets, each a call out, not arrows that
    # every answered call has (a screen of calls out and missed calls marks every answered one).
    marks = [h for h in heads if h.mark is not None]
    handsets = len(marks) >= 2 and all(abs(h.mark_lean) < _LEAN for h in marks)
    every_row_marked = (
        len(heads) >= 3
        and not handsets
        and (
            sum(map(is_marked, heads)) >= 0.8 * len(heads)
            or (len(answered) >= 2 and all(map(is_marked, answered)))
        )
    )
    records = []
    for n, head in enumerate(heads):
        start = head.top - 0.6 * head.height
        end = (
            heads[n + 1].top - 0.6 * heads[n + 1].height
            if n + 1 < len(heads)
            else head.bottom + 2.2 * head.height
        )
        row = [b for b in content if start <= b.cy < end and b is not head]
        words = " ".join(b.text for b in row)
        call_type = _call_type(words)
        note = ""
        if call_type is None:
            if _is_red(head.color) or any(_is_red(b.color) for b in row if b.cx < 0.6 * width):
                call_type = CALL_MISSED
            else:
                call_type = _icon_type(head, row, aligned, width, every_row_marked)
            if call_type is None:
                call_type, note = CALL_INCOMING, NOTE_CALL_TYPE_GUESSED
        section = next((d for top, d in reversed(sections) if top < head.top), None)
        records.append(
            _call(
                # The time, on the right (perhaps as a day and a clock time on two lines) or in
                # the line under the name, perhaps read together with the words beside it.
                sorted(row, key=lambda b: (b.cx < 0.5 * width, b.top)),
                sender=normalise_sender(
                    _without_icon(_COUNT.sub("", head.text), icon_inside=_icon_inside(head))
                ),
                call_type=call_type,
                region=(0, int(start), width, int(min(end, max(b.bottom for b in [head, *row])))),
                confidence=head.confidence,
                note=note,
                taken_on=taken_on,
                tz=tz,
                day=section,
            )
        )
    return records
