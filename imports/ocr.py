"""The thin adapter over the OCR engine: an image in, text boxes (layout.OcrBox) out.

RapidOCR (`rapidocr-onnxruntime`) runs the PP-OCRv4 Chinese detection and
recognition models on the CPU through ONNX Runtime. The models ship inside the
wheel, so nothing is downloaded at run time and no image leaves the server.
Everything that is not calling the engine (what the boxes mean) is in layout.py.
"""

from __future__ import annotations

import io
import os
import re
import threading
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .glyphs import is_ring, respell
from .screenbox import Color, OcrBox, Rect
from .screentext import guess_marks, has_cjk
from .timestamps import CLOCK_TIME, date_from_exif

#: Larger pictures are scaled down first; phone screenshots are 1080–1440 px wide.
MAX_SIDE = 4000
#: Decompression bombs: refuse pictures with more pixels than a 4000 × 4000 image.
MAX_PIXELS = 16_000_000
#: ONNX Runtime threads per model: the server's two cores. One thread would use a fifth
#: less CPU time and be quicker on a busy machine, but slower on a quiet one.
OCR_THREADS = min(2, os.cpu_count() or 1)

_engine = None
_engine_lock = threading.Lock()


class ImageUnreadable(ValueError):
    """Not a picture the server can open (or one far too large)."""


@dataclass(frozen=True, slots=True)
class LoadedImage:
    image: Image.Image  # RGB, turned upright
    exif_date: date | None


def _session(model_path: str):
    """An ONNX Runtime session for one model, tuned for a small shared CPU.

    RapidOCR's own sessions let idle threads spin (busy-wait for work) and keep
    no memory arena. Spinning burnt a third more CPU time for the same result and,
    whenever anything else ran on the two cores, made screenshots slower; the
    arena reuses buffers across the differently sized inputs (about 140 MB more
    at peak). The text read is the same.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = True
    options.intra_op_num_threads = OCR_THREADS
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(
        model_path, sess_options=options, providers=["CPUExecutionProvider"]
    )


def _get_engine():
    """The engine, loaded once per process and shared by every thread."""
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            engine = RapidOCR()
            # The models RapidOCR found in its wheel, reopened with our session options.
            for holder in (engine.text_det.infer, engine.text_rec.session):
                holder.session = _session(holder.session._model_path)
            _engine = engine
        return _engine


def load_image(data: bytes) -> LoadedImage:
    """Open a PNG or JPEG (HEIC arrives as PNG), turn it upright, and read its EXIF date."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        exif = image.getexif()
        taken = exif.get_ifd(0x8769).get(0x9003) or exif.get(0x0132)  # DateTimeOriginal, DateTime
        image = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        raise ImageUnreadable(str(exc)) from None
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    return LoadedImage(image=image, exif_date=date_from_exif(str(taken) if taken else None))


def _border(pixels: np.ndarray) -> np.ndarray:
    """The pixels on a box's edge: OCR boxes have a margin, so mostly the background."""
    return np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]]).astype(np.int32)


def ink_color(pixels: np.ndarray) -> Color | None:
    """The mean colour of the pixels that stand out from a text box's background.

    The background is the median colour of the box's edge; ink is whatever
    differs from it clearly. None for a box with no clear ink.
    """
    if pixels.size == 0 or min(pixels.shape[:2]) < 2:
        return None
    background = np.median(_border(pixels), axis=0)
    flat = pixels.reshape(-1, 3).astype(np.int32)
    ink = flat[np.abs(flat - background).sum(axis=1) > 120]
    if len(ink) < 4:
        return None
    red, green, blue = (int(v) for v in ink.mean(axis=0))
    return red, green, blue


#: A picture taller than this many widths is a long (scrolling) screenshot.
LONG_SCREENSHOT = 2.6


def read_boxes(image: Image.Image) -> list[OcrBox]:
    """Every line of text the engine finds, with its upright bounding box.

    The engine scales pictures down to 2000 px on their long side, which would
    leave the text of a long screenshot too small to read; those are read in
    overlapping slices of about one screen, each line kept from the slice that
    holds its middle.
    """
    width, height = image.size
    if height <= LONG_SCREENSHOT * width:
        return _read_lines(image)
    step, overlap = round(2.2 * width), round(0.25 * width)
    boxes: list[OcrBox] = []
    top = 0
    while True:
        bottom = min(top + step, height)
        own_from = top + overlap // 2 if top else 0
        own_to = bottom - overlap // 2 if bottom < height else height
        for b in _read_lines(image.crop((0, top, width, bottom))):
            moved = replace(b, box=(b.left, b.top + top, b.right, b.bottom + top))
            if own_from <= moved.cy < own_to:
                boxes.append(moved)
        if bottom >= height:
            return boxes
        top = bottom - overlap


