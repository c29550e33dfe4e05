#!/usr/bin/env python3
"""Deterministic generator for the ocr_dev6 DEVELOPMENT set.

Draws synthetic Chinese-phone screenshots (SMS threads and call logs) with
Pillow, and writes truth.jsonl + drawlog.jsonl next to the images.
Re-running gives byte-identical output (fixed seed, no time-dependent input).
"""
import datetime as dt
import json
import math
import os
import random
import re

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_R = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_B = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC
SEED = 6062026
SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712), (1260, 2800)]
WD = '一二三四五六日'
TZ = '+08:00'

_FONTS = {}


def F(sz, bold=False):
    k = (sz, bold)
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(FONT_B if bold else FONT_R, sz, index=FACE)
    return _FONTS[k]


def tw(s, sz, bold=False):
    return F(sz, bold).getlength(s)


# ----------------------------------------------------------------- canvas
class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.im = Image.new('RGB', (W, H), bg)
        self.d = ImageDraw.Draw(self.im)
        self.strings = []
        self.shapes = []

    def text(self, x, y, s, sz, col, role, bold=False, anchor='lm'):
        f = F(sz, bold)
        x, y = int(round(x)), int(round(y))
        b = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        self.d.text((x, y), s, font=f, fill=col, anchor=anchor)
        self.strings.append({'text': s, 'box': [int(v) for v in b], 'role': role,
                             'color': col, 'size': sz, 'bold': bold})
        return b

    def rect(self, box, fill, r=0, kind=None, outline=None, width=1, **meta):
        box = [int(round(v)) for v in box]
        if r:
            self.d.rounded_rectangle(box, r, fill=fill, outline=outline, width=width)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=width)
        if kind:
            e = {'shape': kind, 'box': box, 'fill': fill}
            e.update(meta)
            self.shapes.append(e)

    def ellipse(self, box, fill=None, outline=None, width=1, kind=None, **meta):
        box = [int(round(v)) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        if kind:
            e = {'shape': kind, 'box': box, 'fill': fill or outline}
            e.update(meta)
            self.shapes.append(e)

    def line(self, pts, fill, width):
        self.d.line([(int(round(a)), int(round(b))) for a, b in pts], fill=fill, width=width, joint='curve')


# ----------------------------------------------------------------- themes
def theme(vendor, dark):
    if not dark:
        t = dict(bg='#FFFFFF', hdr='#FFFFFF', txt='#191919', sub='#8C8C8C', inb='#F1F3F5', intx='#191919',
                 outb='#007DFF', outtx='#FFFFFF', time='#999999', time_lc='#BDBDBD', sep='#9A9A9A',
                 field='#F1F3F5', ph='#A6A6A6', icon='#333333', out_time_in='#CCE1FF', in_time_in='#A0A0A0',
                 div='#E8E8E8', red='#E84026', sbar='#1A1A1A', pill='#E9EBEE')
    else:
        t = dict(bg='#000000', hdr='#000000', txt='#E6E6E6', sub='#7A7A7A', inb='#262626', intx='#E1E1E1',
                 outb='#2F73E6', outtx='#FFFFFF', time='#707070', time_lc='#505050', sep='#6E6E6E',
                 field='#1C1C1C', ph='#5F5F5F', icon='#D0D0D0', out_time_in='#A9C4F2', in_time_in='#6C6C6C',
                 div='#222222', red='#F0553E', sbar='#E8E8E8', pill='#1E1E1E')
    if vendor == 'huawei':
        if not dark:
            t.update(bg='#F1F3F5', hdr='#F1F3F5', inb='#FFFFFF', field='#FFFFFF', pill='#E4E6E9')
    elif vendor == 'honor':
        t.update(outb='#256FFF' if not dark else '#2C64D8')
        if not dark:
            t.update(bg='#F6F6F6', hdr='#F6F6F6', inb='#FFFFFF', field='#FFFFFF')
        else:
            t.update(bg='#0B0B0B', hdr='#0B0B0B', inb='#2A2A2A')
    elif vendor == 'vivo':
        t.update(outb='#4A7BF7' if not dark else '#3A66D2')
        if dark:
            t.update(bg='#121212', hdr='#121212', inb='#2B2B2B', field='#242424')
    elif vendor == 'xiaomi':
        t.update(outb='#3482FF' if not dark else '#2E6FD9', inb='#F0F0F0' if not dark else '#262626')
    elif vendor == 'oppo':
        t.update(outb='#2FB65D' if not dark else '#23894A', out_time_in='#D3F5DE')
        if not dark:
            t.update(bg='#FAFAFA', hdr='#FAFAFA', inb='#FFFFFF', field='#FFFFFF')
    return t


# ----------------------------------------------------------------- time formatting
def fmt_clock(t, ts):
    h, m = t.hour, t.minute
    if not ts['c12']:
        return (f'{h:02d}' if ts['pad'] else str(h)) + f':{m:02d}'
    if h == 0:
        per, hh = {'ling0': ('凌晨', 0), 'ling12': ('凌晨', 12), 'shang12': ('上午', 12)}[ts['zero']]
    elif h <= 5:
        per, hh = '凌晨', h
    elif h <= 11:
        per, hh = '上午', h
    elif h == 12:
        per, hh = ts['noon'], 12
    elif h <= 17:
        per, hh = '下午', h - 12
    else:
        per, hh = '晚上', h - 12
    return per + (' ' if ts['spc'] else '') + f'{hh}:{m:02d}'


def fmt_date(d, taken_d, ds):
    diff = (taken_d - d).days
    assert diff >= 0
    if diff == 0:
        return '今天'
    if diff == 1:
        return '昨天'
    if diff <= 6:
        return ds['wk'] + WD[d.weekday()]
    if d.year == taken_d.year:
        s = f'{d.month}月{d.day}日'
        if ds['mdwk']:
            s += ' ' + ds['wk'] + WD[d.weekday()]
        return s
    if ds['yfmt'] == 'cn':
        return f'{d.year}年{d.month}月{d.day}日'
    return f'{d.year}/{d.month:02d}/{d.day:02d}'


def fmt_sep(t, taken, ds, ts, with_time):
    if not with_time:
        return fmt_date(t.date(), taken.date(), ds)
    if t.date() == taken.date() and ds['bare_today']:
        return fmt_clock(t, ts)
    dpart = fmt_date(t.date(), taken.date(), dict(ds, mdwk=False))
    return dpart + ' ' + fmt_clock(t, ts)


def iso(t):
    return None if t is None else t.strftime('%Y-%m-%dT%H:%M:00') + TZ


# ----------------------------------------------------------------- wrapping
CARD_RE = re.compile(r'\d{4} \*{4} \*{4} \d{4}')
SP_PREV = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,!?\'')
SP_NEXT = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
NO_START = set('，。！？、；：）》」』”’…,.!?;:)')
NO_END = set('（《「『“‘(')


def tokenize(text):
    toks, i = [], 0
    while i < len(text):
        m = CARD_RE.match(text, i)
        if m:
            toks.append(m.group())
            i = m.end()
            continue
        c = text[i]
        if c == ' ':
            toks.append(' ')
            i += 1
            continue
        if ord(c) < 128:
            j = i
            while j < len(text) and ord(text[j]) < 128 and text[j] != ' ' and not (j > i and CARD_RE.match(text, j)):
                j += 1
            toks.append(text[i:j])
            i = j
            continue
        toks.append(c)
        i += 1
    return toks


def _safe(a, b):
    return not (a in SP_PREV and b in SP_NEXT)


