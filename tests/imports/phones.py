"""Screenshots in the look of the phone apps borrowers use, drawn with their true content.

The tests' own renders (no real person's screenshot, and never the frozen
benchmark set): stock SMS apps of Huawei/Honor, Xiaomi, OPPO, vivo and iPhone
(Chinese and English UI), WeChat one-to-one and group chats, and the call logs
of Huawei, Xiaomi and iPhone, in light and dark mode, with status bars, at 1080
and 1170 px wide. Each app is drawn from public descriptions of its look:
where the name sits, the colours of the bubbles, how time separators are
written, what the input bar and tabs say. Variations include iOS's shaded
avatar with initials above the name, HarmonyOS's avatar before the name, the
SIM card named beside a bubble's own time (vivo, OPPO, Huawei), links broken
over lines, long (scrolling) screenshots, WeChat's "拍了拍" notices, and call
rows reading "响铃5声", "呼入 2分05秒" or "未接通" (a call out nobody answered).

Every drawing returns a `Shot`: the image, the box of every line of text drawn
(what a perfect OCR would return) and the true records, in the format of
bench/ocr.py's truth.jsonl. `random_shots` draws a varied set from a seed;
bench/ocr_dev_set.py writes one to a folder for the benchmark.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PIL import Image, ImageColor, ImageDraw, ImageFont

from imports.layout import OcrBox

TZ = ZoneInfo("Asia/Shanghai")
FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
_FONTS: dict = {}


def font(size: int, bold: bool = False):
    key = (int(size), bold)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(BOLD_PATH if bold else FONT_PATH, int(size), index=2)
    return _FONTS[key]


@dataclass
class Shot:
    """One screenshot: the picture, every line of text drawn, and the true records."""

    image: Image.Image
    boxes: list[OcrBox]
    records: list[dict]
    layout: str
    dark: bool
    taken_on: date
    file: str = ""
    thread: str | None = None
    #: Text drawn as part of a picture (an avatar's initials, a "‹" glyph): not content, but
    #: a real OCR reads it.
    decor: list[OcrBox] = field(default_factory=list)

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, "PNG")
        return out.getvalue()

    def truth(self) -> dict:
        return {
            "file": self.file,
            "layout": self.layout,
            "dark": self.dark,
            "taken_on": self.taken_on.isoformat(),
            "thread": self.thread,
            "records": self.records,
        }


class Canvas:
    """Draws text and shapes, remembering each line of text's box."""

    def __init__(self, width: int, height: int, background: str):
        self.image = Image.new("RGB", (width, height), background)
        self.draw = ImageDraw.Draw(self.image)
        self.boxes: list[OcrBox] = []
        self.decor: list[OcrBox] = []
        self.width, self.height = width, height

    def text(self, xy, text: str, face, fill, *, record: bool = True):
        self.draw.text(xy, text, font=face, fill=fill)
        box = tuple(int(v) for v in self.draw.textbbox(xy, text, font=face))
        if text.strip():
            kept = self.boxes if record else self.decor
            kept.append(OcrBox(text, box, 0.99, ImageColor.getrgb(fill)[:3]))
        return box

    def length(self, text: str, face) -> float:
        return self.draw.textlength(text, font=face)

    def centred(self, y, text: str, face, fill, *, cx=None):
        cx = self.width / 2 if cx is None else cx
        return self.text((cx - self.length(text, face) / 2, y), text, face, fill)

    def right(self, x_right, y, text: str, face, fill):
        return self.text((x_right - self.length(text, face), y), text, face, fill)


# Icons: simple shapes where the apps draw vector icons (OCR sees ink, not letters).


def chevron(c: Canvas, x, y, size, fill, *, width=5, right=False):
    half = size / 2
    if right:
        points = [(x, y), (x + half, y + half), (x, y + size)]
    else:
        points = [(x + half, y), (x, y + half), (x + half, y + size)]
    c.draw.line(points, fill=fill, width=width, joint="curve")


def back_button(c: Canvas, x, y, size, fill, rng, *, width=5):
    """The back chevron: drawn as lines, or (some themes) as a character OCR may read."""
    if rng.random() < 0.3:
        glyph = rng.choice(["<", "〈", "‹"])
        c.text((x, y - size * 0.35), glyph, font(int(size * 1.4)), fill, record=False)
    else:
        chevron(c, x, y, size, fill, width=width)


def arrow_left(c: Canvas, x, y, size, fill, width=5):
    c.draw.line([(x, y + size / 2), (x + size, y + size / 2)], fill=fill, width=width)
    chevron(c, x, y, size, fill, width=width)


def dots(c: Canvas, x, y, r, fill, *, vertical=True):
    for n in range(3):
        cx, cy = (x, y + n * 3.2 * r) if vertical else (x + n * 3.2 * r, y)
        c.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)


def phone_icon(c: Canvas, x, y, size, fill):
    c.draw.rounded_rectangle(
        (x, y + size * 0.15, x + size * 0.45, y + size), radius=size * 0.15, fill=fill
    )
    c.draw.rounded_rectangle(
        (x + size * 0.1, y, x + size, y + size * 0.4), radius=size * 0.15, fill=fill
    )


def arrow_icon(c: Canvas, x, y, size, fill, *, out: bool, width=4):
    """The call-log arrow: ↗ for a call out, ↙ for a call in."""
    low, high = (x, y + size), (x + size, y)
    tip, tail = (high, low) if out else (low, high)
    c.draw.line([tail, tip], fill=fill, width=width)
    dx = -1 if tip[0] > tail[0] else 1
    dy = 1 if tip[1] < tail[1] else -1
    c.draw.line([tip, (tip[0] + dx * size * 0.55, tip[1])], fill=fill, width=width)
    c.draw.line([tip, (tip[0], tip[1] + dy * size * 0.55)], fill=fill, width=width)


def video_icon(c: Canvas, x, y, size, fill):
    c.draw.rounded_rectangle((x, y, x + size * 0.7, y + size * 0.6), radius=6, fill=fill)
    c.draw.polygon(
        [
            (x + size * 0.72, y + size * 0.3),
            (x + size, y + size * 0.05),
            (x + size, y + size * 0.55),
        ],
        fill=fill,
    )


def _gradient_disc(c: Canvas, x, y, size, top: str, bottom: str):
    """A round avatar shaded from `top` to `bottom` (iOS draws its contact initials on one)."""
    a, b = ImageColor.getrgb(top), ImageColor.getrgb(bottom)
    shade = Image.new("RGB", (int(size), int(size)))
    for row in range(int(size)):
        t = row / max(size - 1, 1)
        colour = tuple(round(a[k] + (b[k] - a[k]) * t) for k in range(3))
        shade.paste(colour, (0, row, int(size), row + 1))
    mask = Image.new("L", (int(size), int(size)), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, int(size) - 1, int(size) - 1), fill=255)
    c.image.paste(shade, (int(x), int(y)), mask)


def avatar(c: Canvas, x, y, size, fill, *, round_=True, letter=None, rng=None, shaded=False):
    shape = c.draw.ellipse if round_ else c.draw.rounded_rectangle
    if shaded:
        _gradient_disc(c, x, y, size, "#a5aab3", "#858992")
    elif round_:
        shape((x, y, x + size, y + size), fill=fill)
    else:
        shape((x, y, x + size, y + size), radius=size * 0.12, fill=fill)
    if letter:
        face = font(size * (0.45 if len(letter) < 2 or letter.isascii() else 0.34))
        c.text(
            (x + size / 2 - c.length(letter, face) / 2, y + size * 0.2),
            letter,
            face,
            "#ffffff",
            record=False,  # an avatar's initial is not text a reader wants
        )
    else:
        head = size * 0.36
        c.draw.ellipse(
            (
                x + size / 2 - head / 2,
                y + size * 0.2,
                x + size / 2 + head / 2,
                y + size * 0.2 + head,
            ),
            fill="#ffffff",
        )
        c.draw.pieslice(
            (x + size * 0.2, y + size * 0.6, x + size * 0.8, y + size * 1.1),
            180,
            360,
            fill="#ffffff",
        )


