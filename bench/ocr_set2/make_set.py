#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
make_set.py -- generator of the frozen OCR benchmark set "ocr_set2".

Synthetic phone screenshots (Chinese SMS threads, WeChat one-to-one and
group chats, call logs) drawn with Pillow, plus their ground truth.

    /work/main/.venv/bin/python /work/ocr_set2/make_set.py

Writes into the folder of this script:
    *.png              the screenshots
    truth.jsonl        one JSON object per PNG (ground truth)
    README.md          description of the set
    verify/drawlog.jsonl   every string drawn, per file (for verify/check_set.py)

Everything is deterministic (random.Random(20261203)).  All names,
companies, courts, numbers, links and amounts are invented.
Layouts are drawn from general public descriptions of each app's look;
no real screenshot was copied.
"""
import datetime as dt
import json
import os
import re
import string
import random
from PIL import Image, ImageDraw, ImageFont

SEED = 20261203
HERE = os.path.dirname(os.path.abspath(__file__))
FONT_DIR = '/usr/share/fonts/opentype/noto/'
SS = 2                      # supersampling factor (draw at 2x, downsample)
CST = dt.timezone(dt.timedelta(hours=8))

rng = random.Random(SEED)

# --------------------------------------------------------------------------
# fonts / canvas
# --------------------------------------------------------------------------
_fc = {}


def _font(px, bold=False):
    key = (px, bold)
    if key not in _fc:
        name = 'NotoSansCJK-Bold.ttc' if bold else 'NotoSansCJK-Regular.ttc'
        _fc[key] = ImageFont.truetype(FONT_DIR + name, px, index=2)  # index 2 = SC
    return _fc[key]


def hexc(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


class Canvas:
    def __init__(self, W, H, bg, u):
        self.W, self.H, self.u = W, H, u
        self.bg = hexc(bg) if isinstance(bg, str) else bg
        self.im = Image.new('RGB', (W * SS, H * SS), self.bg)
        self.d = ImageDraw.Draw(self.im)
        self.texts = []

    @staticmethod
    def _c(col):
        return hexc(col) if isinstance(col, str) else col

    def _s(self, seq):
        return [v * SS for v in seq]

    def tw(self, s, size, bold=False):
        return self.d.textlength(s, font=_font(int(round(size * SS)), bold)) / SS

    def text(self, x, y, s, size, fill, bold=False, anchor='lm', role=None):
        f = _font(int(round(size * SS)), bold)
        self.d.text((x * SS, y * SS), s, font=f, fill=self._c(fill), anchor=anchor)
        b = self.d.textbbox((x * SS, y * SS), s, font=f, anchor=anchor)
        bb = [round(v / SS, 1) for v in b]
        self.texts.append({'role': role, 'text': s, 'bbox': bb})
        return bb

    def rect(self, box, fill=None, outline=None, width=1):
        self.d.rectangle(self._s(box), fill=self._c(fill) if fill else None,
                         outline=self._c(outline) if outline else None, width=int(width * SS))

    def rrect(self, box, r, fill=None, outline=None, width=1, corners=None):
        self.d.rounded_rectangle(self._s(box), radius=r * SS, fill=self._c(fill) if fill else None,
                                 outline=self._c(outline) if outline else None,
                                 width=int(width * SS), corners=corners)

    def ellipse(self, box, fill=None, outline=None, width=1):
        self.d.ellipse(self._s(box), fill=self._c(fill) if fill else None,
                       outline=self._c(outline) if outline else None, width=int(width * SS))

    def polygon(self, pts, fill):
        self.d.polygon([(x * SS, y * SS) for x, y in pts], fill=self._c(fill))

    def line(self, pts, fill, width=1):
        self.d.line([(x * SS, y * SS) for x, y in pts], fill=self._c(fill), width=int(width * SS),
                    joint='curve')

    def arc(self, box, a0, a1, fill, width=1):
        self.d.arc(self._s(box), a0, a1, fill=self._c(fill), width=int(width * SS))

    def pieslice(self, box, a0, a1, fill):
        self.d.pieslice(self._s(box), a0, a1, fill=self._c(fill))

    def save(self, path):
        im = self.im.resize((self.W, self.H), Image.LANCZOS)
        p = im.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        p.save(path, optimize=True)


# --------------------------------------------------------------------------
# small icons
# --------------------------------------------------------------------------
def ic_signal(c, x, cy, col, level=4, dim=None):
    u = c.u
    bw, gap = 2.6 * u, 1.4 * u
    for i in range(4):
        h = (4 + i * 2.4) * u
        colr = col if i < level else (dim or col)
        c.rect([x, cy + 5.5 * u - h, x + bw, cy + 5.5 * u], fill=colr)
        x += bw + gap
    return x


def ic_wifi(c, x, cy, col, bg):
    u = c.u
    r = 8.5 * u
    cx, by = x + r, cy + 5.5 * u
    for k, colr in enumerate([col, bg, col, bg, col]):
        rr = r * (1 - k * 0.2)
        c.pieslice([cx - rr, by - rr, cx + rr, by + rr], 225, 315, colr)
    return x + 2 * r


def ic_battery(c, xr, cy, col, bg, level, inside=None):
    """battery icon with right edge at xr; returns left x"""
    u = c.u
    w, h = 24 * u, 11.5 * u
    x0 = xr - w - 2 * u
    c.rrect([xr - 2 * u, cy - 2.2 * u, xr, cy + 2.2 * u], 0.8 * u, fill=col)
    if inside:
        c.rrect([x0, cy - h / 2, x0 + w, cy + h / 2], 3.2 * u, fill=col)
        c.text(x0 + w / 2, cy, inside, 9 * u, bg, bold=True, anchor='mm', role='status')
    else:
        c.rrect([x0, cy - h / 2, x0 + w, cy + h / 2], 3.2 * u, outline=col, width=1.1 * u)
        fw = (w - 3.4 * u) * level / 100
        c.rrect([x0 + 1.7 * u, cy - h / 2 + 1.7 * u, x0 + 1.7 * u + fw, cy + h / 2 - 1.7 * u],
                1.6 * u, fill=col)
    return x0


def ic_back(c, x, cy, col, size=11, width=2.2):
    u = c.u
    c.line([(x + size * 0.55 * u, cy - size * u / 1.6), (x, cy), (x + size * 0.55 * u, cy + size * u / 1.6)],
           col, width * u)


def ic_more_v(c, x, cy, col):
    u = c.u
    for k in (-1, 0, 1):
        c.ellipse([x - 1.8 * u, cy + k * 6 * u - 1.8 * u, x + 1.8 * u, cy + k * 6 * u + 1.8 * u], fill=col)


def ic_more_h(c, x, cy, col):
    u = c.u
    for k in (-1, 0, 1):
        c.ellipse([x + k * 7 * u - 2 * u, cy - 2 * u, x + k * 7 * u + 2 * u, cy + 2 * u], fill=col)


def ic_phone(c, cx, cy, col, s=1.0, width=2.3):
    """classic handset: curved body bulging to the lower left"""
    u = c.u * s
    ox, oy, r = cx + 5 * u, cy - 5 * u, 11 * u
    c.arc([ox - r, oy - r, ox + r, oy + r], 95, 175, col, width * 1.7 * u / s * s)
    import math as _m
    for ang in (92, 178):
        a = _m.radians(ang)
        ex, ey = ox + r * _m.cos(a), oy + r * _m.sin(a)
        c.ellipse([ex - 3.3 * u, ey - 3.3 * u, ex + 3.3 * u, ey + 3.3 * u], fill=col)


def ic_plus_circle(c, cx, cy, r, col, fillc=None, width=2):
    u = c.u
    if fillc:
        c.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fillc)
    else:
        c.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=width * u / 1.3)
    c.line([(cx - r * 0.45, cy), (cx + r * 0.45, cy)], col, width * u / 1.2)
    c.line([(cx, cy - r * 0.45), (cx, cy + r * 0.45)], col, width * u / 1.2)


def ic_send(c, cx, cy, col):
    u = c.u
    c.polygon([(cx - 9 * u, cy - 8 * u), (cx + 10 * u, cy), (cx - 9 * u, cy + 8 * u), (cx - 6 * u, cy)], col)


def ic_smile(c, cx, cy, r, col, width=2):
    u = c.u
    c.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=width * u / 1.3)
    c.ellipse([cx - r * 0.42 - 1.4 * u, cy - r * 0.3 - 1.4 * u, cx - r * 0.42 + 1.4 * u, cy - r * 0.3 + 1.4 * u], fill=col)
    c.ellipse([cx + r * 0.42 - 1.4 * u, cy - r * 0.3 - 1.4 * u, cx + r * 0.42 + 1.4 * u, cy - r * 0.3 + 1.4 * u], fill=col)
    c.arc([cx - r * 0.55, cy - r * 0.4, cx + r * 0.55, cy + r * 0.55], 20, 160, col, width * u / 1.3)


def ic_voice(c, cx, cy, r, col, width=2):
    u = c.u
    c.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=width * u / 1.3)
    for k in (0.25, 0.5):
        rr = r * k * 1.3
        c.arc([cx - r * 0.35 - rr, cy - rr, cx - r * 0.35 + rr, cy + rr], -50, 50, col, width * u / 1.3)
    c.ellipse([cx - r * 0.42, cy - 1.5 * u, cx - r * 0.42 + 3 * u, cy + 1.5 * u], fill=col)


def ic_mic(c, cx, cy, col):
    u = c.u
    c.rrect([cx - 3.5 * u, cy - 9 * u, cx + 3.5 * u, cy + 3 * u], 3.5 * u, fill=col)
    c.arc([cx - 6.5 * u, cy - 6 * u, cx + 6.5 * u, cy + 5.5 * u], 0, 180, col, 1.6 * u)
    c.line([(cx, cy + 5.5 * u), (cx, cy + 9 * u)], col, 1.6 * u)


def ic_search(c, cx, cy, col, r=None):
    u = c.u
    r = r or 6.5 * u
    c.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=1.8 * u)
    c.line([(cx + r * 0.7, cy + r * 0.7), (cx + r * 1.45, cy + r * 1.45)], col, 2.0 * u)


def ic_info(c, cx, cy, col, r=None):
    u = c.u
    r = r or 10 * u
    c.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=1.6 * u)
    c.ellipse([cx - 1.5 * u, cy - r * 0.55 - 1.5 * u, cx + 1.5 * u, cy - r * 0.55 + 1.5 * u], fill=col)
    c.rect([cx - 1.1 * u, cy - r * 0.22, cx + 1.1 * u, cy + r * 0.55], fill=col)


def ic_arrow_out(c, x, cy, col, s=6):
    """small outgoing-call arrow (north-east)"""
    u = c.u
    s = s * u
    c.line([(x, cy + s / 2), (x + s, cy - s / 2)], col, 1.5 * u)
    c.line([(x + s * 0.35, cy - s / 2), (x + s, cy - s / 2), (x + s, cy + s * 0.15)], col, 1.5 * u)


def ic_camera(c, cx, cy, col):
    u = c.u
    c.rrect([cx - 11 * u, cy - 7 * u, cx + 11 * u, cy + 8 * u], 3 * u, fill=col)
    c.rrect([cx - 5 * u, cy - 10 * u, cx + 5 * u, cy - 5 * u], 1.5 * u, fill=col)


def avatar(c, box, base, dark=False):
    """abstract photo-like avatar (no text)"""
    x0, y0, x1, y1 = box
    c.rrect(box, (x1 - x0) * 0.1, fill=base)
    w = x1 - x0
    head = tuple(min(255, v + 70) for v in hexc(base))
    c.ellipse([x0 + w * 0.33, y0 + w * 0.18, x0 + w * 0.67, y0 + w * 0.52], fill=head)
    c.d.chord([(x0 + w * 0.16) * SS, (y0 + w * 0.58) * SS, (x0 + w * 0.84) * SS, (y0 + w * 1.25) * SS],
              180, 360, fill=head)
    c.rrect(box, (x1 - x0) * 0.1, outline=base, width=0.5)


# --------------------------------------------------------------------------
# time formatting (display) -- the truth uses datetimes directly
# --------------------------------------------------------------------------
WD_ZH = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def t24(t):
    return f'{t.hour:02d}:{t.minute:02d}'


def t12zh(t, fine=False):
    h = t.hour
    if fine:
        p = '凌晨' if h < 6 else '上午' if h < 12 else '中午' if h < 13 else '下午' if h < 18 else '晚上'
    else:
        p = '上午' if h < 12 else '下午'
    return f'{p}{h % 12 or 12}:{t.minute:02d}'


def t12en(t):
    return f'{t.hour % 12 or 12}:{t.minute:02d} {"AM" if t.hour < 12 else "PM"}'


def daycls(t, taken):
    n = (taken.date() - t.date()).days
    if n == 0:
        return 'today'
    if n == 1:
        return 'yday'
    if 2 <= n <= 6:
        return 'week'
    if t.year == taken.year:
        return 'year'
    return 'old'


def fmt_sep(style, t, taken):
    k = daycls(t, taken)
    md = f'{t.month}月{t.day}日'
    ymd = f'{t.year}年{t.month}月{t.day}日'
    wd = WD_ZH[t.weekday()]
    if style == 'huawei':
        return {'today': t24(t), 'yday': '昨天 ' + t24(t), 'week': wd + ' ' + t24(t),
                'year': md + ' ' + t24(t), 'old': ymd + ' ' + t24(t)}[k]
    if style == 'xiaomi':
        return {'today': t12zh(t), 'yday': '昨天 ' + t12zh(t), 'week': wd + ' ' + t12zh(t),
                'year': md + ' ' + t12zh(t), 'old': ymd + ' ' + t12zh(t)}[k]
    if style == 'oppo':
        return {'today': t24(t), 'yday': '昨天 ' + t24(t), 'week': wd + ' ' + t24(t)}.get(
            k, f'{t.year}/{t.month}/{t.day} {t24(t)}')
    if style == 'vivo':
        return {'today': '今天 ' + t24(t), 'yday': '昨天 ' + t24(t), 'week': wd + ' ' + t24(t),
                'year': md + ' ' + t24(t), 'old': ymd + ' ' + t24(t)}[k]
    if style == 'ios_zh':
        return {'today': '今天 ' + t24(t), 'yday': '昨天 ' + t24(t), 'week': wd + ' ' + t24(t),
                'year': md + ' ' + wd + ' ' + t24(t), 'old': ymd + ' ' + t24(t)}[k]
    if style == 'ios_en':
        return {'today': 'Today ' + t12en(t), 'yday': 'Yesterday ' + t12en(t),
                'week': WD_EN[t.weekday()] + ' ' + t12en(t),
                'year': f'{WD_EN[t.weekday()][:3]}, {MON_EN[t.month - 1]} {t.day} at {t12en(t)}',
                'old': f'{MON_EN[t.month - 1]} {t.day}, {t.year} at {t12en(t)}'}[k]
    if style == 'wechat24':
        return {'today': t24(t), 'yday': '昨天 ' + t24(t), 'week': wd + ' ' + t24(t),
                'year': md + ' ' + t24(t), 'old': ymd + ' ' + t24(t)}[k]
    if style == 'wechat12':
        return {'today': t12zh(t, True), 'yday': '昨天 ' + t12zh(t, True), 'week': wd + ' ' + t12zh(t, True),
                'year': md + ' ' + t12zh(t, True), 'old': ymd + ' ' + t12zh(t, True)}[k]
    if style == 'huawei_calls':
        return {'today': t24(t), 'yday': '昨天 ' + t24(t), 'week': wd + ' ' + t24(t),
                'year': md + ' ' + t24(t)}.get(k, f'{t.year}/{t.month}/{t.day} {t24(t)}')
    if style == 'xiaomi_calls':
        return {'today': t12zh(t), 'yday': '昨天 ' + t12zh(t), 'week': wd + ' ' + t12zh(t),
                'year': md + ' ' + t12zh(t)}.get(k, f'{t.year}/{t.month}/{t.day} {t12zh(t)}')
    if style == 'ios_calls_zh':
        assert k == 'today'
        return t12zh(t)
    if style == 'ios_calls_en':
        assert k == 'today'
        return t12en(t)
    raise ValueError(style)


# --------------------------------------------------------------------------
# text wrapping
# --------------------------------------------------------------------------
NO_START = set('，。！？、；：）】》”’…,.!?;:)]%')
NO_END = set('（【《“‘([')
_tok = re.compile(r'[A-Za-z0-9@#%&+=_/\\.:\-?~,!\'$*]+| |.', re.S)


def is_cjk_text(s):
    return any('\u3000' <= ch <= '\u9fff' or '\uff00' <= ch <= '\uffef' for ch in s)


def wrap(c, text, size, maxw):
    """returns list of (line, broke_at_space) -- broke_at_space refers to the
    break *after* this line."""
    toks = _tok.findall(text)
    lines, cur = [], ''
    brk = []

    def push(at_space):
        lines.append(cur)
        brk.append(at_space)

    i = 0
    while i < len(toks):
        t = toks[i]
        if t == ' ':
            prev_ascii = bool(cur) and cur[-1].isascii() and cur[-1] != ' '
            nxt = toks[i + 1] if i + 1 < len(toks) else ''
            nxt_ascii = bool(nxt) and nxt[0].isascii() and nxt != ' '
            if prev_ascii and nxt_ascii and c.tw(cur + ' ' + nxt, size) > maxw and c.tw(nxt, size) <= maxw:
                push(True)
                cur = ''
                i += 1
                continue
            cur += ' '
            i += 1
            continue
        if c.tw(cur + t, size) <= maxw:
            cur += t
        elif len(t) > 1:                       # ascii run
            if c.tw(t, size) <= maxw and cur.strip() and not cur.endswith(' '):
                push(False)
                cur = t
            else:
                for ch in t:
                    if c.tw(cur + ch, size) <= maxw or not cur:
                        cur += ch
                    else:
                        push(False)
                        cur = ch
        else:
            if t in NO_START and cur:
                cur += t                            # allow small overflow
            elif cur and cur[-1] in NO_END:
                o = cur[-1]
                cur = cur[:-1]
                push(False)
                cur = o + t
            else:
                push(False)
                cur = t
        i += 1
    if cur:
        lines.append(cur)
        brk.append(False)
    return list(zip(lines, brk))


def unwrap(lines):
    s = ''
    for ln, sp in lines:
        s += ln + (' ' if sp else '')
    return s


# --------------------------------------------------------------------------
# invented content
# --------------------------------------------------------------------------
BORROWERS = [('王建军', '建军'), ('刘晓燕', '晓燕'), ('陈志强', '志强'), ('李娜', '李娜'), ('赵磊', '赵磊'),
             ('孙丽华', '丽华'), ('周鹏飞', '鹏飞'), ('吴芳', '吴芳'), ('郑浩然', '浩然'), ('黄敏', '黄敏'),
             ('杨帆', '杨帆'), ('何静怡', '静怡'), ('马俊杰', '俊杰'), ('高雪梅', '雪梅')]
BRANDS = ['米粒借', '速易花', '金橙分期', '安信小贷', '如意钱包', '星辰消费金融', '乐享花', '云朵借款',
          '畅融金服', '青禾贷', '鑫盛分期', '随心借']
BRAND_DOM = {'米粒借': 'mlj8.cn', '速易花': 'syh5.cc', '金橙分期': 'jcfq.top', '安信小贷': 'axd-pay.cn',
             '如意钱包': 'rywallet.cn', '星辰消费金融': 'xcxf.com.cn', '乐享花': 'lxh9.cn',
             '云朵借款': 'ydjk.vip', '畅融金服': 'crjf.net.cn', '青禾贷': 'qhd6.cn', '鑫盛分期': 'xsfq.cc',
             '随心借': 'sxj-app.cn'}
AGENCIES = ['华诚资产管理', '鼎力商务咨询', '启衡资产', '博正商务服务', '信诺贷后服务中心']
LAWFIRMS = ['正衡律师事务所', '明理律师事务所', '德衡法务咨询']
COURTS = ['明州市海棠区人民法院', '云江市锦屏区人民法院', '明州市东湖区人民法院']
REGIONS = ['广东 深圳', '浙江 杭州', '江苏 南京', '四川 成都', '湖南 长沙', '山东 济南', '河南 郑州',
           '湖北 武汉', '福建 厦门', '重庆', '安徽 合肥', '广西 南宁']
COLLECTORS = ['刘专员', '张主管', '陈经理', '赵专员', '孙主任', '李经理', '周调解员']
RELNAMES = ['王秀兰', '李国华', '张桂芳', '王建国', '刘德明', '陈淑珍']


def phone_digits():
    pre = rng.choice(['170', '171', '162', '165', '167', '173', '176', '178', '166', '199', '192'])
    return pre + ''.join(rng.choice(string.digits) for _ in range(8))


def fmt_mobile(d, style):
    g = f'{d[:3]} {d[3:7]} {d[7:]}'
    return {'grouped': g, 'plus': '+86 ' + g, 'plain': d, 'plusplain': '+86' + d}[style]


def n106():
    return '1069' + ''.join(rng.choice(string.digits) for _ in range(rng.choice([8, 9, 10])))


def n95():
    return '95' + ''.join(rng.choice(string.digits) for _ in range(3))


def fixed_line():
    area = rng.choice(['0571', '0755', '021', '028', '0731', '027', '0592'])
    if len(area) == 3:
        num = ''.join(rng.choice(string.digits) for _ in range(8))
        return area + num, f'{area}-{num[:4]} {num[4:]}'
    num = ''.join(rng.choice(string.digits) for _ in range(8))
    return area + num, f'{area}-{num[:4]} {num[4:]}'


def amt():
    v = rng.choice([rng.randint(500, 4999), rng.randint(5000, 39999)])
    cents = rng.choice(['.00', f'.{rng.randint(10, 99)}', ''])
    if rng.random() < 0.5 and v >= 1000:
        return f'{v:,}{cents if cents else ".00"}'
    return f'{v}{cents}'


def link(brand):
    path = ''.join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(5, 6)))
    return f'https://{BRAND_DOM[brand]}/{rng.choice(["r", "h5", "p", "s"])}/{path}'


def hotline():
    return f'400-{rng.randint(600, 899)}-{rng.randint(1000, 9999)}'


def md_str(d):
    return f'{d.month}月{d.day}日'


SVC_TPL = [
    '【{brand}】尊敬的{name}，您本期账单应还{amt}元，最后还款日为{due}，请保持还款银行卡余额充足，如已还款请忽略。',
    '【{brand}】{name}您好，您的借款已逾期{days}天，应还金额{amt}元。请尽快登录APP或点击{link}完成还款，逾期记录将按规定报送征信系统。',
    '【{brand}】温馨提示：您的账户已逾期，我司将依法合规开展贷后管理工作。如遇还款困难，可致电{hotline}申请协商还款。退订回T',
    '【{brand}】您已成功还款{amt}元，当前剩余应还{amt2}元，感谢您的支持。',
    '【{brand}】还款提醒：您有一笔{amt}元的账单将于明天到期，点击{link}查看详情。',
    '【{brand}】{name}，您在我平台的借款{amt}元已逾期{days}天，案件已委外至{agency}处理，请于{due}前结清，否则我司将依法提起诉讼。',
    '【{brand}】您申请的延期还款已审核通过，新的还款日为{due}，请按时还款，祝您生活愉快。',
    '【{brand}】{name}，经核实您名下借款逾期未还，相关逾期信息已依法报送金融信用信息基础数据库。如有异议请致电{hotline}。',
    '【{brand}】您正在进行还款操作，验证码{code}，5分钟内有效，请勿告知他人。',
    '【{brand}】{name}您好，您的账单今日到期，应还{amt}元，请于今日22:00前还款，避免产生逾期费用。',
]
AGENCY_TPL = [
    '【{agency}】受{brand}委托通知您：您的欠款{amt}元已逾期{days}天，请于今日{hh}点前联系{phone}处理，逾期将启动下一步程序。',
    '【{agency}】{name}，您的案件已进入上门调查流程，调查员将前往您的户籍地及工作单位核实情况，请速与{phone}联系。',
]
COURT_TPL = [
    '【{court}】{name}(身份证尾号{idtail})，你与{brand}借款合同纠纷一案已立案，案号({year}){mz}民初{caseno}号，请于3日内联系书记员{phone}，逾期将缺席判决并强制执行。',
    '【法院传票】{name}，你因拖欠{brand}借款{amt}元被起诉，开庭时间{due}上午9:00，查看电子传票：{link}',
    '{name}，本所受{brand}委托，就你拖欠借款一事向你发出律师函，请于{due}前联系本所处理，电话{phone}。【{lawfirm}】',
    '【{court}】执行通知：{name}，你的名下财产即将被冻结，请立即联系承办人{phone}，否则纳入失信被执行人名单。',
]
THREAT_TPL = [
    '{name}，你欠{brand}的{amt}元到底什么时候还？别逼我们走下一步。',
    '最后通知：今天18点前不还款，明天就安排人员到你户籍地和单位上门走访，后果自负！',
    '你的通讯录我们已经掌握了，再不处理就联系你所有的亲戚朋友，让大家都知道你欠钱不还。',
    '电话不接，信息不回，你是打算一直躲下去吗？',
    '你家里人的电话我们已经打了，他们说让你自己处理，你看着办吧。',
    '我们已经联系了你的紧急联系人{rel}，请你尽快回电{phone}。',
    '今天是最后的协商机会，可以减免部分罚息，只需还{amt}元即可结清，过时不候。',
    '{name}你好，我是{brand}贷后部的{collector}，工号{jobno}，您的账单已逾期{days}天，请今天处理一下。',
    '再不还钱我们就去你单位找你领导谈谈，你自己掂量掂量。',
    '已经给你公司人事打过电话了，下一步就是发函到你单位。',
    '你好，请问是{name}本人吗？关于您在{brand}的借款，请回电{phone}。',
    '还款账户：{bank}，户名{acctname}，账号{acct}，还完截图发我。',
    '{amt}元今天必须到账，否则按恶意逃废债处理。',
    '我们是依法催收，请您理解，尽快还款对您也有好处。',
    '可以给你申请分期，首期还{amt}元，剩下的分6期，你考虑一下，今天下班前回复我。',
    '收到了，这期已经入账了，下期记得按时还。',
]
REPLY_TPL = [
    '我最近失业了，实在拿不出这么多钱，能不能先还一部分？',
    '我已经在APP上还了{amt}元，你们查一下。',
    '请不要再给我家人和同事打电话了，这已经违反了催收的相关规定。',
    '你们是哪家公司的？请提供工号和委托书。',
    '好的，我下周五发工资后马上还。',
    '本金我认，但你们的利息和服务费太高了，超出了法律保护的范围。',
    '我会向金融监管部门投诉你们的暴力催收行为。',
    '收到，谢谢。',
    '能不能减免一下罚息？我一次性还清。',
    '已还，截图发你了。',
    '别再半夜发信息了，有事白天说。',
    '我同意分期，首期什么时候付？',
    '我的还款日不是今天，你们是不是搞错了？',
    '我这个月工资还没发，能不能宽限几天？',
    '我已经录音了，你再威胁我就报警。',
]
COURT_REPLY = ['这是诈骗短信吧？我去法院官网查了，没有这个案号。', '我没有收到过任何法院的正式文书，请提供书面材料。',
               '我会自己去法院核实，不会点你们的链接。']
RELATIVE_IN = [
    '{given}，今天有人打电话到家里，说你欠了网贷不还，是真的吗？',
    '他们说再不还钱就要来家里找你，你到底欠了多少？',
    '刚才又有个{region}的号码打给我，说是什么{agency}的，我没敢多说就挂了。',
    '你别瞒着我们，有困难跟家里说，能帮的一定帮。',
    '那个人说话很难听，你赶紧处理一下吧。',
    '你表姐也接到电话了，问我怎么回事。',
    '我把那个号码拉黑了，可是他们又换了个号码打过来。',
]
RELATIVE_OUT = [
    '你别担心，我已经在跟他们协商分期了。',
    '他们再打来你就直接挂，别告诉他们任何信息。',
    '欠了大概两万多，我下个月能还上一部分。',
    '对不起，给你们添麻烦了。',
    '那些是催收的，按规定不能骚扰家人，我去投诉他们。',
    '知道了，我今天就打电话过去处理。',
]
FRIEND_IN = [
    '今天又打了三个电话，我直接说不认识你。',
    '你没事吧？需要的话我先借你点周转一下。',
    '兄弟，刚才有人打电话给我，说你欠钱不还，还说我是你的紧急联系人？',
    '他们还把你的身份证照片发给我了，这也太过分了吧。',
    '我跟他们说了我们不熟，你自己注意一下☝',
    '有需要帮忙的你就说，别一个人扛着。',
    '那边一直打，我都不敢接陌生号码了。',
]
FRIEND_OUT = [
    '他们说什么你都别信，也别给他们转钱。',
    '我已经在处理了，这周就能结清一笔。',
    '真不好意思，我没把你填成紧急联系人，不知道他们怎么拿到你号码的。',
    '你直接挂掉就行，他们再打你可以报警。',
    '我这两天就把这笔钱处理掉，给你添麻烦了。',
    '谢谢兄弟♥',
]
WX_COLLECTOR_IN = [
    '{name}你好，我是{brand}的{collector}，加你微信是想跟你沟通一下逾期的事。',
    '你的借款已经逾期{days}天了，应还{amt}元，今天能处理吗？',
    '☎有空回个电话，{phone}，我们聊聊还款方案。',
    '⚠最后提醒⚠今天下午5点前不回复，我们就按流程移交法务。',
    '你再拖下去，我们只能联系你通讯录里的人了。',
    '可以给你减免部分罚息，结清金额{amt}元，今天有效。',
    '这是还款链接{link}，付完截图发我。',
    '收到，已经帮你登记了✓',
    '早上好☀今天记得处理一下账单哦。',
    '别装死，你单位地址我们都有。',
]
WX_COLLECTOR_OUT = [
    '我现在手头确实紧张，能不能先还{amt}元？',
    '好的，我下午三点前转。',
    '已经还了，你看一下到账没有。',
    '你们不要再联系我朋友了，有事找我本人。',
    '分期可以，但每期不能超过{amt}元。',
    '请把减免方案发个正式的文件给我。',
    '这笔钱我一定会还的，给我一点时间。',
    'OK',
]
MEDIATOR_IN = [
    '您好，在吗？关于上次说的分期方案，您考虑得怎么样了？',
    '分期期间不会再产生罚息，但需要按时还款，逾期一次方案自动作废。',
    '{name}您好，我是{agency}的调解员，受{brand}委托与您协商还款事宜。',
    '根据您的情况，可以申请停息分期，分12期，每期{amt}元。',
    '方案需要您本人确认，确认后我们会暂停一切催收动作。',
    '首期请于{due}前还款，还款后把凭证发我，谢谢配合。',
    '好的，已为您提交申请，审核结果1-3个工作日内短信通知。',
]
MEDIATOR_OUT = [
    '我这个月只能拿出{amt}元，剩下的能不能往后排？',
    '好的，明白了。',
    '您好，我想确认一下分期后是否还会产生利息？',
    '12期可以，我每个月15号发工资，还款日能定在16号吗？',
    '确认，我同意这个方案。',
    '首期已还，凭证已发。',
    '谢谢您的耐心★',
]
GROUP_COLLECT = [
    '各位好，拉大家进群是因为{name}在我司借款{amt}元逾期{days}天未还，本人失联，请知情人转告他尽快处理。',
    '@{name} 请你在群里给个答复，什么时候还款？',
    '不想被打扰就让他还钱，这么简单的事。',
    '截止到今天，{name}共欠款{amt}元，含逾期费用{amt2}元。',
    '群里的都是{name}通讯录里的好友，他什么时候还钱，我们什么时候解散这个群。',
    '⚠今天是最后期限，请{name}本人联系{phone}。',
]
GROUP_CONTACT = [
    '我跟他也不熟，只是以前的同事，你们找我没用。',
    '请不要在群里发这种信息，我要退群了。',
    '{given}，你赶紧处理一下吧，大家都被加进来了。',
    '你们这样拉群是违法的，我已经截图了。',
    '这个群是干嘛的？谁拉我进来的？',
]
GROUP_BORROWER = [
    '我已经向监管部门投诉了，请你们立刻停止骚扰我的通讯录联系人。',
    '大家好，我是{name}本人，欠款的事我自己负责，跟大家没有关系。',
    '我已经跟你们客服约定了还款时间，你们拉群骚扰我的朋友是违法的。',
    '各位抱歉，这件事我会处理好，大家可以直接退群。',
    '我今天会先还一部分，请你们立刻解散这个群。',
]
FAMILY_GROUP_IN = [
    '刚才有个陌生号码打给我，说{given}欠了钱，让我转告他。',
    '我也接到了，还说要上门，吓死人了。',
    '{given}，到底怎么回事？在群里说清楚。',
    '大家别慌，先别理那些电话，等{given}回消息。',
    '需要钱的话家里先凑一凑，别再去借网贷了。',
    '我那边也收到短信了，说什么法院传票，是假的吧？',
    '晚上回家吃饭，当面说♥',
]
FAMILY_GROUP_OUT = [
    '二姨，真不好意思，让您也跟着受惊了。',
    '今晚我回家跟爸妈当面说清楚。',
    '对不起让大家担心了，是我之前借的网贷逾期了，我正在跟平台协商。',
    '那些电话大家直接挂断，不要透露任何信息。',
    '法院传票是假的，正规法院不会发短信链接。',
    '我这个月会先还一部分，剩下的分期还。',
]
NEGO_GROUP_IN = [
    '方案已提交，结果出来后我在群里通知您。',
    '逾期记录会如实上报，结清后会更新为已结清状态。',
    '可以，延后不超过3天不影响方案，请提前在群里说明。',
    '{name}您好，本群用于您与{brand}的还款协商，请您本人确认身份。',
    '您的结清金额为{amt}元，可以分3期还清。',
    '我这边已经帮您申请了免除部分逾期费用。',
    '请于{due}前完成首期还款{amt}元，并在群里回复凭证。',
    '收到凭证了✓后续两期请按时还款。',
]
NEGO_GROUP_OUT = [
    '本人确认，我是{name}。',
    '我想问一下，分期之后征信上的逾期记录能不能消掉？',
    '好的，我这边没问题。',
    '第二期我可能要晚两天，可以吗？',
    '可以，首期我明天转。',
    '首期已还，请查收。',
    '请问剩下的两期还款日是几号？',
]
EN_REPLIES = [
    'I lost my job last month and cannot pay the full amount now, can we discuss an installment plan?',
    'Received, thanks.',
    'Please stop calling my family and colleagues.',
    'I will pay 500 yuan on Friday.',
    'Which company are you from? Please send me your staff ID.',
    'OK, I will check the app tonight.',
    'I already paid 1,000 yuan through the app this morning, please check your system before calling me again.',
    'You are not allowed to contact my relatives. I have recorded your calls and will report this to the regulator.',
    'My salary comes on the 15th, I can pay the rest after that. Please do not send me messages at midnight.',
    'Is this really from the court? Please send an official document, I will not click any link.',
]


def persona():
    name, given = rng.choice(BORROWERS)
    brand = rng.choice(BRANDS)
    return {'name': name, 'given': given, 'brand': brand, 'agency': rng.choice(AGENCIES),
            'lawfirm': rng.choice(LAWFIRMS), 'court': rng.choice(COURTS),
            'collector': rng.choice(COLLECTORS), 'rel': rng.choice(RELNAMES),
            'region': rng.choice(REGIONS).replace(' ', ''),
            'phone': phone_digits()}


def fill(tpl, P, at):
    if tpl is None:
        return None
    due = at.date() + dt.timedelta(days=rng.randint(2, 9))
    d = dict(P)
    bank = rng.choice(['云江农商银行', '明州城商银行', '锦屏村镇银行'])
    d.update(amt=amt(), amt2=amt(), due=md_str(due), days=rng.choice([3, 5, 7, 12, 15, 30, 46, 61, 90]),
             link=link(P['brand']), hotline=hotline(), code=f'{rng.randint(0, 999999):06d}',
             hh=rng.choice([12, 15, 17, 18, 20]), idtail=f'{rng.randint(0, 9999):04d}',
             year=at.year, mz=rng.choice(['明0203', '云0105', '明0211']), caseno=rng.randint(1000, 9999),
             jobno=f'CS{rng.randint(1000, 9999)}', bank=bank, acctname=rng.choice(['周小勇', '林国平', '赵春梅']),
             acct='6230' + ''.join(rng.choice(string.digits) for _ in range(12)))
    s = tpl.format(**d)
    assert '{' not in s
    return s


# --------------------------------------------------------------------------
# thread (clusters) generation
# --------------------------------------------------------------------------
def cluster_times(taken, n, max_days=20, min_days=0):
    """n strictly increasing datetimes before taken, >= 35 min apart"""
    for _ in range(1000):
        pool = list(range(min_days, max_days + 1))
        days = sorted([rng.choice(pool) for _ in range(n)], reverse=True)
        out = []
        ok = True
        for dd in days:
            day = taken.date() - dt.timedelta(days=dd)
            hi = 23 if dd > 0 else taken.hour - 1
            lo = 7 if rng.random() < 0.8 else 1
            if hi < lo:
                ok = False
                break
            h = rng.randint(lo, hi)
            m = rng.randint(0, 59)
            t = dt.datetime(day.year, day.month, day.day, h, m, tzinfo=CST)
            out.append(t)
        if not ok:
            continue
        out.sort()
        if all((b - a) >= dt.timedelta(minutes=35) for a, b in zip(out, out[1:])) and \
                out[-1] < taken - dt.timedelta(minutes=4):
            return out
    raise RuntimeError('no times')


def pick(pool, used):
    """a template not used yet in this thread, or None when the pool is exhausted"""
    cand = [p for p in pool if p not in used]
    if not cand:
        return None
    t = rng.choice(cand)
    used.add(t)
    return t


def clean(cl):
    out = []
    for t, msgs in cl:
        msgs = [m for m in msgs if m[1]]
        if msgs:
            out.append((t, msgs))
    return out


def build_sms_thread(kind, P, taken, n_clusters):
    used = set()
    times = cluster_times(taken, n_clusters, max_days=rng.choice([8, 14, 30, 45]))
    cl = []
    for i, t in enumerate(times):
        msgs = []
        if kind in ('svc106', 'svc95'):
            msgs.append(('in', fill(pick(SVC_TPL + AGENCY_TPL[:1], used), P, t)))
            if rng.random() < 0.15:
                msgs.append(('out', rng.choice(['T', '收到', '已还'])))
        elif kind == 'court':
            if i == 0 or rng.random() < 0.5:
                msgs.append(('in', fill(pick(COURT_TPL + AGENCY_TPL, used), P, t)))
            else:
                msgs.append(('in', fill(pick(THREAT_TPL, used), P, t)))
            if rng.random() < 0.5:
                msgs.append(('out', pick(COURT_REPLY + REPLY_TPL[3:4], used)))
        elif kind == 'relative':
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.55:
                    msgs.append(('in', fill(pick(RELATIVE_IN, used), P, t)))
                else:
                    msgs.append(('out', fill(pick(RELATIVE_OUT, used), P, t)))
        elif kind == 'en_mix':
            src = THREAT_TPL if rng.random() < 0.7 else SVC_TPL
            msgs.append(('in', fill(pick(src, used), P, t)))
            if rng.random() < 0.75:
                msgs.append(('out', pick(EN_REPLIES, used) if rng.random() < 0.85 else fill(pick(REPLY_TPL, used), P, t)))
        else:  # collector
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.6:
                    msgs.append(('in', fill(pick(THREAT_TPL, used), P, t)))
                else:
                    msgs.append(('out', fill(pick(REPLY_TPL, used), P, t)))
        cl.append((t, msgs))
    return clean(cl)


def build_wx_thread(kind, P, taken, n_clusters):
    used = set()
    times = cluster_times(taken, n_clusters, max_days=rng.choice([6, 12, 25]))
    pools = {'collector': (WX_COLLECTOR_IN, WX_COLLECTOR_OUT), 'relative': (RELATIVE_IN, RELATIVE_OUT),
             'friend': (FRIEND_IN, FRIEND_OUT), 'mediator': (MEDIATOR_IN, MEDIATOR_OUT)}[kind]
    cl = []
    for t in times:
        msgs = []
        for _ in range(rng.randint(1, 4)):
            d = 'in' if rng.random() < 0.55 else 'out'
            msgs.append((d, fill(pick(pools[0] if d == 'in' else pools[1], used), P, t)))
        cl.append((t, msgs))
    return clean(cl)


def build_group_thread(kind, P, members, taken, n_clusters):
    used = set()
    times = cluster_times(taken, n_clusters, max_days=rng.choice([3, 8, 15]))
    cl = []
    for t in times:
        msgs = []
        for _ in range(rng.randint(1, 4)):
            r = rng.random()
            if kind == 'collect':
                if r < 0.45:
                    msgs.append(('in', fill(pick(GROUP_COLLECT, used), P, t), members['collector']))
                elif r < 0.8:
                    msgs.append(('in', fill(pick(GROUP_CONTACT, used), P, t), rng.choice(members['contacts'])))
                else:
                    msgs.append(('out', fill(pick(GROUP_BORROWER, used), P, t), None))
            elif kind == 'family':
                if r < 0.7:
                    msgs.append(('in', fill(pick(FAMILY_GROUP_IN, used), P, t), rng.choice(members['contacts'])))
                else:
                    msgs.append(('out', fill(pick(FAMILY_GROUP_OUT, used), P, t), None))
            else:
                if r < 0.6:
                    msgs.append(('in', fill(pick(NEGO_GROUP_IN, used), P, t), rng.choice(members['contacts'])))
                else:
                    msgs.append(('out', fill(pick(NEGO_GROUP_OUT, used), P, t), None))
        cl.append((t, msgs))
    return clean(cl)


def clusters_to_items(cl, sep_style, taken, own_time=False, sender=None):
    items = []
    for t, msgs in cl:
        items.append({'type': 'sep', 'at': t, 'label': fmt_sep(sep_style, t, taken)})
        cur = t
        for j, m in enumerate(msgs):
            if own_time and j > 0:
                cur = cur + dt.timedelta(minutes=rng.choice([0, 1, 1, 2, 3]))
            it = {'type': 'msg', 'dir': m[0], 'text': m[1], 'at': cur if own_time else t,
                  'own': t24(cur) if own_time else None, 'nick': m[2] if len(m) > 2 else None,
                  'sender': (m[2] if len(m) > 2 and m[2] else sender)}
            assert not (is_cjk_text(it['text']) and '  ' in it['text'])
            items.append(it)
    return items


# --------------------------------------------------------------------------
# layout styles
# --------------------------------------------------------------------------
def chat_style(layout, dark, u, W):
    L = dict(layout=layout, dark=dark)
    if layout == 'huawei_sms':
        L.update(bg='#000000' if dark else '#F1F3F5', fg='#E6E6E6' if dark else '#191919',
                 sub='#8C8C8C' if dark else '#8A8A8A',
                 in_bg='#242526' if dark else '#FFFFFF', in_fg='#E6E6E6' if dark else '#191919',
                 out_bg='#2F7DE1' if dark else '#007DFF', out_fg='#FFFFFF',
                 sep_fg='#7C7C7C' if dark else '#8A8A8A', fs=16.5, r=20, sep_style='huawei',
                 padx=14, pady=10, gap=14, maxw=0.66, side=16, corners='round')
    elif layout == 'xiaomi_sms':
        L.update(bg='#000000' if dark else '#FFFFFF', fg='#E0E0E0' if dark else '#1A1A1A',
                 sub='#8A8A8A' if dark else '#999999',
                 in_bg='#1F1F1F' if dark else '#F2F3F5', in_fg='#E0E0E0' if dark else '#1A1A1A',
                 out_bg='#2A6DDB' if dark else '#3482FF', out_fg='#FFFFFF',
                 sep_fg='#777777' if dark else '#999999', fs=16.5, r=18, sep_style='xiaomi',
                 padx=14, pady=10, gap=12, maxw=0.68, side=16, corners='tail_bottom')
    elif layout == 'oppo_sms':
        L.update(bg='#000000' if dark else '#FAFAFA', fg='#E0E0E0' if dark else '#1A1A1A',
                 sub='#8A8A8A' if dark else '#8F8F8F',
                 in_bg='#1E1E1E' if dark else '#ECECEC', in_fg='#E0E0E0' if dark else '#1A1A1A',
                 out_bg='#1E9E63' if dark else '#2BBF7A', out_fg='#FFFFFF',
                 sep_fg='#777777' if dark else '#8F8F8F', fs=16, r=18, sep_style='oppo',
                 padx=14, pady=10, gap=14, maxw=0.68, side=16, corners='round')
    elif layout == 'vivo_sms':
        L.update(bg='#0E0E0E' if dark else '#F4F5F7', fg='#E3E3E3' if dark else '#1F1F1F',
                 sub='#8A8A8A' if dark else '#9A9A9A',
                 in_bg='#242424' if dark else '#FFFFFF', in_fg='#E3E3E3' if dark else '#1F1F1F',
                 out_bg='#3B5FE0' if dark else '#456FFF', out_fg='#FFFFFF',
                 sep_fg='#7A7A7A' if dark else '#9A9A9A', fs=16, r=16, sep_style='vivo',
                 padx=14, pady=10, gap=8, maxw=0.66, side=16, corners='tail_top')
    elif layout == 'iphone_sms':
        L.update(bg='#000000' if dark else '#FFFFFF', fg='#FFFFFF' if dark else '#000000',
                 sub='#98989F' if dark else '#8A8A8E',
                 in_bg='#262629' if dark else '#E9E9EB', in_fg='#FFFFFF' if dark else '#000000',
                 out_bg='#2FB24F' if dark else '#34C759', out_fg='#FFFFFF',
                 sep_fg='#98989F' if dark else '#8A8A8E', fs=17, r=18, sep_style=None,
                 padx=12, pady=7.5, gap=3, maxw=0.70, side=13, corners='ios')
    elif layout in ('wechat', 'wechat_group'):
        L.update(bg='#111111' if dark else '#EDEDED', fg='#D5D5D5' if dark else '#191919',
                 sub='#8A8A8A' if dark else '#888888',
                 in_bg='#2C2C2C' if dark else '#FFFFFF', in_fg='#D5D5D5' if dark else '#191919',
                 out_bg='#3EB575' if dark else '#95EC69', out_fg='#0D0D0D' if dark else '#191919',
                 sep_fg='#6F6F6F' if dark else '#9D9D9D', fs=16.5, r=4, sep_style=None,
                 padx=12, pady=10, gap=16, maxw=None, side=12, corners='wechat')
    L['u'] = u
    return L


# --------------------------------------------------------------------------
# chat rendering
# --------------------------------------------------------------------------
def status_bar(c, y0, h, fg, bg, tstr, variant, lvl):
    u = c.u
    cy = y0 + h / 2
    if variant == 'ios':
        cy = y0 + 23 * u
        c.text(c.W * 0.145, cy, tstr, 16.5 * u, fg, bold=True, anchor='mm', role='status')
        xr = c.W - 26 * u
        x0 = ic_battery(c, xr, cy, fg, bg, lvl, inside=str(lvl) if rng.random() < 0.5 else None)
        ic_wifi(c, x0 - 26 * u, cy - 1 * u, fg, bg)
        ic_signal(c, x0 - 50 * u, cy, fg, level=rng.choice([3, 4]), dim='#8E8E93')
        return
    if variant == 'huawei':
        x = 16 * u
        x = ic_signal(c, x, cy, fg, level=rng.choice([3, 4]))
        c.text(x + 2 * u, cy - 4 * u, '5G', 8.5 * u, fg, bold=True, anchor='lm', role='status')
        x += 14 * u
        x = ic_signal(c, x, cy, fg, level=rng.choice([2, 3]), dim='#9A9A9A')
        ic_wifi(c, x + 6 * u, cy, fg, bg)
        xr = c.W - 16 * u
        c.text(xr, cy, tstr, 13.5 * u, fg, anchor='rm', role='status')
        xr -= c.tw(tstr, 13.5 * u) + 7 * u
        x0 = ic_battery(c, xr, cy, fg, bg, lvl)
        c.text(x0 - 4 * u, cy, f'{lvl}%', 12 * u, fg, anchor='rm', role='status')
        return
    # std android: time left, icons right
    c.text(22 * u, cy, tstr, 13.5 * u, fg, bold=(variant == 'xiaomi'), anchor='lm', role='status')
    xr = c.W - 18 * u
    x0 = ic_battery(c, xr, cy, fg, bg, lvl, inside=str(lvl) if variant in ('xiaomi', 'vivo') else None)
    if variant not in ('xiaomi', 'vivo'):
        c.text(x0 - 4 * u, cy, f'{lvl}%', 12 * u, fg, anchor='rm', role='status')
        x0 -= c.tw(f'{lvl}%', 12 * u) + 4 * u
    x1 = ic_wifi(c, x0 - 26 * u, cy, fg, bg)
    ic_signal(c, x0 - 48 * u, cy, fg, level=rng.choice([3, 4]))
    c.text(x0 - 52 * u, cy - 4 * u, '5G', 8.5 * u, fg, bold=True, anchor='rm', role='status')


def nav_bar(c, L, ios=False):
    u = c.u
    col = '#E5E5E5' if L['dark'] else '#1A1A1A'
    if ios:
        c.rrect([c.W / 2 - 67 * u, c.H - 13 * u, c.W / 2 + 67 * u, c.H - 8 * u], 2.5 * u, fill=col)
    else:
        c.rrect([c.W / 2 - 54 * u, c.H - 12 * u, c.W / 2 + 54 * u, c.H - 8.5 * u], 2 * u,
                fill='#9A9A9A' if L['dark'] else '#3A3A3A')


def header_android_sms(c, L, y, head):
    """returns bottom y of the header"""
    u = c.u
    lay = L['layout']
    fg, sub = L['fg'], L['sub']
    h = 64 * u
    if lay == 'huawei_sms':
        ic_back(c, 20 * u, y + h / 2, fg)
        if head['subtitle']:
            c.text(52 * u, y + h / 2 - 9 * u, head['title'], 19 * u, fg, bold=True, anchor='lm', role='header')
            c.text(52 * u, y + h / 2 + 14 * u, head['subtitle'], 12 * u, sub, anchor='lm', role='header_sub')
        else:
            c.text(52 * u, y + h / 2, head['title'], 19 * u, fg, bold=True, anchor='lm', role='header')
        ic_phone(c, c.W - 66 * u, y + h / 2, fg)
        ic_more_v(c, c.W - 22 * u, y + h / 2, fg)
    elif lay == 'xiaomi_sms':
        ic_back(c, 22 * u, y + h / 2, fg)
        if head['subtitle']:
            c.text(c.W / 2, y + h / 2 - 9 * u, head['title'], 17.5 * u, fg, bold=True, anchor='mm', role='header')
            c.text(c.W / 2, y + h / 2 + 13 * u, head['subtitle'], 11.5 * u, sub, anchor='mm', role='header_sub')
        else:
            c.text(c.W / 2, y + h / 2, head['title'], 17.5 * u, fg, bold=True, anchor='mm', role='header')
        ic_phone(c, c.W - 68 * u, y + h / 2, fg)
        ic_more_h(c, c.W - 26 * u, y + h / 2, fg)
    elif lay == 'oppo_sms':
        ic_back(c, 20 * u, y + h / 2, fg)
        c.text(50 * u, y + h / 2 - (8 * u if head['subtitle'] else 0), head['title'], 18 * u, fg, bold=True,
               anchor='lm', role='header')
        if head['subtitle']:
            c.text(50 * u, y + h / 2 + 13 * u, head['subtitle'], 11.5 * u, sub, anchor='lm', role='header_sub')
        ic_phone(c, c.W - 64 * u, y + h / 2, L['out_bg'])
        ic_more_v(c, c.W - 20 * u, y + h / 2, fg)
    else:  # vivo
        ic_back(c, 20 * u, y + h / 2, fg)
        c.text(c.W / 2, y + h / 2 - (8 * u if head['subtitle'] else 0), head['title'], 17.5 * u, fg, bold=True,
               anchor='mm', role='header')
        if head['subtitle']:
            c.text(c.W / 2, y + h / 2 + 13 * u, head['subtitle'], 11 * u, sub, anchor='mm', role='header_sub')
        ic_phone(c, c.W - 64 * u, y + h / 2, fg)
        ic_more_h(c, c.W - 24 * u, y + h / 2, fg)
    return y + h


def input_android_sms(c, L):
    u = c.u
    lay = L['layout']
    h = 60 * u
    y1 = c.H - 26 * u
    y0 = y1 - h
    dark = L['dark']
    bar_bg = L['bg']
    field = ('#1E1E1E' if dark else '#FFFFFF') if lay in ('huawei_sms', 'vivo_sms') else (
        '#1C1C1C' if dark else '#EBECEE')
    c.rect([0, y0, c.W, c.H], fill=bar_bg)
    cy = (y0 + y1) / 2
    iconc = '#BDBDBD' if dark else '#555555'
    ic_plus_circle(c, 28 * u, cy, 12 * u, iconc)
    fx0, fx1 = 50 * u, c.W - 58 * u
    c.rrect([fx0, cy - 20 * u, fx1, cy + 20 * u], 20 * u, fill=field)
    ph = {'huawei_sms': '短信', 'xiaomi_sms': '短信', 'oppo_sms': '短信', 'vivo_sms': '短信'}[lay]
    c.text(fx0 + 16 * u, cy, ph, 15 * u, '#6E6E6E' if dark else '#A5A5A5', anchor='lm', role='placeholder')
    if lay == 'huawei_sms':
        c.text(fx1 - 12 * u, cy, '卡1', 11 * u, '#6E6E6E' if dark else '#A5A5A5', anchor='rm', role='placeholder')
    ic_send(c, c.W - 28 * u, cy, '#5C5C5C' if dark else '#C4C4C4')
    return y0


def header_ios(c, L, y, head, en):
    u = c.u
    dark = L['dark']
    hbg = '#161618' if dark else '#F6F6F6'
    h = 96 * u
    c.rect([0, 0, c.W, y + h], fill=hbg)
    c.rect([0, y + h - 0.5 * u, c.W, y + h], fill='#2C2C2E' if dark else '#D1D1D6')
    blue = '#0A84FF' if dark else '#007AFF'
    ic_back(c, 14 * u, y + 30 * u, blue, size=12, width=2.6)
    if head.get('badge'):
        c.rrect([30 * u, y + 20 * u, 30 * u + c.tw(head['badge'], 13 * u) + 14 * u, y + 40 * u], 10 * u, fill=blue)
        c.text(37 * u, y + 30 * u, head['badge'], 13 * u, '#FFFFFF', anchor='lm', role='badge')
    # avatar
    r = 26 * u
    cx, cy = c.W / 2, y + 34 * u
    c.ellipse([cx - r, cy - r, cx + r, cy + r], fill='#8E8E93' if not dark else '#6C6C70')
    if head.get('initials'):
        c.text(cx, cy, head['initials'], 19 * u, '#FFFFFF', bold=True, anchor='mm', role='avatar')
    else:
        hc = '#D8D8DC' if not dark else '#AEAEB2'
        c.ellipse([cx - r * 0.36, cy - r * 0.58, cx + r * 0.36, cy + r * 0.12], fill=hc)
        c.d.chord([(cx - r * 0.7) * SS, (cy + r * 0.25) * SS, (cx + r * 0.7) * SS, (cy + r * 1.5) * SS], 180, 360,
                  fill=hexc(hc))
    t = head['title']
    c.text(cx, y + 76 * u, t, 12 * u, L['fg'], anchor='mm', role='header')
    tx = cx + c.tw(t, 12 * u) / 2 + 4 * u
    c.line([(tx, y + 72.5 * u), (tx + 3.2 * u, y + 76 * u), (tx, y + 79.5 * u)], L['sub'], 1.4 * u)
    return y + h


def input_ios(c, L, en):
    u = c.u
    dark = L['dark']
    y1 = c.H - 34 * u
    h = 40 * u
    y0 = y1 - h
    c.rect([0, y0 - 8 * u, c.W, c.H], fill=L['bg'])
    cy = (y0 + y1) / 2
    ic_plus_circle(c, 24 * u, cy, 16 * u, '#8E8E93' if dark else '#7C7C80', fillc='#2C2C2E' if dark else '#E9E9EB')
    fx0, fx1 = 48 * u, c.W - 12 * u
    c.rrect([fx0, cy - 17 * u, fx1, cy + 17 * u], 17 * u, outline='#3A3A3C' if dark else '#C7C7CC', width=1.0 * u)
    c.text(fx0 + 14 * u, cy, 'Text Message' if en else '短信/彩信', 16 * u, '#6C6C70' if dark else '#B0B0B5',
           anchor='lm', role='placeholder')
    ic_mic(c, fx1 - 18 * u, cy, '#6C6C70' if dark else '#B0B0B5')
    return y0 - 8 * u


def header_wechat(c, L, y, head):
    u = c.u
    h = 50 * u
    fg = '#D5D5D5' if L['dark'] else '#191919'
    ic_back(c, 18 * u, y + h / 2, fg, size=10.5, width=2.2)
    c.text(c.W / 2, y + h / 2, head['title'], 17 * u, fg, bold=False, anchor='mm', role='header')
    ic_more_h(c, c.W - 26 * u, y + h / 2, fg)
    c.rect([0, y + h - 0.5 * u, c.W, y + h], fill='#1F1F1F' if L['dark'] else '#D6D6D6')
    return y + h


def input_wechat(c, L, ios):
    u = c.u
    dark = L['dark']
    bar = '#1E1E1E' if dark else '#F7F7F7'
    h = 56 * u
    y1 = c.H - (34 * u if ios else 22 * u)
    y0 = y1 - h
    c.rect([0, y0, c.W, c.H], fill=bar)
    c.rect([0, y0, c.W, y0 + 0.5 * u], fill='#2A2A2A' if dark else '#DCDCDC')
    cy = (y0 + y1) / 2
    ic = '#CFCFCF' if dark else '#181818'
    ic_voice(c, 24 * u, cy, 13 * u, ic)
    c.rrect([46 * u, cy - 19 * u, c.W - 90 * u, cy + 19 * u], 5 * u, fill='#2C2C2C' if dark else '#FFFFFF')
    ic_smile(c, c.W - 66 * u, cy, 13 * u, ic)
    ic_plus_circle(c, c.W - 28 * u, cy, 13 * u, ic)
    return y0


def measure_items(c, L, items, group):
    u = c.u
    fs = L['fs'] * u
    lh = fs * 1.42
    maxw = bubble_maxw(c, L)
    out = []
    prev = None
    for it in items:
        if it['type'] == 'sep':
            h = (L['fs'] * 0.78 * u) * 1.3 + (26 * u if L['corners'] != 'ios' else 24 * u)
            out.append(h)
        elif it['type'] == 'sys':
            out.append(44 * u)
        else:
            lines = wrap(c, it['text'], fs, maxw)
            it['_lines'] = lines
            bh = len(lines) * lh + 2 * L['pady'] * u
            if L['corners'] == 'wechat':
                bh = max(bh, 40 * u)
            h = bh + L['gap'] * u
            if group and it['dir'] == 'in':
                h += 19 * u
            if L['own_time']:
                h += 18 * u
            if L['corners'] == 'ios' and prev is not None and prev.get('type') == 'msg' and prev['dir'] != it['dir']:
                h += 8 * u
            out.append(h)
        prev = it
    return out


def bubble_maxw(c, L):
    u = c.u
    if L['corners'] == 'wechat':
        return c.W - 2 * (12 + 40 + 10) * u - 12 * u - 2 * L['padx'] * u
    return c.W * L['maxw'] - 2 * L['padx'] * u


def draw_sep(c, L, y, h, it):
    u = c.u
    fsz = L['fs'] * 0.78 * u
    cy = y + h / 2
    lab = it['label']
    if L['corners'] == 'ios' and ' ' in lab:
        # day part semibold, time regular (iOS style)
        if lab.startswith(('Today', 'Yesterday')) or lab.split(' ')[0] in WD_EN or \
                lab.split(' ')[0] in ('今天', '昨天') or lab.split(' ')[0] in WD_ZH:
            a, b = lab.split(' ', 1)
            wa = c.tw(a, fsz, True)
            wsp = c.tw(' ', fsz)
            wb = c.tw(b, fsz)
            x0 = c.W / 2 - (wa + wsp + wb) / 2
            b1 = c.text(x0, cy, a, fsz, L['sep_fg'], bold=True, anchor='lm', role='sep_part')
            b2 = c.text(x0 + wa + wsp, cy, b, fsz, L['sep_fg'], anchor='lm', role='sep_part')
            c.texts.append({'role': 'sep', 'text': lab, 'bbox': [b1[0], min(b1[1], b2[1]), b2[2], max(b1[3], b2[3])]})
            return
    c.text(c.W / 2, cy, lab, fsz, L['sep_fg'], anchor='mm', role='sep')


def ios_tail(c, xe, yb, col, right):
    u = c.u
    sg = 1 if right else -1
    pts = [(xe - sg * 18 * u, yb - 18 * u), (xe - sg * 18 * u, yb)]
    tip = (xe + sg * 6 * u, yb + 0.2 * u)
    pts.append(tip)
    p0, ctrl, p1 = tip, (xe + sg * 0.5 * u, yb - 2 * u), (xe, yb - 17 * u)
    for k in range(1, 13):
        t = k / 12
        x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * ctrl[0] + t * t * p1[0]
        y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * ctrl[1] + t * t * p1[1]
        pts.append((x, y))
    c.polygon(pts, col)


def draw_msg(c, L, y, h, it, group, avatars, last_in_run):
    u = c.u
    fs = L['fs'] * u
    lh = fs * 1.42
    lines = it['_lines']
    tws = [c.tw(ln, fs) for ln, _ in lines]
    bw = max(tws) + 2 * L['padx'] * u
    bh = len(lines) * lh + 2 * L['pady'] * u
    out = it['dir'] == 'out'
    bg = L['out_bg'] if out else L['in_bg']
    fg = L['out_fg'] if out else L['in_fg']
    cor = L['corners']
    ytop = y
    if cor == 'ios' and it.get('_extra_top'):
        ytop += 8 * u
    if cor == 'wechat':
        av = 40 * u
        side = L['side'] * u
        if group and not out:
            xn = side + av + 10 * u
            c.text(xn, ytop + 7 * u, it['nick'], 12 * u, L['sub'], anchor='lm', role='nick')
            ytop += 19 * u
        bh = max(bh, av)
        if out:
            ax1 = c.W - side
            avatar(c, [ax1 - av, ytop, ax1, ytop + av], avatars['me'])
            bx1 = ax1 - av - 10 * u
            bx0 = bx1 - bw
            c.rrect([bx0, ytop, bx1, ytop + bh], L['r'] * u, fill=bg)
            c.polygon([(bx1 - 1, ytop + 14 * u), (bx1 + 6 * u, ytop + 20 * u), (bx1 - 1, ytop + 26 * u)], bg)
        else:
            ax0 = side
            avatar(c, [ax0, ytop, ax0 + av, ytop + av], avatars.get(it['nick'] or 'peer', avatars['peer']))
            bx0 = ax0 + av + 10 * u
            bx1 = bx0 + bw
            c.rrect([bx0, ytop, bx1, ytop + bh], L['r'] * u, fill=bg)
            c.polygon([(bx0 + 1, ytop + 14 * u), (bx0 - 6 * u, ytop + 20 * u), (bx0 + 1, ytop + 26 * u)], bg)
        ty = ytop + (bh - len(lines) * lh) / 2
    else:
        side = L['side'] * u
        if out:
            bx1 = c.W - side
            bx0 = bx1 - bw
        else:
            bx0 = side
            bx1 = bx0 + bw
        R = min(L['r'] * u, bh / 2)
        if cor == 'round':
            c.rrect([bx0, ytop, bx1, ytop + bh], R, fill=bg)
        elif cor == 'tail_bottom':
            c.rrect([bx0, ytop, bx1, ytop + bh], R, fill=bg,
                    corners=(True, True, not out, out))
        elif cor == 'tail_top':
            c.rrect([bx0, ytop, bx1, ytop + bh], R, fill=bg, corners=(out, not out, True, True))
        elif cor == 'ios':
            c.rrect([bx0, ytop, bx1, ytop + bh], R, fill=bg)
            if last_in_run:
                ios_tail(c, bx1 if out else bx0, ytop + bh, bg, out)
        ty = ytop + L['pady'] * u
    bb = []
    for k, (ln, _) in enumerate(lines):
        bb.append(c.text(bx0 + L['padx'] * u, ty + lh * (k + 0.5), ln, fs, fg, anchor='lm', role='msg_line'))
    rec = {'role': 'msg', 'dir': it['dir'], 'lines': [[a, b] for a, b in lines], 'bbox': [bx0, ytop, bx1, ytop + bh],
           'nick': it['nick'] if group and not out else None, 'own': None}
    if L['own_time']:
        tx = bx1 if out else bx0
        c.text(tx + (-4 * u if out else 4 * u), ytop + bh + 10 * u, it['own'], 11 * u, L['sub'],
               anchor='rm' if out else 'lm', role='own_time')
        rec['own'] = it['own']
    c.texts.append(rec)


def render_chat(spec, items_all, start, mode):
    """spec: file spec; items_all: full thread items; start: first item index (must be sep).
    mode: 'head' (top aligned from start) or 'tail' (choose start so the end fits, bottom aligned).
    Returns (canvas, placed item indices)"""
    lay = spec['layout']
    W, H = spec['size']
    ios = spec['ios_frame']
    u = 3.0 if ios else 2.75
    L = chat_style(lay, spec['dark'], u, W)
    L['own_time'] = lay == 'vivo_sms'
    group = lay == 'wechat_group'
    c = Canvas(W, H, L['bg'], u)
    sb_h = (47 if ios else 36) * u
    bgc = L['bg']
    # header
    if lay == 'iphone_sms':
        top = header_ios(c, L, sb_h, spec['head'], spec['en'])
    elif lay in ('wechat', 'wechat_group'):
        top = header_wechat(c, L, sb_h, spec['head'])
    else:
        top = header_android_sms(c, L, sb_h, spec['head'])
    stv = 'ios' if ios else {'huawei_sms': 'huawei', 'xiaomi_sms': 'xiaomi', 'vivo_sms': 'vivo'}.get(lay, 'std')
    status_bar(c, 0, sb_h, L['fg'] if lay != 'iphone_sms' else L['fg'],
               '#161618' if (lay == 'iphone_sms' and spec['dark']) else ('#F6F6F6' if lay == 'iphone_sms' else bgc),
               spec['status_time'], stv, spec['battery'])
    if lay == 'iphone_sms':
        bottom = input_ios(c, L, spec['en'])
    elif lay in ('wechat', 'wechat_group'):
        bottom = input_wechat(c, L, ios)
    else:
        bottom = input_android_sms(c, L)
    # place items
    for i, it in enumerate(items_all):
        it['_extra_top'] = False
    if L['corners'] == 'ios':
        for i in range(1, len(items_all)):
            a, b = items_all[i - 1], items_all[i]
            if a['type'] == 'msg' and b['type'] == 'msg' and a['dir'] != b['dir']:
                b['_extra_top'] = True
    top_pad = 14 * u
    ios_label = None
    if lay == 'iphone_sms' and start == 0 and spec.get('thread_start_label', True):
        ios_label = ('Text Message' if spec['en'] else '短信/彩信')
    hs = measure_items(c, L, items_all, group)
    avail = bottom - top - top_pad - 8 * u - (26 * u if ios_label else 0)
    if mode == 'tail':
        # earliest sep index whose suffix fits
        sep_idx = [i for i, it in enumerate(items_all) if it['type'] == 'sep']
        chosen = sep_idx[-1]
        for si in reversed(sep_idx):
            if sum(hs[si:]) <= avail:
                chosen = si
            else:
                break
        start = chosen
        ios_label = ios_label if start == 0 else None
    idx = []
    tot = 0
    for i in range(start, len(items_all)):
        it = items_all[i]
        if tot + hs[i] > avail:
            break
        idx.append(i)
        tot += hs[i]
    while idx and items_all[idx[-1]]['type'] != 'msg':
        tot -= hs[idx[-1]]
        idx.pop()
    y = top + top_pad
    if ios_label:
        c.text(c.W / 2, y + 10 * u, ios_label, 11 * u, L['sep_fg'], anchor='mm', role='label')
        y += 26 * u
    if mode == 'tail' and lay not in ('wechat', 'wechat_group', 'iphone_sms'):
        y += (avail - tot)
    avatars = spec.get('avatars', {'me': '#6A8CAF', 'peer': '#B07A5A'})
    for n, i in enumerate(idx):
        it = items_all[i]
        if it['type'] == 'sep':
            draw_sep(c, L, y, hs[i], it)
        elif it['type'] == 'sys':
            c.text(c.W / 2, y + hs[i] / 2, it['text'], 12 * u, L['sep_fg'], anchor='mm', role='sys')
        else:
            nxt = items_all[i + 1] if i + 1 < len(items_all) else None
            last_run = not (nxt and nxt['type'] == 'msg' and nxt['dir'] == it['dir'])
            draw_msg(c, L, y, hs[i], it, group, avatars, last_run)
            if lay == 'iphone_sms' and it['dir'] == 'out' and i == len(items_all) - 1 and spec.get('delivered'):
                c.text(c.W - L['side'] * u - 4 * u, y + hs[i] + 6 * u, 'Delivered' if spec['en'] else '已送达',
                       11 * u, L['sub'], anchor='rm', role='label')
        y += hs[i]
    nav_bar(c, L, ios=ios)
    return c, idx, L


# --------------------------------------------------------------------------
# call logs
# --------------------------------------------------------------------------
def fmt_dur(s, style):
    m, sec = divmod(s, 60)
    if style == 'huawei':
        return f'{m}分{sec}秒' if m else f'{sec}秒'
    return f'{m}分{sec:02d}秒' if m else f'{sec}秒'


def build_calls(layout, taken, n):
    P = persona()
    callers = []
    k = rng.randint(3, 5)
    for _ in range(k):
        d = phone_digits()
        st = rng.choice(['grouped', 'grouped', 'plus', 'plain']) if layout != 'iphone_calls' else rng.choice(
            ['plus', 'plus', 'grouped'])
        callers.append({'disp': fmt_mobile(d, st), 'sender': d, 'loc': rng.choice(REGIONS), 'w': 3})
    for nm in rng.sample(['妈妈', '老婆', '速易花催收', '张涛', '表哥', '公司-刘主管', '米粒借客服', '调解员周老师'], 2):
        callers.append({'disp': nm, 'sender': nm, 'loc': rng.choice(REGIONS), 'w': 1, 'contact': True})
    s95 = n95()
    callers.append({'disp': s95, 'sender': s95, 'loc': '', 'w': 1})
    if layout != 'iphone_calls':
        fd, fdisp = fixed_line()
        callers.append({'disp': fdisp, 'sender': fd, 'loc': rng.choice(REGIONS), 'w': 1})
        h4 = f'400{rng.randint(6000000, 8999999)}'
        callers.append({'disp': f'{h4[:3]} {h4[3:6]} {h4[6:]}', 'sender': h4, 'loc': '', 'w': 1})
    # times
    if layout == 'iphone_calls':
        times = []
        t = taken - dt.timedelta(minutes=rng.randint(3, 40))
        for _ in range(n):
            times.append(t)
            t = t - dt.timedelta(minutes=rng.randint(6, 55))
            if t.date() != taken.date() or t.hour < 7:
                break
        if len(times) < 11:
            raise RuntimeError('too few calls for today')
    else:
        times = []
        t = taken - dt.timedelta(minutes=rng.randint(3, 60))
        for _ in range(n):
            times.append(t)
            step = rng.choice([rng.randint(5, 50), rng.randint(60, 400), rng.randint(600, 2600)])
            t = t - dt.timedelta(minutes=step)
            if t.hour < 7:
                t = (t - dt.timedelta(days=1)).replace(hour=rng.randint(18, 22))
    rows = []
    for t in times:
        cl = rng.choices(callers, weights=[c_['w'] for c_ in callers])[0]
        r = rng.random()
        if cl.get('contact') and cl['disp'] in ('妈妈', '老婆', '张涛', '表哥'):
            typ = rng.choice(['incoming', 'outgoing', 'missed'])
        else:
            typ = 'missed' if r < 0.5 else 'incoming' if r < 0.75 else 'outgoing'
        dur = None
        unans = False
        if typ in ('incoming', 'outgoing'):
            if typ == 'outgoing' and rng.random() < 0.2:
                unans = True
            else:
                dur = rng.choice([rng.randint(4, 59), rng.randint(60, 600)])
        rows.append({'at': t.replace(second=0, microsecond=0), 'disp': cl['disp'], 'sender': cl['sender'],
                     'contact': cl.get('contact', False),
                     'loc': cl['loc'], 'type': typ, 'dur': dur, 'unans': unans, 'rings': rng.randint(1, 9)})
    rows.sort(key=lambda r_: r_['at'], reverse=True)
    return rows


def render_calls(spec, rows):
    lay = spec['layout']
    W, H = spec['size']
    dark = spec['dark']
    ios = lay == 'iphone_calls'
    u = 3.0 if ios else 2.75
    en = spec['en']
    bg = '#000000' if dark else '#FFFFFF'
    fg = '#E8E8E8' if dark else '#191919'
    sub = '#8C8C8C' if dark else ('#8A8A8E' if ios else '#8A8A8A')
    red = {'huawei_calls': '#FF5A45' if dark else '#E84026', 'xiaomi_calls': '#FF5B45' if dark else '#F5412B',
           'iphone_calls': '#FF453A' if dark else '#FF3B30'}[lay]
    c = Canvas(W, H, bg, u)
    sb_h = (47 if ios else 36) * u
    status_bar(c, 0, sb_h, fg, bg, spec['status_time'], 'ios' if ios else ('huawei' if lay == 'huawei_calls' else 'xiaomi'),
               spec['battery'])
    y = sb_h
    logs = []
    if lay == 'huawei_calls':
        c.text(24 * u, y + 38 * u, '电话', 30 * u, fg, bold=True, anchor='lm', role='title')
        ic_more_v(c, c.W - 24 * u, y + 38 * u, fg)
        y += 76 * u
        c.rrect([16 * u, y, c.W - 16 * u, y + 40 * u], 20 * u, fill='#1C1C1C' if dark else '#F1F3F5')
        ic_search(c, 38 * u, y + 19 * u, sub, r=6 * u)
        c.text(54 * u, y + 20 * u, '搜索联系人', 15 * u, sub, anchor='lm', role='placeholder')
        y += 52 * u
        rh = 68 * u
        tab_h = 62 * u
    elif lay == 'xiaomi_calls':
        c.text(24 * u, y + 34 * u, '通话记录', 26 * u, fg, bold=True, anchor='lm', role='title')
        ic_more_v(c, c.W - 22 * u, y + 34 * u, fg)
        y += 66 * u
        c.rrect([18 * u, y, c.W - 18 * u, y + 38 * u], 19 * u, fill='#1C1C1C' if dark else '#F3F3F3')
        ic_search(c, 40 * u, y + 18 * u, sub, r=6 * u)
        c.text(56 * u, y + 19 * u, '搜索', 14 * u, sub, anchor='lm', role='placeholder')
        y += 50 * u
        rh = 70 * u
        tab_h = 62 * u
    else:
        blue = '#0A84FF' if dark else '#007AFF'
        c.text(16 * u, y + 22 * u, 'Edit' if en else '编辑', 17 * u, blue, anchor='lm', role='title')
        segw = 180 * u
        sx0 = c.W / 2 - segw / 2
        c.rrect([sx0, y + 8 * u, sx0 + segw, y + 36 * u], 8 * u, fill='#1C1C1E' if dark else '#EEEEEF')
        c.rrect([sx0 + 2 * u, y + 10 * u, sx0 + segw / 2, y + 34 * u], 7 * u, fill='#636366' if dark else '#FFFFFF')
        c.text(sx0 + segw / 4 + 1 * u, y + 22 * u, 'All' if en else '所有通话', 13 * u, fg, bold=True, anchor='mm', role='title')
        c.text(sx0 + 3 * segw / 4, y + 22 * u, 'Missed' if en else '未接来电', 13 * u, fg, anchor='mm', role='title')
        y += 46 * u
        c.text(16 * u, y + 22 * u, 'Recents' if en else '最近通话', 30 * u, fg, bold=True, anchor='lm', role='title')
        y += 52 * u
        rh = 60 * u
        tab_h = 83 * u
    bottom = c.H - tab_h
    hair = '#262626' if dark else '#E6E6E6'
    placed = []
    for r in rows:
        if y + rh > bottom - 4 * u:
            break
        cy = y + rh / 2
        col = red if r['type'] == 'missed' else fg
        if lay == 'huawei_calls':
            x = 24 * u
            c.text(x, cy - 11 * u, r['disp'], 17 * u, col, anchor='lm', role='call_name')
            sx = x
            icon = None
            if r['type'] == 'outgoing':
                ic_arrow_out(c, sx, cy + 13 * u, sub)
                icon = 'out'
                sx += 11 * u
            parts = []
            if r['loc']:
                parts.append(r['loc'])
            if r['dur'] is not None:
                parts.append(fmt_dur(r['dur'], 'huawei'))
            elif r['type'] == 'missed':
                parts.append(f'响铃{r["rings"]}声')
            elif r['unans']:
                parts.append('未接通')
            subs = '  '.join(parts)
            if subs:
                c.text(sx, cy + 13 * u, subs, 12.5 * u, sub, anchor='lm', role='call_sub')
            ts = fmt_sep('huawei_calls', r['at'], spec['taken'])
            c.text(c.W - 58 * u, cy, ts, 12.5 * u, sub, anchor='rm', role='call_time')
            ic_info(c, c.W - 32 * u, cy, sub, r=9 * u)
            c.rect([x, y + rh - 0.6 * u, c.W - 16 * u, y + rh], fill=hair)
        elif lay == 'xiaomi_calls':
            x = 24 * u
            c.text(x, cy - 12 * u, r['disp'], 17 * u, col, anchor='lm', role='call_name')
            icon = None
            lab = {'incoming': '呼入', 'outgoing': '呼出', 'missed': '未接'}[r['type']]
            parts = [lab]
            if r['dur'] is not None:
                parts[0] = lab + ' ' + fmt_dur(r['dur'], 'xiaomi')
            elif r['unans']:
                parts[0] = '呼出 未接通'
            elif r['type'] == 'missed':
                parts[0] = f'未接 响铃{r["rings"]}声'
            if r['loc']:
                parts.append(r['loc'])
            c.text(x, cy + 13 * u, '  '.join(parts), 12.5 * u, red if r['type'] == 'missed' else sub, anchor='lm',
                   role='call_sub')
            ts = fmt_sep('xiaomi_calls', r['at'], spec['taken'])
            c.text(c.W - 56 * u, cy, ts, 12.5 * u, sub, anchor='rm', role='call_time')
            ic_info(c, c.W - 30 * u, cy, sub, r=9 * u)
            c.rect([x, y + rh - 0.6 * u, c.W - 18 * u, y + rh], fill=hair)
        else:
            x = 40 * u
            icon = None
            if r['type'] == 'outgoing':
                ic_phone(c, 22 * u, cy - 10 * u, sub, s=0.55, width=1.4)
                icon = 'out'
            c.text(x, cy - 10 * u, r['disp'], 17 * u, col, bold=False, anchor='lm', role='call_name')
            if r.get('contact'):
                lab = 'mobile' if en else '手机'
            else:
                lab = r['ios_sub']
            c.text(x, cy + 12 * u, lab, 13.5 * u, sub, anchor='lm', role='call_sub')
            ts = fmt_sep('ios_calls_en' if en else 'ios_calls_zh', r['at'], spec['taken'])
            c.text(c.W - 48 * u, cy, ts, 14.5 * u, sub, anchor='rm', role='call_time')
            ic_info(c, c.W - 25 * u, cy, '#0A84FF' if dark else '#007AFF', r=10 * u)
            c.rect([x, y + rh - 0.5 * u, c.W, y + rh], fill=hair)
        rec = {'role': 'call', 'disp': r['disp'], 'type_color': 'red' if r['type'] == 'missed' else 'normal',
               'icon': icon, 'bbox': [0, y, c.W, y + rh], 'time': None}
        c.texts.append(rec)
        placed.append(r)
        y += rh
    # bottom tab bar
    tb0 = c.H - tab_h
    c.rect([0, tb0, c.W, c.H], fill='#121212' if dark else ('#F9F9F9' if ios else '#FFFFFF'))
    c.rect([0, tb0, c.W, tb0 + 0.5 * u], fill=hair)
    if lay == 'huawei_calls':
        tabs = ['拨号', '联系人', '收藏', '畅连']
        act = 0
    elif lay == 'xiaomi_calls':
        tabs = ['拨号', '联系人', '收藏', '营业厅']
        act = 0
    else:
        tabs = ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']
        act = 1
    n = len(tabs)
    accent = '#0A84FF' if ios else ('#3F97E9' if lay == 'huawei_calls' else '#2F8CFA')
    for k, t in enumerate(tabs):
        cx = c.W * (k + 0.5) / n
        colr = accent if k == act else sub
        c.ellipse([cx - 9 * u, tb0 + 10 * u, cx + 9 * u, tb0 + 28 * u], outline=colr, width=1.8 * u)
        c.text(cx, tb0 + 38 * u, t, 10.5 * u, colr, anchor='mm', role='tab')
    if ios:
        c.rrect([c.W / 2 - 67 * u, c.H - 13 * u, c.W / 2 + 67 * u, c.H - 8 * u], 2.5 * u,
                fill='#E5E5E5' if dark else '#1A1A1A')
    else:
        c.rrect([c.W / 2 - 54 * u, c.H - 10 * u, c.W / 2 + 54 * u, c.H - 7 * u], 1.5 * u,
                fill='#9A9A9A' if dark else '#3A3A3A')
    return c, placed


# --------------------------------------------------------------------------
# file plan
# --------------------------------------------------------------------------
PLAN = [  # layout, count, pairs
    ('huawei_sms', 16, 1), ('xiaomi_sms', 16, 1), ('oppo_sms', 8, 0), ('vivo_sms', 8, 1),
    ('iphone_sms', 16, 1), ('wechat', 16, 2), ('wechat_group', 12, 2),
    ('huawei_calls', 7, 0), ('xiaomi_calls', 7, 0), ('iphone_calls', 7, 0),
]
SEP_STYLE = {'huawei_sms': 'huawei', 'xiaomi_sms': 'xiaomi', 'oppo_sms': 'oppo', 'vivo_sms': 'vivo'}
KIND = {'huawei_sms': 'sms', 'xiaomi_sms': 'sms', 'oppo_sms': 'sms', 'vivo_sms': 'sms', 'iphone_sms': 'sms',
        'wechat': 'im', 'wechat_group': 'im', 'huawei_calls': 'call', 'xiaomi_calls': 'call', 'iphone_calls': 'call'}


def rand_taken():
    d0 = dt.date(2025, 5, 1)
    span = (dt.date(2026, 11, 25) - d0).days
    d = d0 + dt.timedelta(days=rng.randint(0, span))
    h = rng.choice([rng.randint(8, 12), rng.randint(13, 18), rng.randint(19, 23)])
    return dt.datetime(d.year, d.month, d.day, h, rng.randint(0, 59), rng.randint(0, 59), tzinfo=CST)


def sms_head(layout, kind, P, en):
    """returns head dict and sender"""
    if kind == 'svc106':
        num = n106()
        return {'title': num, 'subtitle': None}, num
    if kind == 'svc95':
        num = n95()
        return {'title': num, 'subtitle': None}, num
    if kind in ('relative',):
        nm = rng.choice(['妈妈', '老爸', '姐姐', '老婆', '表哥', '二姨', '舅舅'])
        return {'title': nm, 'subtitle': None, 'initials': None}, nm
    if kind == 'lawfix':
        d, disp = fixed_line()
        return {'title': disp, 'subtitle': rng.choice(REGIONS)}, d
    if kind == 'named_collector':
        nm = rng.choice([P['brand'] + '催收', P['collector'] + '(' + P['brand'] + ')', P['agency'],
                         P['brand'] + '贷后' + P['collector']])
        return {'title': nm, 'subtitle': None, 'initials': None}, nm
    d = phone_digits()
    if layout == 'iphone_sms':
        st = rng.choice(['plus', 'plus', 'grouped', 'plusplain'])
    else:
        st = rng.choice(['grouped', 'plus', 'plain', 'grouped'])
    sub = rng.choice(REGIONS) if layout in ('huawei_sms', 'xiaomi_sms', 'oppo_sms') and rng.random() < 0.6 else None
    return {'title': fmt_mobile(d, st), 'subtitle': sub}, d


def main():
    os.makedirs(os.path.join(HERE, 'verify'), exist_ok=True)
    for f in os.listdir(HERE):
        if f.endswith('.png'):
            os.remove(os.path.join(HERE, f))
    truth, drawlog = [], []
    used_names = set()
    thread_no = 0

    def fname(layout, idx, taken, img_style):
        if img_style:
            t = taken
            while True:
                nm = f'IMG_{t:%Y%m%d_%H%M%S}.png'
                if nm not in used_names:
                    break
                t = t + dt.timedelta(seconds=1)
        else:
            nm = f'{layout}_{idx:02d}.png'
        used_names.add(nm)
        return nm

    for layout, count, npairs in PLAN:
        # decide which indices start pairs
        pair_starts = set()
        if npairs:
            cands = list(range(1, count - 1, 2))
            pair_starts = set(sorted(rng.sample(cands, npairs)))
        slots, k_ = [], 1
        while k_ <= count:
            slots.append((k_, k_ in pair_starts))
            k_ += 2 if k_ in pair_starts else 1
        single = [k_ for k_, p_ in slots if not p_]
        en_slots = set()
        if layout == 'iphone_sms':
            en_slots = set(rng.sample(single, 6))
        elif layout == 'iphone_calls':
            en_slots = set(rng.sample(single, 2))
        dark_slots = set(rng.sample([k_ for k_, p_ in slots], round(len(slots) * 0.36)))
        img_slots = set(rng.sample([k_ for k_, p_ in slots], (len(slots) + rng.randint(0, 1)) // 2))
        idx = 1
        while idx <= count:
            is_pair = idx in pair_starts
            dark = idx in dark_slots
            taken = rand_taken()
            img_style = idx in img_slots
            en = idx in en_slots
            if layout in ('iphone_sms', 'iphone_calls'):
                size, ios = (1170, 2532), True
            elif layout in ('wechat', 'wechat_group'):
                ios = rng.random() < 0.35
                size = (1170, 2532) if ios else rng.choice([(1080, 2340), (1080, 2400)])
            elif layout in ('huawei_sms', 'vivo_sms', 'huawei_calls'):
                size, ios = rng.choice([(1080, 2340), (1080, 2400)]), False
            else:
                size, ios = (1080, 2400), False
            spec = {'layout': layout, 'dark': dark, 'size': size, 'ios_frame': ios, 'en': en, 'taken': taken,
                    'battery': rng.randint(18, 98)}
            thread_id = None
            if is_pair:
                thread_no += 1
                thread_id = f'T{thread_no:02d}'
            kind = KIND[layout]
            shots = []   # list of (spec copy, items/rows, start, mode)
            if kind == 'call':
                n = 14
                if layout == 'iphone_calls':
                    while taken.hour < 17:
                        taken = rand_taken()
                    spec['taken'] = taken
                rows = build_calls(layout, taken, n)
                if layout == 'iphone_calls':
                    subs_ = {}
                    for r in rows:
                        if not r['contact']:
                            if r['sender'] in subs_:
                                r['ios_sub'] = subs_[r['sender']]
                                continue
                            subs_[r['sender']] = r['ios_sub'] = ('unknown' if en else '未知') if rng.random() < 0.3 else (
                                'China' if en else '中国大陆') if rng.random() < 0.4 else r['loc'].replace(' ', '') if not en else 'China'
                spec['status_time'] = t24(taken)
                c, placed = render_calls(spec, rows)
                name = fname(layout, idx, taken, img_style)
                c.save(os.path.join(HERE, name))
                recs = []
                for r in placed:
                    recs.append({'kind': 'call', 'sender': r['sender'], 'occurred_at': r['at'].isoformat(),
                                 'direction': 'out' if r['type'] == 'outgoing' else 'in', 'text': None,
                                 'call_type': r['type'],
                                 'duration_seconds': r['dur'] if layout != 'iphone_calls' else None})
                truth.append({'file': name, 'layout': layout, 'dark': dark, 'taken_on': taken.date().isoformat(),
                              'thread': None, 'records': recs})
                drawlog.append({'file': name, 'layout': layout, 'taken': taken.isoformat(), 'en': en,
                                'size': size, 'texts': c.texts})
                idx += 1
                continue
            P = persona()
            # ---------------------------------------------------- thread content
            if layout in ('wechat', 'wechat_group'):
                if layout == 'wechat':
                    wk = rng.choice(['collector', 'collector', 'relative', 'friend', 'mediator'])
                    if wk == 'collector':
                        title = rng.choice([f'{P["brand"]}-{P["collector"]}', f'{P["collector"]}({P["brand"]})',
                                            f'{P["agency"]}小周', 'A贷后服务-晓雯', f'{P["brand"]}客服经理'])
                    elif wk == 'relative':
                        title = rng.choice(['妈', '老爸', '姐', '老婆', '表哥王磊', '二姨'])
                    elif wk == 'friend':
                        title = rng.choice(['张涛', '阿杰', '老同学刘洋', '陈晨'])
                    else:
                        title = rng.choice(['调解员周老师', f'{P["agency"]}-调解中心', '协商专员林女士'])
                    nclu = 11 if is_pair else rng.randint(3, 5)
                    cl = build_wx_thread(wk, P, taken, nclu)
                    sender = title
                    head = {'title': title}
                    spec['avatars'] = {'me': rng.choice(['#5B7FA6', '#7A9A5C', '#A0785A']),
                                       'peer': rng.choice(['#B45F4E', '#6E6AA8', '#4E8F8A', '#C08A3E'])}
                else:
                    gk = rng.choice(['collect', 'collect', 'family', 'nego'])
                    if gk == 'collect':
                        gname = rng.choice([f'{P["name"]}欠款处理群', f'{P["brand"]}逾期通知群', f'{P["name"]}失信曝光群',
                                            f'{P["brand"]}债务催收群'])
                        members = {'collector': rng.choice([f'{P["brand"]}-法务部', f'催收专员{P["collector"][0]}经理',
                                                            f'{P["agency"]}']),
                                   'contacts': rng.sample(['张涛', '李姐', '老同学刘洋', '陈晨', '王建国', '同事小吴', '阿杰'], 3)}
                    elif gk == 'family':
                        gname = rng.choice(['相亲相爱一家人', '王家大院', '幸福一家人', '我们家'])
                        members = {'contacts': rng.sample(['老爸', '老妈', '二姨', '表哥王磊', '大姑', '舅舅', '姐姐'], 3)}
                    else:
                        gname = rng.choice([f'{P["brand"]}还款协商群', f'{P["name"]}分期协商', '还款方案沟通群'])
                        members = {'contacts': [f'{P["brand"]}客服-小美', f'调解员-{P["collector"][0]}老师']}
                    nmem = rng.randint(4, 30) if gk == 'collect' else rng.randint(4, 12)
                    title = f'{gname}({nmem})'
                    head = {'title': title}
                    sender = gname
                    nclu = 11 if is_pair else rng.randint(3, 5)
                    cl = build_group_thread(gk, P, members, taken, nclu)
                    pal = ['#B45F4E', '#6E6AA8', '#4E8F8A', '#C08A3E', '#8A5A9E', '#5E8C4A']
                    avs = {'me': '#5B7FA6', 'peer': '#999999'}
                    for k_, m_ in enumerate([members.get('collector')] + members['contacts']):
                        if m_:
                            avs[m_] = pal[k_ % len(pal)]
                    spec['avatars'] = avs
                style = 'wechat12' if rng.random() < 0.5 else 'wechat24'
                items = clusters_to_items(cl, style, taken, own_time=False, sender=sender)
                # a few "recalled message" system lines (not records)
                if rng.random() < 0.2:
                    pos = [i for i, it in enumerate(items) if it['type'] == 'msg' and it['dir'] == 'in']
                    if pos:
                        p_ = rng.choice(pos)
                        who = '对方' if layout == 'wechat' else f'"{items[p_]["nick"]}"'
                        items.insert(p_ + 1, {'type': 'sys', 'text': f'{who}撤回了一条消息'})
            else:
                if layout == 'iphone_sms' and en:
                    sk = 'en_mix' if rng.random() < 0.8 else 'svc106'
                else:
                    sk = rng.choice(['svc106', 'svc106', 'svc95', 'collector', 'collector', 'court', 'relative',
                                     'named_collector', 'lawfix'])
                    if is_pair:
                        sk = rng.choice(['collector', 'relative', 'named_collector', 'collector'])
                head, sender = sms_head(layout, sk if sk != 'en_mix' else 'collector', P, en)
                if layout == 'iphone_sms' and head['title'] and not head['title'][0].isdigit() and \
                        not head['title'].startswith('+'):
                    head['initials'] = None
                if layout == 'iphone_sms':
                    head['badge'] = str(rng.randint(1, 99)) if rng.random() < 0.5 else None
                tk = {'named_collector': 'collector', 'lawfix': 'court'}.get(sk, sk)
                ncl = (14 if is_pair else rng.randint(3, 7))
                cl = build_sms_thread(tk, P, taken, ncl)
                if layout == 'iphone_sms':
                    style = 'ios_en' if en else 'ios_zh'
                else:
                    style = SEP_STYLE[layout]
                items = clusters_to_items(cl, style, taken, own_time=(layout == 'vivo_sms'), sender=sender)
                spec['delivered'] = rng.random() < 0.6
            spec['head'] = head
            spec['status_time'] = t24(taken)
            # ---------------------------------------------------- render
            outs = []
            if is_pair:
                c1, idx1, L = render_chat(spec, items, 0, 'head')
                msgs1 = [i for i in idx1 if items[i]['type'] == 'msg']
                ov = rng.choice([1, 2]) if len(msgs1) >= 3 else 1
                first_ov = msgs1[-ov]
                sep_before = max(i for i in range(first_ov) if items[i]['type'] == 'sep')
                items2 = [items[sep_before]] + items[first_ov:]
                spec2 = dict(spec)
                taken2 = taken + dt.timedelta(seconds=rng.randint(3, 40))
                spec2['status_time'] = t24(taken2)
                c2, idx2, _ = render_chat(spec2, items2, 0, 'head')
                outs.append((c1, [items[i] for i in idx1], taken))
                outs.append((c2, [items2[i] for i in idx2], taken2))
                # both screenshots must be on the same day (relative dates)
                assert taken2.date() == taken.date()
                n2 = len([1 for i in idx2 if items2[i]['type'] == 'msg'])
                assert n2 >= ov + 1, (layout, n2, len(items), len(idx1), len(items2), [len(it.get("_lines", [])) for it in items2])
            else:
                mode = rng.choice(['head', 'tail'])
                c1, idx1, L = render_chat(spec, items, 0, mode)
                outs.append((c1, [items[i] for i in idx1], taken))
            for k_, (cv, placed, tk_) in enumerate(outs):
                name = fname(layout, idx + k_, tk_, img_style)
                cv.save(os.path.join(HERE, name))
                recs = []
                for it in placed:
                    if it['type'] != 'msg':
                        continue
                    if layout == 'wechat_group':
                        snd = it['nick'] if it['dir'] == 'in' else sender
                    else:
                        snd = sender
                    recs.append({'kind': KIND[layout], 'sender': snd, 'occurred_at': it['at'].isoformat(),
                                 'direction': it['dir'], 'text': it['text'], 'call_type': None,
                                 'duration_seconds': None})
                truth.append({'file': name, 'layout': layout, 'dark': dark, 'taken_on': tk_.date().isoformat(),
                              'thread': thread_id, 'records': recs})
                drawlog.append({'file': name, 'layout': layout, 'taken': tk_.isoformat(), 'en': en, 'size': size,
                                'texts': cv.texts})
            idx += len(outs)
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'verify', 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in drawlog:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    write_readme(truth)
    print(len(truth), 'files')


LAYOUT_DESC = {
    'huawei_sms': 'Huawei/Honor Messages (EMUI/HarmonyOS): signal icons left and clock right in the status bar, '
                  'back arrow + bold number/name left-aligned (optional location line), light grey page, '
                  'white incoming / blue outgoing rounded bubbles, centred grey separators "昨天 23:15", '
                  '"星期三 09:12", "6月10日 15:05", input field "短信" with "卡1".',
    'xiaomi_sms': 'Xiaomi Messages (MIUI/HyperOS): centred bold title with optional location, white page, grey incoming / '
                  'blue outgoing bubbles with one square bottom corner, 12-hour Chinese separators '
                  '"上午10:03", "昨天 下午11:15", "星期三 上午9:12", "6月10日 下午3:05".',
    'oppo_sms': 'OPPO Messages (ColorOS): left-aligned title, green phone icon, grey incoming / green outgoing bubbles, '
                'separators "10:03", "昨天 23:15", "星期三 09:12" and, older, "2025/6/10 14:20".',
    'vivo_sms': 'vivo Messages (OriginOS): centred title, white incoming / blue outgoing bubbles with one square top '
                'corner, a small own time ("09:14") under EVERY bubble, separators "今天 09:12", "昨天 23:15", '
                '"星期三 09:12", "6月10日 15:05".',
    'iphone_sms': 'iPhone Messages, 1170x2532: grey header with round avatar and name/number under it, '
                  '"短信/彩信" / "Text Message" label at the start of a thread, grey incoming / green (SMS) outgoing '
                  'bubbles with tails, separators "今天 10:03", "昨天 23:15", "星期三 09:12", '
                  '"6月10日 星期二 15:05" (Chinese UI) and "Today 10:03 AM", "Yesterday 11:15 PM", "Wednesday 9:12 AM", '
                  '"Wed, Jun 10 at 9:30 AM" (English UI), "已送达"/"Delivered" under a final outgoing message.',
    'wechat': 'WeChat one-to-one chat (Android 1080 wide or iPhone 1170 wide frame): #EDEDED page, square avatars, '
              'white incoming / green outgoing bubbles with small side tail, grey time separators in 24-hour '
              '("10:03", "昨天 23:15", "星期三 09:12", "6月10日 15:05") or 12-hour style ("上午10:03", '
              '"昨天 晚上11:15", "6月10日 下午3:05", "2024年12月3日 下午3:05"), voice/emoji/plus input bar.',
    'wechat_group': 'WeChat group chat: as wechat, header "群名(N)", grey sender nickname above every incoming '
                    'bubble; occasional recall notice line.',
    'huawei_calls': 'Huawei/Honor Phone app call log: large title "电话", search field, rows with number/name '
                    '(red = missed), second line location + duration ("1分23秒", "45秒") / "响铃5声" (missed) / '
                    '"未接通" (outgoing not answered), a small north-east arrow before the second line for outgoing '
                    'calls, time at the right ("15:05", "昨天 23:15", "星期三 09:12", "6月10日 15:05"), tab bar.',
    'xiaomi_calls': 'Xiaomi Phone app call log: title "通话记录", rows with number/name (red = missed), second line '
                    '"呼入 2分05秒" / "呼出 38秒" / "呼出 未接通" / "未接 响铃4声" + location, 12-hour Chinese time at '
                    'the right ("下午3:05", "昨天 下午11:15", "星期三 上午9:12").',
    'iphone_calls': 'iPhone Phone app "最近通话"/"Recents": segmented control, rows with name/number (red = missed), '
                    'second line "手机"/"未知"/"中国大陆"/province ("mobile"/"unknown"/"China"), small handset icon '
                    'left of outgoing calls, time at the right ("下午3:05" / "3:05 PM"), blue info button. All rows '
                    'are from the day the screenshot was taken (iOS shows only a time for those); no durations.',
}


def write_readme(truth):
    import collections
    per = collections.OrderedDict()
    for t in truth:
        c = per.setdefault(t['layout'], collections.Counter())
        c['files'] += 1
        c['records'] += len(t['records'])
        c['dark'] += t['dark']
        c['img'] += t['file'].startswith('IMG_')
        c['pairfiles'] += bool(t['thread'])
    threads = sorted({t['thread'] for t in truth if t['thread']})
    rows = []
    for lay, c in per.items():
        rows.append(f"| {lay} | {c['files']} | {c['records']} | {c['dark']} | {c['img']} | {c['pairfiles'] // 2} |")
    tot = collections.Counter()
    for c in per.values():
        tot.update(c)
    rows.append(f"| **total** | **{tot['files']}** | **{tot['records']}** | {tot['dark']} | {tot['img']} | "
                f"{tot['pairfiles'] // 2} |")
    desc = '\n'.join(f'- **{k}** -- {v}' for k, v in LAYOUT_DESC.items())
    txt = f"""# ocr_set2 -- frozen benchmark of synthetic phone screenshots (FROZEN)

