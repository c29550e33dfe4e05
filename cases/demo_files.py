"""The demo case's evidence files, made when the demo data is seeded (no binary in the repo).

- A phone screenshot of one invented SMS, drawn with Pillow in Noto Sans CJK (a plain
  face stands in where the font is missing: the file is still a valid screenshot).
- A few seconds of a generated tone as a WAV recording, written with the wave module.

Both are deterministic: the same arguments give the same bytes, so the same SHA-256.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path

#: Noto Sans CJK (fonts-noto-cjk); index 2 in the collection is the Simplified Chinese face.
CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
)
CJK_SC_INDEX = 2

SCREEN_WIDTH = 540
_BACKGROUND, _BAR, _BUBBLE, _INK, _MUTED = "#f2f3f5", "#ffffff", "#e4e6eb", "#1c1f24", "#6b7280"


def _font(size: int):
    from PIL import ImageFont

    for path in CJK_FONTS:
        if path.exists():
            return ImageFont.truetype(str(path), size, index=CJK_SC_INDEX)
    return ImageFont.load_default(size)


def _wrap(text: str, font, width: float) -> list[str]:
    """Lines of `text` no wider than `width`, broken between any two characters (Chinese
    text has no spaces to break at)."""
    lines, line = [], ""
    for char in text:
        if line and font.getlength(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def sms_screenshot(*, sender: str, when: str, text: str, clock: str) -> bytes:
    """A PNG of a phone's message screen: the sender on top, a time label, one bubble."""
    from PIL import Image, ImageDraw

    body, small, title = _font(22), _font(17), _font(24)
    pad, bubble_pad = 24, 18
    lines = _wrap(text, body, SCREEN_WIDTH - 2 * pad - 2 * bubble_pad - 60)
    line_height = 34
    bubble_top = 170
    bubble_height = len(lines) * line_height + 2 * bubble_pad
    height = bubble_top + bubble_height + 90
    image = Image.new("RGB", (SCREEN_WIDTH, height), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SCREEN_WIDTH, 110), fill=_BAR)
    draw.text((pad, 12), clock, font=small, fill=_INK)
    draw.text((SCREEN_WIDTH - pad, 12), "5G  87%", font=small, fill=_INK, anchor="ra")
    draw.text((pad, 62), "‹", font=title, fill=_INK)
    draw.text((SCREEN_WIDTH // 2, 58), sender, font=title, fill=_INK, anchor="ma")
    draw.text((SCREEN_WIDTH // 2, 128), when, font=small, fill=_MUTED, anchor="ma")
    widest = max(body.getlength(line) for line in lines)
    box = (pad, bubble_top, pad + widest + 2 * bubble_pad, bubble_top + bubble_height)
    draw.rounded_rectangle(box, radius=18, fill=_BUBBLE)
    for i, line in enumerate(lines):
        draw.text((pad + bubble_pad, bubble_top + bubble_pad + i * line_height), line,
                  font=body, fill=_INK)  # fmt: skip
    draw.rounded_rectangle((pad, height - 62, SCREEN_WIDTH - pad, height - 18), radius=22,
                           fill=_BAR, outline=_BUBBLE)  # fmt: skip
    draw.text((pad + 20, height - 51), "短信", font=small, fill=_MUTED)
    out = io.BytesIO()
    image.quantize(colors=32).save(out, format="PNG", optimize=True)
    return out.getvalue()


def tone_recording(*, seconds: float = 4.0, hertz: float = 450.0, rate: int = 8000) -> bytes:
    """A mono 16-bit WAV of a tone switched on and off like a ringback tone (1 s on, 0.5 s
    off), faded at each edge so it does not click."""
    frames = bytearray()
    fade = int(rate * 0.01)
    cycle, on = int(rate * 1.5), int(rate * 1.0)
    for n in range(int(seconds * rate)):
        position = n % cycle
        if position >= on:
            frames += struct.pack("<h", 0)
            continue
        envelope = min(1.0, position / fade, (on - position) / fade)
        sample = 0.4 * envelope * math.sin(2 * math.pi * hertz * n / rate)
        frames += struct.pack("<h", round(sample * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(bytes(frames))
    return out.getvalue()
