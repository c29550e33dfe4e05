#!/usr/bin/env python3
"""Independent checker for benchmark set 4.

Shares no code with make_set.py.  It reads drawlog.jsonl (what was drawn and
where), rebuilds every record from geometry with its own time-label parser,
and compares the result with truth.jsonl field by field.  It also checks the
drawing itself (bounds, overlaps, font coverage, dark flag, file-name dates,
overlap pairs) and runs a mutation test.

Usage: python verify/check_set.py          (exit code 0 when no errors)
"""
import copy
import datetime as dt
import json
import os
import re
import struct
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.dirname(HERE)
TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
TTC_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE_INDEX = 2
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']


# ------------------------------------------------------------ font coverage
def read_cmap(path, face):
    """code points covered by one face of a TTC (own minimal sfnt reader)"""
    with open(path, 'rb') as f:
        data = f.read()
    assert data[:4] == b'ttcf'
    n = struct.unpack('>I', data[8:12])[0]
    assert face < n
    off = struct.unpack('>I', data[12 + 4 * face:16 + 4 * face])[0]
    ntab = struct.unpack('>H', data[off + 4:off + 6])[0]
    cmap_off = None
    for i in range(ntab):
        rec = off + 12 + 16 * i
        tag = data[rec:rec + 4]
        if tag == b'cmap':
            cmap_off = struct.unpack('>I', data[rec + 8:rec + 12])[0]
    assert cmap_off is not None
    nsub = struct.unpack('>H', data[cmap_off + 2:cmap_off + 4])[0]
    subs = []
    for i in range(nsub):
        p, e, so = struct.unpack('>HHI', data[cmap_off + 4 + 8 * i:cmap_off + 12 + 8 * i])
        subs.append((p, e, cmap_off + so))
    cps = set()
    for p, e, so in subs:
        fmt = struct.unpack('>H', data[so:so + 2])[0]
        if fmt == 12:
            ngroups = struct.unpack('>I', data[so + 12:so + 16])[0]
            for g in range(ngroups):
                a, b, gid = struct.unpack('>III', data[so + 16 + 12 * g:so + 28 + 12 * g])
                if gid == 0:
                    a += 1
                cps.update(range(a, b + 1))
        elif fmt == 4:
            segx2 = struct.unpack('>H', data[so + 6:so + 8])[0]
            seg = segx2 // 2
            ends = struct.unpack('>%dH' % seg, data[so + 14:so + 14 + segx2])
            starts = struct.unpack('>%dH' % seg, data[so + 16 + segx2:so + 16 + 2 * segx2])
            deltas = struct.unpack('>%dh' % seg, data[so + 16 + 2 * segx2:so + 16 + 3 * segx2])
            ro_pos = so + 16 + 3 * segx2
            ros = struct.unpack('>%dH' % seg, data[ro_pos:ro_pos + segx2])
            for i in range(seg):
                for c in range(starts[i], ends[i] + 1):
                    if c == 0xFFFF:
                        continue
                    if ros[i] == 0:
                        gid = (c + deltas[i]) & 0xFFFF
                    else:
                        addr = ro_pos + 2 * i + ros[i] + 2 * (c - starts[i])
                        gid = struct.unpack('>H', data[addr:addr + 2])[0]
                        if gid:
                            gid = (gid + deltas[i]) & 0xFFFF
                    if gid:
                        cps.add(c)
    return cps


# ------------------------------------------------------------ geometry
def inter(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(inner, outer):
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def center(b):
    return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)


def contains_pt(b, p):
    return b[0] <= p[0] <= b[2] and b[1] <= p[1] <= b[3]


# ------------------------------------------------------------ time labels
ZH_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'monday': 0, 'tuesday': 1, 'wednesday': 2, 'thursday': 3, 'friday': 4, 'saturday': 5, 'sunday': 6}
EN_MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}

