#!/usr/bin/env python3
"""Generator of FROZEN OCR benchmark set 4 (synthetic phone screenshots).

Deterministic: fixed seed 20261205, one random stream, no clock, no hashing of
dicts/sets that could vary.  Re-running rewrites identical files.

Writes into the folder holding this script:
  *.png / *.jpg   the screenshots
  truth.jsonl     one record per image
  drawlog.jsonl   one line per image: every string drawn (ink box, role,
                  colour, size) and every bubble / call-row / icon rectangle
"""
import datetime as dt
import json
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFont

SEED = 20261205
OUT = os.path.dirname(os.path.abspath(__file__))
FONT_R = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_B = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC

R = random.Random(SEED)

_FONTS = {}


def font(size, bold=False):
    k = (size, bold)
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(FONT_B if bold else FONT_R, size, index=FACE)
    return _FONTS[k]


def tw(s, size, bold=False):
    return font(size, bold).getlength(s)


# ---------------------------------------------------------------- canvas
class Screen:
    def __init__(self, W, H, dark, bg):
        self.W, self.H, self.dark, self.bg = W, H, dark, bg
        self.img = Image.new('RGB', (W, H), bg)
        self.d = ImageDraw.Draw(self.img)
        self.texts = []
        self.shapes = []

    def text(self, x, y, s, size, color, role, bold=False, anchor='lm', sp=False):
        f = font(size, bold)
        x, y = round(x), round(y)
        bb = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        self.d.text((x, y), s, font=f, fill=color, anchor=anchor)
        e = {'s': s, 'box': [int(bb[0]), int(bb[1]), int(bb[2] + 0.999), int(bb[3] + 0.999)],
             'role': role, 'color': color, 'size': size, 'bold': bold}
        if sp:
            e['sp'] = True
        self.texts.append(e)
        return bb

    def shape(self, kind, box, **kw):
        e = {'kind': kind, 'box': [int(round(v)) for v in box]}
        e.update(kw)
        self.shapes.append(e)

    def rrect(self, box, r, fill=None, outline=None, width=1):
        box = [round(v) for v in box]
        self.d.rounded_rectangle(box, radius=round(r), fill=fill, outline=outline, width=width)


# ---------------------------------------------------------------- icons (shapes only)
def ic_back(sc, x, cy, s, color, w=None):
    w = w or max(3, round(s * 0.12))
    sc.d.line([(x + s * 0.5, cy - s * 0.5), (x, cy), (x + s * 0.5, cy + s * 0.5)], fill=color, width=w, joint='curve')
    sc.shape('icon', [x - w, cy - s * 0.5 - w, x + s * 0.5 + w, cy + s * 0.5 + w], name='back')


def ic_chev(sc, x, cy, s, color, w=None):
    w = w or max(2, round(s * 0.14))
    sc.d.line([(x, cy - s * 0.5), (x + s * 0.45, cy), (x, cy + s * 0.5)], fill=color, width=w, joint='curve')
    sc.shape('icon', [x - w, cy - s * 0.5 - w, x + s * 0.45 + w, cy + s * 0.5 + w], name='chevron')


def ic_dots(sc, cx, cy, s, color, vertical=True):
    r = max(2, s * 0.09)
    for k in (-1, 0, 1):
        px, py = (cx, cy + k * s * 0.33) if vertical else (cx + k * s * 0.33, cy)
        sc.d.ellipse([px - r, py - r, px + r, py + r], fill=color)
    sc.shape('icon', [cx - s * 0.4, cy - s * 0.45, cx + s * 0.4, cy + s * 0.45], name='dots')


def ic_phone(sc, cx, cy, s, color):
    # handset: a thick arc with two ends
    w = max(3, round(s * 0.16))
    sc.d.arc([cx - s * 0.45, cy - s * 0.45, cx + s * 0.45, cy + s * 0.45], 100, 260, fill=color, width=w)
    sc.d.ellipse([cx - s * 0.18, cy - s * 0.5, cx + s * 0.02, cy - s * 0.28], fill=color)
    sc.d.ellipse([cx - s * 0.18, cy + s * 0.28, cx + s * 0.02, cy + s * 0.5], fill=color)
    sc.shape('icon', [cx - s * 0.5, cy - s * 0.5, cx + s * 0.5, cy + s * 0.5], name='phone')


def ic_info(sc, cx, cy, s, color):
    w = max(2, round(s * 0.08))
    sc.d.ellipse([cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], outline=color, width=w)
    sc.d.line([(cx, cy - s * 0.08), (cx, cy + s * 0.26)], fill=color, width=w + 1)
    r = w * 0.9
    sc.d.ellipse([cx - r, cy - s * 0.26 - r, cx + r, cy - s * 0.26 + r], fill=color)
    sc.shape('icon', [cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], name='info')


def ic_calltype(sc, x, cy, s, color, kind):
    """small arrow icon for call logs; kind: ic_in / ic_out / ic_missed"""
    w = max(3, round(s * 0.14))
    x0, y0, x1, y1 = x, cy - s / 2, x + s, cy + s / 2
    if kind == 'ic_out':
        sc.d.line([(x0 + s * 0.15, y1 - s * 0.15), (x1 - s * 0.15, y0 + s * 0.15)], fill=color, width=w)
        sc.d.line([(x1 - s * 0.6, y0 + s * 0.15), (x1 - s * 0.15, y0 + s * 0.15), (x1 - s * 0.15, y0 + s * 0.6)], fill=color, width=w)
    elif kind == 'ic_in':
        sc.d.line([(x1 - s * 0.15, y0 + s * 0.15), (x0 + s * 0.15, y1 - s * 0.15)], fill=color, width=w)
        sc.d.line([(x0 + s * 0.15, y1 - s * 0.6), (x0 + s * 0.15, y1 - s * 0.15), (x0 + s * 0.6, y1 - s * 0.15)], fill=color, width=w)
    else:  # missed: bent arrow with a cross-like kink
        sc.d.line([(x0 + s * 0.1, y0 + s * 0.3), (x0 + s * 0.45, y0 + s * 0.7), (x1 - s * 0.1, y0 + s * 0.2)], fill=color, width=w)
        sc.d.line([(x0 + s * 0.1, y0 + s * 0.3), (x0 + s * 0.1, y0 + s * 0.65)], fill=color, width=w)
        sc.d.line([(x0 + s * 0.1, y0 + s * 0.3), (x0 + s * 0.42, y0 + s * 0.3)], fill=color, width=w)
    sc.shape(kind, [x0, y0, x1, y1], color=color)


def ic_signal(sc, x, yb, h, color, bars=4, full=4):
    bw = h * 0.16
    for i in range(bars):
        bh = h * (0.35 + 0.65 * i / (bars - 1))
        c = color if i < full else (color if False else '#999999')
        sc.d.rectangle([x + i * bw * 1.5, yb - bh, x + i * bw * 1.5 + bw, yb], fill=c)
    sc.shape('icon', [x, yb - h, x + bars * bw * 1.5, yb], name='signal')
    return x + bars * bw * 1.5


def ic_wifi(sc, x, yb, h, color):
    cx = x + h * 0.7
    for k, r in enumerate((h, h * 0.68, h * 0.36)):
        if k < 2:
            sc.d.arc([cx - r, yb - r, cx + r, yb + r], 225, 315, fill=color, width=max(2, round(h * 0.16)))
        else:
            sc.d.pieslice([cx - r, yb - r, cx + r, yb + r], 225, 315, fill=color)
    sc.shape('icon', [x, yb - h, x + h * 1.4, yb], name='wifi')
    return x + h * 1.4


def ic_battery(sc, x, cy, h, color, pct, bg):
    w = h * 2.0
    sc.rrect([x, cy - h / 2, x + w, cy + h / 2], h * 0.25, outline=color, width=max(2, round(h * 0.1)))
    inner = (w - h * 0.3) * pct / 100.0
    sc.rrect([x + h * 0.15, cy - h / 2 + h * 0.15, x + h * 0.15 + inner, cy + h / 2 - h * 0.15], h * 0.12, fill=color)
    sc.d.rectangle([x + w + 1, cy - h * 0.18, x + w + h * 0.14, cy + h * 0.18], fill=color)
    sc.shape('icon', [x, cy - h / 2, x + w + h * 0.14, cy + h / 2], name='battery')
    return x + w + h * 0.14


def ic_notif(sc, x, cy, s, color, k):
    if k % 3 == 0:   # chat bubble
        sc.rrect([x, cy - s * 0.4, x + s, cy + s * 0.3], s * 0.25, fill=color)
        sc.d.polygon([(x + s * 0.2, cy + s * 0.25), (x + s * 0.1, cy + s * 0.5), (x + s * 0.45, cy + s * 0.28)], fill=color)
    elif k % 3 == 1:  # envelope
        sc.d.rectangle([x, cy - s * 0.35, x + s, cy + s * 0.35], outline=color, width=max(2, round(s * 0.1)))
        sc.d.line([(x, cy - s * 0.35), (x + s / 2, cy + s * 0.05), (x + s, cy - s * 0.35)], fill=color, width=max(2, round(s * 0.1)))
    else:  # bell
        sc.d.pieslice([x + s * 0.1, cy - s * 0.45, x + s * 0.9, cy + s * 0.55], 180, 360, fill=color)
        sc.d.rectangle([x + s * 0.1, cy + s * 0.05, x + s * 0.9, cy + s * 0.3], fill=color)
        sc.d.ellipse([x + s * 0.4, cy + s * 0.3, x + s * 0.6, cy + s * 0.5], fill=color)
    sc.shape('icon', [x, cy - s / 2, x + s, cy + s / 2], name='notif')
    return x + s


def ic_silhouette(sc, cx, cy, r, bgc, fgc):
    sc.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=bgc)
    sc.d.ellipse([cx - r * 0.34, cy - r * 0.62, cx + r * 0.34, cy + r * 0.06], fill=fgc)
    sc.d.chord([cx - r * 0.66, cy + r * 0.2, cx + r * 0.66, cy + r * 1.3], 180, 360, fill=fgc)
    sc.shape('icon', [cx - r, cy - r, cx + r, cy + r], name='avatar')


def ic_sim(sc, x, cy, s, color, n, bg):
    """dual-SIM card icon: outline with a digit inside (digit logged, role sim)"""
    w = s * 0.78
    sc.d.polygon([(x, cy - s / 2 + s * 0.22), (x + s * 0.22, cy - s / 2), (x + w, cy - s / 2), (x + w, cy + s / 2), (x, cy + s / 2)],
                 outline=color, fill=None, width=max(2, round(s * 0.08)))
    sc.shape('icon', [x, cy - s / 2, x + w, cy + s / 2], name='sim')
    sc.text(x + w / 2, cy + s * 0.04, str(n), max(10, round(s * 0.62)), color, 'sim', bold=True, anchor='mm')
    return x + w


def nav_gesture(sc, color):
    w = sc.W * 0.32
    y = sc.H - sc.H * 0.012
    sc.rrect([sc.W / 2 - w / 2, y - 6, sc.W / 2 + w / 2, y + 6], 6, fill=color)


def home_indicator(sc, color):
    w = sc.W * 0.36
    y = sc.H - sc.H * 0.011
    sc.rrect([sc.W / 2 - w / 2, y - 7, sc.W / 2 + w / 2, y + 7], 7, fill=color)


def nav_buttons(sc, color, y0):
    cy = (y0 + sc.H) / 2
    s = (sc.H - y0) * 0.34
    for k, cx in enumerate((sc.W * 0.25, sc.W * 0.5, sc.W * 0.75)):
        if k == 0:
            sc.d.polygon([(cx + s / 2, cy - s / 2), (cx - s / 2, cy), (cx + s / 2, cy + s / 2)], outline=color, width=3)
        elif k == 1:
            sc.d.ellipse([cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], outline=color, width=3)
        else:
            sc.d.rectangle([cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], outline=color, width=3)
        sc.shape('icon', [cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], name='nav')


# ---------------------------------------------------------------- status bars
def sb_height(H, ios):
    return round(H * 0.055) if ios else round(H * 0.040)