**This set is frozen.** Nobody may tune, train, fit or adjust a parser (rules, regexes,
thresholds, prompts, models) on these images or on `truth.jsonl`, and nobody may edit
them.  They exist only to *measure* the OCR import (screenshots of Chinese SMS threads,
WeChat chats and call logs -> records).  If a change to the set is ever needed, make a new
set with a new name and a new seed; do not touch this one.

## Who made it, and how

- Made on 2026-12-02 by an independent helper session (Claude, an AI model) started by the
  project for this purpose.  The maker never saw the OCR import parser, its tests or any
  other benchmark set, and worked only in `/work/ocr_set2/`.
- Generator: `make_set.py` (Python 3 + Pillow 13, run with `/work/main/.venv/bin/python
  make_set.py`), fixed seed **20261203**; re-running it reproduces the same files.
- Font: Noto Sans CJK SC (Regular / Bold, `/usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc`,
  face index 2).  Only symbols that this font contains are used as "emoji"
  (e.g. ☀ ♥ ★ ✓ ☎ ⚠ ☝); there is no colour-emoji font.
- Everything is drawn with Pillow shapes and text at 2x and downsampled (LANCZOS), then saved
  as 256-colour palette PNGs.  Sizes: 1080x2340 and 1080x2400 (Android), 1170x2532 (iPhone,
  and WeChat in an iPhone frame).
