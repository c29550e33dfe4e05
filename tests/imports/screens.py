"""Phone screenshots drawn by the tests, with the text boxes an OCR engine would find.

No real person's screenshot is used anywhere: each layout (SMS bubbles on either
side, WeChat with avatars, dark mode, a status bar, a call log) is drawn with PIL
and the Noto CJK font, and `boxes` lists every fully visible line as
(text, box), exactly what the layout parser receives from OCR.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image, ImageColor, ImageDraw, ImageFont

from imports.layout import OcrBox

FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SC = 2  # the Simplified Chinese face inside the collection


def font(size: int, bold: bool = False):
    return ImageFont.truetype(BOLD_PATH if bold else FONT_PATH, size, index=SC)


@dataclass
class Bubble:
    text: str
    side: str = "in"  # "in": from them, drawn left; "out": from the borrower, drawn right
    label: str | None = None  # a centred time label drawn above the bubble
    side_time: str | None = None  # a small time under the bubble (Huawei, Xiaomi)


@dataclass
class CallRow:
    who: str
    kind_word: str  # 呼入, 呼出, 未接…
    when: str
    duration: str = ""
    place: str = ""
    red: bool = False  # missed calls are drawn in red, often with no word for them


@dataclass
class Screen:
    image: Image.Image
    boxes: list[OcrBox] = field(default_factory=list)

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, "PNG")
        return out.getvalue()

    def jpeg(self, exif_date: str | None = None) -> bytes:
        out = io.BytesIO()
        exif = Image.Exif()
        if exif_date:
            exif[0x0132] = exif_date  # DateTime
        self.image.save(out, "JPEG", quality=92, exif=exif)
        return out.getvalue()


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    muted: str
    incoming: str
    outgoing: str
    outgoing_text: str
    bar: str


LIGHT = Theme("#ffffff", "#111111", "#888888", "#eeeeee", "#3478f6", "#ffffff", "#f6f6f6")
DARK = Theme("#000000", "#f2f2f2", "#9a9a9a", "#2c2c2e", "#0a84ff", "#ffffff", "#1c1c1e")
WECHAT = Theme("#ededed", "#111111", "#999999", "#ffffff", "#95ec69", "#111111", "#f7f7f7")


#: Marks a phone never puts at the start of a line (kinsoku): they stay on the line before.
_NO_LINE_START = set("。，、；：？！）》」』】”’.,;:?!)")


def _wrap(draw, text: str, face, max_width: int) -> list[str]:
    lines, line = [], ""
    for token in _tokens(text):
        trial = line + token
        if line and draw.textlength(trial, font=face) > max_width and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def _tokens(text: str) -> list[str]:
    """Latin words stay whole; every CJK character can break."""
    tokens, word = [], ""
    for char in text:
        if char.isascii() and not char.isspace():
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    return tokens


class _Canvas:
    """Draws text and remembers each line's box."""

    def __init__(self, width: int, height: int, theme: Theme):
        self.image = Image.new("RGB", (width, height), theme.background)
        self.draw = ImageDraw.Draw(self.image)
        self.boxes: list[OcrBox] = []

    def text(self, xy, text: str, face, fill) -> tuple[int, int, int, int]:
        self.draw.text(xy, text, font=face, fill=fill)
        box = tuple(int(v) for v in self.draw.textbbox(xy, text, font=face))
        self.boxes.append(OcrBox(text, box, 0.99, ImageColor.getrgb(fill)[:3]))
        return box


def render_thread(
    bubbles: list[Bubble],
    *,
    sender: str,
    sender_sub: str = "",
    width: int = 1080,
    height: int = 2160,
    theme: Theme = LIGHT,
    status_bar: bool = True,
    wechat: bool = False,
    font_size: int = 44,
    windows: int = 1,
    overlap: float = 0.35,
    starts: list[float] | None = None,
    title_left: bool = False,
) -> list[Screen]:
    """A chat thread as `windows` screenshots, each scrolled on by (1 - overlap) of a screen.

    `starts` places each screenshot instead, in screen heights from the top (0, 1, 1.5…).
    """
    face = font(font_size)
    small = font(int(font_size * 0.7))
    header_h = int(height * 0.09)
    status_h = int(height * 0.035) if status_bar else 0
    input_h = int(height * 0.07)
    top = status_h + header_h
    view_h = height - top - input_h
    # The whole thread on one tall canvas first.
    canvas = _Canvas(width, 40 * height, theme)
    y = 30
    avatar = int(font_size * 2.2) if wechat else 0
    pad = int(font_size * 0.45)
    line_gap = int(font_size * 0.35)
    max_text = int(width * 0.66) - avatar
    for bubble in bubbles:
        if bubble.label:
            w = canvas.draw.textlength(bubble.label, font=small)
            canvas.text(((width - w) / 2, y), bubble.label, small, theme.muted)
            y += int(font_size * 1.6)
        lines = _wrap(canvas.draw, bubble.text, face, max_text)
        line_h = font_size + line_gap
        text_w = max(canvas.draw.textlength(line, font=face) for line in lines)
        box_h = len(lines) * line_h - line_gap + 2 * pad + int(font_size * 0.2)
        if bubble.side == "in":
            x0 = 30 + (avatar + 20 if avatar else 0)
            fill, ink = theme.incoming, theme.text
            if avatar:
                canvas.draw.rectangle((30, y, 30 + avatar, y + avatar), fill="#7aa6d8")
        else:
            x0 = width - 30 - (avatar + 20 if avatar else 0) - int(text_w) - 2 * pad
            fill, ink = theme.outgoing, theme.outgoing_text
            if avatar:
                canvas.draw.rectangle(
                    (width - 30 - avatar, y, width - 30, y + avatar), fill="#d8a67a"
                )
        canvas.draw.rounded_rectangle(
            (x0, y, x0 + int(text_w) + 2 * pad, y + box_h), radius=int(font_size * 0.6), fill=fill
        )
        for n, line in enumerate(lines):
            canvas.text((x0 + pad, y + pad + n * line_h), line, face, ink)
        y += box_h + int(font_size * 0.5)
        if bubble.side_time:
            if bubble.side == "in":
                tx = x0 + 6
            else:
                tx = width - 30 - canvas.draw.textlength(bubble.side_time, font=small) - 6
            canvas.text((tx, y), bubble.side_time, small, theme.muted)
            y += int(font_size * 1.0)
        y += int(font_size * 0.45)
    content_h = y + 30
    screens = []
    step = int(view_h * (1 - overlap))
    offsets = [int(f * view_h) for f in starts] if starts else [n * step for n in range(windows)]
    for offset in offsets:
        start = min(offset, max(0, content_h - view_h))
        screens.append(
            _compose(
                canvas,
                start,
                view_h,
                top=top,
                width=width,
                height=height,
                theme=theme,
                status_h=status_h,
                header_h=header_h,
                input_h=input_h,
                sender=sender,
                sender_sub=sender_sub,
                font_size=font_size,
                wechat=wechat,
                title_left=title_left,
            )
        )
    return screens