def status_bar(c: Canvas, rng: random.Random, *, ios: bool, fg: str, height: int, clock: str):
    """Clock, carrier, network, signal and battery: everything a status bar shows."""
    face = font(height * 0.5, bold=ios)
    y = height * 0.22
    w = c.width
    if ios:
        c.text((w * 0.09, y), clock, face, fg)
        x = w * 0.66
        if rng.random() < 0.4:
            c.text((x - 30, y), rng.choice(["5G", "4G", "中国移动"]), font(height * 0.42), fg)
        for n in range(4):
            c.draw.rectangle(
                (
                    w * 0.78 + n * 14,
                    y + height * (0.45 - 0.1 * n),
                    w * 0.78 + n * 14 + 9,
                    y + height * 0.5,
                ),
                fill=fg,
            )
        c.draw.rounded_rectangle(
            (w * 0.87, y + 4, w * 0.94, y + height * 0.48), radius=8, outline=fg, width=3
        )
        if rng.random() < 0.5:
            c.text((w * 0.875, y + 6), str(rng.randint(20, 99)), font(height * 0.32, bold=True), fg)
        return
    left_clock = rng.random() < 0.7
    small = font(height * 0.42)
    x = w * 0.04
    if left_clock:
        c.text((x, y), clock, face, fg)
        x += c.length(clock, face) + 24
    if rng.random() < 0.5:
        c.text(
            (x, y),
            rng.choice(["中国移动", "中国联通", "中国电信", "中国移动 | 中国联通", "联通", "CMCC"]),
            small,
            fg,
        )
    right = w * 0.96
    battery = f"{rng.randint(12, 100)}%" if rng.random() < 0.5 else str(rng.randint(12, 100))
    if not left_clock:
        right = c.right(right, y, clock, face, fg)[0] - 24
    right = c.right(right, y + 4, battery, small, fg)[0] - 12
    c.draw.rounded_rectangle(
        (right - 40, y + 6, right - 6, y + height * 0.5), radius=5, outline=fg, width=3
    )
    right -= 60
    for n in range(4):
        c.draw.rectangle(
            (
                right - 60 + n * 13,
                y + height * (0.42 - 0.09 * n),
                right - 52 + n * 13,
                y + height * 0.5,
            ),
            fill=fg,
        )
    right -= 80
    if rng.random() < 0.6:
        c.right(right, y + 2, rng.choice(["5G", "4G", "HD", "5G HD", "4G+"]), small, fg)
    if rng.random() < 0.3:
        c.right(
            right - 120,
            y + 2,
            f"{rng.randint(1, 99)}.{rng.randint(0, 9)}K/s",
            font(height * 0.3),
            fg,
        )


# Message content (all made up).

COMPANIES = [
    "示例贷",
    "速借花",
    "闪电分期",
    "金桥消费",
    "易达小贷",
    "好运借",
    "安心钱包",
    "宏达资产",
]
AGENTS = ["王专员", "李经理", "张律师", "赵主管", "刘调解员", "陈法务", "孙组长", "周助理"]
FIRMS = ["恒正律师事务所", "明德法务中心", "华信资产管理公司"]
PEOPLE = ["张先生", "李女士", "王伟", "刘洋", "陈静"]
EN_COMPANIES = ["QuickLoan", "CashNow", "Apex Credit", "Lendwell"]
EN_AGENTS = ["Mike", "Sarah", "Mr. Lee", "Tony"]


def _amount(rng):
    value = rng.randint(800, 48000)
    return rng.choice(
        [f"{value}", f"{value:,}.{rng.randint(0, 99):02d}", f"¥{value}", f"{value}.00"]
    )


def _phone(rng):
    return (
        rng.choice(["1", "1"])
        + "".join(rng.choice("3456789"))
        + "".join(rng.choice("0123456789") for _ in range(9))
    )


def incoming_text(rng: random.Random, english: bool = False) -> str:
    if english:
        co, agent = rng.choice(EN_COMPANIES), rng.choice(EN_AGENTS)
        amount = rng.randint(300, 9000)
        return rng.choice(
            [
                f"This is {co} collections. Your account is {rng.randint(2, 90)} days past due. "
                f"Pay ${amount} today or we will contact your employer.",
                f"Hi, it's {agent} from {co}. Call me back at {_phone(rng)} before 5 PM.",
                "We have your contacts list. Don't make us call your family.",
                f"Final notice: your loan of ${amount} is overdue. Legal action starts on Friday.",
                f"Reminder from {co}: your payment of ${amount}.00 was due yesterday.",
                "Why are you not answering? Pay now, or we will visit your home tonight.",
                f"Your case has been sent to our legal team. Reference {rng.randint(10000, 99999)}.",
                f"Pay now at https://pay.{co.lower().replace(' ', '')}.example.com/"
                f"account/overdue?id={rng.randint(100000, 999999)} to stop further action.",
            ]
        )
    co, agent, firm = rng.choice(COMPANIES), rng.choice(AGENTS), rng.choice(FIRMS)
    who = rng.choice(PEOPLE)
    amount, days = _amount(rng), rng.randint(2, 120)
    hour = rng.choice([12, 15, 17, 18, 20])
    templates = [
        f"【{co}】尊敬的{who}，您在我司的借款已逾期{days}天，应还金额{amount}元，请于今日{hour}点前还款，以免影响您的个人征信。",
        f"{who}你好，我是{co}的{agent}，你的欠款{amount}元到现在还没处理，今天必须给个说法！",
        "再不还钱，我们就把你的欠款情况发给你通讯录里的所有人，后果自负。",
        f"你的案件已转交{firm}处理，案号（2025）粤0305民初{rng.randint(1000, 9999)}号，请尽快联系{_phone(rng)}协商。",
        f"最后通知：今天{hour}:00前不还款，明天安排人员上门到你单位核实情况。",
        f"【{co}】您的账单{amount}元已逾期，点击 https://t.cn/A6{rng.randint(100, 999)}x 查看详情，回T退订",
        "电话为什么不接？躲是躲不掉的。",
        f"你妈妈的电话{_phone(rng)}我们已经有了，要不要我们帮你通知一下？",
        f"【{co}】温馨提示：您本期账单应还{amount}元，到期日{rng.randint(1, 12)}月{rng.randint(1, 28)}日，请按时还款。",
        "还不还？给个准话。",
        f"{agent}：已经给你宽限了{rng.randint(2, 9)}天了，“明天还”说了多少遍？",
        f"根据《合同》约定，逾期将产生罚息，目前合计{amount}元（含本金、利息）。",
        "今天下午我们的外访人员会到你户籍地走访，请保持电话畅通。",
        "你的行为已涉嫌恶意拖欠，我们将依法向法院提起诉讼……",
        f"收到请回复！逾期{days}天了，再不处理就直接走法律程序。",
        f"【{co}】验证码{rng.randint(100000, 999999)}，用于还款确认，5分钟内有效。",
        f"【{co}】您的借款已逾期，请立即登录 https://m.repay-{rng.randint(10, 99)}.example.com/"
        f"loan/detail?uid={rng.randint(100000, 999999)} 处理，逾期将上报征信。",
    ]
    return rng.choice(templates)


def outgoing_text(rng: random.Random, english: bool = False) -> str:
    if english:
        return rng.choice(
            [
                "I will pay on Friday. Please stop calling my parents.",
                "Can I pay in instalments?",
                "Stop contacting my employer. This call is being recorded.",
                "OK",
                "I already paid $500 last week, check your records.",
            ]
        )
    return rng.choice(
        [
            "我下周一定还，请不要再打给我家人。",
            "能不能分期？我现在确实没钱。",
            "你们这样做是违法的，我已经录音了。",
            "好的",
            "收到",
            "请提供你的工号和公司全称。",
            "我会按合同还款，但请不要联系我的同事。",
            "本金我认，利息太高了，我要求协商。",
            "请不要再给我发这种威胁的短信了！",
            "我已经还了2000元，请核实。",
            "18:00",
        ]
    )