- Layouts are based only on general public descriptions of each app's look; no real
  screenshot was copied.  All people, companies, courts, case numbers, phone numbers, links,
  bank accounts and amounts are invented.
- Content: a mix of collection SMS / chats (repayment notices, overdue notices, lawful
  reminders, threats, fake court / lawyer letters, messages about calls to relatives and
  contacts, collectors' "exposure" groups, mediation) and the borrower's own replies
  (Chinese, and English replies in the English iPhone UI); long messages wrap over several
  lines; links, phone numbers, amounts and case numbers appear inside messages.
- Every screen has a status bar (clock, signal, Wi-Fi, battery); {tot['dark']} of {tot['files']} are dark mode.
- `verify/check_set.py` re-derives every record from the strings that were drawn
  (`verify/drawlog.jsonl`: each string with its box) using an independent time parser, and
  checks that the result equals `truth.jsonl`, that nothing overlaps or leaves the image, that
  every character exists in the font and that each overlapping pair really overlaps.

## Layouts and counts

| layout | files | records | dark | named IMG_* | overlapping pairs |
|---|---|---|---|---|---|
{chr(10).join(rows)}

iphone_sms has 6 English-UI files (the rest Chinese UI); iphone_calls has 2 English-UI files.

{desc}

## Files and names

About half of the files are named like `IMG_20260318_101500.png` (date and time the
screenshot was taken; the date equals `taken_on`), the rest like `huawei_sms_07.png`.
`taken_on` is given in the truth of every file.  The status-bar clock shows the time the
screenshot was taken.

## truth.jsonl

One JSON object per PNG:

```json
{{"file": "huawei_sms_01.png", "layout": "huawei_sms", "dark": false, "taken_on": "2026-03-18", "thread": null,
 "records": [{{"kind": "sms", "sender": "10694576378461", "occurred_at": "2025-09-29T15:14:00+08:00",
              "direction": "in", "text": "【米粒借】您已成功还款...", "call_type": null, "duration_seconds": null}}]}}
```

Conventions used:

- Records are listed top to bottom as they appear on the screen.  Only fully visible
  messages/rows are drawn (no message is cut by the screen edge), so every drawn message or
  call row is a record and vice versa.
- `kind`: `sms` (SMS apps), `im` (WeChat), `call` (call logs).
- `sender`: the thread header's number as digits only (spaces, dashes and a leading `+86`
  removed, e.g. "+86 171 0000 1111" -> `17100001111`, "0571-8601 2345" -> `057186012345`) or
  the contact name exactly as shown; for both directions of a one-to-one thread.  WeChat
  groups: incoming = the nickname above the bubble; outgoing = the group name from the header
  *without* the member count, e.g. header "王建军欠款处理群(12)" -> `王建军欠款处理群`.  Calls: the
  row's number digits or name.
