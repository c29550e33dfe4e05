#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""make_set.py - deterministic generator of OCR benchmark set 15.

Synthetic phone screenshots (SMS threads, WeChat chats, call logs) with
invented Chinese debt-collection traffic.  Everything is fictitious.

    /tmp/set15venv/bin/python make_set.py

writes the images, truth.jsonl and drawlog.jsonl next to this file.
Running it twice gives byte-identical output (fixed seed, no hashing of
str sets, single process).
"""
import datetime as DT
import json
import math
import os
import random

from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 15_2026_0315
FONT_REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE_SC = 2          # index of "Noto Sans CJK SC" inside both collections
SS = 4               # supersampling factor for anti-aliased shapes

_CMAP = {}


def cmap_of(path):
    if path not in _CMAP:
        _CMAP[path] = frozenset(TTCollection(path).fonts[FACE_SC].getBestCmap().keys())
    return _CMAP[path]


_FC = {}


def F(size, bold=False):
    key = (int(round(size)), bool(bold))
    if key not in _FC:
        _FC[key] = ImageFont.truetype(FONT_BOLD if bold else FONT_REG, key[0], index=FACE_SC)
    return _FC[key]


def R(x):
    return int(round(x))


def hexc(c):
    if isinstance(c, str):
        return c.upper()
    return '#%02X%02X%02X' % tuple(c[:3])


def rgb(c):
    if isinstance(c, str):
        c = c.lstrip('#')
        return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))
    return tuple(c)


# ----------------------------------------------------------------------------
# Canvas: draws and logs every primitive
# ----------------------------------------------------------------------------
class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.img = Image.new('RGB', (W, H), rgb(bg))
        self.d = ImageDraw.Draw(self.img)
        self.items = [{'t': 'rect', 'role': 'bg', 'box': [0, 0, W, H], 'fill': hexc(bg)}]
        self._g = 0

    def newg(self):
        self._g += 1
        return self._g

    # -- text ---------------------------------------------------------------
    def text(self, x, y, s, size, color, role, bold=False, anchor='lm', **kw):
        assert s and s == s.strip(), repr(s)
        cm = cmap_of(FONT_BOLD if bold else FONT_REG)
        for ch in s:
            assert ord(ch) in cm, (ch, s)
        f = F(size, bold)
        x, y = R(x), R(y)
        self.d.text((x, y), s, font=f, fill=rgb(color), anchor=anchor)
        b = [R(v) for v in self.d.textbbox((x, y), s, font=f, anchor=anchor)]
        it = {'t': 'text', 'role': role, 'text': s, 'box': b, 'xy': [x, y], 'anchor': anchor,
              'size': f.size, 'font': 'NotoSansCJK-SC-' + ('Bold' if bold else 'Regular'),
              'color': hexc(color)}
        it.update(kw)
        self.items.append(it)
        return b

    def tw(self, s, size, bold=False):
        return F(size, bold).getlength(s)

    # -- shapes -------------------------------------------------------------
    def _aa(self, bbox, color, fn):
        x0 = max(0, int(math.floor(bbox[0])) - 2)
        y0 = max(0, int(math.floor(bbox[1])) - 2)
        x1 = min(self.W, int(math.ceil(bbox[2])) + 2)
        y1 = min(self.H, int(math.ceil(bbox[3])) + 2)
        if x1 <= x0 or y1 <= y0:
            return
        w, h = x1 - x0, y1 - y0
        m = Image.new('L', (w * SS, h * SS), 0)
        d = ImageDraw.Draw(m)
        fn(d, lambda x, y: ((x - x0) * SS, (y - y0) * SS))
        m = m.resize((w, h), Image.BOX)
        self.img.paste(rgb(color), (x0, y0, x1, y1), m)

    def _log(self, it, kw):
        it.update(kw)
        self.items.append(it)

    def rect(self, box, fill, role, **kw):
        box = [R(v) for v in box]
        self.d.rectangle([box[0], box[1], box[2] - 1, box[3] - 1], fill=rgb(fill))
        self._log({'t': 'rect', 'role': role, 'box': box, 'fill': hexc(fill)}, kw)

    def rrect(self, box, r, fill, role, outline=None, width=0, **kw):
        box = [R(v) for v in box]
        r = min(r, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)

        def fn(d, tx):
            a, b = tx(box[0], box[1]), tx(box[2], box[3])
            if fill is not None:
                d.rounded_rectangle([a, b], radius=r * SS, fill=255)
            else:
                d.rounded_rectangle([a, b], radius=r * SS, fill=255)
                ww = width * SS
                d.rounded_rectangle([(a[0] + ww, a[1] + ww), (b[0] - ww, b[1] - ww)],
                                    radius=max(0, (r - width) * SS), fill=0)
        self._aa(box, fill if fill is not None else outline, fn)
        it = {'t': 'rrect', 'role': role, 'box': box, 'r': round(r, 1)}
        if fill is not None:
            it['fill'] = hexc(fill)
        else:
            it['outline'] = hexc(outline)
            it['width'] = width
        self._log(it, kw)

    def ellipse(self, box, fill, role, outline=None, width=0, **kw):
        box = [round(v, 1) for v in box]

        def fn(d, tx):
            a, b = tx(box[0], box[1]), tx(box[2], box[3])
            d.ellipse([a, b], fill=255)
            if fill is None:
                ww = width * SS
                d.ellipse([(a[0] + ww, a[1] + ww), (b[0] - ww, b[1] - ww)], fill=0)
        self._aa(box, fill if fill is not None else outline, fn)
        it = {'t': 'ellipse', 'role': role, 'box': box}
        if fill is not None:
            it['fill'] = hexc(fill)
        else:
            it['outline'] = hexc(outline)
            it['width'] = width
        self._log(it, kw)

    def line(self, pts, color, width, role, caps=True, **kw):
        pts = [(round(x, 1), round(y, 1)) for x, y in pts]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        bb = [min(xs) - width, min(ys) - width, max(xs) + width, max(ys) + width]

        def fn(d, tx):
            q = [tx(*p) for p in pts]
            d.line(q, fill=255, width=max(1, R(width * SS)), joint='curve')
            if caps:
                rr = width * SS / 2
                for p in (q[0], q[-1]):
                    d.ellipse([p[0] - rr, p[1] - rr, p[0] + rr, p[1] + rr], fill=255)
        self._aa(bb, color, fn)
        self._log({'t': 'line', 'role': role, 'pts': [list(p) for p in pts], 'width': round(width, 1),
                   'color': hexc(color)}, kw)

    def poly(self, pts, fill, role, **kw):
        pts = [(round(x, 1), round(y, 1)) for x, y in pts]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]

        def fn(d, tx):
            d.polygon([tx(*p) for p in pts], fill=255)
        self._aa([min(xs), min(ys), max(xs), max(ys)], fill, fn)
        self._log({'t': 'poly', 'role': role, 'pts': [list(p) for p in pts], 'fill': hexc(fill)}, kw)

    def arc(self, box, start, end, color, width, role, **kw):
        box = [round(v, 1) for v in box]

        def fn(d, tx):
            d.arc([tx(box[0], box[1]), tx(box[2], box[3])], start, end, fill=255,
                  width=max(1, R(width * SS)))
        self._aa(box, color, fn)
        self._log({'t': 'arc', 'role': role, 'box': box, 'start': start, 'end': end,
                   'width': round(width, 1), 'color': hexc(color)}, kw)


# ----------------------------------------------------------------------------
# small icon helpers (all shapes, no glyphs)
# ----------------------------------------------------------------------------
def ic_chev_left(cv, x, y, s, col, w, role='ui'):
    cv.line([(x + s * 0.5, y - s), (x, y), (x + s * 0.5, y + s)], col, w, role)


def ic_chev_right(cv, x, y, s, col, w, role='ui'):
    cv.line([(x, y - s), (x + s * 0.5, y), (x, y + s)], col, w, role)


def ic_dots_v(cv, x, y, s, col, role='ui'):
    for k in (-1, 0, 1):
        cv.ellipse([x - s, y + k * s * 3.2 - s, x + s, y + k * s * 3.2 + s], col, role)


def ic_dots_h(cv, x, y, s, col, role='ui'):
    for k in (-1, 0, 1):
        cv.ellipse([x + k * s * 3.4 - s, y - s, x + k * s * 3.4 + s, y + s], col, role)


def ic_phone(cv, x, y, s, col, role='ui'):
    # a handset drawn as a thick bent stroke with two pads
    w = s * 0.22
    cv.line([(x - s * 0.35, y - s * 0.45), (x - s * 0.42, y - s * 0.05), (x - s * 0.1, y + s * 0.32),
             (x + s * 0.35, y + s * 0.45)], col, w, role)
    cv.ellipse([x - s * 0.55, y - s * 0.6, x - s * 0.2, y - s * 0.3], col, role)
    cv.ellipse([x + s * 0.2, y + s * 0.3, x + s * 0.55, y + s * 0.6], col, role)


def ic_search(cv, x, y, s, col, w, role='ui'):
    cv.ellipse([x - s * 0.5, y - s * 0.5, x + s * 0.25, y + s * 0.25], None, role, outline=col, width=w)
    cv.line([(x + s * 0.22, y + s * 0.22), (x + s * 0.5, y + s * 0.5)], col, w, role)


def ic_plus_circle(cv, x, y, s, col, w, role='ui', filled=None):
    if filled is not None:
        cv.ellipse([x - s, y - s, x + s, y + s], filled, role)
    else:
        cv.ellipse([x - s, y - s, x + s, y + s], None, role, outline=col, width=w)
    cv.line([(x - s * 0.5, y), (x + s * 0.5, y)], col, w, role)
    cv.line([(x, y - s * 0.5), (x, y + s * 0.5)], col, w, role)


def ic_mic(cv, x, y, s, col, w, role='ui'):
    cv.rrect([x - s * 0.2, y - s * 0.55, x + s * 0.2, y + s * 0.15], s * 0.2, col, role)
    cv.arc([x - s * 0.38, y - s * 0.35, x + s * 0.38, y + s * 0.35], 0, 180, col, w, role)
    cv.line([(x, y + s * 0.35), (x, y + s * 0.55)], col, w, role)


def ic_send(cv, x, y, s, col, role='ui'):
    cv.poly([(x - s * 0.5, y - s * 0.45), (x + s * 0.55, y), (x - s * 0.5, y + s * 0.45),
             (x - s * 0.3, y)], col, role)


def ic_info(cv, x, y, s, col, w, role='ui'):
    cv.ellipse([x - s, y - s, x + s, y + s], None, role, outline=col, width=w)
    cv.ellipse([x - w * 0.75, y - s * 0.55 - w * 0.75, x + w * 0.75, y - s * 0.55 + w * 0.75], col, role)
    cv.line([(x, y - s * 0.15), (x, y + s * 0.5)], col, w, role)


def ic_battery(cv, x1, cy, s, fg, level, role='status_icon'):
    """battery whose right end is at x1; returns left x."""
    w, h = s * 1.9, s * 0.95
    x0 = x1 - w
    cv.rrect([x0, cy - h / 2, x1 - s * 0.15, cy + h / 2], h * 0.28, None, role, outline=fg,
             width=max(2, R(s * 0.08)))
    cv.rrect([x1 - s * 0.12, cy - h * 0.2, x1, cy + h * 0.2], s * 0.05, fg, role)
    inner = (w - s * 0.15 - s * 0.36) * level / 100.0
    cv.rrect([x0 + s * 0.18, cy - h / 2 + s * 0.18, x0 + s * 0.18 + inner, cy + h / 2 - s * 0.18],
             h * 0.12, fg, role)
    return x0


def ic_signal(cv, x1, cy, s, fg, bars=4, strength=4, dim=None, role='status_icon'):
    bw = s * 0.16
    gap = s * 0.08
    x = x1 - bars * (bw + gap)
    x0 = x
    for i in range(bars):
        h = s * (0.3 + 0.22 * i)
        col = fg if i < strength else (dim or fg)
        cv.rrect([x, cy + s * 0.5 - h, x + bw, cy + s * 0.5], bw * 0.3, col, role)
        x += bw + gap
    return x0


def ic_wifi(cv, x1, cy, s, fg, role='status_icon'):
    cx = x1 - s * 0.55
    by = cy + s * 0.42
    cv.poly([(cx, by), (cx - s * 0.55, by - s * 0.62), (cx - s * 0.3, by - s * 0.82), (cx, by - s * 0.9),
             (cx + s * 0.3, by - s * 0.82), (cx + s * 0.55, by - s * 0.62)], fg, role)
    return cx - s * 0.6


def ic_notif(cv, kind, x, cy, s, fg, role='status_icon'):
    """little notification glyphs drawn from shapes; returns width used."""
    if kind == 'msg':
        cv.rrect([x, cy - s * 0.4, x + s * 0.9, cy + s * 0.3], s * 0.15, fg, role)
        cv.poly([(x + s * 0.2, cy + s * 0.25), (x + s * 0.2, cy + s * 0.5), (x + s * 0.45, cy + s * 0.25)],
                fg, role)
    elif kind == 'chat':
        cv.ellipse([x, cy - s * 0.42, x + s * 0.62, cy + s * 0.12], fg, role)
        cv.ellipse([x + s * 0.3, cy - s * 0.2, x + s * 0.92, cy + s * 0.32], fg, role)
    elif kind == 'mail':
        cv.rrect([x, cy - s * 0.32, x + s * 0.92, cy + s * 0.32], s * 0.08, None, role, outline=fg,
                 width=max(2, R(s * 0.08)))
        cv.line([(x + s * 0.05, cy - s * 0.28), (x + s * 0.46, cy + s * 0.02), (x + s * 0.87, cy - s * 0.28)],
                fg, s * 0.08, role)
    elif kind == 'alarm':
        cv.ellipse([x + s * 0.05, cy - s * 0.4, x + s * 0.85, cy + s * 0.4], None, role, outline=fg,
                   width=max(2, R(s * 0.09)))
        cv.line([(x + s * 0.45, cy - s * 0.22), (x + s * 0.45, cy), (x + s * 0.62, cy + s * 0.1)], fg,
                s * 0.08, role)
    elif kind == 'dot':
        cv.ellipse([x + s * 0.2, cy - s * 0.25, x + s * 0.7, cy + s * 0.25], fg, role)
    elif kind == 'loc':
        cv.poly([(x + s * 0.9, cy - s * 0.45), (x + s * 0.1, cy - s * 0.05), (x + s * 0.48, cy + s * 0.02),
                 (x + s * 0.55, cy + s * 0.45)], fg, role)
    return s * 1.15


def call_icon(cv, ctype, x, y, s, color, w):
    """direction icon of a call row: a shaft and an arrow head (3-point polyline).
    incoming: arrow towards lower-left; outgoing: towards upper-right; missed: a
    bounced V shaft with the head at upper-left.  (x, y) is the centre."""
    g = cv.newg()
    h = s / 2.0
    if ctype == 'incoming':
        tail, tip = (x + h * 0.8, y - h * 0.8), (x - h * 0.8, y + h * 0.8)
        cv.line([tail, tip], color, w, 'call_icon', g=g)
        cv.line([(tip[0], tip[1] - h * 0.95), tip, (tip[0] + h * 0.95, tip[1])], color, w, 'call_icon', g=g)
    elif ctype == 'outgoing':
        tail, tip = (x - h * 0.8, y + h * 0.8), (x + h * 0.8, y - h * 0.8)
        cv.line([tail, tip], color, w, 'call_icon', g=g)
        cv.line([(tip[0] - h * 0.95, tip[1]), tip, (tip[0], tip[1] + h * 0.95)], color, w, 'call_icon', g=g)
    else:
        tip = (x - h * 0.85, y - h * 0.55)
        cv.line([(x + h * 0.9, y - h * 0.5), (x + h * 0.05, y + h * 0.55), tip], color, w, 'call_icon', g=g)
        cv.line([(tip[0], tip[1] + h * 0.75), tip, (tip[0] + h * 0.75, tip[1])], color, w, 'call_icon', g=g)


# ----------------------------------------------------------------------------
# text wrapping
# ----------------------------------------------------------------------------
NO_START = '，。！？、；：）》】」』”’,.!?;:)]'


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def wrap_cjk(text, f, maxw):
    lines, cur = [], ''
    for ch in text:
        if cur and f.getlength(cur + ch) > maxw:
            if ch in NO_START and len(cur) > 1:
                lines.append(cur[:-1])
                cur = cur[-1] + ch
            else:
                lines.append(cur)
                cur = ch
        else:
            cur += ch
    lines.append(cur)
    return lines


def wrap_text(text, f, maxw):
    """Chinese (any non-ASCII) text wraps between characters and is narrowed
    until no break touches a space; pure ASCII wraps at spaces only."""
    assert '  ' not in text and text == text.strip() and '\n' not in text
    if is_ascii(text):
        words = text.split(' ')
        lines, cur = [], ''
        for wd in words:
            assert f.getlength(wd) <= maxw, ('word too long', wd)
            cand = (cur + ' ' + wd) if cur else wd
            if cur and f.getlength(cand) > maxw:
                lines.append(cur)
                cur = wd
            else:
                cur = cand
        lines.append(cur)
        assert ' '.join(lines) == text
        return lines
    w = maxw
    while True:
        lines = wrap_cjk(text, f, w)
        ok = all(l and l[0] != ' ' and l[-1] != ' ' for l in lines)
        if ok:
            assert ''.join(lines) == text
            return lines
        w -= maxw * 0.03
        assert w > maxw * 0.4


# ----------------------------------------------------------------------------
# date / time display formats (generator side)
# ----------------------------------------------------------------------------
WK = '一二三四五六日'
WK_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WK_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def t24(t):
    return '%02d:%02d' % (t.hour, t.minute)


def t_period(t):
    """凌晨/早上/上午/中午/下午/晚上 + 12-hour clock (Xiaomi, WeChat)."""
    h = t.hour
    if h < 6:
        w, hh = '凌晨', (12 if h == 0 else h)
    elif h < 9:
        w, hh = '早上', h
    elif h < 12:
        w, hh = '上午', h
    elif h == 12:
        w, hh = '中午', 12
    elif h < 18:
        w, hh = '下午', h - 12
    else:
        w, hh = '晚上', h - 12
    return '%s%d:%02d' % (w, hh, t.minute)


def t_ampm_cn(t):
    h = t.hour
    if h < 12:
        return '上午%d:%02d' % (12 if h == 0 else h, t.minute)
    return '下午%d:%02d' % (12 if h == 12 else h - 12, t.minute)


def t_en(t):
    h = t.hour
    hh = h % 12 or 12
    return '%d:%02d %s' % (hh, t.minute, 'AM' if h < 12 else 'PM')


def md(d):
    return '%d月%d日' % (d.month, d.day)


def ymd(d):
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def wk_xq(d):
    return '星期' + WK[d.weekday()]


def wk_z(d):
    return '周' + WK[d.weekday()]


def days_before(D, d):
    return (D - d).days


# ----------------------------------------------------------------------------
# invented content
# ----------------------------------------------------------------------------
SURN = "刘王张李陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "强伟芳敏静丽军勇杰涛明超霞平刚英华辉鹏飞宇浩婷雪琳晨磊洋艳斌峰"
PINYIN = {'刘': 'Liu', '王': 'Wang', '张': 'Zhang', '李': 'Li', '陈': 'Chen', '杨': 'Yang', '赵': 'Zhao',
          '黄': 'Huang', '周': 'Zhou', '吴': 'Wu', '徐': 'Xu', '孙': 'Sun', '胡': 'Hu', '朱': 'Zhu', '高': 'Gao',
          '林': 'Lin', '何': 'He', '郭': 'Guo', '马': 'Ma', '罗': 'Luo'}
LENDERS = ["嘉盈分期", "融鼎e贷", "安橙借", "速信花", "恒昱消费金融", "桔禾信用", "沐金借款", "优钱袋", "稳沣普惠"]
LENDERS_EN = ["JiaYing Credit", "RongDing eLoan", "Ancheng Loans", "SuXin Finance", "Hengyu Finance"]
FIRMS = ["沣曜律师事务所", "恪言律师事务所", "衡澜律师事务所", "启衡法务调解中心", "正谦律师事务所"]
AGENTS = ["王专员", "李律师", "小周", "陈经理", "赵主管", "孙法务", "刘调解员", "何专员", "郑组长"]
DOMAINS = ["jy-fenqi.cn", "rd-edai.top", "acj-pay.com", "h5.sxhua.cc", "hy-xf.vip", "jh-credit.net",
           "mj-loan.co", "yqd-h5.cn"]
PROV = "浙粤沪苏湘鄂川皖闽豫鲁赣"
COMPANIES = ["星澜电子厂", "宏拓物流", "恒晟建材", "远帆科技", "佳禾食品", "锦程汽修", "云舟教育"]
LOCS = ["浙江 杭州", "广东 深圳", "江苏 南京", "湖南 长沙", "四川 成都", "上海", "北京", "湖北 武汉",
        "福建 厦门", "河南 郑州", "安徽 合肥", "山东 济南"]
B62 = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'


class Ctx:
    """the invented world of one thread (borrower, lender, collector, numbers)."""

    def __init__(self, rng, D):
        self.rng = rng
        self.D = D
        s = rng.choice(SURN)
        g = rng.choice(GIVEN)
        self.surname = s
        self.full_mask = s + '*' + g if rng.random() < 0.8 else s + '*'
        self.title = rng.choice(['先生', '女士'])
        self.lender = rng.choice(LENDERS)
        self.lender_en = rng.choice(LENDERS_EN)
        self.firm = rng.choice(FIRMS)
        self.agent = rng.choice(AGENTS)
        self.company = rng.choice(COMPANIES)
        self.days = rng.randint(9, 240)
        self.amt_v = rng.randint(860, 48000) + rng.randint(0, 99) / 100.0
        self.card = '62%02d********%04d' % (rng.randint(10, 29), rng.randint(0, 9999))
        self.card4 = self.card[-4:]
        self.idm = '%d%05d********%03d%s' % (rng.randint(1, 6), rng.randint(10000, 99999), rng.randint(0, 999),
                                            rng.choice('0123456789X'))
        self.hotline = '400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999))
        self.dom = rng.choice(DOMAINS)
        self.name_en = 'Mr. ' + PINYIN.get(s, 'Liu') if self.title == '先生' else 'Ms. ' + PINYIN.get(s, 'Liu')

    def amt(self, v=None):
        v = self.amt_v if v is None else v
        return '{:,.2f}'.format(v)

    def code(self, n):
        return ''.join(self.rng.choice(B62) for _ in range(n))

    def link(self, short=False):
        r = self.rng
        if short:
            return '%s/r/%s' % (self.dom, self.code(5))
        return r.choice(['https://%s/p/%s', 'http://%s/h5?id=%s', '%s/r/%s', 'https://%s/s/%s']) % (
            self.dom, self.code(r.randint(5, 8)))

    def caseno(self):
        r = self.rng
        return '〔%d〕%s0%d%02d%s%d号' % (self.D.year, r.choice(PROV), r.randint(1, 9), r.randint(1, 99),
                                       r.choice(['民初', '民诉前调', '执', '民诉前']), r.randint(100, 29999))

    def caseno_en(self):
        return 'HJ-%d-%05d' % (self.D.year, self.rng.randint(100, 99999))

    def deadline(self):
        r = self.rng
        d = self.D + DT.timedelta(days=r.randint(1, 4))
        return r.choice([md(d), md(d) + '18:00', '今日18:00', '明天中午12点'])

    def fill(self, tpl):
        r = self.rng
        red = self.amt_v * r.choice([0.2, 0.3, 0.35, 0.4])
        return tpl.format(name=self.full_mask, sur=self.surname, title=self.title, lender=self.lender,
                          firm=self.firm, agent=self.agent, company=self.company, days=self.days,
                          amt=self.amt(), amt_int=int(self.amt_v), red=self.amt(red),
                          rest=self.amt(self.amt_v - red), card=self.card, card4=self.card4, idm=self.idm,
                          hotline=self.hotline, link=self.link(), slink=self.link(True),
                          caseno=self.caseno(), deadline=self.deadline(), lender_en=self.lender_en,
                          case_en=self.caseno_en(), name_en=self.name_en, pay=r.choice([500, 800, 1000, 2000]),
                          fee=r.randint(120, 980), ref='%s%d' % (self.code(2).upper(), r.randint(10 ** 8, 10 ** 9)))


T_SVC = [
    "【{lender}】尊敬的{name}，您在我司的借款已逾期{days}天，当前应还{amt}元，请于{deadline}前通过APP还款，逾期将影响您的个人征信。",
    "【{lender}】{name}您好，您尾号{card4}的银行卡扣款失败，本期账单{amt}元未结清，如有疑问请致电{hotline}。",
    "【{firm}】关于{name}（身份证号{idm}）借款合同纠纷一案，我所已受{lender}委托，现向您发出律师函，请于{deadline}前联系处理，逾期我所将依法向法院提起诉讼。",
    "【{lender}】您的欠款已转入贷后法务部门，案件编号{ref}。如仍未处理，我司将依据合同约定上报征信并委托第三方上门核实。",
    "【{lender}】{name}，您的逾期款项{amt}元已进入立案审核流程，查看详情：{link} 回T退订",
    "【{lender}】最后通知：您名下欠款{amt}元，减免通道今日关闭，点击{link}申请减免，逾期不候。",
    "【诉前调解中心】{name}，您与{lender}的借款纠纷已登记，调解编号{caseno}，请于{deadline}前回电{hotline}，否则将转诉讼程序。",
    "【{lender}】温馨提示：您本期应还{amt}元，请确保尾号{card4}的卡内余额充足，详询{hotline}。",
    "【{lender}】{name}：您的账户已严重逾期，系统已调取您授权的通讯录联系人，如今日仍不处理，将通知紧急联系人协助催告。",
    "【立案通知】{name}，您涉嫌恶意拖欠{lender}借款{amt}元，案件已于今日提交立案审查，案号{caseno}，请速联系{hotline}。",
    "【{lender}】{sur}{title}，您的借款逾期{days}天，已产生罚息{fee}元，今日全额结清可申请免除，还款入口{link}",
    "【{lender}】您好，您的还款{pay}.00元已到账，剩余应还{rest}元，请按约定继续还款。",
    "【{firm}】律师函：{name}，身份证{idm}，欠款本息合计{amt}元，限{deadline}前结清，否则将向户籍所在地人民法院起诉并申请财产保全。",
    "【{lender}】{name}，您的案件将于{deadline}移交外访组，外访人员将前往您登记的单位及居住地址核实情况。",
]

T_COLLECTOR = [
    "{sur}{title}，我是{lender}贷后部的{agent}，你的欠款{amt}已经逾期{days}天了，今天必须给个答复。",
    "你再不接电话，我们明天就安排同事去你户籍地上门走访。",
    "你单位地址我们已经核实了，{company}对吧？不想让领导知道就今天处理。",
    "已经给你通讯录里的几个人打过电话了，你自己看着办。",
    "今天下午5点前还{pay}，可以帮你申请停催。",
    "最后问你一次，钱什么时候还？",
    "我们这边法务已经在准备材料了，案号下来就不是这个价了。",
    "你的案件已经移交{firm}，案号{caseno}，等着收传票吧。",
    "还款卡号{card}，户名{lender}（海南）信息服务有限公司，转完截图发我。",
    "别装死，逾期{days}天了，{amt}元一分不能少。",
    "在吗",
    "人呢？",
    "给你申请减免了{red}元，今天结清只要还{rest}。",
    "{name}，身份证{idm}，名下欠款{amt}元，这是你本人吧？",
    "明天上午我们的外访人员会到你登记的住址，请你配合。",
    "链接发你了，{slink} 打开就能还。",
    "你家里人的电话我们这边也有，别逼我们打。",
    "这是律师函电子版：{link}，你自己看看后果。",
    "再给你最后24小时。",
    "行，那就法院见。",
    "回个话",
    "你这个情况已经符合恶意逃废债了，立案之后会影响你子女上学和出行，自己想清楚。",
    "今天{deadline}前先还{pay}，剩下的可以走分期，这是最后的协商机会。",
    "接电话",
    "我们是正规机构，所有通话都有录音，你说的话都会作为证据。",
    "{name}，你工作单位的人事电话我们已经拿到了，不想闹大就主动联系我。",
    "收到请回复",
    "APP上显示你还欠{amt}，逾期费每天还在涨。",
]

T_REPLY = [
    "好的", "嗯嗯", "收到", "知道了", "在筹钱", "下周一还", "能不能分期？", "我现在真的没钱", "别打我家里人电话",
    "不要联系我单位", "你们这样是违法的", "已经还了{pay}了，剩下的月底还", "能减免多少？", "我已经在APP上申请延期了",
    "你是哪个公司的？", "发个正规的还款链接给我", "工资15号发，发了就还", "我会报警的", "先还{pay}行吗",
    "好的，我今天下午处理", "OK", "？？", "你们的利息根本不合法", "这个卡号是对公账户吗", "我在上班，晚点说",
    "请不要再骚扰我的同事", "我已经向金融监管部门投诉了", "案号发我，我自己去法院查",
]

T_EN_IN = [
    "This is {lender_en} Collections. Your loan of CNY {amt} is {days} days overdue.",
    "Final notice: pay CNY {amt} by 6 PM today or your file goes to our legal team.",
    "Case No. {case_en} has been opened. A lawyer letter will be sent to your employer.",
    "We have your emergency contacts. Call us back at {hotline} today.",
    "Pay here: {slink}",
    "Hello {name_en}, this is your last chance to settle before court action.",
    "Our field team will visit your registered address tomorrow morning.",
    "Reduction offer: settle CNY {rest} today and we waive the late fees.",
    "Why are you not answering your phone?",
    "Reply YES to confirm your repayment plan of CNY {pay} per month.",
    "Your overdue balance is CNY {amt}. Late fees are added every day.",
    "We will contact your company HR department if there is no payment today.",
    "Hi",
    "Last warning.",
]
T_EN_OUT = [
    "I will pay on Friday.", "Stop calling my family.", "Can I pay in two parts?", "Who is this?", "OK",
    "I already paid {pay} yesterday.", "Please send the official account details.", "I need one more week.",
    "This is harassment.", "Got it",
]
T_GROUP_SYS = ["“{a}”邀请“{name}”加入了群聊", "“{a}”修改群名为“{g}”"]


# ----------------------------------------------------------------------------
# thread timing
# ----------------------------------------------------------------------------
def dt_of(d, h, m):
    return DT.datetime(d.year, d.month, d.day, h, m)


def make_groups(rng, D, T, n_groups, distinct_days, msg_counts, last_offset=None, min_start=None):
    """returns list (oldest first) of groups: {'date', 'times': [datetime...]}.
    All times are before the screenshot time T (a datetime on day D)."""
    groups = []
    offsets = []
    off = last_offset if last_offset is not None else rng.choice([0, 0, 0, 0, 0, 1, 1, 2, 3, 5, 9, 16, 38])
    for i in range(n_groups):
        offsets.append(off)
        step = rng.choice([1, 1, 1, 2, 3, 4, 6, 9, 20, 45] + ([0, 0] if not distinct_days else []))
        off += step
    offsets = offsets[::-1]          # oldest first
    upper = None
    for gi in range(n_groups - 1, -1, -1):
        d = D - DT.timedelta(days=offsets[gi])
        n = msg_counts[gi]
        span = n * 4 + 3
        hi = (23 * 60 + 20)
        if d == D:
            hi = min(hi, T.hour * 60 + T.minute - span - 2)
        if upper is not None and upper[0] == d:
            hi = min(hi, upper[1] - 50)
        lo = 7 * 60 if rng.random() < 0.93 else 0
        if min_start is not None and d == D:
            lo = max(lo, min_start)
        if hi < lo:
            lo = max(0, hi - 90)
        if hi < 0:
            return None
        st = rng.randint(lo, hi)
        if rng.random() < 0.07 and hi >= 50:
            st = rng.randint(2, 50)          # a message just after midnight
        times = []
        cur = st
        for k in range(n):
            times.append(dt_of(d, cur // 60, cur % 60))
            cur += rng.choice([0, 1, 1, 2, 3, 4])
        groups.append({'date': d, 'times': times})
        upper = (d, st)
    groups = groups[::-1]
    for g in groups:
        for t in g['times']:
            assert t < T and t.date() == g['date']
    return groups


# ----------------------------------------------------------------------------
# chat layouts
# ----------------------------------------------------------------------------
class ChatBase:
    name = 'base'
    kind = 'sms'
    group = 'B'            # A: date separators + own time, B: date+time separators
    platform = 'android'
    clock_right = False
    text_size = 16
    lh = 1.45
    padx, pady = 12, 9
    radius = 16
    side = 14
    maxw_frac = 0.70
    gap_same, gap_diff = 8, 14
    sep_size = 12
    sep_h = 40
    sys_h = 34

    def __init__(self, W, H, dark, rng, opts):
        self.W, self.H, self.dark, self.rng, self.o = W, H, dark, rng, opts
        self.u = (W / 360.0) if self.platform == 'android' else 3.0
        self.c = self.colors(dark)

    def U(self, v):
        return v * self.u

    # ---- status bar -------------------------------------------------------
    def statusbar(self, cv):
        if self.platform == 'ios':
            return sb_ios(cv, self.u, self.o, self.c['sb_fg'])
        return sb_android(cv, self.u, self.o, self.c['sb_fg'], self.clock_right, self.c.get('sb_dim'))

    # ---- measurement -------------------------------------------------------
    def fsize(self):
        return R(self.U(self.text_size))

    def bubble_maxw(self):
        return self.W * self.maxw_frac

    def geo_msg(self, m):
        f = F(self.fsize())
        maxw = self.bubble_maxw() - 2 * self.U(self.padx)
        lines = wrap_text(m['text'], f, maxw)
        lw = [f.getlength(l) for l in lines]
        lh = R(self.fsize() * self.lh)
        bw = R(max(lw) + 2 * self.U(self.padx))
        bw = max(bw, R(self.U(self.padx) * 2 + self.fsize() * 1.2))
        bh = R(len(lines) * lh + 2 * self.U(self.pady))
        g = {'lines': lines, 'lh': lh, 'bw': bw, 'bh': bh, 'above': 0, 'below': 0}
        self.extra_geo(m, g)
        g['h'] = g['above'] + bh + g['below']
        return g

    def extra_geo(self, m, g):
        pass

    def geo_sep(self, b):
        return {'h': R(self.U(self.sep_h))}

    def geo_sys(self, b):
        return {'h': R(self.U(self.sys_h))}

    def gap(self, prev, b):
        if prev is None:
            return 0
        if prev['k'] == 'msg' and b['k'] == 'msg':
            return R(self.U(self.gap_same if prev['dir'] == b['dir'] else self.gap_diff))
        return R(self.U(4))

    # ---- drawing ----------------------------------------------------------
    def bubble_x(self, m, g):
        if m['dir'] == 'in':
            return R(self.U(self.side))
        return R(self.W - self.U(self.side) - g['bw'])

    def draw_bubble(self, cv, m, box):
        col = self.c['out_bub'] if m['dir'] == 'out' else self.c['in_bub']
        cv.rrect(box, min(self.U(self.radius), (box[3] - box[1]) / 2), col, 'bubble')

    def draw_msg(self, cv, y, m, g):
        x = self.bubble_x(m, g)
        top = y + g['above']
        box = [x, top, x + g['bw'], top + g['bh']]
        self.draw_bubble(cv, m, box)
        tc = self.c['out_txt'] if m['dir'] == 'out' else self.c['in_txt']
        for i, l in enumerate(g['lines']):
            cy = top + self.U(self.pady) + g['lh'] * (i + 0.5)
            cv.text(x + self.U(self.padx), cy, l, self.fsize(), tc, 'msg_text')
        self.draw_extra(cv, y, m, g, box)

    def draw_extra(self, cv, y, m, g, box):
        pass

    def draw_sep(self, cv, y, b, g):
        parts = b['parts']
        size = R(self.U(self.sep_size))
        cy = y + g['h'] / 2
        self._centered_parts(cv, parts, size, cy, self.c['sep_txt'], 'separator')

    def _centered_parts(self, cv, parts, size, cy, col, role, colors=None):
        sp = F(size).getlength(' ')
        ws = [F(size, bd).getlength(t) for t, bd in parts]
        tot = sum(ws) + sp * (len(parts) - 1)
        x = self.W / 2 - tot / 2
        for i, (t, bd) in enumerate(parts):
            c = colors[i] if colors else col
            cv.text(x, cy, t, size, c, role, bold=bd)
            x += ws[i] + sp

    def draw_sys(self, cv, y, b, g):
        size = R(self.U(12))
        cols = [self.c['sys_txt'] if ck == 'grey' else self.c['link'] for _, ck in b['parts']]
        self._centered_parts(cv, [(t, False) for t, _ in b['parts']], size, y + g['h'] / 2,
                             None, 'system', colors=cols)

    # ---- labels ------------------------------------------------------------
    def sep_parts(self, dtm, D):
        raise NotImplementedError


def sb_android(cv, u, o, fg, clock_right, dim=None):
    H = R(32 * u)
    cy = H / 2 + u
    W = cv.W
    size = R(13.5 * u)
    cv.ellipse([W / 2 - 5.5 * u, cy - 5.5 * u, W / 2 + 5.5 * u, cy + 5.5 * u], '#000000', 'camera')
    s = 11 * u
    x = W - 16 * u
    if clock_right:
        b = cv.text(x, cy, o['clock'], size, fg, 'status_clock', anchor='rm')
        x = b[0] - 6 * u
    x = ic_battery(cv, x, cy, s, fg, o['battery'])
    b = cv.text(x - 3 * u, cy, '%d%%' % o['battery'] if not clock_right else str(o['battery']), R(11 * u),
                fg, 'status_text', anchor='rm')
    x = b[0] - 6 * u
    if not clock_right:
        x = ic_wifi(cv, x, cy, s, fg) - 4 * u
        x = ic_signal(cv, x, cy, s, fg, strength=o['sig1']) - 4 * u
        if o['dual']:
            ic_signal(cv, x, cy, s, fg, strength=o['sig2'], dim=dim or fg)
        lx = 16 * u
        b = cv.text(lx, cy, o['clock'], size, fg, 'status_clock', anchor='lm')
        lx = b[2] + 8 * u
    else:
        lx = 16 * u
        ic_signal(cv, lx + 0.96 * s, cy, s, fg, strength=o['sig1'])
        lx += 0.96 * s + 5 * u
        if o['dual']:
            ic_signal(cv, lx + 0.96 * s, cy, s, fg, strength=o['sig2'], dim=dim or fg)
            lx += 0.96 * s + 5 * u
        ic_wifi(cv, lx + 1.15 * s, cy, s, fg)
        lx += 1.2 * s + 8 * u
    for k in o['notif']:
        lx += ic_notif(cv, k, lx, cy, s, fg) + 2 * u
    return H



def sb_ios(cv, u, o, fg):
    W = cv.W
    notch = o.get('notch', 'island')
    H = R((54 if notch == 'island' else 47) * u)
    cy = H / 2 + (3 * u if notch == 'island' else 2 * u)
    if notch == 'island':
        cv.rrect([W / 2 - 62 * u, 11 * u, W / 2 + 62 * u, 48 * u], 18.5 * u, '#000000', 'camera')
    else:
        cv.rect([W / 2 - 105 * u, 0, W / 2 + 105 * u, 12 * u], '#000000', 'camera')
        cv.rrect([W / 2 - 105 * u, 0, W / 2 + 105 * u, 31 * u], 12 * u, '#000000', 'camera')
    ear = (W / 2 - (62 if notch == 'island' else 105) * u) / 2
    cv.text(ear + 4 * u, cy, o['clock'], R(16.5 * u), fg, 'status_clock', bold=True, anchor='mm')
    if 'loc' in o['notif']:
        ic_notif(cv, 'loc', ear + 4 * u + cv.tw(o['clock'], R(16.5 * u), True) / 2 + 5 * u, cy, 11 * u, fg)
    x = W - max(20 * u, ear - 35 * u)
    s = 12 * u
    # battery with the level inside
    w, h = 26 * u, 12.5 * u
    x0 = x - w
    cv.rrect([x0, cy - h / 2, x - 2 * u, cy + h / 2], 4 * u, fg if o['battery'] > 20 else '#8E8E93',
             'status_icon')
    cv.rrect([x - 1.3 * u, cy - 2.2 * u, x + 0.5 * u, cy + 2.2 * u], 1 * u, fg, 'status_icon')
    bg = '#000000' if fg.upper() == '#FFFFFF' else '#FFFFFF'
    cv.text(x0 + (w - 2 * u) / 2, cy, str(o['battery']), R(10.5 * u), bg, 'status_text', bold=True,
            anchor='mm')
    xx = ic_wifi(cv, x0 - 5 * u, cy, 14 * u, fg)
    ic_signal(cv, xx - 2 * u, cy, 13 * u, fg, strength=o['sig1'], dim='#8E8E93')
    return H


def home_indicator(cv, u, fg, ios):
    W, H = cv.W, cv.H
    if ios:
        cv.rrect([W / 2 - 67 * u, H - 13 * u, W / 2 + 67 * u, H - 8 * u], 2.5 * u, fg, 'ui')
    else:
        cv.rrect([W / 2 - 36 * u, H - 9 * u, W / 2 + 36 * u, H - 7 * u], 1.2 * u, fg, 'ui')


# ---- Android SMS family ------------------------------------------------------
class AndroidSMS(ChatBase):
    title_centered = False
    placeholder = '短信'

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        h = U(56)
        cv.rect([0, y, W, y + h], c['hdr_bg'], 'header_bg')
        cy = y + h / 2
        ic_chev_left(cv, U(18), cy, U(8), c['icon'], U(2.2))
        title, sub = self.o['title'], self.o.get('sub')
        tsz = R(U(18.5))
        if self.title_centered:
            tx, anc = W / 2, 'mm'
        else:
            tx, anc = U(48), 'lm'
        if sub:
            cv.text(tx, cy - U(9), title, tsz, c['title'], 'header_title', bold=True, anchor=anc)
            cv.text(tx, cy + U(12), sub, R(U(12)), c['sub'], 'header_sub', anchor=anc)
        else:
            cv.text(tx, cy, title, tsz, c['title'], 'header_title', bold=True, anchor=anc)
        if self.o.get('hdr_phone', True):
            ic_phone(cv, W - U(62), cy, U(20), c['icon'])
        ic_dots_v(cv, W - U(22), cy, U(1.9), c['icon'])
        return y + h

    def inputbar(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        nav = U(22)
        h = U(60)
        y0 = H - nav - h
        cv.rect([0, y0, W, H], c['input_bg'], 'input_bg')
        cy = y0 + h / 2
        ic_plus_circle(cv, U(26), cy, U(12), c['icon'], U(1.8))
        fx0, fx1 = U(48), W - U(60)
        cv.rrect([fx0, cy - U(20), fx1, cy + U(20)], U(20), c['field_bg'], 'input_field')
        cv.text(fx0 + U(16), cy, self.placeholder, R(U(15)), c['ph'], 'placeholder')
        if self.o['dual']:
            sx = fx1 - U(16)
            b = cv.text(sx, cy, '卡%d' % self.o['sim'], R(U(11)), c['accent'], 'ui', anchor='rm')
            cv.rrect([b[0] - U(5), cy - U(9), b[2] + U(5), cy + U(9)], U(4), None, 'ui', outline=c['accent'],
                     width=max(2, R(U(1))))
        cv.ellipse([W - U(46), cy - U(16), W - U(14), cy + U(16)], c['send_bg'], 'ui')
        ic_send(cv, W - U(29), cy, U(16), c['send_fg'])
        home_indicator(cv, self.u, c['title'], False)
        return y0


class HuaweiSMS(AndroidSMS):
    name = 'huawei_sms'
    group = 'A'
    clock_right = True
    radius = 20
    placeholder = '短信'

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', hdr_bg='#000000', title='#E6E6E6', sub='#8C8C8C',
                        in_bub='#252525', in_txt='#E6E6E6', out_bub='#2F6BE8', out_txt='#FFFFFF',
                        sep_txt='#7D7D7D', time_txt='#6E6E6E', input_bg='#0D0D0D', field_bg='#232323',
                        ph='#6B6B6B', icon='#D9D9D9', accent='#4D8CF5', send_bg='#232323', send_fg='#5A5A5A')
        return dict(bg='#F1F3F5', sb_fg='#000000', hdr_bg='#F1F3F5', title='#191919', sub='#808080',
                    in_bub='#FFFFFF', in_txt='#191919', out_bub='#007DFF', out_txt='#FFFFFF',
                    sep_txt='#8A8A8A', time_txt='#9B9B9B', input_bg='#F1F3F5', field_bg='#FFFFFF',
                    ph='#A6A6A6', icon='#191919', accent='#007DFF', send_bg='#E4E6E9', send_fg='#B4B7BB')

    def extra_geo(self, m, g):
        g['below'] = R(self.U(21))

    def draw_extra(self, cv, y, m, g, box):
        U, c = self.U, self.c
        cy = box[3] + U(11)
        sz = R(U(11))
        t = t24(m['dt'])
        if m['dir'] == 'in':
            b = cv.text(box[0] + U(6), cy, t, sz, c['time_txt'], 'msg_time', anchor='lm')
            if m.get('sim'):
                self._sim(cv, b[2] + U(8), cy, m['sim'], 'l')
        else:
            b = cv.text(box[2] - U(6), cy, t, sz, c['time_txt'], 'msg_time', anchor='rm')
            if m.get('sim'):
                self._sim(cv, b[0] - U(8), cy, m['sim'], 'r')

    def _sim(self, cv, x, cy, sim, side):
        U, c = self.U, self.c
        sz = R(U(9))
        s = '卡%d' % sim
        w = cv.tw(s, sz)
        x0 = x if side == 'l' else x - w - U(7)
        cv.rrect([x0, cy - U(7), x0 + w + U(7), cy + U(7)], U(3), None, 'sim_badge_box',
                 outline=c['time_txt'], width=max(2, R(U(0.8))))
        cv.text(x0 + U(3.5), cy, s, sz, c['time_txt'], 'sim_badge', anchor='lm')

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        if n == 0:
            s = '今天'
        elif n == 1:
            s = '昨天'
        elif 2 <= n <= 6 and self.rng.random() < 0.75:
            s = wk_xq(d)
        elif d.year == D.year:
            s = md(d)
        else:
            s = ymd(d)
        return [(s, False)]


class HonorSMS(HuaweiSMS):
    name = 'honor_sms'
    clock_right = False
    title_centered = True
    radius = 12
    placeholder = '发送信息'

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', hdr_bg='#000000', title='#EDEDED', sub='#8A8A8A',
                        in_bub='#2B2B2B', in_txt='#EDEDED', out_bub='#2E66E6', out_txt='#FFFFFF',
                        sep_txt='#808080', time_txt='#707070', input_bg='#121212', field_bg='#262626',
                        ph='#6E6E6E', icon='#E0E0E0', accent='#5B8FF9', send_bg='#262626', send_fg='#606060')
        return dict(bg='#FFFFFF', sb_fg='#000000', hdr_bg='#FFFFFF', title='#1A1A1A', sub='#8C8C8C',
                    in_bub='#F1F3F5', in_txt='#1A1A1A', out_bub='#256FFF', out_txt='#FFFFFF',
                    sep_txt='#999999', time_txt='#A3A3A3', input_bg='#FFFFFF', field_bg='#F1F3F5',
                    ph='#A8A8A8', icon='#1A1A1A', accent='#256FFF', send_bg='#F1F3F5', send_fg='#BDBDBD')

    def draw_extra(self, cv, y, m, g, box):
        U, c = self.U, self.c
        cy = box[3] + U(11)
        sz = R(U(11))
        t = t24(m['dt'])
        if m['dir'] == 'in':
            b = cv.text(box[0] + U(4), cy, t, sz, c['time_txt'], 'msg_time', anchor='lm')
            if m.get('sim'):
                cv.text(b[2] + U(6), cy, '卡%d' % m['sim'], sz, c['time_txt'], 'sim_badge', anchor='lm')
        else:
            x = box[2] - U(4)
            if m.get('sim'):
                b = cv.text(x, cy, '卡%d' % m['sim'], sz, c['time_txt'], 'sim_badge', anchor='rm')
                x = b[0] - U(6)
            cv.text(x, cy, t, sz, c['time_txt'], 'msg_time', anchor='rm')

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        if n == 0:
            s = '今天'
        elif n == 1:
            s = '昨天'
        elif 2 <= n <= 6:
            s = wk_z(d)
        elif d.year == D.year:
            s = md(d) + ' ' + wk_z(d)
        else:
            s = ymd(d) + ' ' + wk_z(d)
        return [(s, False)]


class VivoSMS(AndroidSMS):
    name = 'vivo_sms'
    group = 'A'
    title_centered = True
    radius = 14
    maxw_frac = 0.66

    def colors(self, dark):
        if dark:
            return dict(bg='#0B0B0B', sb_fg='#FFFFFF', hdr_bg='#0B0B0B', title='#F0F0F0', sub='#888888',
                        in_bub='#242424', in_txt='#EBEBEB', out_bub='#3B5EDB', out_txt='#FFFFFF',
                        sep_txt='#777777', time_txt='#6A6A6A', input_bg='#161616', field_bg='#262626',
                        ph='#6A6A6A', icon='#E6E6E6', accent='#5C7CFA', send_bg='#3B5EDB', send_fg='#FFFFFF')
        return dict(bg='#F4F5F7', sb_fg='#000000', hdr_bg='#F4F5F7', title='#000000', sub='#8F8F8F',
                    in_bub='#FFFFFF', in_txt='#222222', out_bub='#456FFF', out_txt='#FFFFFF',
                    sep_txt='#9A9A9A', time_txt='#A8A8A8', input_bg='#FFFFFF', field_bg='#F2F3F5',
                    ph='#ABABAB', icon='#222222', accent='#456FFF', send_bg='#456FFF', send_fg='#FFFFFF')

    def draw_extra(self, cv, y, m, g, box):
        U, c = self.U, self.c
        cy = box[3] - U(9)
        sz = R(U(10.5))
        t = t24(m['dt'])
        if m['dir'] == 'in':
            cv.text(box[2] + U(6), cy, t, sz, c['time_txt'], 'msg_time', anchor='lm')
        else:
            cv.text(box[0] - U(6), cy, t, sz, c['time_txt'], 'msg_time', anchor='rm')

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        if n == 0:
            s = '今天'
        elif n == 1:
            s = '昨天'
        elif 2 <= n <= 6:
            s = wk_xq(d)
        elif d.year == D.year:
            s = md(d)
        else:
            s = '%d/%d/%d' % (d.year, d.month, d.day)
        return [(s, False)]


class XiaomiSMS(AndroidSMS):
    name = 'xiaomi_sms'
    group = 'B'
    title_centered = True
    radius = 22
    sep_size = 11.5

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', hdr_bg='#000000', title='#FFFFFF', sub='#8A8A8A',
                        in_bub='#1F1F1F', in_txt='#E8E8E8', out_bub='#2C6BD8', out_txt='#FFFFFF',
                        sep_txt='#707070', time_txt='#707070', input_bg='#000000', field_bg='#1C1C1C',
                        ph='#666666', icon='#E8E8E8', accent='#3F86FF', send_bg='#1C1C1C', send_fg='#555555')
        return dict(bg='#FFFFFF', sb_fg='#000000', hdr_bg='#FFFFFF', title='#000000', sub='#999999',
                    in_bub='#F2F2F2', in_txt='#000000', out_bub='#3482FF', out_txt='#FFFFFF',
                    sep_txt='#A0A0A0', time_txt='#A0A0A0', input_bg='#FFFFFF', field_bg='#F4F4F4',
                    ph='#B0B0B0', icon='#000000', accent='#3482FF', send_bg='#F4F4F4', send_fg='#C2C2C2')

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        t = t_period(x)
        if n == 0:
            s = t if self.rng.random() < 0.5 else '今天 ' + t
        elif n == 1:
            s = '昨天 ' + t
        elif 2 <= n <= 6:
            s = wk_xq(d) + ' ' + t
        elif d.year == D.year:
            s = md(d) + ' ' + t
        else:
            s = ymd(d) + ' ' + t
        return [(s, False)]


class OppoSMS(AndroidSMS):
    name = 'oppo_sms'
    group = 'B'
    title_centered = False
    radius = 16
    placeholder = '信息'

    def colors(self, dark):
        if dark:
            return dict(bg='#0F0F0F', sb_fg='#FFFFFF', hdr_bg='#0F0F0F', title='#F2F2F2', sub='#858585',
                        in_bub='#262626', in_txt='#E6E6E6', out_bub='#1E8C52', out_txt='#FFFFFF',
                        sep_txt='#757575', time_txt='#757575', input_bg='#0F0F0F', field_bg='#222222',
                        ph='#6B6B6B', icon='#E6E6E6', accent='#2FBF71', send_bg='#222222', send_fg='#5E5E5E')
        return dict(bg='#F6F6F6', sb_fg='#000000', hdr_bg='#F6F6F6', title='#000000', sub='#8F8F8F',
                    in_bub='#FFFFFF', in_txt='#000000', out_bub='#2AAE67', out_txt='#FFFFFF',
                    sep_txt='#9C9C9C', time_txt='#9C9C9C', input_bg='#FFFFFF', field_bg='#F2F2F2',
                    ph='#ADADAD', icon='#000000', accent='#2AAE67', send_bg='#F2F2F2', send_fg='#BDBDBD')

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        t = t24(x)
        if n == 0:
            s = '今天 ' + t
        elif n == 1:
            s = '昨天 ' + t
        elif 2 <= n <= 6:
            s = wk_xq(d) + ' ' + t
        elif d.year == D.year:
            s = md(d) + ' ' + t
        else:
            s = ymd(d) + ' ' + t
        return [(s, False)]


# ---- iPhone Messages -----------------------------------------------------------
class IPhoneSMS(ChatBase):
    name = 'iphone_sms'
    group = 'B'
    platform = 'ios'
    text_size = 17
    lh = 1.30
    padx, pady = 12, 7
    radius = 18
    side = 12
    maxw_frac = 0.72
    gap_same, gap_diff = 2.5, 10
    sep_size = 11.5
    sep_h = 34
    en = False

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', hdr_bg='#161617', hdr_line='#38383A', title='#FFFFFF',
                        sub='#8E8E93', in_bub='#262628', in_txt='#FFFFFF', out_bub='#30D158', out_txt='#FFFFFF',
                        sep_txt='#8E8E93', time_txt='#8E8E93', input_bg='#000000', field_line='#3A3A3C',
                        ph='#6C6C70', icon='#0A84FF', plus_bg='#2C2C2E', plus_fg='#8E8E93',
                        avatar='#6C6C70', avatar_fg='#E5E5EA')
        return dict(bg='#FFFFFF', sb_fg='#000000', hdr_bg='#F6F6F6', hdr_line='#D1D1D6', title='#000000',
                    sub='#8E8E93', in_bub='#E9E9EB', in_txt='#000000', out_bub='#34C759', out_txt='#FFFFFF',
                    sep_txt='#8E8E93', time_txt='#8E8E93', input_bg='#FFFFFF', field_line='#C7C7CC',
                    ph='#B0B0B5', icon='#007AFF', plus_bg='#E9E9EB', plus_fg='#8E8E93',
                    avatar='#A4A9B3', avatar_fg='#FFFFFF')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        h = U(92)
        cv.rect([0, y + h - 1, W, y + h], c['hdr_line'], 'ui')
        ic_chev_left(cv, U(12), y + U(28), U(10.5), c['icon'], U(2.6))
        if self.o.get('unread'):
            cv.text(U(27), y + U(28), str(self.o['unread']), R(U(17)), c['icon'], 'ui', anchor='lm')
        ax, ay, ar = W / 2, y + U(30), U(25)
        cv.ellipse([ax - ar, ay - ar, ax + ar, ay + ar], c['avatar'], 'avatar')
        ini = self.o.get('initial')
        if ini:
            cv.text(ax, ay, ini, R(U(21)), c['avatar_fg'], 'avatar_text', anchor='mm')
        else:
            cv.ellipse([ax - U(8), ay - U(15), ax + U(8), ay + U(1)], c['avatar_fg'], 'avatar')
            cv.rrect([ax - U(15), ay + U(4), ax + U(15), ay + U(24)], U(12), c['avatar_fg'], 'avatar')
        tsz = R(U(11.5))
        b = cv.text(W / 2 - U(4), y + U(72), self.o['title'], tsz, c['title'], 'header_title', anchor='mm')
        ic_chev_right(cv, b[2] + U(3), y + U(72), U(3.5), c['sub'], U(1.5))
        return y + h

    def statusbar(self, cv):
        sbh = self.U(54 if self.o.get('notch', 'island') == 'island' else 47)
        cv.rect([0, 0, self.W, sbh + self.U(92)], self.c['hdr_bg'], 'header_bg')
        return sb_ios(cv, self.u, self.o, self.c['sb_fg'])

    def inputbar(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        h = U(50)
        y0 = H - U(34) - h
        cv.rect([0, y0, W, H], c['input_bg'], 'input_bg')
        cy = y0 + h / 2
        cv.ellipse([U(10), cy - U(17), U(44), cy + U(17)], c['plus_bg'], 'ui')
        cv.line([(U(27) - U(7), cy), (U(27) + U(7), cy)], c['plus_fg'], U(2.2), 'ui')
        cv.line([(U(27), cy - U(7)), (U(27), cy + U(7))], c['plus_fg'], U(2.2), 'ui')
        cv.rrect([U(52), cy - U(18), W - U(10), cy + U(18)], U(18), None, 'input_field',
                 outline=c['field_line'], width=max(2, R(U(0.8))))
        cv.text(U(66), cy, 'Text Message' if self.en else '短信', R(U(16.5)), c['ph'], 'placeholder')
        ic_mic(cv, W - U(32), cy, U(20), c['ph'], U(1.8))
        home_indicator(cv, self.u, c['title'], True)
        return y0

    def geo_sep(self, b):
        h = R(self.U(self.sep_h))
        if b.get('thread_start'):
            h += R(self.U(16))
        return {'h': h}

    def draw_sep(self, cv, y, b, g):
        size = R(self.U(self.sep_size))
        cy = y + g['h'] - self.U(self.sep_h) / 2
        if b.get('thread_start'):
            self._centered_parts(cv, [('Text Message' if self.en else '短信/彩信', False)], size,
                                 cy - self.U(16), self.c['sep_txt'], 'system')
        self._centered_parts(cv, b['parts'], size, cy, self.c['sep_txt'], 'separator')

    def extra_geo(self, m, g):
        if m.get('delivered'):
            g['below'] = R(self.U(17))

    def draw_bubble(self, cv, m, box):
        col = self.c['out_bub'] if m['dir'] == 'out' else self.c['in_bub']
        r = min(self.U(self.radius), (box[3] - box[1]) / 2)
        cv.rrect(box, r, col, 'bubble')
        if m.get('tail'):
            U = self.U
            x0, y1, x1 = box[0], box[3], box[2]
            if m['dir'] == 'in':
                cv.poly([(x0 + U(1), y1 - U(14)), (x0 + U(10), y1 - U(4)), (x0 + U(14), y1 - U(0.2)),
                         (x0 + U(2), y1 - U(0.5)), (x0 - U(5), y1 + U(0.6)), (x0 - U(0.5), y1 - U(4.5))],
                        col, 'bubble_tail')
            else:
                cv.poly([(x1 - U(1), y1 - U(14)), (x1 - U(10), y1 - U(4)), (x1 - U(14), y1 - U(0.2)),
                         (x1 - U(2), y1 - U(0.5)), (x1 + U(5), y1 + U(0.6)), (x1 + U(0.5), y1 - U(4.5))],
                        col, 'bubble_tail')

    def draw_extra(self, cv, y, m, g, box):
        if m.get('delivered'):
            cv.text(box[2] - self.U(4), box[3] + self.U(9), 'Delivered' if self.en else '已送达',
                    R(self.U(11)), self.c['time_txt'], 'status', bold=True, anchor='rm')

    def bubble_x(self, m, g):
        if m['dir'] == 'in':
            return R(self.U(self.side + 4))
        return R(self.W - self.U(self.side + 4) - g['bw'])

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        t = t_ampm_cn(x) if self.o.get('h12') else t24(x)
        if n == 0:
            p = '今天'
        elif n == 1:
            p = '昨天'
        elif 2 <= n <= 6:
            p = wk_xq(d)
        elif d.year == D.year:
            p = md(d)
        else:
            p = ymd(d)
        return [(p, True), (t, False)]


class IPhoneSMSEn(IPhoneSMS):
    name = 'iphone_sms_en'
    en = True

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        t = t_en(x) if self.o.get('h12', True) else t24(x)
        if n == 0:
            return [('Today', True), (t, False)]
        if n == 1:
            return [('Yesterday', True), (t, False)]
        if 2 <= n <= 6:
            return [(WK_EN[d.weekday()], True), (t, False)]
        if d.year == D.year:
            return [('%s, %s %d' % (WK_EN3[d.weekday()], MON_EN[d.month - 1], d.day), True), ('at ' + t, False)]
        return [('%s %d, %d' % (MON_EN[d.month - 1], d.day, d.year), True), ('at ' + t, False)]


# ---- WeChat ---------------------------------------------------------------------
AV_COLORS = ['#5B8DEF', '#E8864A', '#4DB6AC', '#9575CD', '#D4A23B', '#6D8A9C', '#C2645B', '#5FA05A']


class WeChatPrivate(ChatBase):
    name = 'wechat_private'
    kind = 'im'
    group = 'B'
    text_size = 16.5
    lh = 1.42
    padx, pady = 12, 10
    radius = 4
    side = 12
    av = 40
    maxw_frac = 0.62
    gap_same, gap_diff = 16, 16
    sep_size = 12.5
    sep_h = 42
    group_chat = False

    def __init__(self, W, H, dark, rng, opts):
        self.platform = opts['platform']
        ChatBase.__init__(self, W, H, dark, rng, opts)
        if self.platform == 'android':
            self.u = W / 375.0

    def colors(self, dark):
        if dark:
            return dict(bg='#111111', sb_fg='#FFFFFF', hdr_bg='#111111', title='#D5D5D5', sub='#7A7A7A',
                        in_bub='#2C2C2C', in_txt='#D5D5D5', out_bub='#3EB575', out_txt='#0E0E0E',
                        sep_txt='#5F5F5F', sys_txt='#5F5F5F', link='#7D90A9', input_bg='#1E1E1E',
                        field_bg='#2C2C2C', icon='#D5D5D5', nick='#6B6B6B', line='#2A2A2A')
        return dict(bg='#EDEDED', sb_fg='#000000', hdr_bg='#EDEDED', title='#191919', sub='#888888',
                    in_bub='#FFFFFF', in_txt='#191919', out_bub='#95EC69', out_txt='#191919',
                    sep_txt='#A3A3A3', sys_txt='#A3A3A3', link='#576B95', input_bg='#F7F7F7',
                    field_bg='#FFFFFF', icon='#191919', nick='#8A8A8A', line='#D9D9D9')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        h = U(48)
        cv.rect([0, y, W, y + h], c['hdr_bg'], 'header_bg')
        cy = y + h / 2
        ic_chev_left(cv, U(16), cy, U(9), c['icon'], U(2.3))
        cv.text(W / 2, cy, self.o['title'], R(U(17)), c['title'], 'header_title', bold=True, anchor='mm')
        ic_dots_h(cv, W - U(26), cy, U(2.1), c['icon'])
        cv.rect([0, y + h - 1, W, y + h], c['line'], 'ui')
        return y + h

    def inputbar(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        home = U(34) if self.platform == 'ios' else U(20)
        h = U(56)
        y0 = H - home - h
        cv.rect([0, y0, W, H], c['input_bg'], 'input_bg')
        cv.rect([0, y0, W, y0 + 1], c['line'], 'ui')
        cy = y0 + h / 2
        lw = max(2, R(U(1.6)))
        # voice button
        cv.ellipse([U(10), cy - U(14), U(38), cy + U(14)], None, 'ui', outline=c['icon'], width=lw)
        for k, rr in enumerate((4, 8)):
            cv.arc([U(19) - U(rr), cy - U(rr), U(19) + U(rr), cy + U(rr)], -45, 45, c['icon'], U(1.6), 'ui')
        cv.rrect([U(46), cy - U(19), W - U(86), cy + U(19)], U(4), c['field_bg'], 'input_field')
        # emoji button
        ex = W - U(66)
        cv.ellipse([ex - U(14), cy - U(14), ex + U(14), cy + U(14)], None, 'ui', outline=c['icon'], width=lw)
        cv.ellipse([ex - U(6), cy - U(5), ex - U(3), cy - U(2)], c['icon'], 'ui')
        cv.ellipse([ex + U(3), cy - U(5), ex + U(6), cy - U(2)], c['icon'], 'ui')
        cv.arc([ex - U(7), cy - U(5), ex + U(7), cy + U(8)], 20, 160, c['icon'], U(1.6), 'ui')
        ic_plus_circle(cv, W - U(27), cy, U(14), c['icon'], lw)
        home_indicator(cv, self.u, c['title'], self.platform == 'ios')
        return y0

    def bubble_maxw(self):
        return self.W - 2 * self.U(self.side + self.av + 10) - self.U(40)

    def fsize(self):
        return R(self.U(self.text_size))

    def extra_geo(self, m, g):
        if self.group_chat and m['dir'] == 'in':
            g['above'] = R(self.U(20))
        av = R(self.U(self.av))
        if g['above'] + g['bh'] < av:
            g['below'] = av - g['above'] - g['bh']

    def bubble_x(self, m, g):
        if m['dir'] == 'in':
            return R(self.U(self.side + self.av + 10))
        return R(self.W - self.U(self.side + self.av + 10) - g['bw'])

    def draw_bubble(self, cv, m, box):
        U = self.U
        col = self.c['out_bub'] if m['dir'] == 'out' else self.c['in_bub']
        cv.rrect(box, U(self.radius), col, 'bubble')
        ty = box[1] + U(20)
        if m['dir'] == 'in':
            cv.poly([(box[0] + 1, ty - U(5.5)), (box[0] - U(5.5), ty), (box[0] + 1, ty + U(5.5))], col,
                    'bubble_tail')
        else:
            cv.poly([(box[2] - 1, ty - U(5.5)), (box[2] + U(5.5), ty), (box[2] - 1, ty + U(5.5))], col,
                    'bubble_tail')

    def draw_extra(self, cv, y, m, g, box):
        U = self.U
        a = U(self.av)
        if m['dir'] == 'in':
            ax = U(self.side)
            key = m.get('nick') or self.o['title']
            col = self.o['av_colors'].get(key, AV_COLORS[0])
            cv.rrect([ax, y, ax + a, y + a], U(4), col, 'avatar')
            cv.text(ax + a / 2, y + a / 2, key[0] if key[0] not in '【“(（' else key[1], R(U(17)), '#FFFFFF',
                    'avatar_text', bold=True, anchor='mm')
            if self.group_chat:
                cv.text(box[0] + U(2), y + U(8), m['nick'], R(U(12)), self.c['nick'], 'nickname', anchor='lm')
        else:
            ax = self.W - U(self.side) - a
            cv.rrect([ax, y, ax + a, y + a], U(4), self.o['my_av'][0], 'avatar')
            cv.poly([(ax + a * 0.1, y + a * 0.85), (ax + a * 0.42, y + a * 0.45), (ax + a * 0.62, y + a * 0.68),
                     (ax + a * 0.75, y + a * 0.55), (ax + a * 0.92, y + a * 0.85)], self.o['my_av'][1], 'avatar')
            cv.ellipse([ax + a * 0.62, y + a * 0.16, ax + a * 0.82, y + a * 0.36], self.o['my_av'][2], 'avatar')

    def sep_parts(self, x, D):
        d = x.date()
        n = days_before(D, d)
        t = t_period(x) if self.o.get('h12') else t24(x)
        if n == 0:
            s = t
        elif n == 1:
            s = '昨天 ' + t
        elif 2 <= n <= 6:
            s = wk_xq(d) + ' ' + t
        elif d.year == D.year:
            s = md(d) + ' ' + t
        else:
            s = ymd(d) + ' ' + t
        return [(s, False)]

    def gap(self, prev, b):
        if prev is None:
            return 0
        if prev['k'] == 'msg' and b['k'] == 'msg':
            return R(self.U(16))
        return R(self.U(2))


class WeChatGroup(WeChatPrivate):
    name = 'wechat_group'
    group_chat = True


CHAT_CLASSES = {c.name: c for c in [HuaweiSMS, HonorSMS, XiaomiSMS, OppoSMS, VivoSMS, IPhoneSMS, IPhoneSMSEn,
                                      WeChatPrivate, WeChatGroup]}


# ----------------------------------------------------------------------------
# call-log layouts
# ----------------------------------------------------------------------------
def fmt_dur(sec):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if h:
        return '%d小时%d分%d秒' % (h, m, s)
    if m:
        return '%d分%d秒' % (m, s)
    return '%d秒' % s


class CallBase:
    name = 'call'
    platform = 'android'
    clock_right = False
    row_h = 72
    shows_duration = False

    def __init__(self, W, H, dark, rng, opts):
        self.W, self.H, self.dark, self.rng, self.o = W, H, dark, rng, opts
        self.u = (W / 360.0) if self.platform == 'android' else 3.0
        self.c = self.colors(dark)

    def U(self, v):
        return v * self.u

    def statusbar(self, cv):
        if self.platform == 'ios':
            return sb_ios(cv, self.u, self.o, self.c['sb_fg'])
        return sb_android(cv, self.u, self.o, self.c['sb_fg'], self.clock_right)

    def name_col(self, r):
        return self.c['miss'] if r['type'] == 'missed' else self.c['name']

    def icon_col(self, r):
        return self.c['miss'] if r['type'] == 'missed' else self.c['icon_' + r['type']]

    def draw_name(self, cv, x, cy, r, size, bold=False):
        b = cv.text(x, cy, r['disp'], size, self.name_col(r), 'call_name', bold=bold, anchor='lm')
        if r.get('count'):
            cv.text(b[2] + self.U(5), cy, '(%d)' % r['count'], size, self.name_col(r), 'call_count', bold=bold,
                    anchor='lm')
        return b

    def tabs(self, cv, labels, active, y0, h, accent, grey, bg, icon_style='circle'):
        U, W = self.U, self.W
        cv.rect([0, y0, W, y0 + h], bg, 'tabbar_bg')
        n = len(labels)
        for i, lab in enumerate(labels):
            cx = W * (i + 0.5) / n
            col = accent if i == active else grey
            if icon_style == 'circle':
                cv.rrect([cx - U(10), y0 + U(8), cx + U(10), y0 + U(28)], U(6), None, 'ui', outline=col,
                         width=max(2, R(U(1.6))))
            else:
                cv.ellipse([cx - U(11), y0 + U(6), cx + U(11), y0 + U(28)], col if i == active else None, 'ui',
                           outline=col, width=max(2, R(U(1.6))))
            cv.text(cx, y0 + U(39), lab, R(U(10.5)), col, 'ui', anchor='mm')


class HuaweiCall(CallBase):
    name = 'huawei_call'
    clock_right = True
    row_h = 70

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', title='#E6E6E6', name='#E6E6E6', sub='#7F7F7F',
                        miss='#F04B3C', icon_incoming='#7F7F7F', icon_outgoing='#7F7F7F', search='#1E1E1E',
                        ph='#6B6B6B', div='#262626', accent='#3F8CFF', tab='#808080', tab_bg='#0D0D0D',
                        info='#7F7F7F')
        return dict(bg='#F1F3F5', sb_fg='#000000', title='#191919', name='#191919', sub='#8C8C8C',
                    miss='#E84026', icon_incoming='#8C8C8C', icon_outgoing='#8C8C8C', search='#E4E6E9',
                    ph='#999999', div='#DCDEE1', accent='#007DFF', tab='#8C8C8C', tab_bg='#F1F3F5',
                    info='#A0A0A0')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        cv.text(U(24), y + U(30), '电话', R(U(26)), c['title'], 'header_title', bold=True)
        ic_dots_v(cv, W - U(22), y + U(30), U(1.9), c['title'])
        cv.rrect([U(16), y + U(60), W - U(16), y + U(96)], U(18), c['search'], 'search_box')
        ic_search(cv, U(36), y + U(78), U(15), c['ph'], U(1.8))
        cv.text(U(50), y + U(78), '搜索联系人', R(U(14)), c['ph'], 'placeholder')
        return y + U(106)

    def bottom(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        y0 = H - U(18) - U(54)
        self.tabs(cv, ['拨号', '联系人', '收藏', '畅连'], 0, y0, U(54), c['accent'], c['tab'], c['tab_bg'])
        home_indicator(cv, self.u, c['title'], False)
        return y0

    def draw_row(self, cv, y, r, lab):
        U, W, c = self.U, self.W, self.c
        x = U(24)
        self.draw_name(cv, x, y + U(24), r, R(U(16.5)))
        sy = y + U(48)
        call_icon(cv, r['type'], x + U(6), sy, U(11), self.icon_col(r), U(1.5))
        x2 = x + U(17)
        if r.get('sim'):
            sz = R(U(8.5))
            cv.rrect([x2, sy - U(6.5), x2 + U(11), sy + U(6.5)], U(2.5), None, 'sim_badge_box', outline=c['sub'],
                     width=max(2, R(U(1))))
            cv.text(x2 + U(5.5), sy, str(r['sim']), sz, c['sub'], 'sim_badge', anchor='mm')
            x2 += U(16)
        cv.text(x2, sy, r['sub'], R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        cv.text(W - U(54), y + U(35), lab, R(U(12.5)), c['sub'], 'call_time', anchor='rm')
        ic_info(cv, W - U(30), y + U(35), U(9), c['info'], U(1.4))
        cv.rect([U(24), y + U(self.row_h) - 1, W - U(16), y + U(self.row_h)], c['div'], 'divider')

    def label(self, x, D):
        n = days_before(D, x.date())
        if n == 0:
            return t24(x), x
        if n == 1:
            return '昨天', None
        if 2 <= n <= 6:
            return wk_xq(x), None
        return '%d/%d/%d' % (x.year, x.month, x.day), None


class HonorCall(CallBase):
    name = 'honor_call'
    row_h = 68

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', title='#EDEDED', name='#EDEDED', sub='#808080',
                        miss='#FA5A4B', icon_incoming='#4C9AFF', icon_outgoing='#34B36B', div='#242424',
                        accent='#4C8DFF', tab='#7A7A7A', tab_bg='#0E0E0E', info='#7A7A7A')
        return dict(bg='#FFFFFF', sb_fg='#000000', title='#1A1A1A', name='#1A1A1A', sub='#8F8F8F',
                    miss='#E84026', icon_incoming='#256FFF', icon_outgoing='#1FA760', div='#EBEBEB',
                    accent='#256FFF', tab='#8F8F8F', tab_bg='#F7F7F7', info='#B0B0B0')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        cv.text(U(24), y + U(30), '通话', R(U(26)), c['title'], 'header_title', bold=True)
        ic_search(cv, W - U(64), y + U(30), U(20), c['title'], U(2))
        ic_dots_v(cv, W - U(22), y + U(30), U(1.9), c['title'])
        b = cv.text(U(24), y + U(72), '全部', R(U(15)), c['accent'], 'ui', bold=True)
        cv.rrect([b[0], y + U(84), b[2], y + U(86.5)], U(1.2), c['accent'], 'ui')
        cv.text(b[2] + U(24), y + U(72), '未接', R(U(15)), c['sub'], 'ui')
        return y + U(94)

    def bottom(self, cv):
        U, H, c = self.U, self.H, self.c
        y0 = H - U(18) - U(54)
        self.tabs(cv, ['电话', '联系人', '收藏', '畅连'], 0, y0, U(54), c['accent'], c['tab'], c['tab_bg'],
                  icon_style='dot')
        home_indicator(cv, self.u, c['title'], False)
        return y0

    def draw_row(self, cv, y, r, lab):
        U, W, c = self.U, self.W, self.c
        mid = y + U(self.row_h) / 2
        call_icon(cv, r['type'], U(28), mid, U(13), self.icon_col(r), U(1.7))
        x = U(50)
        self.draw_name(cv, x, y + U(24), r, R(U(16.5)))
        sy = y + U(47)
        x2 = x
        if r.get('sim'):
            b = cv.text(x2, sy, '卡%d' % r['sim'], R(U(11.5)), c['accent'], 'sim_badge', anchor='lm')
            x2 = b[2] + U(6)
        cv.text(x2, sy, r['sub'], R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        cv.text(W - U(52), mid, lab, R(U(12.5)), c['sub'], 'call_time', anchor='rm')
        ic_info(cv, W - U(28), mid, U(9), c['info'], U(1.4))
        cv.rect([x, y + U(self.row_h) - 1, W, y + U(self.row_h)], c['div'], 'divider')

    def label(self, x, D):
        n = days_before(D, x.date())
        if n == 0:
            return t24(x), x
        if n == 1:
            return '昨天 ' + t24(x), x
        if 2 <= n <= 6:
            return wk_z(x), None
        if x.year == D.year:
            return md(x), None
        return '%d/%d/%d' % (x.year, x.month, x.day), None


class XiaomiCall(CallBase):
    name = 'xiaomi_call'
    row_h = 74
    shows_duration = True

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', title='#FFFFFF', name='#E8E8E8', sub='#7A7A7A',
                        miss='#FF5A4F', icon_incoming='#3F86FF', icon_outgoing='#2DB86C', search='#1C1C1C',
                        ph='#646464', fab='#22A45D', grey='#6F6F6F')
        return dict(bg='#FFFFFF', sb_fg='#000000', title='#000000', name='#000000', sub='#999999',
                    miss='#F2473C', icon_incoming='#3482FF', icon_outgoing='#1FAE5F', search='#F3F3F3',
                    ph='#ABABAB', fab='#1FAE5F', grey='#9E9E9E')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        b = cv.text(U(22), y + U(32), '电话', R(U(25)), c['title'], 'header_title', bold=True)
        cv.text(b[2] + U(18), y + U(34), '联系人', R(U(19)), c['grey'], 'ui')
        ic_dots_v(cv, W - U(22), y + U(32), U(1.9), c['title'])
        cv.rrect([U(16), y + U(62), W - U(16), y + U(98)], U(18), c['search'], 'search_box')
        ic_search(cv, U(36), y + U(80), U(15), c['ph'], U(1.8))
        cv.text(U(50), y + U(80), '搜索', R(U(14)), c['ph'], 'placeholder')
        return y + U(106)

    def bottom(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        cy = H - U(20) - U(40)
        cv.ellipse([W / 2 - U(30), cy - U(30), W / 2 + U(30), cy + U(30)], c['fab'], 'ui')
        for i in range(3):
            for j in range(3):
                x = W / 2 + (i - 1) * U(9)
                yy = cy + (j - 1) * U(9)
                cv.ellipse([x - U(2.2), yy - U(2.2), x + U(2.2), yy + U(2.2)], '#FFFFFF', 'ui')
        home_indicator(cv, self.u, c['title'], False)
        return cy - U(36)

    def detail(self, r):
        if r['type'] == 'missed':
            return '未接'
        if r['type'] == 'incoming':
            return '呼入 ' + fmt_dur(r['dur'])
        if r.get('failed'):
            return '呼出 未接通'
        return '呼出 ' + fmt_dur(r['dur'])

    def draw_row(self, cv, y, r, lab):
        U, W, c = self.U, self.W, self.c
        x = U(22)
        self.draw_name(cv, x, y + U(26), r, R(U(17)))
        sy = y + U(51)
        call_icon(cv, r['type'], x + U(5), sy, U(10), self.icon_col(r), U(1.5))
        col = c['miss'] if r['type'] == 'missed' else c['sub']
        b = cv.text(x + U(15), sy, self.detail(r), R(U(12.5)), col, 'call_detail', anchor='lm')
        cv.text(b[2] + U(10), sy, r['sub'], R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        cv.text(W - U(22), y + U(37), lab, R(U(12.5)), c['sub'], 'call_time', anchor='rm')

    def label(self, x, D):
        n = days_before(D, x.date())
        if n == 0:
            return t24(x), x
        if n == 1:
            return '昨天 ' + t24(x), x
        if 2 <= n <= 6:
            if self.o.get('wk_time'):
                return wk_z(x) + ' ' + t24(x), x
            return wk_z(x), None
        if x.year == D.year:
            return md(x), None
        return ymd(x), None


class OppoCall(CallBase):
    name = 'oppo_call'
    row_h = 70
    shows_duration = True

    def colors(self, dark):
        if dark:
            return dict(bg='#0F0F0F', sb_fg='#FFFFFF', title='#F2F2F2', name='#E6E6E6', sub='#7D7D7D',
                        miss='#FF5B4D', icon_incoming='#7D7D7D', icon_outgoing='#2FBF71', seg='#222222',
                        seg_on='#3A3A3A', accent='#2FBF71', tab='#777777', tab_bg='#161616', info='#6F6F6F')
        return dict(bg='#F6F6F6', sb_fg='#000000', title='#000000', name='#000000', sub='#8F8F8F',
                    miss='#F1413A', icon_incoming='#8F8F8F', icon_outgoing='#2AAE67', seg='#EAEAEA',
                    seg_on='#FFFFFF', accent='#2AAE67', tab='#8F8F8F', tab_bg='#FAFAFA', info='#ADADAD')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        cv.text(U(22), y + U(30), '电话', R(U(26)), c['title'], 'header_title', bold=True)
        ic_search(cv, W - U(62), y + U(30), U(20), c['title'], U(2))
        ic_dots_v(cv, W - U(22), y + U(30), U(1.9), c['title'])
        cv.rrect([U(20), y + U(58), W - U(20), y + U(90)], U(16), c['seg'], 'ui')
        cv.rrect([U(23), y + U(61), W / 2, y + U(87)], U(13), c['seg_on'], 'ui')
        cv.text((U(23) + W / 2) / 2, y + U(74), '全部通话', R(U(13.5)), c['title'], 'ui', anchor='mm')
        cv.text((W / 2 + W - U(20)) / 2, y + U(74), '未接来电', R(U(13.5)), c['sub'], 'ui', anchor='mm')
        return y + U(98)

    def bottom(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        y0 = H - U(18) - U(54)
        self.tabs(cv, ['电话', '联系人', '收藏'], 0, y0, U(54), c['accent'], c['tab'], c['tab_bg'])
        fx, fy = W - U(48), y0 - U(36)
        cv.ellipse([fx - U(26), fy - U(26), fx + U(26), fy + U(26)], c['accent'], 'ui')
        for i in range(3):
            for j in range(3):
                cv.ellipse([fx + (i - 1) * U(8) - U(2), fy + (j - 1) * U(8) - U(2),
                            fx + (i - 1) * U(8) + U(2), fy + (j - 1) * U(8) + U(2)], '#FFFFFF', 'ui')
        home_indicator(cv, self.u, c['title'], False)
        return fy - U(30)

    def draw_row(self, cv, y, r, lab):
        U, W, c = self.U, self.W, self.c
        mid = y + U(self.row_h) / 2
        call_icon(cv, r['type'], U(30), mid, U(13), self.icon_col(r), U(1.8))
        x = U(54)
        self.draw_name(cv, x, y + U(24), r, R(U(16.5)))
        sy = y + U(47)
        b = cv.text(x, sy, r['sub'], R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        extra = None
        if r['type'] in ('incoming', 'outgoing'):
            extra = '未接通' if r.get('failed') else fmt_dur(r['dur'])
        if extra:
            cv.text(b[2] + U(10), sy, extra, R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        cv.text(W - U(50), mid, lab, R(U(12.5)), c['sub'], 'call_time', anchor='rm')
        ic_info(cv, W - U(26), mid, U(9), c['info'], U(1.4))

    def label(self, x, D):
        n = days_before(D, x.date())
        if n == 0:
            return t24(x), x
        if n == 1:
            return '昨天', None
        if 2 <= n <= 6:
            return wk_xq(x), None
        if x.year == D.year:
            return md(x), None
        return '%d/%d/%d' % (x.year, x.month, x.day), None


class VivoCall(CallBase):
    name = 'vivo_call'
    row_h = 72
    shows_duration = True

    def colors(self, dark):
        if dark:
            return dict(bg='#0B0B0B', sb_fg='#FFFFFF', title='#F0F0F0', name='#EBEBEB', sub='#787878',
                        miss='#FF5247', icon_incoming='#5C7CFA', icon_outgoing='#5C7CFA', accent='#5C7CFA',
                        div='#1F1F1F', grey='#6A6A6A')
        return dict(bg='#FFFFFF', sb_fg='#000000', title='#000000', name='#222222', sub='#999999',
                    miss='#F23D3D', icon_incoming='#456FFF', icon_outgoing='#456FFF', accent='#456FFF',
                    div='#EFEFEF', grey='#9A9A9A')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        cv.text(U(20), y + U(30), '电话', R(U(24)), c['title'], 'header_title', bold=True)
        ic_dots_v(cv, W - U(22), y + U(30), U(1.9), c['title'])
        b = cv.text(U(20), y + U(66), '全部', R(U(14.5)), c['title'], 'ui', bold=True)
        cv.text(b[2] + U(20), y + U(66), '未接', R(U(14.5)), c['grey'], 'ui')
        cv.text(b[2] + U(68), y + U(66), '陌生号码', R(U(14.5)), c['grey'], 'ui')
        return y + U(82)

    def bottom(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        cy = H - U(20) - U(38)
        cv.ellipse([W / 2 - U(28), cy - U(28), W / 2 + U(28), cy + U(28)], c['accent'], 'ui')
        for i in range(3):
            for j in range(4):
                x = W / 2 + (i - 1) * U(8)
                yy = cy + (j - 1.5) * U(7)
                cv.ellipse([x - U(1.8), yy - U(1.8), x + U(1.8), yy + U(1.8)], '#FFFFFF', 'ui')
        home_indicator(cv, self.u, c['title'], False)
        return cy - U(34)

    def draw_row(self, cv, y, r, lab):
        U, W, c = self.U, self.W, self.c
        x = U(20)
        self.draw_name(cv, x, y + U(25), r, R(U(16.5)))
        sy = y + U(49)
        call_icon(cv, r['type'], x + U(5), sy, U(10), self.icon_col(r), U(1.5))
        b = cv.text(x + U(15), sy, r['sub'], R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        extra = None
        if r['type'] in ('incoming', 'outgoing'):
            extra = '未接通' if r.get('failed') else fmt_dur(r['dur'])
        if extra:
            cv.text(b[2] + U(8), sy, extra, R(U(12.5)), c['sub'], 'call_detail', anchor='lm')
        cv.text(W - U(20), y + U(36), lab, R(U(12.5)), c['sub'], 'call_time', anchor='rm')
        cv.rect([x, y + U(self.row_h) - 1, W - U(20), y + U(self.row_h)], c['div'], 'divider')

    def label(self, x, D):
        n = days_before(D, x.date())
        if n == 0:
            return t24(x), x
        if n == 1:
            return '昨天 ' + t24(x), x
        if 2 <= n <= 6:
            return wk_xq(x), None
        if x.year == D.year:
            return md(x), None
        return '%d/%d/%d' % (x.year, x.month, x.day), None


class IPhoneCall(CallBase):
    name = 'iphone_call'
    platform = 'ios'
    row_h = 60

    def colors(self, dark):
        if dark:
            return dict(bg='#000000', sb_fg='#FFFFFF', title='#FFFFFF', name='#FFFFFF', sub='#8E8E93',
                        miss='#FF453A', icon_incoming='#8E8E93', icon_outgoing='#8E8E93', accent='#0A84FF',
                        div='#38383A', seg='#1C1C1E', seg_on='#636366', tab_bg='#121212', tab='#8E8E93')
        return dict(bg='#FFFFFF', sb_fg='#000000', title='#000000', name='#000000', sub='#8A8A8E',
                    miss='#FF3B30', icon_incoming='#8A8A8E', icon_outgoing='#8A8A8E', accent='#007AFF',
                    div='#D9D9DE', seg='#EEEEEF', seg_on='#FFFFFF', tab_bg='#F7F7F7', tab='#999999')

    def header(self, cv, y):
        U, W, c = self.U, self.W, self.c
        cv.text(U(16), y + U(22), '编辑', R(U(17)), c['accent'], 'ui')
        cv.rrect([W / 2 - U(90), y + U(7), W / 2 + U(90), y + U(37)], U(8), c['seg'], 'ui')
        cv.rrect([W / 2 - U(88), y + U(9), W / 2 - U(1), y + U(35)], U(7), c['seg_on'], 'ui')
        cv.text(W / 2 - U(45), y + U(22), '全部', R(U(13)), c['title'], 'ui', bold=True, anchor='mm')
        cv.text(W / 2 + U(45), y + U(22), '未接来电', R(U(13)), c['title'], 'ui', anchor='mm')
        cv.text(U(16), y + U(70), '最近通话', R(U(33)), c['title'], 'header_title', bold=True)
        return y + U(96)

    def bottom(self, cv):
        U, W, H, c = self.U, self.W, self.H, self.c
        y0 = H - U(34) - U(50)
        cv.rect([0, y0, W, H], c['tab_bg'], 'tabbar_bg')
        cv.rect([0, y0, W, y0 + 1], c['div'], 'ui')
        labs = ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']
        for i, lab in enumerate(labs):
            cx = W * (i + 0.5) / 5
            col = c['accent'] if i == 1 else c['tab']
            if i == 1:
                cv.ellipse([cx - U(12), y0 + U(5), cx + U(12), y0 + U(29)], col, 'ui')
                cv.line([(cx, y0 + U(10)), (cx, y0 + U(17)), (cx + U(5), y0 + U(21))], c['tab_bg'], U(2), 'ui')
            elif i == 2:
                cv.ellipse([cx - U(12), y0 + U(5), cx + U(12), y0 + U(29)], col, 'ui')
                cv.ellipse([cx - U(4), y0 + U(9), cx + U(4), y0 + U(17)], c['tab_bg'], 'ui')
            elif i == 3:
                for a in range(3):
                    for bb in range(3):
                        cv.ellipse([cx + (a - 1) * U(7) - U(2.5), y0 + U(9) + bb * U(7) - U(2.5),
                                    cx + (a - 1) * U(7) + U(2.5), y0 + U(9) + bb * U(7) + U(2.5)], col, 'ui')
            elif i == 0:
                cv.poly([(cx, y0 + U(5)), (cx + U(3.5), y0 + U(13)), (cx + U(12), y0 + U(14)),
                         (cx + U(5.5), y0 + U(20)), (cx + U(7.5), y0 + U(29)), (cx, y0 + U(24.5)),
                         (cx - U(7.5), y0 + U(29)), (cx - U(5.5), y0 + U(20)), (cx - U(12), y0 + U(14)),
                         (cx - U(3.5), y0 + U(13))], col, 'ui')
            else:
                cv.ellipse([cx - U(12), y0 + U(11), cx - U(2), y0 + U(21)], None, 'ui', outline=col,
                           width=R(U(2)))
                cv.ellipse([cx + U(2), y0 + U(11), cx + U(12), y0 + U(21)], None, 'ui', outline=col,
                           width=R(U(2)))
                cv.line([(cx - U(7), y0 + U(21)), (cx + U(7), y0 + U(21))], col, U(2), 'ui')
            cv.text(cx, y0 + U(39), lab, R(U(10)), col, 'ui', anchor='mm')
        home_indicator(cv, self.u, c['title'], True)
        return y0

    def draw_row(self, cv, y, r, lab):
        U, W, c = self.U, self.W, self.c
        call_icon(cv, r['type'], U(22), y + U(21), U(10), self.icon_col(r), U(1.6))
        x = U(36)
        self.draw_name(cv, x, y + U(21), r, R(U(17)))
        cv.text(x, y + U(41), r['sub'], R(U(14.5)), c['sub'], 'call_detail', anchor='lm')
        cv.text(W - U(50), y + U(30), lab, R(U(15)), c['sub'], 'call_time', anchor='rm')
        ic_info(cv, W - U(26), y + U(30), U(10.5), c['accent'], U(1.5))
        cv.rect([x, y + U(self.row_h) - 1, W, y + U(self.row_h)], c['div'], 'divider')

    def label(self, x, D):
        n = days_before(D, x.date())
        if n == 0:
            return (t_ampm_cn(x) if self.o.get('h12') else t24(x)), x
        if n == 1:
            return '昨天', None
        if 2 <= n <= 6:
            return wk_xq(x), None
        return '%d/%d/%d' % (x.year, x.month, x.day), None


CALL_CLASSES = {c.name: c for c in [HuaweiCall, HonorCall, XiaomiCall, OppoCall, VivoCall, IPhoneCall]}


# ----------------------------------------------------------------------------
# rendering of a chat screenshot
# ----------------------------------------------------------------------------
def geo_block(L, b):
    if b['k'] == 'msg':
        return L.geo_msg(b)
    if b['k'] == 'sep':
        return L.geo_sep(b)
    return L.geo_sys(b)


def render_chat(L, spec):
    cv = Canvas(L.W, L.H, L.c['bg'])
    sbh = L.statusbar(cv)
    top = L.header(cv, sbh)
    bot = L.inputbar(cv)
    a0, a1 = top + L.U(10), bot - L.U(10)
    blocks = spec['blocks']
    for i, b in enumerate(blocks):
        if b['k'] == 'msg':
            nb = blocks[i + 1] if i + 1 < len(blocks) else None
            b['tail'] = not (nb is not None and nb['k'] == 'msg' and nb['dir'] == b['dir'])
    geos = [geo_block(L, b) for b in blocks]

    def total(s, e):
        t = 0
        for i in range(s, e):
            t += geos[i]['h'] + (L.gap(blocks[i - 1], blocks[i]) if i > s else 0)
        return t
    s, e = 0, len(blocks)
    if spec['anchor'] == 'bottom':
        while total(s, e) > a1 - a0:
            s += 1
        y = a1 - total(s, e)
    else:
        while total(s, e) > a1 - a0:
            e -= 1
        y = a0
    placed = []
    for i in range(s, e):
        b, g = blocks[i], geos[i]
        if i > s:
            y += L.gap(blocks[i - 1], b)
        if b['k'] == 'msg':
            L.draw_msg(cv, y, b, g)
        elif b['k'] == 'sep':
            L.draw_sep(cv, y, b, g)
        else:
            L.draw_sys(cv, y, b, g)
        placed.append({'b': b, 'y0': y, 'y1': y + g['h']})
        y += g['h']
    return cv, placed


def iso(x):
    return None if x is None else x.strftime('%Y-%m-%dT%H:%M:00+08:00')


def chat_records(L, spec, placed):
    recs, cur = [], None
    for p in placed:
        b = p['b']
        if b['k'] == 'sep':
            cur = b
        elif b['k'] == 'msg':
            if cur is None:
                occ = None
            elif L.group == 'A':
                assert cur['when'].date() == b['dt'].date()
                occ = DT.datetime.combine(cur['when'].date(), b['dt'].time())
            else:
                occ = cur['when']
            if L.name == 'wechat_group':
                sender = b['nick'] if b['dir'] == 'in' else spec['group_name']
            else:
                sender = spec['sender']
            recs.append({'kind': L.kind, 'sender': sender, 'occurred_at': iso(occ), 'direction': b['dir'],
                         'text': b['text'], 'call_type': None, 'duration_seconds': None})
    return recs


def render_calls(L, spec):
    cv = Canvas(L.W, L.H, L.c['bg'])
    sbh = L.statusbar(cv)
    top = L.header(cv, sbh)
    bot = L.bottom(cv)
    y = top + L.U(2)
    placed = []
    for r in spec['rows']:
        h = L.U(L.row_h)
        if y + h > bot - L.U(2):
            break
        lab, when = L.label(r['dt'], spec['D'])
        L.draw_row(cv, y, r, lab)
        placed.append({'r': r, 'y0': y, 'y1': y + h, 'when': when})
        y += h
    return cv, placed


def call_records(L, placed):
    recs = []
    for p in placed:
        r = p['r']
        dur = None
        if L.shows_duration and r['type'] != 'missed' and not r.get('failed'):
            dur = r['dur']
        recs.append({'kind': 'call', 'sender': r['sender'], 'occurred_at': iso(p['when']),
                     'direction': 'out' if r['type'] == 'outgoing' else 'in', 'text': None,
                     'call_type': r['type'], 'duration_seconds': dur})
    return recs


def item_bbox(it):
    if 'box' in it:
        return it['box']
    xs = [p[0] for p in it['pts']]
    ys = [p[1] for p in it['pts']]
    return [min(xs), min(ys), max(xs), max(ys)]


def crop_bottom(cv, cut):
    cut = R(cut)
    keep = []
    for it in cv.items:
        bb = item_bbox(it)
        if bb[3] <= cut:
            keep.append(it)
        elif bb[1] >= cut:
            continue
        else:
            assert it['role'] in ('bg', 'header_bg', 'input_bg', 'tabbar_bg'), it
            it = dict(it)
            it['box'] = [it['box'][0], it['box'][1], it['box'][2], cut]
            keep.append(it)
    cv.items = keep
    cv.img = cv.img.crop((0, 0, cv.W, cut))
    cv.H = cut


# ----------------------------------------------------------------------------
# content assembly
# ----------------------------------------------------------------------------
SHORT_SVC_REPLY = ["你们是谁", "TD", "已还款", "别发了", "好的", "收到", "我会处理的"]


class Picker:
    def __init__(self, rng):
        self.rng = rng
        self.used = []

    def pick(self, pool):
        cand = [p for p in pool if p not in self.used]
        if not cand:
            cand = list(pool)
        x = self.rng.choice(cand)
        self.used.append(x)
        return x


def gen_msgs(rng, ctx, mode, n, pk, nicks=None, first_in=True):
    out = []
    run_dir, run = None, 0
    for i in range(n):
        if i == 0:
            d = 'in' if (first_in or rng.random() < 0.7) else 'out'
        elif mode == 'svc':
            d = 'out' if (rng.random() < 0.22 and out[-1]['dir'] == 'in') else 'in'
        else:
            d = 'in' if rng.random() < 0.58 else 'out'
            if run >= 3 and d == run_dir:
                d = 'out' if d == 'in' else 'in'
        run = run + 1 if d == run_dir else 1
        run_dir = d
        m = {'k': 'msg', 'dir': d}
        if mode == 'svc':
            tpl = pk.pick(T_SVC) if d == 'in' else pk.pick(SHORT_SVC_REPLY)
        elif mode == 'en':
            if d == 'in':
                tpl = pk.pick(T_EN_IN) if rng.random() < 0.78 else pk.pick(T_COLLECTOR)
            else:
                tpl = pk.pick(T_EN_OUT) if rng.random() < 0.8 else pk.pick(T_REPLY)
        else:
            tpl = pk.pick(T_COLLECTOR if d == 'in' else T_REPLY)
        m['text'] = ctx.fill(tpl)
        if nicks and d == 'in':
            m['nick'] = rng.choice(nicks)
        out.append(m)
    return out


def attach_times(msgs_groups, groups):
    for ms, g in zip(msgs_groups, groups):
        for m, t in zip(ms, g['times']):
            m['dt'] = t


def sms_counterpart(rng, en=False):
    r = rng.random()
    if r < 0.28:
        dg = '106900' + ''.join(rng.choice('0123456789') for _ in range(rng.choice([6, 7, 8])))
        disp = dg if rng.random() < 0.5 else ' '.join([dg[:4], dg[4:8], dg[8:]])
        return dict(disp=disp, sender=dg, mode='svc', sub=None, initial=None)
    if r < 0.38:
        dg = '95' + ''.join(rng.choice('0123456789') for _ in range(3))
        return dict(disp=dg, sender=dg, mode='svc', sub=None, initial=None)
    if r < 0.75:
        dg = '1' + rng.choice('3456789') + rng.choice('0123456789') + '0000' + \
            ''.join(rng.choice('0123456789') for _ in range(4))
        st = rng.randint(0, 3)
        disp = ['+86 %s %s %s' % (dg[:3], dg[3:7], dg[7:]), '%s %s %s' % (dg[:3], dg[3:7], dg[7:]),
                '%s-%s-%s' % (dg[:3], dg[3:7], dg[7:]), dg][st]
        return dict(disp=disp, sender=dg, mode='personal', sub=rng.choice(LOCS), initial=None)
    names = (["Collector Wang", "JiaYing Legal", "Mr. Chen (Mediation)", "Agent Li"] if en else
             ["催收 王专员", "陈经理(调解)", "嘉盈分期-李主管", "法务部 张律师", "调解员小周", "贷后 赵主管",
              "何专员（融鼎）"])
    nm = rng.choice(names)
    dg = '1' + rng.choice('3578') + rng.choice('0123456789') + '0000' + \
        ''.join(rng.choice('0123456789') for _ in range(4))
    return dict(disp=nm, sender=nm, mode='personal', sub='%s %s %s' % (dg[:3], dg[3:7], dg[7:]),
                initial=(nm[0] if not en else nm[0]))


PRIVATE_NAMES = ["陈经理(调解)", "催收 王专员", "嘉盈-贷后李主管", "法务部-张律师", "调解员小周", "赵主管",
                 "孙法务（恪言所）", "郑组长"]
GROUP_TITLES = ["{lender}债务协商群", "{name}逾期处理专项群", "【法务】案件沟通群", "{lender}-贷后调解",
                "还款协商（{sur}）"]
GROUP_NICKS = ["催收 王专员", "法务-李律师", "调解员小周", "陈经理(调解)", "{lender}客服02", "外访组-何",
               "贷后 赵主管"]

SIZES = {
    'huawei': [(1080, 2340), (1200, 2640), (1228, 2700)],
    'honor': [(1080, 2400), (1200, 2652), (1224, 2700)],
    'xiaomi': [(1080, 2400), (1220, 2712), (1080, 2340)],
    'oppo': [(1080, 2400), (1080, 2412), (1240, 2772)],
    'vivo': [(1080, 2400), (1260, 2800), (1080, 2408)],
    'iphone': [(1170, 2532), (1179, 2556), (1290, 2796), (1125, 2436)],
    'wechat': [(1080, 2340), (1080, 2400), (1170, 2532), (1179, 2556), (1220, 2712)],
}
IOS_W = (1125, 1170, 1179, 1290)


def status_opts(rng, T, platform, h12, W):
    o = {}
    if platform == 'ios':
        o['clock'] = ('%d:%02d' % (T.hour % 12 or 12, T.minute)) if h12 else '%02d:%02d' % (T.hour, T.minute)
        o['notch'] = 'notch' if W in (1125, 1170) else 'island'
        o['notif'] = ['loc'] if rng.random() < 0.3 else []
        o['dual'] = False
    else:
        o['clock'] = '%02d:%02d' % (T.hour, T.minute)
        k = rng.random()
        pool = ['msg', 'chat', 'mail', 'alarm', 'dot']
        o['notif'] = [] if k < 0.4 else rng.sample(pool, rng.randint(1, 3))
        o['dual'] = rng.random() < 0.6
    o['battery'] = rng.randint(12, 98)
    o['sig1'] = rng.randint(2, 4)
    o['sig2'] = rng.randint(1, 4)
    o['sim'] = 1 if rng.random() < 0.7 else 2
    o['h12'] = h12
    return o


def rand_day(rng):
    return DT.date(2026, 1, 2) + DT.timedelta(days=rng.randint(0, 87))


def rand_time(rng, D, lo_h=8, hi_h=23):
    h = rng.choice([h for h in range(lo_h, hi_h + 1)] + [20, 21, 21, 22, 14, 10])
    m = rng.randint(0, 59) if h < 23 else rng.randint(0, 45)
    return DT.datetime(D.year, D.month, D.day, h, m, rng.randint(0, 59))


class Namer:
    def __init__(self, rng):
        self.rng = rng
        self.used = []
        self.imgno = []

    def _take(self, n):
        if n in self.used:
            return False
        self.used.append(n)
        return True

    def name(self, platform, T, jpeg, after_no=None, style=None):
        """returns (file name, IMG number or None); raises on a clash so the
        caller can draw another time."""
        rng = self.rng
        if jpeg:
            n = T.strftime('IMG_%Y%m%d_%H%M%S.jpg')
            k = None
        elif platform == 'ios':
            st = style if style is not None else (0 if rng.random() < 0.5 else 1)
            if st == 0:
                k = (after_no + rng.randint(1, 4)) if after_no else rng.randint(1000, 9800)
                while k in self.imgno:
                    k += 1
                self.imgno.append(k)
                n = 'IMG_%04d.PNG' % k
            else:
                k = None
                n = T.strftime('Screenshot %Y-%m-%d at %H.%M.%S.png')
        else:
            k = None
            st = style if style is not None else (0 if rng.random() < 0.5 else 1)
            n = T.strftime('Screenshot_%Y%m%d_%H%M%S.png' if st == 0 else 'Screenshot_%Y-%m-%d-%H-%M-%S.png')
        if not self._take(n):
            raise KeyError(n)
        return n, k


# ----------------------------------------------------------------------------
# building one chat screenshot (or an overlap pair)
# ----------------------------------------------------------------------------
CHAT_PLAN = [('huawei_sms', 'huawei', 2), ('honor_sms', 'honor', 1), ('xiaomi_sms', 'xiaomi', 2),
             ('oppo_sms', 'oppo', 1), ('vivo_sms', 'vivo', 2), ('iphone_sms', 'iphone', 1),
             ('iphone_sms_en', 'iphone', 2), ('wechat_private', 'wechat', 2), ('wechat_group', 'wechat', 2)]
CALL_PLAN = [('huawei_call', 'huawei'), ('honor_call', 'honor'), ('xiaomi_call', 'xiaomi'),
             ('oppo_call', 'oppo'), ('vivo_call', 'vivo'), ('iphone_call', 'iphone')]
N_CHAT, N_CALL = 10, 8


def platform_of(lname, W):
    if lname.startswith('iphone'):
        return 'ios'
    if lname.startswith('wechat'):
        return 'ios' if W in IOS_W else 'android'
    return 'android'


def h12_of(lname, rng):
    if lname == 'iphone_sms':
        return rng.random() < 0.4
    if lname == 'iphone_sms_en':
        return rng.random() < 0.85
    if lname == 'iphone_call':
        return rng.random() < 0.4
    if lname.startswith('wechat'):
        return rng.random() < 0.35
    return False


def chat_setup(lname, rng, D, T, size, dark):
    W, H = size
    plat = platform_of(lname, W)
    h12 = h12_of(lname, rng)
    o = status_opts(rng, T, plat, h12, W)
    o['platform'] = plat
    ctx = Ctx(rng, D)
    spec = {'D': D, 'T': T}
    en = lname == 'iphone_sms_en'
    if lname.startswith('wechat'):
        if lname == 'wechat_group':
            gname = rng.choice(GROUP_TITLES).format(lender=ctx.lender, name=ctx.full_mask, sur=ctx.surname)
            nmem = rng.randint(3, 9)
            o['title'] = '%s(%d)' % (gname, nmem)
            spec['group_name'] = gname
            nicks = [x.format(lender=ctx.lender) for x in rng.sample(GROUP_NICKS, rng.randint(2, 3))]
            spec['nicks'] = nicks
            cols = rng.sample(AV_COLORS, len(nicks))
            o['av_colors'] = {nk: cols[i] for i, nk in enumerate(nicks)}
            spec['sender'] = None
        else:
            nm = rng.choice(PRIVATE_NAMES)
            o['title'] = nm
            spec['sender'] = nm
            o['av_colors'] = {nm: rng.choice(AV_COLORS)}
            spec['nicks'] = None
        o['my_av'] = rng.choice([('#8FB8DE', '#4E7A5A', '#F4E3A1'), ('#F2C6A0', '#7A5C45', '#FFFFFF'),
                                 ('#B5D3C4', '#3F6F5C', '#FFF2C2'), ('#C9C3E6', '#5B4F8C', '#FFE9A8')])
        spec['mode'] = 'personal'
    else:
        cp = sms_counterpart(rng, en)
        o['title'] = cp['disp']
        o['sub'] = cp['sub'] if rng.random() < 0.8 else None
        o['initial'] = cp['initial']
        o['unread'] = rng.choice([None, None, 3, 12, 27, 104])
        spec['sender'] = cp['sender']
        spec['mode'] = cp['mode'] if not (en and cp['mode'] == 'personal') else 'en'
        spec['nicks'] = None
    return o, ctx, spec


def thread_blocks(L, rng, ctx, pk, spec, D, T, pair_first):
    mode = spec['mode']
    n_groups = rng.choice([2, 3, 3, 4, 4])
    counts = [rng.choice([1, 2, 2] if mode == 'svc' else [2, 3, 3, 4, 5]) for _ in range(n_groups)]
    last_off = None
    gap_min = None
    if pair_first:
        if L.group == 'A':
            last_off = rng.choice([1, 1, 2, 3])
        else:
            gap_min = 30
    groups = None
    for _ in range(50):
        groups = make_groups(rng, D, T, n_groups, L.group == 'A', counts, last_offset=last_off)
        if groups is None:
            continue
        if gap_min is not None and groups[-1]['times'][-1] > T - DT.timedelta(minutes=gap_min):
            continue
        break
    assert groups is not None
    blocks = []
    if L.name == 'wechat_group':
        blocks.append({'k': 'sys', 'parts': [(T_GROUP_SYS[0].format(a=spec['nicks'][0], name=ctx.full_mask),
                                              'grey')]})
    first = True
    for g, cnt in zip(groups, counts):
        ms = gen_msgs(rng, ctx, mode, cnt, pk, nicks=spec['nicks'], first_in=first or rng.random() < 0.6)
        first = False
        for m, t in zip(ms, g['times']):
            m['dt'] = t
        blocks.append({'k': 'sep', 'when': g['times'][0], 'parts': L.sep_parts(g['times'][0], D)})
        for i, m in enumerate(ms):
            blocks.append(m)
            if (L.kind == 'im' and 0 < i < len(ms) - 1 and rng.random() < 0.3 and
                    not any(b['k'] == 'sys' and 'recall' in b for b in blocks)):
                if m['dir'] == 'out':
                    blocks.append({'k': 'sys', 'recall': True, 'parts': [('你撤回了一条消息', 'grey'),
                                                                        ('重新编辑', 'link')]})
                else:
                    who = m.get('nick') or spec['sender']
                    blocks.append({'k': 'sys', 'recall': True, 'parts': [('“%s”撤回了一条消息' % who, 'grey')]})
    decorate(L, rng, blocks, spec)
    return blocks


def decorate(L, rng, blocks, spec):
    o = L.o
    for b in blocks:
        if b['k'] == 'msg' and L.name in ('huawei_sms', 'honor_sms') and o['dual']:
            b['sim'] = o['sim']
        b.pop('delivered', None)
        b.pop('thread_start', None)
    if L.name.startswith('iphone'):
        if blocks and blocks[0]['k'] == 'sep' and rng.random() < 0.6:
            blocks[0]['thread_start'] = True
        if blocks and blocks[-1]['k'] == 'msg' and blocks[-1]['dir'] == 'out':
            blocks[-1]['delivered'] = True


def choose_cut(placed, min_keep, rng, L):
    """a crop line in a gap between two drawn blocks (never through one)."""
    cands = []
    for j in range(min_keep - 1, len(placed) - 1):
        if placed[j]['b']['k'] != 'msg' if 'b' in placed[j] else False:
            continue
        lo, hi = placed[j]['y1'], placed[j + 1]['y0']
        cut = lo + max(2, (hi - lo) / 2) if hi > lo else lo
        cands.append((j, cut))
    if not cands:
        return None
    j, cut = rng.choice(cands[len(cands) // 3:] or cands)
    return j, cut


def finish(cv, name, jpeg_q, drawlog_extra):
    path = os.path.join(HERE, name)
    if jpeg_q:
        cv.img.save(path, 'JPEG', quality=jpeg_q)
    else:
        cv.img.save(path, 'PNG')
    d = {'file': name}
    d.update(drawlog_extra)
    d['W'], d['H'] = cv.W, cv.H
    d['items'] = cv.items
    return d


def make_chat_unit(lname, rng, namer, size, dark, jpegs, crop, pair, tid):
    Lcls = CHAT_CLASSES[lname]
    out = []
    for attempt in range(20):
        D = rand_day(rng)
        T = rand_time(rng, D, 8, 23)
        try:
            plat = platform_of(lname, size[0])
            name, no = namer.name(plat, T, jpegs[0])
            break
        except KeyError:
            continue
    o, ctx, spec = chat_setup(lname, rng, D, T, size, dark)
    L = Lcls(size[0], size[1], dark, rng, o)
    pk = Picker(rng)
    blocks = thread_blocks(L, rng, ctx, pk, spec, D, T, pair)
    spec.update(blocks=blocks, anchor='bottom')
    cv, placed = render_chat(L, spec)
    if crop:
        cc = choose_cut(placed, 3, rng, L)
        if cc:
            j, cut = cc
            crop_bottom(cv, cut)
            placed = placed[:j + 1]
    recs = chat_records(L, spec, placed)
    thread = tid if pair else None
    q = rng.randint(70, 92) if jpegs[0] else None
    out.append(({'file': name, 'layout': lname, 'dark': dark, 'taken_on': D.isoformat(), 'thread': thread,
                 'records': recs},
                finish(cv, name, q, {'layout': lname, 'dark': dark, 'jpeg_quality': q, 'cropped': bool(crop)})))
    if not pair:
        return out
    # ---- the later screenshot of the same thread, a few minutes later --------
    T2 = T + DT.timedelta(minutes=rng.randint(4, 10), seconds=rng.randint(-20, 20))
    assert T2.date() == D
    msgs = [p['b'] for p in placed if p['b']['k'] == 'msg']
    k = rng.choice([1, 2]) if len(msgs) >= 2 else 1
    carried = []
    for m in msgs[-k:]:
        c = {kk: m[kk] for kk in ('k', 'dir', 'text', 'dt', 'nick', 'sim') if kk in m}
        carried.append(c)
    n_new = rng.randint(5, 9)
    new = gen_msgs(rng, ctx, spec['mode'], n_new, pk, nicks=spec['nicks'], first_in=rng.random() < 0.75)
    start = (T.replace(second=0) + DT.timedelta(minutes=1))
    limit = T2.replace(second=0) - DT.timedelta(minutes=1)
    cur = start
    for m in new:
        m['dt'] = min(cur, limit)
        cur = cur + DT.timedelta(minutes=rng.choice([0, 0, 1]))
    assert new[0]['dt'] > T and new[-1]['dt'] < T2
    blocks2 = carried + [{'k': 'sep', 'when': new[0]['dt'], 'parts': L.sep_parts(new[0]['dt'], D)}] + new
    o2 = dict(o)
    o2['clock'] = (('%d:%02d' % (T2.hour % 12 or 12, T2.minute)) if (o['platform'] == 'ios' and o['h12'])
                   else '%02d:%02d' % (T2.hour, T2.minute))
    o2['battery'] = max(5, o['battery'] - rng.randint(0, 1))
    L2 = Lcls(size[0], size[1], dark, rng, o2)
    decorate(L2, rng, blocks2, spec)
    blocks2[0].pop('thread_start', None)
    spec2 = dict(spec)
    spec2.update(blocks=blocks2, anchor='top', T=T2)
    style = None
    if not jpegs[1] and o['platform'] == 'ios':
        style = 0 if no else 1
    name2, _ = namer.name(o['platform'], T2, jpegs[1], after_no=no, style=style)
    cv2, placed2 = render_chat(L2, spec2)
    assert [p['b']['k'] for p in placed2[:k + 2]] == ['msg'] * k + ['sep', 'msg'], placed2[:k + 2]
    recs2 = chat_records(L2, spec2, placed2)
    q2 = rng.randint(70, 92) if jpegs[1] else None
    out.append(({'file': name2, 'layout': lname, 'dark': dark, 'taken_on': D.isoformat(), 'thread': tid,
                 'records': recs2},
                finish(cv2, name2, q2, {'layout': lname, 'dark': dark, 'jpeg_quality': q2, 'cropped': False})))
    return out


# ----------------------------------------------------------------------------
# call logs
# ----------------------------------------------------------------------------
FAMILY = ["妈妈", "老婆", "房东李阿姨", "公司前台", "小舅", "王姐", "同事老陈", "爸", "快递"]
CALL_NAMES = ["催收 王专员", "陈经理(调解)", "{lender}客服", "法务 李律师", "调解员小周", "贷后 赵主管",
              "何专员（{lender}）"]


def rand_mobile(rng):
    return '1' + rng.choice('3456789') + rng.choice('0123456789') + '0000' + \
        ''.join(rng.choice('0123456789') for _ in range(4))


def call_parties(rng, ctx, ios):
    parties = []
    for _ in range(rng.randint(3, 5)):
        r = rng.random()
        if r < 0.45:
            dg = rand_mobile(rng)
            st = rng.randint(0, 2)
            disp = ['+86 %s %s %s' % (dg[:3], dg[3:7], dg[7:]), '%s %s %s' % (dg[:3], dg[3:7], dg[7:]), dg][st]
            sub = rng.choice(LOCS) if not ios else rng.choice(LOCS + ['未知'])
        elif r < 0.6:
            dg = ctx.hotline.replace('-', '')
            disp = ctx.hotline
            sub = '企业号码' if not ios else '未知'
        elif r < 0.7:
            area = rng.choice(['010', '021', '0571', '0755', '027', '028'])
            dg = area + '0000' + ''.join(rng.choice('0123456789') for _ in range(4))
            disp = '%s-0000 %s' % (area, dg[-4:])
            sub = rng.choice(LOCS)
        elif r < 0.76:
            dg = '95' + ''.join(rng.choice('0123456789') for _ in range(3))
            disp = dg
            sub = '服务号码' if not ios else '未知'
        else:
            disp = rng.choice(CALL_NAMES).format(lender=ctx.lender)
            dg = disp
            sub = '手机' if ios else rng.choice(LOCS)
        if any(p['sender'] == dg for p in parties):
            continue
        parties.append({'disp': disp, 'sender': dg, 'sub': sub, 'col': True})
    for nm in rng.sample(FAMILY, rng.randint(2, 3)):
        parties.append({'disp': nm, 'sender': nm, 'sub': '手机' if ios else rng.choice(LOCS), 'col': False})
    return parties


def make_call_rows(L, rng, ctx, D, T, dual):
    parties = call_parties(rng, ctx, L.platform == 'ios')
    rows = []
    t = T - DT.timedelta(minutes=rng.randint(2, 70))
    prev = None
    nrows = 18
    for i in range(nrows):
        p = rng.choice(parties)
        for _ in range(10):
            if prev is None or p['sender'] != prev['sender']:
                break
            p = rng.choice(parties)
        if p['col']:
            ty = rng.choices(['missed', 'incoming', 'outgoing'], [0.45, 0.25, 0.3])[0]
        else:
            ty = rng.choices(['missed', 'incoming', 'outgoing'], [0.2, 0.4, 0.4])[0]
        r = {'disp': p['disp'], 'sender': p['sender'], 'sub': p['sub'], 'type': ty,
             'dt': t.replace(second=0)}
        if ty != 'missed':
            r['dur'] = rng.choice([rng.randint(3, 59), rng.randint(60, 600), rng.randint(60, 1800)])
            if rng.random() < 0.04:
                r['dur'] = rng.randint(3600, 5400)
            if ty == 'outgoing' and rng.random() < 0.28:
                r['failed'] = True
        if (ty == 'missed' and rng.random() < 0.35) or (not L.shows_duration and rng.random() < 0.12):
            r['count'] = rng.randint(2, 6)
        if dual:
            r['sim'] = 1 if rng.random() < 0.7 else 2
        rows.append(r)
        prev = r
        if i < 4:
            gap = rng.choice([3, 8, 20, 45, 90, 200])
        elif i < 10:
            gap = rng.choice([60, 180, 400, 900, 1500])
        else:
            gap = rng.choice([1500, 3000, 6000, 12000, 30000, 60000])
        t = t - DT.timedelta(minutes=gap)
        if t.hour < 7 and rng.random() < 0.85:
            # few calls at night: jump back to the previous evening
            t = t.replace(hour=rng.randint(19, 22), minute=rng.randint(0, 59)) - DT.timedelta(days=1)
    return rows


def make_call_image(lname, rng, namer, size, dark, jpeg, crop):
    Lcls = CALL_CLASSES[lname]
    plat = Lcls.platform
    for attempt in range(20):
        D = rand_day(rng)
        T = rand_time(rng, D, 8, 23)
        try:
            name, no = namer.name(plat, T, jpeg)
            break
        except KeyError:
            continue
    h12 = h12_of(lname, rng)
    o = status_opts(rng, T, plat, h12, size[0])
    o['wk_time'] = rng.random() < 0.5
    L = Lcls(size[0], size[1], dark, rng, o)
    ctx = Ctx(rng, D)
    dual = plat == 'android' and o['dual']
    rows = make_call_rows(L, rng, ctx, D, T, dual)
    spec = {'D': D, 'T': T, 'rows': rows}
    cv, placed = render_calls(L, spec)
    if crop:
        j = rng.randint(max(3, len(placed) // 2), len(placed) - 2)
        crop_bottom(cv, placed[j]['y1'])
        placed = placed[:j + 1]
    recs = call_records(L, placed)
    q = rng.randint(70, 92) if jpeg else None
    return [({'file': name, 'layout': lname, 'dark': dark, 'taken_on': D.isoformat(), 'thread': None,
              'records': recs},
             finish(cv, name, q, {'layout': lname, 'dark': dark, 'jpeg_quality': q, 'cropped': bool(crop)}))]


# ----------------------------------------------------------------------------
def spread(rng, n, k):
    """k distinct indices of range(n), shuffled deterministically."""
    idx = list(range(n))
    rng.shuffle(idx)
    return sorted(idx[:k])


def main():
    master = random.Random(SEED)
    namer = Namer(random.Random(SEED + 1))
    results = []
    for old in os.listdir(HERE):
        if old.endswith(('.png', '.PNG', '.jpg')):
            os.remove(os.path.join(HERE, old))
    gidx = 0
    for lname, fam, npairs in CHAT_PLAN:
        units = ['pair'] * npairs + ['single'] * (N_CHAT - 2 * npairs)
        master.shuffle(units)
        n_dark_target = round(N_CHAT / 3.0)
        dark_units, nd = [], 0
        order = list(range(len(units)))
        master.shuffle(order)
        flags = [False] * len(units)
        for i in order:
            sz = 2 if units[i] == 'pair' else 1
            if nd + sz <= n_dark_target:
                flags[i] = True
                nd += sz
        singles = [i for i, u in enumerate(units) if u == 'single']
        crops = master.sample(singles, 2 if len(singles) >= 6 else 1)
        tno = 0
        for i, u in enumerate(units):
            rng = random.Random(SEED * 31 + gidx * 7919)
            gidx += 1
            size = master.choice(SIZES[fam])
            if u == 'pair':
                tno += 1
                jp = [master.random() < 0.2, master.random() < 0.2]
                results += make_chat_unit(lname, rng, namer, size, flags[i], jp, False, True,
                                          '%s_t%d' % (lname, tno))
            else:
                jp = [master.random() < 0.2]
                results += make_chat_unit(lname, rng, namer, size, flags[i], jp, i in crops, False, None)
    for lname, fam in CALL_PLAN:
        darks = spread(master, N_CALL, round(N_CALL / 3.0))
        crop_i = master.randrange(N_CALL)
        for i in range(N_CALL):
            rng = random.Random(SEED * 31 + gidx * 7919)
            gidx += 1
            size = master.choice(SIZES[fam])
            results += make_call_image(lname, rng, namer, size, i in darks, master.random() < 0.2, i == crop_i)
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as ft, \
            open(os.path.join(HERE, 'drawlog.jsonl'), 'w', encoding='utf-8') as fd:
        for tr, dl in results:
            ft.write(json.dumps(tr, ensure_ascii=False) + '\n')
            fd.write(json.dumps(dl, ensure_ascii=False) + '\n')
    print('images', len(results), 'records', sum(len(t['records']) for t, _ in results))


if __name__ == '__main__':
    main()