def sender_for(rng: random.Random, kind: str) -> tuple[str, str]:
    """The header's name or number as shown, and a line under it (or "")."""
    number = "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))
    places = ["广东深圳", "浙江杭州", "北京", "上海", "四川成都", "湖南长沙", "江苏南京"]
    carriers = ["中国移动", "中国联通", "中国电信", "移动", "联通", "电信"]
    choice = rng.random()
    if kind == "service":
        code = rng.choice(["1069", "10655", "10690", "95", "96"])
        digits = code + "".join(
            rng.choice("0123456789")
            for _ in range(rng.choice([3, 4, 8, 10]) if code != "95" else 3)
        )
        return digits, rng.choice(["", "", "短信"])
    if choice < 0.35:
        return rng.choice(AGENTS + [f"{rng.choice(COMPANIES)}客服", "催收-王"]), rng.choice(
            ["", f"{number[:3]} {number[3:7]} {number[7:]}", number]
        )
    if choice < 0.6:
        return f"{number[:3]} {number[3:7]} {number[7:]}", rng.choice(
            ["", f"{rng.choice(places)} {rng.choice(carriers)}"]
        )
    if choice < 0.75:
        return f"+86 {number[:3]} {number[3:7]} {number[7:]}", rng.choice(["", rng.choice(places)])
    return number, rng.choice(
        ["", f"{rng.choice(places)} {rng.choice(carriers)}", rng.choice(places)]
    )


# Time separators in each app's words.

_WEEK_ZH = "一二三四五六日"
_WEEK_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _period_zh(at: datetime, miui: bool) -> str:
    h = at.hour
    if miui:
        name = (
            "凌晨"
            if h < 5
            else "早上"
            if h < 9
            else "上午"
            if h < 11
            else "中午"
            if h < 13
            else "下午"
            if h < 18
            else "晚上"
        )
    else:
        name = "上午" if h < 12 else "下午"
    hour12 = h % 12 or 12
    if miui and name == "中午" and h == 12:
        hour12 = 12
    return f"{name}{hour12}:{at.minute:02d}"


def _clock_en(at: datetime) -> str:
    return f"{at.hour % 12 or 12}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


def separator(app: str, at: datetime, taken_on: date, *, lang: str, h12: bool, rng) -> str:
    """What `app` prints above messages sent at `at`, seen on `taken_on`."""
    back = (taken_on - at.date()).days
    c24 = f"{at.hour:02d}:{at.minute:02d}" if rng.random() < 0.8 else f"{at.hour}:{at.minute:02d}"
    miui = app == "xiaomi_sms"
    # WeChat's 12-hour times name the part of the day as MIUI does ("晚上11:15", "凌晨1:20").
    clock = _period_zh(at, miui or app == "wechat") if (h12 or miui) else c24
    wd = at.weekday()
    if lang == "en":
        ce = _clock_en(at)
        if back == 0:
            return rng.choice([f"Today {ce}", ce]) if app == "iphone_sms" else ce
        if back == 1:
            return f"Yesterday {ce}"
        if back < 7:
            if app == "iphone_sms":
                return rng.choice(
                    [
                        f"{_WEEK_EN[wd]} {ce}",
                        f"{_WEEK_EN[wd][:3]}, {_MON_EN[at.month - 1]} {at.day} at {ce}",
                    ]
                )
            return f"{_WEEK_EN[wd][:3]} {ce}"
        if at.year == taken_on.year:
            if app == "iphone_sms":
                return f"{_WEEK_EN[wd][:3]}, {_MON_EN[at.month - 1]} {at.day} at {ce}"
            return f"{_MON_EN[at.month - 1]} {at.day}, {ce}"
        if app == "iphone_sms":
            return f"{_WEEK_EN[wd][:3]}, {_MON_EN[at.month - 1]} {at.day}, {at.year} at {ce}"
        return f"{_MON_EN[at.month - 1]} {at.day}, {at.year} {ce}"
    week = rng.choice(["星期", "周"]) if app in ("oppo_sms", "vivo_sms", "huawei_sms") else "星期"
    if back == 0:
        if app in ("oppo_sms", "iphone_sms") or (app == "vivo_sms" and rng.random() < 0.5):
            return f"今天 {clock}"
        return clock
    if back == 1:
        return f"昨天 {clock}"
    if back < 7:
        return f"{week}{_WEEK_ZH[wd]} {clock}"
    if at.year == taken_on.year:
        if app == "vivo_sms":
            return f"{at.month}/{at.day} {clock}"
        if (app == "iphone_sms" and rng.random() < 0.5) or rng.random() < 0.2:
            return f"{at.month}月{at.day}日 星期{_WEEK_ZH[wd]} {clock}"
        return f"{at.month}月{at.day}日 {clock}"
    if app in ("oppo_sms", "vivo_sms") or rng.random() < 0.4:
        return f"{at.year}/{at.month}/{at.day} {clock}"
    return f"{at.year}年{at.month}月{at.day}日 {clock}"


# Each app's look.


@dataclass(frozen=True)
class Look:
    page: str
    incoming: str
    incoming_text: str
    outgoing: str
    outgoing_text: str
    muted: str
    text: str
    bar: str  # header and input bar


LOOKS = {
    ("huawei_sms", False): Look(
        "#f1f3f5", "#ffffff", "#191919", "#3f8cff", "#ffffff", "#8a8a8a", "#191919", "#f1f3f5"
    ),
    ("huawei_sms", True): Look(
        "#000000", "#262626", "#e6e6e6", "#3176f0", "#ffffff", "#8c8c8c", "#e6e6e6", "#000000"
    ),
    ("xiaomi_sms", False): Look(
        "#ffffff", "#f2f2f2", "#1a1a1a", "#3482ff", "#ffffff", "#999999", "#1a1a1a", "#ffffff"
    ),
    ("xiaomi_sms", True): Look(
        "#000000", "#242424", "#e0e0e0", "#2d6be3", "#ffffff", "#8a8a8a", "#e0e0e0", "#000000"
    ),
    ("oppo_sms", False): Look(
        "#fafafa", "#eeeeee", "#111111", "#2dbe60", "#ffffff", "#999999", "#111111", "#fafafa"
    ),
    ("oppo_sms", True): Look(
        "#121212", "#2b2b2b", "#e3e3e3", "#23a152", "#ffffff", "#8a8a8a", "#e3e3e3", "#121212"
    ),
    ("vivo_sms", False): Look(
        "#ffffff", "#f2f3f5", "#141414", "#5b5bf0", "#ffffff", "#9a9a9a", "#141414", "#ffffff"
    ),
    ("vivo_sms", True): Look(
        "#000000", "#1f1f1f", "#e5e5e5", "#4c4cd6", "#ffffff", "#8a8a8a", "#e5e5e5", "#000000"
    ),
    ("iphone_sms", False): Look(
        "#ffffff", "#e9e9eb", "#000000", "#34c759", "#ffffff", "#8e8e93", "#000000", "#f7f7f7"
    ),
    ("iphone_sms", True): Look(
        "#000000", "#262629", "#ffffff", "#30b24f", "#ffffff", "#8e8e93", "#ffffff", "#151515"
    ),
    ("wechat", False): Look(
        "#ededed", "#ffffff", "#181818", "#95ec69", "#111111", "#9a9a9a", "#181818", "#ededed"
    ),
    ("wechat", True): Look(
        "#111111", "#2c2c2c", "#d3d3d3", "#3eb575", "#0c0c0c", "#7a7a7a", "#d3d3d3", "#1e1e1e"
    ),
}
IMESSAGE_BLUE = "#0b84fe"