def _read_lines(image: Image.Image) -> list[OcrBox]:
    # No angle classifier: screenshots are upright, and it costs time and flips short lines.
    # Each character's place is kept: the blanks between them tell the spaces OCR drops and
    # full-width marks from narrow ones (glyphs.respell).
    result, _elapsed = _get_engine()(image, use_cls=False, return_word_box=True)
    gray = None
    boxes = []
    rows = []
    for points, text, score, *per_char in result or []:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (int(min(xs)), int(min(ys)), int(round(max(xs))), int(round(max(ys))))
        rows.append((box, str(text), float(score), per_char))
    rows = _rejoin_overlaps(image, _rejoin_masks(image, _regrow_rows(image, rows)))
    for box, text, score, per_char in rows:
        if len(per_char) >= 2:
            places, chars = per_char[0], per_char[1]  # each character's box, and the character
            if gray is None:
                gray = np.asarray(image.convert("L"), dtype=np.int16)
            text = respell(gray, box, chars, places, text)
        else:
            text = guess_marks(text)
        boxes.append(OcrBox(text=text, box=box, confidence=float(score), marks_settled=True))
    return boxes


def _rejoin_overlaps(image: Image.Image, rows: list) -> list:
    """The engine's lines, with a line the detector cut into two overlapping boxes read again
    as one ("李律师" + "市【明石所】" for "李律师【明石所】": the overlap was read twice).
    Rows are (box, text, score, places and characters)."""
    order = sorted(range(len(rows)), key=lambda n: rows[n][0][0])
    pairs = []
    for i, m in enumerate(order):
        (l1, t1, r1, b1) = rows[m][0]
        for n in order[i + 1 :]:
            (l2, t2, r2, b2) = rows[n][0]
            if l2 >= r1:
                break
            tall = min(b1 - t1, b2 - t2)
            if tall > 0 and min(b1, b2) - max(t1, t2) >= 0.7 * tall and r2 > r1 and l2 > l1:
                pairs.append((m, n))
    if not pairs:
        return rows
    pixels = np.asarray(image)
    joined, used = {}, set()
    for m, n in pairs:
        if m in used or n in used:
            continue
        (l1, t1, r1, b1), (l2, t2, r2, b2) = rows[m][0], rows[n][0]
        read = _read_with_places(pixels, (l1, min(t1, t2), r2, max(b1, b2)))
        if read is None or read[2] < _REJOINED_SCORE:
            continue
        joined[m] = read
        used.update((m, n))
    return _with_rejoined(rows, joined, used)


def _with_rejoined(rows: list, joined: dict, used: set) -> list:
    """The rows, each line read again as one in the place of the first row it joins, and
    the others it joins left out."""
    return [joined.get(n, row) for n, row in enumerate(rows) if n in joined or n not in used]


#: A line read again as one is kept when the engine is at least this sure of it.
_REJOINED_SCORE = 0.8


#: What the detector's piece of a masked number reads as: asterisks, and the tops of the
#: digits beside them cut off with them ("********+" for "********7"); or a line that
#: starts or ends with them, cut from the rest of its row ("6214" + "**** **** 0907，").
_MASK_PIECE = re.compile(
    r"[*★☆※+]*\*[*★☆※+ ]*|\*.*|.*\*"
    r"|[*★☆※+ ]*[*★☆※][*★☆※+ ]*[*★☆※][*★☆※+ ]*"  # two or more read as stars ("★★★★ ★★★★")
)


def _rejoin_masks(image: Image.Image, rows: list) -> list:
    """The engine's lines, with a masked number's asterisks joined to their line again.

    The detector can cut the asterisks of "412723********7170" out of their line as a
    box of their own, only as tall as the asterisks, which also cuts the digit beside
    them in half ("********+"), or cut a row beside its asterisks, which loses the space
    there. The whole row is read again as one line, with each character's place. Rows
    are (box, text, score, places and characters).
    """
    pieces = [
        n for n, (box, text, *_rest) in enumerate(rows) if _MASK_PIECE.fullmatch(text.strip())
    ]
    if not pieces:
        return rows
    pixels = None
    joined, used = {}, set()
    for n in pieces:
        if n in used:
            continue
        box = rows[n][0]
        row = [n]
        for m, (other, *_rest) in enumerate(rows):
            if m == n or m in used:
                continue
            overlap = min(box[3], other[3]) - max(box[1], other[1])
            near = max(other[0] - box[2], box[0] - other[2]) < other[3] - other[1]
            if overlap > 0.6 * (box[3] - box[1]) and near:
                row.append(m)
        if len(row) == 1:
            continue
        if pixels is None:
            pixels = np.asarray(image)
        left, right = min(rows[m][0][0] for m in row), max(rows[m][0][2] for m in row)
        top, bottom = min(rows[m][0][1] for m in row), max(rows[m][0][3] for m in row)
        room = round(0.5 * (bottom - top))  # a digit cut in half lies partly beyond the box
        rect = (max(left - room, 0), top, min(right + room, pixels.shape[1]), bottom)
        read = _read_with_places(pixels, rect)
        if read is None or "*" not in read[1]:
            continue
        # The line's box: the pieces', and beyond them where the asterisks end the row
        # (the digit they cut in half lies partly outside their box).
        _rect, text, score, (places, chars) = read
        ends = [x for place in places for x, _y in place] or [rect[0], rect[2]]
        if box[0] == left:
            left = min(left, min(ends))
        if box[2] == right:
            right = max(right, max(ends))
        read = ((left, top, right, bottom), text, score, [places, chars])
        used.update(row)
        joined[min(row)] = read
    return _with_rejoined(rows, joined, used)


