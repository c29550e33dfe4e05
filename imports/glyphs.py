"""What the pixels of one line say about the characters OCR read in it.

The recogniser reads each character's shape and its place, but not the room
around it, and that room is what tells apart:

- a space it dropped from no space at all ("@吴磊 出来", "8121 0793", "No. 2025");
- a full-width mark from a narrow one of the same shape ("（2025）" or "(2025)",
  "￥" or "¥", "。" or "."): a full-width mark fills a Chinese character's cell,
  with its ink in one half and a blank in the other.

`respell` puts those back from the line's ink. Where the pixels cannot tell
(a mark at the end of a line, ink that runs into its neighbour), the mark is
left to screentext.guess_mark, the guess from the characters around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .screentext import GUESSED_MARKS, after_mention, drop_cjk_spaces, guess_mark, guess_marks

Rect = tuple[int, int, int, int]

#: A line box is about this many font sizes (ems) tall (1.03–1.06 on five development sets).
_BOX_PER_EM = 1.05
#: A digit's advance is about this many ems (0.49–0.62, median 0.53, on the same sets).
_DIGIT_PER_EM = 0.53
#: Neighbouring Chinese characters this many times further apart than the closest pair have
#: a character OCR did not read between them.
_MISSED_BETWEEN = 1.5
#: One pair of Chinese characters tells the em where its pitch is within these shares of
#: the em the line's height gives (boxes are 1.03–1.06 ems tall, but can be taller).
_ONE_PAIR = (0.75, 1.2)


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character's ink, in ems: its width and height, and the blank before and after it
    (None at either end of the line)."""

    width: float
    height: float
    before: float | None
    after: float | None
    #: Where its ink ends, as a share of the box's height from the top (a full stop's is low).
    bottom: float
    #: Whether its middle is blank with ink all round: a ring ("。"), not a dot.
    hollow: bool