def status_android(sc, clock, fg, opt):
    h = sb_height(sc.H, False)
    fs = max(28, round(sc.W * 0.034))
    cy = h * 0.55
    m = sc.W * 0.05
    x = m
    left_items = []
    if opt['clock_left']:
        left_items.append(('clock', clock))
    if opt.get('carrier'):
        left_items.append(('carrier', opt['carrier']))
    for kind, s in left_items:
        bb = sc.text(x, cy, s, fs if kind == 'clock' else round(fs * 0.85), fg, 'status', bold=(kind == 'clock' and opt.get('bold_clock', False)))
        x = bb[2] + fs * 0.4
        if kind == 'carrier' and opt.get('net'):
            bb = sc.text(x, cy, opt['net'], round(fs * 0.6), fg, 'status', bold=True)
            x = bb[2] + fs * 0.4
    for k in range(opt.get('notif', 0)):
        x = ic_notif(sc, x, cy, fs * 0.8, fg, k + opt.get('notif_seed', 0)) + fs * 0.35
    # right side, built from the right edge leftwards
    xr = sc.W - m
    if not opt['clock_left']:
        bb = sc.text(xr, cy, clock, fs, fg, 'status', anchor='rm')
        xr = bb[0] - fs * 0.45
    pct = opt['battery']
    if opt.get('pct_out'):
        bb = sc.text(xr, cy, f'{pct}%' if opt.get('pct_sign') else str(pct), round(fs * 0.78), fg, 'status', anchor='rm')
        xr = bb[0] - fs * 0.25
    bh = fs * 0.62
    bx = xr - bh * 2.14
    ic_battery(sc, bx, cy, bh, fg, pct, sc.bg)
    xr = bx - fs * 0.45
    wx = xr - fs * 0.8 * 1.4
    ic_wifi(sc, wx, cy + fs * 0.36, fs * 0.8, fg)
    xr = wx - fs * 0.35
    sx = xr - fs * 0.72 * 0.16 * 6
    ic_signal(sc, sx, cy + fs * 0.34, fs * 0.72, fg)
    if opt.get('net_right'):
        bb = sc.text(sx - fs * 0.2, cy - fs * 0.12, opt['net_right'], round(fs * 0.55), fg, 'status', bold=True, anchor='rm')
    return h


def status_ios(sc, clock, fg, opt):
    h = sb_height(sc.H, True)
    fs = max(34, round(sc.W * 0.040))
    cy = h * 0.56
    sc.text(sc.W * 0.135, cy, clock, fs, fg, 'status', bold=True, anchor='mm')
    xr = sc.W * 0.93
    bh = fs * 0.62
    bx = xr - bh * 2.14
    pct = opt['battery']
    ic_battery(sc, bx, cy, bh, fg, pct, sc.bg)
    if opt.get('pct_in'):
        pass  # iOS 16 number inside battery is drawn as a shape-like glyph? keep icon only
    wx = bx - fs * 0.35 - fs * 0.75 * 1.4
    ic_wifi(sc, wx, cy + fs * 0.33, fs * 0.75, fg)
    sx = wx - fs * 0.3 - fs * 0.7 * 0.16 * 6
    ic_signal(sc, sx, cy + fs * 0.3, fs * 0.7, fg)
    return h


# ---------------------------------------------------------------- helpers: time labels
WD_ZH = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def hm24(t):
    return f'{t.hour:02d}:{t.minute:02d}'


def hm12_zh(t, scheme):
    h = t.hour
    if scheme == 'ampm':
        p = '上午' if h < 12 else '下午'
    else:  # wechat-like day parts
        p = ('凌晨' if h < 5 else '早上' if h < 9 else '上午' if h < 12 else
             '中午' if h < 13 else '下午' if h < 18 else '晚上')
    hh = h % 12 or 12
    return f'{p}{hh}:{t.minute:02d}'


def hm12_en(t):
    hh = t.hour % 12 or 12
    return f'{hh}:{t.minute:02d} {"AM" if t.hour < 12 else "PM"}'


def clock_str(t, h12, ios):
    if not h12:
        return hm24(t)
    hh = t.hour % 12 or 12
    return f'{hh}:{t.minute:02d}'


def days_before(t, taken):
    return (taken.date() - t.date()).days


def sep_parts(app, t, taken, h12):
    """separator label for time-bearing separators -> list of (text, bold)"""
    n = days_before(t, taken)
    same_year = t.year == taken.year
    wd = t.weekday()
    if app == 'iphone_sms_en':
        tm = hm12_en(t) if h12 else hm24(t)
        if n == 0:
            return [('Today', True), (tm, False)]
        if n == 1:
            return [('Yesterday', True), (tm, False)]
        if 2 <= n <= 6:
            return [(WD_EN[wd], True), (tm, False)]
        if same_year:
            return [(f'{WD_EN3[wd]}, {MON_EN[t.month - 1]} {t.day}', True), (f'at {tm}', False)]
        return [(f'{MON_EN[t.month - 1]} {t.day}, {t.year}', True), (f'at {tm}', False)]
    if app == 'iphone_sms':
        tm = hm12_zh(t, 'ampm') if h12 else hm24(t)
        if n == 0:
            d = '今天'
        elif n == 1:
            d = '昨天'
        elif 2 <= n <= 6:
            d = '星期' + WD_ZH[wd]
        elif same_year:
            d = f'{t.month}月{t.day}日 周{WD_ZH[wd]}'
        else:
            d = f'{t.year}年{t.month}月{t.day}日'
        return [(d, True), (tm, False)]
    if app == 'xiaomi_sms':
        tm = hm12_zh(t, 'wx') if h12 else hm24(t)
        if n == 0:
            return [(tm, False)]
        d = ('昨天' if n == 1 else '星期' + WD_ZH[wd] if n <= 6 else
             f'{t.month}月{t.day}日' if same_year else f'{t.year}年{t.month}月{t.day}日')
        return [(f'{d} {tm}', False)]
    if app == 'oppo_sms':
        tm = hm12_zh(t, 'ampm') if h12 else hm24(t)
        d = ('今天' if n == 0 else '昨天' if n == 1 else '周' + WD_ZH[wd] if n <= 6 else
             f'{t.month}月{t.day}日' if same_year else f'{t.year}/{t.month}/{t.day}')
        return [(f'{d} {tm}', False)]
    if app.startswith('wechat'):
        tm = hm12_zh(t, 'wx') if h12 else hm24(t)
        if n == 0:
            return [(tm, False)]
        d = ('昨天' if n == 1 else '星期' + WD_ZH[wd] if n <= 6 else
             f'{t.month}月{t.day}日' if same_year else f'{t.year}年{t.month}月{t.day}日')
        return [(f'{d} {tm}', False)]
    raise ValueError(app)


def day_sep(app, t, taken):
    n = days_before(t, taken)
    wd = t.weekday()
    same_year = t.year == taken.year
    if n == 0:
        return '今天'
    if n == 1:
        return '昨天'
    if app == 'huawei_sms':
        if n <= 6:
            return '星期' + WD_ZH[wd]
        return (f'{t.month}月{t.day}日 星期{WD_ZH[wd]}' if same_year else
                f'{t.year}年{t.month}月{t.day}日 星期{WD_ZH[wd]}')
    if app == 'honor_sms':
        if n <= 6:
            return '周' + WD_ZH[wd]
        return f'{t.month}月{t.day}日' if same_year else f'{t.year}年{t.month}月{t.day}日'
    if app == 'vivo_sms':
        if n <= 6:
            return '星期' + WD_ZH[wd]
        return f'{t.month}月{t.day}日' if same_year else f'{t.year}/{t.month}/{t.day}'
    raise ValueError(app)


def own_time(t, h12):
    return hm12_zh(t, 'ampm') if h12 else hm24(t)


def call_time_label(app, t, taken, h12):
    n = days_before(t, taken)
    wd = t.weekday()
    same_year = t.year == taken.year
    if app == 'iphone_calls_en':
        return hm12_en(t) if h12 else hm24(t)
    if app == 'iphone_calls':
        return hm12_zh(t, 'ampm') if h12 else hm24(t)
    tm = hm12_zh(t, 'ampm') if h12 else hm24(t)
    if n == 0:
        return tm
    if n == 1:
        return '昨天 ' + tm
    if app == 'huawei_calls':
        if n <= 6:
            return f'星期{WD_ZH[wd]} {tm}'
        return f'{t.month}月{t.day}日 {tm}' if same_year else f'{t.year}/{t.month}/{t.day} {tm}'
    if app == 'xiaomi_calls':
        return f'{t.month:02d}/{t.day:02d} {tm}' if same_year else f'{t.year}/{t.month:02d}/{t.day:02d} {tm}'
    if app == 'oppo_calls':
        if n <= 6:
            return f'周{WD_ZH[wd]} {tm}'
        return f'{t.month}月{t.day}日 {tm}' if same_year else f'{t.year}/{t.month}/{t.day} {tm}'
    raise ValueError(app)


def iso(d, hh, mm):
    return f'{d.isoformat()}T{hh:02d}:{mm:02d}:00+08:00'


# ---------------------------------------------------------------- content
BORROWERS = ['陈晓东', '刘子航', '赵雅琴', '孙浩然', '吴思远', '郑凯文', '何美玲', '林志强', '黄佳怡', '高建平', '马文博', '许静怡']
COMPANIES = ['鑫禾易贷', '澄源资产', '融晟普惠', '泽川数科', '汇诚调解中心', '宁远消费金融', '盈泰小贷', '橙意借', '快米钱包', '禾丰信用', '铂恒资产管理', '安骏律师事务所']
COMPANIES_EN = ['FlexiCash', 'QuickMi Loan', 'RongSheng Credit', 'Orangeo Pay', 'HeFeng Finance']
LAWYERS = ['王律师', '周律师', '张律师', '刘律师', '钱律师']
SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林'
DOMAINS = ['hx-pay.cn', 't.rsph.cn', 'm.zcsk8.com', 'hk-huankuan.cn', 'pay.czyd9.com', 'u.nyxf.cn', 'h5.mqb88.cn', 'jr.hfxy6.cn']
CITIES = ['广东深圳', '浙江杭州', '四川成都', '湖南长沙', '江苏南京', '河南郑州', '湖北武汉', '福建厦门', '上海', '北京', '重庆', '山东济南', '广西南宁', '安徽合肥']
OPS = ['移动', '联通', '电信']
B62 = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'


def digits(n):
    return ''.join(R.choice('0123456789') for _ in range(n))


def amount():
    v = R.choice([R.randint(800, 9999), R.randint(1000, 49999), R.randint(300, 2999)])
    cents = R.choice(['', '', '.00', f'.{R.randint(10, 99)}'])
    s = f'{v}{cents}'
    if v >= 1000 and R.random() < 0.3:
        s = f'{v:,}{cents}'
    return s


def case_no():
    k = R.random()
    if k < 0.4:
        return f'HX{R.choice(["2025", "2026"])}-{digits(7)}'
    if k < 0.7:
        return f'（{R.choice(["2025", "2026"])}）{R.choice("浙粤川湘苏豫鄂闽")}{digits(4)}民初{R.randint(1000, 29999)}号'
    return f'{R.choice(["WT", "CS", "RZ"])}{digits(10)}'


def url():
    return f'https://{R.choice(DOMAINS)}/{R.choice(["r", "p", "s", "h5"])}/' + ''.join(R.choice(B62) for _ in range(R.randint(6, 10)))


def mobile():
    return '1' + R.choice(['3', '5', '7', '8', '9']) + R.choice('0123456789') + digits(8)


def tel():
    k = R.random()
    if k < 0.5:
        return mobile()
    if k < 0.8:
        return R.choice(['0571', '0755', '028', '0731', '025', '0371']) + '-' + digits(8)
    return '400-' + digits(3) + '-' + digits(4)


def acct():
    return R.choice(['6217', '6222', '6214', '6230', '6228']) + digits(R.choice([12, 15]))


def future_date(taken):
    t = taken + dt.timedelta(days=R.randint(1, 7))
    return f'{t.month}月{t.day}日'


def ctx_new(taken):
    c = {'nm': R.choice(BORROWERS), 'co': R.choice(COMPANIES), 'coen': R.choice(COMPANIES_EN), 'taken': taken}
    return c