RE_TIME = re.compile(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?\s*$')


class LabelError(Exception):
    pass


def to24(h, mi, zh_period, en_period):
    if not (0 <= mi < 60):
        raise LabelError('minute')
    if en_period:
        p = en_period.upper()
        if not 1 <= h <= 12:
            raise LabelError('12h hour')
        h = (0 if h == 12 else h) if p == 'AM' else (12 if h == 12 else h + 12)
    elif zh_period:
        if not 0 <= h <= 12:
            raise LabelError('12h hour zh')
        if zh_period in ('凌晨', '早上', '上午'):
            h = 0 if h == 12 else h
        elif zh_period == '中午':
            h = h if h >= 11 else h + 12
        else:  # 下午 晚上
            h = h if h == 12 else h + 12
    if not 0 <= h <= 23:
        raise LabelError('hour')
    return h, mi


def weekday_back(taken, wd):
    for k in range(2, 7):
        d = taken - dt.timedelta(days=k)
        if d.weekday() == wd:
            return d
    raise LabelError('weekday not in 2..6 days')


def no_later(d, taken):
    if d > taken:
        raise LabelError('yearless date after taken_on')
    return d


def parse_day(s, taken):
    """date part of a label -> date, or None when the part is empty"""
    s = s.strip().rstrip(',').strip()
    if s.endswith(' at'):
        s = s[:-3].strip()
    if s == '' or s == 'at':
        return None
    low = s.lower()
    if s == '今天' or low == 'today':
        return taken
    if s == '昨天' or low == 'yesterday':
        return taken - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', s)
    if m:
        return weekday_back(taken, ZH_WD[m.group(1)])
    if low in EN_WD:
        return weekday_back(taken, EN_WD[low])
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(?:星期|周)([一二三四五六日天]))?', s)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(4) and d.weekday() != ZH_WD[m.group(4)]:
            raise LabelError('weekday does not match date')
        return d
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日(?:\s*(?:星期|周)([一二三四五六日天]))?', s)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        if m.group(3) and d.weekday() != ZH_WD[m.group(3)]:
            raise LabelError('weekday does not match date')
        return no_later(d, taken)
    m = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})', s)
    if m:
        return no_later(dt.date(taken.year, int(m.group(1)), int(m.group(2))), taken)
    m = re.fullmatch(r'(mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s*([a-z]{3})[a-z]*\s+(\d{1,2})', low)
    if m:
        d = no_later(dt.date(taken.year, EN_MON[m.group(2)], int(m.group(3))), taken)
        if ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][d.weekday()] != m.group(1):
            raise LabelError('en weekday mismatch')
        return d
    m = re.fullmatch(r'([a-z]{3})[a-z]*\s+(\d{1,2}),\s*(\d{4})', low)
    if m:
        return dt.date(int(m.group(3)), EN_MON[m.group(1)], int(m.group(2)))
    raise LabelError('unknown day part: %r' % s)


def parse_label(s, taken):
    """-> (date or None, (h, m) or None)"""
    s = s.strip()
    m = RE_TIME.search(s)
    if m:
        hm = to24(int(m.group(2)), int(m.group(3)), m.group(1), m.group(4))
        rest = s[:m.start()]
    else:
        hm = None
        rest = s
    return parse_day(rest, taken), hm


def iso(d, hm):
    return '%sT%02d:%02d:00+08:00' % (d.isoformat(), hm[0], hm[1])


# ------------------------------------------------------------ senders
def norm_sender(s, group=False):
    s = s.strip()
    if group:
        s = re.sub(r'\s*[(（]\d+[)）]$', '', s)
    if re.fullmatch(r'\+?[\d][\d \-]*', s) or re.fullmatch(r'\+86[\d \-]+', s):
        s = s.replace(' ', '').replace('-', '')
        if s.startswith('+86'):
            s = s[3:]
    return s


def is_red(hexc):
    h = hexc.lstrip('#')
    r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    return r >= 200 and g <= 110 and b <= 100


# ------------------------------------------------------------ rebuild
def line_groups(texts):
    """texts on one visual line -> [(joined text, box)] top to bottom"""
    items = sorted(texts, key=lambda t: (t['box'][1], t['box'][0]))
    groups = []
    for t in items:
        b = t['box']
        for g in groups:
            gb = g['box']
            if b[1] < gb[3] and gb[1] < b[3]:
                g['items'].append(t)
                g['box'] = [min(gb[0], b[0]), min(gb[1], b[1]), max(gb[2], b[2]), max(gb[3], b[3])]
                break
        else:
            groups.append({'items': [t], 'box': list(b)})
    out = []
    for g in groups:
        parts = sorted(g['items'], key=lambda t: t['box'][0])
        out.append((' '.join(p['s'] for p in parts), g['box']))
    out.sort(key=lambda x: x[1][1])
    return out


