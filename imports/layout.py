"""Turn the text boxes OCR found on a screenshot into messages and calls.

Pure, like the backup parser: boxes in (text, position, confidence and what
ocr.annotate saw around them), records out, with no image, ORM or request.
Tests feed boxes straight in.

What a phone screen looks like, and what is read from it:
- a status bar at the very top (clock, battery, carrier, network): dropped;
- a header with the other party's name or number (or a group's name): the
  sender; back arrows, unread counts, the number or place under the name, and
  the initials on an avatar beside or above the name (iOS, HarmonyOS): dropped;
- chat threads (SMS apps, WeChat): each bubble is a block of colour (when the
  picture was annotated) or lines aligned one pitch apart; bubbles nearer the
  left edge are from them, nearer the right from the borrower; a bubble's
  lines are joined; time labels between bubbles ("昨天 23:15") date the bubbles
  below them, small labels under (or beside) a bubble date that bubble, and
  bubbles above the first dated label take its day; in group chats the
  small name above an incoming bubble is its sender; recall notices, delivery
  notes and the input bar are dropped;
- call logs (calllog.py): one record per row.

Several screenshots of one long thread overlap; merge.merge_screens joins them
with no message twice.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .calllog import call_signals, parse_calls
from .parser import IN, OUT
from .screenbox import (
    CALL,
    IM,
    NOTE_CALL_TYPE_GUESSED,
    NOTE_DATE_ONLY,
    NOTE_DATE_ONLY_CALL_TYPE_GUESSED,
    NOTE_TIME_ESTIMATED,
    NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED,
    SMS,
    TIME_NOTES,
    UNKNOWN,
    OcrBox,
    Rect,
    ScreenRead,
    ScreenRecord,
    join_pieces,
    unknown_clock,
)
from .screentext import (
    ICON_AS_KANA,
    IM_MARKS,
    NOTICE,
    STATUS_NOISE,
    STATUS_TOKEN,
    UI,
    em_size,
    join_lines,
    looks_like_number,
    normalise_sender,
)
from .timestamps import CLOCK_TIME, Stamp, is_stamp, parse_stamp

__all__ = [
    "CALL",
    "IM",
    "NOTE_CALL_TYPE_GUESSED",
    "NOTE_DATE_ONLY",
    "NOTE_DATE_ONLY_CALL_TYPE_GUESSED",
    "NOTE_TIME_ESTIMATED",
    "NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED",
    "TIME_NOTES",
    "SMS",
    "UNKNOWN",
    "OcrBox",
    "ScreenRead",
    "ScreenRecord",
    "classify",
    "join_lines",
    "looks_like_number",
    "normalise_sender",
    "parse_screen",
]

MIN_CONFIDENCE = 0.5
#: A name or number (a header at the very top of a screenshot without a status bar).
_WORD_OR_NUMBER = re.compile(r"[A-Za-z]{4,}|\d{4,}")
#: What a name or number has and status-bar glyphs ("l 口 56", "4G+ -ll") do not.
_NAME_LIKE = re.compile(r"[A-Za-z]{4,}|\d{4,}|[\u4e00-\u9fff]{2,}")
#: A bare number: a battery level beside a clock, or an unread count in a header.
_BARE = re.compile(r"^\s*\d{1,3}\s*$")


def _clean(boxes: list[OcrBox]) -> list[OcrBox]:
    kept = []
    for b in boxes:
        text = unicodedata.normalize("NFC", b.text).strip()
        if text and b.confidence >= MIN_CONFIDENCE and not ICON_AS_KANA.match(text):
            kept.append(replace(b, text=text))
    return sorted(kept, key=lambda b: (b.top, b.left))


def screen_height(width: int, height: int) -> int:
    """The height of one phone screen: a long (scrolling) screenshot is several screens tall.

    The status bar and header are measured from the top of the first screen, the
    input bar from the bottom of the last.
    """
    return min(height, round(2.3 * width))


def status_bar(boxes: list[OcrBox], height: int, width: int | None = None) -> set[int]:
    """Indexes of the status bar's boxes: small text at the very top with a clock, battery…

    A screenshot cropped below the status bar has none; its top row is the
    header, whose name or unread count must not be taken for a battery level.
    Only boxes that look like status-bar text are dropped.
    """
    # A screenshot cropped short keeps a status bar as tall as a whole screen's: measured on
    # a screen of its width, it is only its ends' (the middle may hold a crop's first label).
    tall = max(height, round(_SCREEN_PER_WIDTH * width)) if width else height
    row = [
        i
        for i, b in enumerate(boxes)
        if b.height <= 0.03 * tall
        and (
            b.bottom <= 0.062 * height
            or b.bottom <= 0.062 * tall
            and (b.right < 0.45 * width or b.left > 0.55 * width)
        )
    ]
    strong = [
        i for i in row if STATUS_TOKEN.search(boxes[i].text) and not _BARE.match(boxes[i].text)
    ]
    if strong:
        top = min(boxes[i].top for i in strong)
        bottom = max(boxes[i].bottom for i in strong)
        band = [i for i in row if boxes[i].top < bottom and boxes[i].bottom > top]
    else:
        band = [i for i in row if boxes[i].bottom < 0.04 * height]
    if strong:
        # Beside a clock or battery level: everything but a name or number (a header with no
        # status bar above it can share the top row). Signal bars and the battery drawn at the
        # right end read as a few unsure characters ("三口", "令回"): never a name.
        return {
            i
            for i in band
            if STATUS_TOKEN.search(boxes[i].text)
            or not _NAME_LIKE.search(boxes[i].text)
            or _status_glyphs(boxes[i], width or round(height / 2.2))
        }
    return {
        i
        for i in band
        if STATUS_NOISE.match(boxes[i].text) and not _WORD_OR_NUMBER.search(boxes[i].text)
    }


#: A phone screen is at least this many times as tall as it is wide (1080 × 2160).
_SCREEN_PER_WIDTH = 2.0

#: What OCR makes of signal bars, Wi-Fi, HD and battery icons: "三口92", "令回 56", "lHDl".
_ICON_CHARS = re.compile(r"^(?:[三口回令川吕品日目田□▯▭\s\dlI|%.+\-]|HD)*$")


def _status_glyphs(b: OcrBox, width: int) -> bool:
    """Icons at the right end of the status bar OCR read as a few characters, unsure of them."""
    short = len(b.text.replace(" ", "")) <= 3
    if short and (b.confidence < 0.8 or b.left > 0.7 * width):
        return True
    return b.left > 0.5 * width and bool(_ICON_CHARS.match(b.text))


# Blocks of colour around the text: bubbles.


def _is_bubble(b: OcrBox, width: int) -> bool:
    """Inside a block of colour narrower than the screen: a bubble (or a pill, an avatar)."""
    if b.panel is None:
        return False
    left, top, right, bottom = b.panel
    return right - left < 0.92 * width and bottom - top >= 1.15 * b.height


def _is_pill(b: OcrBox, width: int) -> bool:
    """A small block centred on the screen: a time label or notice drawn on a pill, not a bubble."""
    if b.panel is None:
        return False
    left, top, right, bottom = b.panel
    one_line = bottom - top < 2.2 * b.height and right - left < 0.6 * width
    centred = abs((left + right) / 2 - width / 2) < 0.06 * width
    return one_line and centred and min(left, width - right) > 0.12 * width


def _is_avatar_text(b: OcrBox, width: int, bubbles: list[OcrBox] | None = None) -> bool:
    """An initial drawn inside a small square or round avatar.

    A short bubble ("OK") is as small; an avatar sits right beside a bubble (of
    `bubbles`, when given), at the same height.
    """
    if b.panel is None or len(b.text) > 3:
        return False
    left, top, right, bottom = b.panel
    w, h = right - left, bottom - top
    if not (w < 0.16 * width and 0.75 < w / max(h, 1) < 1.33):
        return False
    if bubbles is None:
        return True
    for other in bubbles:
        if other.panel is None or other.panel == b.panel:
            continue
        o_left, o_top, o_right, o_bottom = other.panel
        beside = min(abs(o_left - right), abs(left - o_right)) < 0.06 * width
        if beside and o_top < bottom and top < o_bottom:
            return True
    return False


def _saturation(color) -> float:
    if color is None:
        return 0.0
    high, low = max(color), min(color)
    return (high - low) / max(high, 1)


# The header.


_BADGE_MAX_CHARS = 3


#: A back button OCR read into the title's box: "微信(12)宏达群", "< 12 王专员".
_BACK_PREFIX = re.compile(
    r"^(?:[<‹〈«←く]\s*)?(?:(?:微信|信息|短信|Messages|Chats|返回|Back)\s*)?"
    r"(?:[(（]\d{1,4}[)）]|\d{1,3}(?=\s+\D))\s*"
)
#: How OCR reads a back chevron drawn as a letter: "<", "く", "〈", "(".
_CHEVRON = re.compile(r"^[<‹〈«←く(（]+")


def _is_badge(b: OcrBox, width: int) -> bool:
    """The unread count beside the back arrow ("12", "(12)", "< 12", "く12")."""
    digits = "".join(ch for ch in _CHEVRON.sub("", b.text.strip()) if ch.isalnum())
    return digits.isdigit() and len(digits) <= _BADGE_MAX_CHARS and b.cx < 0.3 * width


def _is_header_button(b: OcrBox, width: int) -> bool:
    """A back chevron or an icon at either end of the header, read as a letter or two."""
    short = len(b.text.strip()) <= 2
    return short and (b.cx < 0.12 * width or b.cx > 0.88 * width)


def _shade_distance(a, b) -> float:
    return max(abs(int(x) - int(y)) for x, y in zip(a, b, strict=True))


def _on_avatar(b: OcrBox, others: list[OcrBox], width: int) -> bool:
    """Initials on a round avatar beside or above the name ("MC", "王", "专员" on iOS's grey disc).

    iOS shades its avatars, so no flat block of colour is found around them; the
    initials are short and drawn on a background unlike the one the name next to
    them (or under them) is drawn on.
    """
    if b.background is None or len(b.text.replace(" ", "")) > 3:
        return False
    for other in others:
        if other is b or other.background is None or len(other.text) < len(b.text):
            continue
        below = 0 <= other.top - b.bottom < 4 * b.height and abs(other.cx - b.cx) < 0.1 * width
        beside = (
            min(other.bottom, b.bottom) - max(other.top, b.top) > 0.3 * b.height
            and 0 <= other.left - b.right < 1.5 * b.height
        )
        if (below or beside) and _shade_distance(b.background, other.background) > 24:
            return True
    return False


def _under(b: OcrBox, title: OcrBox) -> bool:
    """Whether `b` lies under `title`: its middle under the title, or starting where it
    starts. A group's nickname by its avatar may reach under a centred title's start."""
    return title.left <= b.cx <= title.right or abs(b.left - title.left) < title.height


def _header(
    boxes: list[OcrBox], skip: set[int], width: int, height: int, body_top: float
) -> tuple[str, set[int]]:
    """The thread's title (sender) and the indexes of every box in the header.

    The header is the first row of text under the status bar (after the back
    arrow and unread count) and the smaller line under it (the number, place or
    carrier); the title is the larger of the two.
    """
    # A screenshot cropped short keeps a header as tall as a whole screen's (see status_bar).
    limit = min(body_top, 0.24 * max(height, _SCREEN_PER_WIDTH * width))
    candidates = sorted(
        (
            b
            for i, b in enumerate(boxes)
            if i not in skip
            and b.cy < limit
            and not UI.match(b.text)
            and not is_stamp(b.text)
            and not _is_badge(b, width)
            and not _is_header_button(b, width)
            and not _BARE.match(b.text)
            and not _is_avatar_text(b, width)
            and not NOTICE.search(b.text)
            and any(ch.isalnum() for ch in b.text)
        ),
        key=lambda b: b.top,
    )
    candidates = [b for b in candidates if not _on_avatar(b, candidates, width)]
    # Status-bar text the status bar's test missed (a clock read as "1505"): in the top strip,
    # with a larger line further down, the header's title.
    while len(candidates) > 1 and candidates[0].bottom < 0.045 * height:
        top = candidates[0]
        if not any(em_size(b) >= 1.1 * em_size(top) for b in candidates[1:]):
            break
        candidates = candidates[1:]
    if not candidates:
        return "", {i for i, b in enumerate(boxes) if i not in skip and b.cy < limit}
    first = candidates[0]
    # The line under the title (a number, a place) sits under it; a group's first nickname,
    # as near but out at the left by its avatar, is not the header's.
    band = [
        b
        for b in candidates
        if b.top < first.bottom + 1.2 * first.height and (b.cy < first.bottom or _under(b, first))
    ]
    largest = max(em_size(b) for b in band)
    title = min((b for b in band if em_size(b) >= 0.88 * largest), key=lambda b: b.top)
    # A long number OCR cut in two at a space ("+86 135" "3146 8459") is one title again.
    same_row = sorted(
        (
            b
            for b in band
            if min(b.bottom, title.bottom) - max(b.top, title.top) > 0.5 * title.height
            and not _is_badge(b, width)
        ),
        key=lambda b: b.left,
    )
    pieces = [title]
    for b in same_row:
        if b is not title and 0 <= b.left - pieces[-1].right < 1.5 * title.height:
            pieces.append(b)
    for b in reversed(same_row):
        if (
            b is not title
            and b not in pieces
            and 0 <= pieces[0].left - b.right < 1.5 * title.height
        ):
            pieces.insert(0, b)
    text = _BACK_PREFIX.sub("", " ".join(b.text for b in pieces))
    end = min(limit, max(b.bottom for b in band) + 2)
    members = {i for i, b in enumerate(boxes) if i not in skip and b.cy < end}
    return normalise_sender(text), members


# Chat threads.


@dataclass(slots=True)
class _Bubble:
    lines: list[OcrBox]
    side: str
    panel: tuple[int, int, int, int] | None = None
    nickname: str = ""

    @property
    def top(self) -> int:
        return self.panel[1] if self.panel else min(b.top for b in self.lines)

    @property
    def bottom(self) -> int:
        return self.panel[3] if self.panel else max(b.bottom for b in self.lines)

    @property
    def left(self) -> int:
        return self.panel[0] if self.panel else min(b.left for b in self.lines)

    @property
    def right(self) -> int:
        return self.panel[2] if self.panel else max(b.right for b in self.lines)


def _side(left: float, right: float, width: int, color=None) -> str:
    """From the bubble's margins, unless they are close: then from its colour.

    A bubble as wide as the screen, or an incoming one pushed right by an avatar and a
    nickname, has margins that say little. Its colour says more: the borrower's own
    bubbles are coloured (green, blue), the others white or grey.
    """
    left_margin, right_margin = left, width - right
    apart = abs(left_margin - right_margin)
    if color is not None and apart <= _CLOSE_MARGINS * width:
        saturation = _saturation(color)
        if saturation > _COLOURED:
            return OUT
        if saturation < _GREY or apart <= _EVEN_MARGINS * width:
            return IN
    return IN if left_margin <= right_margin else OUT


#: Margins this close (a share of the screen's width) leave the side to the bubble's colour;
#: within the narrower band, a bubble neither clearly coloured nor grey is taken as incoming.
_CLOSE_MARGINS = 0.2
_EVEN_MARGINS = 0.05
#: A bubble's colour above this saturation is the borrower's own; below the lower one, grey.
_COLOURED = 0.35
_GREY = 0.12


def _group_by_panel(lines: list[OcrBox], width: int) -> list[_Bubble]:
    groups: dict[tuple, list[OcrBox]] = {}
    for b in lines:
        groups.setdefault(b.panel, []).append(b)
    bubbles = []
    for panel, members in groups.items():
        members.sort(key=lambda b: (b.top, b.left))
        side = _side(panel[0], panel[2], width, members[0].background)
        # Bubbles a few pixels apart can read as one block: a gap wider than a line's
        # spacing inside it is the space between two bubbles. That space holds both
        # bubbles' margins, so it is also wider than the margin above the first line (a
        # line of digits has a shorter box than a line of Chinese, and leaves a wider gap).
        # Lines may be set loosely, though: where one bubble's lines are evenly spaced, a gap
        # no wider than the others is the line spacing; a lone gap splits only when it is
        # about two margins wide.
        line = statistics.median(b.height for b in members)
        margin = min(max(members[0].top - panel[1], 0), 1.5 * line)
        gaps = [b.top - a.bottom for a, b in zip(members, members[1:], strict=False)]
        split_gap = max(0.55 * line, 1.4 * margin)
        if len(gaps) >= 2:
            split_gap = max(split_gap, 1.5 * statistics.median(gaps))
        elif gaps:
            split_gap = max(split_gap, 1.8 * margin)
        parts = [[members[0]]]
        for b in members[1:]:
            if b.top - parts[-1][-1].bottom > split_gap:
                parts.append([b])
            else:
                parts[-1].append(b)
        for part in parts:
            rect = panel
            if len(parts) > 1:
                rect = (panel[0], part[0].top - 4, panel[2], part[-1].bottom + 4)
            bubbles.append(_Bubble(lines=part, side=side, panel=rect))
    return bubbles


def _group_by_alignment(lines: list[OcrBox], width: int, typical: float) -> list[_Bubble]:
    """Lines with no block of colour around them: left edges aligned, one line pitch apart.

    Text inside a bubble is left-aligned on both sides, so the short last line of
    the borrower's own bubble starts where its long lines start. The side is
    judged on the whole bubble. Distances are measured bottom to bottom in
    typical line heights, because a line of only punctuation has a short box.
    """
    groups: list[list[OcrBox]] = []
    for line in sorted(lines, key=lambda b: (b.top, b.left)):
        if groups:
            previous = groups[-1]
            pitch = line.bottom - previous[-1].bottom
            aligned = abs(line.left - previous[0].left) < 0.8 * typical
            if aligned and pitch < 1.75 * typical:
                previous.append(line)
                continue
        groups.append([line])
    return [
        _Bubble(
            lines=group,
            side=_side(min(b.left for b in group), max(b.right for b in group), width),
        )
        for group in groups
    ]


def _merge_row_pieces(lines: list[OcrBox]) -> list[OcrBox]:
    """One line of a bubble that OCR cut in two (at a wide space) becomes one box again."""
    rows: list[list[OcrBox]] = []
    for b in sorted(lines, key=lambda b: (b.cy, b.left)):
        for row in rows:
            a = row[0]
            overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
            if overlap > 0.6 * min(a.height, b.height) and a.panel == b.panel:
                row.append(b)
                break
        else:
            rows.append([b])
    out = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        merged = [row[0]]
        for b in row[1:]:
            a = merged[-1]
            if b.left - a.right < 2.5 * a.height:
                merged[-1] = join_pieces(a, b)
            else:
                merged.append(b)
        out.extend(merged)
    return out


def _heads_panel(b: OcrBox, panels: set[Rect]) -> bool:
    """A line right on top of a bubble, starting at its left edge: a group member's name.

    Nicknames of Latin letters and marks ("Amy_贷后", "小周@橙信") measure nearly as large as
    the messages, so their size does not tell them; their place does. A message's own line
    sits inside its bubble, a padding away from the edge.
    """
    return any(
        -0.2 * b.height <= top - b.bottom < 0.5 * b.height
        and abs(b.left - left) < b.height
        and b.right < right
        for left, top, right, _bottom in panels
    )


def _nickname(bubble: _Bubble, loose: list[OcrBox], used: set[int]) -> str:
    """In a group chat, the small name right above an incoming bubble, aligned with it."""
    best = None
    for n, b in enumerate(loose):
        if n in used or b.bottom > bubble.top + 4:
            continue
        gap = bubble.top - b.bottom
        line = statistics.median(x.height for x in bubble.lines)
        near = gap < 1.2 * b.height and abs(b.left - bubble.left) < 2.5 * line
        if near and (best is None or b.bottom > loose[best].bottom):
            best = n
    if best is None:
        return ""
    used.add(best)
    return loose[best].text


def _beside(label: OcrBox, bubble: _Bubble, width: int) -> bool:
    """A small time next to a bubble's last line, on its open side: that bubble's own time."""
    level = bubble.top < label.cy < bubble.bottom + 0.3 * label.height
    gap = label.left - bubble.right if bubble.side == IN else bubble.left - label.right
    return level and -4 <= gap < 0.15 * width


def _centred(b: OcrBox, width: int) -> bool:
    """Centred on the screen, as a time label between bubbles is."""
    return abs(b.cx - width / 2) < 0.12 * width


def _is_inner_time(b: OcrBox, stamp: Stamp, bubble_em: float) -> bool:
    """A clock time in a bubble's lower right corner, smaller than the message: its own time."""
    if b.panel is None or stamp.clock is None or stamp.day is not None or not bubble_em:
        return False
    left, _top, right, bottom = b.panel
    cornered = right - b.right < 2 * b.height and bottom - b.bottom < 1.5 * b.height
    return cornered and b.left > left + 0.25 * (right - left) and em_size(b) < 0.75 * bubble_em


def _alone_in_panel(b: OcrBox) -> bool:
    """The only line of its bubble, reaching to the bubble's right edge."""
    if b.panel is None:
        return False
    _left, top, right, bottom = b.panel
    snug = b.top - top < 1.5 * b.height and bottom - b.bottom < 1.5 * b.height
    return snug and right - b.right < 2 * b.height


def _is_wechat_look(bubbles: list[_Bubble]) -> bool:
    """WeChat's own bubbles are green with dark text; SMS apps' green bubbles have white text."""
    for bubble in bubbles:
        if bubble.side != OUT:
            continue
        background = bubble.lines[0].background
        ink = bubble.lines[0].color
        if background is None or ink is None:
            continue
        red, green, blue = background
        if green > red + 25 and green > blue + 25 and sum(ink) < 240:
            return True
    return False


def _moment(stamp: Stamp, day: date, tz: ZoneInfo) -> tuple[datetime, str]:
    clock = stamp.clock or time(12, 0)
    note = "" if stamp.clock else NOTE_DATE_ONLY
    return datetime.combine(stamp.day or day, clock, tzinfo=tz), note


def _region(boxes: list[OcrBox]) -> tuple[int, int, int, int]:
    return (
        min(b.left for b in boxes),
        min(b.top for b in boxes),
        max(b.right for b in boxes),
        max(b.bottom for b in boxes),
    )


def _body_top(boxes: list[OcrBox], skip: set[int], width: int, height: int) -> float:
    """Where the messages start: the first bubble or time label under the header."""
    tops = [
        b.top
        for i, b in enumerate(boxes)
        if i not in skip
        and b.top > 0.04 * height
        and (
            (_is_bubble(b, width) and not _is_avatar_text(b, width) and not _is_badge(b, width))
            or (is_stamp(b.text) and abs(b.cx - width / 2) < 0.15 * width)
            or (
                UI.match(b.text)
                and any(ch.isalnum() for ch in b.text)  # a word, not the "›" after a name
                and abs(b.cx - width / 2) < 0.15 * width
                and b.top > 0.1 * height
            )
        )
    ]
    return min(tops, default=0.24 * height) - 2


def _bottom_limit(boxes: list[OcrBox], width: int, height: int) -> float:
    """Where the input bar starts: a full-width bar low on the screen."""
    low = height - 0.25 * screen_height(width, height)
    bars = [
        b.panel[1]
        for b in boxes
        if b.panel and b.panel[2] - b.panel[0] >= 0.9 * width and b.panel[1] > low
    ]
    return min(bars, default=height)


def _parse_chat(
    boxes: list[OcrBox],
    skip: set[int],
    *,
    sender: str,
    width: int,
    height: int,
    body_top: float,
    taken_on: date,
    tz: ZoneInfo,
) -> tuple[str, list[ScreenRecord]]:
    """Bubbles in reading order, each dated by the nearest time label above (or under) it."""
    bottom = _bottom_limit(boxes, width, height)
    content = [b for i, b in enumerate(boxes) if i not in skip and b.cy < bottom]
    typical = statistics.median([b.height for b in content] or [1])
    blocks = [b for b in content if _is_bubble(b, width)]
    in_bubbles = [b for b in blocks if not _is_avatar_text(b, width, blocks)]
    panels_seen = bool(in_bubbles)
    bubble_line = statistics.median([b.height for b in in_bubbles]) if in_bubbles else typical
    bubble_em = statistics.median([em_size(b) for b in in_bubbles]) if in_bubbles else 0
    screen = screen_height(width, height)
    bottom_bar = height - 1.6 * typical - 0.04 * screen
    stamps: list[tuple[Stamp, OcrBox]] = []
    receipts: list[tuple[Stamp, OcrBox]] = []
    lines: list[OcrBox] = []
    tails: list[int] = []  # lines that end in a clock time at their bubble's right edge
    loose: list[OcrBox] = []
    known_panels = {b.panel for b in in_bubbles}
    for b in content:
        if not _is_bubble(b, width):
            # A line whose own block was not found (JPEG noise) inside a bubble found for
            # another line is that bubble's.
            inside = next(
                (
                    p
                    for p in known_panels
                    if p[0] <= b.cx <= p[2] and p[1] <= b.cy <= p[3] and not _is_pill(b, width)
                ),
                None,
            )
            if inside is not None:
                b = replace(b, panel=inside)
        punctuation = not any(ch.isalnum() for ch in b.text)
        # A line that carries on a bubble's line above it is the message's, whatever its
        # words ("搜索“青禾分期”或登录…" wrapped to a line's start is no search box).
        wrapped = _is_bubble(b, width) and any(
            o.panel == b.panel and o.bottom <= b.top + 0.2 * b.height for o in in_bubbles
        )
        if (
            UI.match(b.text) and not (wrapped or (punctuation and _is_bubble(b, width)))
        ) or NOTICE.search(b.text):
            delivered = parse_stamp(b.text, taken_on)
            if delivered is not None and delivered.clock and not _centred(b, width):
                receipts.append((delivered, b))  # "已送达10:20" under a bubble
            continue  # the app's words; a line of only "……" inside a bubble is the message's
        if _is_avatar_text(b, width, blocks):
            continue
        stamp = parse_stamp(b.text, taken_on)
        if (
            not _is_bubble(b, width)
            and b.top > bottom_bar
            and len(b.text) <= 8
            and not (stamp and stamp.clock)  # the last bubble's own time, cropped short
        ):
            continue  # the input bar's words
        in_bubble = _is_bubble(b, width) and not _is_pill(b, width)
        # Time labels are small; a line in the messages' own size ("Friday.") is a message's.
        # A label centred on the screen outside any bubble is one whatever its size (a short
        # message sits at one side; only a long one is centred, and it is no time label).
        # Where bubbles have found blocks, a time outside any block is a label whatever its
        # size (an own time as large as the messages' text, under its bubble).
        label_sized = (
            not bubble_em
            or em_size(b) < 0.9 * bubble_em
            or _is_pill(b, width)
            or (abs(b.cx - width / 2) < 0.06 * width and not in_bubble)
            or (panels_seen and b.panel is None)
        )
        if stamp is not None and not in_bubble and label_sized:
            stamps.append((stamp, b))
            continue
        if stamp is not None and in_bubble and _is_inner_time(b, stamp, bubble_em):
            stamps.append((stamp, b))  # a bubble's own time, printed small in its corner
            continue
        if _is_bubble(b, width):
            lines.append(b)
            if _TRAILING_CLOCK.match(b.text) and _alone_in_panel(b):
                tails.append(len(lines) - 1)
            continue
        if not any(ch.isalnum() for ch in b.text) or b.height > 2.2 * bubble_line:
            continue  # an icon or avatar read as a mark
        centred = (
            abs(b.cx - width / 2) < 0.06 * width and min(b.left, width - b.right) > 0.15 * width
        )
        if panels_seen and (
            em_size(b) < 0.85 * bubble_em or centred or _heads_panel(b, known_panels)
        ):
            loose.append(b)  # a nickname, a notice or a label: not a message
        elif not panels_seen and centred and b.height < typical:
            continue  # a centred system notice ("以上是历史消息")
        else:
            lines.append(replace(b, panel=None))
    # A delivery note with a time is that message's own time where the app prints each
    # message's time (Huawei, Honor); on a phone that shows a time only when read (iMessage's
    # "已读 10:20") it is not when the message was sent.
    if any(not _centred(box, width) and not stamp.day for stamp, box in stamps):
        stamps += receipts
        # A short message and its own time in its corner, read as one line ("好的17:25").
        for n in tails:
            head, clock = _TRAILING_CLOCK.match(lines[n].text).groups()
            lines[n] = replace(lines[n], text=head)
            stamps.append((parse_stamp(clock, taken_on), lines[n]))
    lines = _merge_row_pieces(lines)
    bubbles = _group_by_panel([b for b in lines if b.panel], width)
    bubbles += _group_by_alignment([b for b in lines if not b.panel], width, typical)
    bubbles.sort(key=lambda bubble: (bubble.top, bubble.left))
    used: set[int] = set()
    for bubble in bubbles:
        if bubble.side == IN:
            bubble.nickname = _nickname(bubble, loose, used)
    kind = IM if _is_wechat_look(bubbles) or any(b.nickname for b in bubbles) else ""

    # Time labels: a centred one dates every bubble below it; one under a bubble dates that bubble.
    own: dict[int, Stamp] = {}
    above: dict[int, Stamp] = {}
    for stamp, box in stamps:
        centred = _centred(box, width)
        under = [
            n
            for n, bubble in enumerate(bubbles)
            # (its box may start a pixel or two inside the bubble: the time drawn tight under it)
            if box.top - bubble.bottom < 1.6 * typical
            and (box.top + box.bottom) / 2 > bubble.bottom
            and box.top - bubble.bottom >= -0.25 * typical
            and (
                (bubble.side == IN and box.left < width / 2)
                or (bubble.side == OUT and box.right > width / 2)
            )
        ]
        beside = [n for n, bubble in enumerate(bubbles) if _beside(box, bubble, width)]
        inside = [n for n, bubble in enumerate(bubbles) if box.panel and bubble.panel == box.panel]
        if centred and not beside:
            under = []
        under = inside or under or beside
        if under:
            n = under[-1]
            label = own.get(n) or stamp
            own[n] = Stamp(day=label.day or stamp.day, clock=label.clock or stamp.clock)
            continue
        if not centred and stamp.day is None:
            continue  # the own time of a bubble OCR did not find: it dates nothing else
        for n, bubble in enumerate(bubbles):
            if bubble.top >= box.bottom - 2:
                # Two labels over one bubble (a day, then the clock of a bubble OCR missed):
                # the nearer one counts, on the day of the one above it.
                earlier = above.get(n)
                if earlier is not None and stamp.day is None:
                    stamp = Stamp(day=earlier.day, clock=stamp.clock or earlier.clock)
                above[n] = stamp
                break
    records = []
    undated: list[int] = []  # records with a clock time but no day shown above them
    dayless: list[int] = []  # records with their own clock time and no time label above
    current: Stamp | None = None
    current_day: date | None = None
    top_edge = min((b.top for b in bubbles), default=0)
    bottom_edge = max((b.bottom for b in bubbles), default=height)
    for n, bubble in enumerate(bubbles):
        if n in above:
            current = above[n]
            current_day = current.day or taken_on
        stamp = current
        if n in own:
            label = own[n]
            stamp = Stamp(
                day=label.day or current_day, clock=label.clock or (current and current.clock)
            )
        occurred_at, note = (None, "")
        if stamp is not None:
            occurred_at, note = _moment(stamp, taken_on, tz)
            if stamp.day is None:
                undated.append(len(records))
            if current is None:
                dayless.append(len(records))  # its own clock time, and no day above it
        text = join_lines(
            [b.text for b in bubble.lines],
            settled=all(b.marks_settled for b in bubble.lines),
            full=_full_lines(bubble.lines),
        )
        if _LONE_MARKS.match(text):
            text = _lone_marks(text, bubble)
        region = _region(bubble.lines)
        clipped = (bubble.top - top_edge < 1 and bubble.top <= body_top + 0.02 * screen) or (
            bottom_edge - bubble.bottom < 1 and bubble.bottom >= bottom - 0.02 * screen
        )
        records.append(
            ScreenRecord(
                kind=kind or SMS,
                sender=normalise_sender(bubble.nickname) if bubble.nickname else sender,
                direction=bubble.side,
                text=text,
                occurred_at=occurred_at,
                region=region,
                confidence=min(b.confidence for b in bubble.lines),
                note=note,
                clipped=clipped,
            )
        )
    _date_from_below(records, undated, taken_on)
    # A bubble's own clock time with no label above it on this screen: the day is not shown,
    # so its time is unknown; the guess is kept for when nothing better is found (merge).
    for n in dayless:
        records[n] = replace(
            records[n], estimate=records[n].occurred_at, occurred_at=None, note=NOTE_TIME_ESTIMATED
        )
    return kind, [unknown_clock(r) for r in records]


def _full_lines(lines: list[OcrBox]) -> list[bool]:
    """Whether each line of a bubble runs to the right edge of its text: within one
    character (a line's height) of the widest line's end."""
    edge = max(b.right for b in lines)
    return [edge - b.right < b.height for b in lines]


#: A message of only question or exclamation marks, of either width.
_LONE_MARKS = re.compile(r"^[?!？！]{1,3}$")
#: A line that ends in a clock time: a message and its own time read as one line.
_TRAILING_CLOCK = re.compile(rf"^(.*?\S)\s*({CLOCK_TIME})\s*$")
_FULL_WIDTH_MARKS = str.maketrans({"?": "？", "!": "！"})
_HALF_WIDTH_MARKS = str.maketrans({"？": "?", "！": "!"})


def _lone_marks(text: str, bubble: _Bubble) -> str:
    """A message of only "?" or "！": full-width or not, as its bubble shows.

    OCR reads the two alike, and their ink is alike too; but a full-width mark is
    drawn at the left of a square cell, so its bubble has more room after it than
    before it (a fifth of a line more, on four development sets).
    """
    line = bubble.lines[0]
    if bubble.panel is None or len(bubble.lines) != 1:
        return text
    before, after = line.left - bubble.panel[0], bubble.panel[2] - line.right
    wide = after - before > 0.2 * line.height
    return text.translate(_FULL_WIDTH_MARKS if wide else _HALF_WIDTH_MARKS)


def _date_from_below(records: list[ScreenRecord], undated: list[int], taken_on: date) -> None:
    """Bubbles above the first label with a day, dated by their own clock time only.

    A screenshot scrolled up a thread can start with bubbles whose day label is
    off screen. They came before the first dated label below them, so they are
    not "today": they are that label's day (or the day before, when their clock
    time is later than the label's).
    """
    for n in undated:
        later = next(
            (
                r.occurred_at
                for m, r in enumerate(records[n + 1 :], n + 1)
                if m not in undated and r.occurred_at is not None
            ),
            None,
        )
        own = records[n].occurred_at
        if later is None or own is None or later.date() >= taken_on:
            continue
        moment = own.replace(year=later.year, month=later.month, day=later.day)
        if moment > later:
            moment -= timedelta(days=1)
        records[n] = replace(records[n], occurred_at=moment)


def classify(boxes: list[OcrBox], width: int = 1080, height: int = 2340) -> str:
    """Call log, chat app, or text messages, from the words and blocks on screen."""
    blocks = [b for b in boxes if _is_bubble(b, width)]
    # A tab's word on its own block ("All", "Missed") is no message bubble.
    bubbles = sum(
        1 for b in blocks if not _is_avatar_text(b, width, blocks) and not UI.match(b.text)
    )
    centred_stamps = sum(1 for b in boxes if _centred(b, width) and is_stamp(b.text))
    if call_signals(boxes, width, height) >= 2 + bubbles + centred_stamps:
        return CALL
    if any(IM_MARKS.search(b.text) for b in boxes):
        return IM
    return SMS


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
    one_screen = screen_height(width, height)
    skip = status_bar(boxes, one_screen, width)
    visible = [b for i, b in enumerate(boxes) if i not in skip]
    layout = classify(visible, width, height)
    text = "\n".join(b.text for b in visible)
    if layout == CALL:
        records = parse_calls(boxes, skip, width=width, height=height, taken_on=taken_on, tz=tz)
        return ScreenRead(
            layout=CALL,
            sender="",
            records=[replace(r, screen=screen) for r in records],
            text=text,
        )
    body_top = _body_top(boxes, skip, width, one_screen)
    sender, header = _header(boxes, skip, width, one_screen, body_top)
    kind, records = _parse_chat(
        boxes,
        skip | header,
        sender=sender,
        width=width,
        height=height,
        body_top=body_top,
        taken_on=taken_on,
        tz=tz,
    )
    if kind == IM and layout == SMS:
        layout = IM
    records = [replace(r, kind=layout) for r in records]
    if not records and not sender:
        layout = UNKNOWN
    return ScreenRead(
        layout=layout,
        sender=sender,
        records=[replace(r, screen=screen) for r in records],
        text=text,
    )