def fill_in_zh(c):
    nm, co, taken = c['nm'], c['co'], c['taken']
    T = [
        lambda: f'【{co}】尊敬的{nm}，您在我司的借款已逾期{R.randint(3, 190)}天，当前应还金额{amount()}元，请于今日18:00前还款，以免影响您的个人征信。',
        lambda: f'【{co}】{nm}您好，您本期账单{amount()}元已到期，请尽快登录APP还款，如已还款请忽略。',
        lambda: f'{nm}，你欠款{amount()}元已经逾期{R.randint(5, 120)}天了，今天必须处理，不要再拖了。',
        lambda: f'【{co}】您的借款合同编号{case_no()}已进入委外催收阶段，请在{future_date(taken)}前结清欠款{amount()}元，逾期将移交法务部门处理。',
        lambda: f'【{co}】律师函：{nm}，你方借款本金{amount()}元及违约金至今未还，我所受委托将于近日向法院提起诉讼，请速与{R.choice(LAWYERS)}联系：{tel()}。',
        lambda: '我们已经联系了你的紧急联系人，如果今天再不还款，明天将通知你公司领导和同事。',
        lambda: '再不还钱，我们会把你的欠款信息发到你通讯录里的每一个人。',
        lambda: '你是不是以为换个号码就找不到你了？你家地址我们都有。',
        lambda: '老赖，装死是吧？',
        lambda: f'【{co}】还款账户：{acct()}，户名：{R.choice(["杭州", "深圳", "成都"])}{co}科技有限公司，请备注合同号{case_no()}。',
        lambda: f'还款链接：{url()}，请在24小时内完成还款。',
        lambda: f'{nm}你好，我是{co}的调解员{R.choice(SURNAMES)}先生，关于你的欠款问题请回电{tel()}。',
        lambda: '今天下午三点前不处理，我们将安排人员上门核实你的居住地址。',
        lambda: f'【{co}】您已被列入重点逾期名单，系统将于{future_date(taken)}自动上报征信并启动曝光程序。',
        lambda: '你妈妈的电话我们已经打过了，她说会让你还钱，你自己看着办。',
        lambda: f'最后通知：请于今天23:59前还清{amount()}元，否则后果自负。',
        lambda: f'法院已立案，传票三日内送达你户籍所在地，案号{case_no()}。',
        lambda: f'【{co}】温馨提示：您本期应还{amount()}元，还款日{future_date(taken)}，请保证银行卡余额充足。',
        lambda: f'只要今天先还{R.choice(["500", "800", "1000", "1500", "2000"])}元，可以帮你申请停催三天。',
        lambda: f'你的减免申请已通过，结清只需{amount()}元，仅限今天有效。',
        lambda: f'【{co}】{nm}先生/女士，您名下欠款已严重逾期，我司将依法向您所在单位发函协查，请知悉。',
        lambda: '不要以为不接电话就没事，我们有的是办法。',
        lambda: '你这种人就是骗子，借钱不还还有脸？',
        lambda: f'{nm}，你的身份证号和照片会发到曝光群里，自己掂量。',
        lambda: f'【{co}】您的逾期记录已同步至第三方信用平台，详情查看{url()}',
        lambda: f'请于{future_date(taken)}前联系{R.choice(LAWYERS)}，电话{tel()}，过期将视为放弃协商。',
        lambda: '已经给你留了很多次时间了，今天是最后一次。',
        lambda: f'【{co}】您尾号{digits(4)}的借款今日到期，应还{amount()}元，回T退订',
        lambda: f'{nm}，你单位地址是不是在{R.choice(["滨江区", "南山区", "高新区", "天河区"])}？明天我们同事过去一趟。',
        lambda: f'【{co}】提醒：您的欠款已转至{R.choice(COMPANIES)}处理，联系电话{tel()}，请主动联系协商。',
        lambda: f'官方还款账户{acct()}，转账后截图发我，不要转到其他账户。',
        lambda: '你再不接电话，后果自己负责！！',
    ]
    return R.choice(T)()


SHORT_IN_ZH = ['在吗？', '人呢', '回电话', '？', '看到回复', '接电话！', '还钱', '今天能还多少？', '说话', '在？', '尽快', '回复', '装死？', '嗯', '好']
OUT_ZH = ['我这个月工资还没发，下周五之前一定还。', '能不能先还一部分，剩下的分三期？', '你们再打我家人电话我就报警了。',
          '我已经还了{part}元，截图发你们客服了。', '本金我早就还清了，现在要的都是利息和服务费。', '请提供借款合同和还款明细，否则我不会付款。',
          '我已经向金融监管部门投诉了，请不要再骚扰我的同事。', '这个号码不是我本人的，请核实后再联系。', '我现在在上班，不方便接电话，晚上八点以后联系。',
          '你们这样是违法催收，我已经录音了。', '我可以今天先转{part}元，剩下的月底还清。', '好的，我明天上午去银行处理。',
          '你们到底是哪家公司的？把营业执照发过来。', '我妈年纪大了，有什么事冲我来，别打她电话。', '已经转了，你查一下。']
SHORT_OUT_ZH = ['好', '收到', '？', 'ok', '嗯', '知道了', '别打了', '在忙', '明天还', '行', '滚', '不是我', '多少', '骗子', '已还', 'OK', '等等', '好的', '没钱', '？？', '哦']
OUT_EN = ['I will pay next Friday when I get my salary.', 'Please send me the contract and the repayment details first.',
          'I already paid 500 yesterday, please check your records.', 'Can I pay in three installments?',
          'This is harassment. I am reporting this number to the police.', 'Stop calling my mother, she has nothing to do with this.',
          'I am at work now, call me after 8 PM.', 'Which company are you from? Send me your business license.',
          'I never borrowed from your app, this is not my number.', 'Transferred 800 just now, please confirm.']
SHORT_OUT_EN = ['ok', 'Who is this?', 'No', 'Stop', 'Fine', 'Got it', 'Not me', 'OK', 'Later', 'Why?', 'Wrong number']
WX_EMOJI = ['[微笑]', '[捂脸]', '[发怒]', '[抱拳]', '[流泪]', '[旺柴]', '[强]', '[再见]', '[尴尬]', '[OK]']


def fill_in_en(c):
    co = c['coen']
    T = [
        lambda: f'[{co}] Dear customer, your loan of RMB {amount()} is {R.randint(3, 90)} days overdue. Please repay today to avoid further action: {url()}',
        lambda: f'Final notice: pay RMB {amount()} before 6 PM today or your case will be transferred to our legal team.',
        lambda: f'[{co}] Your bill of RMB {amount()} is due on {MON_EN[R.randint(0, 11)]} {R.randint(1, 28)}. Reply TD to unsubscribe.',
        lambda: 'Why are you not answering? Call me back now.',
        lambda: f'We have contacted your emergency contacts. Repay {amount()} today or we will visit your workplace.',
    ]
    return R.choice(T)()


def part():
    return R.choice(['300', '500', '800', '1000', '1200', '2000'])


def text_in(c, lang, allow_short=True):
    if allow_short and R.random() < 0.22:
        return R.choice(SHORT_IN_ZH)
    if lang == 'en' and R.random() < 0.45:
        return fill_in_en(c)
    return fill_in_zh(c)


def text_out(c, lang):
    if R.random() < 0.5:
        return R.choice(SHORT_OUT_EN if lang == 'en' else SHORT_OUT_ZH)
    if lang == 'en' and R.random() < 0.8:
        return R.choice(OUT_EN)
    return R.choice(OUT_ZH).replace('{part}', part())


# ---------------------------------------------------------------- wrapping
NOSTART = set('，。、；：！？）】》」』”’,.;:!?)]%…·')
NOEND = set('（【《「『“‘([')


def is_cjk(ch):
    o = ord(ch)
    return o >= 0x2E80 or ch in '【】（）《》「」“”‘’…'


def tokenize(text):
    toks = []
    cur = ''
    for ch in text:
        if ch == ' ':
            if cur:
                toks.append((cur, 'w'))
                cur = ''
            toks.append((' ', 's'))
        elif is_cjk(ch):
            if cur:
                toks.append((cur, 'w'))
                cur = ''
            toks.append((ch, 'c'))
        else:
            cur += ch
    if cur:
        toks.append((cur, 'w'))
    return toks


def wrap(text, size, maxw, bold=False):
    """Greedy line breaking like a phone: CJK anywhere (with simple kinsoku),
    ASCII words whole, long tokens (>=14 chars: links, account numbers) split
    by character.  Returns [(line, swallowed_space_after)]."""
    f = font(size, bold)
    W = f.getlength
    lines = []
    cur = ''
    pend = False
    for tok, ty in tokenize(text):
        if ty == 's':
            pend = True
            continue
        pre = ' ' if (pend and cur) else ''
        pend = False
        if W(cur + pre + tok) <= maxw:
            cur += pre + tok
            continue
        if ty == 'w' and (len(tok) >= 14 or W(tok) > maxw):
            s = tok
            if cur:
                k = 0
                while k < len(s) and W(cur + pre + s[:k + 1]) <= maxw:
                    k += 1
                if k >= 3:
                    lines.append((cur + pre + s[:k], False))
                    s = s[k:]
                else:
                    lines.append((cur, bool(pre)))
                cur = ''
            while W(s) > maxw:
                k = 1
                while W(s[:k + 1]) <= maxw:
                    k += 1
                lines.append((s[:k], False))
                s = s[k:]
            cur = s
            continue
        # token goes to a new line
        if not cur:
            cur = tok
            continue
        if pre:
            lines.append((cur, True))
            cur = tok
            continue
        j = len(cur) - 1
        while j > 0 and cur[j] in NOSTART:
            j -= 1
        if tok[0] in NOSTART and j >= 1 and is_cjk(cur[j]):
            lines.append((cur[:j], False))
            cur = cur[j:] + tok
        elif tok[0] in NOSTART and not is_cjk(cur[-1]):
            # closing punctuation after an ASCII run (number, link): carry the
            # run (or, for a long run, its last two characters) to the next line
            a = len(cur)
            while a > 0 and not is_cjk(cur[a - 1]) and cur[a - 1] != ' ':
                a -= 1
            run = len(cur) - a
            cut = a if (run < 14 and a > 0) else len(cur) - 2
            if cut <= 0:
                lines.append((cur, False))
                cur = tok
            else:
                lines.append((cur[:cut], False))
                cur = cur[cut:] + tok
        elif cur[-1] in NOEND and len(cur) >= 2:
            lines.append((cur[:-1], False))
            cur = cur[-1] + tok
        else:
            lines.append((cur, False))
            cur = tok
    if cur:
        lines.append((cur, False))
    # sanity: re-join gives the text back
    rej = ''.join(l + (' ' if sp else '') for l, sp in lines)
    assert rej == text, (rej, text)
    for l, _ in lines:
        assert W(l) <= maxw + 0.5 or len(l) == 1, (l, W(l), maxw)
        assert not l.startswith(' ') and not l.endswith(' ')
    return lines


def short_last(lines):
    return len(lines) >= 2 and len(lines[-1][0]) <= 3


def pick_text(gen, size, maxw, want_short_last):
    """draw up to 8 candidates, prefer one whose last wrapped line is 1-3 chars"""
    best = None
    for _ in range(8 if want_short_last else 1):
        t = gen()
        ls = wrap(t, size, maxw)
        if best is None:
            best = (t, ls)
        if not want_short_last or short_last(ls):
            return t, ls
    return best


# ---------------------------------------------------------------- identities
def disp_mobile(num, style):
    a, b, c = num[:3], num[3:7], num[7:]
    return {'plus_sp': f'+86 {a} {b} {c}', 'sp': f'{a} {b} {c}', 'raw': num, 'plus_raw': f'+86{num}'}[style]


def digits_only(s):
    s = s.replace(' ', '').replace('-', '')
    if s.startswith('+86'):
        s = s[3:]
    return s