SMS_APPS = ["huawei_sms", "xiaomi_sms", "oppo_sms", "vivo_sms", "iphone_sms"]
CALL_APPS = ["huawei_calls", "xiaomi_calls", "iphone_calls"]
ALL_APPS = SMS_APPS + ["wechat", "wechat_group"] + CALL_APPS


@dataclass
class Item:
    """One thing in a chat's body, top to bottom."""

    kind: str  # "sep", "msg", "notice", "note"
    text: str
    side: str = "in"
    at: datetime | None = None  # the time that dates it on screen
    nick: str | None = None
    own: str | None = None  # the small time under the bubble, if the app shows one


@dataclass
class Thread:
    app: str
    lang: str
    dark: bool
    width: int
    height: int
    sender: str
    sub: str
    taken_on: date
    items: list[Item] = field(default_factory=list)
    group: bool = False
    unread: str = ""
    imessage: bool = False
    #: Variations between phones and versions of one app.
    pill: bool = False  # time labels on a grey pill
    bubble_times: bool = False  # a small time under every bubble
    status: bool = True  # the status bar is in the picture
    scale: float = 1.0  # the phone's font size setting
    h12: bool = False
    #: iPhone header: the avatar's initials ("" none, None: chosen at random), shaded or flat.
    initials: str | None = None
    shaded: bool | None = None
    header_avatar: bool | None = None  # Huawei (HarmonyOS): a round avatar before the name
    sim: str = ""  # the SIM card named beside a bubble's own time ("卡1")


def _wrap(c: Canvas, text: str, face, max_width: float) -> list[str]:
    """Lines as a phone wraps them: CJK anywhere, Latin words at spaces, no mark starts a line."""
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
    # A word wider than a whole line (a long link) is broken wherever the line ends.
    pieces = []
    for token in tokens:
        if len(token) > 1 and c.length(token, face) > max_width:
            pieces.extend(token)
        else:
            pieces.append(token)
    tokens = pieces
    lines, line = [], ""
    for token in tokens:
        trial = line + token
        if (
            line.strip()
            and c.length(trial, face) > max_width
            and token not in "。，、；：？！）》」”’.,;:?!) …"
        ):
            # An opening mark never ends a line: it moves down with the word it opens.
            carry = ""
            while line and line[-1] in "（《「“‘【(":
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line.rstrip(" "))
            line = (carry + token).lstrip(" ")
        else:
            line = trial
    if line.strip():
        lines.append(line)
    return lines


def _times(rng: random.Random, taken_on: date, n: int, *, old: bool) -> list[datetime]:
    """n moments in order before the screenshot, spread over days, with groups close together."""
    span = rng.choice([1, 3, 6, 20, 60]) if old else rng.choice([1, 2, 5])
    start = datetime.combine(taken_on - timedelta(days=span), datetime.min.time(), tzinfo=TZ)
    start += timedelta(minutes=rng.randint(0, 23 * 60))
    moments, at = [], start
    for _ in range(n):
        moments.append(at)
        at += timedelta(minutes=rng.choice([1, 3, 20, 90, 400, 900, 1500, 2000]))
    end = datetime.combine(taken_on, datetime.max.time(), tzinfo=TZ) - timedelta(hours=1)
    if moments[-1] > end:
        shift = moments[-1] - end + timedelta(minutes=rng.randint(0, 600))
        moments = [m - shift for m in moments]
    return [m.replace(second=0, microsecond=0) for m in moments]


def base_long(app: str) -> bool:
    """Android phones can take a scrolling screenshot of a whole thread."""
    return app in ("huawei_sms", "xiaomi_sms", "oppo_sms", "vivo_sms", "wechat", "wechat_group")


def make_thread(
    rng: random.Random, app: str, *, n: int | None = None, dark=None, lang=None
) -> Thread:
    group = app == "wechat_group"
    base = "wechat" if group else app
    lang = lang or ("en" if app == "iphone_sms" and rng.random() < 0.4 else "zh")
    if app == "wechat" and lang == "zh" and rng.random() < 0.15:
        lang = "en"
    dark = rng.random() < 0.4 if dark is None else dark
    width = (
        1170
        if app == "iphone_sms" and rng.random() < 0.6
        else rng.choice([1080, 1080, 1080, 1170, 1080, 1220, 1284])
    )
    height = int(width * rng.choice([2.0, 2.17, 2.22, 2.16]))
    if base_long(app) and rng.random() < 0.1:
        height = int(width * rng.choice([3.2, 4.0]))  # a scrolling ("long") screenshot
    taken_on = date(2026, 1, 1) + timedelta(days=rng.randint(0, 330))
    if rng.random() < 0.1:
        taken_on = date(2026, 1, rng.randint(1, 6))
    if group:
        sender = f"{rng.choice(COMPANIES)}还款{rng.choice(['群', '通知群', '协商群'])}({rng.randint(3, 60)})"
        sub = ""
    elif app == "wechat":
        sender = rng.choice(
            AGENTS + [f"{rng.choice(COMPANIES)}-{rng.choice(AGENTS)}", "Tony", "催收部 小李"]
        )
        sub = ""
    else:
        sender, sub = sender_for(rng, "service" if rng.random() < 0.25 else "person")
        if lang == "en" and rng.random() < 0.5:
            sender = rng.choice(["+1 (415) 555-0132", "QuickLoan", "Mike Collections", sender])
    thread = Thread(
        app=base,
        lang=lang,
        dark=dark,
        width=width,
        height=height,
        sender=sender,
        sub=sub,
        taken_on=taken_on,
        group=group,
    )
    thread.imessage = app == "iphone_sms" and rng.random() < 0.3
    thread.pill = base in ("wechat", "vivo_sms") and rng.random() < 0.3
    thread.bubble_times = (base in ("huawei_sms", "oppo_sms") and rng.random() < 0.3) or (
        base == "vivo_sms" and rng.random() < 0.6
    )
    thread.sim = rng.choice(["卡1", "卡2", "SIM1"]) if rng.random() < 0.3 else ""
    thread.status = rng.random() > 0.1
    thread.scale = rng.choice([0.92, 1.0, 1.0, 1.08])
    thread.unread = (
        rng.choice(["", "", str(rng.randint(1, 99))]) if base in ("wechat", "iphone_sms") else ""
    )
    n = n or rng.randint(3, 7)
    h12 = thread.h12 = rng.random() < 0.3
    english = lang == "en" or (rng.random() < 0.1)
    nicks = [f"{rng.choice(COMPANIES)}-{a}" for a in rng.sample(AGENTS, 3)] + [
        "催收小李",
        "法务部张律师",
    ]
    last_sep: datetime | None = None
    for at in _times(rng, taken_on, n, old=True):
        if last_sep is None or (at - last_sep) > timedelta(minutes=5) or rng.random() < 0.1:
            thread.items.append(
                Item("sep", separator(base, at, taken_on, lang=lang, h12=h12, rng=rng), at=at)
            )
            last_sep = at
        side = "out" if rng.random() < 0.3 else "in"
        text = outgoing_text(rng, english) if side == "out" else incoming_text(rng, english)
        nick = rng.choice(nicks) if group and side == "in" else None
        item = Item("msg", text, side=side, at=last_sep, nick=nick)
        if thread.bubble_times:
            item.at = at
            item.own = _period_zh(at, False) if h12 else f"{at.hour:02d}:{at.minute:02d}"
            if thread.sim:  # dual-SIM phones name the card beside the time
                item.own = (
                    f"{item.own}  {thread.sim}"
                    if rng.random() < 0.7
                    else f"{thread.sim} {item.own}"
                )
        thread.items.append(item)
        if base == "wechat" and rng.random() < 0.12:
            who = "你" if rng.random() < 0.5 else f"“{nick or sender}”"
            if rng.random() < 0.3:  # a "pat" notice
                thread.items.append(Item("notice", f"“{nick or sender}” 拍了拍 我"))
            else:
                thread.items.append(Item("notice", f"{who}撤回了一条消息"))
    if base in ("iphone_sms", "huawei_sms") and any(
        i.side == "out" for i in thread.items if i.kind == "msg"
    ):
        last_out = max(k for k, i in enumerate(thread.items) if i.kind == "msg" and i.side == "out")
        if base == "iphone_sms" or rng.random() < 0.5:
            word = (
                "Delivered"
                if lang == "en"
                else rng.choice(["已送达", "已读"] if base == "iphone_sms" else ["已送达"])
            )
            thread.items.insert(last_out + 1, Item("note", word, side="out"))
    return thread