class LineInk:
    """The ink of one line read by OCR, and the characters it read there."""

    def __init__(self, gray: np.ndarray, box: Rect, chars: list, places: list):
        self.chars = [str(c) for c in chars]
        self.left = box[0]
        self.height = box[3] - box[1]
        self.centres = [(p[0][0] + p[1][0]) / 2 for p in places]
        self.places = [(p[0][0], p[1][0]) for p in places]
        left, top, right, bottom = box
        crop = gray[max(top, 0) : bottom, max(left, 0) : right]
        self.ok = len(chars) == len(places) and crop.size > 0
        if not self.ok:
            return
        values, counts = np.unique(crop, return_counts=True)
        self.background = int(values[counts.argmax()])
        self.mask = _without_underline(_main_band(np.abs(crop - self.background) > 50))
        self.ink = self.mask.any(axis=0)

    def widest(self, j: int) -> int:
        """The widest run of blank columns between character j and the next one. A letter
        whose tail reaches back under the blank before it ("详情 jqd.top") is measured above
        its tail."""
        return self.blank(j, j + 1)

    def blank(self, i: int, k: int) -> int:
        """The widest run of blank columns between the centres of characters i and k."""
        start, end = self._blank_at(i, k)
        return end - start

    def _blank_at(self, i: int, k: int) -> tuple[int, int]:
        """Where the widest run of blank columns between the centres of characters i and k
        starts and ends (box pixels); an empty run at the first centre if there is none."""
        a, b = max(int(self.centres[i]) - self.left, 0), max(int(self.centres[k]) - self.left, 0)
        ink = self.ink_above_tails if self.chars[k] in _TAILS_BACK else self.ink
        best, run = (a, a), 0
        for x, has_ink in enumerate(ink[a:b], a):
            run = 0 if has_ink else run + 1
            if run > best[1] - best[0]:
                best = (x + 1 - run, x + 1)
        return best

    @cached_property
    def han_ink_pitch(self) -> float | None:
        """The usual distance between the middles of neighbouring Chinese characters' ink,
        from three pairs or more."""
        chars = self.chars
        pairs = [
            self.ink_centre(j + 1) - self.ink_centre(j)
            for j in range(len(chars) - 1)
            if _plain_cjk(chars[j]) and _plain_cjk(chars[j + 1])
        ]
        return float(np.median(pairs)) if len(pairs) >= 3 else None

    def ink_centre(self, j: int) -> float:
        """The middle of character j's ink, between the widest blanks on either side of it
        (or the ends of the line's ink)."""
        runs = self.runs
        left = self._blank_at(j - 1, j)[1] if j > 0 else (runs[0][0] if runs else 0)
        right = self._blank_at(j, j + 1)[0] if j + 1 < len(self.chars) else runs[-1][1]
        return self.left + (left + right) / 2

    @cached_property
    def ink_above_tails(self) -> np.ndarray:
        """Which columns have ink above the feet of the line's letters: where "j" and "y"
        curl back under the character before them."""
        top, bottom = self.band
        return self.mask[: top + int(_ABOVE_TAILS * (bottom - top))].any(axis=0)

    @property
    def em_measured(self) -> bool:
        """Whether the em was measured from the pitch of Chinese characters."""
        return self._chinese_pitch is not None

    @cached_property
    def _chinese_pitch(self) -> float | None:
        """The pitch of the line's Chinese characters: of two pairs or more, or of one pair
        that agrees with the line's height."""
        pitch = self._pitches(_plain_cjk)
        if len(pitch) >= 2:
            # Two characters a character apart: OCR missed the one between them ("核实下" for
            # "核实一下"), so their pitch is two ems.
            least = min(pitch)
            return float(np.median([p for p in pitch if p <= _MISSED_BETWEEN * least]))
        if len(pitch) == 1 and _ONE_PAIR[0] <= pitch[0] * _BOX_PER_EM / self.height <= _ONE_PAIR[1]:
            return float(pitch[0])
        return None

    @cached_property
    def em(self) -> float:
        """The font size: the pitch of the line's Chinese characters, or of its digits, or
        from its height."""
        if self._chinese_pitch is not None:
            return self._chinese_pitch
        digits = self._pitches(str.isdigit)
        if len(digits) >= 3:
            return max(float(np.median(digits)) / _DIGIT_PER_EM, 1.0)
        return max(self.height / _BOX_PER_EM, 1.0)

    def _pitches(self, kind) -> list[float]:
        """The distances between the centres of neighbouring characters both of `kind`."""
        chars, centres = self.chars, self.centres
        return [
            centres[i + 1] - centres[i]
            for i in range(len(chars) - 1)
            if kind(chars[i]) and kind(chars[i + 1])
        ]

    @cached_property
    def runs(self) -> list[tuple[int, int]]:
        """The runs of columns with ink, left to right (start, end), in box pixels."""
        return _column_runs(self.ink)

    @cached_property
    def band(self) -> tuple[int, int]:
        """The rows the line's ink spans (top, bottom), in box pixels."""
        rows = np.nonzero(self.mask.any(axis=1))[0]
        return (int(rows.min()), int(rows.max()) + 1) if rows.size else (0, self.mask.shape[0])

    def run_of(self, j: int, *, low: bool = False) -> int | None:
        """Which run of ink is character j's: the one nearest its centre within its place
        (with `low`, of the runs whose ink lies all in the lower half of the line: a full
        stop's)."""
        runs = self.runs
        left, right = (x - self.left for x in self.places[j])
        centre = self.centres[j] - self.left
        over = [k for k, (a, b) in enumerate(runs) if min(b, right) > max(a, left)]
        if low:
            top, bottom = self.band
            over = [k for k in over if self.rows_of(k)[0] >= (top + bottom) / 2]
        if not over:
            return None
        return min(over, key=lambda n: abs((runs[n][0] + runs[n][1]) / 2 - centre))

    def glyph(self, j: int, *, low: bool = False) -> Glyph | None:
        """Character j's ink (see run_of)."""
        k = self.run_of(j, low=low)
        if k is None:
            return None
        runs = self.runs
        a, b = runs[k]
        first, last = self.rows_of(k)
        em = self.em
        return Glyph(
            width=(b - a) / em,
            height=(last - first) / em,
            before=(a - runs[k - 1][1]) / em if k > 0 else None,
            after=(runs[k + 1][0] - b) / em if k + 1 < len(runs) else None,
            bottom=last / self.mask.shape[0],
            hollow=is_ring(self.mask[first:last, a:b]),
        )

    def rows_of(self, k: int) -> tuple[int, int]:
        """The rows run k's ink spans (top, bottom), in box pixels."""
        a, b = self.runs[k]
        rows = np.nonzero(self.mask[:, a:b].any(axis=1))[0]
        return int(rows.min()), int(rows.max()) + 1