def _chrome(shot: _Canvas, *, width, height, theme, status_h, header_h, input_h, font_size):
    if status_h:
        bar = font(int(status_h * 0.55))
        shot.text((40, int(status_h * 0.15)), "9:41", bar, theme.text)
        shot.text((width - 160, int(status_h * 0.15)), "87%", bar, theme.text)
        shot.text((width - 330, int(status_h * 0.15)), "5G", bar, theme.text)
    shot.draw.rectangle((0, height - input_h, width, height), fill=theme.bar)


def _compose(
    canvas: _Canvas,
    start,
    view_h,
    *,
    top,
    width,
    height,
    theme,
    status_h,
    header_h,
    input_h,
    sender,
    sender_sub,
    font_size,
    wechat,
    title_left=False,
) -> Screen:
    shot = _Canvas(width, height, theme)
    shot.image.paste(canvas.image.crop((0, start, width, start + view_h)), (0, top))
    for b in canvas.boxes:
        if b.top >= start and b.bottom <= start + view_h:
            shot.boxes.append(
                OcrBox(
                    b.text,
                    (b.left, b.top - start + top, b.right, b.bottom - start + top),
                    b.confidence,
                    b.color,
                )
            )
    shot.draw.rectangle((0, 0, width, top), fill=theme.bar)
    title = font(int(font_size * 1.05), bold=True)
    w = shot.draw.textlength(sender, font=title)
    title_x = 110 if title_left else (width - w) / 2  # Huawei and OPPO: after the back arrow
    shot.text((title_x, status_h + int(header_h * 0.12)), sender, title, theme.text)
    shot.text((30, status_h + int(header_h * 0.12)), "<", title, theme.text)
    if sender_sub:
        sub = font(int(font_size * 0.6))
        w = shot.draw.textlength(sender_sub, font=sub)
        sub_x = 110 if title_left else (width - w) / 2
        shot.text((sub_x, status_h + int(header_h * 0.62)), sender_sub, sub, theme.muted)
    _chrome(
        shot,
        width=width,
        height=height,
        theme=theme,
        status_h=status_h,
        header_h=header_h,
        input_h=input_h,
        font_size=font_size,
    )
    hint = "按住 说话" if wechat else "短信"
    face = font(int(font_size * 0.8))
    shot.text((60, height - input_h + int(input_h * 0.25)), hint, face, theme.muted)
    return Screen(shot.image, shot.boxes)


def render_call_log(
    rows: list[CallRow],
    *,
    width: int = 1080,
    height: int = 2160,
    theme: Theme = LIGHT,
    title: str = "通话记录",
    font_size: int = 46,
) -> Screen:
    shot = _Canvas(width, height, theme)
    status_h = int(height * 0.035)
    _chrome(
        shot,
        width=width,
        height=height,
        theme=theme,
        status_h=status_h,
        header_h=0,
        input_h=int(height * 0.06),
        font_size=font_size,
    )
    shot.text((50, status_h + 40), title, font(int(font_size * 1.3), bold=True), theme.text)
    y = status_h + 40 + int(font_size * 3)
    name_face = font(font_size)
    small = font(int(font_size * 0.68))
    for row in rows:
        shot.text((60, y), row.who, name_face, "#e0302a" if row.red else theme.text)
        sub = " ".join(part for part in (row.kind_word, row.duration, row.place) if part)
        shot.text((60, y + int(font_size * 1.35)), sub, small, theme.muted)
        w = shot.draw.textlength(row.when, font=small)
        shot.text((width - 60 - w, y + int(font_size * 0.5)), row.when, small, theme.muted)
        y += int(font_size * 3.0)
    return Screen(shot.image, shot.boxes)