def wrap(text, sz, maxw):
    """Greedy line breaking. Returns (lines, dropped_space_flags)."""
    assert '  ' not in text and text == text.strip()
    for i, c in enumerate(text):
        if c == ' ':
            assert ord(text[i - 1]) < 128 and ord(text[i + 1]) < 128, text
    W = lambda s: tw(s, sz)
    lines, spaces = [], []
    cur, pend = '', False
    for t in tokenize(text):
        if t == ' ':
            pend = True
            continue
        cand = cur + (' ' if pend and cur else '') + t
        if W(cand) <= maxw:
            cur, pend = cand, False
            continue
        if W(t) <= maxw:
            if len(t) == 1 and t in NO_START and not pend and len(cur) > 1:
                # no line may start with closing punctuation: carry the last character / word down
                k = len(cur) - 1
                mcard = re.search(r'\d{4} \*{4} \*{4} \d{4}$', cur)
                if mcard:
                    k = mcard.start()
                elif ord(cur[-1]) < 128:
                    while k > 0 and ord(cur[k - 1]) < 128 and cur[k - 1] != ' ':
                        k -= 1
                if k > 1 and cur[k - 1] in NO_END:
                    k -= 1
                if k > 0 and cur[k - 1] != ' ' and W(cur[k:] + t) <= maxw:
                    lines.append(cur[:k]); spaces.append(False)
                    cur = cur[k:] + t
                    continue
            if not pend and len(cur) > 1 and cur[-1] in NO_END and W(cur[-1] + t) <= maxw:
                lines.append(cur[:-1]); spaces.append(False)
                cur = cur[-1] + t
                continue
            lines.append(cur); spaces.append(pend)
            cur, pend = t, False
            continue
        rest, scur, spend = t, cur, pend
        while True:
            pre = scur + (' ' if spend and scur else '')
            if W(pre + rest) <= maxw:
                cur, pend = pre + rest, False
                break
            best = 0
            for j in range(1, len(rest)):
                if W(pre + rest[:j]) > maxw:
                    break
                if _safe(rest[j - 1], rest[j]):
                    best = j
            if best == 0:
                if not scur:
                    raise ValueError('cannot split ' + rest)
                lines.append(scur); spaces.append(spend)
                scur, spend = '', False
                continue
            lines.append(pre + rest[:best]); spaces.append(False)
            rest, scur, spend = rest[best:], '', False
    lines.append(cur)
    # self-check against the stated convention
    joined = lines[0]
    for i in range(1, len(lines)):
        rule = lines[i - 1][-1] in SP_PREV and lines[i][0] in SP_NEXT
        assert rule == spaces[i - 1], (text, lines)
        joined += (' ' if spaces[i - 1] else '') + lines[i]
    assert joined == text, (joined, text)
    for l in lines:
        assert W(l) <= maxw + 0.5 and l == l.strip()
    return lines


# ----------------------------------------------------------------- content pools
BORROWERS = ['王建国', '李娜', '陈晓东', '赵磊', '周婷', '吴浩然', '孙丽萍', '郑凯', '黄志强', '刘芳', '何静', '马俊杰', '林雪', '杨帆']
PLATS = ['速易贷', '星融花', '鑫钱包', '易分期', '惠民借', '云享贷', '金橙分期', '优米花', '安途借款', '诚e借']
PLATS_EN = ['QuickCash', 'EasyLoan', 'YunXiang', 'StarCredit']
BANKS = ['华远银行', '鼎泰银行', '恒川银行', '东兴农商银行', '瑞通银行']
LAWF = ['正衡', '恒信达', '启明', '中瑞', '鸿泽']
COURTS = ['江北市滨湖区人民法院', '东阳市城南区人民法院', '临川市高新区人民法院', '青岚县人民法院']
CITIES = ['杭州', '合肥', '郑州', '成都', '南昌', '长沙', '济南', '昆明']
CONTACTS = ['你母亲', '你爱人', '你同事赵女士', '你公司人事部', '你的紧急联系人']
PAYEES = ['杭州某某信息服务有限公司', '刘某某', '宁波恒融商务咨询有限公司', '张某']

IN_T = [
    '【{plat}】尊敬的{name}，您的借款已逾期{days}天，应还金额{amt}元，请于今日18:00前还款，逾期将影响您的征信。',
    '{name}你好，我是{plat}贷后管理部，你的欠款{amt}元已严重逾期，今天下午再不处理，我们将安排外访人员上门核实。',
    '案件编号{case}：您名下{plat}借款已移交法务部，拟向您户籍所在地法院提起诉讼，请于24小时内联系处理。',
    '【{lawf}律师事务所】律师函：{name}（身份证{idno}）拖欠{plat}款项{amt}元，限三日内结清，否则依法起诉。',
    '请将款项转入指定还款账户：{bank}{card}，户名{payee}，转账后截图回复。',
    '点击{url}查看还款详情，退订回T',
    '你再不接电话，我们就通知你的家人和单位同事了，你自己考虑清楚。',
    '{name}，{contact}我们已经联系过了，别让家里人替你操心。',
    '【{bank}信用卡】您尾号{last4}的信用卡已逾期{days}天，欠款{amt}元，请尽快还款，详询{svc}。',
    '【借呗】您的借呗已逾期，逾期金额{amt}元，请尽快还款以免影响信用记录。',
    '【花呗】您本月花呗账单{amt}元已逾期，每日产生逾期费用，请及时还款。',
    '最后通知：今天是最后期限，明天上午十点{court}将立案，到时候冻结你名下银行卡。',
    '我们已向{court}提交材料，案号（{year}）民初{num}号，请你本人到场。',
    '为什么不回信息？',
    '在吗？今天能还多少？',
    '今天必须先还最低{minamt}元，不然明天上门。',
    '我们外访同事已经到{city}了，下午去你单位。',
    '回复1申请延期还款，回复2申请分期。',
    '【{plat}】您的账户已逾期，登录{url}查看处理方案，或致电{svc}。',
    '人呢？',
    '{name}，请正面回复，今天到底还不还？',
    '你的身份证号{idno2}对吧？我们核实无误，材料今天就递交。',
    '工作人员将于明日到{city}你户籍地走访，请提前准备好还款。',
    '尾号{last4}的还款卡扣款失败，请保证卡内余额不少于{minamt}元。',
]
IN_EN = [
    'Reminder: your loan with {plat_en} is {days} days overdue. Please repay {amt} yuan today to avoid legal action.',
    'Final notice: your account ending {last4} has been sent to our legal team. Call us back today.',
    'Dear customer, your repayment of {amt} yuan is overdue. Reply 1 to request an extension.',
]
OUT_SHORT = ['好', '嗯', '?', '？', 'ok', 'OK', '嗯嗯', '明天还', '我在想办法', '知道了', '收到', '好的']
OUT_LONG = [
    '我现在真的没钱，下个月10号发工资一定还',
    '你们再骚扰我家人我就报警了',
    '能不能先还一部分，剩下的分三期？',
    '我已经在app上还了{minamt}，你查一下',
    '别打我单位电话，我周五之前处理',
    '能不能宽限几天',
    '你们是哪个公司的？',
    '好的，我下午转',
    '可以分期吗',
    '在想办法了，别催了',
    'ok, I will pay tomorrow.',
]
SUBS = ['浙江 杭州', '广东 深圳 移动', '中国联通', '安徽 合肥', '河南郑州 电信', '四川 成都', '北京', '江西南昌 移动']
NOTICES = ['对方不在您的联系人中，请谨防诈骗', '该号码被多人标记为“催收电话”', '陌生号码，请勿轻易转账']


def rnd_alnum(rng, n):
    return ''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789') for _ in range(n))


def mobile(rng):
    return rng.choice(['138', '139', '150', '157', '177', '186', '199', '133']) + ''.join(rng.choice('0123456789') for _ in range(8))