def gen_sms_identity(ios):
    k = R.random()
    sub = None
    if k < 0.42:
        num = mobile()
        st = R.choice(['plus_sp', 'plus_sp', 'sp', 'raw', 'plus_raw']) if ios else R.choice(['sp', 'sp', 'raw', 'plus_sp'])
        disp = disp_mobile(num, st)
        sub = f'{R.choice(CITIES)} {R.choice(OPS)}'
    elif k < 0.62:
        num = '1069' + digits(R.choice([8, 9, 10]))
        if R.random() < 0.5:
            disp = ' '.join(num[i:i + 4] for i in range(0, len(num), 4))
        else:
            disp = num
    elif k < 0.70:
        num = '95' + digits(3)
        disp = num
    elif k < 0.78:
        area = R.choice(['0571', '0755', '028', '0731', '025', '021'])
        rest = digits(8)
        disp = R.choice([f'{area}-{rest[:4]} {rest[4:]}', f'{area}-{rest}', f'{area} {rest[:4]} {rest[4:]}'])
        num = area + rest
        sub = R.choice(CITIES[:6]) if R.random() < 0.5 else None
    elif k < 0.83:
        num = '400' + digits(7)
        disp = f'{num[:3]}-{num[3:6]}-{num[6:]}'
    else:
        disp = R.choice(['宁远金融催收', '张经理(澄源)', '王律师', '鑫禾易贷客服', '催收-小刘', '泽川数科', '快米钱包', '调解员周', '融晟法务部'])
        num = disp
        sub = disp_mobile(mobile(), 'sp') if R.random() < 0.6 else None
    if disp[0].isdigit() or disp.startswith('+'):
        sender = digits_only(disp)
    else:
        sender = disp
    return {'disp': disp, 'sender': sender, 'sub': sub}


WX_PRIVATE = ['催收专员-小王', '澄源调解-周', '法务张律师', '还款顾问Lily', '鑫禾客服', '李主管', '风控中心-刘经理', '阿强', 'A宁远金融-陈', '调解中心吴老师', '快米钱包-售后', '小周(融晟)']
WX_NICKS = ['催收专员-小王', '法务部-张律师', '调解员老刘', '风控中心-周经理', '阿强', '还款提醒助手', '李主管', '王姐', '陈晓东的同事', '财务-小赵', 'Kevin', '老何', '张三丰', '一路向北']


def daytime(t):
    """collectors mostly write 07:00-23:59; keep a few small-hours times"""
    if t.hour < 7 and R.random() < 0.85:
        t = (t - dt.timedelta(days=1)).replace(hour=R.randint(19, 23), minute=R.randint(0, 59))
    return t


def gen_times(n, taken, span, small_gap):
    """n ascending minute times, last one shortly before taken"""
    t = taken - dt.timedelta(minutes=R.randint(1, 40))
    out = []
    for _ in range(n):
        out.append(t)
        if R.random() < 0.55:
            g = dt.timedelta(minutes=R.randint(*small_gap))
        elif span == 'today':
            g = dt.timedelta(minutes=R.randint(15, 90))
        elif span == 'recent':
            g = dt.timedelta(minutes=R.randint(60, 1800))
        else:
            g = dt.timedelta(minutes=R.randint(600, 9000))
        t = t - g
        t = daytime(t)
        if R.random() < 0.05 and t.hour >= 1:
            # a message just after midnight (00:xx): 凌晨12:xx / 上午12:xx / 12:xx AM
            t = t.replace(hour=0, minute=R.randint(0, 59))
    out.reverse()
    return [x.replace(second=0, microsecond=0) for x in out]


# ---------------------------------------------------------------- messaging styles
L, D = 0, 1
MSG = {
    'huawei_sms': dict(plat='android', bg=('#F1F3F5', '#000000'), inb=('#FFFFFF', '#262626'), outb=('#0A59F7', '#3370F0'),
                       intx=('#191919', '#E6E6E6'), outx=('#FFFFFF', '#FFFFFF'), own=True, rad=0.62, maxw=0.70, sbv='huawei'),
    'honor_sms': dict(plat='android', bg=('#F5F6F8', '#0A0A0A'), inb=('#FFFFFF', '#2B2B2B'), outb=('#256FFF', '#2E63D6'),
                      intx=('#1A1A1A', '#E3E3E3'), outx=('#FFFFFF', '#FFFFFF'), own=True, rad=0.75, maxw=0.72, sbv='huawei'),
    'xiaomi_sms': dict(plat='android', bg=('#FFFFFF', '#000000'), inb=('#F1F2F4', '#1F1F1F'), outb=('#3482FF', '#2C6CD8'),
                       intx=('#000000', '#DCDCDC'), outx=('#FFFFFF', '#FFFFFF'), own=False, rad=0.85, maxw=0.72, sbv='xiaomi', gap_new=30),
    'oppo_sms': dict(plat='android', bg=('#FFFFFF', '#101010'), inb=('#F0F0F0', '#2A2A2A'), outb=('#2DBE6C', '#23A35B'),
                     intx=('#000000', '#E0E0E0'), outx=('#FFFFFF', '#FFFFFF'), own=False, rad=0.55, maxw=0.70, sbv='oppo', gap_new=20),
    'vivo_sms': dict(plat='android', bg=('#F7F7F7', '#000000'), inb=('#FFFFFF', '#262626'), outb=('#456FFF', '#3D5FE0'),
                     intx=('#111111', '#E0E0E0'), outx=('#FFFFFF', '#FFFFFF'), own=True, rad=0.7, maxw=0.70, sbv='vivo'),
    'iphone_sms': dict(plat='ios', bg=('#FFFFFF', '#000000'), inb=('#E9E9EB', '#262629'), outb=('#34C759', '#30B64F'),
                       intx=('#000000', '#FFFFFF'), outx=('#FFFFFF', '#FFFFFF'), own=False, rad=None, maxw=0.72, gap_new=60),
    'iphone_sms_en': dict(plat='ios', bg=('#FFFFFF', '#000000'), inb=('#E9E9EB', '#262629'), outb=('#34C759', '#30B64F'),
                          intx=('#000000', '#FFFFFF'), outx=('#FFFFFF', '#FFFFFF'), own=False, rad=None, maxw=0.72, gap_new=60),
    'wechat_private': dict(plat='wx', bg=('#EDEDED', '#111111'), inb=('#FFFFFF', '#2C2C2C'), outb=('#95EC69', '#3EB575'),
                           intx=('#191919', '#D5D5D5'), outx=('#191919', '#0F0F0F'), own=False, rad=0.2, maxw=0.60, gap_new=5),
    'wechat_group': dict(plat='wx', bg=('#EDEDED', '#111111'), inb=('#FFFFFF', '#2C2C2C'), outb=('#95EC69', '#3EB575'),
                         intx=('#191919', '#D5D5D5'), outx=('#191919', '#0F0F0F'), own=False, rad=0.2, maxw=0.60, gap_new=5),
}
FG = ('#191919', '#E8E8E8')
META = ('#8A8A8A', '#7D7D7D')
BLUE_IOS = ('#007AFF', '#0A84FF')

SIZES_ANDROID = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712)]
SIZES_IOS = [(1170, 2532), (1179, 2556), (1290, 2796)]


def status_opts(vendor, dark):
    o = {'battery': R.randint(9, 100), 'notif': R.choice([0, 0, 1, 2, 3]), 'notif_seed': R.randint(0, 2)}
    if vendor == 'huawei':
        o['clock_left'] = R.random() < 0.5
        o['carrier'] = R.choice(['中国移动', '中国联通', '中国电信', None]) if True else None
        o['net'] = R.choice(['5G', '4G', 'HD', None]) if o['carrier'] else None
        o['pct_out'] = True
        o['pct_sign'] = R.random() < 0.6
    else:
        o['clock_left'] = True
        o['carrier'] = R.choice([None, None, None, '中国移动', '中国联通'])
        o['net'] = None
        o['net_right'] = R.choice([None, '5G', '4G'])
        o['pct_out'] = R.random() < 0.7
        o['pct_sign'] = vendor == 'oppo'
        o['bold_clock'] = vendor in ('xiaomi', 'vivo')
    return o


# ---------------------------------------------------------------- messaging screen
class Unit:
    def __init__(self, kind, h, **kw):
        self.kind = kind
        self.h = h
        self.__dict__.update(kw)


def build_messaging(spec):
    """spec: layout, W, H, dark, taken, h12, identity, lang, fs, (thread-> events, window)"""
    lay = spec['layout']
    st = MSG[lay]
    W, H, dk = spec['W'], spec['H'], 1 if spec['dark'] else 0
    sc = Screen(W, H, spec['dark'], st['bg'][dk])
    fg, meta = FG[dk], META[dk]
    fs = spec['fs']
    plat = st['plat']
    ios = plat == 'ios' or (plat == 'wx' and spec['wx_ios'])
    taken = spec['taken']
    clock = clock_str(taken, spec['h12'], ios)
    if plat == 'ios':
        sc.d.rectangle([0, 0, W, sb_height(H, True) + round(H * 0.105)], fill='#F6F6F6' if not sc.dark else '#1C1C1E')
    # ---------- status bar
    if ios:
        sb_h = status_ios(sc, clock, fg, spec['sbopt'])
    else:
        vendor = st.get('sbv', 'xiaomi') if plat != 'wx' else spec['wx_vendor']
        if vendor == 'xiaomi' and spec['h12']:
            clock = hm12_zh(taken, 'ampm')
        sb_h = status_android(sc, clock, fg, spec['sbopt'])
    # ---------- header
    top, bottom = draw_msg_header(sc, spec, st, sb_h, fg, meta)
    # ---------- input bar / bottom chrome
    bottom = draw_msg_bottom(sc, spec, st, fg, meta)
    # ---------- content units
    units = spec['units']
    y = top
    if spec['align'] == 'bottom':
        total = sum(u.h for u in units)
        y = bottom - total
    records = []
    cur_sep = None  # datetime of the nearest separator above
    for u in units:
        if u.kind == 'sep':
            draw_sep(sc, spec, st, u, y, meta)
            cur_sep = u.t
        elif u.kind in ('label', 'notice'):
            draw_center_note(sc, u, y, meta, spec)
        elif u.kind == 'msg':
            draw_msg(sc, spec, st, u, y, meta)
            ev = u.ev
            if cur_sep is None:
                occ = None
            elif st['own']:
                occ = iso(cur_sep.date(), ev['t'].hour, ev['t'].minute)
            else:
                occ = iso(cur_sep.date(), cur_sep.hour, cur_sep.minute)
            sender = ev['nick'] if (lay == 'wechat_group' and ev['dir'] == 'in') else spec['sender']
            records.append({'kind': 'im' if plat == 'wx' else 'sms', 'sender': sender, 'occurred_at': occ,
                            'direction': ev['dir'], 'text': ev['text'], 'call_type': None, 'duration_seconds': None})
        y += u.h
    assert y <= bottom + 0.5, (y, bottom)
    return sc, records


def msg_metrics(spec):
    """sizes derived from phone font setting"""
    fs = spec['fs']
    W = spec['W']
    lay = spec['layout']
    st = MSG[lay]
    m = {}
    m['lh'] = round(fs * 1.38)
    m['padx'] = round(fs * (0.55 if st['plat'] != 'ios' else 0.5))
    m['pady'] = round(fs * (0.36 if st['plat'] != 'wx' else 0.42))
    m['sep_fs'] = max(26, round(fs * 0.70))
    m['meta_fs'] = max(24, round(fs * 0.58))
    m['nick_fs'] = max(24, round(fs * 0.66))
    m['margin'] = round(W * 0.04)
    if st['plat'] == 'wx':
        m['av'] = m['lh'] + 2 * m['pady']
        m['av_gap'] = round(W * 0.02)
        m['margin'] = round(W * 0.03)
        m['maxw'] = round(W - 2 * (m['margin'] + m['av'] + m['av_gap']) - W * 0.13) - 2 * m['padx']
    else:
        m['maxw'] = round(W * st['maxw']) - 2 * m['padx']
    return m


