#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""check_set.py - independent checker for benchmark set 15.

Shares no code with make_set.py.  It rebuilds every record from the geometry
in drawlog.jsonl (bubble boxes, text boxes, icon strokes) with its own
parsers for time labels, senders and durations, and compares the result
field by field with truth.jsonl.  It also checks the pixels, file names,
status-bar clocks, overlap pairs, call icons, and runs a mutation test.

    /tmp/set15venv/bin/python verify/check_set.py
"""
import copy
import datetime as dt
import json
import os
import random
import re
import sys
from collections import OrderedDict, defaultdict

import numpy as np
from PIL import Image
from fontTools.ttLib import TTCollection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT_FILES = {'NotoSansCJK-SC-Regular': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
              'NotoSansCJK-SC-Bold': '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'}

CHAT_A = ('huawei_sms', 'honor_sms', 'vivo_sms')                 # date separators + own times
CHAT_B = ('xiaomi_sms', 'oppo_sms', 'iphone_sms', 'iphone_sms_en', 'wechat_private', 'wechat_group')
CALLS = ('huawei_call', 'honor_call', 'xiaomi_call', 'oppo_call', 'vivo_call', 'iphone_call')
NO_DURATION = ('huawei_call', 'honor_call', 'iphone_call')
IOS_WIDTHS = (1125, 1170, 1179, 1290)
FIELDS = ('kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds')


class Errors:
    def __init__(self):
        self.items = []

    def add(self, where, msg):
        self.items.append('%s: %s' % (where, msg))


# --------------------------------------------------------------------------------------------
# label parsing (independent implementation)
# --------------------------------------------------------------------------------------------
CN_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])}
EN_WD3 = {n[:3]: i for n, i in EN_WD.items()}
EN_MON = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct',
                                          'nov', 'dec'])}
RE_TIME = re.compile(r'(?:(凌晨|早上|上午|中午|下午|晚上))?(\d{1,2}):(\d{2})(?:\s?(AM|PM))?$')


class LabelError(Exception):
    pass


def parse_time(tok):
    m = RE_TIME.fullmatch(tok)
    if not m:
        return None
    word, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    if mi > 59:
        raise LabelError('minute %s' % tok)
    if word and ap:
        raise LabelError('two period markers %s' % tok)
    if word in ('凌晨', '早上', '上午') or ap == 'AM':
        if not 1 <= h <= 12:
            raise LabelError('12h hour %s' % tok)
        h = 0 if h == 12 else h
    elif word in ('中午', '下午', '晚上') or ap == 'PM':
        if not 1 <= h <= 12:
            raise LabelError('12h hour %s' % tok)
        h = 12 if h == 12 else h + 12
        if word == '中午' and h > 14:
            raise LabelError('noon word with %s' % tok)
    else:
        if h > 23:
            raise LabelError('hour %s' % tok)
    return dt.time(h, mi)


def weekday_date(wd, taken):
    hits = [taken - dt.timedelta(days=k) for k in range(2, 7) if (taken - dt.timedelta(days=k)).weekday() == wd]
    if len(hits) != 1:
        raise LabelError('weekday label not 2-6 days before taken_on')
    return hits[0]


def checked_date(y, m, d, taken, had_year):
    try:
        x = dt.date(y, m, d)
    except ValueError:
        raise LabelError('bad date')
    if x > taken:
        raise LabelError('date %s later than taken_on %s' % (x, taken))
    if not had_year and x.year != taken.year:
        raise LabelError('yearless date outside taken_on year')
    return x


def parse_date(s, taken):
    """returns a date; raises LabelError if the string is not a date label."""
    s = s.strip()
    low = s.lower()
    if s in ('今天',) or low == 'today':
        return taken
    if s in ('昨天',) or low == 'yesterday':
        return taken - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', s)
    if m:
        return weekday_date(CN_WD[m.group(1)], taken)
    if low in EN_WD:
        return weekday_date(EN_WD[low], taken)
    m = re.fullmatch(r'(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\s*(?:星期|周)([一二三四五六日天]))?', s)
    if m:
        had = m.group(1) is not None
        x = checked_date(int(m.group(1)) if had else taken.year, int(m.group(2)), int(m.group(3)), taken, had)
        if m.group(4) and CN_WD[m.group(4)] != x.weekday():
            raise LabelError('weekday suffix does not match %s' % s)
        return x
    m = re.fullmatch(r'(\d{4})[/-](\d{1,2})[/-](\d{1,2})', s)
    if m:
        return checked_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), taken, True)
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', s)
    if m:
        return checked_date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)), taken, True)
    m = re.fullmatch(r'(?:([A-Za-z]{3}),\s)?([A-Za-z]{3})\s(\d{1,2})(?:,\s(\d{4}))?', s)
    if m and m.group(2).lower() in EN_MON:
        had = m.group(4) is not None
        x = checked_date(int(m.group(4)) if had else taken.year, EN_MON[m.group(2).lower()], int(m.group(3)),
                         taken, had)
        if m.group(1) and EN_WD3.get(m.group(1).lower()) != x.weekday():
            raise LabelError('weekday prefix does not match %s' % s)
        return x
    raise LabelError('unparsed date %r' % s)


def parse_label(label, taken):
    """(date or None, time or None); a bare time means taken_on."""
    s = label.strip()
    s = re.sub(r'\sat\s', ' ', s)
    tm = None
    m = re.search(r'(?:^|\s)((?:凌晨|早上|上午|中午|下午|晚上)?\d{1,2}:\d{2}(?:\s?(?:AM|PM))?)$', s)
    if m:
        tm = parse_time(m.group(1))
        s = s[:m.start()].strip()
    if not s:
        if tm is None:
            raise LabelError('empty label')
        return taken, tm
    return parse_date(s, taken), tm


def iso(d, t):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, t.hour, t.minute)


# --------------------------------------------------------------------------------------------
# sender, duration
# --------------------------------------------------------------------------------------------
def norm_sender(s):
    if re.fullmatch(r'\+?[\d][\d\s-]*', s):
        x = s.strip()
        if x.startswith('+86'):
            x = x[3:]
        x = re.sub(r'[\s-]', '', x)
        if not x.isdigit():
            raise ValueError(s)
        return x
    return s


def parse_duration(s):
    m = re.fullmatch(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', s)
    if not m:
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))


# --------------------------------------------------------------------------------------------
# geometry helpers
# --------------------------------------------------------------------------------------------
def bbox(it):
    if 'box' in it:
        return it['box']
    xs = [p[0] for p in it['pts']]
    ys = [p[1] for p in it['pts']]
    return [min(xs), min(ys), max(xs), max(ys)]


def cy(b):
    return (b[1] + b[3]) / 2.0


def cx(b):
    return (b[0] + b[2]) / 2.0


def inter(a, b):
    return min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0


def rgbhex(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def is_red(h):
    r, g, b = rgbhex(h)
    return r > 200 and g < 110 and b < 110


def text_lines(texts, tol):
    """group texts into visual lines by centre y; returns [(cy, joined string, boxes)]."""
    rows = []
    for t in sorted(texts, key=lambda t: (cy(t['box']), t['box'][0])):
        if rows and abs(cy(t['box']) - rows[-1][0]) <= tol:
            rows[-1][2].append(t)
        else:
            rows.append([cy(t['box']), None, [t]])
    out = []
    for c, _, ts in rows:
        ts.sort(key=lambda t: t['box'][0])
        out.append((c, ' '.join(t['text'] for t in ts), [t['box'] for t in ts]))
    return out


# --------------------------------------------------------------------------------------------
# rebuilding records
# --------------------------------------------------------------------------------------------
def rebuild_chat(dl, taken, err, where):
    lay = dl['layout']
    items = dl['items']
    W = dl['W']
    texts = [i for i in items if i['t'] == 'text']
    bubbles = sorted([i for i in items if i.get('role') == 'bubble'], key=lambda b: b['box'][1])
    lines = [t for t in texts if t['role'] == 'msg_text']
    title = [t for t in texts if t['role'] == 'header_title']
    if len(title) != 1:
        err.add(where, 'expected one header title, got %d' % len(title))
        return []
    title = title[0]['text']
    seps = text_lines([t for t in texts if t['role'] == 'separator'], 6)
    times = [t for t in texts if t['role'] == 'msg_time']
    nicks = [t for t in texts if t['role'] == 'nickname']
    used_lines, used_times = set(), set()
    recs = []
    for b in bubbles:
        bb = b['box']
        mine = [(k, t) for k, t in enumerate(lines) if bb[0] <= cx(t['box']) <= bb[2] and bb[1] <= cy(t['box']) <= bb[3]]
        if not mine:
            err.add(where, 'bubble without text at %s' % bb)
            continue
        for k, _ in mine:
            if k in used_lines:
                err.add(where, 'text line in two bubbles')
            used_lines.add(k)
        mine.sort(key=lambda kt: kt[1]['box'][1])
        parts = [t['text'] for _, t in mine]
        for t in (t for _, t in mine):
            if t['box'][0] < bb[0] or t['box'][2] > bb[2] + 1:
                err.add(where, 'text sticks out of its bubble: %r' % t['text'])
        whole = ''.join(parts)
        if all(ord(c) < 128 for c in whole):
            text = ' '.join(parts)
            for p in parts:
                if p != p.strip():
                    err.add(where, 'English line with edge space')
        else:
            text = ''.join(parts)
            for p in parts:
                if p[:1] == ' ' or p[-1:] == ' ':
                    err.add(where, 'Chinese line break on a space: %r' % p)
        direction = 'out' if cx(bb) > W / 2.0 else 'in'
        above = [s for s in seps if s[0] < bb[1]]
        occ = None
        if above:
            label = above[-1][1]
            try:
                d, tm = parse_label(label, taken)
            except LabelError as e:
                err.add(where, 'separator %r: %s' % (label, e))
                d, tm = None, None
            if lay in CHAT_A:
                if tm is not None:
                    err.add(where, 'date-only layout shows a time in separator %r' % label)
                own = None
                best = None
                for k, t in enumerate(times):
                    tb = t['box']
                    if k in used_times:
                        continue
                    if bb[1] - 2 <= cy(tb) <= bb[3] + 0.06 * W:
                        dist = abs(cy(tb) - bb[3])
                        if best is None or dist < best[0]:
                            best = (dist, k, t)
                if best is None:
                    err.add(where, 'bubble without own time')
                else:
                    used_times.add(best[1])
                    own = parse_time(best[2]['text'])
                    if own is None:
                        err.add(where, 'own time %r unparsed' % best[2]['text'])
                if d is not None and own is not None:
                    occ = iso(d, own)
            else:
                if d is not None:
                    if tm is None:
                        err.add(where, 'separator without time %r' % label)
                    else:
                        occ = iso(d, tm)
        elif lay in CHAT_A:
            # the bubble still shows its own time; consume it
            for k, t in enumerate(times):
                if k not in used_times and bb[1] - 2 <= cy(t['box']) <= bb[3] + 0.06 * W:
                    used_times.add(k)
                    break
        if lay == 'wechat_group':
            if direction == 'in':
                cand = [n for n in nicks if 0 <= bb[1] - n['box'][3] <= 0.03 * W and abs(n['box'][0] - bb[0]) < 0.03 * W]
                if len(cand) != 1:
                    err.add(where, 'incoming group bubble without nickname')
                    sender = None
                else:
                    sender = cand[0]['text']
            else:
                m = re.fullmatch(r'(.*)\((\d+)\)', title)
                if not m:
                    err.add(where, 'group title without (N): %r' % title)
                    sender = title
                else:
                    sender = m.group(1)
        elif lay == 'wechat_private':
            sender = title
        else:
            sender = norm_sender(title)
        recs.append(OrderedDict([('kind', 'im' if lay.startswith('wechat') else 'sms'), ('sender', sender),
                                 ('occurred_at', occ), ('direction', direction), ('text', text),
                                 ('call_type', None), ('duration_seconds', None)]))
    if len(used_lines) != len(lines):
        err.add(where, '%d message lines outside bubbles' % (len(lines) - len(used_lines)))
    if lay in CHAT_A and len(used_times) != len(times):
        err.add(where, 'own times not attached to bubbles')
    return recs


def classify_icon(prims):
    """incoming / outgoing / missed from the strokes of one direction icon."""
    lines = [p for p in prims if p['t'] == 'line']
    if len(lines) != 2:
        return None
    for head, shaft in ((lines[0], lines[1]), (lines[1], lines[0])):
        if len(head['pts']) != 3:
            continue
        tip = head['pts'][1]
        ends = [shaft['pts'][0], shaft['pts'][-1]]
        hit = [e for e in ends if abs(e[0] - tip[0]) < 0.6 and abs(e[1] - tip[1]) < 0.6]
        if not hit:
            continue
        tail = ends[1] if hit[0] is ends[0] else ends[0]
        dx, dy = tip[0] - tail[0], tip[1] - tail[1]
        if len(shaft['pts']) == 3:
            mid = shaft['pts'][1]
            if mid[1] > tip[1] and mid[1] > tail[1] and dx < 0:
                return 'missed'
            return None
        if dx < 0 and dy > 0:
            return 'incoming'
        if dx > 0 and dy < 0:
            return 'outgoing'
    return None


def icon_signature(prims):
    bbs = [bbox(p) for p in prims]
    x0 = min(b[0] for b in bbs)
    y0 = min(b[1] for b in bbs)
    sc = max(max(b[2] for b in bbs) - x0, max(b[3] for b in bbs) - y0) or 1.0
    sig = []
    for p in sorted(prims, key=lambda p: len(p.get('pts', []))):
        pts = tuple((round((x - x0) / sc, 2), round((y - y0) / sc, 2)) for x, y in p.get('pts', []))
        sig.append((p['t'], p.get('color') or p.get('fill'), pts))
    return tuple(sig)


def rebuild_calls(dl, taken, err, where, icon_sigs):
    lay = dl['layout']
    items = dl['items']
    texts = [i for i in items if i['t'] == 'text']
    names = sorted([t for t in texts if t['role'] == 'call_name'], key=lambda t: cy(t['box']))
    if not names:
        err.add(where, 'no call rows')
        return []
    rows = [{'name': n, 'count': [], 'time': [], 'detail': [], 'icons': defaultdict(list)} for n in names]
    ncy = [cy(n['box']) for n in names]
    gaps = sorted(b - a for a, b in zip(ncy, ncy[1:]))
    tol = 0.25 * (gaps[len(gaps) // 2] if gaps else 150)

    def row_of(y):
        k = None
        for i, c in enumerate(ncy):
            if c <= y + tol:
                k = i
        return k
    for t in texts:
        role = t['role']
        if role in ('call_count', 'call_time', 'call_detail'):
            k = row_of(cy(t['box']))
            if k is None:
                err.add(where, 'row text above the first row: %r' % t['text'])
                continue
            rows[k]['count' if role == 'call_count' else 'time' if role == 'call_time' else 'detail'].append(t)
    groups = OrderedDict()
    for p in items:
        if p.get('role') == 'call_icon':
            groups.setdefault(p['g'], []).append(p)
    for g, prims in groups.items():
        bbs = [bbox(p) for p in prims]
        gc = (min(b[1] for b in bbs) + max(b[3] for b in bbs)) / 2.0
        k = row_of(gc)
        if k is None:
            err.add(where, 'icon above the first row')
            continue
        rows[k]['icons'][g].extend(prims)
    recs = []
    for r in rows:
        nm = r['name']
        sender = norm_sender(nm['text'])
        for c in r['count']:
            if not re.fullmatch(r'\(\d+\)', c['text']):
                err.add(where, 'bad counter %r' % c['text'])
        if len(r['icons']) != 1:
            err.add(where, 'row %r has %d icons' % (nm['text'], len(r['icons'])))
            continue
        prims = list(r['icons'].values())[0]
        ctype = classify_icon(prims)
        if ctype is None:
            err.add(where, 'unclassifiable icon in row %r' % nm['text'])
            continue
        icol = prims[0]['color']
        if (ctype == 'missed') != is_red(icol):
            err.add(where, 'icon colour does not fit %s' % ctype)
        if (ctype == 'missed') != is_red(nm['color']):
            err.add(where, 'name colour does not fit %s' % ctype)
        icon_sigs[lay][ctype].add(icon_signature(prims))
        if len(r['time']) != 1:
            err.add(where, 'row %r has %d time labels' % (nm['text'], len(r['time'])))
            continue
        occ = None
        try:
            d, tm = parse_label(r['time'][0]['text'], taken)
            if tm is not None:
                occ = iso(d, tm)
        except LabelError as e:
            err.add(where, 'call label %r: %s' % (r['time'][0]['text'], e))
        dur = None
        for dtx in r['detail']:
            s = dtx['text']
            m = re.fullmatch(r'(呼入|呼出)\s(.+)', s)
            if lay == 'xiaomi_call':
                if s == '未接':
                    if ctype != 'missed':
                        err.add(where, '未接 label on %s row' % ctype)
                    continue
                if m:
                    want = 'incoming' if m.group(1) == '呼入' else 'outgoing'
                    if want != ctype:
                        err.add(where, '%s label on %s row' % (m.group(1), ctype))
                    if m.group(2) == '未接通':
                        if ctype != 'outgoing':
                            err.add(where, '未接通 on non-outgoing row')
                        continue
                    v = parse_duration(m.group(2))
                    if v is None:
                        err.add(where, 'bad duration %r' % s)
                    dur = v
                    continue
            v = parse_duration(s)
            if v is not None:
                if dur is not None:
                    err.add(where, 'two durations in a row')
                dur = v
            elif s == '未接通' and ctype != 'outgoing':
                err.add(where, '未接通 on non-outgoing row')
        if lay in NO_DURATION and dur is not None:
            err.add(where, 'layout %s shows a duration' % lay)
        if ctype == 'missed' and dur is not None:
            err.add(where, 'missed call with a duration')
        recs.append(OrderedDict([('kind', 'call'), ('sender', sender), ('occurred_at', occ),
                                 ('direction', 'out' if ctype == 'outgoing' else 'in'), ('text', None),
                                 ('call_type', ctype), ('duration_seconds', dur)]))
    return recs


# --------------------------------------------------------------------------------------------
# file names and clocks
# --------------------------------------------------------------------------------------------
def parse_filename(fn):
    """(date or None, time or None, img number or None, kind)"""
    pats = [(r'Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png', 'android'),
            (r'Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png', 'android'),
            (r'IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg', 'jpeg'),
            (r'Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png', 'ios')]
    for p, kind in pats:
        m = re.fullmatch(p, fn)
        if m:
            v = [int(x) for x in m.groups()]
            return dt.date(v[0], v[1], v[2]), dt.time(v[3], v[4], v[5]), None, kind
    m = re.fullmatch(r'IMG_(\d{4})\.PNG', fn)
    if m:
        return None, None, int(m.group(1)), 'ios_img'
    return None, None, None, None


def parse_clock(s):
    m = re.fullmatch(r'(\d{1,2}):(\d{2})', s)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), len(m.group(1)) == 1


def clock_matches(clock, t, ios):
    """Android clocks are 24-hour with two digits; an iPhone clock may be
    12-hour without AM/PM."""
    h, mi, short = clock
    if mi != t.minute:
        return False
    if h == t.hour and not (short and h >= 10):
        return ios or not short
    return ios and 1 <= h <= 12 and h == (t.hour % 12 or 12)


# --------------------------------------------------------------------------------------------
def compare(truth_rows, rebuilt, err):
    for tr in truth_rows:
        fn = tr['file']
        got = rebuilt.get(fn)
        if got is None:
            continue
        want = tr['records']
        if len(want) != len(got):
            err.add(fn, 'record count truth %d rebuilt %d' % (len(want), len(got)))
            continue
        for i, (a, b) in enumerate(zip(want, got)):
            if list(a.keys()) != list(FIELDS):
                err.add(fn, 'record %d key order %s' % (i, list(a.keys())))
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    err.add(fn, 'record %d field %s: truth %r rebuilt %r' % (i, f, a.get(f), b.get(f)))


def main():
    err = Errors()
    truth = [json.loads(l) for l in open(os.path.join(ROOT, 'truth.jsonl'), encoding='utf-8')]
    logs = [json.loads(l) for l in open(os.path.join(ROOT, 'drawlog.jsonl'), encoding='utf-8')]
    if [t['file'] for t in truth] != [d['file'] for d in logs]:
        err.add('set', 'truth and drawlog list different files')
    files_on_disk = sorted(f for f in os.listdir(ROOT) if f.lower().endswith(('.png', '.jpg')))
    if sorted(t['file'] for t in truth) != files_on_disk:
        err.add('set', 'images on disk differ from truth.jsonl')
    cmaps = {k: frozenset(TTCollection(v).fonts[2].getBestCmap().keys()) for k, v in FONT_FILES.items()}
    for k, v in FONT_FILES.items():
        name = TTCollection(v).fonts[2]['name'].getDebugName(1)
        if name != 'Noto Sans CJK SC':
            err.add('font', '%s face 2 is %s' % (v, name))
    logmap = {d['file']: d for d in logs}
    rebuilt = {}
    icon_sigs = defaultdict(lambda: defaultdict(set))
    shot = {}
    stats = defaultdict(lambda: defaultdict(int))
    for tr in truth:
        fn = tr['file']
        dl = logmap.get(fn)
        if dl is None:
            err.add(fn, 'no drawlog')
            continue
        lay = tr['layout']
        if dl['layout'] != lay or dl['dark'] != tr['dark']:
            err.add(fn, 'layout/dark differ between truth and drawlog')
        if list(tr.keys()) != ['file', 'layout', 'dark', 'taken_on', 'thread', 'records']:
            err.add(fn, 'truth keys %s' % list(tr.keys()))
        taken = dt.date.fromisoformat(tr['taken_on'])
        W, H = dl['W'], dl['H']
        # ---- image file ----
        path = os.path.join(ROOT, fn)
        im = Image.open(path)
        if im.size != (W, H):
            err.add(fn, 'image size %s vs drawlog %s' % (im.size, (W, H)))
        fmt = im.format
        if fn.endswith('.jpg') != (fmt == 'JPEG') or (fn.lower().endswith('.png') and fmt != 'PNG'):
            err.add(fn, 'format %s does not fit the name' % fmt)
        if (dl.get('jpeg_quality') is not None) != fn.endswith('.jpg'):
            err.add(fn, 'jpeg_quality in drawlog does not fit the name')
        if dl.get('jpeg_quality') is not None and not 70 <= dl['jpeg_quality'] <= 92:
            err.add(fn, 'jpeg quality out of range')
        arr = np.asarray(im.convert('RGB')).astype(np.int32)
        # dark mode must show in the pixels: median luminance of the screen
        lum = float(np.median(arr[:, :, :3].mean(axis=2)))
        if (lum < 60) != bool(tr['dark']):
            err.add(fn, 'dark=%s but median luminance %.0f' % (tr['dark'], lum))
        # ---- file name ----
        fdate, ftime, fno, fkind = parse_filename(fn)
        if fkind is None:
            err.add(fn, 'file name does not follow a convention')
        if fdate is not None and fdate != taken:
            err.add(fn, 'file-name date %s != taken_on %s' % (fdate, taken))
        ios_like = lay.startswith('iphone') or (lay.startswith('wechat') and W in IOS_WIDTHS)
        if fkind in ('ios', 'ios_img') and not ios_like:
            err.add(fn, 'iPhone file name on an Android screen')
        if fkind == 'android' and ios_like:
            err.add(fn, 'Android file name on an iPhone screen')
        # ---- texts ----
        texts = [i for i in dl['items'] if i['t'] == 'text']
        clocks = [t for t in texts if t['role'] == 'status_clock']
        if len(clocks) != 1:
            err.add(fn, '%d status clocks' % len(clocks))
        else:
            ck = parse_clock(clocks[0]['text'])
            if ck is None:
                err.add(fn, 'clock %r unparsed' % clocks[0]['text'])
            elif ftime is not None and not clock_matches(ck, ftime, ios_like):
                err.add(fn, 'clock %s != file-name time %s' % (clocks[0]['text'], ftime))
        shot[fn] = (fdate, ftime, fno)
        tol = 100 if fmt == 'JPEG' else 45
        for t in texts:
            b = t['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H or b[2] <= b[0] or b[3] <= b[1]:
                err.add(fn, 'text outside the image: %r %s' % (t['text'], b))
                continue
            cm = cmaps.get(t['font'])
            if cm is None:
                err.add(fn, 'unknown font %s' % t['font'])
            else:
                miss = [c for c in t['text'] if ord(c) not in cm]
                if miss:
                    err.add(fn, 'characters not in font: %r' % miss)
            reg = arr[b[1]:b[3], b[0]:b[2]].reshape(-1, 3)
            col = np.array(rgbhex(t['color']))
            near = int((np.abs(reg - col).sum(axis=1) < tol).sum())
            if near < 3 or reg.std(axis=0).max() < 8:
                err.add(fn, 'no ink of the text colour for %r' % t['text'])
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if inter(texts[i]['box'], texts[j]['box']):
                    err.add(fn, 'overlapping strings %r / %r' % (texts[i]['text'], texts[j]['text']))
        # ---- bubbles must be whole and off the bars ----
        bars = [bbox(i) for i in dl['items'] if i.get('role') in ('input_bg', 'tabbar_bg')]
        for b in (i for i in dl['items'] if i.get('role') == 'bubble'):
            bb = b['box']
            if bb[0] < 0 or bb[1] < 0 or bb[2] > W or bb[3] > H:
                err.add(fn, 'bubble cut by the image edge')
            for br in bars:
                if inter(bb, br):
                    err.add(fn, 'bubble under the input bar')
        # ---- rebuild ----
        if lay in CHAT_A or lay in CHAT_B:
            recs = rebuild_chat(dl, taken, err, fn)
        elif lay in CALLS:
            recs = rebuild_calls(dl, taken, err, fn, icon_sigs)
        else:
            err.add(fn, 'unknown layout %s' % lay)
            recs = []
        rebuilt[fn] = recs
        limit = dt.datetime.combine(taken, ftime) if ftime else dt.datetime.combine(taken, dt.time(23, 59, 59))
        for r in recs:
            if r['occurred_at']:
                x = dt.datetime.fromisoformat(r['occurred_at']).replace(tzinfo=None)
                if x > limit:
                    err.add(fn, 'record time %s after the screenshot' % r['occurred_at'])
        st = stats[lay]
        st['files'] += 1
        st['records'] += len(tr['records'])
        st['dark'] += int(tr['dark'])
        st['jpeg'] += int(fn.endswith('.jpg'))
        st['cropped'] += int(bool(dl.get('cropped')))
        st['null_time'] += sum(1 for r in tr['records'] if r['occurred_at'] is None)
    compare(truth, rebuilt, err)
    # ---- overlap pairs ----
    threads = defaultdict(list)
    for tr in truth:
        if tr['thread'] is not None:
            threads[tr['thread']].append(tr)
    for tid, trs in threads.items():
        if len(trs) != 2:
            err.add(tid, 'thread with %d screenshots' % len(trs))
            continue
        a, b = trs
        if a['layout'] != b['layout'] or a['taken_on'] != b['taken_on'] or a['dark'] != b['dark']:
            err.add(tid, 'pair differs in layout/day/mode')
        sa, sb = shot[a['file']], shot[b['file']]
        ca = [t for t in logmap[a['file']]['items'] if t.get('role') == 'status_clock'][0]['text']
        cb = [t for t in logmap[b['file']]['items'] if t.get('role') == 'status_clock'][0]['text']
        if sa[1] and sb[1]:
            da = dt.datetime.combine(dt.date(2000, 1, 1), sa[1])
            db = dt.datetime.combine(dt.date(2000, 1, 1), sb[1])
            if not dt.timedelta(0) < db - da <= dt.timedelta(minutes=15):
                err.add(tid, 'later screenshot is not a few minutes later')
        elif sa[2] and sb[2]:
            if not sb[2] > sa[2]:
                err.add(tid, 'IMG numbers not increasing')
        pa, pb = parse_clock(ca), parse_clock(cb)
        if pa and pb:
            ma, mb = pa[0] % 12 * 60 + pa[1], pb[0] % 12 * 60 + pb[1]
            if not 0 < (mb - ma) % 720 <= 15:
                err.add(tid, 'status clocks %s -> %s not a few minutes apart' % (ca, cb))
        ra, rb = rebuilt[a['file']], rebuilt[b['file']]
        k_ok = 0
        for k in (2, 1):
            if len(ra) >= k and len(rb) > k:
                if all((x['sender'], x['direction'], x['text']) == (y['sender'], y['direction'], y['text'])
                       for x, y in zip(ra[-k:], rb[:k])):
                    k_ok = k
                    break
        if not k_ok:
            err.add(tid, 'later screenshot does not start with the last bubbles of the earlier one')
        else:
            if any(r['occurred_at'] is not None for r in rb[:k_ok]):
                err.add(tid, 'carried bubbles have a time')
            stats[a['layout']]['pairs'] += 1
    # ---- icons differ by call type ----
    for lay, d in icon_sigs.items():
        types = sorted(d)
        if len(types) < 3:
            err.add(lay, 'only call types %s seen' % types)
        for i in range(len(types)):
            for j in range(i + 1, len(types)):
                if d[types[i]] & d[types[j]]:
                    err.add(lay, 'call types %s and %s share an icon drawing' % (types[i], types[j]))
    n_err = len(err.items)
    # ---- mutation test ----
    rng = random.Random(20260315)
    mutated = copy.deepcopy(truth)
    cand = [(i, j) for i, tr in enumerate(mutated) for j in range(len(tr['records']))]
    picks = []
    for fld in ('text', 'sender', 'occurred_at', 'call_type'):
        while True:
            i, j = rng.choice(cand)
            r = mutated[i]['records'][j]
            if i in [p[0] for p in picks]:
                continue
            if fld in ('text',) and r['text'] is None:
                continue
            if fld == 'call_type' and r['call_type'] is None:
                continue
            break
        if fld == 'text':
            r['text'] = r['text'] + '。'
        elif fld == 'sender':
            r['sender'] = r['sender'] + 'X'
        elif fld == 'occurred_at':
            r['occurred_at'] = '2025-01-01T00:00:00+08:00' if r['occurred_at'] != '2025-01-01T00:00:00+08:00' else None
        else:
            r['call_type'] = 'missed' if r['call_type'] != 'missed' else 'incoming'
        picks.append((i, j, fld))
    berr, merr = Errors(), Errors()
    compare(truth, rebuilt, berr)
    compare(mutated, rebuilt, merr)
    new = [e for e in merr.items if e not in berr.items]
    mut_ok = len(new) == 4 and len(merr.items) == len(berr.items) + 4
    # ---- report ----
    for e in err.items[:200]:
        print('ERROR', e)
    print()
    hdr = ('layout', 'files', 'records', 'dark', 'jpeg', 'cropped', 'overlap pairs', 'null-time records')
    print('| ' + ' | '.join(hdr) + ' |')
    print('|' + '---|' * len(hdr))
    tot = defaultdict(int)
    for lay in list(CHAT_A[:2]) + ['xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en',
                                   'wechat_private', 'wechat_group'] + list(CALLS):
        st = stats[lay]
        vals = [st['files'], st['records'], st['dark'], st['jpeg'], st['cropped'], st['pairs'], st['null_time']]
        for k, v in zip(hdr[1:], vals):
            tot[k] += v
        print('| %s | %s |' % (lay, ' | '.join(str(v) for v in vals)))
    print('| **total** | %s |' % ' | '.join(str(tot[k]) for k in hdr[1:]))
    print()
    print('mutation test: %d truth fields altered -> %d new errors (%s)' % (len(picks), len(new),
                                                                           'ok' if mut_ok else 'FAILED'))
    for e in new:
        print('  mutation', e)
    if not mut_ok:
        n_err += 1
    print('errors %d' % n_err)
    return 0 if n_err == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