def _layout_body(thread: Thread, c: Canvas, rng: random.Random) -> list[tuple[int, int, int]]:
    """Draw the body on a tall canvas; return each item's (index, top, bottom)."""
    look = LOOKS[(thread.app, thread.dark)]
    w = thread.width
    s = w / 1080
    ios = thread.app == "iphone_sms"
    size = int((47 if ios else rng.choice([42, 44, 46])) * s * thread.scale)
    face = font(size)
    small = font(int(size * rng.choice([0.66, 0.72])))
    margin = int(rng.choice([28, 36, 44]) * s)
    av = 0
    if thread.app == "wechat":
        av = int(rng.choice([110, 120]) * s)
    elif thread.app == "xiaomi_sms":
        av = int(96 * s) if rng.random() < 0.7 else 0
    pad_x, pad_y = int(size * 0.6), int(size * 0.45)
    line_h = int(size * rng.choice([1.32, 1.4]))
    max_text = int(w * rng.choice([0.62, 0.66, 0.7])) - av
    out_fill = IMESSAGE_BLUE if thread.imessage else look.outgoing
    # Some phones put the contact's initial in the avatar instead of a silhouette.
    initial = (
        thread.sender[:1]
        if thread.app == "xiaomi_sms" and not thread.sender[:1].isdigit() and rng.random() < 0.4
        else None
    )
    if initial == "+":
        initial = None
    y = int(30 * s)
    spans = []
    if ios:
        label = "Text Message • SMS" if thread.lang == "en" else "短信/彩信"
        if thread.imessage:
            label = "iMessage"
        c.centred(y, label, small, look.muted)
        y += int(size * 1.1)
        spans.append((-1, 0, y))
    for index, item in enumerate(thread.items):
        top = y
        if item.kind == "sep":
            y += int(size * 0.5)
            if thread.pill:
                tw = c.length(item.text, small)
                fill = "#2a2a2a" if thread.dark else "#dadada"
                c.draw.rounded_rectangle(
                    (w / 2 - tw / 2 - 18 * s, y - 6 * s, w / 2 + tw / 2 + 18 * s, y + size * 0.95),
                    radius=12 * s,
                    fill=fill,
                )
            c.centred(y, item.text, small, look.muted)
            y += int(size * 1.3)
        elif item.kind == "notice":
            y += int(size * 0.3)
            c.centred(y, item.text, small, look.muted)
            y += int(size * 1.2)
        elif item.kind == "note":
            c.right(w - margin - 6, y - int(size * 0.15), item.text, small, look.muted)
            y += int(size * 0.9)
        else:
            lines = _wrap(c, item.text, face, max_text)
            text_w = max(c.length(line, face) for line in lines)
            box_h = len(lines) * line_h + 2 * pad_y - int(line_h - size * 1.15)
            if item.nick:
                nick_face = font(int(size * 0.62))
                c.text((margin + av + 24 * s, y), item.nick, nick_face, look.muted)
                y += int(size * 0.95)
            if item.side == "in":
                x0 = margin + (av + int(20 * s) if av else 0)
                fill, ink = look.incoming, look.incoming_text
                if av:
                    avatar(
                        c,
                        margin,
                        y,
                        av,
                        rng.choice(["#7aa6d8", "#d88a7a", "#8ac48a", "#b0b0b0"]),
                        round_=thread.app != "wechat",
                        letter=initial,
                    )
            else:
                x0 = (
                    w
                    - margin
                    - (av + int(20 * s) if av and thread.app == "wechat" else 0)
                    - int(text_w)
                    - 2 * pad_x
                )
                fill, ink = out_fill, look.outgoing_text
                if av and thread.app == "wechat":
                    avatar(c, w - margin - av, y, av, "#c9a27a", round_=False)
            c.draw.rounded_rectangle(
                (x0, y, x0 + int(text_w) + 2 * pad_x, y + box_h),
                radius=int(size * (0.9 if ios else 0.5)),
                fill=fill,
            )
            for n, line in enumerate(lines):
                c.text((x0 + pad_x, y + pad_y + n * line_h - int(size * 0.1)), line, face, ink)
            following = next((i for i in thread.items[index + 1 :] if i.kind != "note"), None)
            grouped = (
                ios
                and following is not None
                and following.kind == "msg"
                and following.side == item.side
            )
            y += box_h + (int(6 * s) if grouped else int(size * rng.choice([0.35, 0.5])))
            if item.own:
                tx = (
                    x0 + 8 * s
                    if item.side == "in"
                    else w - margin - c.length(item.own, small) - 8 * s
                )
                c.text((tx, y - int(size * 0.1)), item.own, small, look.muted)
                y += int(size * 0.95)
            if av and item.side == "in":
                y = max(y, top + av + int(size * 0.3) + (int(size * 0.95) if item.nick else 0))
        spans.append((index, top, y))
    return spans