def make_units(spec, events, thread_start, thread_end):
    """turn events into drawable units (separators, labels, notices, messages)"""
    lay = spec['layout']
    st = MSG[lay]
    m = msg_metrics(spec)
    fs = spec['fs']
    units = []
    prev_t = None
    first = True
    gap_b = round(fs * 0.45)
    for i, ev in enumerate(events):
        if ev.get('notice'):
            units.append(Unit('notice', round(m['meta_fs'] * 1.5 + fs * 0.7), text=ev['notice']))
            continue
        t = ev['t']
        need_sep = False
        if st['own']:
            need_sep = prev_t is None or t.date() != prev_t.date()
        else:
            need_sep = prev_t is None or (t - prev_t) > dt.timedelta(minutes=st['gap_new'])
        if first and thread_start and lay in ('iphone_sms', 'iphone_sms_en'):
            units.append(Unit('label', round(m['sep_fs'] * 1.4 + fs * 0.5), text='短信/彩信' if lay == 'iphone_sms' else 'Text Message', top=True))
        if need_sep:
            if st['own']:
                parts = [(day_sep(lay, t, spec['taken']), False)]
                sep_t = dt.datetime(t.year, t.month, t.day)
            else:
                parts = sep_parts(lay, t, spec['taken'], spec['h12'])
                sep_t = t
            extra = 0 if (first and thread_start and lay.startswith('iphone')) else round(fs * 0.5)
            units.append(Unit('sep', round(m['sep_fs'] * 1.4 + fs * 0.5 + extra), parts=parts, t=sep_t, pad_top=extra))
        prev_t = t
        first = False
        lines = ev['lines']
        bh = len(lines) * m['lh'] + 2 * m['pady']
        h = bh
        nick_h = 0
        if lay == 'wechat_group' and ev['dir'] == 'in':
            nick_h = round(m['nick_fs'] * 1.45)
        h += nick_h
        if st['plat'] == 'wx':
            h = max(h, m['av'] + (nick_h if False else 0)) if not nick_h else h
        bt_h = 0
        if st['own']:
            bt_h = round(m['meta_fs'] * 1.5)
            h += bt_h
        status = None
        if lay in ('iphone_sms', 'iphone_sms_en') and ev['dir'] == 'out' and thread_end and i == len(events) - 1:
            status = '已送达' if lay == 'iphone_sms' else 'Delivered'
            h += round(m['meta_fs'] * 1.5)
        h += gap_b if st['plat'] != 'wx' else round(fs * 0.75)
        units.append(Unit('msg', h, ev=ev, bh=bh, nick_h=nick_h, bt_h=bt_h, status=status, m=m))
    return units


def draw_sep(sc, spec, st, u, y, meta):
    m = msg_metrics(spec)
    cy = y + u.pad_top + fs_half(m['sep_fs']) + spec['fs'] * 0.25
    parts = u.parts
    if len(parts) == 1:
        sc.text(sc.W / 2, cy, parts[0][0], m['sep_fs'], meta, 'sep', bold=parts[0][1], anchor='mm')
        if spec.get('sim_sep') and not st['own']:
            bb = sc.texts[-1]['box']
            ic_sim(sc, bb[0] - m['sep_fs'] * 1.1, cy, m['sep_fs'] * 0.8, meta, spec['sim_sep'], sc.bg)
        return
    gap = tw(' ', m['sep_fs'])
    ws = [tw(p, m['sep_fs'], b) for p, b in parts]
    total = sum(ws) + gap * (len(parts) - 1)
    x = sc.W / 2 - total / 2
    for (p, b), w in zip(parts, ws):
        sc.text(x, cy, p, m['sep_fs'], meta, 'sep', bold=b, anchor='lm')
        x += w + gap


def fs_half(s):
    return round(s * 1.4 / 2)


def draw_center_note(sc, u, y, meta, spec):
    m = msg_metrics(spec)
    size = m['sep_fs'] if u.kind == 'label' else m['meta_fs']
    cy = y + fs_half(size) + spec['fs'] * 0.3
    role = 'label' if u.kind == 'label' else 'notice'
    if u.kind == 'notice' and spec['layout'].startswith('wechat') and u.text.endswith('撤回了一条消息') and u.text.startswith('你'):
        # "你撤回了一条消息 重新编辑"
        w1 = tw(u.text, size)
        w2 = tw('重新编辑', size)
        x = sc.W / 2 - (w1 + w2 + size * 0.4) / 2
        sc.text(x, cy, u.text, size, meta, role, anchor='lm')
        sc.text(x + w1 + size * 0.4, cy, '重新编辑', size, '#576B95' if not sc.dark else '#7D90A9', role, anchor='lm')
        return
    sc.text(sc.W / 2, cy, u.text, size, meta, role, anchor='mm')


def draw_msg(sc, spec, st, u, y, meta):
    dk = 1 if sc.dark else 0
    m = u.m
    ev = u.ev
    W = sc.W
    lay = spec['layout']
    fs = spec['fs']
    lines = ev['lines']
    textw = max(tw(l, fs) for l, _ in lines)
    bw = max(textw + 2 * m['padx'], round(fs * 1.0 + 2 * m['padx']) if st['plat'] == 'wx' else textw + 2 * m['padx'])
    bw = round(bw)
    out = ev['dir'] == 'out'
    plat = st['plat']
    y0 = y
    if u.nick_h:
        nx = m['margin'] + m['av'] + m['av_gap']
        sc.text(nx + 4, y0 + u.nick_h * 0.45, ev['nick'], m['nick_fs'], meta, 'nick', anchor='lm')
        y0 += u.nick_h
    if plat == 'wx':
        side = m['margin'] + m['av'] + m['av_gap']
        x0 = W - side - bw if out else side
        # avatars
        ax = W - m['margin'] - m['av'] if out else m['margin']
        ay = y0 if not u.nick_h else y0 - u.nick_h
        av_col = spec['self_av'] if out else spec['av_cols'].get(ev.get('nick') or '_', '#7A8FA6')
        draw_wx_avatar(sc, ax, ay, m['av'], av_col)
    else:
        x0 = W - m['margin'] - bw if out else m['margin']
    x1 = x0 + bw
    y1 = y0 + u.bh
    fill = st['outb'][dk] if out else st['inb'][dk]
    tcol = st['outx'][dk] if out else st['intx'][dk]
    if plat == 'ios':
        r = min(fs * 0.95, u.bh / 2)
    else:
        r = min(fs * st['rad'] * 1.0, u.bh / 2)
    sc.rrect([x0, y0, x1, y1], r, fill=fill)
    # tails
    if plat == 'ios' and ev.get('tail', True):
        if out:
            sc.d.polygon([(x1 - fs * 0.4, y1 - fs * 0.55), (x1 + fs * 0.22, y1), (x1 - fs * 0.7, y1)], fill=fill)
        else:
            sc.d.polygon([(x0 + fs * 0.4, y1 - fs * 0.55), (x0 - fs * 0.22, y1), (x0 + fs * 0.7, y1)], fill=fill)
    elif plat == 'wx':
        ty = y0 + m['av'] * 0.5
        ts = fs * 0.22
        if out:
            sc.d.polygon([(x1 - 1, ty - ts), (x1 + ts, ty), (x1 - 1, ty + ts)], fill=fill)
        else:
            sc.d.polygon([(x0 + 1, ty - ts), (x0 - ts, ty), (x0 + 1, ty + ts)], fill=fill)
    sc.shape('bubble', [x0, y0, x1, y1], fill=fill)
    for k, (l, spf) in enumerate(lines):
        cy = y0 + m['pady'] + m['lh'] * (k + 0.5)
        sc.text(x0 + m['padx'], cy, l, fs, tcol, 'msg', anchor='lm', sp=spf)
    yb = y1
    if u.bt_h:
        tcy = yb + u.bt_h * 0.5
        label = own_time(ev['t'], spec['h12'])
        mf = m['meta_fs']
        if out:
            bb = sc.text(x1 - 4, tcy, label, mf, meta, 'btime', anchor='rm')
            if spec.get('sim'):
                ic_sim(sc, bb[0] - mf * 1.05, tcy, mf * 0.82, meta, spec['sim'], sc.bg)
        else:
            bb = sc.text(x0 + 4, tcy, label, mf, meta, 'btime', anchor='lm')
            if spec.get('sim'):
                ic_sim(sc, bb[2] + mf * 0.35, tcy, mf * 0.82, meta, spec['sim'], sc.bg)
        yb += u.bt_h
    if u.status:
        mf = m['meta_fs']
        sc.text(x1 - 4, yb + mf * 0.75, u.status, mf, meta, 'status_label', anchor='rm')


def draw_wx_avatar(sc, x, y, a, col):
    sc.rrect([x, y, x + a, y + a], a * 0.1, fill=col)
    c2 = '#FFFFFF'
    cx, cy = x + a / 2, y + a / 2
    sc.d.ellipse([cx - a * 0.16, cy - a * 0.28, cx + a * 0.16, cy + a * 0.04], fill=c2)
    sc.d.chord([cx - a * 0.3, cy + a * 0.1, cx + a * 0.3, cy + a * 0.6], 180, 360, fill=c2)
    sc.shape('icon', [x, y, x + a, y + a], name='avatar')


def draw_msg_header(sc, spec, st, sb_h, fg, meta):
    W, H = sc.W, sc.H
    dk = 1 if sc.dark else 0
    lay = spec['layout']
    plat = st['plat']
    fs = spec['fs']
    if plat == 'ios':
        hh = round(H * 0.105)
        y0 = sb_h
        blue = BLUE_IOS[dk]
        ic_back(sc, W * 0.035, y0 + hh * 0.33, W * 0.04, blue)
        if spec.get('unread'):
            sc.text(W * 0.075, y0 + hh * 0.33, str(spec['unread']), round(W * 0.036), blue, 'header_back', anchor='lm')
        ar = W * 0.055
        acy = y0 + hh * 0.33
        if spec['initials']:
            sc.d.ellipse([W / 2 - ar, acy - ar, W / 2 + ar, acy + ar], fill='#A2A8B3' if not sc.dark else '#6C6C70')
            sc.shape('icon', [W / 2 - ar, acy - ar, W / 2 + ar, acy + ar], name='avatar')
            sc.text(W / 2, acy, spec['initials'], round(ar * 0.8), '#FFFFFF', 'avatar_text', bold=True, anchor='mm')
        else:
            ic_silhouette(sc, W / 2, acy, ar, '#A2A8B3' if not sc.dark else '#6C6C70', '#FFFFFF' if not sc.dark else '#C7C7CC')
        nfs = round(W * 0.031)
        bb = sc.text(W / 2 - nfs * 0.3, y0 + hh * 0.76, spec['hdr_disp'], nfs, fg, 'header_title', anchor='mm')
        ic_chev(sc, bb[2] + nfs * 0.3, y0 + hh * 0.76, nfs * 0.5, meta)
        sc.d.line([(0, y0 + hh), (W, y0 + hh)], fill='#D1D1D6' if not sc.dark else '#38383A', width=2)
        return y0 + hh + round(fs * 0.3), None
    if plat == 'wx':
        hh = round(H * 0.058)
        y0 = sb_h
        cy = y0 + hh / 2
        ic_back(sc, W * 0.04, cy, W * 0.038, fg)
        if spec.get('unread'):
            sc.text(W * 0.085, cy, str(spec['unread']), round(W * 0.040), fg, 'header_back', anchor='lm')
        tfs = round(W * 0.044)
        sc.text(W / 2, cy, spec['hdr_disp'], tfs, fg, 'header_title', bold=True, anchor='mm')
        ic_dots(sc, W * 0.93, cy, W * 0.05, fg, vertical=False)
        sc.d.line([(0, y0 + hh), (W, y0 + hh)], fill='#D9D9D9' if not sc.dark else '#222222', width=1)
        return y0 + hh + round(fs * 0.2), None
    # android sms apps
    hh = round(H * 0.07)
    y0 = sb_h
    cy = y0 + hh / 2
    ic_back(sc, W * 0.045, cy, W * 0.04, fg)
    x = W * 0.12
    if lay in ('huawei_sms', 'honor_sms') and spec.get('hdr_avatar'):
        r = hh * 0.3
        ic_silhouette(sc, x + r, cy, r, '#C9D2DE' if not sc.dark else '#3A3A3A', '#FFFFFF' if not sc.dark else '#8A8A8A')
        x += 2 * r + W * 0.025
    tfs = round(W * 0.047)
    centered = lay == 'oppo_sms'
    sub = spec.get('hdr_sub')
    if centered:
        if sub:
            sc.text(W / 2, cy - hh * 0.17, spec['hdr_disp'], tfs, fg, 'header_title', bold=True, anchor='mm')
            sc.text(W / 2, cy + hh * 0.27, sub, round(tfs * 0.6), meta, 'header_sub', anchor='mm')
        else:
            sc.text(W / 2, cy, spec['hdr_disp'], tfs, fg, 'header_title', bold=True, anchor='mm')
    else:
        if sub:
            sc.text(x, cy - hh * 0.17, spec['hdr_disp'], tfs, fg, 'header_title', bold=lay != 'xiaomi_sms', anchor='lm')
            sc.text(x, cy + hh * 0.27, sub, round(tfs * 0.6), meta, 'header_sub', anchor='lm')
        else:
            sc.text(x, cy, spec['hdr_disp'], tfs, fg, 'header_title', bold=lay != 'xiaomi_sms', anchor='lm')
    ic_dots(sc, W * 0.935, cy, W * 0.05, fg)
    ic_phone(sc, W * 0.83, cy, W * 0.045, fg)
    return y0 + hh + round(fs * 0.2), None