- `occurred_at`: ISO 8601 with `+08:00`, resolved against `taken_on`: 今天/Today = taken_on,
  昨天/Yesterday = the day before, a weekday name = the date 2-6 days before taken_on with
  that weekday, "6月10日" / "Jun 10" without a year = that date in taken_on's year (the
  screens never show such a date later than taken_on).  A message without its own visible
  time gets the time of the nearest separator above it (every screen starts with a
  separator).  vivo shows an own time under every bubble: that time is used, with the date
  of the separator above.  Seconds are always 00.
- `direction`: `in` / `out`; calls: `in` for incoming and missed, `out` for outgoing.
- `text`: exactly the message as displayed, wrapped lines joined without added spaces for
  Chinese and with a single space where an English sentence was wrapped between words; a
  link or number split over two lines is joined without a space.  Calls: `null`.
- `call_type`: `incoming` | `outgoing` | `missed` for calls (Huawei: red = missed, arrow =
  outgoing, otherwise incoming; Xiaomi: the 呼入/呼出/未接 label; iPhone: red = missed,
  handset icon = outgoing), else `null`.
- `duration_seconds`: integer for a connected call whose row shows a duration (Huawei,
  Xiaomi), else `null` (missed, "未接通", and all iPhone rows, which show no duration).
- Not records: status bar, headers, input-field placeholders ("短信", "短信/彩信",
  "Text Message"), the "短信/彩信"/"Text Message" thread label, "已送达"/"Delivered", WeChat
  recall notices ("…撤回了一条消息"), tab bars.
- `thread`: `null`, or for the {len(threads)} pairs of overlapping screenshots of one long thread
  ({', '.join(threads)}) the same id in both files.  The second screenshot of a pair starts
  with the separator above and the last 1-2 messages of the first one (those messages appear
  as records in both files; same taken_on, status-bar time a few seconds later).
"""
    with open(os.path.join(HERE, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(txt)


if __name__ == '__main__':
    main()
