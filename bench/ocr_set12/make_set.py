#!/usr/bin/env python3
"""make_set.py -- deterministic generator for the frozen benchmark set ocr_set12.

Draws synthetic Chinese debt-collection phone screenshots (SMS, WeChat, call logs)
with Pillow + Noto Sans CJK SC and writes images, truth.jsonl and drawlog.jsonl
into the folder that holds this script.  Everything (people, firms, numbers,
links, case numbers) is invented.  Fixed seed; re-running is byte-identical.

    /tmp/set12venv/bin/python make_set.py
"""
import os, io, json, random, datetime as dt
from PIL import Image, ImageDraw, ImageFont

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 1212026
FR = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FB = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FIDX = 2  # Noto Sans CJK SC face inside the .ttc
_FC = {}


def F(size, bold=False):
    k = (size, bold)
    if k not in _FC:
        _FC[k] = ImageFont.truetype(FB if bold else FR, size, index=FIDX)
    return _FC[k]


def tw(t, size, bold=False):
    return F(size, bold).getlength(t)


# --------------------------------------------------------------------------- canvas
class Cv:
    def __init__(s, W, H, bg):
        s.W, s.H = W, H
        s.im = Image.new('RGB', (W, H), bg)
        s.d = ImageDraw.Draw(s.im)
        s.items = []

    def text(s, x, y, t, size, color, role, bold=False, anchor='lm'):
        f = F(size, bold)
        x, y = int(round(x)), int(round(y))
        b = s.d.textbbox((x, y), t, font=f, anchor=anchor)
        s.d.text((x, y), t, font=f, fill=color, anchor=anchor)
        s.items.append({'type': 'text', 'text': t, 'box': [int(v) for v in b], 'role': role,
                        'color': color, 'size': size, 'bold': bold})
        return b

    def rr(s, kind, box, r, fill, outline=None, width=1, extra=None):
        box = [int(round(v)) for v in box]
        s.d.rounded_rectangle(box, int(r), fill=fill, outline=outline, width=width)
        it = {'type': 'shape', 'kind': kind, 'box': box, 'fill': fill, 'radius': int(r)}
        if outline:
            it['outline'] = outline
        if extra:
            it.update(extra)
        s.items.append(it)
        return it

    def icon(s, kind, parts, fill):
        """parts: list of ('poly', pts) | ('line', pts, width) | ('ell', box) | ('ring', box, width)"""
        xs, ys, logged = [], [], []
        for p in parts:
            if p[0] == 'poly':
                pts = [(round(x, 1), round(y, 1)) for x, y in p[1]]
                s.d.polygon(pts, fill=fill)
                logged.append({'polygon': [list(q) for q in pts]})
                xs += [q[0] for q in pts]; ys += [q[1] for q in pts]
            elif p[0] == 'line':
                pts = [(round(x, 1), round(y, 1)) for x, y in p[1]]
                w = int(p[2])
                s.d.line(pts, fill=fill, width=w, joint='curve')
                logged.append({'points': [list(q) for q in pts], 'width': w})
                xs += [q[0] - w / 2 for q in pts] + [q[0] + w / 2 for q in pts]
                ys += [q[1] - w / 2 for q in pts] + [q[1] + w / 2 for q in pts]
            elif p[0] in ('ell', 'ring'):
                b = [round(v, 1) for v in p[1]]
                if p[0] == 'ell':
                    s.d.ellipse(b, fill=fill)
                    logged.append({'ellipse': b})
                else:
                    s.d.ellipse(b, outline=fill, width=int(p[2]))
                    logged.append({'ring': b, 'width': int(p[2])})
                xs += [b[0], b[2]]; ys += [b[1], b[3]]
        box = [int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1]
        it = {'type': 'shape', 'kind': kind, 'box': box, 'fill': fill, 'parts': logged}
        first = [q for q in logged if 'polygon' in q]
        if first:
            it['polygon'] = first[0]['polygon']
        pts = [q for q in logged if 'points' in q]
        if pts:
            it['points'] = pts[0]['points']
        s.items.append(it)
        return it


# --------------------------------------------------------------------------- icons
def arrow_pts(cx, cy, size, angle_deg):
    import math
    base = [(-0.42, -0.075), (0.08, -0.075), (0.08, -0.3), (0.45, 0.0), (0.08, 0.3), (0.08, 0.075), (-0.42, 0.075)]
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + size * (x * ca - y * sa), cy + size * (x * sa + y * ca)) for x, y in base]


def call_icon(cv, ctype, cx, cy, size, color):
    """Distinct drawings: out = arrow up-right, in = arrow down-left, missed = V-zigzag with head."""
    if ctype == 'outgoing':
        return cv.icon('icon_call_out', [('poly', arrow_pts(cx, cy, size, -45))], color)
    if ctype == 'incoming':
        return cv.icon('icon_call_in', [('poly', arrow_pts(cx, cy, size, 135))], color)
    s = size
    x0, y0 = cx - s / 2, cy - s / 2
    line = [(x0 + 0.95 * s, y0 + 0.22 * s), (x0 + 0.55 * s, y0 + 0.72 * s), (x0 + 0.2 * s, y0 + 0.36 * s)]
    head = [(x0 + 0.02 * s, y0 + 0.14 * s), (x0 + 0.42 * s, y0 + 0.2 * s), (x0 + 0.1 * s, y0 + 0.55 * s)]
    return cv.icon('icon_call_missed', [('line', line, max(3, s * 0.14)), ('poly', head)], color)


def info_icon(cv, cx, cy, r, color):
    w = max(2, r * 0.13)
    return cv.icon('icon_info', [('ring', (cx - r, cy - r, cx + r, cy + r), w),
                                 ('ell', (cx - w * 0.8, cy - r * 0.55 - w * 0.8, cx + w * 0.8, cy - r * 0.55 + w * 0.8)),
                                 ('poly', [(cx - w * 0.6, cy - r * 0.2), (cx + w * 0.6, cy - r * 0.2),
                                           (cx + w * 0.6, cy + r * 0.55), (cx - w * 0.6, cy + r * 0.55)])], color)


def chevron(cv, kind, x, y, s, color, w, left=True):
    if left:
        pts = [(x + s * 0.5, y - s), (x, y), (x + s * 0.5, y + s)]
    else:
        pts = [(x, y - s), (x + s * 0.5, y), (x, y + s)]
    return cv.icon(kind, [('line', pts, w)], color)


def phone_icon(cv, cx, cy, s, color):
    pts = [(cx - s * .45, cy - s * .35), (cx - s * .25, cy - s * .5), (cx - s * .05, cy - s * .2), (cx - s * .18, cy - s * .05),
           (cx + s * .05, cy + s * .2), (cx + s * .2, cy + s * .07), (cx + s * .5, cy + s * .27), (cx + s * .35, cy + s * .5),
           (cx - s * .05, cy + s * .35), (cx - s * .4, cy)]
    return cv.icon('icon_phone', [('poly', pts)], color)


def dots_icon(cv, cx, cy, s, color, vertical=False):
    r = s * 0.09
    parts = []
    for k in (-1, 0, 1):
        x, y = (cx, cy + k * s * 0.32) if vertical else (cx + k * s * 0.32, cy)
        parts.append(('ell', (x - r, y - r, x + r, y + r)))
    return cv.icon('icon_more', parts, color)


# --------------------------------------------------------------------------- status bar
def status_bar(cv, style, clock, fg, k=1.0, iphone=False, clock_right=False, battery=None, rng=None):
    W = cv.W
    if iphone:
        h = 162
        cy = 81
        cv.text(150, cy, clock, 50, fg, 'status_clock', bold=True, anchor='mm')
        cv.rr('dynamic_island', (W / 2 - 188, 33, W / 2 + 188, 141), 54, '#000000')
        bx = W - 150
        parts = []
        for i in range(4):
            hh = 12 + i * 7
            parts.append(('poly', [(bx - 140 + i * 17, cy + 17 - hh), (bx - 128 + i * 17, cy + 17 - hh),
                                   (bx - 128 + i * 17, cy + 17), (bx - 140 + i * 17, cy + 17)]))
        cv.icon('icon_signal', parts, fg)
        cv.icon('icon_wifi', [('poly', [(bx - 72, cy - 10), (bx - 48, cy - 22), (bx - 24, cy - 10), (bx - 48, cy + 16)])], fg)
        cv.rr('battery', (bx, cy - 19, bx + 72, cy + 19), 11, None, outline=fg, width=3)
        lvl = battery if battery is not None else 80
        cv.rr('battery_level', (bx + 5, cy - 14, bx + 5 + 62 * lvl / 100, cy + 14), 7, fg)
        return h
    h = int(110 * k)
    cy = h // 2 + 4
    fs = int(38 * k)
    lvl = battery if battery is not None else 76
    # right cluster: signal x2, wifi, battery (+ percent)
    x = W - 40 * k
    cv.rr('battery', (x - 70 * k, cy - 17 * k, x, cy + 17 * k), 8 * k, None, outline=fg, width=max(2, int(3 * k)))
    cv.rr('battery_level', (x - 66 * k, cy - 13 * k, x - 66 * k + 62 * k * lvl / 100, cy + 13 * k), 5 * k, fg)
    b = cv.text(x - 82 * k, cy, '%d%%' % lvl if style.get('pct', True) else '', fs - 4, fg, 'status', anchor='rm') \
        if style.get('pct', True) else (x - 82 * k, 0, x - 82 * k, 0)
    x = b[0] - 20 * k
    cv.icon('icon_wifi', [('poly', [(x - 46 * k, cy - 8 * k), (x - 23 * k, cy - 20 * k), (x, cy - 8 * k), (x - 23 * k, cy + 16 * k)])], fg)
    x -= 62 * k
    for sim in range(2):
        parts = []
        for i in range(4):
            hh = (8 + i * 7) * k
            parts.append(('poly', [(x - 50 * k + i * 12 * k, cy + 16 * k - hh), (x - 42 * k + i * 12 * k, cy + 16 * k - hh),
                                   (x - 42 * k + i * 12 * k, cy + 16 * k), (x - 50 * k + i * 12 * k, cy + 16 * k)]))
        cv.icon('icon_signal', parts, fg)
        x -= 62 * k
    if clock_right:
        cv.text(x - 10 * k, cy, clock, fs, fg, 'status_clock', anchor='rm')
        cv.text(48 * k, cy, '5G', int(30 * k), fg, 'status', bold=True, anchor='lm')
    else:
        cv.text(48 * k, cy, clock, fs, fg, 'status_clock', bold=style.get('clock_bold', False), anchor='lm')
        cv.text(x - 6 * k, cy, '5G', int(30 * k), fg, 'status', bold=True, anchor='rm')
    return h