def _regrow_rows(image: Image.Image, rows: list) -> list:
    """The engine's lines, each grown over ink it left out at its end in the same row.

    The detector can miss the asterisks of a masked number and what follows them on the
    line ("2元，请及时还款至6222" of "…至6222 **** **** 234"): where a line ends in a digit
    or asterisk and ink goes on beside it, within its bubble and read by no other line,
    the line is read again with that ink. So is a line the detector found only as its last
    character or two ("逾" of "（身份证4403************10）逾", on a dark bubble).
    """
    grown = list(rows)
    gray = pixels = None
    for n, (box, text, _score, _per_char) in enumerate(rows):
        ends = bool(text) and (text[-1].isdigit() or text[-1] == "*")
        stub = 0 < len(text.strip()) <= _STUB and has_cjk(text)
        starts = bool(text) and (text[0].isdigit() or text[0] == "*" or stub)
        if not (ends or starts):
            continue
        if gray is None:
            gray = np.asarray(image.convert("L"), dtype=np.int16)
            pixels = np.asarray(image)
        # On the right ("…至6222" of "…至6222 **** **** 234"), or on the left: the start of a
        # line the detector saw only from its last group on ("9132" of "17 **** **** 9132").
        end = _ink_beyond(gray, box) if ends else None
        start = _ink_before(gray, box) if starts and end is None else None
        if end is None and start is None:
            continue
        rect = (box[0], box[1], end, box[3]) if end else (start, box[1], box[2], box[3])
        if any(m != n and _overlaps(rect, other[0]) for m, other in enumerate(rows)):
            continue
        read = _read_with_places(pixels, rect)
        if read is None or read[2] < 0.9:
            continue
        if end and read[1].startswith(text[:4]):
            # What it adds goes on with the number: not a bubble's tail read as "！".
            keep = _goes_with_a_number(read[1][len(text) :].replace(" ", ""))
        elif start and read[1].endswith(text[-4:]):
            added = read[1][: len(read[1]) - len(text)].replace(" ", "")
            # A masked number's start, or a line's: not a call row's icon before its number.
            keep = ("*" in added and _goes_with_a_number(added)) or (stub and len(added) > _STUB)
        else:
            keep = False
        if keep:
            grown[n] = read
    return grown


#: A line the detector found as this many characters at most may be the end of a longer one.
_STUB = 3


def _goes_with_a_number(added: str) -> bool:
    return len(added) >= 2 and sum(c.isdigit() or c == "*" for c in added) >= 2


#: A column mostly of another shade than a line's background, over the line's rows, and of
#: one flat shade, is past the edge of its bubble; a stroke of a digit or a Chinese character
#: can fill as much of a tight box, but not evenly.
_EDGE = 0.6
_FLAT = 20


def _ink_beyond(gray: np.ndarray, box: Rect) -> int | None:
    """Where ink that goes on after a line's box, in its rows and on its background, ends
    (None when there is none): blanks of up to a line's height apart, and not past the
    edge of its bubble (a column mostly of another, flat shade)."""
    left, top, right, bottom = box
    tall = bottom - top
    strip = gray[top:bottom, right : min(right + 20 * tall, gray.shape[1])]
    if strip.shape[1] == 0:
        return None
    border = np.concatenate([gray[top, left:right], gray[bottom - 1, left:right]])
    background = np.median(border)
    differ = np.abs(strip - background) > 60
    share = differ.mean(axis=0)
    flat = strip.std(axis=0) < _FLAT
    end, blank = None, 0
    for x, part in enumerate(share):
        if part > _EDGE and flat[x]:  # the bubble's edge
            break
        if part == 0:
            blank += 1
            if blank > tall:
                break
            continue
        blank = 0
        end = x + 1
    if end is None or end < 0.5 * tall:
        return None
    return min(right + end + round(0.5 * tall), gray.shape[1])  # the recogniser wants room


def _ink_before(gray: np.ndarray, box: Rect) -> int | None:
    """Where ink that goes on before a line's box, in its rows, starts (see _ink_beyond)."""
    left, top, right, bottom = box
    flipped = gray[top:bottom, ::-1]  # the line's rows only, read right to left
    width = gray.shape[1]
    end = _ink_beyond(flipped, (width - right, 0, width - left, bottom - top))
    return None if end is None else width - end