def _column_runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True in a row of columns, left to right (start, end)."""
    edges = np.diff(np.concatenate(([0], columns.astype(np.int8), [0])))
    return list(zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True))


def is_ring(ink: np.ndarray) -> bool:
    """Whether `ink` is a ring: blank in the middle, with ink above, below and to each side."""
    tall, wide = ink.shape
    if min(tall, wide) < 5:
        return False
    rows, cols = slice(tall // 3, tall - tall // 3), slice(wide // 3, wide - wide // 3)
    return (
        not ink[rows, cols].any()
        and ink[: tall // 3, cols].any()
        and ink[tall - tall // 3 :, cols].any()
        and ink[rows, : wide // 3].any()
        and ink[rows, wide - wide // 3 :].any()
    )


def _main_band(mask: np.ndarray) -> np.ndarray:
    """The ink of the line itself: the band of rows with the most ink, without what a box
    holds of the lines above and below it (apart from it by a blank row)."""
    per_row = mask.sum(axis=1)
    rows = np.nonzero(per_row)[0]
    if rows.size == 0:
        return mask
    bands = np.split(rows, np.nonzero(np.diff(rows) > 1)[0] + 1)
    main = max(bands, key=lambda band: per_row[band].sum())
    kept = np.zeros_like(mask)
    kept[main[0] : main[-1] + 1] = mask[main[0] : main[-1] + 1]
    return kept


#: An underline (under a link) is a row of ink at least this many line heights long, in the
#: lowest part of the line's ink: no dash of a line's text is as long (a "——" is two ems).
_UNDERLINE_LONG = 2.5
_UNDERLINE_LOW = 0.3


def _without_underline(mask: np.ndarray) -> np.ndarray:
    """The line's ink without the line under a link, which would fill every blank above it."""
    rows = np.nonzero(mask.any(axis=1))[0]
    if rows.size == 0:
        return mask
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    long = _UNDERLINE_LONG * mask.shape[0]
    under = [
        y
        for y in range(bottom - max(1, int(_UNDERLINE_LOW * (bottom - top))), bottom)
        if any(b - a >= long for a, b in _column_runs(mask[y]))
    ]
    if not under:
        return mask
    kept = mask.copy()
    kept[under] = False
    return kept


def _plain_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


# Spaces.

#: The blank after a mention, in character widths: WeChat puts a quarter-em space after
#: "@name"; two Chinese characters in a row leave a quarter of that at most.
_MENTION_GAP = 0.28
#: The blank between two digits, in line heights: written together they leave at most 0.15
#: (measured on four development sets), with a space between them at least 0.29.
_DIGIT_GAP = 0.22
#: Beside the asterisks of a masked number ("6230 **** **** 7141") the blanks are narrower:
#: at most 0.18 written together, at least 0.21 with a space (on three development sets).
_MASK_GAP = 0.20


def _may_have_lost_a_space(text: str) -> bool:
    return ("@" in text and " " not in text) or any(
        _digit_like(a) and _digit_like(b) for a, b in zip(text, text[1:], strict=False)
    )


def _mention_space(line: LineInk) -> int | None:
    """Where the space after an @mention goes that OCR read as no space: after which character.

    After "@" and one to four characters of a name, the first blank between two
    Chinese characters wider than a space's worth is where the name ends.
    """
    chars = line.chars
    if "@" not in chars or " " in chars:
        return None
    at = chars.index("@")
    for j in range(at + 2, min(at + 6, len(chars) - 1)):
        if not (_plain_cjk(chars[j]) and _plain_cjk(chars[j + 1])):
            continue
        if line.widest(j) >= _MENTION_GAP * line.em:
            return j
    return None


#: The blank (in ems) that is a space between a Latin letter or digit and what follows it:
#: another letter or digit, or a narrow mark (0.27–0.40 with a space, at most 0.23 without,
#: on six development sets). Before a Chinese character: 0.23–0.32 with a space; without,
#: at most 0.19 after a letter but up to 0.27 after a digit ("1日"), where only wider count.
_LATIN_SPACE = 0.25
_LETTER_HAN_SPACE = 0.22
_DIGIT_HAN_SPACE = 0.28
#: After a Chinese character, before a letter or digit ("银行 6236", "编号 AJ-2025"): 0.29–0.33
#: with a space on two development sets. Without one, up to 0.23 before a letter ("账户ID"),
#: 0.25 before a digit ("6月6日") and 0.28 before "1", whose ink is narrow ("8月14").
_HAN_LETTER_SPACE = 0.26
_HAN_DIGIT_SPACE = 0.28
_HAN_ONE_SPACE = 0.30
#: Between two Chinese characters (a space in a mixed-language message, "号 已立案"):
#: 0.27–0.36 with a space on set 10; without one, up to 0.30 ("自己", sets 7 and 8). Then
#: the middles of their ink are as far apart as other pairs' (1.04 times the line's median),
#: with a space 1.25 times. A space OCR read there stays where the blank is at least the
#: lower width.
_HAN_HAN_SPACE = 0.3
_HAN_SPACED_PITCH = 1.15
_HAN_READ_SPACE = 0.25
#: After a narrow mark, before a Chinese character: 0.29–0.40 with a space, at most 0.19
#: without (set 7).
_MARK_HAN_SPACE = 0.25
#: After a letter or digit, before a yen sign: a space's blank (0.21 em after "f", whose ink
#: overhangs, on set 9; written together, at most 0.05 in Noto Sans CJK), and for "￥" its
#: own room before its ink too (0.18–0.28).
_YEN_AFTER_LATIN = {"¥": 0.15, "￥": 0.4}