# --------------------------------------------------------------------------- text helpers
NO_START = set('，。、；：？！）》」』】,.;:?!)%')


def is_ascii(t):
    return all(ord(c) < 128 for c in t)


def wrap(t, size, maxw, bold=False):
    f = F(size, bold)
    if is_ascii(t):
        lines, cur = [], ''
        for w in t.split(' '):
            c = w if not cur else cur + ' ' + w
            if f.getlength(c) <= maxw:
                cur = c
            else:
                assert cur and f.getlength(w) <= maxw, ('word too long', w)
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines
    mw = maxw
    while True:
        lines, cur = [], ''
        for ch in t:
            if f.getlength(cur + ch) <= mw:
                cur += ch
            else:
                lines.append(cur)
                cur = ch
        lines.append(cur)
        bad = any(l.startswith(' ') or l.endswith(' ') for l in lines) or any(l[0] in NO_START for l in lines[1:])
        if not bad:
            return lines
        mw -= size * 0.37
        assert mw > size * 3


WD = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']
WDS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
EWD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
EWDA = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
EMON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def t24(d):
    return '%02d:%02d' % (d.hour, d.minute)


def tcn(d, xiaomi=False):
    h = d.hour
    h12 = h % 12 or 12
    if xiaomi:
        p = '凌晨' if h < 5 else '早上' if h < 9 else '上午' if h < 12 else '中午' if h < 13 else '下午' if h < 18 else '晚上'
    else:
        p = '上午' if h < 12 else '下午'
    return '%s%d:%02d' % (p, h12, d.minute)


def ten(d):
    h = d.hour
    return '%d:%02d %s' % (h % 12 or 12, d.minute, 'AM' if h < 12 else 'PM')


def iso(d):
    return d.strftime('%Y-%m-%dT%H:%M:00+08:00')


DATE_ONLY = {'huawei_sms', 'honor_sms', 'vivo_sms'}


def sep_label(L, d, taken, var):
    """Separator text (may be a list of parts drawn side by side, e.g. iOS bold day + time)."""
    dd = (taken - d.date()).days
    assert dd >= 0
    y, m, day, wd = d.year, d.month, d.day, d.weekday()
    same_year = y == taken.year
    if L in DATE_ONLY:
        if dd == 0:
            return '今天'
        if dd == 1:
            return '昨天'
        if dd <= 6:
            return WDS[wd] if var.get('short_wd') else WD[wd]
        if not same_year:
            return '%d/%d/%d' % (y, m, day) if var.get('slash') else '%d年%d月%d日' % (y, m, day)
        if var.get('year_always'):
            return '%d年%d月%d日' % (y, m, day)
        if var.get('date_wd'):
            return '%d月%d日 %s' % (m, day, WD[wd])
        return '%d月%d日' % (m, day)
    if L == 'xiaomi_sms':
        t = tcn(d, True)
    elif L == 'iphone_sms_en':
        t = ten(d)
    elif var.get('h12'):
        t = tcn(d)
    else:
        t = t24(d)
    if L == 'iphone_sms_en':
        if dd == 0:
            return ['Today', t]
        if dd == 1:
            return ['Yesterday', t]
        if dd <= 6:
            return [EWD[wd], t]
        if same_year:
            return ['%s, %s %d' % (EWDA[wd], EMON[m - 1], day), 'at ' + t]
        return ['%s, %s %d, %d' % (EWDA[wd], EMON[m - 1], day, y), 'at ' + t]
    if L == 'iphone_sms':
        if dd == 0:
            return ['今天', t]
        if dd == 1:
            return ['昨天', t]
        if dd <= 6:
            return [WD[wd], t]
        if same_year:
            return ['%d月%d日 %s' % (m, day, WDS[wd]), t]
        return ['%d年%d月%d日' % (y, m, day), t]
    # xiaomi / oppo / wechat : one string
    if dd == 0:
        return t if var.get('today_bare') else '今天 ' + t
    if dd == 1:
        return '昨天 ' + t
    if dd <= 6:
        return (WDS[wd] if var.get('short_wd') else WD[wd]) + ' ' + t
    if same_year and not var.get('year_always'):
        return '%d月%d日 %s' % (m, day, t)
    return '%d年%d月%d日 %s' % (y, m, day, t)


def call_label(L, d, taken, var):
    """Returns (label, has_time)."""
    dd = (taken - d.date()).days
    y, m, day, wd = d.year, d.month, d.day, d.weekday()
    if L == 'xiaomi_calls':
        t = tcn(d, True)
    elif var.get('h12'):
        t = tcn(d)
    else:
        t = t24(d)
    if dd == 0:
        return t, True
    if L == 'huawei_calls':
        if dd == 1:
            return ('昨天 ' + t, True) if var.get('yday_time') else ('昨天', False)
        if dd <= 6:
            return WD[wd], False
        return ('%d月%d日' % (m, day), False) if y == taken.year else ('%d/%d/%d' % (y, m, day), False)
    if L == 'honor_calls':
        if dd == 1:
            return '昨天 ' + t, True
        if dd <= 6:
            return WDS[wd], False
        return ('%d月%d日' % (m, day), False) if y == taken.year else ('%d/%02d/%02d' % (y, m, day), False)
    if L == 'xiaomi_calls':
        if dd == 1:
            return '昨天 ' + t, True
        if dd <= 6:
            return WD[wd], False
        return ('%d月%d日 %s' % (m, day, t), True) if y == taken.year else ('%d年%d月%d日' % (y, m, day), False)
    if L == 'oppo_calls':
        if dd == 1:
            return '昨天', False
        if dd <= 6:
            return WD[wd], False
        return ('%d月%d日' % (m, day), False) if y == taken.year else ('%d/%d/%d' % (y, m, day), False)
    if L == 'vivo_calls':
        if dd == 1:
            return '昨天 ' + t, True
        if dd <= 6:
            return WD[wd] + ' ' + t, True
        return ('%d月%d日' % (m, day), False) if y == taken.year else ('%d/%d/%d' % (y, m, day), False)
    if L == 'iphone_calls':
        if dd == 1:
            return '昨天', False
        if dd <= 6:
            return WD[wd], False
        return '%d/%d/%d' % (y, m, day), False
    raise ValueError(L)


# --------------------------------------------------------------------------- content pools
PLATS = ['安信花', '融易借', '速米贷', '鑫盈分期', '橙意钱包', '优享借', '快易花', '米粒白条', '禾信消费', '云杉易借', '星诺分期', '佳禾小贷']
FIRMS = ['浙江衡正律师事务所', '北京明石律师事务所', '上海润泽律师事务所', '广东华禾律师事务所', '江苏启衡律师事务所', '四川蜀信律师事务所']
DEBTORS = ['张伟', '李娜', '王磊', '刘洋', '陈静', '杨帆', '赵敏', '黄勇', '周婷', '吴昊']
COURT = ['京0105', '沪0115', '浙0106', '粤0304', '苏0102', '川0107', '鄂0103']
DOMAINS = ['m.axh-pay.cn/r/', 'h5.rongyj.cn/a/', 'sumidai.cn/p/', 'pay.xinyingfq.com/h/', 'cy-wallet.cn/s/', 'yxj-app.cn/r/']
PLACES = ['浙江杭州 移动', '广东深圳 联通', '北京 电信', '上海 移动', '江苏南京 电信', '四川成都 移动', '湖北武汉 联通',
          '山东济南 移动', '河南郑州 联通', '福建厦门 电信']
EMOJI = ['[捂脸]', '[捂脸]', '[微笑]', '[抱拳]', '[OK]', '[强]', '[叹气]', '[疑问]', '[流泪]', '[愉快]', '[发怒]', '[握手]', '[裂开]', '[苦涩]', '[汗]']
NICKS = ['王专员-安信花', '李主管', '法务 陈', '调解员小赵', 'Kevin 刘', '孙律师(明石所)', '客服-小周', '张伟', '风控部 吴', '【调解】何老师']