def draw_msg_bottom(sc, spec, st, fg, meta):
    W, H = sc.W, sc.H
    dk = 1 if sc.dark else 0
    lay = spec['layout']
    plat = st['plat']
    ios = plat == 'ios' or (plat == 'wx' and spec['wx_ios'])
    nav_h = round(H * 0.03) if ios or spec.get('gesture', True) else round(H * 0.05)
    ibh = round(H * 0.055)
    y1 = H - nav_h
    y0 = y1 - ibh
    pfs = max(30, round(W * 0.036))
    if plat == 'wx':
        barbg = '#F7F7F7' if not sc.dark else '#1E1E1E'
        sc.d.rectangle([0, y0 - ibh * 0.15, W, H], fill=barbg)
    if ios:
        home_indicator(sc, fg)
    elif spec.get('gesture', True):
        nav_gesture(sc, fg)
    else:
        nav_buttons(sc, fg, H - nav_h)
    if plat == 'wx':
        cy = y0 + ibh / 2
        s = ibh * 0.62
        for cx in (W * 0.06, W * 0.82, W * 0.93):
            sc.d.ellipse([cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], outline=fg, width=3)
            sc.shape('icon', [cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], name='wxbar')
        sc.rrect([W * 0.115, cy - ibh * 0.38, W * 0.76, cy + ibh * 0.38], 10, fill='#FFFFFF' if not sc.dark else '#2C2C2C')
        return y0 - ibh * 0.15 - 4
    if plat == 'ios':
        cy = y0 + ibh / 2
        s = ibh * 0.62
        sc.d.ellipse([W * 0.03, cy - s / 2, W * 0.03 + s, cy + s / 2], fill='#E9E9EB' if not sc.dark else '#2C2C2E')
        sc.d.line([(W * 0.03 + s / 2, cy - s * 0.25), (W * 0.03 + s / 2, cy + s * 0.25)], fill=meta, width=3)
        sc.d.line([(W * 0.03 + s * 0.25, cy), (W * 0.03 + s * 0.75, cy)], fill=meta, width=3)
        sc.shape('icon', [W * 0.03, cy - s / 2, W * 0.03 + s, cy + s / 2], name='plus')
        bx0 = W * 0.03 + s + W * 0.03
        sc.rrect([bx0, cy - ibh * 0.36, W * 0.96, cy + ibh * 0.36], ibh * 0.36, outline='#C7C7CC' if not sc.dark else '#3A3A3C', width=2)
        ph = '短信/彩信' if lay == 'iphone_sms' else 'Text Message'
        sc.text(bx0 + W * 0.03, cy, ph, pfs, '#C4C4C6' if not sc.dark else '#5A5A5E', 'placeholder', anchor='lm')
        return y0 - 4
    # android sms
    cy = y0 + ibh / 2
    boxc = '#F0F1F3' if not sc.dark else '#1E1E1E'
    if lay in ('huawei_sms', 'honor_sms', 'vivo_sms'):
        boxc = '#FFFFFF' if not sc.dark else '#1E1E1E'
    s = ibh * 0.55
    sc.d.ellipse([W * 0.035, cy - s / 2, W * 0.035 + s, cy + s / 2], outline=fg, width=3)
    sc.shape('icon', [W * 0.035, cy - s / 2, W * 0.035 + s, cy + s / 2], name='plus')
    bx0 = W * 0.035 + s + W * 0.025
    sc.rrect([bx0, cy - ibh * 0.38, W * 0.84, cy + ibh * 0.38], ibh * 0.38, fill=boxc)
    ph = spec.get('placeholder', '短信')
    sc.text(bx0 + W * 0.035, cy, ph, pfs, '#A0A0A0' if not sc.dark else '#6A6A6A', 'placeholder', anchor='lm')
    sx = W * 0.905
    sc.d.polygon([(sx - s * 0.45, cy - s * 0.4), (sx + s * 0.5, cy), (sx - s * 0.45, cy + s * 0.4), (sx - s * 0.25, cy)], fill=meta)
    sc.shape('icon', [sx - s * 0.45, cy - s * 0.4, sx + s * 0.5, cy + s * 0.4], name='send')
    return y0 - 6


# ---------------------------------------------------------------- call logs
CALL_NAMES = ['宁远金融催收', '澄源资产', '催收-小刘', '王律师', '张经理', '鑫禾客服', '调解员周', '骚扰电话', '快米钱包']
CALL_NAMES_EN = ['Debt collector', 'Lawyer Wang', 'Manager Zhang', 'QuickMi Loan', 'Ningyuan Finance']
CALL_STYLE = {
    'huawei_calls': dict(bg=('#F1F3F5', '#000000'), card=('#FFFFFF', '#141414')),
    'xiaomi_calls': dict(bg=('#FFFFFF', '#000000'), card=('#FFFFFF', '#000000')),
    'oppo_calls': dict(bg=('#FFFFFF', '#0F0F0F'), card=('#FFFFFF', '#0F0F0F')),
    'iphone_calls': dict(bg=('#FFFFFF', '#000000'), card=('#FFFFFF', '#000000')),
    'iphone_calls_en': dict(bg=('#FFFFFF', '#000000'), card=('#FFFFFF', '#000000')),
}
RED = ('#E84026', '#F25B48')
RED_IOS = ('#FF3B30', '#FF453A')


def dur_str(sec):
    h, r = divmod(sec, 3600)
    mi, s = divmod(r, 60)
    if h:
        return f'{h}小时{mi}分{s}秒'
    if mi:
        return f'{mi}分{s}秒'
    return f'{s}秒'


def gen_call_rows(n, taken, app):
    """list of row dicts, newest first"""
    pool = []
    for _ in range(R.randint(3, 6)):
        k = R.random()
        num = mobile()
        if app.startswith('iphone'):
            if k < 0.25:
                d = R.choice(CALL_NAMES_EN if app.endswith('_en') else CALL_NAMES)
                pool.append((d, d, True))
            else:
                d = disp_mobile(num, R.choice(['plus_sp', 'plus_sp', 'sp']))
                pool.append((d, digits_only(d), False))
            continue
        if k < 0.2:
            d = R.choice(CALL_NAMES)
            pool.append((d, d, True))
        elif k < 0.3:
            area = R.choice(['0571', '0755', '028', '021'])
            rest = digits(8)
            d = R.choice([f'{area}-{rest[:4]} {rest[4:]}', f'{area}{rest}', f'{area}-{rest}'])
            pool.append((d, area + rest, False))
        elif k < 0.36:
            d = '95' + digits(3)
            pool.append((d, d, False))
        else:
            d = disp_mobile(num, R.choice(['sp', 'sp', 'raw', 'plus_sp']))
            pool.append((d, digits_only(d), False))
    locs = {p[0]: (R.choice(CITIES) if not p[2] else R.choice(CITIES + ['未知'])) for p in pool}
    t = taken - dt.timedelta(minutes=R.randint(2, 50))
    rows = []
    ios = app.startswith('iphone')
    for i in range(n):
        disp, sender, is_name = R.choice(pool)
        k = R.random()
        if k < 0.45:
            ct = 'missed'
        elif k < 0.72:
            ct = 'incoming'
        else:
            ct = 'outgoing'
        dur = None
        note = None
        if ct == 'missed':
            note = f'响铃{R.randint(1, 9)}声' if R.random() < 0.6 else None
        elif ct == 'incoming':
            dur = R.choice([R.randint(3, 59), R.randint(60, 600), R.randint(60, 240), R.randint(3600, 4200) if R.random() < 0.1 else R.randint(20, 90)])
        else:
            if R.random() < 0.35:
                note = '未接通'
            else:
                dur = R.choice([R.randint(3, 59), R.randint(60, 420)])
        cnt = R.choice([2, 3, 4, 5]) if (R.random() < 0.15) else None
        rows.append(dict(t=t, disp=disp, sender=sender, is_name=is_name, ct=ct, dur=dur, note=note, cnt=cnt,
                         loc=locs[disp]))
        if ios:
            room = (t - t.replace(hour=6, minute=0)).total_seconds() / 60
            step = R.randint(3, max(4, int(room / (n - i + 1))))
        else:
            step = R.choice([R.randint(2, 40), R.randint(30, 300), R.randint(200, 2200), R.randint(1200, 6000)])
        t = t - dt.timedelta(minutes=step)
        if not ios:
            t = daytime(t)
    for r in rows:
        r['t'] = r['t'].replace(second=0, microsecond=0)
    return rows