def _latin_spaces(line: LineInk, pieces: list[str]) -> set[int]:
    """After which characters a space goes that OCR dropped beside Latin letters and digits
    ("Ok 明天", "loan HT2025", "No. 2025"): where the blank is a space's width."""
    out = set()
    for j in range(len(pieces) - 1):
        a, b = pieces[j][-1:], pieces[j + 1][:1]
        if not a or not b or " " in (a, b):  # (a space OCR read, kept or dropped)
            continue
        if _latin(a) and b.isascii() or a.isascii() and _latin(b):
            wide = _LATIN_SPACE  # "loan HT", "No. 2025" (a full-width mark is not ASCII)
        elif _latin(a) and _plain_cjk(b):
            wide = _DIGIT_HAN_SPACE if a.isdigit() else _LETTER_HAN_SPACE  # "Ok 明天"
        elif _latin(a) and b in "¥￥":
            wide = _YEN_AFTER_LATIN[b]  # "payment of ¥5,441"
        elif (a in _NARROW or a == "." or a == "]" and _square_tag(pieces, j)) and _plain_cjk(b):
            wide = _MARK_HAN_SPACE  # "customer, 您的", "overdue. 请尽快", "[提醒] 您的"
        elif _plain_cjk(a) and _plain_cjk(b):
            # "号 已立案"; some pairs leave a blank as wide with no space ("自己"), but their
            # ink is no further apart than the line's other Chinese characters'.
            pitch = line.han_ink_pitch
            if pitch is None or line.ink_centre(j + 1) - line.ink_centre(j) < (
                _HAN_SPACED_PITCH * pitch
            ):
                continue
            wide = _HAN_HAN_SPACE
        elif _plain_cjk(a) and _latin(b):
            wide = (  # "银行 6236"
                _HAN_ONE_SPACE
                if b == "1"
                else _HAN_DIGIT_SPACE
                if b.isdigit()
                else _HAN_LETTER_SPACE
            )
        else:
            continue
        if line.widest(j) >= wide * line.em:
            out.add(j)
    return out


#: The blank (in ems) before a full-width comma or full stop after a Latin letter or digit:
#: 0.14–0.22 written together, 0.29–0.45 with a space ("…/QLqur ，退订回TD", set 7).
_STOP_SPACE = 0.26


def _spaces_before_stops(line: LineInk, pieces: list[str]) -> set[int]:
    """After which characters a space goes before a full-width comma or full stop that
    follows a link or a number ("…/a/QLqur ，退订"): where the blank before its ink is a
    space's. A space OCR read there stays only where the blank shows one."""
    chars = line.chars
    out = set()
    for j in range(1, len(chars)):
        if pieces[j] not in ("，", "。"):
            continue
        spaced = chars[j - 1] == " "
        before = chars[j - 2] if spaced and j >= 2 else chars[j - 1]
        if not (_latin(before) or before == "/"):
            continue
        ink = line.glyph(j)
        wide = ink is not None and ink.before is not None and ink.before >= _STOP_SPACE
        if spaced and not wide:
            pieces[j - 1] = ""
        elif wide and not spaced:
            out.add(j - 1)
    return out


def _han_spaces_read(line: LineInk, pieces: list[str]) -> None:
    """Drop each space OCR read between two Chinese characters where the blank there is
    not a space's; the one after an @mention stays."""
    chars = line.chars
    for j in range(1, len(chars) - 1):
        if chars[j] != " " or not (_plain_cjk(chars[j - 1]) and _plain_cjk(chars[j + 1])):
            continue
        if line.blank(j - 1, j + 1) < _HAN_READ_SPACE * line.em and not after_mention(
            "".join(chars[:j])
        ):
            pieces[j] = ""


#: The blank after a Chinese character's ink, in ems, that its width leaves out of its cell.
_REPEAT_GAP = 0.1
#: How tall a Chinese character's ink stands, in ems (Noto Sans CJK: 0.86-0.92).
_HAN_INK_HEIGHT = 0.9
#: A blank wider than this (in ems) parts two characters' ink more than letter spacing does.
_APART = 0.3


def _repeats_collapsed(line: LineInk) -> str:
    """The characters the recogniser merged into one where a line is one Chinese character
    said again ("嗯嗯" read as "嗯": it cannot tell a character twice from once held long):
    as many as the line's ink is ems wide, less those read."""
    chars, runs = line.chars, list(line.runs)
    if not runs or len(set(chars)) != 1 or not _plain_cjk(chars[0]):
        return ""
    # The em from the characters' own ink: a box's height says it only roughly.
    top, bottom = line.band
    em = (bottom - top) / _HAN_INK_HEIGHT
    if em < 0.5 * line.height:
        return ""  # flat strokes ("一"): their height says nothing
    # Ink standing apart at either end is no character of the run: a call's icon in the box.
    while len(runs) > 1 and runs[1][0] - runs[0][1] > _APART * em:
        runs.pop(0)
    while len(runs) > 1 and runs[-1][0] - runs[-2][1] > _APART * em:
        runs.pop()
    count = round((runs[-1][1] - runs[0][0]) / em + _REPEAT_GAP)
    if len(runs) < count:
        return ""  # characters side by side leave a blank between them
    return chars[0] * max(count - len(chars), 0)