class Pools:
    def __init__(s, r):
        s.r = r

    def mobile(s):
        r = s.r
        return '%s0000%04d' % (r.choice(['138', '139', '135', '150', '158', '186', '177', '189', '199', '152', '136']), r.randint(0, 9999))

    def fmt_mobile(s, digits, style):
        a, b, c = digits[:3], digits[3:7], digits[7:]
        return {0: '%s %s %s' % (a, b, c), 1: '+86 %s %s %s' % (a, b, c), 2: digits, 3: '%s-%s-%s' % (a, b, c)}[style]

    def landline(s):
        r = s.r
        area = r.choice(['0571', '021', '010', '0755', '025', '028'])
        n = '8%03d%04d' % (r.randint(0, 999), r.randint(0, 9999))
        return '%s-%s %s' % (area, n[:4], n[4:])

    def hotline(s):
        return '400-8%02d-%04d' % (s.r.randint(0, 99), s.r.randint(0, 9999))

    def svc(s):
        r = s.r
        k = r.random()
        if k < 0.5:
            d = '10690%d' % r.randint(10 ** 7, 10 ** 8 - 1)
            return d, (d[:5] + ' ' + d[5:9] + ' ' + d[9:] if r.random() < 0.5 else d)
        if k < 0.75:
            d = '95%03d' % r.randint(100, 999)
            return d, d
        h = s.hotline()
        return h.replace('-', ''), h

    def amt(s, lo=800, hi=48000):
        v = s.r.randint(lo * 100, hi * 100) / 100
        return '¥%s' % format(v, ',.2f')

    def amt_plain(s, lo=500, hi=9000):
        return format(s.r.randint(lo, hi) * 10, ',')

    def card(s):
        return '%s **** **** %04d' % (s.r.choice(['6222', '6217', '6228', '6214', '6230', '6216']), s.r.randint(0, 9999))

    def idmask(s):
        return '%s********%04d' % (s.r.choice(['330106', '310115', '110105', '440304', '320102', '510107']), s.r.randint(0, 9999))

    def case(s, y=2026):
        r = s.r
        if r.random() < 0.6:
            return '(%d)%s民初%d号' % (y, r.choice(COURT), r.randint(1000, 39999))
        return '〔%d〕%s执%d号' % (y, r.choice(COURT), r.randint(100, 9999))

    def link(s):
        r = s.r
        tok = ''.join(r.choice('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(r.randint(5, 8)))
        return r.choice(['https://', 'http://', 'https://']) + r.choice(DOMAINS) + tok

    def contract(s):
        return 'HT%d%05d' % (s.r.randint(20250101, 20260131), s.r.randint(0, 99999))

    def date_ahead(s, taken):
        d = taken + dt.timedelta(days=s.r.randint(1, 6))
        return '%d月%d日' % (d.month, d.day)


def msg_in_service(P, ctx):
    r = P.r
    plat, name, taken = ctx['plat'], ctx['debtor'], ctx['taken']
    sig = '【%s】' % plat
    c = r.randint(0, 11)
    if c == 0:
        return '%s尊敬的%s，您在%s的借款已逾期%d天，应还金额%s，请于%s前还款，以免影响您的个人征信。退订回T' % (sig, name, plat, r.randint(3, 120), P.amt(), P.date_ahead(taken))
    if c == 1:
        return '%s您尾号%04d的银行卡（%s）今日扣款失败，当前待还%s，请及时存入足额资金。' % (sig, r.randint(0, 9999), P.card(), P.amt())
    if c == 2:
        return '%s%s您好，您的账单已逾期，本金%s，罚息%s，请登录APP查看：%s' % (sig, name, P.amt(), P.amt(20, 900), P.link())
    if c == 3:
        return '%s关于您的借款合同（编号%s）已移交%s处理，请于48小时内致电%s。' % (sig, P.contract(), r.choice(FIRMS), P.hotline())
    if c == 4:
        return '%s温馨提示：身份证%s名下的账户已列入重点关注名单，如有异议请拨打%s。' % (sig, P.idmask(), P.hotline())
    if c == 5:
        return '%s您的分期第%d/12期应还%s已于%s扣款失败。' % (sig, r.randint(2, 11), P.amt(300, 4000), P.date_ahead(taken - dt.timedelta(days=8)))
    if c == 6:
        return '%s减免通知：一次性结清可减免违约金%s，活动截止%s，逾期不再受理。' % (sig, P.amt(50, 3000), P.date_ahead(taken))
    if c == 7:
        return '%s%s，您的案件已进入诉前调解阶段，案号%s，详情 %s' % (sig, name, P.case(), P.link())
    if c == 8:
        return '%s验证码%06d，您正在申请还款展期，5分钟内有效。' % (sig, r.randint(0, 999999))
    if c == 9:
        return '%s您好，您于%s的还款%s已到账，剩余应还%s。' % (sig, P.date_ahead(taken - dt.timedelta(days=9)), P.amt(200, 3000), P.amt())
    if c == 10:
        return '%s最后通知：请今日18:00前处理欠款%s，否则将按合同约定联系您的紧急联系人。' % (sig, P.amt())
    return '%s还款入口：%s 支持支付宝/银行卡，客服%s' % (sig, P.link(), P.hotline())


def msg_in_person(P, ctx, im=False):
    r = P.r
    plat, name, taken = ctx['plat'], ctx['debtor'], ctx['taken']
    c = r.randint(0, 21)
    e = r.choice(EMOJI) if im and r.random() < 0.35 else ''
    L = [
        '%s你好，我是%s贷后部的，你的借款已经逾期%d天了，今天能处理吗？' % (name, plat, r.randint(5, 90)),
        '在吗？看到回复一下' + e,
        '你再不接电话，我们只能按流程走了。',
        '今天下午5点前必须还%s，不然明天就上门核实地址。' % P.amt(500, 8000),
        '你的案子已经在我们%s这边，案号%s，请尽快联系。' % (r.choice(FIRMS), P.case()),
        '收款账户：%s，户名：%s信息服务有限公司，备注你的身份证后4位。' % (P.card(), r.choice(['杭州禾信', '上海融泽', '深圳米粒', '南京启明'])),
        '最低先还%s可以申请延期7天，你考虑一下。' % P.amt(300, 2000) + e,
        '这是还款链接 %s 打开后点“立即还款”' % P.link(),
        '你母亲的电话是不是%s？我们会跟她核实一下。' % P.fmt_mobile(P.mobile(), r.choice([0, 2])),
        '好的，那我给你申请减免%s，总共还%s就可以结清。' % (P.amt(100, 900), P.amt(2000, 20000)),
        '明天上午10:30之前把钱转过来，截图发我。',
        'OK，记得按时还，逾期会产生罚息' + e,
        '你好，请问是%s本人吗？' % name,
        '%s元是最低方案了，上面不同意再减。' % P.amt_plain(),
        '核实一下，身份证号%s是你本人吧？' % P.idmask(),
        '已经给你登记了，编号%s，后续有问题直接找我。' % P.contract(),
        '？？',
        '人呢？' + e,
        '请回电 %s' % P.fmt_mobile(P.mobile(), 0),
        '收到请回复1',
        '钱什么时候到？',
        '今天几点能转？',
    ]
    if r.random() < 0.45:
        return r.choice([x for x in L if len(x) < 18])
    return L[c]


def msg_out(P, ctx, im=False):
    r = P.r
    taken = ctx['taken']
    e = r.choice(EMOJI) if im and r.random() < 0.35 else ''
    L = [
        '我这个月工资还没发，能不能宽限到%s？' % P.date_ahead(taken),
        '你是哪家公司的？怎么证明你们有授权？',
        '我已经还了%s，麻烦查一下。' % P.amt(200, 5000),
        '好的，明天下午3点前先转%s元。' % P.amt_plain(),
        '不要再打我家人的电话了！' + e,
        '收到',
        '能不能分6期还？每期%s左右' % P.amt(300, 2000),
        '请把具体的还款明细和合同编号发我。',
        '我要投诉，你的工号是多少？',
        '好' + e,
        '我在上班，晚点回你',
        '上个月已经协商过了，为什么又加了罚息？',
        '行，我今天晚上8点前处理',
        '你们这样是违法的，我已经录音了。',
        '知道了' + e,
        '在路上，稍等',
        '已转，看一下',
        '今天真的没钱了' + e,
        '你打错了吧？',
    ]
    return r.choice(L)


def msg_out_service(P):
    return P.r.choice(['TD', '查询', '已还款', '人工', '我已经还了，请核实', '1'])


EN_IN = [
    'Your payment of RMB {a} is {d} days overdue. Please repay before {m} to avoid extra fees. Reply STOP to opt out.',
    'Hi, this is {plat_en} collections. Your account ending {l4} is past due. Call us at {hot} today.',
    'Final notice: case {ref} has been sent to our legal team. Contact Lawyer Chen at {hot}.',
    'Please confirm your repayment plan by 6 PM today.',
    'Hi {nm}，your loan {ref} is overdue, 请尽快还款 ¥{a}，谢谢。',
    '【{plat}】Dear customer, 您的账单 ¥{a} 已逾期{d}天。Repay link: {link}',
    'Case ref {case}, hearing date {m}. 详情请联系 {hot}',
    'Are you available for a call now?',
]
EN_OUT = [
    'I will pay on Friday, please stop calling my family.',
    'Can I pay in 3 installments?',
    'Who is this?',
    'OK，我明天下午3点前还1,500元',
    'Sent RMB {a} just now, please check.',
    '我在开会，call you later',
    'Please send me the contract number first.',
    'Got it, thanks.',
]
PLAT_EN = ['QuickLoan', 'AnxinPay', 'Mili Wallet', 'StarNova Credit', 'Orange Wallet']


def fill_en(tpl, P, ctx):
    r = P.r
    a = format(r.randint(500, 30000) * 10 + r.choice([0, 0, 5]), ',') + '.00'
    d = ctx['taken'] + dt.timedelta(days=r.randint(1, 6))
    return tpl.format(a=a, d=r.randint(5, 60), m='%s %d' % (EMON[d.month - 1], d.day), plat_en=r.choice(PLAT_EN),
                      l4='%04d' % r.randint(0, 9999), hot=P.hotline(), ref='LN%d%04d' % (r.randint(202501, 202603), r.randint(0, 9999)),
                      nm=ctx['debtor'] + r.choice(['先生', '女士']), plat=ctx['plat'], link=P.link(), case=P.case())


# --------------------------------------------------------------------------- chat styles
def chat_style(L, dark, W):
    k = W / 1080.0
    s = dict(k=k, fs=int(48 * k), lh=int(68 * k), padx=int(38 * k), pady=int(24 * k), rad=int(44 * k), margin=int(44 * k),
             maxw=int(W * 0.74), gap=int(24 * k), sep_fs=int(34 * k), time_fs=int(32 * k), tail=False, avatar=False)
    P = {
        'huawei_sms': (('#F1F3F5', '#FFFFFF', '#191919', '#0A59F7', '#FFFFFF', '#8A8A8F'),
                       ('#000000', '#262626', '#E6E6E6', '#3270E8', '#FFFFFF', '#8C8C8C')),
        'honor_sms': (('#F5F6F7', '#FFFFFF', '#1A1A1A', '#DCE8FF', '#10244D', '#8F8F94'),
                      ('#0A0A0A', '#242424', '#E0E0E0', '#243A66', '#E6ECF8', '#878787')),
        'xiaomi_sms': (('#FFFFFF', '#F1F2F4', '#1A1A1A', '#3482FF', '#FFFFFF', '#999999'),
                       ('#000000', '#232323', '#E3E3E3', '#2D6BDB', '#FFFFFF', '#7A7A7A')),
        'oppo_sms': (('#F7F7F7', '#FFFFFF', '#1C1C1C', '#2FB866', '#FFFFFF', '#8E8E8E'),
                     ('#0F0F0F', '#262626', '#E2E2E2', '#23904F', '#FFFFFF', '#858585')),
        'vivo_sms': (('#F4F5F7', '#FFFFFF', '#202020', '#456BFF', '#FFFFFF', '#8F9196'),
                     ('#0A0A0A', '#222326', '#E4E4E4', '#3553D6', '#FFFFFF', '#84868A')),
        'iphone_sms': (('#FFFFFF', '#E9E9EB', '#000000', '#34C759', '#FFFFFF', '#8A8A8E'),
                       ('#000000', '#262629', '#FFFFFF', '#2FB152', '#FFFFFF', '#8D8D93')),
        'wechat_private': (('#EDEDED', '#FFFFFF', '#191919', '#95EC69', '#191919', '#A3A3A3'),
                           ('#111111', '#2C2C2C', '#D5D5D5', '#3EB575', '#0D0D0D', '#6E6E6E')),
    }
    PL = dict(P, iphone_sms_en=P['iphone_sms'], wechat_group=P['wechat_private'])
    bg, ib, ifg, ob, ofg, sep = PL[L][1 if dark else 0]
    s.update(bg=bg, in_bg=ib, in_fg=ifg, out_bg=ob, out_fg=ofg, sep=sep, fg='#FFFFFF' if dark else '#000000',
             sub='#8C8C8C' if dark else '#808080')
    if L.startswith('iphone'):
        s.update(fs=51, lh=66, padx=36, pady=20, rad=54, margin=42, maxw=int(W * 0.72), gap=9, sep_fs=36, tail=True)
    if L.startswith('wechat'):
        s.update(fs=int(50 * k), lh=int(70 * k), padx=int(34 * k), pady=int(26 * k), rad=int(12 * k), margin=int(36 * k),
                 gap=int(40 * k), sep_fs=int(34 * k), avatar=True, av=int(118 * k), tail=True,
                 maxw=int(W - 2 * (36 + 118 + 22) * k - 110 * k))
    if L == 'xiaomi_sms':
        s.update(rad=int(50 * k), gap=int(22 * k))
    if L == 'oppo_sms':
        s.update(rad=int(36 * k), fs=int(47 * k))
    if L == 'vivo_sms':
        s.update(rad=int(40 * k), maxw=int(W * 0.64))
    if L == 'honor_sms':
        s.update(rad=int(30 * k))
    return s


# --------------------------------------------------------------------------- conversation model
def make_sessions(r, taken_dt, n, base_days, both_ways, gen_msg, date_only, min_gap_min=6):
    """Sessions ascending.  Each: {'dt':datetime, 'msgs':[{'dir','text','dt','nick'}]}"""
    times = []
    t = taken_dt - dt.timedelta(days=base_days, minutes=r.randint(2, 50))
    if base_days:
        t = t.replace(hour=r.choice([0, 8, 9, 10, 11, 12, 12, 14, 15, 16, 17, 19, 20, 21, 22]), minute=r.randint(0, 59))
    for i in range(n):
        times.append(t)
        g = r.random()
        if g < 0.35:
            t = t - dt.timedelta(minutes=r.randint(15, 240))
        elif g < 0.65:
            t = t - dt.timedelta(days=1)
            t = t.replace(hour=r.choice([0, 0, 9, 10, 11, 12, 12, 14, 15, 16, 18, 20, 21, 23]), minute=r.randint(0, 59))
        elif g < 0.85:
            t = t - dt.timedelta(days=r.randint(2, 5))
            t = t.replace(hour=r.choice([8, 9, 10, 12, 14, 15, 17, 19]), minute=r.randint(0, 59))
        else:
            t = t - dt.timedelta(days=r.randint(6, 25))
    times.sort()
    sess = []
    for t in times:
        m = r.choice([1, 2, 2, 3, 3])
        msgs = []
        tt = t
        for j in range(m):
            d = gen_msg(j)
            d['dt'] = tt
            msgs.append(d)
            tt = tt + dt.timedelta(minutes=r.choice([0, 0, 1, 1, 2, 3]))
        sess.append({'dt': t, 'msgs': msgs})
    # keep every own time before the screenshot
    last = sess[-1]['msgs'][-1]['dt']
    if last > taken_dt - dt.timedelta(minutes=1):
        sh = last - (taken_dt - dt.timedelta(minutes=1))
        for s_ in sess:
            s_['dt'] -= sh
            for m_ in s_['msgs']:
                m_['dt'] -= sh
    # enforce ascending, non-overlapping sessions
    for a, b in zip(sess, sess[1:]):
        assert a['msgs'][-1]['dt'] < b['dt'] or a['msgs'][-1]['dt'] <= b['dt']
    return sess


def blocks_from_sessions(L, sess, taken, var, prev_date=None):
    blocks = []
    last_date = prev_date
    for s in sess:
        if L in DATE_ONLY:
            if s['dt'].date() != last_date:
                blocks.append({'t': 'sep', 'label': sep_label(L, s['dt'], taken, var), 'date': s['dt'].date()})
        else:
            blocks.append({'t': 'sep', 'label': sep_label(L, s['dt'], taken, var), 'dt': s['dt']})
        last_date = s['dt'].date()
        for m in s['msgs']:
            if m.get('notice'):
                blocks.append({'t': 'notice', 'label': m['notice']})
            else:
                blocks.append(dict(m, t='msg'))
    return blocks


# --------------------------------------------------------------------------- chat rendering
def measure(L, st, b, group):
    k = st['k']
    if b['t'] in ('sep', 'notice'):
        b['h'] = int(st['sep_fs'] * 1.3 + 30 * k)
        return
    inner = st['maxw'] - 2 * st['padx']
    if L == 'vivo_sms':
        inner = min(inner, st['maxw'] - 2 * st['padx'])
    b['lines'] = wrap(b['text'], st['fs'], inner)
    wmax = max(tw(l, st['fs']) for l in b['lines'])
    b['bw'] = int(max(wmax + 2 * st['padx'], st['rad'] * 2 if not L.startswith('wechat') else 0, 2 * st['padx'] + st['fs']))
    b['bh'] = int(len(b['lines']) * st['lh'] + 2 * st['pady'])
    h = b['bh']
    if group and b['dir'] == 'in':
        h += int(48 * k)
    if L in ('huawei_sms', 'honor_sms'):
        h += int(50 * k)
    if b.get('delivered'):
        h += int(44 * k) if not L.startswith('iphone') else 52
    if st['avatar']:
        h = max(h, st['av'] + (int(48 * k) if group and b['dir'] == 'in' else 0))
    b['h'] = h


def draw_chat(cv, L, st, blocks, top, bottom, mode, sender_rec, group_title, rng, sim_badges):
    """Choose blocks fitting in [top,bottom]; draw; return records."""
    k = st['k']
    for b in blocks:
        measure(L, st, b, L == 'wechat_group')
    gaps = lambda b: st['gap'] if b['t'] == 'msg' else int(14 * k)
    avail = bottom - top
    chosen = []
    tot = 0
    seq = list(reversed(blocks)) if mode == 'bottom' else list(blocks)
    for b in seq:
        need = b['h'] + gaps(b)
        if tot + need > avail:
            break
        chosen.append(b)
        tot += need
    if mode == 'bottom':
        chosen.reverse()
        # do not start the screen with a dangling notice
        y = bottom - tot
    else:
        y = top
    W = cv.W
    recs = []
    cur_sep = None
    prev_dir = None
    for i, b in enumerate(chosen):
        y += gaps(b) // 2 if i else gaps(b) // 2
        if b['t'] == 'sep':
            cy = y + b['h'] / 2
            lab = b['label']
            if isinstance(lab, list):
                w0 = tw(lab[0], st['sep_fs'], True)
                w1 = tw(lab[1], st['sep_fs'])
                sp = st['sep_fs'] * 0.3
                x0 = W / 2 - (w0 + sp + w1) / 2
                cv.text(x0, cy, lab[0], st['sep_fs'], st['sep'], 'separator', bold=True)
                cv.text(x0 + w0 + sp, cy, lab[1], st['sep_fs'], st['sep'], 'separator')
            else:
                if L == 'vivo_sms':
                    wv = tw(lab, st['sep_fs'])
                    cv.rr('separator_pill', (W / 2 - wv / 2 - 24 * k, cy - st['sep_fs'] * 0.75, W / 2 + wv / 2 + 24 * k,
                                             cy + st['sep_fs'] * 0.75), st['sep_fs'] * 0.75, '#1C1D20' if st['bg'] != '#F4F5F7' else '#E8E9EC')
                cv.text(W / 2, cy, lab, st['sep_fs'], st['sep'], 'separator', anchor='mm')
            cur_sep = b
            prev_dir = None
        elif b['t'] == 'notice':
            cy = y + b['h'] / 2
            lab = b['label']
            if lab.endswith(' 重新编辑'):
                a = lab[:-5]
                wa, wb = tw(a, st['sep_fs']), tw('重新编辑', st['sep_fs'])
                x0 = W / 2 - (wa + 16 + wb) / 2
                cv.text(x0, cy, a, st['sep_fs'], st['sep'], 'notice')
                cv.text(x0 + wa + 16, cy, '重新编辑', st['sep_fs'], '#576B95' if st['bg'] == '#EDEDED' else '#7D90A9', 'notice')
            else:
                cv.text(W / 2, cy, lab, st['sep_fs'], st['sep'], 'notice', anchor='mm')
            prev_dir = None
        else:
            out = b['dir'] == 'out'
            by = y
            if st['avatar']:
                av = st['av']
                ax = W - st['margin'] - av if out else st['margin']
                if L == 'wechat_group' and not out:
                    pass
                avy = y
                colors = ['#7A9CC6', '#C68A7A', '#8DB87A', '#B59ACB', '#D0B060', '#6FB3B0']
                ci = (sum(ord(c) for c in (b.get('nick') or ('me' if out else sender_rec)))) % len(colors)
                cv.rr('avatar', (ax, avy, ax + av, avy + av), int(10 * k), colors[ci])
                if not out and rng.random() < 0.5:
                    ch = (b.get('nick') or sender_rec)[-1]
                    if '\u4e00' <= ch <= '\u9fff':
                        cv.text(ax + av / 2, avy + av / 2, ch, int(52 * k), '#FFFFFF', 'avatar', anchor='mm')
                bx = ax - int(22 * k) - b['bw'] if out else ax + av + int(22 * k)
            else:
                bx = W - st['margin'] - b['bw'] if out else st['margin']
            if L == 'wechat_group' and not out:
                cv.text(bx + 4 * k, by + 16 * k, b['nick'], int(34 * k), st['sub'], 'nickname')
                by += int(48 * k)
            fill = st['out_bg'] if out else st['in_bg']
            fg = st['out_fg'] if out else st['in_fg']
            box = (bx, by, bx + b['bw'], by + b['bh'])
            tail = None
            if st['tail'] and L.startswith('wechat'):
                ty = by + int(44 * k)
                tail = [(bx + b['bw'], ty - 14 * k), (bx + b['bw'] + 14 * k, ty), (bx + b['bw'], ty + 14 * k)] if out else \
                    [(bx, ty - 14 * k), (bx - 14 * k, ty), (bx, ty + 14 * k)]
            elif st['tail']:
                nxt = chosen[i + 1] if i + 1 < len(chosen) else None
                if not (nxt and nxt['t'] == 'msg' and nxt['dir'] == b['dir']):
                    yb = by + b['bh']
                    tail = [(bx + b['bw'] - 30, yb - 36), (bx + b['bw'] + 12, yb), (bx + b['bw'] - 40, yb - 4)] if out else \
                        [(bx + 30, yb - 36), (bx - 12, yb), (bx + 40, yb - 4)]
            extra = {}
            if tail:
                tail = [(round(x, 1), round(yy, 1)) for x, yy in tail]
                cv.d.polygon(tail, fill=fill)
                extra['tail'] = [list(q) for q in tail]
            cv.rr('bubble', box, st['rad'], fill, extra=extra)
            for li, line in enumerate(b['lines']):
                cv.text(bx + st['padx'], by + st['pady'] + li * st['lh'] + st['lh'] / 2, line, st['fs'], fg, 'msg')
            yb = by + b['bh']
            tstr = None
            if L in ('huawei_sms', 'honor_sms', 'vivo_sms'):
                tstr = t24(b['dt'])
                sim = b.get('sim')
                if L == 'vivo_sms':
                    ty = yb - 22 * k
                    if out:
                        e = cv.text(bx - 16 * k, ty, tstr, st['time_fs'], st['sep'], 'msg_time', anchor='rm')
                        if sim:
                            cv.text(e[0] - 10 * k, ty, sim, int(26 * k), st['sep'], 'sim', anchor='rm')
                    else:
                        e = cv.text(bx + b['bw'] + 16 * k, ty, tstr, st['time_fs'], st['sep'], 'msg_time', anchor='lm')
                else:
                    ty = yb + 28 * k
                    parts = ([sim] if sim else []) + [tstr]
                    if out:
                        xr = bx + b['bw'] - 6 * k
                        for pi, p in enumerate(reversed(parts)):
                            e = cv.text(xr, ty, p, st['time_fs'], st['sep'], 'sim' if p == sim and pi else 'msg_time', anchor='rm')
                            xr = e[0] - 12 * k
                    else:
                        xl = bx + 6 * k
                        for p in parts:
                            e = cv.text(xl, ty, p, st['time_fs'], st['sep'], 'sim' if p == sim else 'msg_time', anchor='lm')
                            xl = e[2] + 12 * k
            if b.get('delivered'):
                lab = 'Delivered' if L == 'iphone_sms_en' else '已送达'
                if L.startswith('iphone'):
                    cv.text(bx + b['bw'] - 6, yb + 30, lab, 33, st['sep'], 'delivered', anchor='rm')
                else:
                    cv.text(bx + b['bw'] - 6 * k, yb + 24 * k, lab, int(30 * k), st['sep'], 'delivered', anchor='rm')
            # truth
            if L in DATE_ONLY:
                occ = iso(dt.datetime.combine(cur_sep['date'], b['dt'].time())) if cur_sep else None
            else:
                occ = iso(cur_sep['dt']) if cur_sep else None
            if L == 'wechat_group':
                snd = b['nick'] if not out else group_title
            else:
                snd = sender_rec
            recs.append({'kind': 'im' if L.startswith('wechat') else 'sms', 'sender': snd, 'occurred_at': occ,
                         'direction': b['dir'], 'text': b['text'], 'call_type': None, 'duration_seconds': None,
                         '_key': b.get('key')})
            prev_dir = b['dir']
        y += b['h'] + (gaps(b) - gaps(b) // 2)
    return recs, chosen


def sms_header(cv, L, st, top, title, sub, dark, rng):
    k = st['k']
    W = cv.W
    fg = st['fg']
    if L.startswith('iphone'):
        h = 300
        chevron(cv, 'icon_back', 40, top + 70, 30, '#0A84FF' if dark else '#007AFF', 7)
        if rng.random() < 0.6:
            n = str(rng.randint(2, 86))
            cv.rr('badge', (88, top + 44, 88 + 28 + 24 * len(n), top + 96), 26, '#0A84FF' if dark else '#007AFF')
            cv.text(88 + (28 + 24 * len(n)) / 2, top + 70, n, 34, '#FFFFFF', 'badge', anchor='mm')
        cv.rr('avatar', (W / 2 - 84, top + 18, W / 2 + 84, top + 186), 84, '#6E6E73' if dark else '#A5A9B3')
        cv.icon('avatar_silhouette', [('ell', (W / 2 - 30, top + 55, W / 2 + 30, top + 115)),
                                      ('poly', [(W / 2 - 58, top + 175), (W / 2 - 40, top + 130), (W / 2 + 40, top + 130), (W / 2 + 58, top + 175)])],
                '#FFFFFF')
        e = cv.text(W / 2 - 10, top + 225, title, 36, fg, 'header_title', anchor='mm')
        chevron(cv, 'icon_chevron', e[2] + 12, top + 225, 10, st['sep'], 4, left=False)
        cv.rr('divider', (0, top + h - 2, W, top + h), 0, '#2C2C2E' if dark else '#D8D8DC')
        return top + h
    h = int(170 * k)
    cy = top + h / 2
    chevron(cv, 'icon_back', 44 * k, cy, 24 * k, fg, int(6 * k))
    x = 130 * k
    if L in ('xiaomi_sms', 'vivo_sms') and rng.random() < 0.6:
        cv.rr('avatar', (x, cy - 50 * k, x + 100 * k, cy + 50 * k), 50 * k, '#5B8DEF' if L == 'xiaomi_sms' else '#7B6CF6')
        x += 126 * k
    tf = int(56 * k) if L != 'oppo_sms' else int(60 * k)
    if sub:
        cv.text(x, cy - 26 * k, title, tf, fg, 'header_title', bold=L in ('oppo_sms', 'xiaomi_sms'))
        cv.text(x, cy + 38 * k, sub, int(34 * k), st['sub'], 'header_sub')
    else:
        cv.text(x, cy, title, tf, fg, 'header_title', bold=L in ('oppo_sms', 'xiaomi_sms'))
    phone_icon(cv, W - 190 * k, cy, 56 * k, fg)
    dots_icon(cv, W - 70 * k, cy, 60 * k, fg, vertical=L != 'huawei_sms')
    return top + h


def sms_input(cv, L, st, dark, rng):
    k = st['k']
    W, H = cv.W, cv.H
    if L.startswith('iphone'):
        y1 = H - 68
        cv.rr('home_indicator', (W / 2 - 210, H - 30, W / 2 + 210, H - 15), 8, '#FFFFFF' if dark else '#000000')
        cy = y1 - 62
        cv.icon('icon_plus_btn', [('ell', (40, cy - 50, 140, cy + 50))], '#2C2C2E' if dark else '#E9E9EB')
        cv.rr('input_box', (170, cy - 54, W - 40, cy + 54), 54, None, outline='#3A3A3C' if dark else '#C7C7CC', width=3)
        cv.text(210, cy, 'Text Message' if L == 'iphone_sms_en' else '短信', 44, '#6E6E73' if dark else '#AEAEB2', 'placeholder')
        return cy - 90
    nav = int(60 * k)
    cv.rr('nav_handle', (W / 2 - 130 * k, H - nav / 2 - 6 * k, W / 2 + 130 * k, H - nav / 2 + 6 * k), 6 * k, '#E0E0E0' if dark else '#222222')
    h = int(150 * k)
    y0 = H - nav - h
    cy = y0 + h / 2
    field_bg = '#1F1F1F' if dark else ('#FFFFFF' if st['bg'] != '#FFFFFF' else '#F2F3F5')
    cv.icon('icon_plus_btn', [('ring', (40 * k, cy - 40 * k, 120 * k, cy + 40 * k), int(5 * k))], st['sub'])
    x1 = W - 150 * k
    cv.rr('input_box', (150 * k, cy - 54 * k, x1, cy + 54 * k), 54 * k, field_bg)
    ph = {'huawei_sms': '短信', 'honor_sms': '短信', 'xiaomi_sms': '短信/彩信', 'oppo_sms': '发送短信', 'vivo_sms': '输入短信'}[L]
    cv.text(190 * k, cy, ph, int(44 * k), '#6B6B6B' if dark else '#A8A8A8', 'placeholder')
    if L in ('huawei_sms', 'honor_sms', 'vivo_sms') and rng.random() < 0.6:
        cv.text(x1 - 30 * k, cy, rng.choice(['卡1', '卡2']), int(32 * k), st['sub'], 'sim', anchor='rm')
    cv.icon('icon_send', [('poly', [(W - 110 * k, cy - 34 * k), (W - 40 * k, cy), (W - 110 * k, cy + 34 * k), (W - 96 * k, cy)])],
            st['out_bg'] if L != 'honor_sms' else '#3478F6')
    return y0


def wechat_header(cv, st, top, title, dark):
    k = st['k']
    W = cv.W
    h = int(150 * k)
    cy = top + h / 2
    fg = st['fg']
    chevron(cv, 'icon_back', 40 * k, cy, 26 * k, fg, int(6 * k))
    cv.text(W / 2, cy, title, int(52 * k), fg, 'header_title', bold=True, anchor='mm')
    dots_icon(cv, W - 70 * k, cy, 64 * k, fg)
    cv.rr('divider', (0, top + h - 2, W, top + h), 0, '#1E1E1E' if dark else '#DADADA')
    return top + h


def wechat_input(cv, st, dark):
    k = st['k']
    W, H = cv.W, cv.H
    nav = int(60 * k)
    cv.rr('nav_handle', (W / 2 - 130 * k, H - nav / 2 - 6 * k, W / 2 + 130 * k, H - nav / 2 + 6 * k), 6 * k, '#E0E0E0' if dark else '#222222')
    h = int(165 * k)
    y0 = H - nav - h
    cv.rr('input_panel', (0, y0, W, H - nav), 0, '#1E1E1E' if dark else '#F7F7F7')
    cy = y0 + h / 2
    c = '#D0D0D0' if dark else '#181818'
    cv.icon('icon_voice', [('ring', (30 * k, cy - 44 * k, 118 * k, cy + 44 * k), int(5 * k))], c)
    cv.rr('input_box', (142 * k, cy - 50 * k, W - 262 * k, cy + 50 * k), 10 * k, '#2C2C2C' if dark else '#FFFFFF')
    cv.icon('icon_emoji', [('ring', (W - 234 * k, cy - 44 * k, W - 146 * k, cy + 44 * k), int(5 * k))], c)
    cv.icon('icon_plus_btn', [('ring', (W - 122 * k, cy - 44 * k, W - 34 * k, cy + 44 * k), int(5 * k)),
                              ('poly', [(W - 81 * k, cy - 24 * k), (W - 75 * k, cy - 24 * k), (W - 75 * k, cy + 24 * k), (W - 81 * k, cy + 24 * k)])], c)
    return y0


# --------------------------------------------------------------------------- file names / sizes
class Namer:
    def __init__(s, r):
        s.r = r
        s.used = set()
        s.img_no = 1000 + r.randint(0, 300)

    def name(s, L, taken_dt, jpeg, iphone):
        while True:
            d = taken_dt
            if jpeg:
                n = d.strftime('IMG_%Y%m%d_%H%M%S.jpg')
            elif iphone:
                if s.r.random() < 0.5:
                    s.img_no += s.r.randint(1, 40)
                    n = 'IMG_%d.PNG' % s.img_no
                else:
                    n = d.strftime('Screenshot %Y-%m-%d at %H.%M.%S.png')
            else:
                if s.r.random() < 0.5:
                    n = d.strftime('Screenshot_%Y%m%d_%H%M%S.png')
                else:
                    n = d.strftime('Screenshot_%Y-%m-%d-%H-%M-%S.png')
            if n not in s.used:
                s.used.add(n)
                return n
            taken_dt = taken_dt + dt.timedelta(seconds=1)


def pick_size(r, iphone, partial):
    if iphone:
        W, H = r.choice([(1170, 2532), (1179, 2556), (1170, 2532)])
        if partial:
            H = r.randint(1500, 1950)
        return W, H
    W, H = r.choice([(1080, 2340), (1080, 2400), (1080, 1920), (1080, 2340)])
    if partial:
        H = r.randint(1250, 1750)
    return W, H


def rand_taken(r, jan=False):
    if jan:
        d = dt.date(2026, 1, 1) + dt.timedelta(days=r.randint(2, 28))
    else:
        d = dt.date(2026, 1, 1) + dt.timedelta(days=r.randint(2, 116))
    return dt.datetime(d.year, d.month, d.day, r.randint(7, 22), r.randint(0, 59), r.randint(0, 59))


# --------------------------------------------------------------------------- per-image builders
def persona(P, L, r):
    """Thread sender: (display title, sub, truth sender, is_service)."""
    if L.startswith('wechat'):
        return None
    k = r.random()
    if L == 'iphone_sms_en':
        k = min(k, 0.85)
    if k < 0.3:
        d, disp = P.svc()
        return disp, None, d, True
    if k < 0.7:
        d = P.mobile()
        st = r.choice([0, 1, 3, 2]) if not L.startswith('iphone') else 1
        sub = r.choice(PLACES).split(' ')[0] if not L.startswith('iphone') and r.random() < 0.6 else None
        return P.fmt_mobile(d, st), sub, d, False
    if k < 0.8:
        ln = P.landline()
        return ln, None, ln.replace('-', '').replace(' ', ''), False
    name = r.choice(['催收 王专员', '陈经理(调解)', '李律师【明石所】', '安信花 周经理', '法务-刘', '赵调解员', '孙专员（贷后）', 'Kevin Liu'])
    d = P.mobile()
    return name, (P.fmt_mobile(d, 0) if not L.startswith('iphone') and r.random() < 0.7 else None), name, False


def build_chat_image(L, r, P, namer, idx, overlap_role=None, pair_state=None):
    iphone = L.startswith('iphone')
    dark = (idx % 3 == 1)
    jpeg = (idx % 5 == 3) and overlap_role is None
    partial = (idx % 6 == 4) and overlap_role is None
    if overlap_role == 'B':
        W, H, dark, taken_dt = pair_state['W'], pair_state['H'], pair_state['dark'], pair_state['taken_dt'] + dt.timedelta(minutes=r.randint(3, 14), seconds=r.randint(0, 50))
    else:
        W, H = pick_size(r, iphone, partial)
        taken_dt = rand_taken(r, jan=(idx % 4 == 2))
        if overlap_role == 'A':
            taken_dt = taken_dt.replace(hour=min(taken_dt.hour, 22))
    taken = taken_dt.date()
    var = {'short_wd': r.random() < 0.3, 'slash': r.random() < 0.4, 'year_always': r.random() < 0.2,
           'date_wd': r.random() < 0.4, 'today_bare': r.random() < 0.5 or L.startswith('wechat'),
           'h12': (L in ('iphone_sms', 'wechat_private', 'wechat_group') and r.random() < 0.4)}
    if overlap_role == 'B':
        var = pair_state['var']
    st = chat_style(L, dark, W)
    cv = Cv(W, H, st['bg'])
    k = st['k']
    group = L == 'wechat_group'
    ctx = {'plat': r.choice(PLATS), 'debtor': r.choice(DEBTORS), 'taken': taken}
    if overlap_role == 'B':
        ctx = pair_state['ctx']
        ctx['taken'] = taken
    # sender / title
    if L.startswith('wechat'):
        if overlap_role == 'B':
            title, sender_rec, nicks = pair_state['title'], pair_state['sender'], pair_state['nicks']
        elif group:
            n = r.randint(3, 15)
            base = r.choice(['%s还款协商群' % ctx['debtor'], '%s逾期处理' % ctx['plat'], '【调解】%s-%s' % (ctx['plat'], ctx['debtor']),
                             '%s贷后沟通群' % ctx['plat']])
            title = '%s(%d)' % (base, n)
            sender_rec = base
            nicks = r.sample(NICKS, 3)
        else:
            title = r.choice(['催收 王专员', '陈经理(调解)', '李律师-明石所', '%s 周经理' % ctx['plat'], '法务小刘', 'Amy 赵', '何老师【调解中心】'])
            sender_rec = title
            nicks = None
        sub = None
        svc = False
    else:
        if overlap_role == 'B':
            title, sub, sender_rec, svc = pair_state['persona']
        else:
            title, sub, sender_rec, svc = persona(P, L, r)
        nicks = None
    im = L.startswith('wechat')

    used = set()

    def gen(j):
        for _ in range(8):
            d = gen1(j)
            if d['text'] not in used:
                break
        used.add(d['text'])
        return d

    def gen1(j):
        if L == 'iphone_sms_en':
            if svc or r.random() < 0.6:
                return {'dir': 'in', 'text': fill_en(r.choice(EN_IN), P, ctx)}
            return {'dir': 'out', 'text': fill_en(r.choice(EN_OUT), P, ctx)}
        if svc:
            if r.random() < 0.85:
                return {'dir': 'in', 'text': msg_in_service(P, ctx)}
            return {'dir': 'out', 'text': msg_out_service(P)}
        if r.random() < 0.55:
            d = {'dir': 'in', 'text': msg_in_person(P, ctx, im)}
            if group:
                d['nick'] = r.choice(nicks)
            return d
        return {'dir': 'out', 'text': msg_out(P, ctx, im)}

    gen_plain = gen1

    def gen1(j):
        d = gen_plain(j)
        if im and '[' not in d['text'] and r.random() < 0.18:
            d['text'] += r.choice(EMOJI)
        return d

    # status bar
    clock = '%d:%02d' % ((taken_dt.hour % 12) or 12, taken_dt.minute) if L == 'iphone_sms_en' else t24(taken_dt)
    sbh = status_bar(cv, {'pct': L not in ('iphone_sms', 'iphone_sms_en'), 'clock_bold': L in ('oppo_sms', 'vivo_sms')}, clock,
                     st['fg'], k, iphone=iphone, clock_right=L == 'huawei_sms', battery=r.randint(12, 99))
    if im:
        top = wechat_header(cv, st, sbh, title, dark)
    else:
        top = sms_header(cv, L, st, sbh, title, sub, dark, r)
    if partial:
        bottom = H - int(30 * k)
    else:
        bottom = wechat_input(cv, st, dark) if im else sms_input(cv, L, st, dark, r)
    top += int(20 * k)
    if L.startswith('iphone') and r.random() < 0.5 and overlap_role != 'B':
        lab = 'Text Message' if L == 'iphone_sms_en' else '短信'
        cv.text(W / 2, top + 40, lab, 34, st['sep'], 'sms_label', anchor='mm')
        top += 80
    elif L in ('xiaomi_sms', 'oppo_sms') and r.random() < 0.3 and overlap_role != 'B':
        cv.text(W / 2, top + 30 * k, '短信/彩信', int(32 * k), st['sep'], 'sms_label', anchor='mm')
        top += int(64 * k)

    # conversation
    if overlap_role == 'B':
        prev = pair_state['tail']  # last 1-2 msg blocks of A
        used.update(b['text'] for b in prev)
        t0 = pair_state['taken_dt'] + dt.timedelta(minutes=1)
        newn = r.randint(4, 7)
        span = max(1, int((taken_dt - t0).total_seconds() // 60) - 1)
        msgs = []
        for j in range(newn):
            d = gen(j)
            d['dt'] = t0 + dt.timedelta(minutes=min(span, j * span // newn))
            msgs.append(d)
        sess = [{'dt': msgs[0]['dt'], 'msgs': msgs}]
        blocks = [dict(b) for b in prev] + blocks_from_sessions(L, sess, taken, var, prev_date=prev[-1]['dt'].date())
        mode = 'top'
    else:
        base = r.choice([0, 0, 0, 0, 1, 2, 3, 5, 9, 20, 40]) if overlap_role is None else 0
        sess = make_sessions(r, taken_dt, r.randint(6, 9), base, True, gen, L in DATE_ONLY)
        if im and r.random() < 0.5:
            si = r.randint(1, len(sess) - 1)
            sess[si]['msgs'].insert(r.randint(0, len(sess[si]['msgs'])),
                                    {'notice': r.choice(['你撤回了一条消息 重新编辑', '“%s”撤回了一条消息' % (r.choice(nicks) if group else title),
                                                         '以下是新消息'] if group else ['你撤回了一条消息 重新编辑', '对方撤回了一条消息']), 'dt': sess[si]['dt']})
        blocks = blocks_from_sessions(L, sess, taken, var)
        mode = 'bottom'
    for bi, b in enumerate(blocks):
        if b['t'] == 'msg':
            b.setdefault('key', '%s#%d' % (L, r.randint(0, 10 ** 9)))
            if L in ('huawei_sms', 'honor_sms') and 'sim' not in b:
                b['sim'] = r.choice([None, None, '卡1', '卡2'])
            if L == 'vivo_sms' and 'sim' not in b:
                b['sim'] = r.choice([None, None, None, '卡1', '卡2']) if b['dir'] == 'out' else None
    # delivered label on the last outgoing bubble (iPhone, sometimes Xiaomi)
    if L.startswith('iphone') or (L == 'xiaomi_sms' and r.random() < 0.5):
        outs = [b for b in blocks if b['t'] == 'msg' and b['dir'] == 'out']
        if outs and outs[-1] is blocks[-1] and overlap_role != 'B':
            outs[-1]['delivered'] = True
    recs, chosen = draw_chat(cv, L, st, blocks, top, bottom, mode, sender_rec, sender_rec, r, None)
    # overlap state
    state = None
    if overlap_role == 'A':
        ms = [b for b in chosen if b['t'] == 'msg']
        nt = r.choice([1, 2])
        tail = []
        for b in ms[-nt:]:
            c = dict(b)
            c.pop('delivered', None)
            tail.append(c)
        state = {'W': W, 'H': H, 'dark': dark, 'taken_dt': taken_dt, 'var': var, 'ctx': ctx, 'tail': tail,
                 'persona': (title, sub, sender_rec, svc), 'title': title, 'sender': sender_rec, 'nicks': nicks}
    return finish(cv, L, dark, taken_dt, jpeg, iphone, namer, recs, r), state


def finish(cv, L, dark, taken_dt, jpeg, iphone, namer, recs, r):
    name = namer.name(L, taken_dt, jpeg, iphone)
    q = r.choice([70, 75, 80, 85, 88, 92]) if jpeg else None
    path = os.path.join(OUT, name)
    if jpeg:
        cv.im.save(path, 'JPEG', quality=q)
    else:
        cv.im.save(path, 'PNG')
    for it in cv.items:
        for kk in ('box',):
            it[kk] = [int(v) for v in it[kk]]
    return {'file': name, 'layout': L, 'dark': dark, 'taken_on': taken_dt.date().isoformat(), 'recs': recs,
            'size': [cv.W, cv.H], 'jpeg_quality': q, 'items': cv.items}


# --------------------------------------------------------------------------- call logs
def call_style(L, dark, W):
    k = W / 1080.0
    fg = '#E8E8E8' if dark else '#1A1A1A'
    return dict(k=k, fg=fg, bg='#000000' if dark else ('#FFFFFF' if L not in ('huawei_calls', 'honor_calls') else '#F1F3F5'),
                sub='#8A8A8A' if dark else '#8C8C8C', red='#F0493E' if dark else '#E84026',
                card='#161616' if dark else '#FFFFFF', div='#262626' if dark else '#E6E6E6')


def build_call_image(L, r, P, namer, idx):
    iphone = L == 'iphone_calls'
    dark = (idx % 3 == 1)
    jpeg = (idx % 5 == 3)
    partial = (idx % 6 == 4)
    W, H = pick_size(r, iphone, partial)
    taken_dt = rand_taken(r, jan=(idx % 3 == 2))
    taken = taken_dt.date()
    var = {'h12': iphone and r.random() < 0.4, 'yday_time': r.random() < 0.5}
    st = call_style(L, dark, W)
    k = st['k']
    cv = Cv(W, H, st['bg'])
    sbh = status_bar(cv, {'pct': not iphone, 'clock_bold': L in ('oppo_calls', 'vivo_calls')}, t24(taken_dt), st['fg'], k,
                     iphone=iphone, clock_right=L == 'huawei_calls', battery=r.randint(10, 99))
    fg, sub = st['fg'], st['sub']
    y = sbh
    # header
    if iphone:
        cv.rr('segmented', (W / 2 - 270, y + 30, W / 2 + 270, y + 126), 26, '#1C1C1E' if dark else '#EEEEF0')
        cv.rr('segment_sel', (W / 2 - 264, y + 36, W / 2 - 2, y + 120), 22, '#636366' if dark else '#FFFFFF')
        cv.text(W / 2 - 133, y + 78, '所有通话', 38, fg, 'tab', bold=True, anchor='mm')
        cv.text(W / 2 + 133, y + 78, '未接来电', 38, fg, 'tab', anchor='mm')
        cv.text(W - 60, y + 78, '编辑', 50, '#0A84FF' if dark else '#007AFF', 'button', anchor='rm')
        cv.text(48, y + 230, '最近通话', 102, fg, 'title', bold=True, anchor='lm')
        y += 320
        if r.random() < 0.5:
            cv.rr('search', (48, y, W - 48, y + 108), 30, '#1C1C1E' if dark else '#EEEEF0')
            cv.text(120, y + 54, '搜索', 50, '#8E8E93', 'search', anchor='lm')
            y += 140
        bottom = H - 260 if not partial else H - 20
        if not partial:
            cv.rr('tabbar', (0, H - 250, W, H), 0, '#121212' if dark else '#F9F9F9')
            for ti, tn in enumerate(['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']):
                cx = W * (ti + 0.5) / 5
                col = ('#0A84FF' if dark else '#007AFF') if ti == 1 else '#8E8E93'
                cv.rr('tab_icon', (cx - 34, H - 220, cx + 34, H - 160), 14, col)
                cv.text(cx, H - 125, tn, 30, col, 'tab', anchor='mm')
            cv.rr('home_indicator', (W / 2 - 210, H - 32, W / 2 + 210, H - 17), 8, '#FFFFFF' if dark else '#000000')
    else:
        title = {'huawei_calls': '电话', 'honor_calls': '通话记录', 'xiaomi_calls': '电话', 'oppo_calls': '电话', 'vivo_calls': '通话'}[L]
        cv.text(56 * k, y + 110 * k, title, int(84 * k), fg, 'title', bold=True, anchor='lm')
        dots_icon(cv, W - 70 * k, y + 110 * k, 60 * k, fg, vertical=True)
        y += int(210 * k)
        if L in ('huawei_calls', 'honor_calls', 'xiaomi_calls') or r.random() < 0.5:
            cv.rr('search', (48 * k, y, W - 48 * k, y + 110 * k), 55 * k, '#1E1E1E' if dark else ('#E4E6EA' if st['bg'] != '#FFFFFF' else '#F1F2F4'))
            cv.text(120 * k, y + 55 * k, r.choice(['搜索联系人', '搜索', '搜索联系人和号码']), int(44 * k), '#8A8A8A', 'search', anchor='lm')
            y += int(140 * k)
        if partial:
            bottom = H - int(20 * k)
        else:
            nav = int(60 * k)
            tabs = {'huawei_calls': ['拨号', '联系人', '收藏', '畅连'], 'honor_calls': ['拨号', '联系人', '收藏'],
                    'xiaomi_calls': ['电话', '联系人', '营业厅'], 'oppo_calls': ['电话', '联系人', '收藏'],
                    'vivo_calls': ['电话', '联系人', '收藏', '畅连']}[L]
            th = int(190 * k)
            cv.rr('tabbar', (0, H - nav - th, W, H - nav), 0, '#101010' if dark else '#F7F7F7')
            for ti, tn in enumerate(tabs):
                cx = W * (ti + 0.5) / len(tabs)
                col = '#3F7CF5' if ti == 0 else sub
                cv.rr('tab_icon', (cx - 30 * k, H - nav - th + 30 * k, cx + 30 * k, H - nav - th + 90 * k), 12 * k, col)
                cv.text(cx, H - nav - th + 135 * k, tn, int(30 * k), col, 'tab', anchor='mm')
                if ti == 0 and r.random() < 0.5:
                    n = str(r.randint(1, 9))
                    cv.rr('badge_dot', (cx + 26 * k, H - nav - th + 18 * k, cx + 70 * k, H - nav - th + 62 * k), 22 * k, st['red'])
                    cv.text(cx + 48 * k, H - nav - th + 40 * k, n, int(28 * k), '#FFFFFF', 'badge', anchor='mm')
            cv.rr('nav_handle', (W / 2 - 130 * k, H - nav / 2 - 6 * k, W / 2 + 130 * k, H - nav / 2 + 6 * k), 6 * k, '#E0E0E0' if dark else '#222222')
            bottom = H - nav - th - int(10 * k)
    rh = 200 if iphone else int({'huawei_calls': 192, 'honor_calls': 196, 'xiaomi_calls': 204, 'oppo_calls': 186, 'vivo_calls': 198}[L] * k)
    nrows = int((bottom - y) // rh)
    # rows, most recent first
    t = taken_dt - dt.timedelta(minutes=r.randint(1, 90))
    rows = []
    for i in range(nrows):
        ct = r.choices(['incoming', 'outgoing', 'missed'], [3, 3, 4])[0]
        kk = r.random()
        if kk < 0.45:
            d = P.mobile()
            disp = P.fmt_mobile(d, 1 if iphone else r.choice([0, 0, 2, 3]))
            snd = d
            place = r.choice(PLACES)
        elif kk < 0.6:
            disp = P.landline()
            snd = disp.replace('-', '').replace(' ', '')
            place = {'0571': '浙江杭州', '021': '上海', '010': '北京', '0755': '广东深圳', '025': '江苏南京', '028': '四川成都'}[disp.split('-')[0]]
        elif kk < 0.72:
            h = P.hotline()
            disp, snd, place = h, h.replace('-', ''), r.choice(['疑似催收', '未知', '骚扰电话'])
        else:
            disp = r.choice(['催收 王专员', '陈经理(调解)', '李律师【明石所】', '%s客服' % r.choice(PLATS), '法务-刘', '孙专员（贷后）', '妈妈', '赵调解员', 'Kevin Liu'])
            snd = disp
            place = r.choice(PLACES) if r.random() < 0.4 else ('手机' if iphone else r.choice(PLACES))
        if iphone:
            place = r.choice(['手机', '未知', place.split(' ')[0]]) if snd != disp or disp[0].isdigit() or disp[0] == '+' else '手机'
        cnt = r.choice([1, 1, 1, 1, 2, 3, 4, 6]) if ct == 'missed' else r.choice([1, 1, 1, 1, 2])
        dur = None
        if ct != 'missed':
            if ct == 'outgoing' and r.random() < 0.3:
                dur = 0  # not connected
            else:
                dur = r.choice([r.randint(3, 59), r.randint(60, 600), r.randint(60, 300), r.randint(600, 4000)])
        rows.append({'type': ct, 'disp': disp, 'sender': snd, 'place': place, 'count': cnt, 'dt': t, 'dur': dur,
                     'sim': r.choice(['1', '2']) if r.random() < 0.6 else None})
        g = r.random()
        if g < 0.4:
            t -= dt.timedelta(minutes=r.randint(8, 200))
        elif g < 0.75:
            t -= dt.timedelta(hours=r.randint(4, 30), minutes=r.randint(0, 59))
        else:
            t -= dt.timedelta(days=r.randint(1, 9), minutes=r.randint(0, 600))
        if r.random() < 0.12:
            t = t.replace(hour=r.choice([0, 12]))
            if rows and t >= rows[-1]['dt']:
                t = rows[-1]['dt'] - dt.timedelta(minutes=r.randint(5, 50))
    recs = []
    for i, row in enumerate(rows):
        y0 = y + i * rh
        cy1 = y0 + rh * 0.36
        cy2 = y0 + rh * 0.70
        ct = row['type']
        ncol = st['red'] if ct == 'missed' else fg
        lab, has_t = call_label(L, row['dt'], taken, var)
        if iphone:
            x = 130
            if ct == 'outgoing':
                call_icon(cv, ct, 72, y0 + rh * 0.42, 40, sub)
            e = cv.text(x, cy1, row['disp'], 50, ncol, 'call_name', bold=True)
            if row['count'] > 1:
                cv.text(e[2] + 14, cy1, '(%d)' % row['count'], 50, ncol, 'call_count', bold=True)
            cv.text(x, cy2, row['place'], 38, sub, 'call_place')
            info_icon(cv, W - 80, y0 + rh / 2, 30, '#0A84FF' if dark else '#007AFF')
            cv.text(W - 140, y0 + rh / 2, lab, 40, sub, 'call_time', anchor='rm')
            cv.rr('divider', (x, y0 + rh - 2, W, y0 + rh), 0, st['div'])
        else:
            x = 56 * k
            has_av = L in ('xiaomi_calls', 'vivo_calls') and idx % 2 == 0
            if has_av:
                cols = ['#6C8EF5', '#F5A06C', '#6CC59A', '#B48CF2', '#EC7C8C']
                cv.rr('avatar', (x, y0 + rh / 2 - 60 * k, x + 120 * k, y0 + rh / 2 + 60 * k), 60 * k, cols[(i + idx) % len(cols)])
                x += 150 * k
            nfs = int(52 * k)
            e = cv.text(x, cy1, row['disp'], nfs, ncol, 'call_name', bold=L == 'oppo_calls')
            if row['count'] > 1:
                cv.text(e[2] + 12 * k, cy1, '(%d)' % row['count'], nfs, ncol, 'call_count', bold=L == 'oppo_calls')
            sx = x
            sfs = int(36 * k)
            icol = st['red'] if ct == 'missed' else sub
            if row['sim'] and L in ('huawei_calls', 'honor_calls', 'vivo_calls', 'xiaomi_calls'):
                cv.rr('sim_badge', (sx, cy2 - 20 * k, sx + 34 * k, cy2 + 20 * k), 6 * k, None, outline=sub, width=max(2, int(3 * k)))
                cv.text(sx + 17 * k, cy2, row['sim'], int(28 * k), sub, 'sim', anchor='mm')
                sx += 50 * k
            call_icon(cv, ct, sx + 20 * k, cy2, 40 * k, icol)
            sx += 54 * k
            parts = []
            if L == 'xiaomi_calls':
                if ct == 'missed':
                    parts.append(('未接来电' if row['count'] > 1 or r.random() < 0.5 else '未接', 'call_label', st['red']))
                elif ct == 'incoming':
                    parts.append(('呼入', 'call_label', sub))
                    parts.append((fmt_dur(row['dur']), 'call_duration', sub))
                else:
                    parts.append(('呼出', 'call_label', sub))
                    parts.append(('未接通', 'call_label', sub) if row['dur'] == 0 else (fmt_dur(row['dur']), 'call_duration', sub))
                parts.append((row['place'], 'call_place', sub))
            elif L in ('oppo_calls', 'vivo_calls'):
                parts.append((row['place'], 'call_place', sub))
                if ct == 'missed':
                    if L == 'vivo_calls' and r.random() < 0.5:
                        parts.append(('响铃%d声' % r.randint(2, 8), 'call_label', st['red']))
                elif row['dur'] == 0:
                    parts.append(('未接通', 'call_label', sub))
                else:
                    parts.append((fmt_dur(row['dur']), 'call_duration', sub))
            else:
                parts.append((row['place'], 'call_place', sub))
            for ptxt, prole, pcol in parts:
                e2 = cv.text(sx, cy2, ptxt, sfs, pcol, prole)
                sx = e2[2] + 18 * k
            if L in ('huawei_calls', 'honor_calls', 'oppo_calls', 'vivo_calls'):
                info_icon(cv, W - 80 * k, y0 + rh / 2, 30 * k, '#3F7CF5' if L != 'oppo_calls' else sub)
                tx = W - 140 * k
            else:
                tx = W - 56 * k
            cv.text(tx, y0 + rh / 2 if L != 'xiaomi_calls' else cy1, lab, int(36 * k), sub, 'call_time', anchor='rm')
            cv.rr('divider', (x, y0 + rh - 2, W - 40 * k, y0 + rh), 0, st['div'])
        show_dur = L in ('xiaomi_calls', 'oppo_calls', 'vivo_calls') and row['dur'] not in (None, 0)
        recs.append({'kind': 'call', 'sender': row['sender'], 'occurred_at': iso(row['dt']) if has_t else None,
                     'direction': 'out' if ct == 'outgoing' else 'in', 'text': None, 'call_type': ct,
                     'duration_seconds': row['dur'] if show_dur else None})
    return finish(cv, L, dark, taken_dt, jpeg, iphone, namer, recs, r)


def fmt_dur(s):
    h, m, sec = s // 3600, (s % 3600) // 60, s % 60
    if h:
        return '%d小时%d分%d秒' % (h, m, sec)
    if m:
        return '%d分%d秒' % (m, sec)
    return '%d秒' % sec


# --------------------------------------------------------------------------- main
def main():
    r = random.Random(SEED)
    P = Pools(r)
    namer = Namer(r)
    for f in os.listdir(OUT):
        if f.endswith(('.png', '.PNG', '.jpg')):
            os.remove(os.path.join(OUT, f))
    out = []
    plan_chat = [('huawei_sms', 10), ('honor_sms', 10), ('xiaomi_sms', 10), ('oppo_sms', 10), ('vivo_sms', 11),
                 ('iphone_sms', 10), ('iphone_sms_en', 11), ('wechat_private', 12), ('wechat_group', 12)]
    for L, n in plan_chat:
        i = 0
        tno = 0
        npairs = 2
        while i < n:
            if tno < npairs and i in (1, 6):
                tno += 1
                a, state = build_chat_image(L, r, P, namer, i, 'A')
                b, _ = build_chat_image(L, r, P, namer, i + 1, 'B', state)
                tid = '%s_t%d' % (L, tno)
                a['thread'] = b['thread'] = tid
                out += [a, b]
                i += 2
            else:
                a, _ = build_chat_image(L, r, P, namer, i)
                a['thread'] = None
                out.append(a)
                i += 1
    for L in ['huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls']:
        for i in range(7):
            a = build_call_image(L, r, P, namer, i)
            a['thread'] = None
            out.append(a)
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as ft, \
            open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as fd:
        for a in out:
            recs = [{kk: v for kk, v in rec.items() if not kk.startswith('_')} for rec in a['recs']]
            ft.write(json.dumps({'file': a['file'], 'layout': a['layout'], 'dark': a['dark'], 'taken_on': a['taken_on'],
                                 'thread': a['thread'], 'records': recs}, ensure_ascii=False) + '\n')
            fd.write(json.dumps({'file': a['file'], 'size': a['size'], 'layout': a['layout'], 'dark': a['dark'],
                                 'jpeg_quality': a['jpeg_quality'], 'items': a['items']}, ensure_ascii=False) + '\n')
    print('images', len(out), 'records', sum(len(a['recs']) for a in out))


if __name__ == '__main__':
    main()
