"""What the screenshot reader passes around: text boxes in, records out.

Pure data: layout.py and calllog.py turn OcrBoxes into ScreenRecords; ocr.py
makes the boxes from a picture; merge.py joins the records of several pictures.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

SMS = "sms"
IM = "im"
CALL = "call"
UNKNOWN = "unknown"

#: Notes for the borrower to check (keys; the services translate them).
NOTE_TIME_ESTIMATED = "time_estimated"
NOTE_DATE_ONLY = "date_only"
NOTE_CALL_TYPE_GUESSED = "call_type_guessed"
#: A call row whose time was not shown and whose kind was guessed: both to check.
NOTE_DATE_ONLY_CALL_TYPE_GUESSED = "date_only+call_type_guessed"
NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED = "time_estimated+call_type_guessed"
#: The notes that say the time was not shown, and the record's time is a guess.
TIME_NOTES = frozenset(
    {
        NOTE_TIME_ESTIMATED,
        NOTE_DATE_ONLY,
        NOTE_DATE_ONLY_CALL_TYPE_GUESSED,
        NOTE_TIME_ESTIMATED_CALL_TYPE_GUESSED,
    }
)

Rect = tuple[int, int, int, int]
Color = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class OcrBox:
    """One line of text OCR found, with its box in pixels (left, top, right, bottom).

    What the picture says around the text, when ocr.annotate has looked (tests
    that feed boxes straight in may leave these empty):
    - `color`: the ink's colour (red for a missed call);
    - `background`: the colour behind the text;
    - `panel`: the block of that colour around the text when it is smaller than
      the screen: a message bubble, a pill, a bar;
    - `mark`: the box of a small drawing just before the text (a call-log icon).
    """

    text: str
    box: Rect
    confidence: float = 1.0
    color: Color | None = None
    background: Color | None = None
    panel: Rect | None = None
    mark: Rect | None = None
    #: Which way the mark leans: > 0 towards its top right (an arrow ↗), < 0 its bottom left (↙).
    mark_lean: float = 0.0
    #: Whether each mark in the text was settled full-width or narrow as it was read (from the
    #: pixels where they show it: glyphs.respell), so that joining lines leaves it so.
    marks_settled: bool = False

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
    def width(self) -> int:
        return max(1, self.right - self.left)

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
    region: Rect  # where on the screenshot, for the crop shown in review
    screen: int = 0  # which screenshot (its position in the upload)
    call_type: int | None = None
    duration_seconds: int | None = None
    confidence: float = 1.0
    note: str = ""
    #: For a bubble cut by the screen's top or bottom edge: its text may be incomplete.
    clipped: bool = False
    #: A best guess when `occurred_at` is unknown: a bubble's own clock time with no day
    #: shown above it, dated by the labels below it or the day the screenshot was taken;
    #: or noon on a day shown without a time.
    estimate: datetime | None = None


def unknown_clock(record: ScreenRecord) -> ScreenRecord:
    """A record whose label shows only the day ("昨天", "3/10/26"): its time is unknown, and
    noon on that day is kept as the guess for when nothing better is found (merge), with the
    note that asks the borrower to check it."""
    if record.note != NOTE_DATE_ONLY or record.occurred_at is None:
        return record
    return replace(record, estimate=record.occurred_at, occurred_at=None)


@dataclass(slots=True)
class ScreenRead:
    layout: str
    sender: str
    records: list[ScreenRecord] = field(default_factory=list)
    text: str = ""  # everything OCR read, top to bottom, one line per box


def join_pieces(a: OcrBox, b: OcrBox) -> OcrBox:
    """Two boxes OCR made of one line, left to right; a character both read is kept once."""
    text_a, text_b = a.text, b.text
    if b.left < a.right:  # overlapping boxes: "【宏达资产】尊" + "尊敬的…"
        for k in range(min(3, len(text_a), len(text_b)), 0, -1):
            if text_a.endswith(text_b[:k]):
                text_b = text_b[k:]
                break
    gap = " " if text_a[-1:].isascii() and text_b[:1].isascii() and b.left > a.right else ""
    box = (a.left, min(a.top, b.top), max(a.right, b.right), max(a.bottom, b.bottom))
    return replace(a, text=text_a + gap + text_b, box=box)