def _header(thread: Thread, c: Canvas, top: int, height: int, rng: random.Random):
    look = LOOKS[(thread.app, thread.dark)]
    w = thread.width
    s = w / 1080
    fg = look.text
    title_size = int(rng.choice([52, 56, 60]) * s)
    name = thread.sender
    if thread.app in ("huawei_sms", "vivo_sms"):
        arrow_left(c, 44 * s, top + height * 0.3, 44 * s, fg)
        x = 130 * s
        if thread.app == "huawei_sms" and (
            rng.random() < 0.4 if thread.header_avatar is None else thread.header_avatar
        ):
            # HarmonyOS: the contact's round avatar between the arrow and the name.
            size = int(height * 0.56)
            letter = None if name[:1].isdigit() or name[:1] == "+" else name[:1]
            avatar(
                c,
                x,
                top + (height - size) / 2,
                size,
                rng.choice(["#5b8ff9", "#f6a04d", "#8ac48a"]),
                letter=letter,
                shaded=rng.random() < 0.5,
            )
            x += size + 24 * s
        if thread.sub:
            c.text((x, top + height * 0.14), name, font(title_size, bold=True), fg)
            c.text((x, top + height * 0.58), thread.sub, font(int(title_size * 0.58)), look.muted)
        else:
            c.text((x, top + height * 0.26), name, font(title_size, bold=True), fg)
        phone_icon(c, w - 190 * s, top + height * 0.32, 46 * s, fg)
        dots(c, w - 60 * s, top + height * 0.32, 5 * s, fg)
        return
    if thread.app == "iphone_sms":
        blue = "#0a84ff"
        back_button(c, 30 * s, top + height * 0.2, 50 * s, blue, rng, width=7)
        if thread.unread:
            if rng.random() < 0.5:
                c.text((70 * s, top + height * 0.16), thread.unread, font(int(44 * s)), blue)
            else:  # iOS 16 and later: the count on a blue pill
                pill = font(int(34 * s))
                tw = c.length(thread.unread, pill)
                c.draw.rounded_rectangle(
                    (
                        70 * s,
                        top + height * 0.16,
                        70 * s + tw + 36 * s,
                        top + height * 0.16 + 56 * s,
                    ),
                    radius=28 * s,
                    fill=blue,
                )
                c.text((88 * s, top + height * 0.16 + 6 * s), thread.unread, pill, "#ffffff")
        if rng.random() < 0.2:  # older iOS: back to the list, the name in the bar
            c.text(
                (82 * s, top + height * 0.2),
                "Messages" if thread.lang == "en" else "信息",
                font(int(44 * s)),
                blue,
            )
            c.centred(top + height * 0.2, name, font(int(48 * s), bold=True), fg)
            c.draw.ellipse(
                (w - 100 * s, top + height * 0.2, w - 50 * s, top + height * 0.2 + 50 * s),
                outline=blue,
                width=4,
            )
            return
        size = int(height * 0.42)
        initials = thread.initials or None
        if (
            thread.initials is None
            and rng.random() < 0.5
            and not name[:1].isdigit()
            and not name.startswith("+")
        ):
            # iOS: a Latin name's initials ("MC"); a Chinese name's first or last two characters.
            initials = (
                rng.choice([name[:1], name[-2:]])
                if not name.isascii()
                else "".join(p[0] for p in name.split()[:2]).upper()
            )
        avatar(
            c,
            w / 2 - size / 2,
            top + height * 0.06,
            size,
            rng.choice(["#a0a4ad", "#8e8e93", "#b4b8c0"]),
            letter=initials,
            shaded=rng.random() < 0.6 if thread.shaded is None else thread.shaded,
        )
        label = font(int(rng.choice([32, 34, 38]) * s))
        box = c.centred(top + height * 0.06 + size + 10 * s, name, label, fg)
        if rng.random() < 0.4:  # the "›" set as a character after the name
            c.text((box[2] + 8 * s, box[1] - 6 * s), "›", label, look.muted, record=False)
        else:
            chevron(c, box[2] + 10 * s, box[1] + 8 * s, 20 * s, look.muted, width=3, right=True)
        video_icon(c, w - 110 * s, top + height * 0.25, 64 * s, blue)
        return
    if thread.app == "wechat":
        back_button(c, 40 * s, top + height * 0.3, 44 * s, fg, rng)
        if thread.unread:
            label = rng.choice([thread.unread, f"({thread.unread})", f"微信({thread.unread})"])
            c.text((92 * s, top + height * 0.28), label, font(int(42 * s)), fg)
        c.centred(top + height * 0.26, name, font(int(52 * s), bold=rng.random() < 0.5), fg)
        dots(c, w - 110 * s, top + height * 0.5, 6 * s, fg, vertical=False)
        return
    # Xiaomi and OPPO: the name centred, a line about the number under it.
    back_button(c, 44 * s, top + height * 0.32, 44 * s, fg, rng)
    if thread.sub:
        c.centred(top + height * 0.12, name, font(title_size, bold=True), fg)
        c.centred(top + height * 0.58, thread.sub, font(int(title_size * 0.56)), look.muted)
    else:
        c.centred(top + height * 0.26, name, font(title_size, bold=True), fg)
    phone_icon(c, w - 200 * s, top + height * 0.32, 46 * s, fg)
    dots(c, w - 60 * s, top + height * 0.32, 5 * s, fg)


def _input_bar(thread: Thread, c: Canvas, top: int, rng: random.Random):
    look = LOOKS[(thread.app, thread.dark)]
    w = thread.width
    s = w / 1080
    c.draw.rectangle((0, top, w, c.height), fill=look.bar)
    field_fill = "#2a2a2a" if thread.dark else "#ffffff" if look.bar != "#ffffff" else "#f2f2f2"
    c.draw.rounded_rectangle(
        (150 * s, top + 30 * s, w - 170 * s, top + 130 * s), radius=40 * s, fill=field_fill
    )
    face = font(int(40 * s))
    if thread.app == "wechat":
        c.draw.ellipse((30 * s, top + 40 * s, 110 * s, top + 120 * s), outline=look.text, width=4)
        if rng.random() < 0.4:
            c.centred(
                top + 52 * s,
                "按住 说话" if thread.lang == "zh" else "Hold to Talk",
                face,
                look.text,
            )
        c.draw.ellipse(
            (w - 150 * s, top + 40 * s, w - 80 * s, top + 110 * s), outline=look.text, width=4
        )
        c.text((w - 70 * s, top + 34 * s), "+", font(int(60 * s)), look.text, record=False)
        return
    placeholder = {
        "huawei_sms": ["信息", "短信", "发送短信"],
        "xiaomi_sms": ["短信", "发送短信"],
        "oppo_sms": ["短信", "输入信息"],
        "vivo_sms": ["短信", "发送信息"],
        "iphone_sms": ["短信/彩信", "iMessage"]
        if thread.lang == "zh"
        else ["Text Message", "iMessage"],
    }[thread.app]
    c.text((180 * s, top + 52 * s), rng.choice(placeholder), face, look.muted)
    c.draw.ellipse((40 * s, top + 45 * s, 110 * s, top + 115 * s), outline=look.muted, width=4)
    if thread.app != "iphone_sms" and rng.random() < 0.4:
        c.text(
            (w - 150 * s, top + 52 * s), rng.choice(["卡1", "卡2"]), font(int(30 * s)), look.muted
        )
    c.draw.polygon(
        [(w - 90 * s, top + 50 * s), (w - 40 * s, top + 80 * s), (w - 90 * s, top + 110 * s)],
        fill=look.muted,
    )


def render(thread: Thread, rng: random.Random, *, windows: int = 1) -> list[Shot]:
    """The thread on `windows` screenshots, each after the first repeating 1–2 items of the one before."""
    look = LOOKS[(thread.app, thread.dark)]
    w, h = thread.width, thread.height
    s = w / 1080
    status_h = int(rng.choice([72, 80, 96]) * s) if thread.status else 0
    header_h = int((250 if thread.app == "iphone_sms" else rng.choice([150, 170])) * s)
    input_h = int(rng.choice([170, 190]) * s) + (
        int(rng.choice([0, 60])) if thread.app != "iphone_sms" else 40
    )
    view_h = h - status_h - header_h - input_h
    tall = Canvas(w, 12 * h, look.page)
    spans = _layout_body(thread, tall, rng)
    # Windows: the items that fit, each later one starting a bubble or two before the last end.
    starts, first = [], 0
    for _ in range(windows):
        starts.append(first)
        top = spans[first][1]
        last = max(k for k, (_i, _t, bottom) in enumerate(spans) if bottom - top <= view_h)
        if last >= len(spans) - 1:
            break
        msgs_back = [
            k
            for k in range(first + 1, last + 1)
            if spans[k][0] >= 0 and thread.items[spans[k][0]].kind == "msg"
        ]
        first = msgs_back[-rng.choice([1, 2])] if len(msgs_back) >= 2 else last
    clock = f"{rng.randint(7, 23)}:{rng.randint(0, 59):02d}"
    shots = []
    for first in starts:
        top = spans[first][1]
        last = max(k for k, (_i, _t, bottom) in enumerate(spans) if bottom - top <= view_h)
        bottom = spans[last][2]
        c = Canvas(w, h, look.page)
        # Android apps put the body under the header; the last message sits just above the input bar.
        body_top = status_h + header_h
        offset = body_top + (
            view_h - (bottom - top) if len(starts) > 1 or rng.random() < 0.6 else 0
        )
        c.image.paste(tall.image.crop((0, top, w, bottom)), (0, offset))
        for b in tall.boxes:
            if top <= b.top and b.bottom <= bottom:
                c.boxes.append(
                    OcrBox(
                        b.text,
                        (b.left, b.top - top + offset, b.right, b.bottom - top + offset),
                        b.confidence,
                        b.color,
                    )
                )
        c.draw.rectangle((0, 0, w, body_top), fill=look.bar)
        if status_h:
            status_bar(
                c, rng, ios=thread.app == "iphone_sms", fg=look.text, height=status_h, clock=clock
            )
        _header(thread, c, status_h, header_h, rng)
        _input_bar(thread, c, h - input_h, rng)
        records = []
        current = None
        for k in range(first, last + 1):
            index = spans[k][0]
            if index < 0:
                continue
            item = thread.items[index]
            if item.kind == "sep":
                current = item.at
            elif item.kind == "msg":
                records.append(
                    {
                        "kind": "im" if thread.app == "wechat" else "sms",
                        "sender": item.nick or thread.sender,
                        "occurred_at": (item.at if item.own else current).isoformat()
                        if (item.own or current)
                        else None,
                        "direction": item.side,
                        "text": item.text,
                        "call_type": None,
                        "duration_seconds": None,
                    }
                )
        layout = "wechat_group" if thread.group else thread.app
        if thread.app == "iphone_sms" and thread.lang == "en":
            layout = "iphone_sms_en"
        shot = Shot(c.image, c.boxes, records, layout, thread.dark, thread.taken_on)
        shot.decor = c.decor
        shots.append(shot)
    return shots