def _square_tag(pieces: list[str], j: int) -> bool:
    """Whether the "]" at j closes a tag in square brackets ("[提醒]"), not a year that OCR
    read in square brackets for tortoise-shell ones ("〔2026〕", whose ink leaves a wide blank
    after it)."""
    before = "".join(pieces[:j])
    start = max(before.rfind("["), before.rfind("〔"), before.rfind("［"))
    if start < 0 or before[start] != "[":
        return False
    inside = before[start + 1 :]
    return bool(inside) and not inside.isdigit()


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _digit_like(char: str) -> bool:
    return char.isdigit() or char == "*"


def _asterisks(line: LineInk, pieces: list[str]) -> set[int]:
    """The asterisks of a masked number counted from the ink, one run of ink each, with the
    spaces between their groups: OCR reads "6222 **** **** 9333" as "6222******9333".

    Only between two characters with ink of their own, and only where every run between
    them is an asterisk's: small, and high in the line. Returns the characters whose spaces
    after them were counted here.
    """
    chars = line.chars
    counted = set()
    j = 0
    while j < len(chars):
        if chars[j] != "*":
            j += 1
            continue
        end = j
        while end + 1 < len(chars) and chars[end + 1] in "* ":
            end += 1
        while chars[end] == " ":
            end -= 1
        first, last = j, end
        j = end + 1
        before = next((k for k in range(first - 1, -1, -1) if chars[k] != " "), None)
        after = next((k for k in range(last + 1, len(chars)) if chars[k] != " "), None)
        if before is None or after is None:
            continue
        left, right = line.run_of(before), line.run_of(after)
        if left is None or right is None or right - left < 2:
            continue
        stars = line.runs[left + 1 : right]
        if not all(_star(line, k) for k in range(left + 1, right)):
            continue
        gap = _MASK_GAP * _BOX_PER_EM * line.em  # (a box can be taller than its line)
        edges = [line.runs[left], *stars, line.runs[right]]
        text = ""
        for n in range(len(edges) - 1):
            if edges[n + 1][0] - edges[n][1] >= gap:
                text += " "
            if n + 1 < len(edges) - 1:
                text += "*"
        for k in range(before + 1, after):
            pieces[k] = ""
        pieces[before + 1] = text
        counted.update(range(before, after))
    return counted


def _star(line: LineInk, k: int) -> bool:
    """Whether run k of the line's ink is an asterisk: narrow, short, in the line's upper part."""
    a, b = line.runs[k]
    top, bottom = line.rows_of(k)
    band_top, band_bottom = line.band
    em = line.em
    return (
        (b - a) <= _STAR * em
        and (bottom - top) <= _STAR * em
        and (top + bottom) / 2 < (band_top + band_bottom) / 2
    )


#: An asterisk's ink is at most this many ems wide and tall.
_STAR = 0.6


def _digit_spaces(line: LineInk) -> set[int]:
    """After which characters a space goes between two digits the pixels show apart
    ("8121 0793"), or beside the asterisks of a masked number ("6230 **** **** 7141")."""
    chars = line.chars
    out = set()
    for j in range(len(chars) - 1):
        if _digit_like(chars[j]) and _digit_like(chars[j + 1]):
            masked = "*" in (chars[j], chars[j + 1])
            if line.widest(j) >= (_MASK_GAP if masked else _DIGIT_GAP) * line.height:
                out.add(j)
    return out


# Full-width marks or narrow ones.

