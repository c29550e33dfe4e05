"""What an uploaded evidence file really is, judged by its first bytes.

The file name and the browser's content type are chosen by the sender, so neither
is trusted: a PNG renamed to .pdf is still an image, and a text file named .png
is refused. Only the formats a phone produces for screenshots, call recordings
and documents are accepted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import IO

#: Enough bytes to recognise every accepted format.
SNIFF_BYTES = 64


@dataclass(frozen=True, slots=True)
class FileType:
    kind: str  # one of Evidence.Kind's values: image, audio, pdf
    content_type: str
    extension: str


PNG = FileType("image", "image/png", ".png")
JPEG = FileType("image", "image/jpeg", ".jpg")
GIF = FileType("image", "image/gif", ".gif")
WEBP = FileType("image", "image/webp", ".webp")
PDF = FileType("pdf", "application/pdf", ".pdf")
MP3 = FileType("audio", "audio/mpeg", ".mp3")
AAC = FileType("audio", "audio/aac", ".aac")
M4A = FileType("audio", "audio/mp4", ".m4a")
AMR = FileType("audio", "audio/amr", ".amr")
AMR_WB = FileType("audio", "audio/amr-wb", ".awb")
WAV = FileType("audio", "audio/wav", ".wav")
OGG = FileType("audio", "audio/ogg", ".ogg")

ACCEPTED = (PNG, JPEG, GIF, WEBP, PDF, MP3, AAC, M4A, AMR, AMR_WB, WAV, OGG)
_EXTENSIONS = {file_type.content_type: file_type.extension for file_type in ACCEPTED}


def download_name(original_name: str, content_type: str) -> str:
    """The uploader's file name with the extension of the type the content really is.

    "screenshot.hta" holding a PNG downloads as "screenshot.png": the extension a
    browser or desktop acts on is never the sender's choice.
    """
    base = original_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base.lstrip(".")
    return f"{stem.strip() or 'evidence'}{_EXTENSIONS.get(content_type, '.bin')}"


#: ISO base media brands used for audio (M4A from iPhone voice memos and
#: Android recorders, 3GP from older phones). Video-only brands are not listed.
_MP4_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"3gp4", b"3gp5"}
_MP4_AUDIO_BRANDS |= {b"3gp6", b"3g2a", b"dash", b"MSNV", b"F4A "}


def sniff(head: bytes) -> FileType | None:
    """The accepted type whose signature `head` starts with, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return WAV
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"#!AMR-WB\n"):
        return AMR_WB
    if head.startswith(b"#!AMR\n"):
        return AMR
    if head.startswith(b"OggS"):
        return OGG
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_AUDIO_BRANDS:
        return M4A
    if head.startswith(b"ID3"):
        return MP3
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        layer = (head[1] >> 1) & 0b11
        # Layer bits 00 mark an ADTS AAC stream; anything else is an MPEG audio frame.
        return AAC if layer == 0 else MP3
    return None


def sniff_file(file: IO[bytes]) -> FileType | None:
    """Sniff an open file without moving its read position."""
    position = file.tell()
    try:
        file.seek(0)
        return sniff(file.read(SNIFF_BYTES))
    finally:
        file.seek(position)


def sha256_and_size(file: IO[bytes], chunk_size: int = 64 * 1024) -> tuple[str, int]:
    """The SHA-256 and the size of an open file, read from the start in chunks.

    Evidence is hashed in a pass of its own before it is stored: an object-storage
    upload may read parts out of order or read a part twice when it retries, so
    hashing what the storage happens to read would not be reliable.
    """
    file.seek(0)
    digest, size = hashlib.sha256(), 0
    while chunk := file.read(chunk_size):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def sha256_of(file: IO[bytes], chunk_size: int = 64 * 1024) -> str:
    """The SHA-256 of an open file, read in chunks."""
    digest = hashlib.sha256()
    while chunk := file.read(chunk_size):
        digest.update(chunk)
    return digest.hexdigest()
