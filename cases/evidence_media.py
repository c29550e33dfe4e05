"""What the evidence report shows of a file besides its hash: a recording's length and a
screenshot's thumbnail.

Both are read from the file's own bytes, never from what the sender says about it:
the length from the audio header (or, for AMR, by counting its fixed-size frames),
the thumbnail by decoding the image with Pillow and shrinking it. A file that cannot
be read gives None; nothing here raises on bad input.
"""

from __future__ import annotations

import base64
import io
import logging
import warnings
from typing import IO

logger = logging.getLogger(__name__)

#: AMR storage format (RFC 4867 §5): every frame is 20 ms; its size, header byte included,
#: follows from the frame type in bits 3-6 of the header byte.
_AMR_NB_SIZES = (13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1)
_AMR_WB_SIZES = (18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 1, 1, 1, 1, 1, 1)
_AMR_MAGIC = {b"#!AMR\n": _AMR_NB_SIZES, b"#!AMR-WB\n": _AMR_WB_SIZES}
_AMR_FRAME_MS = 20

#: The thumbnail's bounding box in pixels: about 24 x 32 mm at 150 dpi in the PDF.
THUMBNAIL_BOX = (150, 200)
#: Images larger than this are not decoded for a thumbnail (a decompression bomb guard
#: well below Pillow's own).
MAX_THUMBNAIL_SOURCE_PIXELS = 40_000_000


def _amr_duration_ms(file: IO[bytes]) -> int | None:
    head = file.read(9)
    sizes = next((s for magic, s in _AMR_MAGIC.items() if head.startswith(magic)), None)
    if sizes is None:
        return None
    magic_length = 9 if head.startswith(b"#!AMR-WB\n") else 6
    file.seek(magic_length)
    frames = 0
    pending = 0  # bytes of the current frame still to skip, carried across chunks
    while chunk := file.read(64 * 1024):
        position = pending
        while position < len(chunk):
            frames += 1
            position += sizes[(chunk[position] >> 3) & 0x0F]
        pending = position - len(chunk)
    return frames * _AMR_FRAME_MS if frames else None


def _mutagen_length(file: IO[bytes], content_type: str) -> float | None:
    from mutagen import MutagenError
    from mutagen.aac import AAC
    from mutagen.mp3 import MP3
    from mutagen.mp4 import MP4
    from mutagen.oggflac import OggFLAC
    from mutagen.oggopus import OggOpus
    from mutagen.oggspeex import OggSpeex
    from mutagen.oggvorbis import OggVorbis
    from mutagen.wave import WAVE

    readers = {
        "audio/mpeg": (MP3,),
        "audio/aac": (AAC,),
        "audio/mp4": (MP4,),
        "audio/wav": (WAVE,),
        "audio/ogg": (OggOpus, OggVorbis, OggSpeex, OggFLAC),
    }.get(content_type, ())
    for reader in readers:
        file.seek(0)
        try:
            length = reader(file).info.length
        except (MutagenError, ValueError, OSError, EOFError, IndexError, ZeroDivisionError):
            continue
        if length and length > 0:
            return float(length)
    return None


def audio_duration_ms(file: IO[bytes], content_type: str) -> int | None:
    """A recording's length in milliseconds from its header, or None if it cannot be read.

    `content_type` is the sniffed type (cases.evidence): WAV, MP3, AAC (ADTS), M4A/3GP,
    Ogg (Opus, Vorbis, Speex, FLAC) and AMR (narrow- and wideband). The read position
    is restored afterwards.
    """
    position = file.tell()
    try:
        file.seek(0)
        if content_type in ("audio/amr", "audio/amr-wb"):
            return _amr_duration_ms(file)
        length = _mutagen_length(file, content_type)
        return round(length * 1000) if length is not None else None
    except Exception:  # a broken upload must never break the upload or the report
        logger.warning("Could not read the length of a %s recording", content_type, exc_info=True)
        return None
    finally:
        file.seek(position)


def image_thumbnail(file: IO[bytes], box: tuple[int, int] = THUMBNAIL_BOX) -> bytes | None:
    """A small JPEG of an image's first frame, turned upright, fitting `box`; None if the
    image cannot be decoded or is unreasonably large. The read position is restored."""
    from PIL import Image, ImageOps

    position = file.tell()
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > MAX_THUMBNAIL_SOURCE_PIXELS:
                    return None
                image.draft("RGB", (box[0] * 2, box[1] * 2))  # JPEG: decode at a reduced scale
                image.seek(0)
                small = ImageOps.exif_transpose(image).convert("RGBA")
                small.thumbnail(box, Image.Resampling.LANCZOS)
                flat = Image.new("RGB", small.size, "white")
                flat.paste(small, mask=small.getchannel("A"))
                out = io.BytesIO()
                flat.save(out, format="JPEG", quality=72, optimize=True)
                return out.getvalue()
    except Exception:  # Pillow raises many kinds of error on broken or hostile images
        logger.warning("Could not make a thumbnail", exc_info=True)
        return None
    finally:
        file.seek(position)


def jpeg_data_uri(data: bytes) -> str:
    """A JPEG as a data: URI, for the print HTML (the PDF renderer accepts only these)."""
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")