#: Marks whose ink sits at the start of a full-width cell, and their narrow forms.
_CLOSING = {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "）": ")"}
_NARROW = {v: k for k, v in _CLOSING.items()}
#: What OCR reads for the Chinese dash "——": one dash, or the character for one.
_DASHES = "一—－-"
#: Every mark `respell` decides, in either form.
MARKS = frozenset(_CLOSING) | frozenset(_NARROW) | frozenset("（(￥¥。." + _DASHES)
#: The blank (in ems) beside a full-width mark's ink on its empty side is at least this
#: (0.5–0.9 on five development sets, 0.54–0.88 on set 7). A narrow mark leaves at most
#: 0.2 with no space after it, and 0.27–0.42 with one ("customer, 您的", "already! 再不还").
_FULL_ROOM = 0.48
#: A space's width, in ems, as a blank beside a mark.
_SPACE_ROOM = 0.4
#: Where the em is guessed and OCR read a space after the mark: a narrow mark and a space
#: leave 0.27-0.42 em, and up to a fifth more where the guess is small; a full-width mark
#: leaves 0.75-0.85 whether or not OCR put a space after it ("CNY 11,744.66，Ref", set 14).
_SPACED_FULL_ROOM = 0.65
#: Where the em is guessed (see _full_or_narrow): full-width from this blank, narrow up to
#: `_NARROW_ROOM`, unclear between.
_GUESSED_FULL_ROOM = 0.40
_NARROW_ROOM = 0.25
#: The blank half of a full-width mark's cell, in ems, less its narrow form's room.
_FULL_MARK_ROOM = 0.55
#: "￥" stands in its cell with room on both sides (0.19–0.31 em); "¥" has 0.04–0.15.
_YEN_ROOM = 0.17
#: A full stop "。" is a ring about 0.3 em tall (0.23–0.44 on five development sets); a dot
#: "." is filled, about 0.15 em.
_RING = 0.2
_ONE_RING = 0.45
_DOT = 0.20
#: Ink ending below this share of the box is at the foot of the line (a full stop, a comma).
_LOW = 0.6
#: Ink wider than this (in ems) is not one mark alone: it ran into its neighbour.
_ONE_MARK = 0.6
#: A dash line at least this long (in ems) is two dashes ("—" and "一" are 1 em at most).
_TWO_DASHES = 1.3
#: "一" is 0.78–1.01 em wide on set 7; a hyphen 0.18–0.28.
_ONE_WIDE = 0.6
_THIN = 0.2
_ONE_YEN = 0.8
#: Letters whose tail curls back under the character before them, and the share of the
#: line's ink band above those tails (Chinese characters reach about 0.88 em of 1.1).
_TAILS_BACK = frozenset("jy")
_ABOVE_TAILS = 0.78


#: How far past the line's last character a full stop the detector left out may lie (ems).
_STOP_REACH = 0.8


def _stop_left_out(gray: np.ndarray, box: Rect, line: LineInk) -> bool:
    """Whether a full stop "。" follows the line's last character outside what OCR read: the
    detector's box can end at the last character and cut off the small ring after it
    ("…由你承担" of "…由你承担。"). Only a ring at the line's foot, with blank after it."""
    left, top, right, bottom = box
    k = line.run_of(len(line.chars) - 1)
    if k is None:
        return False
    start = left + int(line.runs[k][1])  # where the last character's ink ends
    end = min(int(round(right + _STOP_REACH * line.em)), gray.shape[1])
    if end - start < 3 or top < 0:
        return False
    ink = np.abs(gray[top:bottom, start:end] - line.background) > 50
    runs = _column_runs(ink.any(axis=0))
    if len(runs) != 1 or runs[0][0] == 0:
        return False
    a, b = runs[0]
    rows = np.nonzero(ink[:, a:b].any(axis=1))[0]
    first, last = int(rows.min()), int(rows.max()) + 1
    em = line.em
    return (
        _RING <= (last - first) / em <= _ONE_RING
        and (b - a) / em <= _ONE_RING
        and last / ink.shape[0] >= _LOW
        and is_ring(ink[first:last, a:b])
    )


def _count_exclamations(line: LineInk, pieces: list[str]) -> None:
    """Each run of "!" OCR read as fewer than the ink shows ("！" or "!!" for "!!!") becomes
    as many narrow ones as there are."""
    chars = line.chars
    j = 0
    while j < len(chars):
        if chars[j] not in "!！":
            j += 1
            continue
        end = j
        while end < len(chars) and chars[end] in "!！":
            end += 1
        times = _exclamations(line, j)
        if times > end - j:
            pieces[j:end] = ["!" * times, *[""] * (end - j - 1)]
        j = end


def _exclamations(line: LineInk, j: int) -> int:
    """How many narrow "!" stand together where OCR read one ("回电!!!今天" read "回电！今天"):
    the run of "!"-shaped inks (a stem with a dot under it), each close to the next, that
    holds the one nearest character j's centre."""
    k = line.run_of(j)
    if k is None or not _exclamation_shaped(line, k):
        return 1
    runs, em = line.runs, line.em
    first = last = k
    while first > 0 and runs[first][0] - runs[first - 1][1] <= _CLOSE_MARKS * em:
        if not _exclamation_shaped(line, first - 1):
            break
        first -= 1
    while last + 1 < len(runs) and runs[last + 1][0] - runs[last][1] <= _CLOSE_MARKS * em:
        if not _exclamation_shaped(line, last + 1):
            break
        last += 1
    return last - first + 1


def _exclamation_shaped(line: LineInk, k: int) -> bool:
    """Whether run k of the line's ink is a "!": narrow, a tall stem, a blank, a dot."""
    a, b = line.runs[k]
    em = line.em
    if (b - a) > _ONE_STEM * em:
        return False
    rows = np.nonzero(line.mask[:, a:b].any(axis=1))[0]
    bands = np.split(rows, np.nonzero(np.diff(rows) > 1)[0] + 1)
    if len(bands) != 2:
        return False
    stem, dot = bands
    return len(stem) >= _STEM_TALL * em and len(dot) <= _DOT_TALL * em


