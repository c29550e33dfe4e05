#!/usr/bin/env python3
"""Deterministic generator for the frozen benchmark set ocr_set8.

Draws synthetic phone screenshots of Chinese debt-collection SMS threads,
WeChat chats and call logs, and writes truth.jsonl and drawlog.jsonl.
Everything (people, firms, numbers, links, case numbers) is invented.

Run:  python make_set.py      (needs Pillow and fontTools)
Running it deletes the old images in this folder and rewrites all outputs.
"""
import datetime as DT
import glob
import json
import os
import random
import re

from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 8_2026_0808
FONT_FILES = {
    "R": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "B": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
FONT_NAMES = {"R": "NotoSansCJK-Regular.ttc#2 (Noto Sans CJK SC)",
              "B": "NotoSansCJK-Bold.ttc#2 (Noto Sans CJK SC Bold)"}
FACE = 2
TZ = "+08:00"

LAYOUTS = ["huawei_sms", "honor_sms", "vivo_sms", "xiaomi_sms", "oppo_sms",
           "iphone_sms", "iphone_sms_en", "wechat_private", "wechat_group",
           "huawei_calls", "honor_calls", "xiaomi_calls", "oppo_calls",
           "vivo_calls", "iphone_calls", "iphone_calls_en"]
PER_LAYOUT = 9
# layouts that get an overlap pair (wechat_private gets two)
PAIRS = {"huawei_sms": 1, "honor_sms": 1, "vivo_sms": 1, "xiaomi_sms": 1,
         "oppo_sms": 1, "iphone_sms": 1, "iphone_sms_en": 1,
         "wechat_private": 2, "wechat_group": 1}

SIZES = {
    "huawei": [(1080, 2340), (1228, 2700), (1200, 2640)],
    "honor": [(1080, 2388), (1224, 2700), (1200, 2652)],
    "vivo": [(1080, 2400), (1260, 2800)],
    "xiaomi": [(1080, 2400), (1220, 2712), (1440, 3200)],
    "oppo": [(1080, 2412), (1240, 2772), (1080, 2400)],
    "iphone": [(1170, 2532), (1179, 2556), (1284, 2778), (1290, 2796),
               (1125, 2436), (828, 1792)],
}

# ---------------------------------------------------------------- fonts
_CMAPS = {}
_FONTS = {}


def cmap(w):
    if w not in _CMAPS:
        _CMAPS[w] = set(TTCollection(FONT_FILES[w]).fonts[FACE].getBestCmap())
    return _CMAPS[w]


def font(w, size):
    k = (w, size)
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(FONT_FILES[w], size, index=FACE)
    return _FONTS[k]


def tlen(s, w, size):
    return font(w, size).getlength(s)


def hexc(c):
    return "#%02x%02x%02x" % tuple(c[:3])


def rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


# ---------------------------------------------------------------- canvas
class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.im = Image.new("RGB", (W, H), rgb(bg))
        self.d = ImageDraw.Draw(self.im)
        self.strings = []
        self.shapes = []

    def text(self, x, y, s, w, size, col, role, anchor="ls", spans=None, **extra):
        assert s and s == s.strip(), repr(s)
        for ch in s:
            assert ord(ch) in cmap(w), (s, ch)
        x, y = int(round(x)), int(round(y))
        f = font(w, size)
        bb = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        ent = {"text": s, "bbox": [int(v) for v in bb], "role": role,
               "font": FONT_NAMES[w], "size": size, "colour": col}
        if spans:
            assert anchor == "ls"
            pos = 0
            out_spans = []
            for (a, b, c, ul) in spans:
                if a > pos:
                    self.d.text((x + f.getlength(s[:pos]), y), s[pos:a], font=f, fill=rgb(col), anchor="ls")
                xa = x + f.getlength(s[:a])
                self.d.text((xa, y), s[a:b], font=f, fill=rgb(c), anchor="ls")
                if ul:
                    xb = x + f.getlength(s[:b])
                    uy = y + max(3, size // 9)
                    self.line([xa, uy, xb, uy], c, max(2, size // 22), "underline")
                out_spans.append({"start": a, "end": b, "colour": c, "underline": ul})
                pos = b
            if pos < len(s):
                self.d.text((x + f.getlength(s[:pos]), y), s[pos:], font=f, fill=rgb(col), anchor="ls")
            ent["spans"] = out_spans
        else:
            self.d.text((x, y), s, font=f, fill=rgb(col), anchor=anchor)
        ent.update(extra)
        self.strings.append(ent)
        return bb

    def _shape(self, kind, bbox, role, col, extra):
        e = {"kind": kind, "bbox": [int(round(v)) for v in bbox], "role": role, "colour": col}
        e.update(extra)
        self.shapes.append(e)

    def rect(self, bb, col, role, r=0, outline=None, width=1, **extra):
        bb = [int(round(v)) for v in bb]
        if r:
            self.d.rounded_rectangle(bb, radius=int(r), fill=rgb(col) if col else None,
                                     outline=rgb(outline) if outline else None, width=width)
        else:
            self.d.rectangle(bb, fill=rgb(col) if col else None,
                             outline=rgb(outline) if outline else None, width=width)
        self._shape("rrect" if r else "rect", bb, role, col or outline, extra)

    def ellipse(self, bb, col, role, outline=None, width=1, **extra):
        bb = [int(round(v)) for v in bb]
        self.d.ellipse(bb, fill=rgb(col) if col else None,
                       outline=rgb(outline) if outline else None, width=width)
        self._shape("ellipse", bb, role, col or outline, extra)

    def line(self, pts, col, width, role, **extra):
        pts = [int(round(v)) for v in pts]
        self.d.line(pts, fill=rgb(col), width=int(width))
        xs, ys = pts[0::2], pts[1::2]
        self._shape("line", [min(xs), min(ys), max(xs), max(ys)], role, col, extra)

    def poly(self, pts, col, role, **extra):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.polygon(pts, fill=rgb(col))
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._shape("poly", [min(xs), min(ys), max(xs), max(ys)], role, col, extra)

    def pie(self, bb, start, end, col, role):
        bb = [int(round(v)) for v in bb]
        self.d.pieslice(bb, start, end, fill=rgb(col))
        self._shape("pieslice", bb, role, col, {})


# ---------------------------------------------------------------- icons
def chevron(c, x, y, h, col, width, direction="left", role="icon"):
    hw = h * 0.5
    if direction == "left":
        c.line([x + hw, y - hw, x, y, x + hw, y + hw], col, width, role, icon="back")
    else:
        c.line([x, y - hw, x + hw, y, x, y + hw], col, width, role, icon="chevron")


def dots(c, x, y, r, gap, col, vertical=False):
    for i in range(3):
        cx = x + (0 if vertical else i * gap)
        cy = y + (i * gap if vertical else 0)
        c.ellipse([cx - r, cy - r, cx + r, cy + r], col, "icon", icon="more")


def phone_icon(c, x, y, sz, col, role="icon"):
    # simple handset: two blobs joined by a thick arc
    c.d.arc([x, y, x + sz, y + sz], 100, 260, fill=rgb(col), width=max(3, int(sz * 0.22)))
    c._shape("arc", [x, y, x + sz, y + sz], role, col, {"icon": "phone"})


def arrow_icon(c, x, y, sz, col, kind):
    """Small diagonal call arrow. kind: out (up-right), in / missed (down-left)."""
    w = max(3, int(sz * 0.16))
    if kind == "out":
        c.d.line([x, y + sz, x + sz, y], fill=rgb(col), width=w)
        c.d.line([x + sz * 0.35, y, x + sz, y, x + sz, y + sz * 0.65], fill=rgb(col), width=w)
    else:
        c.d.line([x + sz, y, x, y + sz], fill=rgb(col), width=w)
        c.d.line([x, y + sz * 0.35, x, y + sz, x + sz * 0.65, y + sz], fill=rgb(col), width=w)
    c._shape("arrow", [x, y, x + sz, y + sz], "call_icon", col, {"icon": kind})


def info_icon(c, cx, cy, r, col):
    c.ellipse([cx - r, cy - r, cx + r, cy + r], None, "icon", outline=col, width=max(2, r // 7), icon="info")
    c.d.rectangle([cx - r * 0.09, cy - r * 0.15, cx + r * 0.09, cy + r * 0.5], fill=rgb(col))
    c.d.ellipse([cx - r * 0.12, cy - r * 0.52, cx + r * 0.12, cy - r * 0.28], fill=rgb(col))


def person_avatar(c, bb, bg, fg, role="avatar", square=False, r=0):
    x0, y0, x1, y1 = bb
    if square:
        c.rect(bb, bg, role, r=r)
    else:
        c.ellipse(bb, bg, role)
    w = x1 - x0
    h = y1 - y0
    c.d.ellipse([x0 + w * 0.34, y0 + h * 0.2, x0 + w * 0.66, y0 + h * 0.52], fill=rgb(fg))
    c.d.pieslice([x0 + w * 0.2, y0 + h * 0.58, x0 + w * 0.8, y0 + h * 1.1], 180, 360, fill=rgb(fg))


# ---------------------------------------------------------------- status bars
def status_android(c, rng, hhmm, dark, s, brand, bg=None):
    fg = "#ffffff" if dark else "#000000"
    h = int(round(rng.choice([84, 90, 96, 104]) * s))
    if bg:
        c.rect([0, 0, c.W, h], bg, "statusbar")
    size = int(round(rng.choice([34, 36, 38, 40]) * s))
    w = rng.choice("RB") if brand != "xiaomi" else "B"
    base = int(h / 2 + size * 0.36)
    bb = c.text(int(52 * s), base, hhmm, w, size, fg, "status_clock")
    x = bb[2] + 26 * s
    for _ in range(rng.randint(0, 3)):  # notification icons
        sz = 30 * s
        if rng.random() < 0.5:
            c.rect([x, h / 2 - sz / 2, x + sz, h / 2 + sz / 2], fg, "status_icon", r=6 * s)
        else:
            c.ellipse([x, h / 2 - sz / 2, x + sz, h / 2 + sz / 2], fg, "status_icon")
        x += sz + 16 * s
    # right side: battery
    xr = c.W - 48 * s
    pct = rng.randint(9, 100)
    bw, bh = 56 * s, 28 * s
    c.rect([xr - bw, h / 2 - bh / 2, xr, h / 2 + bh / 2], None, "status_icon", r=6 * s, outline=fg, width=max(2, int(3 * s)))
    c.rect([xr - bw + 5 * s, h / 2 - bh / 2 + 5 * s, xr - bw + 5 * s + (bw - 10 * s) * pct / 100, h / 2 + bh / 2 - 5 * s], fg, "status_icon")
    xr -= bw + 12 * s
    psz = int(round(28 * s))
    ptxt = str(pct) if rng.random() < 0.5 else "%d%%" % pct
    pb = c.text(xr - tlen(ptxt, "R", psz), base - (size - psz) * 0.3, ptxt, "R", psz, fg, "status_misc")
    xr = pb[0] - 22 * s
    # wifi
    r = 26 * s
    c.pie([xr - 2 * r, h / 2 - r * 0.7, xr, h / 2 + r * 1.3], 225, 315, fg, "status_icon")
    xr -= 2 * r + 18 * s
    # signal bars
    for i in range(4):
        bh2 = (10 + i * 7) * s
        c.rect([xr - (4 - i) * 11 * s, h / 2 + 16 * s - bh2, xr - (4 - i) * 11 * s + 7 * s, h / 2 + 16 * s], fg, "status_icon")
    xr -= 50 * s
    if rng.random() < 0.6:
        t = rng.choice(["5G", "4G", "HD", "5G"])
        tsz = int(round(24 * s))
        c.text(xr - tlen(t, "B", tsz), base - 4 * s, t, "B", tsz, fg, "status_misc")
    return h


def status_ios(c, rng, clock, dark, s, bg=None):
    fg = "#ffffff" if dark else "#000000"
    h = int(round(rng.choice([132, 141, 150]) * s))
    if bg:
        c.rect([0, 0, c.W, h], bg, "statusbar")
    size = int(round(rng.choice([48, 50, 52]) * s))
    cy = h * 0.55
    x = c.W * 0.165 - tlen(clock, "B", size) / 2
    c.text(x, cy + size * 0.36, clock, "B", size, fg, "status_clock")
    # battery
    xr = c.W - 70 * s
    bw, bh = 75 * s, 36 * s
    pct = rng.randint(12, 100)
    col = "#34c759" if pct > 20 and rng.random() < 0.15 else fg
    c.rect([xr - bw, cy - bh / 2, xr, cy + bh / 2], None, "status_icon", r=10 * s, outline="#8e8e93", width=max(2, int(3 * s)))
    c.rect([xr - bw + 5 * s, cy - bh / 2 + 5 * s, xr - bw + 5 * s + (bw - 10 * s) * pct / 100, cy + bh / 2 - 5 * s], col, "status_icon", r=5 * s)
    xr -= bw + 22 * s
    r = 30 * s
    c.pie([xr - 2 * r, cy - r * 0.8, xr, cy + r * 1.2], 225, 315, fg, "status_icon")
    xr -= 2 * r + 20 * s
    for i in range(4):
        bh2 = (12 + i * 7) * s
        c.rect([xr - (4 - i) * 13 * s, cy + 17 * s - bh2, xr - (4 - i) * 13 * s + 9 * s, cy + 17 * s], fg, "status_icon", r=2 * s)
    return h


# ---------------------------------------------------------------- invented content
SURN = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "军", "杰", "涛", "明", "超", "霞", "平", "刚", "丽", "鹏", "浩", "婷"]
PLATS = ["闪借宝", "恒盈分期", "青禾借款", "米粒贷", "朗月信用", "瑞丰普惠", "速融花", "易借通", "融信宝", "快易贷", "鑫诚金服", "安诺小贷"]
FIRMS = ["诚和调解中心", "恒正律师事务所", "鼎信资产管理", "华衡法务服务中心", "明泰信用管理", "启衡律师事务所"]
BANKS = ["瀚海银行", "东岳银行", "江南商联银行", "北辰银行"]
CITIES = [("浙江杭州", "0571", "浙"), ("广东深圳", "0755", "粤"), ("四川成都", "028", "川"), ("湖北武汉", "027", "鄂"),
          ("湖南长沙", "0731", "湘"), ("河南郑州", "0371", "豫"), ("安徽合肥", "0551", "皖"), ("江苏南京", "025", "苏")]
CARRIERS = ["移动", "联通", "电信"]
COMPANIES = ["星河电子厂", "鸿远物流", "新城建材公司", "蓝海餐饮", "盛达汽修"]
EN_PLATS = ["QuickLoan", "EasyCash", "MiLi Credit", "SwiftPay Lending", "BrightFund"]


def mobile(rng):
    return "1%d%d" % (rng.choice([3, 5, 7, 8, 9]), rng.randint(0, 9)), "%04d" % rng.randint(0, 9999)


def fmt_mobile(rng, p, style=None):
    a, b = p
    style = style or rng.choice(["sp", "plain", "+86", "dash"])
    if style == "sp":
        return "%s 0000 %s" % (a, b)
    if style == "plain":
        return "%s0000%s" % (a, b)
    if style == "+86":
        return "+86 %s 0000 %s" % (a, b)
    return "%s-0000-%s" % (a, b)


def rand_number(rng, kinds=("mobile", "10690", "95", "400", "land")):
    k = rng.choice(kinds)
    if k == "mobile":
        return fmt_mobile(rng, mobile(rng))
    if k == "10690":
        d = "10690" + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([6, 7, 8, 9])))
        if rng.random() < 0.4:
            return " ".join([d[i:i + 4] for i in range(0, len(d), 4)])
        return d
    if k == "95":
        return "95%03d" % rng.randint(100, 999)
    if k == "400":
        return "400-8%02d-%04d" % (rng.randint(0, 99), rng.randint(0, 9999))
    city = rng.choice(CITIES)
    n1 = "8%03d" % rng.randint(0, 999)
    n2 = "%04d" % rng.randint(0, 9999)
    return rng.choice(["%s-%s %s" % (city[1], n1, n2), "%s-%s%s" % (city[1], n1, n2), "%s %s %s" % (city[1], n1, n2)])


def norm_sender(disp):
    if re.fullmatch(r"[+\d][\d \-]*", disp):
        d = disp.replace(" ", "").replace("-", "")
        if d.startswith("+86"):
            d = d[3:]
        return d
    return disp


def pname(rng):
    return rng.choice(SURN) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")


def amount(rng):
    v = rng.choice([rng.randint(300, 9999), rng.randint(1000, 60000)])
    cents = rng.choice([0, 0, rng.randint(1, 99)])
    form = rng.randint(0, 5)
    if form == 0:
        return "¥%s" % ("{:,}".format(v) + (".%02d" % cents if cents else ""))
    if form == 1:
        return "￥%d" % v + (".%02d" % cents if cents else "")
    if form == 2:
        return "%d元" % v
    if form == 3:
        return "%d.%02d元" % (v, cents)
    if form == 4:
        return "¥%d" % v
    return "{:,}元".format(v)


def url(rng):
    a = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(rng.randint(3, 5)))
    p = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789") for _ in range(rng.randint(4, 7)))
    dom = rng.choice(["%s-hk.top" % a, "m.%spay.cn" % a, "%s.vip" % a, "u.%s8.top" % a, "h5.%sfin.com" % a])
    return rng.choice(["https://", "http://", ""]) + dom + "/" + rng.choice(["", "r/", "s/", "pay/"]) + p


def case_no(rng, prov):
    return rng.choice([
        "（%d）%s%04d民初%d号" % (rng.choice([2025, 2026]), prov, rng.randint(100, 1999), rng.randint(1000, 39999)),
        "HZ%d-%04d-%04d" % (rng.choice([2025, 2026]), rng.randint(101, 1231), rng.randint(1, 9999)),
        "CS%d%04d-%03d" % (rng.choice([2025, 2026]), rng.randint(101, 1231), rng.randint(1, 999)),
    ])


def card_mask(rng):
    return rng.choice(["6222 **** **** %04d" % rng.randint(0, 9999), "6217****%04d" % rng.randint(0, 9999),
                       "尾号%04d" % rng.randint(0, 9999)])


def id_mask(rng):
    return rng.choice(["3301**********%04d" % rng.randint(0, 9999), "4403************%02d" % rng.randint(10, 99),
                       "510***********%03dX" % rng.randint(0, 999)])


COLLECT_T = [
    "【{plat}】尊敬的{name}，您在{plat}的借款已逾期{d}天，欠款金额{amt}，请于今日{hh}点前还清，否则将影响您的个人征信。",
    "【{bank}】{name}先生/女士，您{card}的信用卡已逾期，当前应还{amt}，逾期利息按日{pct}计算，请尽快处理。",
    "您的借呗已逾期{d}天，待还{amt}。今天18:00前不处理，我司将安排外访人员上门核实。",
    "花呗账单逾期{d}天，欠款{amt}，已列入重点催收名单，详情 {url}",
    "网商贷逾期通知：借款人{name}（身份证{idm}）逾期未还，我方将依法向{city}人民法院提起诉讼，案号{case}。",
    "律师函：{name}，受{plat}委托，就您拖欠借款{amt}一事，限您于{md}前还款，逾期将通知您的家人及单位。",
    "最后通知！今天再不还款，明天开始联系您通讯录里的所有联系人。",
    "您好，这里是{firm}，您的案件已进入司法仲裁程序，仲裁编号{case}，请回电{phone}。",
    "【{plat}】您的欠款已转交{firm}处理，本金{amt}，违约金{amt2}，请登录{url}查看还款方案。",
    "我们已经核实到您的工作单位是{company}，如果今天还不处理，我们会把情况告知你们单位领导。",
    "你还有2小时，过了今天就不是我们跟你谈了，直接移交法务部起诉。",
    "本金{amt}，可申请减免{pct2}的罚息，今天内一次性结清即可。",
    "还款账户：{card}，户名{name2}，转账后截图发我。",
    "【{plat}】{name}您好，您的账单已逾期{d}天，请立即还款{amt}，还款链接：{url}",
    "{name}，您名下{plat}借款逾期{d}天，今天下午安排同事去您户籍地{city}上门走访，请保持电话畅通。",
    "【法院通知】{name}，{city}人民法院已受理{plat}诉您借款合同纠纷一案，案号{case}，请于3日内联系{phone}。",
    "你再不接电话，我们就只能联系你的紧急联系人了，你自己考虑清楚。",
    "您的信用卡{card}已逾期{d}天，欠款{amt}已被委托至{firm}，逾期将上报征信并追究法律责任。",
    "【{plat}】提醒：您的分期账单{amt}今日到期，逾期将产生{pct}/日的违约金，请及时还款。",
    "给你最后一次机会，今天{hh}点之前先还{amt}，剩下的可以申请延期。",
    "您好，我是{plat}风控部{surname}专员，您的账户已被标记为恶意拖欠，请在24小时内处理。",
    "仲裁通知：申请人{plat}与被申请人{name}借款纠纷一案已立案，仲裁编号{case}。",
    "已经帮你申请了减免，只需还{amt}就可以结清，今天是最后期限。",
    "您的借款已逾期{d}天，我们将于明日联系您的家人和同事核实情况。",
]
REPLY_T = ["好的", "我今天发工资就还", "能不能宽限几天", "我现在没钱", "已经还了500", "别打我家人电话", "明天下午还",
           "收到", "能分期吗？", "我会处理的", "请不要再骚扰我", "知道了", "我在上班，晚点回", "能减免吗", "你们这是违法的",
           "月底一定还", "先还1000可以吗", "我已经在想办法了", "你是哪个平台的？", "我要投诉你们", "好，我下午转",
           "能不能只还本金", "这个号码是我本人吗？"]
WX_EMO = ["[捂脸]", "[抱拳]", "[微笑]", "[流泪]", "[合十]", "[叹气]", "[OK]", "[强]"]
EN_T = [
    "Hi {ename}, this is {surname_en} from {eplat}. Your loan is {d} days overdue. Please repay today.",
    "Final notice: your balance is overdue. Pay before 6 PM today or we will contact your employer.",
    "Reminder from {eplat}: payment overdue {d} days. Please call us back as soon as possible.",
    "Your account has been transferred to our legal team. Please contact us within 24 hours.",
    "Final notice: 您的借款已逾期{d}天，please pay {amt} before 6 PM today.",
    "{eplat}提醒：your repayment of {amt} is overdue, 请立即处理 {url}",
    "Dear {name}, 您在{plat}的账单 is {d} days past due. Case No. {case}",
    "【{plat}】Overdue notice: 欠款{amt}，逾期{d}天，today is the last day to repay.",
    "We will visit your home address in {city} if no payment is received today.",
    "This is the last reminder before we notify your emergency contacts.",
]
EN_REPLY = ["OK", "I will pay tomorrow", "Please stop calling my family", "Can I pay in installments?",
            "Who is this?", "I already paid 500", "明天还", "OK 我知道了", "Give me a few more days", "Noted"]


def fill(t, rng):
    city = rng.choice(CITIES)
    vals = {
        "plat": rng.choice(PLATS), "name": pname(rng), "name2": pname(rng), "d": rng.randint(3, 186),
        "amt": amount(rng), "amt2": amount(rng), "hh": rng.choice([12, 15, 17, 18, 20]),
        "bank": rng.choice(BANKS), "card": card_mask(rng), "pct": rng.choice(["0.05%", "0.1%", "0.098%", "0.06%"]),
        "pct2": rng.choice(["30%", "50%", "20%", "60%"]), "url": url(rng), "idm": id_mask(rng),
        "city": city[0][2:], "case": case_no(rng, city[2]), "md": "%d月%d日" % (rng.randint(1, 12), rng.randint(1, 28)),
        "firm": rng.choice(FIRMS), "phone": rand_number(rng, ("400", "land", "mobile")), "company": rng.choice(COMPANIES),
        "surname": rng.choice(SURN), "ename": rng.choice(["Mr. Zhang", "Ms. Li", "Mr. Wang", "Ms. Chen"]),
        "surname_en": rng.choice(["Officer Zhang", "Agent Liu", "Manager Chen", "Mr. Zhou"]), "eplat": rng.choice(EN_PLATS),
    }
    out = t.format(**vals)
    return out, vals["url"] if "{url}" in t else None


# ---------------------------------------------------------------- time labels
WD_ZH = "一二三四五六日"
WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_EN3 = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def t_fmt(h, m, mode):
    if mode == "24":
        return "%02d:%02d" % (h, m)
    if mode == "zh12":
        return "%s%d:%02d" % ("上午" if h < 12 else "下午", h % 12 or 12, m)
    if mode == "mi":
        p = "凌晨" if h < 6 else "早上" if h < 9 else "上午" if h < 12 else "中午" if h == 12 else "下午" if h < 18 else "晚上"
        return "%s%d:%02d" % (p, h % 12 or 12, m)
    if mode == "en12":
        return "%d:%02d %s" % (h % 12 or 12, m, "AM" if h < 12 else "PM")
    raise ValueError(mode)


def day_kind(d, taken):
    n = (taken - d).days
    assert n >= 0
    if n == 0:
        return "today"
    if n == 1:
        return "yday"
    if n <= 6:
        return "week"
    if d.year == taken.year:
        return "year"
    return "old"


def date_part(style, d, taken):
    """Return day label (may be '') for the style."""
    k = day_kind(d, taken)
    wd = d.weekday()
    if style == "huawei":
        return {"today": "今天", "yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%d月%d日" % (d.month, d.day),
                "old": "%d年%d月%d日" % (d.year, d.month, d.day)}[k]
    if style == "honor":
        return {"today": "今天", "yday": "昨天", "week": "周" + WD_ZH[wd], "year": "%d月%d日 周%s" % (d.month, d.day, WD_ZH[wd]),
                "old": "%d年%d月%d日 周%s" % (d.year, d.month, d.day, WD_ZH[wd])}[k]
    if style == "vivo":
        return {"today": "今天", "yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%d月%d日" % (d.month, d.day),
                "old": "%d/%d/%d" % (d.year, d.month, d.day)}[k]
    if style in ("xiaomi", "xiaomi_bare"):
        return {"today": "" if style == "xiaomi_bare" else "今天", "yday": "昨天", "week": "星期" + WD_ZH[wd],
                "year": "%d月%d日" % (d.month, d.day), "old": "%d年%d月%d日" % (d.year, d.month, d.day)}[k]
    if style == "oppo":
        return {"today": "今天", "yday": "昨天", "week": "周" + WD_ZH[wd], "year": "%d月%d日" % (d.month, d.day),
                "old": "%d年%d月%d日" % (d.year, d.month, d.day)}[k]
    if style == "iphone":
        return {"today": "今天", "yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%d月%d日 周%s" % (d.month, d.day, WD_ZH[wd]),
                "old": "%d年%d月%d日 周%s" % (d.year, d.month, d.day, WD_ZH[wd])}[k]
    if style == "wechat":
        return {"today": "", "yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%d月%d日" % (d.month, d.day),
                "old": "%d年%d月%d日" % (d.year, d.month, d.day)}[k]
    raise ValueError(style)


def sep_datetime(style, tmode, dt, taken):
    d = dt.date()
    if style == "iphone_en":
        k = day_kind(d, taken)
        t = t_fmt(dt.hour, dt.minute, tmode)
        if k == "today":
            return "Today " + t
        if k == "yday":
            return "Yesterday " + t
        if k == "week":
            return WD_EN[d.weekday()] + " " + t
        if k == "year":
            return "%s, %s %d at %s" % (WD_EN3[d.weekday()], MON_EN[d.month - 1], d.day, t)
        return "%s, %s %d, %d at %s" % (WD_EN3[d.weekday()], MON_EN[d.month - 1], d.day, d.year, t)
    dp = date_part(style, d, taken)
    t = t_fmt(dt.hour, dt.minute, tmode)
    return (dp + " " + t) if dp else t


def call_label(style, variant, tmode, dt, taken):
    """Return (label, resolved datetime or None)."""
    d = dt.date()
    k = day_kind(d, taken)
    t = t_fmt(dt.hour, dt.minute, tmode)
    if k == "today":
        return t, dt
    wd = d.weekday()
    if style == "iphone":
        lab = {"yday": "昨天", "week": "星期" + WD_ZH[wd]}.get(k, "%d/%d/%d" % (d.year, d.month, d.day))
        return lab, None
    if style == "iphone_en":
        lab = {"yday": "Yesterday", "week": WD_EN[wd]}.get(k, "%d/%d/%02d" % (d.month, d.day, d.year % 100))
        return lab, None
    compact = {
        "huawei": {"yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%d/%d" % (d.month, d.day), "old": "%d/%d/%d" % (d.year, d.month, d.day)},
        "honor": {"yday": "昨天", "week": "周" + WD_ZH[wd], "year": "%02d/%02d" % (d.month, d.day), "old": "%d/%02d/%02d" % (d.year, d.month, d.day)},
        "xiaomi": {"yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%02d-%02d" % (d.month, d.day), "old": "%d-%02d-%02d" % (d.year, d.month, d.day)},
        "oppo": {"yday": "昨天", "week": "周" + WD_ZH[wd], "year": "%02d/%02d" % (d.month, d.day), "old": "%d/%02d/%02d" % (d.year, d.month, d.day)},
        "vivo": {"yday": "昨天", "week": "星期" + WD_ZH[wd], "year": "%02d-%02d" % (d.month, d.day), "old": "%d-%02d-%02d" % (d.year, d.month, d.day)},
    }[style]
    lab = compact[k]
    if variant == "compact":
        return lab, None
    if style == "huawei" and k == "year":
        lab = "%d月%d日" % (d.month, d.day)
    if style == "xiaomi" and k == "year":
        lab = "%d月%d日" % (d.month, d.day)
    return lab + " " + t, dt


def iso(dt):
    return None if dt is None else dt.strftime("%Y-%m-%dT%H:%M:00") + TZ


# ---------------------------------------------------------------- thread generation
def gen_thread(rng, taken_dt, lang, group_members=None, n_target=16, chat="sms"):
    """Messages (dt, direction, text, link, nick) ascending."""
    taken = taken_dt.date()
    jan = taken.month == 1 and taken.day <= 8
    pool = [0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 11, 15, 23, 37, 60]
    if jan:
        pool += [taken.day + 2, taken.day + 6, taken.day + 12, taken.day - 1 if taken.day > 1 else 1]
    elif rng.random() < 0.25:
        pool += [(taken - DT.date(taken.year - 1, 12, 28)).days]
    days = sorted(set(rng.sample(pool, rng.randint(6, 9))), reverse=True)
    msgs = []
    for dago in days:
        d = taken - DT.timedelta(days=dago)
        tmin = taken_dt.hour * 60 + taken_dt.minute
        if dago == 0:
            if tmin < 25:
                continue
            start = rng.randint(max(0, tmin - 600), tmin - 20)
        else:
            start = rng.choice([rng.randint(0, 40), 12 * 60 + rng.randint(0, 50), rng.randint(420, 1380), rng.randint(540, 1320)])
        n = rng.choice([1, 2, 2, 3, 3, 4])
        cur = start
        for j in range(n):
            if dago == 0 and cur >= tmin:
                break
            if cur >= 24 * 60:
                break
            dt = DT.datetime(d.year, d.month, d.day, cur // 60, cur % 60)
            incoming = (j == 0) or rng.random() < 0.55
            link = None
            nick = None
            if incoming:
                if lang == "en":
                    text, link = fill(rng.choice(EN_T), rng)
                else:
                    text, link = fill(rng.choice(COLLECT_T), rng)
                    if chat == "wx" and rng.random() < 0.3:
                        text = rng.choice(["在吗？", "人呢？看到回复", "今天能处理吗？", "电话为什么不接？", "给个准话，几点还？"])
                        link = None
                if group_members:
                    nick = rng.choice(group_members)
            else:
                if lang == "en":
                    text = rng.choice(EN_REPLY)
                else:
                    text = rng.choice(REPLY_T)
                    if chat == "wx" and rng.random() < 0.35:
                        text = text + rng.choice(WX_EMO) if rng.random() < 0.7 else rng.choice(WX_EMO)
            msgs.append({"dt": dt, "out": not incoming, "text": text, "link": link, "nick": nick})
            gap = rng.choice([0, 1, 2, 3, 35, 70, 130])
            cur += gap
    return msgs


# ---------------------------------------------------------------- wrapping
NOSTART = "，。、；：！？）】”’%,.;:!?)"


def is_ascii(s):
    return all(ord(ch) < 128 for ch in s)


def wrap(text, w, size, maxw):
    f = font(w, size)
    if is_ascii(text):
        lines, cur = [], ""
        for word in text.split(" "):
            t = word if not cur else cur + " " + word
            if f.getlength(t) <= maxw:
                cur = t
            else:
                if not cur or f.getlength(word) > maxw:
                    return None
                lines.append(cur)
                cur = word
        lines.append(cur)
        return lines
    def charwrap(mw):
        lines, cur = [], ""
        for ch in text:
            if f.getlength(cur + ch) <= mw:
                cur += ch
            else:
                lines.append(cur)
                cur = ch
        lines.append(cur)
        return lines

    # first try: no break at a space and no line starting with closing punctuation
    mw = maxw
    while mw > maxw * 0.8:
        lines = charwrap(mw)
        if all(ln and ln == ln.strip() and ln[0] not in NOSTART for ln in lines):
            return lines
        mw -= 3
    mw = maxw
    while True:  # the hard rule: a break never falls on a space
        lines = charwrap(mw)
        if all(ln and ln == ln.strip() for ln in lines):
            return lines
        mw -= 3


# ---------------------------------------------------------------- chat styles
DATE_ONLY = {"huawei", "honor", "vivo"}


def chat_style(layout, rng, W, H, dark, ios):
    brand = layout.split("_")[0]
    s = W / (1170 if ios else 1080)
    st = {"brand": brand, "ios": ios, "s": s, "dark": dark}
    st["fsize"] = max(38, min(60, int(round(rng.choice([42, 44, 46, 48, 50, 52, 54]) * max(s, 0.85)))))
    st["fw"] = "B" if rng.random() < 0.12 else "R"
    st["lsf"] = rng.choice([1.28, 1.34, 1.4, 1.46, 1.52])
    st["padx"] = int(rng.choice([30, 36, 40, 44]) * s)
    st["pady"] = int(rng.choice([18, 22, 26, 30]) * s)
    st["radius"] = int(rng.choice([18, 26, 34, 44]) * s)
    st["maxw"] = rng.choice([0.62, 0.66, 0.70, 0.74])
    st["margin"] = int(rng.choice([36, 42, 48]) * s)
    st["underline"] = rng.random() < 0.5
    st["sepsize"] = int(round(rng.choice([30, 32, 34, 36]) * max(s, 0.85)))
    st["otsize"] = int(round(rng.choice([26, 28, 30]) * max(s, 0.85)))
    st["sim"] = rng.random() < 0.45
    P = {
        "huawei": (("#f1f3f5", "#ffffff", "#191919", "#0a59f7", "#ffffff", "#8a8a8a"),
                   ("#000000", "#262626", "#e5e5e5", "#317af7", "#ffffff", "#7f7f7f")),
        "honor": (("#f7f7f7", "#ffffff", "#1a1a1a", "#256fff", "#ffffff", "#909090"),
                  ("#121212", "#2a2a2a", "#e0e0e0", "#2e6be6", "#ffffff", "#808080")),
        "vivo": (("#ffffff", "#f2f3f5", "#000000", "#456fff", "#ffffff", "#9a9a9a"),
                 ("#000000", "#1f1f1f", "#eaeaea", "#3b5fe0", "#ffffff", "#7a7a7a")),
        "xiaomi": (("#ffffff", "#f0f0f0", "#1a1a1a", "#3482ff", "#ffffff", "#999999"),
                   ("#000000", "#202020", "#e6e6e6", "#2d6fe0", "#ffffff", "#777777")),
        "oppo": (("#fafafa", "#ececf1", "#111111", "#2fb36b", "#ffffff", "#8c8c8c"),
                 ("#0d0d0d", "#262626", "#e8e8e8", "#2a9d5c", "#ffffff", "#7d7d7d")),
        "iphone": (("#ffffff", "#e9e9eb", "#000000", "#34c759", "#ffffff", "#8e8e93"),
                   ("#000000", "#262629", "#ffffff", "#30b94d", "#ffffff", "#8e8e93")),
        "wechat": (("#ededed", "#ffffff", "#191919", "#95ec69", "#191919", "#a0a0a0"),
                   ("#111111", "#2c2c2c", "#d5d5d5", "#3eb575", "#111111", "#6a6a6a")),
    }[brand][1 if dark else 0]
    st["bg"], st["inb"], st["intx"], st["outb"], st["outtx"], st["sepc"] = P
    st["fg"] = "#ffffff" if dark else "#000000"
    st["sub"] = "#8e8e93" if not dark else "#8a8a8a"
    st["link_in"] = "#576b95" if brand == "wechat" else ("#4c8dff" if dark else "#1e5bd8")
    if brand in DATE_ONLY:
        st["tmode"] = "24" if rng.random() < 0.7 else "zh12"
        st["sepstyle"] = brand
    elif brand == "xiaomi":
        st["tmode"] = "mi" if rng.random() < 0.75 else "24"
        st["sepstyle"] = "xiaomi" if rng.random() < 0.5 else "xiaomi_bare"
    elif brand == "oppo":
        st["tmode"] = "24" if rng.random() < 0.7 else "zh12"
        st["sepstyle"] = "oppo"
    elif layout == "iphone_sms_en":
        st["tmode"] = "en12" if rng.random() < 0.8 else "24"
        st["sepstyle"] = "iphone_en"
    elif brand == "iphone":
        st["tmode"] = "zh12" if rng.random() < 0.5 else "24"
        st["sepstyle"] = "iphone"
    else:
        st["tmode"] = "zh12" if (ios and rng.random() < 0.5) else "24"
        st["sepstyle"] = "wechat"
    st["gap_thr"] = {"xiaomi": 20, "oppo": 30, "iphone": 45, "wechat": 5}.get(brand, 0)
    return st


def build_items(st, msgs, taken, rng):
    items = []
    prev = None
    first_sep = True
    for m in msgs:
        newsep = prev is None or m["dt"].date() != prev["dt"].date()
        if st["brand"] not in DATE_ONLY and prev is not None:
            newsep = newsep or (m["dt"] - prev["dt"]).total_seconds() / 60 >= st["gap_thr"]
        if newsep:
            if st["brand"] in DATE_ONLY:
                lab = date_part(st["sepstyle"], m["dt"].date(), taken)
                items.append({"t": "sep", "label": lab, "date": m["dt"].date(), "dt": None, "first": first_sep})
            else:
                lab = sep_datetime(st["sepstyle"], st["tmode"], m["dt"], taken)
                items.append({"t": "sep", "label": lab, "date": m["dt"].date(), "dt": m["dt"], "first": first_sep})
            first_sep = False
        it = {"t": "msg", "m": m}
        if st["brand"] in DATE_ONLY:
            ot = t_fmt(m["dt"].hour, m["dt"].minute, st["tmode"])
            if st["sim"] and st["brand"] != "vivo":
                ot = (("卡%d " % rng.choice([1, 2])) + ot) if rng.random() < 0.5 else (ot + " 卡%d" % rng.choice([1, 2]))
            it["own"] = ot
        items.append(it)
        if st["brand"] == "wechat" and rng.random() < 0.08:
            if m["out"]:
                items.append({"t": "notice", "label": "你撤回了一条消息", "extra": "重新编辑"})
            else:
                items.append({"t": "notice", "label": "“%s”撤回了一条消息" % (m["nick"] or st.get("title", "对方"))})
        prev = m
    if st["brand"] == "iphone" and items and items[-1]["t"] == "msg" and items[-1]["m"]["out"] and rng.random() < 0.7:
        items[-1]["delivered"] = "Delivered" if st["sepstyle"] == "iphone_en" else "已送达"
    return items


def measure(st, it, W):
    s = st["s"]
    if it["t"] == "sep":
        h = st["sepsize"] * 1.3 + 2 * 34 * s
        if st["brand"] == "iphone" and it["first"]:
            h += st["sepsize"] * 1.45
        return h
    if it["t"] == "notice":
        return st["sepsize"] * 1.3 + 2 * 26 * s
    m = it["m"]
    avatar = int(120 * s) if st["brand"] == "wechat" else 0
    maxw = W * st["maxw"] - 2 * st["padx"] - (avatar * 0.3)
    if st["brand"] == "vivo":
        maxw -= 60 * s
    lines = wrap(m["text"], st["fw"], st["fsize"], maxw)
    assert lines, m["text"]
    it["lines"] = lines
    lh = int(round(st["fsize"] * st["lsf"]))
    it["lh"] = lh
    tw = max(tlen(ln, st["fw"], st["fsize"]) for ln in lines)
    it["bw"] = int(tw + 2 * st["padx"])
    it["bh"] = int(len(lines) * lh + 2 * st["pady"])
    if st["brand"] == "wechat":
        it["bh"] = max(it["bh"], avatar)
    h = it["bh"]
    if st["brand"] in ("huawei", "honor"):
        h += st["otsize"] * 1.5 + 10 * s
    if m["nick"] and not m["out"]:
        h += st["otsize"] * 1.6
    if it.get("delivered"):
        h += st["otsize"] * 1.7
    return h


# ---------------------------------------------------------------- chat headers / bars
def chat_header(c, st, top, title, sub, rng):
    s, fg, W = st["s"], st["fg"], c.W
    b = st["brand"]
    if b == "iphone":
        hh = int(250 * s)
        hb = "#f6f6f6" if not st["dark"] else "#161616"
        c.rect([0, top, W, top + hh], hb, "header")
        chevron(c, 40 * s, top + 70 * s, 52 * s, "#007aff", 6 * s)
        if rng.random() < 0.5:
            n = str(rng.randint(1, 99))
            c.text(76 * s, top + 88 * s, n, "R", int(48 * s), "#007aff", "header_misc")
        av = 110 * s
        person_avatar(c, [W / 2 - av / 2, top + 22 * s, W / 2 + av / 2, top + 22 * s + av], "#a4a9b4", "#ffffff")
        tsz = int(round(34 * max(s, 0.85)))
        tx = W / 2 - tlen(title, "R", tsz) / 2
        bb = c.text(tx, top + 22 * s + av + 50 * s, title, "R", tsz, fg, "header_title")
        chevron(c, bb[2] + 10 * s, (bb[1] + bb[3]) / 2, 18 * s, "#8e8e93", 3 * s, "right")
        return top + hh
    if b == "wechat":
        hh = int(rng.choice([130, 140]) * s)
        hb = "#ededed" if not st["dark"] else "#111111"
        c.rect([0, top, W, top + hh], hb, "header")
        chevron(c, 40 * s, top + hh / 2, 44 * s, fg, 5 * s)
        tsz = int(round(rng.choice([48, 50, 52]) * max(s, 0.85)))
        tx = W / 2 - tlen(title, "B" if st["ios"] else "R", tsz) / 2
        c.text(tx, top + hh / 2 + tsz * 0.36, title, "B" if st["ios"] else "R", tsz, fg, "header_title")
        dots(c, W - 100 * s, top + hh / 2, 6 * s, 20 * s, fg)
        c.line([0, top + hh, W, top + hh], "#d6d6d6" if not st["dark"] else "#222222", 2, "divider")
        return top + hh + 2
    hh = int(rng.choice([170, 190, 210]) * s)
    tsz = int(round(rng.choice([50, 54, 58]) * s)) if b != "xiaomi" else int(round(60 * s))
    ssz = int(round(32 * s))
    centered = b in ("honor", "oppo", "vivo")
    tw_ = "B" if b in ("xiaomi", "huawei") or rng.random() < 0.5 else "R"
    chevron(c, 42 * s, top + hh * 0.42, 44 * s, fg, 5 * s)
    if centered:
        tx = W / 2 - tlen(title, tw_, tsz) / 2
    else:
        tx = 120 * s
    c.text(tx, top + hh * 0.42 + tsz * 0.36, title, tw_, tsz, fg, "header_title")
    if sub:
        sx = W / 2 - tlen(sub, "R", ssz) / 2 if centered else tx
        c.text(sx, top + hh * 0.42 + tsz * 0.36 + ssz * 1.55, sub, "R", ssz, st["sub"], "header_sub")
    phone_icon(c, W - 190 * s, top + hh * 0.42 - 22 * s, 44 * s, fg)
    dots(c, W - 60 * s, top + hh * 0.42 - 20 * s, 5 * s, 20 * s, fg, vertical=True)
    return top + hh


def chat_bottom(c, st, rng):
    s, W, H = st["s"], c.W, c.H
    b = st["brand"]
    dark = st["dark"]
    nav = int((34 if st["ios"] else rng.choice([0, 40, 60])) * s)
    if st["ios"]:
        c.rect([W / 2 - 200 * s, H - 30 * s, W / 2 + 200 * s, H - 20 * s], st["fg"], "home_indicator", r=5 * s)
    bh = int(rng.choice([130, 150]) * s)
    y0 = H - nav - bh - 20 * s
    barbg = {"wechat": "#f7f7f7" if not dark else "#1e1e1e"}.get(b, st["bg"])
    c.rect([0, y0, W, H - 36 * s if st["ios"] else H], barbg, "inputbar")
    if nav and not st["ios"]:
        c.rect([W / 2 - 150 * s, H - nav / 2 - 4 * s, W / 2 + 150 * s, H - nav / 2 + 4 * s], "#888888", "nav_handle", r=4 * s)
    cy = y0 + bh / 2 + 10 * s
    fld = "#ffffff" if not dark else "#2a2a2a"
    if b == "wechat":
        c.ellipse([30 * s, cy - 34 * s, 98 * s, cy + 34 * s], None, "icon", outline=st["fg"], width=int(4 * s), icon="voice")
        c.rect([120 * s, cy - 50 * s, W - 250 * s, cy + 50 * s], fld, "input", r=10 * s)
        c.ellipse([W - 220 * s, cy - 34 * s, W - 152 * s, cy + 34 * s], None, "icon", outline=st["fg"], width=int(4 * s), icon="emoji")
        c.ellipse([W - 120 * s, cy - 34 * s, W - 52 * s, cy + 34 * s], None, "icon", outline=st["fg"], width=int(4 * s), icon="plus")
        return y0
    ph = {"huawei": "短信", "honor": "短信", "vivo": "短信", "xiaomi": rng.choice(["短信", "发送短信"]), "oppo": "输入信息",
          "iphone": "Text Message" if st["sepstyle"] == "iphone_en" else "短信"}[b]
    x0 = 130 * s if b == "iphone" else 40 * s
    c.rect([x0, cy - 52 * s, W - 160 * s, cy + 52 * s], fld if b != "iphone" else None, "input", r=50 * s,
           outline="#c7c7cc" if b == "iphone" else None, width=2)
    psz = int(round(40 * max(s, 0.85)))
    c.text(x0 + 40 * s, cy + psz * 0.36, ph, "R", psz, "#9a9a9a", "placeholder")
    if b == "iphone":
        c.ellipse([30 * s, cy - 40 * s, 110 * s, cy + 40 * s], "#d1d1d6" if not dark else "#3a3a3c", "icon", icon="plus")
    if b in ("huawei", "honor", "oppo") and st["sim"]:
        tsz = int(round(28 * s))
        c.ellipse([W - 140 * s, cy - 48 * s, W - 44 * s, cy + 48 * s], "#cccccc" if not dark else "#333333", "icon", icon="send")
        c.text(W - 92 * s - tlen("卡1", "R", tsz) / 2, cy + tsz * 0.36, "卡1", "R", tsz, "#ffffff" if dark else "#555555", "button")
    else:
        c.ellipse([W - 140 * s, cy - 48 * s, W - 44 * s, cy + 48 * s], "#cccccc" if not dark else "#333333", "icon", icon="send")
    return y0


# ---------------------------------------------------------------- chat rendering
def choose_window(heights, gaps, avail, mode, anchor):
    """mode 'end': items ending at anchor (bottom-aligned); 'start': from anchor forwards."""
    if mode == "end":
        tot = 0
        s_ = anchor
        i = anchor
        while i >= 0:
            add = heights[i] + (gaps[i + 1] if i < anchor else 0)
            if tot + add > avail:
                break
            tot += add
            s_ = i
            i -= 1
        return s_, anchor, tot
    tot = 0
    e = anchor
    i = anchor
    while i < len(heights):
        add = heights[i] + (gaps[i] if i > anchor else 0)
        if tot + add > avail:
            break
        tot += add
        e = i
        i += 1
    return anchor, e, tot


def item_gaps(st, items):
    s = st["s"]
    g = [0]
    for i in range(1, len(items)):
        a, b = items[i - 1], items[i]
        if a["t"] != "msg" or b["t"] != "msg":
            g.append(int(8 * s))
        elif a["m"]["out"] == b["m"]["out"]:
            g.append(int(st.get("gap_same", 18) * s))
        else:
            g.append(int(st.get("gap_diff", 34) * s))
    return g


def render_chat(sc, which):
    st = sc["st"]
    rng = random.Random(sc["seed"] + "|render|" + which)
    W, H = sc["W"], sc["H"]
    s = st["s"]
    c = Canvas(W, H, st["bg"])
    hdr_bg = {"wechat": "#ededed" if not st["dark"] else "#111111"}.get(st["brand"])
    if st["brand"] == "iphone":
        hdr_bg = "#f6f6f6" if not st["dark"] else "#161616"
    if st["ios"]:
        top = status_ios(c, rng, sc["clock"][which], st["dark"], s, bg=hdr_bg)
    else:
        top = status_android(c, rng, sc["clock"][which], st["dark"], s, st["brand"], bg=hdr_bg)
    top = chat_header(c, st, top, sc["title"], sc.get("subtitle"), random.Random(sc["seed"] + "|hdr"))
    bottom = chat_bottom(c, st, random.Random(sc["seed"] + "|bot"))
    items = sc["items"]
    heights = sc["heights"]
    gaps = sc["gaps"]
    pad = int(24 * s)
    avail = bottom - top - 2 * pad
    if which == "B":
        s_, e_, tot = choose_window(heights, gaps, avail, "start", sc["b_start"])
        while items[e_]["t"] == "sep":  # never end on a separator whose bubble is cut off
            e_ -= 1
        y = top + pad
    else:
        s_, e_, tot = choose_window(heights, gaps, avail, "end", sc["a_end"])
        if s_ == 0 and sc["a_end"] == len(items) - 1 and rng.random() < 0.6:
            y = top + pad
        else:
            y = bottom - pad - tot
    sc.setdefault("windows", {})[which] = (s_, e_)
    records = []
    cur_sep = None
    for i in range(s_, e_ + 1):
        it = items[i]
        if i > s_:
            y += gaps[i]
        h = heights[i]
        if it["t"] == "sep":
            yy = y + 34 * s
            if st["brand"] == "iphone" and it["first"]:
                lab0 = "Text Message" if st["sepstyle"] == "iphone_en" else rng.choice(["短信", "短信/彩信"])
                c.text(W / 2 - tlen(lab0, "B", st["sepsize"]) / 2, yy + st["sepsize"], lab0, "B", st["sepsize"], st["sepc"], "notice")
                yy += st["sepsize"] * 1.45
            lw = tlen(it["label"], "R", st["sepsize"])
            if st["brand"] == "wechat" and st.get("pill"):
                c.rect([W / 2 - lw / 2 - 16 * s, yy - 6 * s, W / 2 + lw / 2 + 16 * s, yy + st["sepsize"] * 1.25], "#dadada" if not st["dark"] else "#222222", "sep_pill", r=8 * s)
            c.text(W / 2 - lw / 2, yy + st["sepsize"], it["label"], "R", st["sepsize"], st["sepc"], "sep")
            cur_sep = it
        elif it["t"] == "notice":
            lab = it["label"]
            lw = tlen(lab, "R", st["sepsize"])
            ex = it.get("extra")
            ew = (tlen(ex, "R", st["sepsize"]) + 12 * s) if ex else 0
            x = W / 2 - (lw + ew) / 2
            yy = y + 26 * s + st["sepsize"]
            bb = c.text(x, yy, lab, "R", st["sepsize"], st["sepc"], "notice")
            if ex:
                c.text(bb[2] + 12 * s, yy, ex, "R", st["sepsize"], "#576b95", "notice")
        else:
            m = it["m"]
            out = m["out"]
            av = int(120 * s) if st["brand"] == "wechat" else 0
            yb = y
            if m["nick"] and not out:
                nx = st["margin"] + av + 24 * s
                c.text(nx, y + st["otsize"] * 1.05, m["nick"], "R", st["otsize"], st["sepc"], "nickname")
                yb = y + st["otsize"] * 1.6
            if out:
                bx1 = W - st["margin"] - (av + 24 * s if av else 0)
                bx0 = bx1 - it["bw"]
            else:
                bx0 = st["margin"] + (av + 24 * s if av else 0)
                bx1 = bx0 + it["bw"]
            if av:
                ax = W - st["margin"] - av if out else st["margin"]
                person_avatar(c, [ax, yb, ax + av, yb + av], sc["avatar_out"] if out else sc["avatar_in"].get(m["nick"], "#7aa0c8"),
                              "#ffffff", square=True, r=10 * s)
            bcol = st["outb"] if out else st["inb"]
            c.rect([bx0, yb, bx1, yb + it["bh"]], bcol, "bubble", r=st["radius"], side="right" if out else "left")
            if st["brand"] == "wechat":  # tail
                ty = yb + 50 * s
                if out:
                    c.poly([(bx1 - 1, ty - 14 * s), (bx1 + 14 * s, ty), (bx1 - 1, ty + 14 * s)], bcol, "bubble_tail")
                else:
                    c.poly([(bx0 + 1, ty - 14 * s), (bx0 - 14 * s, ty), (bx0 + 1, ty + 14 * s)], bcol, "bubble_tail")
            tcol = st["outtx"] if out else st["intx"]
            lh = it["lh"]
            inner_top = yb + (it["bh"] - len(it["lines"]) * lh) / 2
            # spans for link
            link = m["link"]
            lpos = m["text"].find(link) if link else -1
            off = 0
            for li, ln in enumerate(it["lines"]):
                base = inner_top + li * lh + (lh - st["fsize"]) / 2 + 0.88 * st["fsize"]
                spans = None
                if lpos >= 0:
                    a = max(lpos, off) - off
                    b = min(lpos + len(link), off + len(ln)) - off
                    if b > a:
                        lc = "#ffffff" if out and st["brand"] != "wechat" else st["link_in"]
                        spans = [(a, b, lc, st["underline"])]
                c.text(bx0 + st["padx"], base, ln, st["fw"], st["fsize"], tcol, "msg", spans=spans)
                off += len(ln)
            if "own" in it:
                osz = st["otsize"]
                if st["brand"] == "vivo":
                    ow = tlen(it["own"], "R", osz)
                    ox = bx1 + 14 * s if not out else bx0 - 14 * s - ow
                    c.text(ox, yb + it["bh"] - 6 * s, it["own"], "R", osz, st["sepc"], "own_time")
                else:
                    ow = tlen(it["own"], "R", osz)
                    ox = bx0 + 6 * s if not out else bx1 - 6 * s - ow
                    ob = c.text(ox, yb + it["bh"] + 10 * s + osz, it["own"], "R", osz, st["sepc"], "own_time")
                    if out and st["brand"] == "huawei" and sc.get("delivered") and i == len(items) - 1:
                        dl = "已送达"
                        c.text(ob[0] - 18 * s - tlen(dl, "R", osz), yb + it["bh"] + 10 * s + osz, dl, "R", osz, st["sepc"], "delivered")
            if it.get("delivered"):
                dl = it["delivered"]
                c.text(bx1 - 6 * s - tlen(dl, "R", st["otsize"]), yb + it["bh"] + 8 * s + st["otsize"], dl, "R", st["otsize"], st["sepc"], "delivered")
            # record
            if cur_sep is None:
                occ = None
            elif st["brand"] in DATE_ONLY:
                occ = DT.datetime.combine(cur_sep["date"], DT.time(m["dt"].hour, m["dt"].minute))
            else:
                occ = cur_sep["dt"]
            if st["brand"] == "wechat" and sc["layout"] == "wechat_group":
                sender = m["nick"] if not out else sc["group_name"]
            else:
                sender = sc["sender"]
            records.append({"kind": "im" if st["brand"] == "wechat" else "sms", "sender": sender, "occurred_at": iso(occ),
                            "direction": "out" if out else "in", "text": m["text"], "call_type": None, "duration_seconds": None})
        y += h
    assert y <= bottom + 1, (y, bottom)
    return c, records


# ---------------------------------------------------------------- chat scenario
def chat_scenario(layout, k, rng, plan):
    brand = layout.split("_")[0]
    dark = plan["dark"]
    ios = brand == "iphone" or (brand == "wechat" and rng.random() < 0.45)
    sizes = SIZES["iphone"] if ios else SIZES[brand if brand != "wechat" else rng.choice(["huawei", "xiaomi", "oppo", "vivo", "honor"])]
    W, H = rng.choice(sizes)
    st = chat_style(layout, rng, W, H, dark, ios)
    st["pill"] = rng.random() < 0.3
    st["gap_same"] = rng.choice([14, 18, 24])
    st["gap_diff"] = rng.choice([28, 36, 44])
    sc = {"layout": layout, "st": st, "W": W, "H": H, "seed": plan["seed"]}
    lang = "en" if layout == "iphone_sms_en" else "zh"
    members = None
    if layout == "wechat_group":
        plat = rng.choice(PLATS)
        title = rng.choice(["%s协商处理群", "%s逾期沟通群", "%s还款协商群", "%s法务对接群"]) % plat
        n = rng.randint(3, 48)
        sc["title"] = "%s(%d)" % (title, n)
        sc["group_name"] = title
        members = rng.sample(["调解员-小刘", "法务部 张律师", "催收组长老王", "%s客服" % plat, "陈经理(调解)", "风控-周专员", "A小雨", "李姐"], 3)
        sc["avatar_in"] = {mm: rng.choice(["#7aa0c8", "#c88a7a", "#8ac87a", "#b39ddb", "#e0a060"]) for mm in members}
    elif layout == "wechat_private":
        sc["title"] = rng.choice(["陈经理(调解)", "催收 王专员", "%s-李律师" % rng.choice(PLATS), "法务部 张", "刘专员", "调解中心 周老师", "%s客服" % rng.choice(PLATS)])
        sc["sender"] = sc["title"]
        sc["avatar_in"] = {None: rng.choice(["#7aa0c8", "#c88a7a", "#8ac87a"])}
    else:
        if rng.random() < 0.65:
            disp = rand_number(rng, ("mobile", "10690", "95", "400", "land") if lang == "zh" else ("mobile", "10690", "400"))
            if st["brand"] == "iphone" and re.fullmatch(r"1\d\d0000\d{4}", disp.replace(" ", "").replace("-", "")):
                disp = fmt_mobile(rng, (disp.replace(" ", "").replace("-", "").replace("+86", "")[:3],
                                        disp.replace(" ", "").replace("-", "").replace("+86", "")[-4:]), "+86")
            sc["title"] = disp
            city = rng.choice(CITIES)
            sc["subtitle"] = rng.choice([None, "%s %s" % (city[0], rng.choice(CARRIERS)), city[0]]) if st["brand"] != "iphone" else None
        else:
            sc["title"] = rng.choice(["催收 王专员", "陈经理(调解)", "%s客服" % rng.choice(PLATS), "李律师", "张经理 %s" % rng.choice(PLATS),
                                      "法务 刘", "Collector Zhang" if lang == "en" else "赵专员"])
            sc["subtitle"] = fmt_mobile(rng, mobile(rng)) if (st["brand"] != "iphone" and rng.random() < 0.6) else None
        sc["sender"] = norm_sender(sc["title"])
    sc["avatar_out"] = rng.choice(["#5b8def", "#e6a23c", "#67c23a", "#909399"])
    st["title"] = sc["title"]
    msgs = gen_thread(rng, plan["taken"], lang, members, chat="wx" if brand == "wechat" else "sms")
    items = build_items(st, msgs, plan["taken"].date(), rng)
    sc["items"] = items
    sc["heights"] = [measure(st, it, W) for it in items]
    sc["gaps"] = item_gaps(st, items)
    sc["delivered"] = rng.random() < 0.5
    return sc


def msg_indices(items):
    return [i for i, it in enumerate(items) if it["t"] == "msg"]


# ---------------------------------------------------------------- calls
CALL_STYLE = {"huawei_calls": "huawei", "honor_calls": "honor", "xiaomi_calls": "xiaomi", "oppo_calls": "oppo",
              "vivo_calls": "vivo", "iphone_calls": "iphone", "iphone_calls_en": "iphone_en"}


def dur_text(sec):
    h, r = divmod(sec, 3600)
    m, s_ = divmod(r, 60)
    out = ""
    if h:
        out += "%d小时" % h
    if m or h:
        out += "%d分" % m
    return out + "%d秒" % s_


def gen_calls(rng, taken_dt, en):
    taken = taken_dt.date()
    contacts = []
    for _ in range(rng.randint(7, 10)):
        if rng.random() < 0.7:
            disp = rand_number(rng, ("mobile", "mobile", "95", "400", "land"))
            if en and rng.random() < 0.5 and disp[0] == "1" and "-" not in disp:
                dd = disp.replace(" ", "")
                disp = "+86 %s 0000 %s" % (dd[:3], dd[-4:])
        else:
            disp = rng.choice(["催收 王专员", "陈经理(调解)", "李律师", "妈妈", "老婆", "张经理", "%s客服" % rng.choice(PLATS), "赵专员", "法务 刘"]
                              if not en else ["Collector Zhang", "Mom", "陈经理(调解)", "Lawyer Li", "QuickLoan", "催收 王专员"])
        city = rng.choice(CITIES)
        contacts.append({"disp": disp, "city": city, "carrier": rng.choice(CARRIERS),
                         "tag": rng.choice([None, None, "疑似催收", "骚扰电话", "催收", "被%d人标记" % rng.randint(3, 3999)]) if disp[0] in "+0123456789" else None})
    # dedupe names
    seen = set()
    contacts = [x for x in contacts if not (x["disp"] in seen or seen.add(x["disp"]))]
    rows = []
    t = taken_dt - DT.timedelta(minutes=rng.randint(3, 90))
    floor = DT.datetime(taken.year, taken.month, taken.day) - DT.timedelta(days=(40 if taken.month > 1 or taken.day > 10 else 20))
    prev = None
    for _ in range(22):
        if t < floor:
            break
        cands = [x for x in contacts if x is not prev]
        ctc = rng.choice(cands)
        typ = rng.choices(["missed", "incoming", "outgoing"], [5, 3, 3])[0]
        connected = typ == "incoming" or (typ == "outgoing" and rng.random() < 0.6)
        dur = rng.choice([rng.randint(3, 59), rng.randint(60, 900), rng.randint(60, 300)]) if connected else None
        if connected and rng.random() < 0.04:
            dur = rng.randint(3600, 4500)
        cnt = rng.choice([1, 1, 1, 1, 2, 3, 4, 6])
        rows.append({"c": ctc, "type": typ, "connected": connected, "dur": dur, "dt": t.replace(second=0, microsecond=0), "count": cnt})
        prev = ctc
        t -= DT.timedelta(minutes=rng.choice([4, 9, 18, 25, 40, 60, 140, 300, 700, 1500, 2900, 5000, 9000]))
    return rows


def render_calls(sc):
    layout = sc["layout"]
    style = CALL_STYLE[layout]
    rng = random.Random(sc["seed"] + "|calls")
    W, H, dark = sc["W"], sc["H"], sc["dark"]
    ios = style.startswith("iphone")
    en = style == "iphone_en"
    s = W / (1170 if ios else 1080)
    bg = ("#000000" if ios else rng.choice(["#000000", "#121212"])) if dark else ("#ffffff" if ios or rng.random() < 0.5 else "#f7f7f7")
    fg = "#ffffff" if dark else "#000000"
    subc = "#8e8e93" if ios else ("#8a8a8a" if dark else "#808080")
    red = {"huawei": "#e84026", "honor": "#f23c3c", "xiaomi": "#ee3a3a", "oppo": "#ea3447", "vivo": "#f5413d"}.get(style, "#ff3b30")
    c = Canvas(W, H, bg)
    if ios:
        top = status_ios(c, rng, sc["clock"], dark, s)
    else:
        top = status_android(c, rng, sc["clock"], dark, s, style)
    taken = sc["taken"].date()
    tmode = sc["tmode"]
    variant = sc["variant"]
    # header
    if ios:
        c.text(48 * s, top + 70 * s, "Edit" if en else "编辑", "R", int(50 * s), "#0a84ff" if dark else "#007aff", "header_misc")
        segs = ["All", "Missed"] if en else ["所有通话", "未接来电"]
        sw = 300 * s
        sx = W / 2 - sw
        c.rect([sx, top + 30 * s, sx + 2 * sw, top + 100 * s], "#eeeeef" if not dark else "#1c1c1e", "segment", r=14 * s)
        c.rect([sx + 5 * s, top + 35 * s, sx + sw, top + 95 * s], "#ffffff" if not dark else "#636366", "segment", r=12 * s)
        for i, sg in enumerate(segs):
            sz = int(38 * s)
            c.text(sx + sw * i + sw / 2 - tlen(sg, "R", sz) / 2, top + 65 * s + sz * 0.36, sg, "R", sz, fg, "tab")
        tt = "Recents" if en else "最近通话"
        c.text(48 * s, top + 240 * s, tt, "B", int(rng.choice([96, 102]) * s), fg, "title")
        y = top + 290 * s
    else:
        tsize = int(rng.choice([64, 72, 80]) * s)
        title = rng.choice(["电话", "通话记录", "拨号"]) if style != "xiaomi" else rng.choice(["电话", "通话记录"])
        c.text(56 * s, top + 60 * s + tsize, title, "B" if rng.random() < 0.7 else "R", tsize, fg, "title")
        dots(c, W - 70 * s, top + 60 * s + tsize * 0.6, 6 * s, 22 * s, fg, vertical=True)
        y = top + 60 * s + tsize + 40 * s
        if rng.random() < 0.7:
            c.rect([40 * s, y, W - 40 * s, y + 100 * s], "#efefef" if not dark else "#1f1f1f", "search", r=50 * s)
            psz = int(38 * s)
            c.text(110 * s, y + 50 * s + psz * 0.36, rng.choice(["搜索联系人", "搜索", "搜索联系人和号码"]), "R", psz, "#9a9a9a", "placeholder")
            y += 130 * s
        if rng.random() < 0.5:
            for i, tb in enumerate(rng.choice([["全部", "未接"], ["全部通话", "未接来电"], ["所有", "未接", "陌生"]])):
                tsz = int(40 * s)
                c.text(56 * s + i * 220 * s, y + 50 * s, tb, "B" if i == 0 else "R", tsz, fg if i == 0 else subc, "tab")
            y += 90 * s
    # bottom tab bar
    tabh = int((250 if ios else rng.choice([190, 210])) * s)
    ybot = H - tabh
    c.rect([0, ybot, W, H], ("#f7f7f7" if not dark else "#121212") if ios else bg, "tabbar")
    c.line([0, ybot, W, ybot], "#d1d1d6" if not dark else "#2c2c2e", 2, "divider")
    tabs = (["Favorites", "Recents", "Contacts", "Keypad", "Voicemail"] if en else ["个人收藏", "最近通话", "通讯录", "拨号键盘", "语音留言"]) if ios \
        else rng.choice([["电话", "联系人", "收藏"], ["拨号", "联系人", "营业厅"], ["电话", "联系人", "畅连"], ["通话", "联系人", "收藏"]])
    tw = W / len(tabs)
    tsz = int((30 if ios else 32) * s)
    for i, tb in enumerate(tabs):
        cx = tw * i + tw / 2
        colr = ("#007aff" if i == 1 else "#8e8e93") if ios else (("#3482ff" if i == 0 else subc))
        c.ellipse([cx - 30 * s, ybot + 24 * s, cx + 30 * s, ybot + 84 * s], colr, "tab_icon")
        c.text(cx - tlen(tb, "R", tsz) / 2, ybot + 84 * s + 14 * s + tsz, tb, "R", tsz, colr, "tab")
    if not ios and rng.random() < 0.7:
        r = 90 * s
        c.ellipse([W / 2 - r, ybot - 40 * s - 2 * r, W / 2 + r, ybot - 40 * s], "#3482ff" if style == "xiaomi" else "#2fb36b" if style == "oppo" else "#0a59f7", "fab")
        ybot = ybot - 40 * s - 2 * r - 10 * s
    # rows
    rowh = int(rng.choice([150, 170, 190, 210, 230]) * s)
    nsz = int(round(rng.choice([46, 48, 50, 52, 54]) * s))
    ssz = int(round(rng.choice([32, 34, 36]) * s))
    timesz = int(round(rng.choice([32, 34, 36]) * s))
    nw = "B" if (ios and rng.random() < 0.5) or rng.random() < 0.3 else "R"
    avatars = style in ("honor", "oppo", "vivo") and rng.random() < 0.7
    x0 = (88 * s if ios else 50 * s) + (130 * s if avatars else 0)
    # plan every row first (texts), then pick one font size set that fits all rows
    plans = []
    for row in sc["rows"]:
        ctc = row["c"]
        typ = row["type"]
        lab, occ = call_label(style, variant, tmode, row["dt"], taken)
        if style == "xiaomi":
            if typ == "missed":
                subs = ["未接来电"]
            elif typ == "incoming":
                subs = ["呼入 " + dur_text(row["dur"])]
            else:
                subs = ["呼出 " + (dur_text(row["dur"]) if row["connected"] else "未接通")]
            subs.append(ctc["city"][0])
        elif style in ("oppo", "vivo"):
            subs = [ctc["city"][0] + ("" if rng.random() < 0.5 else " " + ctc["carrier"])]
            if typ != "missed":
                subs.append(dur_text(row["dur"]) if row["connected"] else "未接通")
        elif style in ("huawei", "honor"):
            subs = [(ctc["tag"] + " · " if ctc["tag"] else "") + ctc["city"][0] + ("" if rng.random() < 0.6 else " " + ctc["carrier"])]
        elif style == "iphone":
            subs = [rng.choice(["手机", "未知", ctc["city"][0], "电话"]) if ctc["disp"][0] in "+0123456789" else rng.choice(["手机", "住宅", "工作"])]
        else:
            subs = [rng.choice(["mobile", "unknown", "China"]) if ctc["disp"][0] in "+0123456789" else rng.choice(["mobile", "home", "work"])]
        plans.append({"row": row, "lab": lab, "occ": occ, "subs": subs,
                      "cnt": "(%d)" % row["count"] if row["count"] > 1 else None,
                      "info": ios or rng.random() < 0.8})
    nrows = max(0, int((ybot - y) // rowh))
    plans = plans[:nrows]
    icon_gap = lambda: 0  # noqa: E731

    def widths(p, nsz_, ssz_, tsz_):
        xr = W - (40 * s if not ios else 36 * s) - (80 * s if p["info"] else 0)
        tx = xr - tlen(p["lab"], "R", tsz_)
        nwid = tlen(p["row"]["c"]["disp"], nw, nsz_) + ((12 * s + tlen(p["cnt"], nw, nsz_)) if p["cnt"] else 0)
        has_icon = style in ("huawei", "honor", "oppo", "vivo")
        sxs = x0 + ((int(ssz_ * 0.7) + 12 * s) if has_icon else 0)
        swid = sum(tlen(t_, "R", ssz_) for t_ in p["subs"]) + 24 * s * (len(p["subs"]) - 1)
        return max(x0 + nwid, sxs + swid), tx

    for p in plans:  # drop optional sub parts that collide
        r_, tx = widths(p, nsz, ssz, timesz)
        if r_ > tx - 24 * s and len(p["subs"]) > 1:
            p["subs"] = p["subs"][-1:] if style != "xiaomi" else p["subs"][:1]
    while any(widths(p, nsz, ssz, timesz)[0] > widths(p, nsz, ssz, timesz)[1] - 24 * s for p in plans):
        nsz -= 2
        ssz -= 1
        timesz -= 1
    records = []
    for p in plans:
        row = p["row"]
        ctc = row["c"]
        typ = row["type"]
        lab, occ, subs, cnt = p["lab"], p["occ"], p["subs"], p["cnt"]
        name = ctc["disp"]
        cy = y + rowh / 2
        ny = cy - rowh * 0.08
        sy = cy + rowh * 0.08 + ssz
        xr = W - (40 * s if not ios else 36 * s)
        if p["info"]:
            info_icon(c, xr - 30 * s, cy, int(30 * s), "#007aff" if ios else subc)
            xr -= 80 * s
        tx = xr - tlen(lab, "R", timesz)
        ncol = red if typ == "missed" else fg
        icon_sz = int(ssz * 0.7)
        has_icon = style in ("huawei", "honor", "oppo", "vivo") or (ios and typ == "outgoing")
        sxs = x0 + ((icon_sz + 12 * s) if has_icon and not ios else 0)
        if avatars:
            person_avatar(c, [50 * s, cy - 52 * s, 154 * s, cy + 52 * s], rng.choice(["#a4b6d8", "#c9b29b", "#9fc5a8"]), "#ffffff")
        nb = c.text(x0, ny, name, nw, nsz, ncol, "call_name")
        if cnt:
            c.text(nb[2] + 12 * s, ny, cnt, nw, nsz, ncol, "call_count")
        if has_icon:
            icol = red if typ == "missed" else subc
            kind = {"missed": "missed", "incoming": "in", "outgoing": "out"}[typ]
            if ios:
                arrow_icon(c, 30 * s, ny - nsz * 0.7, int(nsz * 0.6), subc, kind)
            else:
                arrow_icon(c, x0, sy - icon_sz, icon_sz, icol, kind)
        sx = sxs
        for t_ in subs:
            bb = c.text(sx, sy, t_, "R", ssz, subc, "call_sub")
            sx = bb[2] + 24 * s
        c.text(tx, cy + timesz * 0.36, lab, "R", timesz, subc, "call_time")
        c.line([x0, y + rowh - 1, W, y + rowh - 1], "#e5e5e5" if not dark else "#262626", max(1, int(2 * s)), "row_divider")
        d = None
        if style in ("xiaomi", "oppo", "vivo") and row["connected"] and typ != "missed" and any("秒" in t_ for t_ in subs):
            d = row["dur"]
        records.append({"kind": "call", "sender": norm_sender(name), "occurred_at": iso(occ),
                        "direction": "out" if typ == "outgoing" else "in", "text": None, "call_type": typ, "duration_seconds": d})
        y += rowh
    return c, records


# ---------------------------------------------------------------- plan
def fname_for(rng, layout, taken_dt, fmt, used, ios=None):
    if ios is None:
        ios = layout.startswith("iphone")
    while True:
        if fmt == "JPEG":
            n = taken_dt.strftime("IMG_%Y%m%d_%H%M%S.jpg")
        elif ios:
            if rng.random() < 0.5:
                n = "IMG_%04d.PNG" % rng.randint(1000, 9999)
            else:
                n = taken_dt.strftime("Screenshot %Y-%m-%d at %H.%M.%S.png")
        else:
            n = taken_dt.strftime(rng.choice(["Screenshot_%Y%m%d_%H%M%S.png", "Screenshot_%Y-%m-%d-%H-%M-%S.png"]))
        if n not in used:
            used.add(n)
            return n
        taken_dt = taken_dt + DT.timedelta(seconds=1)


def rand_taken(rng, jan):
    if jan:
        d = DT.date(2026, 1, rng.randint(1, 8))
    else:
        a = DT.date(2025, 6, 1)
        d = a + DT.timedelta(days=rng.randint(0, (DT.date(2026, 11, 30) - a).days))
    h = rng.choices([rng.randint(0, 1), rng.randint(7, 12), rng.randint(12, 23)], [1, 4, 6])[0]
    return DT.datetime(d.year, d.month, d.day, h, rng.randint(0, 59), rng.randint(0, 59))


def clock_text(layout, dt, rng):
    if layout.endswith("_en") and rng.random() < 0.7:
        return "%d:%02d" % (dt.hour % 12 or 12, dt.minute)
    if layout.startswith("iphone") and rng.random() < 0.3:
        return "%d:%02d" % (dt.hour, dt.minute)
    return "%02d:%02d" % (dt.hour, dt.minute)


def save(c, path, fmt, q):
    if fmt == "JPEG":
        c.im.save(path, "JPEG", quality=q)
    else:
        c.im.save(path, "PNG", compress_level=9)


def main():
    for p in glob.glob(os.path.join(HERE, "*.png")) + glob.glob(os.path.join(HERE, "*.PNG")) + glob.glob(os.path.join(HERE, "*.jpg")):
        os.remove(p)
    master = random.Random(SEED)
    used = set()
    truth, draw = [], []
    for layout in LAYOUTS:
        lr = random.Random("%d|%s" % (SEED, layout))
        n_dark = 3 if LAYOUTS.index(layout) % 2 == 0 else 2
        npairs = PAIRS.get(layout, 0)
        # scenarios: pairs first (2 images each), then singles
        nsc = PER_LAYOUT - npairs
        darks = [True] * n_dark + [False] * (nsc - n_dark)
        lr.shuffle(darks)
        jan_idx = set(lr.sample(range(nsc), 2))
        jpeg_idx = set(lr.sample(range(npairs, nsc), 1 + (1 if lr.random() < 0.25 else 0)))
        for k in range(nsc):
            seed = "%d|%s|%d" % (SEED, layout, k)
            rng = random.Random(seed)
            taken_dt = rand_taken(rng, k in jan_idx)
            is_pair = k < npairs
            fmt = "JPEG" if k in jpeg_idx else "PNG"
            q = rng.randint(70, 92) if fmt == "JPEG" else None
            plan = {"dark": darks[k], "taken": taken_dt, "seed": seed}
            outs = []
            if layout in CALL_STYLE:
                style = CALL_STYLE[layout]
                W, H = rng.choice(SIZES["iphone" if style.startswith("iphone") else style])
                sc = {"layout": layout, "seed": seed, "W": W, "H": H, "dark": darks[k], "taken": taken_dt,
                      "tmode": {"xiaomi": rng.choice(["mi", "mi", "24"]), "iphone": rng.choice(["24", "zh12"]),
                                "iphone_en": "en12"}.get(style, rng.choice(["24", "24", "zh12"])),
                      "variant": "compact" if (style.startswith("iphone") or k % 3 == 1) else "full",
                      "rows": gen_calls(rng, taken_dt, style == "iphone_en")}
                fn = fname_for(rng, layout, taken_dt, fmt, used)
                sc["clock"] = clock_text(layout, taken_dt, rng)
                c, recs = render_calls(sc)
                outs.append((fn, c, recs, None, taken_dt))
            else:
                sc = chat_scenario(layout, k, rng, plan)
                items = sc["items"]
                mi = msg_indices(items)
                if is_pair:
                    # A ends at a msg with >= 4 items after; B starts at last 1-2 msgs of A
                    cands = [i for i in mi if len(items) - 1 - i >= 4 and i > 3] or [i for i in mi if len(items) - 1 - i >= 2 and i > 0]
                    a_end = rng.choice(cands)
                    b_start = a_end
                    if rng.random() < 0.6 and items[a_end - 1]["t"] == "msg":
                        b_start = a_end - 1
                    sc["a_end"], sc["b_start"] = a_end, b_start
                    tB = taken_dt + DT.timedelta(minutes=rng.randint(2, 9), seconds=rng.randint(0, 50))
                    if tB.date() != taken_dt.date():
                        tB = taken_dt + DT.timedelta(seconds=30)
                    fnA = fname_for(rng, layout, taken_dt, fmt, used, sc["st"]["ios"])
                    fnB = fname_for(rng, layout, tB, fmt, used, sc["st"]["ios"])
                    sc["clock"] = {"A": clock_text(layout, taken_dt, random.Random(seed + "clk")), "B": clock_text(layout, tB, random.Random(seed + "clk"))}
                    tid = "%s_t%d" % (layout, k + 1)
                    cA, rA = render_chat(sc, "A")
                    cB, rB = render_chat(sc, "B")
                    wa, wb = sc["windows"]["A"], sc["windows"]["B"]
                    assert wa[0] < b_start <= wa[1] == a_end, (wa, b_start)
                    assert wb[1] > a_end + 1, (wb, a_end)
                    outs.append((fnA, cA, rA, tid, taken_dt))
                    outs.append((fnB, cB, rB, tid, taken_dt))
                else:
                    last = len(items) - 1
                    if rng.random() < 0.4:
                        cands = [i for i in mi if i < last - 2 and i > 4]
                        a_end = rng.choice(cands) if cands else mi[-1]
                    else:
                        a_end = mi[-1]
                    sc["a_end"] = a_end
                    fn = fname_for(rng, layout, taken_dt, fmt, used, sc["st"]["ios"])
                    sc["clock"] = {"A": clock_text(layout, taken_dt, rng)}
                    cA, rA = render_chat(sc, "A")
                    outs.append((fn, cA, rA, None, taken_dt))
            for fn, c, recs, tid, tdt in outs:
                assert recs, fn
                save(c, os.path.join(HERE, fn), fmt, q)
                truth.append({"file": fn, "layout": layout, "dark": darks[k], "taken_on": tdt.date().isoformat(),
                              "thread": tid, "records": recs})
                draw.append({"file": fn, "size": [c.W, c.H], "layout": layout, "dark": darks[k], "format": fmt,
                             "jpeg_quality": q, "strings": c.strings, "shapes": c.shapes})
    with open(os.path.join(HERE, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "drawlog.jsonl"), "w", encoding="utf-8") as f:
        for t in draw:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    nrec = sum(len(t["records"]) for t in truth)
    print("images", len(truth), "records", nrec)


if __name__ == "__main__":
    main()