def thread_ctx(rng, year):
    d = dict(
        name=rng.choice(BORROWERS), plat=rng.choice(PLATS), plat_en=rng.choice(PLATS_EN), bank=rng.choice(BANKS),
        lawf=rng.choice(LAWF), court=rng.choice(COURTS), city=rng.choice(CITIES), contact=rng.choice(CONTACTS),
        payee=rng.choice(PAYEES), year=str(year), num=str(rng.randint(1000, 39999)),
        svc='95' + str(rng.randint(100, 999)), last4=f'{rng.randint(0, 9999):04d}',
        case=rng.choice(['CS', 'HZ', 'DH', 'YQ']) + str(year) + f'{rng.randint(0, 9999999):07d}',
        card=f"{rng.choice(['6222', '6217', '6228', '6230', '6214'])} **** **** {rng.randint(0, 9999):04d}",
        idno=f'{rng.choice(["330106", "340104", "410105", "510107", "360102"])}{rng.randint(1975, 2001)}****{rng.randint(0, 999):03d}{rng.choice("0123456789X")}',
        idno2=f'{rng.choice(["330106", "340104", "410105"])}********{rng.randint(0, 9999):04d}',
        url=rng.choice(['https://', 'http://']) + rng.choice(['syd-h5', 'xrh', 'jcfq', 'yxd9', 'hmj-app', 'umh']) + '.cn/' +
            rng.choice(['r/', 'h5/repay?id=', 'p/', 'x?c=']) + rnd_alnum(rng, rng.randint(5, 9)),
    )
    return d


def fill(rng, tpl, ctx):
    amt = rng.choice([f'{rng.randint(800, 58000)}.{rng.randint(0, 99):02d}', str(rng.randint(500, 30000)),
                      f'{rng.randint(1, 58)},{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}'])
    return tpl.format(amt=amt, days=rng.randint(3, 180), minamt=rng.choice([300, 500, 800, 1000, 1500, 2000]), **ctx)


def _deal(rng, ctx, key, pool):
    deck = ctx.setdefault(key, [])
    if not deck:
        deck.extend(pool)
        rng.shuffle(deck)
    return deck.pop()


def in_text(rng, ctx):
    if rng.random() < 0.08:
        return fill(rng, _deal(rng, ctx, '_en', IN_EN), ctx)
    return fill(rng, _deal(rng, ctx, '_in', IN_T), ctx)


def out_text(rng, ctx):
    if rng.random() < 0.6:
        return _deal(rng, ctx, '_os', OUT_SHORT)
    return fill(rng, _deal(rng, ctx, '_ol', OUT_LONG), ctx)


# ----------------------------------------------------------------- timelines
PATTERNS = [['in'], ['in', 'out'], ['in', 'in', 'out'], ['in', 'out', 'in'], ['in', 'out', 'in', 'out'],
            ['out', 'in'], ['in', 'in'], ['in', 'out', 'out']]


def at(d, minutes):
    return dt.datetime.combine(d, dt.time(0, 0)) + dt.timedelta(minutes=minutes)


def gen_thread(rng, taken, scenario, ctx):
    td = taken.date()
    starts = []
    if scenario == 'recent':
        offs = [rng.choice([0, 0, 1, 1, 1, 2]) for _ in range(rng.randint(4, 5))]
    elif scenario == 'week':
        offs = rng.sample(range(0, 7), rng.randint(4, 5))
    elif scenario == 'month':
        offs = rng.sample(range(0, 80), 4) + [rng.choice([0, 1])]
    elif scenario == 'yearcross':  # mostly last December, one session this January
        offs = rng.sample(range(td.day + 1, td.day + 26), 4) + [rng.choice(range(0, td.day))]
    elif scenario == 'long':
        offs = [rng.choice(range(0, 6)) for _ in range(8)]
    elif scenario == 'midnight':
        offs = rng.sample(range(2, 6), 2)
    for o in offs:
        d = td - dt.timedelta(days=o)
        hi = 22 * 60 + 30
        if o == 0:
            hi = min(hi, taken.hour * 60 + taken.minute - 40)
            if hi < 7 * 60 + 30:
                d, hi = td - dt.timedelta(days=1), 22 * 60 + 30
        k = rng.random()
        if k < 0.12 and hi >= 12 * 60 + 59:
            starts.append(at(d, rng.randint(12 * 60, 12 * 60 + 50)))
        elif k < 0.2 and o > 0:
            starts.append(at(d, rng.randint(20, 5 * 60 + 30)))
        else:
            starts.append(at(d, rng.randint(7 * 60 + 30, hi)))
    starts.sort()
    msgs = []
    last = None
    for s in starts:
        if last is not None and s <= last + dt.timedelta(minutes=20):
            s = last + dt.timedelta(minutes=rng.randint(25, 90))
        pat = rng.choice(PATTERNS)
        t = s
        for i, d_ in enumerate(pat):
            if i:
                t += dt.timedelta(minutes=rng.randint(0, 7))
            msgs.append({'t': t, 'dir': d_})
        last = t
    if scenario == 'midnight':
        pat = rng.choice([['in', 'out', 'in', 'out', 'in'], ['in', 'in', 'out', 'in'], ['in', 'out', 'in', 'out']])
        before = rng.choice([2, 2, 3])
        s = at(td - dt.timedelta(days=1), 23 * 60 + rng.randint(40, 50))
        msgs = [m for m in msgs if m['t'] < s - dt.timedelta(minutes=30)]
        t = s
        for i, d_ in enumerate(pat):
            if i == before:
                t = at(td, rng.randint(0, 6))
            elif i:
                t += dt.timedelta(minutes=rng.randint(2, 4) if i < before else rng.randint(2, 7))
            msgs.append({'t': t, 'dir': d_})
    msgs = [m for m in msgs if m['t'] <= taken - dt.timedelta(minutes=2)]
    for m in msgs:
        m['text'] = in_text(rng, ctx) if m['dir'] == 'in' else out_text(rng, ctx)
    return msgs


def build_items(msgs, taken, app_kind, ds, ts, with_time, rng):
    """Chronological item list: separators and messages."""
    items = []
    prev = None
    for m in msgs:
        need = prev is None or m['t'].date() != prev['t'].date()
        if app_kind == 'own':
            if with_time and prev is not None and (m['t'] - prev['t']) >= dt.timedelta(hours=2):
                need = True
        else:
            if prev is not None and (m['t'] - prev['t']) >= dt.timedelta(minutes=10):
                need = True
        if need:
            items.append({'kind': 'sep', 't': m['t'], 'text': fmt_sep(m['t'], taken, ds, ts, with_time)})
        items.append(dict(m, kind='msg'))
        prev = m
    return items