def rebuild(draw, taken, errs):
    layout = draw['layout']
    W, H = draw['size']
    texts = draw['texts']
    shapes = draw['shapes']
    if 'calls' in layout:
        return rebuild_calls(draw, taken, errs)
    kind = 'im' if layout.startswith('wechat') else 'sms'
    heads = [t for t in texts if t['role'] == 'header_title']
    if len(heads) != 1:
        errs.append('%s: %d header titles' % (draw['file'], len(heads)))
        return []
    thread_sender = norm_sender(heads[0]['s'], group=(layout == 'wechat_group'))
    bubbles = sorted([s for s in shapes if s['kind'] == 'bubble'], key=lambda s: s['box'][1])
    lines = [t for t in texts if t['role'] == 'msg']
    seps = line_groups([t for t in texts if t['role'] == 'sep'])
    btimes = [t for t in texts if t['role'] == 'btime']
    nicks = [t for t in texts if t['role'] == 'nick']
    recs = []
    for i, b in enumerate(bubbles):
        bb = b['box']
        mine = [t for t in lines if contains_pt(bb, center(t['box']))]
        mine.sort(key=lambda t: t['box'][1])
        if not mine:
            errs.append('%s: empty bubble' % draw['file'])
            continue
        text = ''.join(t['s'] + (' ' if t.get('sp') else '') for t in mine)
        direction = 'in' if bb[0] < W - bb[2] else 'out'
        nxt_top = bubbles[i + 1]['box'][1] if i + 1 < len(bubbles) else H
        prev_bot = bubbles[i - 1]['box'][3] if i > 0 else 0
        # nearest separator line above
        above = [s for s in seps if s[1][3] <= bb[1]]
        sep = above[-1] if above else None
        own = [t for t in btimes if t['box'][1] >= bb[3] - 2 and t['box'][3] <= nxt_top
               and t['box'][0] < bb[2] + 5 and t['box'][2] > bb[0] - 5]
        own.sort(key=lambda t: t['box'][1])
        occ = None
        try:
            if own:
                d_own, hm_own = parse_label(own[0]['s'], taken)
                if d_own is not None or hm_own is None:
                    raise LabelError('bubble time carries a day: %r' % own[0]['s'])
                if sep is not None:
                    d, hm = parse_label(sep[0], taken)
                    if hm is not None:
                        raise LabelError('day separator with time in own-time app: %r' % sep[0])
                    if d is None:
                        raise LabelError('separator without day: %r' % sep[0])
                    occ = iso(d, hm_own)
            elif sep is not None:
                d, hm = parse_label(sep[0], taken)
                if hm is None:
                    raise LabelError('separator without time and bubble without own time: %r' % sep[0])
                occ = iso(d if d is not None else taken, hm)
        except LabelError as e:
            errs.append('%s: label error %s' % (draw['file'], e))
        sender = thread_sender
        if layout == 'wechat_group' and direction == 'in':
            cand = [t for t in nicks if t['box'][3] <= bb[1] and t['box'][1] >= prev_bot - 1
                    and abs(t['box'][0] - bb[0]) < 40]
            cand.sort(key=lambda t: t['box'][3])
            if not cand:
                errs.append('%s: group bubble without nickname' % draw['file'])
                sender = None
            else:
                sender = cand[-1]['s']
        recs.append({'kind': kind, 'sender': sender, 'occurred_at': occ, 'direction': direction, 'text': text,
                     'call_type': None, 'duration_seconds': None})
    return recs


RE_DUR = re.compile(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒')


def rebuild_calls(draw, taken, errs):
    rows = sorted([s for s in draw['shapes'] if s['kind'] == 'call_row'], key=lambda s: s['box'][1])
    recs = []
    for r in rows:
        rb = r['box']
        tx = [t for t in draw['texts'] if contains_pt(rb, center(t['box']))]
        names = [t for t in tx if t['role'] == 'call_name']
        subs = sorted([t for t in tx if t['role'] == 'call_sub'], key=lambda t: t['box'][0])
        times = [t for t in tx if t['role'] == 'call_time']
        icons = [s['kind'] for s in draw['shapes'] if s['kind'] in ('ic_in', 'ic_out', 'ic_missed')
                 and contains_pt(rb, center(s['box']))]
        if len(names) != 1 or len(times) != 1:
            errs.append('%s: call row with %d names %d times' % (draw['file'], len(names), len(times)))
            continue
        name = names[0]
        sender = norm_sender(re.sub(r'\s*\(\d+\)$', '', name['s']))
        sub = ' '.join(t['s'] for t in subs)
        red = is_red(name['color'])
        if '未接通' in sub:
            ct = 'outgoing'
        elif '未接' in sub or '响铃' in sub:
            ct = 'missed'
        elif '呼出' in sub:
            ct = 'outgoing'
        elif '呼入' in sub:
            ct = 'incoming'
        elif icons:
            if len(set(icons)) != 1:
                errs.append('%s: mixed call icons' % draw['file'])
            ct = {'ic_in': 'incoming', 'ic_out': 'outgoing', 'ic_missed': 'missed'}[icons[0]]
        else:
            ct = 'missed' if red else 'incoming'
        if red != (ct == 'missed'):
            errs.append('%s: red name does not match call type (%s)' % (draw['file'], name['s']))
        dur = None
        if ct != 'missed' and '未接通' not in sub:
            m = RE_DUR.search(sub)
            if m:
                dur = int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))
        occ = None
        try:
            d, hm = parse_label(times[0]['s'], taken)
            if hm is None:
                raise LabelError('call time without time of day: %r' % times[0]['s'])
            occ = iso(d if d is not None else taken, hm)
        except LabelError as e:
            errs.append('%s: label error %s' % (draw['file'], e))
        recs.append({'kind': 'call', 'sender': sender, 'occurred_at': occ,
                     'direction': 'out' if ct == 'outgoing' else 'in', 'text': None,
                     'call_type': ct, 'duration_seconds': dur})
    return recs