def _read_with_places(pixels, rect: Rect):
    """The recogniser's reading of `rect` as one line, as a row of the engine's result."""
    engine = _get_engine()
    crop = np.ascontiguousarray(pixels[rect[1] : rect[3], rect[0] : rect[2]], dtype=np.uint8)
    if crop.size == 0:
        return None
    read, _elapsed = engine.text_rec([crop], True)
    if not read or not read[0][0]:
        return None
    tall, wide = crop.shape[:2]
    corners = np.array([[[0, 0], [wide, 0], [wide, tall], [0, tall]]], dtype=np.float32)
    ((text, score, places, chars, *_scores),) = engine.cal_rec_boxes([crop], corners, read)
    places = [[[x + rect[0], y + rect[1]] for x, y in corners] for corners in places]
    return rect, str(text), float(score), [places, chars]


#: Pixels within this of the first one (per channel) belong to its flat block of colour: wide
#: enough for JPEG noise, narrow enough to stop at a bubble's edge (white on #ededed is 17).
_FILL_RANGE = 7
#: A seed pixel must be this close to the box's background colour.
_SEED_STEP = 3
#: A block larger than this share of the screen is the page itself, not a bubble.
_PAGE_SHARE = 0.3


class _Blocks:
    """Flat blocks of colour (bubbles, bars, the page), found by flood fill and remembered."""

    def __init__(self, pixels: np.ndarray):
        import cv2

        # A median filter first: JPEG's speckle around letters and block edges would stop the
        # fill inside a bubble; the edges of bubbles and letters stay sharp.
        self.pixels = cv2.medianBlur(np.ascontiguousarray(pixels), 5)
        height, width = pixels.shape[:2]
        self.mask = np.zeros((height + 2, width + 2), np.uint8)
        self.rects: dict[int, Rect] = {}

    def around(self, x: int, y: int) -> Rect:
        import cv2

        label = int(self.mask[y + 1, x + 1])
        if label and label in self.rects:
            return self.rects[label]
        if len(self.rects) >= 254:  # labels are bytes: start again
            self.mask[:] = 0
            self.rects.clear()
        label = len(self.rects) + 1
        step = (_FILL_RANGE,) * 3
        flags = 4 | cv2.FLOODFILL_MASK_ONLY | cv2.FLOODFILL_FIXED_RANGE | (label << 8)
        _n, _img, _mask, (left, top, w, h) = cv2.floodFill(
            self.pixels, self.mask, (x, y), (0, 0, 0), step, step, flags
        )
        self.rects[label] = (left, top, left + w, top + h)
        return self.rects[label]


