"""The thin adapter over the OCR engine: an image in, text boxes (layout.OcrBox) out.

RapidOCR (`rapidocr-onnxruntime`) runs the PP-OCRv4 Chinese detection and
recognition models on the CPU through ONNX Runtime. The models ship inside the
wheel, so nothing is downloaded at run time and no image leaves the server.
Everything that is not calling the engine (what the boxes mean) is in layout.py.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import date

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .layout import OcrBox
from .timestamps import date_from_exif

#: Larger pictures are scaled down first; phone screenshots are 1080–1440 px wide.
MAX_SIDE = 4000
#: Decompression bombs: refuse pictures with more pixels than a 4000 × 4000 image.
MAX_PIXELS = 16_000_000

_engine = None
_engine_lock = threading.Lock()


class ImageUnreadable(ValueError):
    """Not a picture the server can open (or one far too large)."""


@dataclass(frozen=True, slots=True)
class LoadedImage:
    image: Image.Image  # RGB, turned upright
    exif_date: date | None


def _get_engine():
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def load_image(data: bytes) -> LoadedImage:
    """Open a PNG or JPEG, turn it as the camera meant, and read its EXIF date."""
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


def ink_color(pixels: np.ndarray) -> tuple[int, int, int] | None:
    """The mean colour of the pixels that stand out from a text box's background.

    The background is the box's median colour; ink is whatever differs from it
    clearly. None for a box with no clear ink.
    """
    flat = pixels.reshape(-1, 3).astype(np.int32)
    if not len(flat):
        return None
    background = np.median(flat, axis=0)
    ink = flat[np.abs(flat - background).sum(axis=1) > 120]
    if len(ink) < 4:
        return None
    red, green, blue = (int(v) for v in ink.mean(axis=0))
    return red, green, blue


def read_boxes(image: Image.Image) -> list[OcrBox]:
    """Every line of text the engine finds, with its upright bounding box and ink colour."""
    result, _elapsed = _get_engine()(image)
    pixels = np.asarray(image)
    boxes = []
    for points, text, score in result or []:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (int(min(xs)), int(min(ys)), int(round(max(xs))), int(round(max(ys))))
        color = ink_color(pixels[max(box[1], 0) : box[3], max(box[0], 0) : box[2]])
        boxes.append(OcrBox(text=str(text), box=box, confidence=float(score), color=color))
    return boxes