# Call logs.


def _duration_text(seconds: int, style: str) -> str:
    h, rest = divmod(seconds, 3600)
    m, sec = divmod(rest, 60)
    if style == "clock":
        return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"
    if style == "en":
        return f"{m} min {sec} sec" if m else f"{sec} sec"
    text = ""
    if h:
        text += f"{h}小时"
    if m:
        text += f"{m}分"
    if sec or not text:
        text += f"{sec:02d}秒" if style == "zh0" and (h or m) else f"{sec}秒"
    return text


def _call_time(app: str, at: datetime, taken_on: date, *, lang: str, rng) -> list[str]:
    """The time a call-log row shows, on one or two lines."""
    back = (taken_on - at.date()).days
    h12 = app in ("xiaomi_calls", "iphone_calls") and rng.random() < 0.6
    if lang == "en":
        clock = _clock_en(at)
        day = (
            ""
            if back == 0
            else "Yesterday"
            if back == 1
            else _WEEK_EN[at.weekday()]
            if back < 7
            else f"{at.month}/{at.day}/{at.year % 100:02d}"
        )
    else:
        clock = _period_zh(at, app == "xiaomi_calls") if h12 else f"{at.hour:02d}:{at.minute:02d}"
        day = (
            ""
            if back == 0
            else "昨天"
            if back == 1
            else f"星期{_WEEK_ZH[at.weekday()]}"
            if back < 7
            else (
                f"{at.month}月{at.day}日"
                if at.year == taken_on.year
                else f"{at.year}/{at.month}/{at.day}"
            )
        )
    if not day:
        return [clock]
    if rng.random() < 0.5:
        return [day, clock]
    return [f"{day} {clock}"]


def render_calls(
    rng: random.Random, app: str, *, dark=None, lang=None, rows: int | None = None
) -> Shot:
    dark = rng.random() < 0.3 if dark is None else dark
    lang = lang or ("en" if app == "iphone_calls" and rng.random() < 0.3 else "zh")
    w = 1170 if app == "iphone_calls" and rng.random() < 0.6 else rng.choice([1080, 1080, 1170])
    h = int(w * rng.choice([2.0, 2.17, 2.22]))
    s = w / 1080
    taken_on = date(2026, 1, 1) + timedelta(days=rng.randint(0, 330))
    page = "#000000" if dark else "#ffffff"
    fg = "#eeeeee" if dark else "#111111"
    muted = "#8a8a8a"
    red = rng.choice(["#e64340", "#ff3b30", "#f2463d"])
    c = Canvas(w, h, page)
    status_h = int(80 * s)
    status_bar(
        c,
        rng,
        ios=app == "iphone_calls",
        fg=fg,
        height=status_h,
        clock=f"{rng.randint(7, 23)}:{rng.randint(0, 59):02d}",
    )
    y = status_h + int(30 * s)
    if app == "iphone_calls":
        edit = "Edit" if lang == "en" else "编辑"
        c.text((40 * s, y), edit, font(int(44 * s)), "#0a84ff")
        tabs = ("All", "Missed") if lang == "en" else ("所有通话", "未接来电")
        seg = font(int(36 * s))
        c.draw.rounded_rectangle(
            (w / 2 - 250 * s, y - 6 * s, w / 2 + 250 * s, y + 60 * s),
            radius=16,
            fill="#2c2c2e" if dark else "#eeeeef",
        )
        c.centred(y + 4 * s, tabs[0], seg, fg, cx=w / 2 - 125 * s)
        c.centred(y + 4 * s, tabs[1], seg, fg, cx=w / 2 + 125 * s)
        y += int(110 * s)
        c.text(
            (40 * s, y), "Recents" if lang == "en" else "最近通话", font(int(84 * s), bold=True), fg
        )
        y += int(150 * s)
    elif app == "huawei_calls":
        c.draw.rounded_rectangle(
            (40 * s, y, w - 40 * s, y + 100 * s),
            radius=50 * s,
            fill="#1c1c1c" if dark else "#f0f0f0",
        )
        c.text(
            (100 * s, y + 25 * s),
            rng.choice(["搜索联系人、号码", "搜索"]),
            font(int(38 * s)),
            muted,
        )
        y += int(150 * s)
        if rng.random() < 0.5:
            c.text((44 * s, y), rng.choice(["通话记录", "电话"]), font(int(64 * s), bold=True), fg)
            y += int(110 * s)
    else:
        tabs = ["全部通话", "未接来电"]
        c.centred(y, tabs[0], font(int(44 * s), bold=True), fg, cx=w / 2 - 140 * s)
        c.centred(y, tabs[1], font(int(44 * s)), muted, cx=w / 2 + 140 * s)
        y += int(130 * s)
    name_face = font(int(rng.choice([46, 50]) * s))
    small = font(int(34 * s))
    row_h = int(rng.choice([150, 165, 180]) * s)
    tab_h = int(190 * s)
    moments = _times(rng, taken_on, rows or rng.randint(6, 10), old=True)[::-1]
    # Variations between versions: the call's arrow before the name (not in the line under
    # it), an "ⓘ" drawn as a character, the duration and time on one line.
    icon_before_name = app == "huawei_calls" and rng.random() < 0.35
    info_glyph = app == "huawei_calls" and rng.random() < 0.35
    one_line_right = app == "xiaomi_calls" and rng.random() < 0.35
    records = []
    places = ["广东深圳", "浙江杭州", "北京", "上海", "四川成都", "河南郑州"]
    for at in moments:
        if y + row_h > h - tab_h:
            break
        kind = rng.choices(["incoming", "outgoing", "missed"], [4, 2, 3])[0]
        number = "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))
        who = rng.choice(
            [
                number,
                f"{number[:3]} {number[3:7]} {number[7:]}",
                f"+86 {number[:3]} {number[3:7]} {number[7:]}",
                rng.choice(AGENTS),
                "95" + "".join(rng.choice("0123456789") for _ in range(3)),
                "0755 " + "".join(rng.choice("0123456789") for _ in range(8)),
            ]
        )
        if (
            app == "iphone_calls"
            and rng.random() < 0.5
            and who[0].isdigit()
            and len(who.replace(" ", "")) == 11
        ):
            who = f"+86 {who.replace(' ', '')[:3]} {who.replace(' ', '')[3:7]} {who.replace(' ', '')[7:]}"
        duration = (
            rng.choice([rng.randint(3, 59), rng.randint(60, 900), rng.randint(3600, 4000)])
            if kind != "missed"
            else None
        )
        name_fill = red if kind == "missed" else fg
        count = f" ({rng.randint(2, 5)})" if rng.random() < 0.12 else ""
        x = 60 * s
        if icon_before_name:
            arrow_icon(
                c,
                16 * s,
                y + 14 * s,
                24 * s,
                red if kind == "missed" else muted,
                out=kind == "outgoing",
            )
        if app == "iphone_calls" and kind == "outgoing":
            phone_icon(c, 14 * s, y + 22 * s, 26 * s, muted)
            arrow_icon(c, 30 * s, y + 8 * s, 14 * s, muted, out=True, width=3)
        c.text((x, y), who + count, name_face, name_fill)
        line2 = y + int(62 * s)
        time_lines = _call_time(app, at, taken_on, lang=lang, rng=rng)
        shown_duration = duration
        if app == "huawei_calls":
            icon_fill = red if kind == "missed" else muted
            if not icon_before_name:
                arrow_icon(c, x, line2 + 8 * s, 24 * s, icon_fill, out=kind == "outgoing")
            parts = []
            if rng.random() < 0.25:
                parts.append(f"疑似催收 · 被{rng.randint(10, 3000)}人标记")
            else:
                parts.append(rng.choice(places))
            if kind == "missed":
                parts.append(
                    rng.choice(
                        ["未接", f"响铃{rng.randint(2, 30)}秒", f"响铃{rng.randint(1, 9)}声"]
                    )
                )
            elif rng.random() < 0.8:
                spoken = _duration_text(duration, rng.choice(["zh", "zh", "zh0"]))
                if rng.random() < 0.3:  # some versions name the kind: "呼入 2分05秒"
                    spoken = f"{'呼出' if kind == 'outgoing' else '呼入'} {spoken}"
                parts.append(spoken)
            else:
                shown_duration = None
            c.text((x + 40 * s, line2), "  ".join(parts), small, muted)
            for n, line in enumerate(time_lines):
                c.right(w - 120 * s, y + 10 * s + n * 44 * s, line, small, muted)
            if info_glyph:
                c.text((w - 92 * s, y + 14 * s), "ⓘ", font(int(40 * s)), muted, record=False)
            else:
                c.draw.ellipse(
                    (w - 90 * s, y + 20 * s, w - 50 * s, y + 60 * s), outline=muted, width=3
                )
        elif app == "xiaomi_calls":
            arrow_icon(
                c,
                x,
                line2 + 8 * s,
                24 * s,
                red if kind == "missed" else muted,
                out=kind == "outgoing",
            )
            c.text(
                (x + 40 * s, line2),
                f"{rng.choice(places)} {rng.choice(['移动', '联通', '电信'])}",
                small,
                muted,
            )
            if kind == "missed":
                word = rng.choice(
                    ["未接", f"响铃{rng.randint(2, 30)}秒", f"响铃{rng.randint(1, 9)}声"]
                )
            elif kind == "outgoing" and rng.random() < 0.25:
                word, shown_duration = "未接通", None  # a call out nobody answered
            else:
                word = _duration_text(duration, rng.choice(["zh", "zh0"]))
                if kind == "outgoing" and rng.random() < 0.5:
                    word = f"呼出 {word}"
                elif kind == "incoming" and rng.random() < 0.3:
                    word = f"呼入 {word}"
            if one_line_right and kind != "missed":
                c.right(w - 60 * s, y + 20 * s, f"{word}  {' '.join(time_lines)}", small, muted)
            else:
                c.right(w - 60 * s, y + 4 * s, " ".join(time_lines), small, muted)
                c.right(w - 60 * s, line2, word, small, red if kind == "missed" else muted)
        else:
            label = (
                rng.choice(["mobile", "unknown", "China"])
                if lang == "en"
                else rng.choice(["手机", "未知", "中国广东", "住宅"])
            )
            c.text((x, line2), label, small, muted)
            shown_duration = None
            for n, line in enumerate(time_lines):
                c.right(w - 120 * s, y + 16 * s + n * 44 * s, line, small, muted)
            c.draw.ellipse(
                (w - 90 * s, y + 24 * s, w - 46 * s, y + 68 * s), outline="#0a84ff", width=3
            )
        y += row_h
        c.draw.line((x, y - 12 * s, w, y - 12 * s), fill="#222222" if dark else "#e6e6e6", width=2)
        records.append(
            {
                "kind": "call",
                "sender": who,
                "occurred_at": at.replace(second=0).isoformat(),
                "direction": "out" if kind == "outgoing" else "in",
                "text": None,
                "call_type": kind,
                "duration_seconds": shown_duration if kind != "missed" else None,
            }
        )
    # The tab bar.
    c.draw.rectangle((0, h - tab_h, w, h), fill="#111111" if dark else "#f8f8f8")
    tabs = {
        "iphone_calls": ["个人收藏", "最近通话", "通讯录", "拨号键盘", "语音留言"]
        if lang == "zh"
        else ["Favorites", "Recents", "Contacts", "Keypad", "Voicemail"],
        "huawei_calls": ["拨号", "联系人", "收藏", "畅连"],
        "xiaomi_calls": ["拨号", "联系人", "营业厅"],
    }[app]
    face = font(int(28 * s))
    for n, tab in enumerate(tabs):
        cx = w * (n + 0.5) / len(tabs)
        c.draw.ellipse(
            (cx - 26 * s, h - tab_h + 24 * s, cx + 26 * s, h - tab_h + 76 * s), fill=muted
        )
        c.centred(h - tab_h + 90 * s, tab, face, muted, cx=cx)
    layout = app if lang == "zh" else f"{app}_en"
    return Shot(c.image, c.boxes, records, layout, dark, taken_on)