#: A "!": its ink at most this wide, its stem at least this tall and its dot at most this tall
#: (ems); narrow ones in a row stand at most _CLOSE_MARKS apart (full-width ones, an em).
_ONE_STEM = 0.2
_STEM_TALL = 0.4
_DOT_TALL = 0.2
_CLOSE_MARKS = 0.35


def _ones_left_out(line: LineInk) -> set[int]:
    """After which characters a "一" goes that OCR did not read ("核实下" of "核实一下"): two
    Chinese characters two ems apart, with one flat line of ink a character wide between
    them."""
    chars, out = line.chars, set()
    em = line.em
    for j in range(len(chars) - 1):
        if not (_plain_cjk(chars[j]) and _plain_cjk(chars[j + 1])):
            continue
        if line.centres[j + 1] - line.centres[j] < _MISSED_BETWEEN * em:
            continue
        left, right = line.run_of(j), line.run_of(j + 1)
        if left is None or right is None or right - left != 2:
            continue
        a, b = line.runs[left + 1]
        top, bottom = line.rows_of(left + 1)
        if (b - a) >= _ONE_WIDE * em and (b - a) < _TWO_DASHES * em and bottom - top <= _THIN * em:
            out.add(j)
    return out


def _full_stop_read_as_o(line: LineInk, j: int) -> bool:
    """Whether the "o" or "0" OCR read after a number, at the line's end or before Chinese,
    is a full stop "。": a ring at the foot of the line, smaller than a letter o."""
    chars = line.chars
    if j == 0 or not (chars[j - 1].isdigit() or chars[j - 1] in ")）"):
        return False
    if j + 1 < len(chars) and not _plain_cjk(chars[j + 1]):
        return False
    ink = line.glyph(j, low=True)
    return (
        ink is not None
        and ink.bottom >= _LOW
        and _RING <= ink.height <= _ONE_RING
        and ink.width <= _ONE_RING
        and ink.hollow
    )


def _mark(line: LineInk, j: int) -> str | None:
    """Character j as the pixels show it (full-width or narrow; "——" for a dash two ems
    long), or None when they cannot tell."""
    char = line.chars[j]
    ink = line.glyph(j, low=char in "。.")
    if ink is None:
        return None
    if char in _DASHES:
        # "——", two dashes drawn as one line two ems long, which OCR reads as one.
        if ink.width >= _TWO_DASHES:
            return "——" if ink.height <= _THIN else None
        # "一" (one) between Chinese characters, which OCR reads as a dash ("核实－下"): a
        # line a character wide. A hyphen there ("App-我的-还款") is a third of that.
        between = 0 < j < len(line.chars) - 1 and all(
            _plain_cjk(c) for c in (line.chars[j - 1], line.chars[j + 1])
        )
        return "一" if between and ink.width >= _ONE_WIDE and ink.height <= _THIN else None
    if ink.width >= (_ONE_YEN if char in "￥¥" else _ONE_MARK):
        return None
    chars = line.chars
    after = ink.after if j + 1 < len(chars) else None
    before = ink.before if j else None
    if char in "。.":
        if ink.bottom < _LOW:
            return None
        if _RING <= ink.height <= _ONE_RING and ink.hollow:
            return "。"
        return "." if ink.height <= _DOT and not ink.hollow else None
    if char in "￥¥":
        if ink.after is None:
            # At a line's end ("应还￥" + "4535"): the room before it, after Chinese.
            if before is None or not _plain_cjk(chars[j - 1]):
                return None
            return "￥" if before >= _YEN_ROOM else "¥"
        if ink.after >= _YEN_ROOM and (before is None or before >= _YEN_ROOM):
            return "￥"
        return "¥" if ink.after < _YEN_ROOM else None
    if char in "（(":
        if before is None:
            return None
        if "".join(chars[:j]).rstrip()[-1:] in _CLOSING:  # "，(": its blank half first
            before -= _FULL_MARK_ROOM
        return _full_or_narrow("（", "(", before, spaced=chars[j - 1] == " ", line=line)
    full = char if char in _CLOSING else _NARROW.get(char)
    if full is None or after is None:
        return None
    return _full_or_narrow(full, _CLOSING[full], after, spaced=chars[j + 1] == " ", line=line)


def _full_or_narrow(
    full: str, narrow: str, room: float, *, spaced: bool, line: LineInk
) -> str | None:
    """By the blank on a mark's empty side: `full` or `narrow` (with or without a space
    after it: `_latin_spaces` tells), or None when unclear.

    Where the line has too few Chinese characters to measure its em by, it is guessed from
    digits or the line's height, and can be a fifth too small ("Finance: pay CNY 32,603"):
    only a blank clearly one side of the line tells. Where OCR read a space after the mark,
    that is as wide as a full-width mark's and a space, or no wider than a space."""
    if line.em_measured:
        return full if room >= _FULL_ROOM else narrow
    if spaced:
        return full if room >= _SPACED_FULL_ROOM else narrow if room < _SPACE_ROOM else None
    return full if room >= _GUESSED_FULL_ROOM else narrow if room <= _NARROW_ROOM else None