# ----------------------------------------------------------------- phone chrome
def status_bar(cv, th, taken, rng, sc):
    H = int(cv.H * 0.038)
    sz = int(rng.choice([32, 34, 36]) * sc)
    cy = H // 2 + int(6 * sc)
    col = th['sbar']
    clock = f'{taken.hour:02d}:{taken.minute:02d}'
    xl = int(rng.choice([48, 56, 64]) * sc)
    carrier_left = rng.random() < 0.3
    if carrier_left:
        b = cv.text(xl, cy, rng.choice(['中国移动', '中国联通', '中国电信', '中国移动 | 中国联通']), int(sz * 0.85), col, 'statusbar')
        x = b[2] + int(14 * sc)
    else:
        b = cv.text(xl, cy, clock, sz, col, 'statusbar', bold=rng.random() < 0.5)
        x = b[2] + int(18 * sc)
    for _ in range(rng.randint(0, 3)):  # notification icons
        s = int(sz * 0.8)
        cv.rect([x, cy - s // 2, x + s, cy + s // 2], rng.choice(['#2FB65D', '#3D8BFF', '#8A8A8A', '#F2A33A', col]), r=int(s * 0.25))
        x += s + int(10 * sc)
    xr = cv.W - xl
    if carrier_left:
        b = cv.text(xr, cy, clock, sz, col, 'statusbar', anchor='rm')
        xr = b[0] - int(16 * sc)
    # battery
    bw, bh = int(50 * sc), int(24 * sc)
    cv.rect([xr - bw, cy - bh // 2, xr, cy + bh // 2], None, r=int(5 * sc), outline=col, width=max(2, int(2 * sc)))
    cv.rect([xr + 2, cy - bh // 5, xr + int(5 * sc), cy + bh // 5], col)
    lvl = rng.randint(12, 98)
    cv.rect([xr - bw + 4, cy - bh // 2 + 4, xr - bw + 4 + (bw - 8) * lvl / 100, cy + bh // 2 - 4], '#E84026' if lvl < 20 else col, r=2)
    xr -= bw + int(10 * sc)
    if rng.random() < 0.7:
        b = cv.text(xr, cy, str(lvl), int(sz * 0.8), col, 'statusbar', anchor='rm')
        xr = b[0] - int(16 * sc)
    # wifi
    if rng.random() < 0.6:
        r = int(22 * sc)
        cv.d.pieslice([xr - 2 * r, cy - r, xr, cy + r + 4], 225, 315, fill=col)
        xr -= 2 * r + int(12 * sc)
    # signal bars
    for k in range(rng.choice([1, 2])):
        for i in range(4):
            hh = int((8 + 5 * i) * sc)
            cv.rect([xr - (4 - i) * int(8 * sc), cy + int(10 * sc) - hh, xr - (4 - i) * int(8 * sc) + int(5 * sc), cy + int(10 * sc)], col)
        xr -= int(36 * sc)
        if rng.random() < 0.5:
            b = cv.text(xr, cy - int(4 * sc), rng.choice(['5G', '4G', 'HD']), int(sz * 0.55), col, 'statusbar', bold=True, anchor='rm')
            xr = b[0] - int(8 * sc)
        xr -= int(10 * sc)
    return H


def back_arrow(cv, x, cy, s, col, w):
    cv.line([(x + s * 0.5, cy - s * 0.5), (x, cy), (x + s * 0.5, cy + s * 0.5)], col, w)


def sms_header(cv, th, top, title, sub, rng, sc, centered):
    h = int((rng.choice([150, 168, 180]) + (40 if sub else 0)) * sc)
    cv.rect([0, top, cv.W, top + h], th['hdr'], kind='header')
    cy = top + h // 2
    back_arrow(cv, int(48 * sc), cy, int(34 * sc), th['icon'], max(3, int(4 * sc)))
    tsz = int(rng.choice([50, 54, 58]) * sc)
    ssz = int(rng.choice([30, 32]) * sc)
    ty = cy - (int(22 * sc) if sub else 0)
    if centered:
        cv.text(cv.W // 2, ty, title, tsz, th['txt'], 'header_title', bold=rng.random() < 0.5, anchor='mm')
        if sub:
            cv.text(cv.W // 2, ty + int(54 * sc), sub, ssz, th['sub'], 'header_sub', anchor='mm')
    else:
        x = int(120 * sc)
        cv.text(x, ty, title, tsz, th['txt'], 'header_title', bold=rng.random() < 0.5)
        if sub:
            cv.text(x, ty + int(54 * sc), sub, ssz, th['sub'], 'header_sub')
    # right icons: phone + menu dots
    xr = cv.W - int(56 * sc)
    for i in range(3):
        cv.ellipse([xr - 5 * sc, cy - 22 * sc + i * 20 * sc, xr + 5 * sc, cy - 12 * sc + i * 20 * sc], fill=th['icon'])
    px = xr - int(100 * sc)
    cv.d.rounded_rectangle([px - 16 * sc, cy - 22 * sc, px + 16 * sc, cy + 22 * sc], int(8 * sc), outline=th['icon'], width=max(2, int(3 * sc)))
    return top + h


def input_bar(cv, th, rng, sc, placeholder, sim):
    nav = int(rng.choice([56, 64, 72]) * sc)
    cv.rect([cv.W // 2 - 130 * sc, cv.H - nav // 2 - 5 * sc, cv.W // 2 + 130 * sc, cv.H - nav // 2 + 5 * sc], th['icon'], r=int(5 * sc))
    bh = int(rng.choice([120, 132, 140]) * sc)
    top = cv.H - nav - bh
    cv.rect([0, top, cv.W, cv.H - nav], th['bg'] if rng.random() < 0.5 else th['hdr'], kind='inputbar')
    cy = top + bh // 2
    x = int(40 * sc)
    r = int(30 * sc)
    cv.ellipse([x, cy - r, x + 2 * r, cy + r], outline=th['icon'], width=max(2, int(3 * sc)))
    cv.line([(x + r, cy - r * 0.5), (x + r, cy + r * 0.5)], th['icon'], max(2, int(3 * sc)))
    cv.line([(x + r * 0.5, cy), (x + r * 1.5, cy)], th['icon'], max(2, int(3 * sc)))
    fx0, fx1 = x + 2 * r + int(24 * sc), cv.W - int(130 * sc)
    fh = int(bh * 0.66)
    cv.rect([fx0, cy - fh // 2, fx1, cy + fh // 2], th['field'], r=fh // 2, outline=th['div'] if rng.random() < 0.5 else None)
    psz = int(rng.choice([36, 38, 40]) * sc)
    cv.text(fx0 + int(32 * sc), cy, placeholder, psz, th['ph'], 'placeholder')
    if sim:
        cv.text(fx1 - int(28 * sc), cy, sim, int(psz * 0.8), th['ph'], 'input_sim', anchor='rm')
    sx = cv.W - int(70 * sc)
    cv.ellipse([sx - r, cy - r, sx + r, cy + r], fill=th['outb'] if rng.random() < 0.5 else th['div'])
    cv.d.polygon([(sx - r * 0.45, cy - r * 0.45), (sx + r * 0.55, cy), (sx - r * 0.45, cy + r * 0.45)], fill='#FFFFFF')
    return top


# ----------------------------------------------------------------- bubbles
def label_pieces(m, st, ts):
    """Pieces of the own-time row for a message: list of (role, text, colour-key)."""
    tstr = fmt_clock(m['t'], ts)
    sim = st['sim']
    if sim == 'combined':
        pieces = [('own_time', f"卡{st['simno']} {tstr}" if st['sim_first'] else f"{tstr} 卡{st['simno']}")]
    else:
        pieces = [('own_time', tstr)]
        if sim == 'txt':
            p = ('sim_tag', f"卡{st['simno']}")
            pieces = [p] + pieces if st['sim_first'] else pieces + [p]
        elif sim == 'icon':
            p = ('sim_icon', str(st['simno']))
            pieces = [p] + pieces if st['sim_first'] else pieces + [p]
    if m['dir'] == 'out' and m.get('status'):
        p = ('status', m['status'])
        pieces = [p] + pieces if st['status_first'] else pieces + [p]
    return pieces


def piece_w(p, tfs, sc):
    if p[0] == 'sim_icon':
        return int(tfs * 0.95)
    return tw(p[1], tfs)


def measure_msg(m, st, ts, W, sc):
    fs, tfs = st['fs'], st['tfs']
    padx, pady = int(fs * 0.55), int(fs * 0.36)
    lh = int(fs * 1.36)
    gap = int(9 * sc)
    cw = W - 2 * st['margin']
    maxb = int(cw * st['bubfrac'])
    pieces = label_pieces(m, st, ts) if st['pos'] in ('under', 'beside') else []
    if st['pos'] == 'sep_status' and m['dir'] == 'out' and m.get('status'):
        pieces = [('status', m['status'])]
    pw = sum(piece_w(p, tfs, sc) for p in pieces) + gap * max(0, len(pieces) - 1)
    if st['pos'] == 'beside':
        maxb = min(maxb, int(cw - pw - st['bgap'] - 10 * sc))
    lines = wrap(m['text'], fs, maxb - 2 * padx)
    lws = [tw(l, fs) for l in lines]
    inner = max(lws)
    bh = len(lines) * lh + 2 * pady
    tstr = None
    inside_same_row = False
    if st['pos'] == 'inside':
        tstr = fmt_clock(m['t'], ts)
        tws = tw(tstr, tfs)
        igap = int(fs * 0.4)
        if lws[-1] + igap + tws <= maxb - 2 * padx:
            inside_same_row = True
            inner = max(inner, lws[-1] + igap + tws)
        else:
            inner = max(inner, tws)
            bh += int(tfs * 1.15)
    bw = int(max(inner + 2 * padx, fs * 1.7))
    rowh = int(tfs * 1.3)
    if st['pos'] in ('under', 'sep_status') and pieces:
        h = bh + int(6 * sc) + rowh
    elif st['pos'] == 'beside':
        h = max(bh, rowh)
    else:
        h = bh
    return dict(lines=lines, lws=lws, bw=bw, bh=bh, h=h, pieces=pieces, pw=pw, padx=padx, pady=pady, lh=lh,
                gap=gap, rowh=rowh, tstr=tstr, same_row=inside_same_row)


def draw_pieces(cv, pieces, x, cy, st, th, sc, col):
    tfs = st['tfs']
    for p in pieces:
        w = piece_w(p, tfs, sc)
        if p[0] == 'sim_icon':
            s = int(tfs * 0.95)
            cv.rect([x, cy - s * 0.55, x + s, cy + s * 0.55], None, r=int(s * 0.18), outline=col, width=max(2, int(2 * sc)),
                    kind='sim_icon')
            cv.text(x + s / 2, cy, p[1], int(tfs * 0.62), col, 'sim_tag', anchor='mm')
        else:
            c = th['red'] if p[1] == '发送失败' else col
            cv.text(x, cy, p[1], tfs, c, p[0])
        x += w + int(9 * sc)


def draw_msg(cv, m, g, y, st, th, sc):
    W = cv.W
    out = m['dir'] == 'out'
    if out:
        x1 = W - st['margin']
        x0 = x1 - g['bw']
    else:
        x0 = st['margin']
        x1 = x0 + g['bw']
    fill = th['outb'] if out else th['inb']
    tcol = th['outtx'] if out else th['intx']
    r = int(st['fs'] * st['radius'])
    cv.rect([x0, y, x1, y + g['bh']], fill, r=r, kind='bubble')
    for i, l in enumerate(g['lines']):
        cy = y + g['pady'] + i * g['lh'] + g['lh'] / 2
        cv.text(x0 + g['padx'], cy, l, st['fs'], tcol, 'msg')
    tcolor = th['time_lc'] if st['lowc'] else th['time']
    if st['pos'] == 'inside':
        c = th['out_time_in'] if out else th['in_time_in']
        if g['same_row']:
            i = len(g['lines']) - 1
            cy = y + g['pady'] + i * g['lh'] + g['lh'] / 2 + (st['fs'] - st['tfs']) * 0.32
        else:
            cy = y + g['bh'] - g['pady'] - st['tfs'] * 0.55
        cv.text(x1 - g['padx'], cy, g['tstr'], st['tfs'], c, 'own_time', anchor='rm')
    elif g['pieces']:
        if st['pos'] == 'beside':
            cy = y + g['bh'] - g['rowh'] / 2
            x = x1 + st['bgap'] if not out else x0 - st['bgap'] - g['pw']
        else:
            cy = y + g['bh'] + int(6 * sc) + g['rowh'] / 2
            x = x0 + int(6 * sc) if not out else x1 - int(6 * sc) - g['pw']
        draw_pieces(cv, g['pieces'], x, cy, st, th, sc, tcolor)
        if out and m.get('status') == '发送失败' and st['pos'] == 'under':
            rr = int(st['fs'] * 0.42)
            cx, ccy = x0 - rr - int(14 * sc), y + g['bh'] / 2
            cv.ellipse([cx - rr, ccy - rr, cx + rr, ccy + rr], fill=th['red'], kind='fail_icon')
            cv.line([(cx, ccy - rr * 0.5), (cx, ccy + rr * 0.15)], '#FFFFFF', max(3, int(4 * sc)))
            cv.ellipse([cx - 3 * sc, ccy + rr * 0.35, cx + 3 * sc, ccy + rr * 0.35 + 6 * sc], fill='#FFFFFF')
    return [x0, y, x1, y + g['bh']]


def measure_sep(it, st, sc):
    h = int(st['sepfs'] * 1.3) + 2 * int(st['sepfs'] * 0.45)
    return dict(h=h)


def draw_sep(cv, it, y, g, st, th, sc):
    cy = y + g['h'] / 2
    if st['pill']:
        w = tw(it['text'], st['sepfs']) + 2 * int(st['sepfs'] * 0.7)
        cv.rect([cv.W / 2 - w / 2, cy - st['sepfs'] * 0.8, cv.W / 2 + w / 2, cy + st['sepfs'] * 0.8], th['pill'],
                r=int(st['sepfs'] * 0.8))
    cv.text(cv.W // 2, cy, it['text'], st['sepfs'], th['sep'], 'separator', anchor='mm')


# ----------------------------------------------------------------- SMS screens
OWN_APPS = {'huawei_sms': 'huawei', 'honor_sms': 'honor', 'vivo_sms': 'vivo'}
SEP_APPS = {'xiaomi_sms': 'xiaomi', 'oppo_sms': 'oppo'}


def normalize_sender(title):
    s = title.replace(' ', '').replace('-', '')
    if re.fullmatch(r'\+?\d+', s):
        if s.startswith('+86'):
            s = s[3:]
        return s
    return title


def make_title(rng):
    k = rng.random()
    if k < 0.2:
        n = '1069' + ''.join(rng.choice('0123456789') for _ in range(rng.choice([8, 10])))
        return rng.choice([n, n[:4] + ' ' + n[4:8] + ' ' + n[8:]])
    if k < 0.35:
        return '95' + str(rng.randint(100, 999))
    if k < 0.6:
        n = mobile(rng)
        return rng.choice([n, f'+86 {n[:3]} {n[3:7]} {n[7:]}', f'{n[:3]}-{n[3:7]}-{n[7:]}', f'{n[:3]} {n[3:7]} {n[7:]}'])
    if k < 0.75:
        area = rng.choice(['0571', '021', '0551', '0371', '028', '0755'])
        return f'{area}-{rng.randint(8000, 8999)} {rng.randint(0, 9999):04d}'
    return rng.choice(['催收-李经理', '王律师', '陈专员(催收)', '速易贷 刘主管', '法务部张律师', '贷后 周经理', '400客服'])


def sms_style(rng, app, sc, W):
    vendor = OWN_APPS.get(app) or SEP_APPS[app]
    own = app in OWN_APPS
    if own:
        w = {'huawei': [6, 2, 2], 'honor': [4, 2, 4], 'vivo': [4, 4, 2]}[vendor]
        pos = rng.choices(['under', 'beside', 'inside'], weights=w)[0]
    else:
        pos = 'sep_status'
    fs = rng.randint(38, 52) if W <= 1100 else rng.randint(44, 60)
    st = dict(pos=pos, fs=fs, tfs=rng.randint(24, 36) if pos != 'inside' else rng.randint(24, min(32, fs - 10)),
              sepfs=rng.randint(26, 34), margin=int(rng.choice([36, 42, 48]) * sc), bubfrac=rng.uniform(0.70, 0.78),
              radius=rng.choice([0.45, 0.55, 0.7]), bgap=int(rng.choice([12, 16, 20]) * sc),
              sim=None, simno=rng.choice([1, 1, 2]), sim_first=rng.random() < 0.5, status_first=rng.random() < 0.6,
              lowc=rng.random() < 0.4, pill=rng.random() < 0.25, itemgap=0)
    st['itemgap'] = int(st['fs'] * rng.uniform(0.45, 0.7))
    if pos in ('under', 'beside') and rng.random() < 0.45:
        st['sim'] = rng.choice(['txt', 'icon', 'combined'])
    st['status_mode'] = rng.choice([None, 'delivered', 'read', 'mixed']) if pos in ('under', 'beside') else None
    if pos == 'sep_status':
        st['status_mode'] = rng.choice([None, 'delivered'])
    ts = dict(c12=rng.random() < 0.45, pad=rng.random() < 0.8, spc=rng.random() < 0.4,
              zero=rng.choice(['ling0', 'ling12', 'shang12']), noon=rng.choice(['中午', '中午', '中午', '下午']))
    ds = dict(wk=rng.choice(['星期', '星期', '周']), mdwk=rng.random() < 0.4, yfmt=rng.choice(['cn', 'slash']),
              bare_today=rng.random() < 0.5)
    with_time = True if not own else rng.random() < 0.4
    return vendor, own, st, ts, ds, with_time


def assign_status(msgs, st, rng):
    mode = st['status_mode']
    outs = [m for m in msgs if m['dir'] == 'out']
    if not outs or mode is None:
        return
    if st['pos'] == 'sep_status':
        outs[-1]['status'] = '已送达'
        return
    for m in outs:
        m['status'] = {'delivered': '已送达', 'read': '已读'}.get(mode) or rng.choice(['已送达', '已读'])
    if rng.random() < 0.5:
        rng.choice(outs)['status'] = '发送失败'


def layout_window(geo, items, region, st, mode, idx, end=None):
    """Return list of (index, y) for a window. mode 'bottom' ends at idx (exclusive); 'top' starts at idx."""
    top, bot = region
    gap = st['itemgap']
    if mode == 'bottom':
        sel, total = [], 0
        i = idx - 1
        while i >= 0:
            h = geo[i]['h'] + (gap if sel else 0)
            if total + h > bot - top:
                break
            sel.insert(0, i)
            total += h
            i -= 1
        y = bot - total
    elif mode == 'range':
        sel = list(range(idx, end))
        total = sum(geo[i]['h'] for i in sel) + gap * (len(sel) - 1)
        assert total <= bot - top
        y = bot - total
    else:
        sel, total = [], 0
        i = idx
        while i < len(items):
            h = geo[i]['h'] + (gap if sel else 0)
            if total + h > bot - top:
                break
            sel.append(i)
            total += h
            i += 1
        y = top
    out = []
    for k, i in enumerate(sel):
        if k:
            y += gap
        out.append((i, y))
        y += geo[i]['h']
    return out


def render_sms(spec):
    rng = random.Random(spec['seed'])
    app = spec['layout']
    W, H = spec['size']
    sc = W / 1080
    P = spec['phone']
    vendor, own, st, ts, ds, with_time, th = P['vendor'], P['own'], P['st'], P['ts'], P['ds'], P['with_time'], P['th']
    taken = spec['taken']
    cv = Canvas(W, H, th['bg'])
    y = status_bar(cv, th, taken, rng, sc)
    crng = random.Random(P['chrome_seed'])  # same phone chrome on both shots of a pair
    y = sms_header(cv, th, y, P['title'], P['sub'], crng, sc, P['centered'])
    if P['notice'] and spec['window'][0] == 'bottom':
        nh = int(90 * sc)
        cv.rect([int(40 * sc), y + int(10 * sc), W - int(40 * sc), y + int(10 * sc) + nh], th['pill'], r=int(20 * sc),
                kind='notice')
        cv.text(W // 2, y + int(10 * sc) + nh // 2, P['notice'], int(30 * sc), th['sub'], 'notice', anchor='mm')
        y += nh + int(10 * sc)
    in_top = input_bar(cv, th, crng, sc, P['placeholder'], P['input_sim'])
    region = (y + int(20 * sc), in_top - int(20 * sc))
    items = P['items']
    geo = P['geo']
    win = layout_window(geo, items, region, st, *spec['window'])
    records = []
    last_sep = None
    for i, yy in win:
        it = items[i]
        if it['kind'] == 'sep':
            draw_sep(cv, it, yy, geo[i], st, th, sc)
            last_sep = it
            continue
        draw_msg(cv, it, geo[i], yy, st, th, sc)
        if last_sep is None:
            occ = None
        elif own:
            occ = dt.datetime.combine(last_sep['t'].date(), dt.time(it['t'].hour, it['t'].minute))
        else:
            occ = last_sep['t'].replace(second=0)
        records.append({'kind': 'sms', 'sender': normalize_sender(P['title']), 'occurred_at': iso(occ),
                        'direction': it['dir'], 'text': it['text'], 'call_type': None, 'duration_seconds': None})
    spec['win_idx'] = [i for i, _ in win]
    return cv, records


def make_phone(rng, app, size, dark):
    W, H = size
    sc = W / 1080
    vendor, own, st, ts, ds, with_time = sms_style(rng, app, sc, W)
    th = theme(vendor, dark)
    title = make_title(rng)
    sub = rng.choice(SUBS) if rng.random() < 0.5 else None
    ph = {'huawei': ['短信', '信息', '短信/彩信'], 'honor': ['信息', '短信'], 'vivo': ['短信', '输入短信内容'],
          'xiaomi': ['短信', '输入信息'], 'oppo': ['短信', '发送短信']}[vendor]
    return dict(vendor=vendor, own=own, st=st, ts=ts, ds=ds, with_time=with_time, th=th, dark=dark, title=title, sub=sub,
                placeholder=rng.choice(ph), input_sim=rng.choice([None, None, '卡1', '卡2']),
                centered=vendor in ('vivo', 'xiaomi') or rng.random() < 0.3,
                notice=rng.choice(NOTICES) if rng.random() < 0.15 else None, chrome_seed=rng.randint(0, 10 ** 9))


def prepare_thread(rng, phone, taken, scenario):
    ctx = thread_ctx(rng, taken.year)
    msgs = gen_thread(rng, taken, scenario, ctx)
    assign_status(msgs, phone['st'], rng)
    items = build_items(msgs, taken, 'own' if phone['own'] else 'sep', phone['ds'], phone['ts'], phone['with_time'], rng)
    W = phone['size'][0]
    sc = W / 1080
    geo = [measure_sep(it, phone['st'], sc) if it['kind'] == 'sep' else measure_msg(it, phone['st'], phone['ts'], W, sc)
           for it in items]
    phone['items'], phone['geo'] = items, geo


# ----------------------------------------------------------------- call logs
LOCS = ['浙江杭州 移动', '安徽合肥 电信', '河南郑州 联通', '广东深圳', '四川成都 移动', '江苏南京 电信', '上海', '湖南长沙 联通']


def call_icon(cv, x, cy, s, kind, col, sc):
    """Small arrow icon. incoming/missed: arrow pointing down-left; outgoing: up-right."""
    w = max(2, int(3 * sc))
    if kind == 'outgoing':
        cv.line([(x, cy + s / 2), (x + s, cy - s / 2)], col, w)
        cv.line([(x + s * 0.35, cy - s / 2), (x + s, cy - s / 2), (x + s, cy + s * 0.15)], col, w)
    else:
        cv.line([(x + s, cy - s / 2), (x, cy + s / 2)], col, w)
        cv.line([(x, cy - s * 0.15), (x, cy + s / 2), (x + s * 0.65, cy + s / 2)], col, w)
    cv.shapes.append({'shape': 'call_icon', 'box': [int(x), int(cy - s / 2), int(x + s), int(cy + s / 2)], 'fill': col,
                      'kind': kind})


def fmt_dur(sec, rng):
    h, r = divmod(sec, 3600)
    m, s = divmod(r, 60)
    if h:
        return f'{h}小时{m}分{s}秒'
    if m:
        return f'{m}分{s}秒' if s else f'{m}分钟'
    return f'{s}秒'


def gen_calls(rng, taken, n, same_party):
    calls = []
    t = taken - dt.timedelta(minutes=rng.randint(5, 90))
    party = None
    for i in range(n):
        typ = rng.choices(['missed', 'incoming', 'outgoing'], weights=[5, 3, 3])[0]
        if same_party:
            p = same_party
        else:
            k = rng.random()
            if k < 0.45:
                p = mobile(rng)
                p = rng.choice([p, f'{p[:3]} {p[3:7]} {p[7:]}', f'+86 {p[:3]} {p[3:7]} {p[7:]}'])
            elif k < 0.6:
                p = '95' + str(rng.randint(100, 999))
            elif k < 0.75:
                p = f"{rng.choice(['0571', '021', '0551', '0371'])}-{rng.randint(8000, 8999)} {rng.randint(0, 9999):04d}"
            elif k < 0.85:
                p = f'400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}'
            else:
                p = rng.choice(['催收-李经理', '王律师', '速易贷客服', '贷后 周经理', '妈妈', '老婆'])
        if typ == 'missed':
            dur, dtext = None, rng.choice([f'响铃{rng.randint(1, 9)}声', None])
        elif typ == 'outgoing' and rng.random() < 0.3:
            dur, dtext = None, '未接通'
        else:
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 900), rng.randint(60, 300)])
            if rng.random() < 0.04:
                dur = rng.randint(3600, 4500)
            dtext = fmt_dur(dur, rng)
            dur = None if dtext is None else dur
        calls.append(dict(t=t, typ=typ, party=p, dur=dur, dtext=dtext, loc=rng.choice(LOCS)))
        step = rng.choice([rng.randint(3, 60), rng.randint(60, 600), rng.randint(600, 3000), rng.randint(1400, 9000)])
        t -= dt.timedelta(minutes=step)
        if t.hour < 7:
            t = (t - dt.timedelta(days=1)).replace(hour=rng.randint(19, 22))
    for c in calls:
        if c['dtext'] and c['typ'] != 'missed' and c['dtext'] != '未接通':
            # recompute exact seconds from text for '分钟' forms
            m = re.fullmatch(r'(?:(\d+)小时)?(?:(\d+)分(?:钟)?)?(?:(\d+)秒)?', c['dtext'])
            c['dur'] = int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3) or 0)
    return calls


def call_time_label(t, taken, ds, ts):
    if t.date() == taken.date():
        return fmt_clock(t, ts)
    return fmt_date(t.date(), taken.date(), dict(ds, mdwk=False)) + ' ' + fmt_clock(t, ts)


def render_calls(spec):
    rng = random.Random(spec['seed'])
    app = spec['layout']
    vendor = app.split('_')[0]
    W, H = spec['size']
    sc = W / 1080
    dark = spec['dark']
    th = theme(vendor, dark)
    if not dark:
        th.update(bg='#FFFFFF', hdr='#FFFFFF')
    taken = spec['taken']
    view = spec['view']
    ts = dict(c12=rng.random() < 0.45, pad=rng.random() < 0.8, spc=rng.random() < 0.4,
              zero=rng.choice(['ling0', 'ling12']), noon='中午')
    ds = dict(wk=rng.choice(['星期', '周']), mdwk=False, yfmt=rng.choice(['cn', 'slash']), bare_today=True)
    cv = Canvas(W, H, th['bg'])
    y = status_bar(cv, th, taken, rng, sc)
    records = []
    # bottom tab bar (list view) / gesture bar only (detail view)
    tabh = int(rng.choice([150, 165]) * sc) if view == 'list' else int(70 * sc)
    tab_top = H - tabh
    cv.rect([0, tab_top, W, H], th['hdr'], kind='tabbar')
    if view != 'list':
        tabs = []
        cv.rect([W // 2 - 130 * sc, H - 40 * sc, W // 2 + 130 * sc, H - 30 * sc], th['icon'], r=int(5 * sc))
    else:
        tabs = {'huawei': ['拨号', '联系人', '收藏', '畅连'], 'honor': ['拨号', '联系人', '收藏'], 'vivo': ['电话', '联系人', '收藏']}[vendor]
    for i, tname in enumerate(tabs):
        cx = W * (i + 0.5) / len(tabs)
        cv.ellipse([cx - 22 * sc, tab_top + 24 * sc, cx + 22 * sc, tab_top + 68 * sc], fill=th['outb'] if i == 0 else th['sub'])
        cv.text(cx, tab_top + 100 * sc, tname, int(28 * sc), th['outb'] if i == 0 else th['sub'], 'tab', anchor='mm')
    if view == 'list':
        hh = int(150 * sc)
        cv.text(int(56 * sc), y + hh // 2 + 10 * sc, rng.choice(['电话', '通话记录', '最近通话']), int(rng.choice([64, 72]) * sc),
                th['txt'], 'title', bold=True)
        y += hh
        sbh = int(100 * sc)
        cv.rect([int(48 * sc), y + 10 * sc, W - int(48 * sc), y + 10 * sc + sbh], '#F1F3F5' if not dark else '#1C1C1C',
                r=sbh // 2)
        cv.text(int(110 * sc), y + 10 * sc + sbh // 2, rng.choice(['搜索联系人', '搜索']), int(36 * sc), th['ph'], 'placeholder')
        y += sbh + int(30 * sc)
        rowh = int(rng.choice([176, 188, 200]) * sc)
        nfs = int(rng.choice([46, 50, 52]) * sc)
        sfs = int(rng.choice([30, 32, 34]) * sc)
        label_mode = rng.random() < 0.4
        labs = {'missed': rng.choice(['未接', '未接来电']), 'incoming': rng.choice(['呼入', '已接来电']), 'outgoing': '呼出'}
        show_dur = vendor == 'vivo' or rng.random() < 0.3
        n = (tab_top - y - 10) // rowh
        calls = gen_calls(rng, taken, n, None)
        x0 = int(56 * sc)
        for c in calls:
            top = y
            missed = c['typ'] == 'missed'
            ncol = th['red'] if missed else th['txt']
            cv.text(x0, top + rowh * 0.36, c['party'], nfs, ncol, 'call_name')
            sy = top + rowh * 0.72
            sx = x0
            if label_mode:
                lab = labs[c['typ']]
                b = cv.text(sx, sy, lab, sfs, th['red'] if missed else th['sub'], 'call_type_label')
                sx = b[2] + int(14 * sc)
            else:
                call_icon(cv, sx, sy, int(sfs * 0.7), c['typ'], th['red'] if missed else th['sub'], sc)
                sx += int(sfs * 0.7) + int(14 * sc)
            b = cv.text(sx, sy, c['loc'], sfs, th['sub'], 'call_sub')
            sx = b[2] + int(18 * sc)
            if show_dur and c['dtext']:
                cv.text(sx, sy, c['dtext'], sfs, th['sub'], 'call_duration')
            ir = int(22 * sc)
            icx = W - int(56 * sc) - ir
            cv.ellipse([icx - ir, top + rowh / 2 - ir, icx + ir, top + rowh / 2 + ir], outline=th['outb'], width=max(2, int(3 * sc)))
            cv.text(icx - ir - int(24 * sc), top + rowh / 2, call_time_label(c['t'], taken, ds, ts), sfs, th['sub'], 'call_time',
                    anchor='rm')
            cv.rect([x0, top + rowh - 1, W - x0, top + rowh], th['div'])
            cv.shapes.append({'shape': 'row', 'box': [0, int(top), W, int(top + rowh)], 'fill': None})
            sender = normalize_sender(c['party'])
            records.append(dict(kind='call', sender=sender, occurred_at=iso(c['t']),
                                direction='out' if c['typ'] == 'outgoing' else 'in', text=None, call_type=c['typ'],
                                duration_seconds=c['dur'] if (show_dur and c['dtext'] and c['dur'] is not None) else None))
            y += rowh
    else:  # detail view of one number
        party = make_title(rng)
        hh = int(130 * sc)
        back_arrow(cv, int(48 * sc), y + hh // 2, int(34 * sc), th['icon'], max(3, int(4 * sc)))
        y += hh
        ar = int(90 * sc)
        cv.ellipse([W / 2 - ar, y, W / 2 + ar, y + 2 * ar], fill=th['pill'])
        cv.ellipse([W / 2 - ar * 0.35, y + ar * 0.45, W / 2 + ar * 0.35, y + ar * 1.15], fill=th['sub'])
        y += 2 * ar + int(50 * sc)
        cv.text(W / 2, y, party, int(60 * sc), th['txt'], 'header_title', anchor='mm', bold=True)
        y += int(64 * sc)
        cv.text(W / 2, y, rng.choice(LOCS), int(32 * sc), th['sub'], 'header_sub', anchor='mm')
        y += int(70 * sc)
        for i, bname in enumerate(['信息', '呼叫', '视频通话']):
            cx = W * (i + 0.5) / 3
            cv.ellipse([cx - 40 * sc, y, cx + 40 * sc, y + 80 * sc], fill='#E9ECF0' if not dark else '#222222')
            cv.text(cx, y + 120 * sc, bname, int(30 * sc), th['txt'], 'button', anchor='mm')
        y += int(190 * sc)
        cv.text(int(56 * sc), y, rng.choice(['通话记录', '最近通话']), int(34 * sc), th['sub'], 'section')
        y += int(50 * sc)
        rowh = int(rng.choice([120, 132, 140]) * sc)
        fs = int(rng.choice([36, 38, 40]) * sc)
        n = (tab_top - y - 10) // rowh
        calls = gen_calls(rng, taken, n, party)
        labs = {'missed': '未接来电', 'incoming': rng.choice(['呼入', '已接来电']), 'outgoing': '呼出'}
        x0 = int(56 * sc)
        for c in calls:
            top = y
            cy = top + rowh / 2
            missed = c['typ'] == 'missed'
            lab = labs[c['typ']]
            cv.text(x0, cy, lab, fs, th['red'] if missed else th['txt'], 'call_type_label')
            cv.text(x0 + int(230 * sc), cy, call_time_label(c['t'], taken, ds, ts), fs, th['sub'], 'call_time')
            if c['dtext']:
                cv.text(W - x0, cy, c['dtext'], fs, th['sub'], 'call_duration', anchor='rm')
            cv.shapes.append({'shape': 'row', 'box': [0, int(top), W, int(top + rowh)], 'fill': None})
            records.append(dict(kind='call', sender=normalize_sender(party), occurred_at=iso(c['t']),
                                direction='out' if c['typ'] == 'outgoing' else 'in', text=None, call_type=c['typ'],
                                duration_seconds=c['dur']))
            y += rowh
    return cv, records


# ----------------------------------------------------------------- plan
def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def fname(taken, jpeg, rng):
    if jpeg:
        return taken.strftime('IMG_%Y%m%d_%H%M%S.jpg')
    if rng.random() < 0.5:
        return taken.strftime('Screenshot_%Y%m%d_%H%M%S.png')
    return taken.strftime('Screenshot_%Y-%m-%d-%H-%M-%S.png')


def main():
    rng = random.Random(SEED)
    LO, HI = dt.date(2025, 9, 1), dt.date(2026, 11, 30)
    specs = []
    plan = []
    for app, n_single, n_pairs in [('huawei_sms', 13, 1), ('honor_sms', 13, 1), ('vivo_sms', 12, 1),
                                   ('xiaomi_sms', 4, 0), ('oppo_sms', 4, 0)]:
        scen = ['recent', 'week', 'month', 'midnight', 'yearcross', 'week', 'recent', 'midnight', 'month', 'week',
                'recent', 'yearcross', 'week', 'month'][:n_single]
        if app in SEP_APPS:
            scen = ['recent', 'week', 'midnight', 'month']
        for s in scen:
            plan.append((app, s, False))
        for _ in range(n_pairs):
            plan.append((app, 'long', True))
    for app in ['huawei_calls', 'honor_calls', 'vivo_calls']:
        plan.append((app, 'list', False))
        plan.append((app, 'detail' if app != 'vivo_calls' else 'list', False))
    used = set()
    tid = 0
    dark_flags = {}
    for app in sorted({p[0] for p in plan}):
        n = sum(1 for p in plan if p[0] == app)
        k = round(n / 3) if n > 2 else 1
        fl = [True] * k + [False] * (n - k)
        rng.shuffle(fl)
        dark_flags[app] = fl
    for app, scen, pair in plan:
        dark = dark_flags[app].pop()
        size = rng.choice(SIZES)
        if scen == 'yearcross':
            d = rand_date(rng, dt.date(2026, 1, 3), dt.date(2026, 1, 28))
        else:
            d = rand_date(rng, LO, HI)
        if scen == 'midnight':
            hm = rng.choice([rng.randint(40, 100), rng.randint(8 * 60, 23 * 60)])
        else:
            hm = rng.randint(9 * 60, 23 * 60 + 30)
        taken = dt.datetime.combine(d, dt.time(hm // 60, hm % 60, rng.randint(0, 59)))
        while taken in used:
            taken += dt.timedelta(seconds=7)
        used.add(taken)
        if app.endswith('_calls'):
            specs.append(dict(layout=app, size=size, taken=taken, seed=rng.randint(0, 10 ** 9), dark=dark,
                              view=scen, thread=None))
            continue
        phone = make_phone(rng, app, size, dark)
        phone['size'] = size
        prepare_thread(rng, phone, taken, scen)
        n = len(phone['items'])
        if not pair:
            specs.append(dict(layout=app, size=size, taken=taken, seed=rng.randint(0, 10 ** 9), phone=phone,
                              window=('bottom', n), thread=None, dark=phone['dark']))
        else:
            tid += 1
            # later shot = thread end, bottom-aligned; it starts with the last k bubbles of the earlier shot
            probe = dict(layout=app, size=size, taken=taken, seed=0, phone=phone, window=('bottom', n))
            render_sms(probe)
            s0 = probe['win_idx'][0]
            while phone['items'][s0]['kind'] != 'msg':
                s0 += 1
            k = 2 if (rng.random() < 0.6 and phone['items'][s0 + 1]['kind'] == 'msg') else 1
            e = s0 + k
            t2 = taken + dt.timedelta(seconds=rng.randint(6, 50))
            used.add(t2)
            th_id = f'{app.split("_")[0]}_thread{tid}'
            specs.append(dict(layout=app, size=size, taken=taken, seed=rng.randint(0, 10 ** 9), phone=phone,
                              window=('bottom', e), thread=th_id, dark=phone['dark']))
            specs.append(dict(layout=app, size=size, taken=t2, seed=rng.randint(0, 10 ** 9), phone=phone,
                              window=('range', s0, n), thread=th_id, dark=phone['dark'], repeat=k))
    # JPEG choice: ~15%
    jpeg_idx = set()
    for app in sorted({s_['layout'] for s_ in specs}):
        idx = [i for i, s_ in enumerate(specs) if s_['layout'] == app]
        jpeg_idx |= set(rng.sample(idx, int(len(idx) * 0.15)))
    rest = [i for i in range(len(specs)) if i not in jpeg_idx]
    jpeg_idx |= set(rng.sample(rest, round(len(specs) * 0.15) - len(jpeg_idx)))
    for f in os.listdir(HERE):
        if f.endswith(('.png', '.jpg')):
            os.remove(os.path.join(HERE, f))
    truth_lines, draw_lines = [], []
    for i, spec in enumerate(specs):
        jpeg = i in jpeg_idx
        name = fname(spec['taken'], jpeg, rng)
        if spec['layout'].endswith('_calls'):
            cv, recs = render_calls(spec)
        else:
            cv, recs = render_sms(spec)
            if spec['window'][0] == 'range':
                assert spec['win_idx'][:spec['repeat']] == list(range(spec['window'][1], spec['window'][1] + spec['repeat']))
                prev = specs[i - 1]['win_idx']
                assert prev[-spec['repeat']:] == spec['win_idx'][:spec['repeat']]
        assert recs, name
        path = os.path.join(HERE, name)
        if jpeg:
            cv.im.save(path, 'JPEG', quality=rng.randint(80, 92))
        else:
            cv.im.save(path, 'PNG', optimize=False)
        truth_lines.append(json.dumps({'file': name, 'layout': spec['layout'], 'dark': spec['dark'],
                                       'taken_on': spec['taken'].date().isoformat(), 'thread': spec['thread'],
                                       'records': recs}, ensure_ascii=False))
        draw_lines.append(json.dumps({'file': name, 'size': list(spec['size']), 'layout': spec['layout'],
                                      'dark': spec['dark'], 'jpeg': jpeg, 'strings': cv.strings, 'shapes': cv.shapes},
                                     ensure_ascii=False))
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(truth_lines) + '\n')
    with open(os.path.join(HERE, 'drawlog.jsonl'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(draw_lines) + '\n')
    print(len(specs), 'images,', sum(len(json.loads(l)['records']) for l in truth_lines), 'records')


if __name__ == '__main__':
    main()