def _seeds(pixels: np.ndarray, b: OcrBox, background: np.ndarray) -> list[tuple[int, int]]:
    """Pixels of the box's background on its edge (never inside a letter), middle ones first."""
    height, width = pixels.shape[:2]
    top, bottom = max(b.top, 0), min(b.bottom, height) - 1
    left, right = max(b.left, 0), min(b.right, width) - 1
    if bottom - top < 2 or right - left < 2:
        return []
    middle, centre = (top + bottom) // 2, (left + right) // 2
    points = [
        (left, middle),
        (right, middle),
        (centre, top),
        (centre, bottom),
        (left, top),
        (right, bottom),
        (left + (right - left) // 4, top),
        (left + (right - left) // 4, bottom),
    ]
    close = []
    for x, y in points:
        if np.abs(pixels[y, x].astype(np.int32) - background).max() <= _SEED_STEP:
            close.append((x, y))
    return close


def _mark(pixels: np.ndarray, b: OcrBox, background: np.ndarray) -> tuple[Rect | None, float]:
    """A small drawing before the text (an icon), and which way it leans.

    Looked for from two line heights left of the box to the start of its text
    (OCR often reads an icon into the box as a space): the blobs of ink in the
    box's rows, leaving out those cut by the box's top or bottom edge (the lines
    above and below). The first group of blobs is an icon when it is no wider
    than a character and a clear gap follows it. The lean is where its ink
    sits: towards its top right (> 0, an arrow ↗) or bottom left (< 0, ↙).
    """
    import cv2

    h = b.height
    # A little above and below the box: an icon is centred on its line, so it ends inside;
    # the lines above and below run on past the edge.
    margin = h // 3
    top, bottom = max(b.top - margin, 0), min(b.bottom + margin, pixels.shape[0])
    x0 = max(b.left - 2 * h, 0)
    x1 = min(b.left + int(1.8 * h), b.right, pixels.shape[1])
    if x1 - x0 < 4 or bottom - top < 4:
        return None, 0.0
    # Searched a little further right, for when a SIM card's box comes first (below).
    far = min(b.left + int(3 * h), b.right, pixels.shape[1])
    strip = pixels[top:bottom, x0:far].astype(np.int32)
    ink = (np.abs(strip - background).sum(axis=2) > 90).astype(np.uint8)
    count, labels, stats, _centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    blobs = sorted(
        (int(stats[n, 0]), int(stats[n, 0] + stats[n, 2]), n)
        for n in range(1, count)
        if stats[n, 4] >= 4
        and stats[n, 1] > 0
        and stats[n, 1] + stats[n, 3] < bottom - top
        and not _rule(stats[n], h)
    )
    groups: list[list] = []
    for blob in blobs:
        if groups and blob[0] - max(end for _s, end, _n in groups[-1]) <= 0.15 * h:
            groups[-1].append(blob)
        else:
            groups.append([blob])
    # A SIM card's number in a box ("[2] ↙ 浙江杭州"): the icon, if any, is the next drawing.
    boxed = bool(groups) and any(_boxed(labels, stats, n) for _s, _e, n in groups[0])
    # ...or the end of that box, cut by the strip's edge, where a drawing the size of an icon
    # stands apart between it and the text.
    cut = (
        len(groups) >= 3
        and x0 > 0
        and groups[0][0][0] == 0
        and _icon_apart(groups[1], groups[2], h)
        and _group_height(groups[1], stats) >= 0.3 * h
    )
    if boxed or cut:
        groups.pop(0)
    else:
        groups = [g for g in groups if g[0][0] < x1 - x0]
    if sum(len(g) for g in groups) < 2:
        return _mark_lower(pixels, b, background)
    # A thin sliver left of the box is no icon: the edge of an avatar the strip cuts into.
    while (
        len(groups) > 2
        and _group_height(groups[0], stats) < 0.3 * h
        and groups[0][-1][1] + x0 < b.left
    ):
        groups.pop(0)
    if len(groups) < 2:
        return _mark_lower(pixels, b, background)
    first, following = groups[0], groups[1]
    if not _icon_apart(first, following, h):
        return _mark_lower(pixels, b, background)
    return _leaning(np.isin(labels, [n for _s, _e, n in first]), x0, top)


def _rule(stat: np.ndarray, h: int) -> bool:
    """Whether a blob is a thin line wider than a character: the rule between two call rows,
    run just under a row's last line, not an icon."""
    return stat[3] <= 0.12 * h and stat[2] > 1.5 * h


def _icon_apart(group: list, following: list, h: int) -> bool:
    """Whether a group of blobs is no wider than an icon, with a clear gap after it."""
    start, end = group[0][0], max(e for _s, e, _n in group)
    return end - start <= 1.3 * h and following[0][0] - end >= 0.22 * h


def _boxed(labels: np.ndarray, stats: np.ndarray, n: int) -> bool:
    """Whether blob n is a square's outline (a SIM card's number in a box): ink along nearly
    all of each of its four sides, and a blob inside it."""
    x, y, w, h = (int(v) for v in stats[n, :4])
    if w < 5 or h < 5 or not 0.6 <= w / h <= 1.6:
        return False
    own = labels[y : y + h, x : x + w] == n
    sides = (own[0], own[-1], own[:, 0], own[:, -1])
    if min(float(side.mean()) for side in sides) < _BOX_SIDE:
        return False
    inner = labels[y + 2 : y + h - 2, x + 2 : x + w - 2]
    return bool(((inner != n) & (inner != 0)).any())


#: How much of each side of a SIM card's box is ink (its corners may be rounded).
_BOX_SIDE = 0.6


def _group_height(group: list, stats: np.ndarray) -> int:
    """How tall a group of blobs is, in pixels."""
    tops = [int(stats[n, 1]) for _s, _e, n in group]
    bottoms = [int(stats[n, 1] + stats[n, 3]) for _s, _e, n in group]
    return max(bottoms) - min(tops)


def _leaning(mask: np.ndarray, x0: int, top: int) -> tuple[Rect, float]:
    """The mark's rectangle on the page, and how far its ink leans to the top right."""
    ys, xs = np.nonzero(mask)
    height_, width_ = ys.max() - ys.min() + 1, xs.max() - xs.min() + 1
    lean = float(((xs - xs.min()) / width_ - 0.5).mean() - ((ys - ys.min()) / height_ - 0.5).mean())
    rect = (x0 + int(xs.min()), top + int(ys.min()), x0 + int(xs.max()), top + int(ys.max()))
    return rect, lean


#: How far left of a name's box an icon set lower may start, in the box's heights: a number's
#: box is shorter than a name's, and OPPO's arrow starts 2.0-2.1 of them before it (set 15).
_LOWER_REACH = 2.6


def _mark_lower(pixels: np.ndarray, b: OcrBox, background: np.ndarray) -> tuple[Rect | None, float]:
    """An icon left of the text that sits lower, between a call's name and the line under it.

    Huawei centres the call's arrow on the two lines of a row, so it runs past the
    name's box. Only the space left of the box is searched, down to a line below
    it; the icon is one small drawing there, wholly inside.
    """
    import cv2

    h = b.height
    top, bottom = max(b.top - h // 3, 0), min(b.bottom + h, pixels.shape[0])
    x0, x1 = max(b.left - int(_LOWER_REACH * h), 0), b.left - 2
    if x1 - x0 < 4 or bottom - top < 4:
        return None, 0.0
    strip = pixels[top:bottom, x0:x1].astype(np.int32)
    ink = (np.abs(strip - background).sum(axis=2) > 90).astype(np.uint8)
    count, labels, stats, _centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    inside = [
        n
        for n in range(1, count)
        if stats[n, 4] >= 4
        and stats[n, 0] > 0
        and stats[n, 1] > 0
        and stats[n, 0] + stats[n, 2] < x1 - x0
        and stats[n, 1] + stats[n, 3] < bottom - top
    ]
    if not inside or len(inside) < count - 1:
        return None, 0.0  # nothing, or something cut by the edges (text, a line, an avatar)
    xs = [stats[n, 0] for n in inside] + [stats[n, 0] + stats[n, 2] for n in inside]
    ys = [stats[n, 1] for n in inside] + [stats[n, 1] + stats[n, 3] for n in inside]
    if max(xs) - min(xs) > 1.3 * h or max(ys) - min(ys) > 1.3 * h or max(ys) - min(ys) < 0.3 * h:
        return None, 0.0
    return _leaning(np.isin(labels, inside), x0, top)


def annotate(image: Image.Image, boxes: list[OcrBox]) -> list[OcrBox]:
    """The boxes with what the picture says about them.

    For each: the colour of its ink, the colour behind it, the flat block of
    that colour around it (a bubble, a pill, a bar) unless that block is the
    page itself, and a small drawing just left of it (call-log icons).
    """
    pixels = np.asarray(image.convert("RGB"))
    height, width = pixels.shape[:2]
    blocks = _Blocks(pixels)
    out = []
    for b in boxes:
        box = pixels[max(b.top, 0) : b.bottom, max(b.left, 0) : b.right]
        if box.size == 0 or min(box.shape[:2]) < 2:
            out.append(b)
            continue
        background = np.median(_border(box), axis=0)
        smooth = blocks.pixels[max(b.top, 0) : b.bottom, max(b.left, 0) : b.right]
        panel = None
        for seed in _seeds(blocks.pixels, b, np.median(_border(smooth), axis=0))[:4]:
            rect = blocks.around(*seed)
            encloses = (
                rect[0] <= b.left + 3
                and rect[1] <= b.top + 3
                and rect[2] >= b.right - 3
                and rect[3] >= b.bottom - 3
            )
            if not encloses:
                continue  # a letter's hollow or a speck: try another edge
            w, h = rect[2] - rect[0], rect[3] - rect[1]
            if w * h < _PAGE_SHARE * width * height and h < 0.45 * height:
                panel = rect
            break
        mark, lean = _mark(pixels, b, background)
        out.append(
            replace(
                b,
                color=ink_color(box),
                background=tuple(int(v) for v in background),
                panel=panel,
                mark=mark,
                mark_lean=lean,
            )
        )
    return out


def missed_lines(image: Image.Image, boxes: list[OcrBox]) -> list[OcrBox]:
    """Lines inside a bubble that the detector did not find, read again on their own.

    The detector can pass over a line it finds hard (a row of asterisks in a masked
    ID number, a short last line such as "发我。"). Where a bubble has room for a
    line above, between or under the lines found, and ink of the text's colour is
    there, that strip is cut tightly around the ink and given to the recogniser.
    """
    pixels = np.asarray(image.convert("RGB")).astype(np.int32)
    height, width = pixels.shape[:2]
    by_panel: dict[Rect, list[OcrBox]] = {}
    for b in boxes:
        if b.panel is None or b.color is None or b.background is None:
            continue
        left, top, right, bottom = b.panel
        if right - left < 0.92 * width and bottom - top < 0.45 * height:
            by_panel.setdefault(b.panel, []).append(b)
    found = []
    for panel, lines in by_panel.items():
        lines.sort(key=lambda b: b.top)
        line = float(np.median([b.height for b in lines]))
        edges = [panel[1] + 2, *(y for b in lines for y in (b.top, b.bottom)), panel[3] - 2]
        for y0, y1 in zip(edges[::2], edges[1::2], strict=True):
            if y1 - y0 >= 0.9 * line:
                read = _read_strip(pixels, panel, y0, y1, line, lines[0])
                if read is None and y0 == lines[-1].bottom:
                    read = _lone_stop(pixels, panel, y0, y1, line, lines)
                if read is not None:
                    found.append(read)
        # Only the bubble's own time was found, in its corner: the message is before it.
        first = min(b.left for b in lines)
        if all(_CLOCK_ONLY.match(b.text) for b in lines) and first - panel[0] > 1.5 * line:
            before = (panel[0], panel[1], first - 2, panel[3])
            read = _read_strip(
                pixels, before, panel[1] + 2, panel[3] - 2, line, lines[0], side=0.8, min_score=0.7
            )
            if read is not None:
                found.append(read)
    return found + _missed_bubbles(pixels, boxes, by_panel)


def _lone_stop(pixels, panel: Rect, y0: int, y1: int, line: float, lines: list[OcrBox]):
    """A full stop "。" wrapped alone onto the bubble's last line, which the detector passes
    over as a speck: one small ring of the text's colour at the start of the line under
    the last line found, and no other ink there."""
    import cv2

    like = lines[-1]
    # Only where a line's first character would stand: not the bubble's rounded corners,
    # whose outside is the page's colour, often the text's.
    start = min(b.left for b in lines)
    x0 = max(panel[0] + 2, start - round(0.25 * line))
    x1 = min(panel[2] - 2, start + round(1.5 * line))
    mask = _text_ink(pixels[y0 : min(y1, y0 + round(1.6 * line)), x0:x1], like)
    # One drawing clear of the strip's edges (a bubble's corner runs into them).
    count, labels, stats, _centroids = cv2.connectedComponentsWithStats(
        mask.astype(np.uint8), connectivity=8
    )
    tall, wide = mask.shape
    inside = [
        n
        for n in range(1, count)
        if stats[n, 0] > 0
        and stats[n, 1] > 0
        and stats[n, 0] + stats[n, 2] < wide
        and stats[n, 1] + stats[n, 3] < tall
    ]
    if len(inside) != 1:
        return None
    left, top, w, h = (int(v) for v in stats[inside[0], :4])
    right, bottom = left + w, top + h
    mask = labels == inside[0]
    start -= x0
    if not (
        _STOP_SIZE[0] * line <= bottom - top <= _STOP_SIZE[1] * line
        and right - left <= _STOP_SIZE[1] * line
        and bottom <= 1.6 * line
        and abs(left - start) <= 0.5 * line
        and is_ring(mask[top:bottom, left:right])
    ):
        return None
    # As tall as a line of text, so that it lines up with the lines above it.
    foot = y0 + int(bottom)
    box = (x0 + int(left), max(y0, foot - round(line)), x0 + int(left) + round(line), foot)
    return replace(
        like, text="。", box=box, confidence=1.0, mark=None, mark_lean=0.0, marks_settled=True
    )


#: A full stop's ring, from its top to its foot, is this share of the line's height.
_STOP_SIZE = (0.2, 0.45)


#: A time of day alone: a message's own time printed in its bubble.
_CLOCK_ONLY = re.compile(rf"^\s*{CLOCK_TIME}\s*$")


#: Bubbles are searched on a picture this many times smaller: enough for a one-character bubble.
_BUBBLE_STEP = 4
#: A circle fills π/4 of its square (0.785); a bubble found on a smaller picture, a bit less.
_ROUND = 0.72


def _missed_bubbles(pixels, boxes: list[OcrBox], by_panel: dict) -> list[OcrBox]:
    """Whole bubbles the detector passed over: a lone "？", "好" or "ok".

    They have the colour of the bubbles found, the shape of a bubble (a filled
    rounded box, not a round button), no text found in them, and one line of ink
    in the text's colour, which the recogniser reads.
    """
    import cv2

    height, width = pixels.shape[:2]
    if not by_panel or height > LONG_SCREENSHOT * width:
        return []
    line = float(np.median([b.height for lines in by_panel.values() for b in lines]))
    looks = {}
    for lines in by_panel.values():
        looks.setdefault(tuple(lines[0].background), lines[0])
    tops = [p[1] for p in by_panel]
    bottoms = [p[3] for p in by_panel]
    low, high = min(tops) - 0.3 * height, min(max(bottoms) + 0.25 * height, 0.9 * height)
    step = _BUBBLE_STEP
    small = pixels[::step, ::step]
    found = []
    for colour, like in looks.items():
        mask = (np.abs(small - np.array(colour)).max(axis=2) <= 8).astype(np.uint8)
        count, labels, stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=4)
        for n in range(1, count):
            x, y, w, h, area = (int(v) for v in stats[n])
            rect = (x * step, y * step, (x + w) * step, (y + h) * step)
            if not (
                1.2 * line <= h * step < 0.45 * height and 1.2 * line <= w * step < 0.92 * width
            ):
                continue
            if area < 0.8 * w * h:
                # The text inside a short bubble ("嗯嗯") makes holes in it: its outline counts.
                shape = (labels[y : y + h, x : x + w] == n).astype(np.uint8)
                outlines, _ = cv2.findContours(shape, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
                area = max((cv2.contourArea(c) for c in outlines), default=0)
            # A round shape is a button, unless it lines up with the bubbles found on its
            # side: a one-character bubble can be a circle ("?").
            aligned = any(abs(rect[0] - p[0]) <= 0.3 * line for p in by_panel) or any(
                abs(rect[2] - p[2]) <= 0.3 * line for p in by_panel
            )
            if area < (_ROUND if aligned else 0.8) * w * h or not (
                low <= rect[1] <= rect[3] <= high
            ):
                continue  # a round button, or outside the messages
            if (
                any(_overlaps(rect, p) for p in by_panel)
                or any(rect[0] <= b.cx <= rect[2] and rect[1] <= b.cy <= rect[3] for b in boxes)
                or any(_overlaps(rect, f.panel) for f in found)  # two looks of one colour
            ):
                continue
            # Inside the rounded edge, whose outside is the page's colour, not ink.
            m = max(step + 2, round(0.35 * line))
            inner = (rect[0] + m, rect[1] + m, rect[2] - m, rect[3] - m)
            read = _read_strip(
                pixels, inner, inner[1], inner[3], line, like, side=0.8, min_score=0.7
            )
            if read is not None:
                found.append(replace(read, panel=rect))
    return found


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _read_strip(
    pixels,
    panel: Rect,
    y0: int,
    y1: int,
    line: float,
    like: OcrBox,
    side: float = 0.2,
    min_score: float = 0.8,
):
    """The one line of text in a strip of a bubble, or None when there is none to read.

    The ink is cut out with a margin of a fifth of its height; `side` widens it
    beside the ink, up to the strip's edges (a lone "？" reads better with room);
    with a wide `side`, the whole strip is read when the cut-out is not.
    A read is kept only when the engine is at least `min_score` sure of it (a
    lone mark in a bubble of a bubble's shape and colours is read less surely).
    """
    x0, x1 = panel[0] + 2, panel[2] - 2
    ink_at = _one_line_of_ink(pixels, (x0, y0, x1, y1), line, like)
    if ink_at is None:
        return None  # none, a speck, or more than one line: not a line the detector missed
    rows, cols = ink_at
    tall = rows.max() - rows.min() + 1
    pad, beside = round(0.2 * tall), round(side * tall)
    rect = (
        max(x0 + int(cols.min()) - beside, x0 - pad, 0),
        max(y0 + int(rows.min()) - pad, 0),
        min(x0 + int(cols.max()) + 1 + beside, x1 + pad, pixels.shape[1]),
        min(y0 + int(rows.max()) + 1 + pad, pixels.shape[0]),
    )
    read = _read_rect(pixels, rect, like, min_score)
    if read is None and side >= 0.8:
        # A short message ("嗯嗯" on blue) can read better with all the room around it.
        read = _read_rect(pixels, (panel[0], y0, panel[2], y1), like, min_score)
    return read


def _text_ink(strip, like: OcrBox) -> np.ndarray:
    """Which pixels of `strip` are ink of `like`'s text colour, on its background."""
    away = np.abs(strip - np.array(like.background)).sum(axis=2) > 120
    return away & (np.abs(strip - np.array(like.color)).sum(axis=2) < 200)


def _one_line_of_ink(pixels, rect: Rect, line: float, like: OcrBox):
    """The rows and columns of `rect` holding ink of `like`'s text colour, when they make one
    line of text; None for no ink, a speck, or more than one line."""
    x0, y0, x1, y1 = rect
    mask = _text_ink(pixels[y0:y1, x0:x1], like)
    per_row = mask.sum(axis=1)
    rows = np.nonzero(per_row >= 2)[0]
    if rows.size == 0:
        return None
    rows = _main_band(rows, per_row)
    cols = np.nonzero(mask[rows.min() : rows.max() + 1].any(axis=0))[0]
    tall, wide = rows.max() - rows.min() + 1, cols.max() - cols.min() + 1
    if not (0.35 * line <= tall <= 1.3 * line) or wide < 0.1 * line:
        return None
    return rows, cols


def _main_band(rows: np.ndarray, per_row: np.ndarray) -> np.ndarray:
    """The rows of ink without the tips of the lines above and below that reach into a
    strip (a descender, an accent): bands at the strip's top or bottom edge with under a
    quarter of the ink of the largest band, apart from the rest by a blank row. (The dot
    of a lone "？" is a small band too, but not at an edge.)"""
    bands = np.split(rows, np.nonzero(np.diff(rows) > 1)[0] + 1)
    ink = [int(per_row[band].sum()) for band in bands]
    most = max(ink)
    last = len(per_row) - 1
    kept = [
        band
        for band, amount in zip(bands, ink, strict=True)
        if amount >= 0.25 * most or not (band[0] <= 1 or band[-1] >= last - 1)
    ]
    return np.concatenate(kept)


def _read_rect(pixels, rect: Rect, like: OcrBox, min_score: float):
    """The recogniser's reading of `rect` as one line, if it is at least `min_score` sure,
    with what the pixels show of its spaces and marks (glyphs.respell)."""
    read = _read_with_places(pixels, rect)
    if read is None:
        return None
    _rect, text, score, (places, chars) = read
    if not text.strip() or score < min_score:
        return None
    x0, y0, x1, y1 = rect
    crop = pixels[y0:y1, x0:x1].astype(np.float32)
    gray = np.rint(crop @ np.array([0.299, 0.587, 0.114], dtype=np.float32)).astype(np.int16)
    shifted = [[[x - x0, y - y0] for x, y in place] for place in places]
    text = respell(gray, (0, 0, x1 - x0, y1 - y0), chars, shifted, text).strip()
    return replace(
        like, text=text, box=rect, confidence=score, mark=None, mark_lean=0.0, marks_settled=True
    )