#: A space OCR read after a yen sign is its own room unless the blank is wider than this (ems):
#: "￥" leaves 0.19–0.31 after its ink.
_YEN_SPACE = 0.4


def _yen_spaces(line: LineInk, pieces: list[str]) -> None:
    """Drop the space OCR read after a yen sign ("￥ 8872") where the blank is only the
    sign's own room."""
    chars = line.chars
    for j in range(len(chars) - 1):
        if pieces[j] in ("￥", "¥") and chars[j + 1] == " ":
            ink = line.glyph(j)
            if ink is not None and ink.after is not None and ink.after < _YEN_SPACE:
                pieces[j + 1] = ""


def _pair_brackets(chars: list[str], pieces: list[str], decided: set[int]) -> None:
    """A bracket the pixels could not tell (at a line's end) takes the width of its partner
    in the line: "(020)" is narrow at both ends. A closing one the pixels could not tell
    follows its opening one, whether or not that one was told."""
    for j, char in enumerate(chars):
        if j in decided or char not in "(（)）":
            continue
        if char in "(（":
            partner = next((k for k in range(j + 1, len(chars)) if chars[k] in ")）"), None)
            if partner in decided:
                pieces[j] = "（" if pieces[partner] == "）" else "("
        else:
            partner = next((k for k in range(j - 1, -1, -1) if chars[k] in "(（"), None)
            if partner is not None:
                pieces[j] = "）" if pieces[partner] == "（" else ")"


_STAR_LIKE = "★＊*"


def _stars_as_asterisks(chars: list[str]) -> list[str]:
    """The asterisks of a masked number that OCR read as stars or full-width asterisks
    ("6222★★★★ ★★★★1026", "6222 ***＊***4660"): a
    star in a run of two or more stars and asterisks (spaces between allowed) beside a
    digit. A star alone, or between Chinese ("★重要通知★"), stays."""
    out = list(chars)
    j = 0
    while j < len(chars):
        if chars[j] not in _STAR_LIKE:
            j += 1
            continue
        end = j
        while end + 1 < len(chars) and chars[end + 1] in _STAR_LIKE + " ":
            end += 1
        while chars[end] == " ":
            end -= 1
        run = [k for k in range(j, end + 1) if chars[k] != " "]
        beside = "".join(chars[max(j - 2, 0) : j]) + "".join(chars[end + 1 : end + 3])
        if len(run) >= 2 and any(c.isdigit() for c in beside):
            for k in run:
                out[k] = "*"
        j = end + 1
    return out


def respell(gray: np.ndarray, box: Rect, chars: list, places: list, text: str) -> str:
    """The line's text with what its pixels show put back: the spaces the recogniser
    dropped, and each mark full-width or narrow (guessed from the characters around it
    where the pixels cannot tell)."""
    if ("★" in text or "＊" in text) and text == "".join(str(c) for c in chars):
        chars = _stars_as_asterisks([str(c) for c in chars])
        text = "".join(chars)
    line = LineInk(gray, box, chars, places)
    if not line.ok or text != "".join(line.chars):
        return drop_cjk_spaces(guess_marks(text))
    chars = line.chars
    spaces = set()
    if _may_have_lost_a_space(text):
        mention = _mention_space(line)
        spaces = _digit_spaces(line) | ({mention} if mention is not None else set())
    pieces, decided = [], set()
    for j, char in enumerate(chars):
        piece = char
        if char in MARKS:
            piece = _mark(line, j)
            if piece is None:
                piece = guess_mark(text, j)
            else:
                decided.add(j)
        elif char in "oO0" and _full_stop_read_as_o(line, j):
            piece = "。"
        elif char in GUESSED_MARKS:
            piece = guess_mark(text, j)
        pieces.append(piece)
    _count_exclamations(line, pieces)
    _pair_brackets(chars, pieces, decided)
    _yen_spaces(line, pieces)
    if (_plain_cjk(chars[-1]) or chars[-1] in "%)）") and _stop_left_out(gray, box, line):
        pieces[-1] += "。"
    for j in _ones_left_out(line):
        pieces[j] += "一"
    _han_spaces_read(line, pieces)
    pieces[-1] += _repeats_collapsed(line)
    spaces |= _latin_spaces(line, pieces) | _spaces_before_stops(line, pieces)
    spaces -= _asterisks(line, pieces)  # their spaces are counted with them
    return "".join(
        piece + " " if j in spaces and chars[j + 1] != " " else piece
        for j, piece in enumerate(pieces)
    )