def build_calls(spec):
    app = spec['layout']
    cst = CALL_STYLE[app]
    W, H = spec['W'], spec['H']
    dk = 1 if spec['dark'] else 0
    sc = Screen(W, H, spec['dark'], cst['bg'][dk])
    fg, meta = FG[dk], META[dk]
    ios = app.startswith('iphone')
    en = app.endswith('_en')
    taken = spec['taken']
    clock = clock_str(taken, spec['h12'], ios)
    if ios:
        sb_h = status_ios(sc, clock, fg, {'battery': R.randint(9, 100)})
    else:
        vendor = app.split('_')[0]
        sb_h = status_android(sc, clock, fg, status_opts(vendor, spec['dark']))
    nfs = spec['fs']
    sfs = max(24, round(nfs * 0.70))
    row_h = round(nfs * 1.4 + sfs * 1.4 + nfs * 0.75)
    m = round(W * 0.05)
    red = RED_IOS[dk] if ios else RED[dk]
    blue = BLUE_IOS[dk]
    # ---------------- header and bottom chrome
    if ios:
        y = sb_h
        hfs = round(W * 0.037)
        sc.text(m, y + H * 0.025, 'Edit' if en else '编辑', hfs, blue, 'header_other', anchor='lm')
        segw = W * 0.42
        sc.rrect([W / 2 - segw / 2, y + H * 0.008, W / 2 + segw / 2, y + H * 0.042], 14, fill='#EEEEF0' if not sc.dark else '#1C1C1E')
        sc.rrect([W / 2 - segw / 2 + 4, y + H * 0.008 + 4, W / 2 - 2, y + H * 0.042 - 4], 12, fill='#FFFFFF' if not sc.dark else '#636366')
        sc.text(W / 2 - segw / 4, y + H * 0.025, 'All' if en else '所有通话', round(hfs * 0.85), fg, 'header_other', bold=True, anchor='mm')
        sc.text(W / 2 + segw / 4, y + H * 0.025, 'Missed' if en else '未接来电', round(hfs * 0.85), fg, 'header_other', anchor='mm')
        tfs = round(W * 0.075)
        sc.text(m, y + H * 0.075, 'Recents' if en else '最近通话', tfs, fg, 'header_title_page', bold=True, anchor='lm')
        top = y + H * 0.105
        # tab bar
        tb_h = round(H * 0.075)
        tby = H - tb_h
        sc.d.rectangle([0, tby, W, H], fill='#F7F7F7' if not sc.dark else '#161616')
        sc.d.line([(0, tby), (W, tby)], fill='#D1D1D6' if not sc.dark else '#38383A', width=2)
        labels = (['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else
                  ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言'])
        tfs2 = max(22, round(W * 0.022))
        for k, lab in enumerate(labels):
            cx = W * (0.1 + 0.2 * k)
            col = blue if k == 1 else '#8E8E93'
            s = tb_h * 0.3
            sc.d.ellipse([cx - s / 2, tby + tb_h * 0.1, cx + s / 2, tby + tb_h * 0.1 + s], outline=col, width=3)
            sc.shape('icon', [cx - s / 2, tby + tb_h * 0.1, cx + s / 2, tby + tb_h * 0.1 + s], name='tab')
            sc.text(cx, tby + tb_h * 0.55, lab, tfs2, col, 'tab', anchor='mm')
        home_indicator(sc, fg)
        bottom = tby - 2
    else:
        y = sb_h
        tfs = round(W * 0.06)
        if app == 'xiaomi_calls':
            sc.text(m, y + H * 0.035, '电话', tfs, fg, 'header_title_page', bold=True, anchor='lm')
            sc.text(m + tw('电话', tfs, True) + W * 0.05, y + H * 0.037, '联系人', round(tfs * 0.7), meta, 'header_other', anchor='lm')
            ic_dots(sc, W - m, y + H * 0.035, W * 0.05, fg)
        elif app == 'oppo_calls':
            sc.text(m, y + H * 0.04, '电话', tfs, fg, 'header_title_page', bold=True, anchor='lm')
            ic_dots(sc, W - m, y + H * 0.04, W * 0.05, fg)
        else:
            sc.text(m, y + H * 0.035, '电话', tfs, fg, 'header_title_page', bold=True, anchor='lm')
            ic_dots(sc, W - m, y + H * 0.035, W * 0.05, fg)
        y2 = y + H * 0.07
        sbh = H * 0.042
        sc.rrect([m, y2, W - m, y2 + sbh], sbh / 2, fill='#E8EAED' if not sc.dark else '#1F1F1F')
        sc.text(m + W * 0.08, y2 + sbh / 2, '搜索联系人' if app != 'xiaomi_calls' else '搜索', max(28, round(W * 0.032)), '#9A9A9A', 'placeholder', anchor='lm')
        top = y2 + sbh + H * 0.012
        if app == 'oppo_calls':
            sfs2 = max(28, round(W * 0.032))
            sc.text(m, top + sfs2 * 0.8, '全部', sfs2, fg, 'header_other', bold=True, anchor='lm')
            sc.text(m + sfs2 * 3.2, top + sfs2 * 0.8, '未接', sfs2, meta, 'header_other', anchor='lm')
            top += sfs2 * 1.8
        nav_h = round(H * 0.03)
        nav_gesture(sc, fg)
        if app in ('huawei_calls', 'oppo_calls'):
            tb_h = round(H * 0.065)
            tby = H - nav_h - tb_h
            labels = ['拨号', '联系人', '收藏'] if app == 'huawei_calls' else ['电话', '联系人', '收藏']
            tfs2 = max(22, round(W * 0.026))
            for k, lab in enumerate(labels):
                cx = W * (1 + 2 * k) / 6
                col = ('#0A59F7' if app == 'huawei_calls' else '#2DBE6C') if k == 0 else meta
                s = tb_h * 0.34
                sc.d.ellipse([cx - s / 2, tby + tb_h * 0.08, cx + s / 2, tby + tb_h * 0.08 + s], outline=col, width=3)
                sc.shape('icon', [cx - s / 2, tby + tb_h * 0.08, cx + s / 2, tby + tb_h * 0.08 + s], name='tab')
                sc.text(cx, tby + tb_h * 0.68, lab, tfs2, col, 'tab', anchor='mm')
            bottom = tby - 2
        else:
            bottom = H - nav_h - 4
        # dial pad floating button
        fr = W * 0.075
        fcx, fcy = W - m - fr, bottom - fr - H * 0.01
        bottom_fab = (fcx - fr, fcy - fr, fcx + fr, fcy + fr)
    # ---------------- rows
    n = int((bottom - top) // row_h)
    rows = gen_call_rows(n + 2, taken, app)
    records = []
    y = top
    for r in rows[:n]:
        y0, y1 = y, y + row_h
        if y1 > bottom:
            break
        draw_call_row(sc, spec, r, y0, y1, nfs, sfs, m, red, fg, meta, blue, ios, en, app)
        d = r['t']
        records.append({'kind': 'call', 'sender': r['sender'], 'occurred_at': iso(d.date(), d.hour, d.minute),
                        'direction': 'out' if r['ct'] == 'outgoing' else 'in', 'text': None,
                        'call_type': r['ct'], 'duration_seconds': (r['dur'] if (r['dur'] and app in ('xiaomi_calls', 'oppo_calls')) else None)})
        y = y1
    if not ios:
        fcx0, fcy0, fcx1, fcy1 = bottom_fab
        # the FAB floats over the list in real apps; keep it clear of rows: draw in the leftover gap if any
        if fcy0 >= y:
            col = '#0A59F7' if app == 'huawei_calls' else '#2DBE6C' if app == 'oppo_calls' else '#1FB85B'
            sc.d.ellipse(bottom_fab, fill=col)
            sc.shape('icon', list(bottom_fab), name='fab')
    return sc, records


def draw_call_row(sc, spec, r, y0, y1, nfs, sfs, m, red, fg, meta, blue, ios, en, app):
    W = sc.W
    sc.shape('call_row', [m * 0.4, y0, W - m * 0.4, y1])
    sc.d.line([(m + (W * 0.06 if ios else 0), y1 - 1), (W - m * 0.4, y1 - 1)], fill='#E5E5EA' if not sc.dark else '#2A2A2A', width=1)
    name = r['disp'] + (f' ({r["cnt"]})' if r['cnt'] else '')
    ncol = red if r['ct'] == 'missed' else fg
    pad = (y1 - y0 - nfs * 1.4 - sfs * 1.4) / 2
    ny = y0 + pad + nfs * 0.7
    sy = y0 + pad + nfs * 1.4 + sfs * 0.7
    tfs = max(24, round(sfs * 1.0))
    tlabel = call_time_label(app, r['t'], spec['taken'], spec['h12'])
    isz_r = nfs * (0.85 if ios else 0.8)
    t_left = W - m - isz_r - W * (0.025 if ios else 0.03) - tw(tlabel, tfs)
    x_left = m + W * 0.06 if ios else m
    lim = t_left - nfs * 0.5 - x_left
    if tw(name, nfs) > lim:
        name = r['sender'] + (f' ({r["cnt"]})' if r['cnt'] else '')
    if tw(name, nfs) > lim:
        name = r['sender']
    assert tw(name, nfs) <= lim, (name, lim)
    if ios:
        x = m + W * 0.06
        if r['ct'] == 'outgoing':
            ic_calltype(sc, m * 0.7, ny, W * 0.035, meta, 'ic_out')
        sc.text(x, ny, name, nfs, ncol, 'call_name', bold=False, anchor='lm')
        sub = ('mobile' if r['is_name'] else 'China') if en else ('手机' if r['is_name'] else r['loc'])
        sc.text(x, sy, sub, sfs, meta, 'call_sub', anchor='lm')
        isz = nfs * 0.85
        ic_info(sc, W - m - isz / 2, (y0 + y1) / 2, isz, blue)
        sc.text(W - m - isz - W * 0.025, (y0 + y1) / 2, tlabel, tfs, meta, 'call_time', anchor='rm')
        return
    x = m
    sc.text(x, ny, name, nfs, ncol, 'call_name', anchor='lm')
    isz = sfs * 0.95
    kind = {'missed': 'ic_missed', 'incoming': 'ic_in', 'outgoing': 'ic_out'}[r['ct']]
    icol = red if r['ct'] == 'missed' else meta
    if app == 'huawei_calls':
        ic_calltype(sc, x, sy, isz, icol, kind)
        sub = r['loc'] if R.random() < 0.85 else r['loc'] + ' HD'
        assert tw(sub, sfs) + isz * 1.35 <= lim + nfs * 0.3
        sc.text(x + isz * 1.35, sy, sub, sfs, meta, 'call_sub', anchor='lm')
    elif app == 'xiaomi_calls':
        if r['ct'] == 'missed':
            lab = '未接来电' + (f' {r["note"]}' if r['note'] else '')
        elif r['ct'] == 'incoming':
            lab = f'呼入 {dur_str(r["dur"])}'
        else:
            lab = '呼出 未接通' if r['note'] else f'呼出 {dur_str(r["dur"])}'
        sub = f'{r["loc"]} {lab}'
        if tw(sub, sfs) > lim:
            sub = lab
        assert tw(sub, sfs) <= lim
        sc.text(x, sy, sub, sfs, meta, 'call_sub', anchor='lm')
    else:  # oppo
        ic_calltype(sc, x, sy, isz, icol, kind)
        if r['ct'] == 'missed':
            lab = r['note'] or ''
        elif r['ct'] == 'incoming':
            lab = dur_str(r['dur'])
        else:
            lab = r['note'] or dur_str(r['dur'])
        xx = x + isz * 1.35
        if tw(lab + '  ' + r['loc'], sfs) + isz * 1.35 > lim:
            r = dict(r, loc='')
        if lab:
            bb = sc.text(xx, sy, lab, sfs, meta, 'call_sub', anchor='lm')
            xx = bb[2] + sfs * 0.8
        if r['loc']:
            sc.text(xx, sy, r['loc'], sfs, meta, 'call_sub', anchor='lm')
    isz2 = nfs * 0.8
    ic_info(sc, W - m - isz2 / 2, (y0 + y1) / 2, isz2, meta)
    sc.text(W - m - isz2 - W * 0.03, (y0 + y1) / 2, tlabel, tfs, meta, 'call_time', anchor='rm')


# ---------------------------------------------------------------- screen planning
TAKEN_USED = []


def rand_taken(early_jan=False):
    while True:
        if early_jan:
            d = dt.date(2026, 1, R.randint(1, 8))
        else:
            start = dt.date(2025, 10, 1)
            d = start + dt.timedelta(days=R.randint(0, (dt.date(2026, 11, 30) - start).days))
        hh = R.choice([R.randint(8, 23), R.randint(9, 22), R.randint(12, 23), R.randint(7, 11)])
        t = dt.datetime(d.year, d.month, d.day, hh, R.randint(0, 59), R.randint(0, 59))
        if all(abs((t - u).total_seconds()) > 1800 for u in TAKEN_USED):
            TAKEN_USED.append(t)
            return t


def gen_events(spec, n):
    lay = spec['layout']
    st = MSG[lay]
    c = spec['ctx']
    m = msg_metrics(spec)
    fs = spec['fs']
    lang = 'en' if lay == 'iphone_sms_en' else 'zh'
    small = (0, 3) if st['plat'] == 'wx' else (1, 25)
    times = gen_times(n, spec['taken'], spec['span'], small)
    evs = []
    seen = set()
    for t in times:
        if st['plat'] == 'wx':
            out = R.random() < 0.42
        else:
            out = R.random() < 0.3
        nick = None
        if lay == 'wechat_group' and not out:
            nick = R.choice(spec['nicks'])
        want = R.random() < 0.4
        if out:
            gen = lambda: text_out(c, lang)
        else:
            gen = lambda: text_in(c, lang)
        if st['plat'] == 'wx':
            base = gen
            def gen(base=base):
                s = base()
                k = R.random()
                if k < 0.12:
                    s = s + R.choice(WX_EMOJI)
                elif k < 0.17:
                    s = R.choice(WX_EMOJI)
                return s
        for _ in range(30):
            text, lines = pick_text(gen, fs, m['maxw'], want)
            if text not in seen:
                break
        seen.add(text)
        if lang != 'en':
            assert ' ' not in text, text
        evs.append({'t': t, 'dir': 'out' if out else 'in', 'text': text, 'lines': lines, 'nick': nick})
        if st['plat'] == 'wx' and R.random() < 0.1:
            if lay == 'wechat_group':
                who = R.choice(spec['nicks'])
                evs.append({'notice': R.choice([f'"{who}"撤回了一条消息', f'"{who}"邀请"{R.choice(spec["nicks"])}"加入了群聊', '你撤回了一条消息'])})
            else:
                evs.append({'notice': R.choice(['对方撤回了一条消息', '你撤回了一条消息', '消息已发出，但被对方拒收了。'])})
    return evs


def plan_window(spec, units, top, bottom, end_idx, prefer_sep=True):
    """choose units [s, end_idx) that fit between top and bottom"""
    avail = bottom - top
    s = end_idx
    tot = 0
    while s > 0 and tot + units[s - 1].h <= avail:
        s -= 1
        tot += units[s].h
    if prefer_sep:
        k = s
        while k < end_idx and units[k].kind not in ('sep', 'label'):
            k += 1
        nmsg = sum(1 for u in units[k:end_idx] if u.kind == 'msg')
        if k < end_idx and nmsg >= 2:
            s = k
    # never start with a bare status/notice right under the header? fine either way
    return s


def chrome_bounds(spec):
    """render chrome only, return (content_top, content_bottom)"""
    state = R.getstate()
    lay = spec['layout']
    st = MSG[lay]
    W, H = spec['W'], spec['H']
    dk = 1 if spec['dark'] else 0
    sc = Screen(W, H, spec['dark'], st['bg'][dk])
    fg, meta = FG[dk], META[dk]
    ios = st['plat'] == 'ios' or (st['plat'] == 'wx' and spec['wx_ios'])
    sb_h = sb_height(H, ios)
    top, _ = draw_msg_header(sc, spec, st, sb_h, fg, meta)
    bottom = draw_msg_bottom(sc, spec, st, fg, meta)
    R.setstate(state)
    return top, bottom


def new_msg_spec(layout, taken=None, dark=None, force_jan=False):
    st = MSG[layout]
    ios = st['plat'] == 'ios'
    wx = st['plat'] == 'wx'
    spec = {'layout': layout}
    spec['wx_ios'] = wx and R.random() < 0.5
    if ios or spec['wx_ios']:
        spec['W'], spec['H'] = R.choice(SIZES_IOS)
    else:
        spec['W'], spec['H'] = R.choice(SIZES_ANDROID)
    spec['wx_vendor'] = R.choice(['huawei', 'xiaomi', 'oppo', 'vivo'])
    spec['dark'] = (R.random() < 0.33) if dark is None else dark
    early = R.random() < 0.2 or force_jan
    spec['taken'] = taken or rand_taken(early)
    if layout == 'iphone_sms_en':
        spec['h12'] = R.random() < 0.85
    else:
        spec['h12'] = R.random() < (0.4 if wx else 0.3)
    spec['fs'] = max(36, min(64, round(R.randint(36, 58) * spec['W'] / 1080)))
    spec['span'] = R.choice(['today', 'recent', 'recent', 'weeks']) if not force_jan else R.choice(['recent', 'weeks'])
    spec['ctx'] = ctx_new(spec['taken'])
    spec['gesture'] = R.random() < 0.8
    spec['unread'] = R.choice([None, None, R.randint(1, 99)])
    spec['sim'] = R.choice([None, None, 1, 2]) if st['own'] else None
    spec['sim_sep'] = R.choice([None, None, None, 1, 2]) if layout == 'xiaomi_sms' else None
    spec['hdr_avatar'] = R.random() < 0.5
    if ios or spec['wx_ios']:
        spec['sbopt'] = {'battery': R.randint(9, 100)}
    else:
        spec['sbopt'] = status_opts(st.get('sbv', 'xiaomi') if not wx else spec['wx_vendor'], spec['dark'])
    if wx:
        if layout == 'wechat_group':
            nm = spec['ctx']['nm']
            gname = R.choice([f'{nm}欠款沟通群', f'{nm}还款协商群', f'曝光群-{nm}', f'{nm}的朋友们请注意', '债务处理群'])
            spec['nicks'] = R.sample(WX_NICKS, R.randint(3, 5))
            spec['hdr_disp'] = f'{gname}({R.randint(4, 60)})'
            spec['sender'] = gname
        else:
            spec['hdr_disp'] = R.choice(WX_PRIVATE)
            spec['sender'] = spec['hdr_disp']
            spec['nicks'] = []
        cols = ['#7A8FA6', '#C47D5B', '#5B9BC4', '#8C6BB1', '#6BAF7A', '#B5A24A', '#A05A5A']
        spec['av_cols'] = {n: R.choice(cols) for n in spec['nicks']}
        spec['av_cols']['_'] = R.choice(cols)
        spec['self_av'] = R.choice(cols)
    else:
        idn = gen_sms_identity(ios)
        spec['hdr_disp'] = idn['disp']
        spec['sender'] = idn['sender']
        spec['hdr_sub'] = idn['sub'] if (not ios and R.random() < 0.7) else None
        spec['initials'] = None
        if ios and not idn['disp'][0].isdigit() and not idn['disp'].startswith('+'):
            spec['initials'] = idn['disp'][0] if R.random() < 0.7 else None
        spec['placeholder'] = R.choice(['短信', '输入短信', '发送短信', '短信/彩信'])
    return spec


def render_from_units(spec, units, align):
    spec = dict(spec)
    spec['units'] = units
    spec['align'] = align
    return build_messaging(spec)


def msg_screen(layout, force_jan=False):
    spec = new_msg_spec(layout, force_jan=force_jan)
    short = R.random() < (0.35 if layout.startswith('iphone') else 0.15)
    events = gen_events(spec, R.randint(3, 7) if short else 26)
    top, bottom = chrome_bounds(spec)
    units = make_units(spec, events, thread_start=True, thread_end=True)
    if short and sum(u.h for u in units) <= bottom - top:
        # a short thread: the whole conversation from its first message
        sc, recs = render_from_units(spec, units, 'top')
        return spec, sc, recs
    end = len(units)
    if R.random() < 0.25:
        # scrolled up a little: end somewhere inside the thread, after a message
        cands = [i + 1 for i, u in enumerate(units) if u.kind == 'msg' and i + 1 < len(units) - 2]
        end = R.choice(cands[len(cands) // 2:]) if cands else end
    s = plan_window(spec, units, top, bottom, end, prefer_sep=R.random() < 0.85)
    if not any(u.kind == 'sep' for u in units[s:end]) and R.random() < 0.8:
        # a long stretch without separators: show the screen scrolled so that
        # the last separator is at the top
        j = max(i for i in range(end) if units[i].kind == 'sep')
        s, tot, e = j, 0, j
        while e < len(units) and tot + units[e].h <= bottom - top:
            tot += units[e].h
            e += 1
        end = e
    win = units[s:end]
    align = 'bottom' if end == len(units) else 'top'
    sc, recs = render_from_units(spec, win, align)
    return spec, sc, recs


def msg_pair(layout, thread_id):
    """two overlapping screenshots of one long thread"""
    spec = new_msg_spec(layout)
    spec['span'] = 'recent'
    events = gen_events(spec, 40)
    top, bottom = chrome_bounds(spec)
    units = make_units(spec, events, thread_start=True, thread_end=True)
    avail = bottom - top
    # B ends at the end of the thread
    endB = len(units)
    sB = plan_window(spec, units, top, bottom, endB, prefer_sep=False)
    # B must start with a message: move forward to the first message
    while units[sB].kind != 'msg':
        sB += 1
    k = R.choice([1, 2])
    # A ends after the k-th message of B
    msg_idx = [i for i in range(sB, endB) if units[i].kind == 'msg']
    endA = msg_idx[k - 1] + 1
    sA = plan_window(spec, units, top, bottom, endA, prefer_sep=True)
    winA = units[sA:endA]
    winB = units[sB:endB]
    # A is scrolled up: top aligned only if it does not fill; B bottom aligned
    scA, recA = render_from_units(spec, winA, 'bottom')
    taken2 = spec['taken'] + dt.timedelta(seconds=R.randint(4, 40))
    spec2 = dict(spec)
    # A was taken first: shift A's clock back a little, keep date
    specA = dict(spec)
    specA['taken'] = spec['taken']
    spec2['taken'] = taken2 if taken2.date() == spec['taken'].date() else spec['taken']
    spec2['sbopt'] = dict(spec['sbopt'], battery=max(5, spec['sbopt']['battery'] - R.choice([0, 0, 1])))
    scB, recB = render_from_units(spec2, winB, 'bottom')
    assert len([u for u in winB if u.kind == 'msg']) >= k + 2
    return (specA, scA, recA), (spec2, scB, recB), k


def call_screen(layout):
    spec = {'layout': layout}
    ios = layout.startswith('iphone')
    spec['W'], spec['H'] = R.choice(SIZES_IOS if ios else SIZES_ANDROID)
    spec['dark'] = R.random() < 0.33
    if ios:
        tk = rand_taken(R.random() < 0.1)
        tk = tk.replace(hour=R.randint(15, 23))
        spec['taken'] = tk
        spec['h12'] = R.random() < (0.85 if layout.endswith('_en') else 0.35)
    else:
        spec['taken'] = rand_taken(R.random() < 0.15)
        spec['h12'] = R.random() < 0.25
    spec['fs'] = max(36, min(64, round(R.randint(40, 54) * spec['W'] / 1080)))
    sc, recs = build_calls(spec)
    return spec, sc, recs


# ---------------------------------------------------------------- naming & output
def file_name(layout, idx, taken, ios, used):
    k = R.random()
    ts = taken
    if k < 0.4:
        name = f'{layout}_{idx:02d}'
    elif ios:
        if R.random() < 0.5:
            name = f'IMG_{ts:%Y%m%d_%H%M%S}'
        else:
            name = f'Screenshot {ts:%Y-%m-%d} at {ts:%H.%M.%S}'
    else:
        if R.random() < 0.7:
            name = f'Screenshot_{ts:%Y%m%d_%H%M%S}'
        else:
            pkg = 'com.tencent.mm' if layout.startswith('wechat') else ('com.android.contacts' if 'calls' in layout else 'com.android.mms')
            name = f'Screenshot_{ts:%Y-%m-%d-%H-%M-%S}-{R.randint(100, 999)}_{pkg}'
    while name in used:
        name = name + '_1'
    used.add(name)
    return name


def main():
    plan = []
    counts = [('huawei_sms', 12), ('honor_sms', 11), ('xiaomi_sms', 13), ('oppo_sms', 11), ('vivo_sms', 11),
              ('iphone_sms', 13), ('iphone_sms_en', 10), ('wechat_private', 16), ('wechat_group', 14),
              ('huawei_calls', 7), ('xiaomi_calls', 8), ('oppo_calls', 7), ('iphone_calls', 4), ('iphone_calls_en', 2)]
    pairs = {'huawei_sms': 'T1', 'xiaomi_sms': 'T2', 'iphone_sms': 'T3', 'wechat_private': 'T4', 'wechat_group': 'T5'}
    screens = []  # (layout, spec, sc, recs, thread)
    for layout, n in counts:
        done = 0
        if layout in pairs:
            a, b, k = msg_pair(layout, pairs[layout])
            screens.append((layout, a[0], a[1], a[2], pairs[layout]))
            screens.append((layout, b[0], b[1], b[2], pairs[layout]))
            done = 2
        while done < n:
            if layout.endswith('_calls') or layout.endswith('_calls_en'):
                spec, sc, recs = call_screen(layout)
            else:
                spec, sc, recs = msg_screen(layout, force_jan=(done == 2))
            if not recs:
                continue
            screens.append((layout, spec, sc, recs, None))
            done += 1
    for old in sorted(os.listdir(OUT)):
        if old.lower().endswith(('.png', '.jpg')):
            os.remove(os.path.join(OUT, old))
    used = set()
    idx = {}
    truth_lines, draw_lines = [], []
    jpeg_set = set(R.sample(range(len(screens)), 13))
    for si, (layout, spec, sc, recs, thread) in enumerate(screens):
        idx[layout] = idx.get(layout, 0) + 1
        ios = layout.startswith('iphone') or (layout.startswith('wechat') and spec.get('wx_ios'))
        base = file_name(layout, idx[layout], spec['taken'], ios, used)
        jpg = si in jpeg_set
        if jpg:
            ext = '.jpg'
        elif ios and base.startswith('IMG_') and R.random() < 0.5:
            ext = '.PNG'
        else:
            ext = '.png'
        fn = base + ext
        path = os.path.join(OUT, fn)
        if jpg:
            sc.img.save(path, 'JPEG', quality=R.randint(85, 92))
        else:
            sc.img.save(path, 'PNG', optimize=False, compress_level=6)
        truth_lines.append({'file': fn, 'layout': layout, 'dark': bool(spec['dark']),
                            'taken_on': spec['taken'].date().isoformat(), 'thread': thread, 'records': recs})
        draw_lines.append({'file': fn, 'layout': layout, 'size': [sc.W, sc.H], 'bg': sc.bg, 'dark': bool(spec['dark']),
                           'texts': sc.texts, 'shapes': sc.shapes})
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth_lines:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in draw_lines:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    nrec = sum(len(t['records']) for t in truth_lines)
    print(f'{len(truth_lines)} files, {nrec} records')


if __name__ == '__main__':
    main()
