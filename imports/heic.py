"""HEIC/HEIF pictures (the iPhone's own format), turned into PNG when they are uploaded.

Browsers cannot show HEIC and the evidence store keeps pictures browsers can
show, so a HEIC screenshot is decoded once, on upload, with `pillow-heif`
(libheif), and kept as a PNG with the same pixels and EXIF date. The decoder is
optional: without it, HEIC uploads are refused with a message saying how to
send PNG or JPEG instead. Its opener is registered with Pillow here, on first
use, and nowhere else.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from .ocr import MAX_PIXELS, ImageUnreadable

#: ISO base media "ftyp" brands of HEIF still pictures (HEVC-coded, and the generic ones).
HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
}


class HeifUnavailable(RuntimeError):
    """The server has no HEIC decoder (pillow-heif is not installed)."""


def is_heif(head: bytes) -> bool:
    """Whether a file starts like a HEIC/HEIF picture (whatever its name says)."""
    return head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS


def _register() -> None:
    try:
        import pillow_heif
    except ImportError:
        raise HeifUnavailable from None
    pillow_heif.register_heif_opener()


def heif_to_png(data: bytes) -> bytes:
    """The picture as a PNG, turned upright, keeping its EXIF (and so the day it was taken)."""
    _register()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise ImageUnreadable("too many pixels")
        exif = image.getexif()
        exif.get_ifd(0x8769)  # loaded, so DateTimeOriginal is written out again
        upright = ImageOps.exif_transpose(image).convert("RGB")
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError) as exc:
        raise ImageUnreadable(str(exc)) from None
    exif.pop(0x0112, None)  # the orientation is applied now
    out = io.BytesIO()
    upright.save(out, "PNG", exif=exif)
    return out.getvalue()