def random_shots(seed: int, *, per_app: int = 4) -> list[Shot]:
    """A varied set: every app, light and dark, single and overlapping screenshots."""
    rng = random.Random(seed)
    shots: list[Shot] = []
    for app in ALL_APPS:
        for n in range(per_app):
            if app in CALL_APPS:
                shot = render_calls(rng, app, dark=n % 3 == 2)
                shot.file = f"{app}_{n:02d}.png"
                shots.append(shot)
                continue
            windows = 2 if n == per_app - 1 else 1
            thread = make_thread(
                rng, app, n=rng.randint(6, 9) if windows > 1 else None, dark=n % 2 == 1
            )
            for k, shot in enumerate(render(thread, rng, windows=windows)):
                name = f"Screenshot_{shot.taken_on:%Y%m%d}_{rng.randint(80000, 235959):06d}"
                shot.file = f"{name}_{app}_{n:02d}_{k}.png"
                shot.thread = f"{app}_{n:02d}" if windows > 1 else None
                shots.append(shot)
    return shots


def sep(text: str, at: datetime) -> Item:
    """A time label as the app prints it, and the moment it stands for."""
    return Item("sep", text, at=at)


def msg(
    text: str, side: str = "in", *, nick: str | None = None, own: str | None = None, at=None
) -> Item:
    """A bubble; `own` is a small time drawn under it (then `at` is its moment)."""
    return Item("msg", text, side=side, nick=nick, own=own, at=at)


def chat(
    app: str,
    items: list[Item],
    *,
    sender: str,
    sub: str = "",
    dark: bool = False,
    width: int = 1080,
    height: int | None = None,
    lang: str = "zh",
    taken_on: date = date(2026, 6, 12),
    seed: int = 0,
    windows: int = 1,
    **variant,
) -> list[Shot]:
    """A thread drawn with the content given (the look's small choices come from `seed`).

    Bubbles take the time of the label above them, as the truth records say.
    """
    rng = random.Random(seed)
    group = app == "wechat_group"
    thread = Thread(
        app="wechat" if group else app,
        lang=lang,
        dark=dark,
        width=width,
        height=height or int(width * 2.17),
        sender=sender,
        sub=sub,
        taken_on=taken_on,
        group=group,
    )
    for name, value in variant.items():
        setattr(thread, name, value)
    current = None
    for item in items:
        if item.kind == "sep":
            current = item.at
        elif item.kind == "msg" and not item.own:
            item.at = current
        thread.items.append(item)
    return render(thread, rng, windows=windows)


def notice(text: str) -> Item:
    """A line the app writes between bubbles ("“王专员”撤回了一条消息")."""
    return Item("notice", text)


def note(text: str) -> Item:
    """A small note under the borrower's last bubble ("已送达", "Delivered")."""
    return Item("note", text, side="out")
