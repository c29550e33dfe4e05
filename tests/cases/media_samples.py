"""Tiny but valid recordings and images, made here so tests need no fixture files.

Each recording holds silence (or zeroed frames) of a known length, in the container a
phone produces: WAV, MP3, ADTS AAC, M4A, Ogg Opus and AMR.
"""

from __future__ import annotations

import io
import struct
import wave


def wav(seconds: float, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(rate * seconds))
    return out.getvalue()


def mp3(frames: int) -> bytes:
    """MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: 1,152 samples (26.1 ms) a frame."""
    header = b"\xff\xfb\x90\xc0"
    return (header + b"\x00" * (417 - 4)) * frames


def adts_aac(frames: int) -> bytes:
    """AAC-LC in ADTS at 44.1 kHz, mono: 1,024 samples (23.2 ms) a frame."""
    payload = b"\x00" * 200
    length = 7 + len(payload)
    bits = (
        (0xFFF << 44)  # syncword
        | (0 << 43)  # MPEG-4
        | (0 << 41)  # layer
        | (1 << 40)  # no CRC
        | (1 << 38)  # profile: AAC LC (object type 2, minus one)
        | (4 << 34)  # 44,100 Hz
        | (1 << 30)  # mono
        | (length << 13)
        | (0x7FF << 2)  # buffer fullness: VBR
    )
    return (bits.to_bytes(7, "big") + payload) * frames


def _atom(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def m4a(seconds: float, timescale: int = 44100) -> bytes:
    """An ISO base media file with one sound track of the given length (no samples)."""
    duration = int(seconds * timescale)
    mvhd = _atom(b"mvhd", b"\x00" * 4 + struct.pack(">IIII", 0, 0, timescale, duration)
                 + b"\x00" * 80)  # fmt: skip
    mdhd = _atom(b"mdhd", b"\x00" * 4 + struct.pack(">IIII", 0, 0, timescale, duration)
                 + b"\x00" * 4)  # fmt: skip
    hdlr = _atom(b"hdlr", b"\x00" * 8 + b"soun" + b"\x00" * 13)
    mp4a = _atom(b"mp4a", b"\x00" * 6 + b"\x00\x01" + b"\x00" * 8
                 + struct.pack(">HHHH", 1, 16, 0, 0) + struct.pack(">I", timescale << 16)
                 + _atom(b"btrt", b"\x00" * 12))  # fmt: skip
    stsd = _atom(b"stsd", b"\x00" * 4 + struct.pack(">I", 1) + mp4a)
    stbl = _atom(b"stbl", stsd)
    minf = _atom(b"minf", stbl)
    mdia = _atom(b"mdia", mdhd + hdlr + minf)
    trak = _atom(b"trak", mdia)
    moov = _atom(b"moov", mvhd + trak)
    ftyp = _atom(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom")
    return ftyp + moov


def ogg_opus(seconds: float) -> bytes:
    """An Ogg Opus stream whose last page's granule position gives the length."""
    from mutagen.ogg import OggPage

    pre_skip = 312
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0)
    pages = []
    for sequence, (packet, granule, flags) in enumerate(
        [(head, 0, 0x02), (tags, 0, 0), (b"\xf8\xff\xfe", int(seconds * 48000) + pre_skip, 0x04)]
    ):
        page = OggPage()
        page.serial = 1
        page.sequence = sequence
        page.position = granule
        page.first = bool(flags & 0x02)
        page.last = bool(flags & 0x04)
        page.packets = [packet]
        pages.append(page.write())
    return b"".join(pages)


def amr(frames: int, *, wideband: bool = False) -> bytes:
    """AMR in the storage format: 20 ms a frame (12.2 kbit/s, or 23.85 kbit/s wideband)."""
    if wideband:
        return b"#!AMR-WB\n" + (bytes([8 << 3 | 0x04]) + b"\x00" * 60) * frames
    return b"#!AMR\n" + (bytes([7 << 3 | 0x04]) + b"\x00" * 31) * frames


def png(width: int, height: int, colour=(200, 30, 30)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()