# ------------------------------------------------------------ comparisons
def compare(file, got, want, errs):
    n = 0
    if len(got) != len(want):
        errs.append('%s: %d records rebuilt, %d in truth' % (file, len(got), len(want)))
        n += 1
    for i, (g, w) in enumerate(zip(got, want)):
        for f in FIELDS:
            if g.get(f) != w.get(f):
                errs.append('%s: record %d field %s: drawn %r truth %r' % (file, i, f, g.get(f), w.get(f)))
                n += 1
        extra = set(w) - set(FIELDS)
        if extra:
            errs.append('%s: record %d unknown fields %s' % (file, i, sorted(extra)))
            n += 1
    return n


ROW_ROLES = {'call_name', 'call_sub', 'call_time'}


def check_drawing(draw, cmap, errs):
    f = draw['file']
    W, H = draw['size']
    texts = draw['texts']
    boxes = [s for s in draw['shapes'] if s['kind'] in ('bubble', 'call_row')]
    for t in texts:
        b = t['box']
        if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
            errs.append('%s: text leaves image: %r %r' % (f, t['s'], b))
        miss = [c for c in t['s'] if ord(c) not in cmap]
        if miss:
            errs.append('%s: characters not in font: %r' % (f, miss))
        if t['s'] != t['s'].strip() or not t['s']:
            errs.append('%s: text with outer blanks %r' % (f, t['s']))
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if inter(texts[i]['box'], texts[j]['box']):
                errs.append('%s: strings overlap: %r / %r' % (f, texts[i]['s'], texts[j]['s']))
    for i in range(len(boxes)):
        if not inside(boxes[i]['box'], [0, 0, W, H]):
            errs.append('%s: %s leaves image' % (f, boxes[i]['kind']))
        for j in range(i + 1, len(boxes)):
            if inter(boxes[i]['box'], boxes[j]['box']):
                errs.append('%s: %s overlaps %s' % (f, boxes[i]['kind'], boxes[j]['kind']))
    for t in texts:
        if t['role'] == 'msg':
            hold = [b for b in boxes if b['kind'] == 'bubble' and inside(t['box'], b['box'])]
            if len(hold) != 1:
                errs.append('%s: message line not inside exactly one bubble: %r' % (f, t['s']))
        elif t['role'] in ROW_ROLES:
            hold = [b for b in boxes if b['kind'] == 'call_row' and inside(t['box'], b['box'])]
            if len(hold) != 1:
                errs.append('%s: row text not inside exactly one row: %r' % (f, t['s']))
        else:
            for b in boxes:
                if inter(t['box'], b['box']):
                    errs.append('%s: non-message text %r (%s) overlaps a %s' % (f, t['s'], t['role'], b['kind']))
    for b in boxes:
        if b['kind'] == 'bubble':
            if not any(t['role'] == 'msg' and inside(t['box'], b['box']) for t in texts):
                errs.append('%s: bubble without text' % f)


def median_luma(path):
    im = Image.open(path).convert('L')
    im.thumbnail((270, 600))
    hist = im.histogram()
    tot = sum(hist)
    acc = 0
    for v, c in enumerate(hist):
        acc += c
        if acc * 2 >= tot:
            return v
    return 255


RE_NAME_DATES = [
    re.compile(r'^Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.'),
    re.compile(r'^Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-\d{3}_[a-z.]+\.'),
    re.compile(r'^IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.'),
    re.compile(r'^Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.'),
]


def name_date(fn, layout):
    for rx in RE_NAME_DATES:
        m = rx.match(fn)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    if re.fullmatch(re.escape(layout) + r'_\d{2}\.(png|jpg|PNG)', fn):
        return None
    return 'unparsable'


def key(r):
    return (r['sender'], r['direction'], r['text'])


def check_pairs(truths, rebuilt, errs):
    threads = {}
    for t in truths:
        if t['thread'] is not None:
            threads.setdefault(t['thread'], []).append(t['file'])
    for th, files in sorted(threads.items()):
        if len(files) != 2:
            errs.append('thread %s has %d files' % (th, len(files)))
            continue
        a, b = rebuilt[files[0]], rebuilt[files[1]]
        found = []
        for x, y in ((a, b), (b, a)):
            for k in (1, 2, 3):
                if len(x) >= k and len(y) >= k and [key(r) for r in x[-k:]] == [key(r) for r in y[:k]]:
                    found.append(k)
        if not found or max(found) > 2:
            errs.append('thread %s: repeated bubbles %r (want 1 or 2)' % (th, found))
    return len(threads)


def run_compare(truths, draws, errs):
    n = 0
    rebuilt = {}
    for t in truths:
        d = draws[t['file']]
        taken = dt.date.fromisoformat(t['taken_on'])
        sub = []
        got = rebuild(d, taken, sub)
        errs.extend(sub)
        n += len(sub)
        rebuilt[t['file']] = got
        n += compare(t['file'], got, t['records'], errs)
    return n, rebuilt


def main():
    truths = [json.loads(l) for l in open(os.path.join(SET, 'truth.jsonl'), encoding='utf-8')]
    draws = {}
    for l in open(os.path.join(SET, 'drawlog.jsonl'), encoding='utf-8'):
        d = json.loads(l)
        draws[d['file']] = d
    errs = []
    cmap = read_cmap(TTC, FACE_INDEX) & read_cmap(TTC_BOLD, FACE_INDEX)
    images = sorted(f for f in os.listdir(SET) if f.lower().endswith(('.png', '.jpg')))
    tf = [t['file'] for t in truths]
    if sorted(tf) != images or len(set(tf)) != len(tf):
        errs.append('truth files and images differ')
    if sorted(draws) != sorted(tf):
        errs.append('drawlog files and truth files differ')
    for t in truths:
        if set(t) != {'file', 'layout', 'dark', 'taken_on', 'thread', 'records'}:
            errs.append('%s: truth keys %s' % (t['file'], sorted(t)))
        d = draws[t['file']]
        if d['layout'] != t['layout']:
            errs.append('%s: layout differs' % t['file'])
        path = os.path.join(SET, t['file'])
        with Image.open(path) as im:
            if list(im.size) != d['size']:
                errs.append('%s: image size %r vs drawlog %r' % (t['file'], im.size, d['size']))
        lum = median_luma(path)
        if t['dark'] != (lum < 100) or 60 < lum < 150:
            errs.append('%s: dark=%s but median luminance %d' % (t['file'], t['dark'], lum))
        nd = name_date(t['file'], t['layout'])
        if nd == 'unparsable' or (nd is not None and nd != t['taken_on']):
            errs.append('%s: file-name date %s vs taken_on %s' % (t['file'], nd, t['taken_on']))
        if not ('2025-10-01' <= t['taken_on'] <= '2026-11-30'):
            errs.append('%s: taken_on out of range' % t['file'])
        check_drawing(d, cmap, errs)
    n_cmp, rebuilt = run_compare(truths, draws, errs)
    n_threads = check_pairs(truths, rebuilt, errs)

    # mutation test: four altered truth fields must give exactly four errors
    mut = copy.deepcopy(truths)
    sms = [t for t in mut if t['layout'].endswith('_sms') and len(t['records']) > 2]
    calls = [t for t in mut if 'calls' in t['layout']]
    wx = [t for t in mut if t['layout'] == 'wechat_group']
    sms[3]['records'][1]['text'] += '。'
    sms[7]['records'][0]['direction'] = 'out' if sms[7]['records'][0]['direction'] == 'in' else 'in'
    calls[2]['records'][3]['call_type'] = 'outgoing' if calls[2]['records'][3]['call_type'] != 'outgoing' else 'missed'
    r = wx[1]['records'][0]
    r['sender'] = r['sender'] + 'X'
    merrs = []
    n_mut, _ = run_compare(mut, draws, merrs)
    if n_mut != 4:
        errs.append('mutation test: %d errors instead of 4' % n_mut)

    for e in errs[:200]:
        print('ERROR', e)
    nrec = sum(len(t['records']) for t in truths)
    print('files %d, records %d, overlap threads %d, field comparisons %d' % (len(truths), nrec, n_threads, nrec * len(FIELDS)))
    print('mutation test: %d errors from 4 altered fields (%s)' % (n_mut, 'ok' if n_mut == 4 else 'FAIL'))
    print('errors: %d' % len(errs))
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main())
