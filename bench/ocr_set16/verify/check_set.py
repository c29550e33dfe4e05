#!/usr/bin/env python3
"""check_set.py -- independent checker for ocr_set16.

Shares no code with make_set.py.  It rebuilds every truth record from the
geometry in drawlog.jsonl with its own parsers (its own date/time label parser,
its own bubble/line/separator association, its own icon-direction reading and
its own TrueType-collection cmap reader) and compares field by field with
truth.jsonl.  It also looks at the pixels (text ink present, dark mode,
icon crops), checks file names, clocks, overlap pairs, and runs a mutation
test.  Prints 'errors N' at the end.

Run:  /tmp/set16venv/bin/python verify/check_set.py
"""
import bisect
import copy
import datetime as dt
import json
import os
import re
import struct
import sys

import numpy as np
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT_FILES = {'regular': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
              'bold': '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'}
FACE_NAME = 'Noto Sans CJK SC'

ERRORS = []


def err(msg):
    ERRORS.append(msg)


# ---------------------------------------------------------------- font cmap
class Cmap:
    """minimal reader: finds the SC face in a .ttc by its name table and
    loads its (3,10) format-12 or (3,1) format-4 cmap as code point ranges"""

    def __init__(self, path):
        self.data = open(path, 'rb').read()
        d = self.data
        assert d[:4] == b'ttcf', path
        n = struct.unpack('>I', d[8:12])[0]
        offs = struct.unpack('>%dI' % n, d[12:12 + 4 * n])
        face = None
        for off in offs:
            tables = self._tables(off)
            if self._family(tables) == FACE_NAME:
                face = tables
                break
        assert face is not None, 'SC face not found in ' + path
        self.starts, self.ends = self._cmap(face['cmap'][0])

    def _tables(self, off):
        d = self.data
        num = struct.unpack('>H', d[off + 4:off + 6])[0]
        t = {}
        for i in range(num):
            rec = d[off + 12 + 16 * i: off + 28 + 16 * i]
            tag = rec[:4].decode('latin-1')
            _, o, ln = struct.unpack('>III', rec[4:])
            t[tag] = (o, ln)
        return t

    def _family(self, tables):
        d = self.data
        base = tables['name'][0]
        count, soff = struct.unpack('>HH', d[base + 2:base + 6])
        for i in range(count):
            pid, eid, lid, nid, ln, o = struct.unpack('>HHHHHH', d[base + 6 + 12 * i: base + 18 + 12 * i])
            if nid == 1 and pid == 3 and lid == 0x409:
                return d[base + soff + o: base + soff + o + ln].decode('utf-16-be')
        return None

    def _cmap(self, base):
        d = self.data
        n = struct.unpack('>H', d[base + 2:base + 4])[0]
        subs = {}
        for i in range(n):
            pid, eid, o = struct.unpack('>HHI', d[base + 4 + 8 * i: base + 12 + 8 * i])
            subs[(pid, eid)] = base + o
        starts, ends = [], []
        if (3, 10) in subs:
            s = subs[(3, 10)]
            assert struct.unpack('>H', d[s:s + 2])[0] == 12
            ng = struct.unpack('>I', d[s + 12:s + 16])[0]
            for g in range(ng):
                a, b, _ = struct.unpack('>III', d[s + 16 + 12 * g: s + 28 + 12 * g])
                starts.append(a)
                ends.append(b)
        else:
            s = subs[(3, 1)]
            assert struct.unpack('>H', d[s:s + 2])[0] == 4
            segx2 = struct.unpack('>H', d[s + 6:s + 8])[0]
            seg = segx2 // 2
            endc = struct.unpack('>%dH' % seg, d[s + 14: s + 14 + segx2])
            startc = struct.unpack('>%dH' % seg, d[s + 16 + segx2: s + 16 + 2 * segx2])
            for a, b in zip(startc, endc):
                if a != 0xFFFF:
                    starts.append(a)
                    ends.append(b)
        order = sorted(range(len(starts)), key=lambda i: starts[i])
        return [starts[i] for i in order], [ends[i] for i in order]

    def has(self, ch):
        cp = ord(ch)
        i = bisect.bisect_right(self.starts, cp) - 1
        return i >= 0 and self.starts[i] <= cp <= self.ends[i]


# ---------------------------------------------------------------- label parsing
ZH_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'mon': 0, 'tue': 1, 'wed': 2, 'thu': 3, 'fri': 4, 'sat': 5, 'sun': 6}
EN_MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}
TIME_RE = re.compile(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(?:\s*(AM|PM))?')


def parse_time(s):
    m = TIME_RE.search(s)
    if not m:
        return None, s
    per, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    if per in ('凌晨', '早上', '上午'):
        h = h % 12
    elif per in ('下午', '晚上'):
        h = h % 12 + 12
    elif per == '中午':
        h = h if h >= 11 else h + 12
    elif ap == 'AM':
        h = h % 12
    elif ap == 'PM':
        h = h % 12 + 12
    if not (0 <= h < 24 and 0 <= mi < 60):
        raise ValueError('bad time ' + s)
    rest = (s[:m.start()] + ' ' + s[m.end():]).strip()
    return dt.time(h, mi), rest


def weekday_back(T, wd):
    for k in range(2, 7):
        d = T - dt.timedelta(days=k)
        if d.weekday() == wd:
            return d
    raise ValueError('weekday')


def parse_day(rest, T):
    r = rest.strip().rstrip(',').strip()
    r = re.sub(r'\s+at$', '', r).strip()
    if r in ('', '今天', 'Today'):
        return T
    if r in ('昨天', 'Yesterday'):
        return T - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', r)
    if m:
        return weekday_back(T, ZH_WD[m.group(1)])
    m = re.fullmatch(r'(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)', r)
    if m:
        return weekday_back(T, EN_WD[m.group(1)[:3].lower()])
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', r)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日', r)
    if m:
        return noyear(T, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'(\d{4})[/-](\d{1,2})[/-](\d{1,2})', r)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', r)
    if m:
        return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'(\d{1,2})[/-](\d{1,2})', r)
    if m:
        return noyear(T, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?', r)
    if m:
        mon = EN_MON[m.group(2).lower()]
        if m.group(4):
            d = dt.date(int(m.group(4)), mon, int(m.group(3)))
        else:
            d = noyear(T, mon, int(m.group(3)))
        if m.group(1) and EN_WD[m.group(1).lower()] != d.weekday():
            raise ValueError('weekday mismatch ' + rest)
        return d
    raise ValueError('unparsed day label %r' % rest)


def noyear(T, mo, da):
    d = dt.date(T.year, mo, da)
    if d > T:
        raise ValueError('date without year later than taken_on')
    return d


def parse_label(s, T):
    """-> (date, time or None)"""
    t, rest = parse_time(s)
    return parse_day(rest, T), t


def iso(d, t):
    return '%sT%02d:%02d:00+08:00' % (d.isoformat(), t.hour, t.minute)


# ---------------------------------------------------------------- helpers
def center(b):
    return ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0)


def inside(pt, b):
    return b[0] <= pt[0] <= b[2] and b[1] <= pt[1] <= b[3]


def hexrgb(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def is_red(h):
    r, g, b = hexrgb(h)
    return r > 180 and g < 120 and b < 110


def norm_sender(s):
    if re.fullmatch(r'\+?[\d][\d \-]*\d', s):
        d = re.sub(r'[ \-]', '', s)
        if d.startswith('+86'):
            d = d[3:]
        return d
    return s


def all_ascii(lines):
    return all(ord(c) < 128 for ln in lines for c in ln)


NAME_RES = [
    (re.compile(r'Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png'), 'android'),
    (re.compile(r'Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png'), 'android'),
    (re.compile(r'IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg'), 'jpeg'),
    (re.compile(r'Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png'), 'mac'),
    (re.compile(r'IMG_(\d{4})\.PNG'), 'img'),
]


def name_time(fn):
    for rx, kind in NAME_RES:
        m = rx.fullmatch(fn)
        if m:
            if kind == 'img':
                return kind, None
            g = [int(x) for x in m.groups()]
            return kind, dt.datetime(*g)
    return None, None


# ---------------------------------------------------------------- rebuild
def rebuild_chat(dl, T, fam):
    texts = dl['texts']
    W = dl['size'][0]
    titles = [t for t in texts if t['role'] == 'title']
    if len(titles) != 1:
        err('%s: %d titles' % (dl['file'], len(titles)))
        return []
    title = titles[0]['text']
    bubbles = sorted([s for s in dl['shapes'] if s['role'] == 'bubble'], key=lambda s: s['box'][1])
    lines = [t for t in texts if t['role'] == 'msg_line']
    seps = [t for t in texts if t['role'] == 'sep']
    times = [t for t in texts if t['role'] == 'msg_time']
    nicks = [t for t in texts if t['role'] == 'nick']
    # own times: nearest bubble
    own = {}
    for t in times:
        c = center(t['box'])
        # beside a bubble (its vertical span holds the time), else under the nearest bubble above it
        best = None
        side = [i for i, b in enumerate(bubbles) if b['box'][1] <= c[1] <= b['box'][3]]
        if len(side) == 1:
            best = side[0]
        else:
            above = [i for i, b in enumerate(bubbles) if b['box'][3] <= t['box'][1]]
            if above:
                best = max(above, key=lambda i: bubbles[i]['box'][3])
        if best is None:
            err('%s: own time %r belongs to no bubble' % (dl['file'], t['text']))
            continue
        if best in own:
            err('%s: two own times for one bubble' % dl['file'])
        own[best] = t['text']
    used_lines = 0
    recs = []
    for i, b in enumerate(bubbles):
        bb = b['box']
        ls = sorted([t for t in lines if inside(center(t['box']), bb)], key=lambda t: t['box'][1])
        used_lines += len(ls)
        lt = [t['text'] for t in ls]
        text = ' '.join(lt) if all_ascii(lt) else ''.join(lt)
        direction = 'in' if bb[0] < W - bb[2] else 'out'
        above = [s for s in seps if s['box'][3] <= bb[1]]
        occ = None
        if above:
            sep = max(above, key=lambda s: s['box'][3])
            d, t = parse_label(sep['text'], T)
            if t is None:
                if i not in own:
                    err('%s: date-only separator but no own time' % dl['file'])
                else:
                    ot, rest = parse_time(own[i])
                    if rest:
                        err('%s: odd own time %r' % (dl['file'], own[i]))
                    occ = iso(d, ot)
            else:
                occ = iso(d, t)
        if fam == 'im' and dl['layout'] == 'wechat_group':
            if direction == 'in':
                cand = [n for n in nicks if n['box'][3] <= bb[1] and bb[1] - n['box'][3] < 0.06 * W
                        and abs(n['box'][0] - bb[0]) < 0.05 * W]
                if len(cand) != 1:
                    err('%s: bubble without nickname' % dl['file'])
                    sender = None
                else:
                    sender = cand[0]['text']
            else:
                sender = re.sub(r'\(\d+\)$', '', title)
        elif fam == 'im':
            sender = title
        else:
            sender = norm_sender(title)
        recs.append({'kind': fam, 'sender': sender, 'occurred_at': occ, 'direction': direction, 'text': text,
                     'call_type': None, 'duration_seconds': None})
    if used_lines != len(lines):
        err('%s: message lines outside bubbles' % dl['file'])
    return recs


def head_dir(prims):
    hs = [p for p in prims if p.get('part') == 'head']
    ss = [p for p in prims if p.get('part') == 'shaft']
    if not hs or not ss:
        return None

    def cen(ps):
        xs = [v for p in ps for v in p['p'][0::2]]
        ys = [v for p in ps for v in p['p'][1::2]]
        return sum(xs) / len(xs), sum(ys) / len(ys)
    hx, hy = cen(hs)
    sx, sy = cen(ss)
    if hx > sx and hy < sy:
        return 'outgoing'
    if hx < sx and hy > sy:
        return 'incoming'
    return None


DUR_RE = re.compile(r'^(?:(\d+)小时)?(?:(\d+)分)?(?:(\d+)秒)$')


def parse_dur(s):
    m = DUR_RE.match(s)
    if not m or not any(m.groups()):
        return None
    h, mi, se = (int(x) if x else 0 for x in m.groups())
    return h * 3600 + mi * 60 + se


def rebuild_calls(dl, T, icon_sigs):
    rows = sorted([r for r in dl['regions'] if r['role'] == 'call_row'], key=lambda r: r['box'][1])
    recs = []
    for r in rows:
        rb = r['box']
        ts = [t for t in dl['texts'] if inside(center(t['box']), rb)]
        names = [t for t in ts if t['role'] == 'call_name']
        if len(names) != 1:
            err('%s: row with %d names' % (dl['file'], len(names)))
            continue
        name = names[0]
        labels = [t for t in ts if t['role'] == 'call_time']
        icons = [s for s in dl['shapes'] if s['role'] == 'call_icon' and inside(center(s['box']), rb)]
        red_name = is_red(name['color'])
        ctype = None
        if len(icons) > 1:
            err('%s: two type icons in a row' % dl['file'])
        if icons:
            prims = icons[0]['prims']
            if any(is_red(p['c']) for p in prims):
                ctype = 'missed'
            else:
                ctype = head_dir(prims)
        else:
            ctype = 'missed' if red_name else 'incoming'
        if ctype is None:
            err('%s: unreadable icon' % dl['file'])
        if (ctype == 'missed') != red_name:
            err('%s: name colour disagrees with icon' % dl['file'])
        xl = [t for t in ts if t['role'] == 'call_label']
        dur = None
        if xl:
            lab = xl[0]['text']
            lt = 'outgoing' if lab.startswith('呼出') else ('incoming' if lab.startswith('呼入') else
                                                           ('missed' if '未接' in lab else None))
            if lt != ctype:
                err('%s: label %r disagrees with icon %s' % (dl['file'], lab, ctype))
            tail = lab.split(' ', 1)[1] if ' ' in lab else ''
            dur = parse_dur(tail) if tail else None
        dd = [t for t in ts if t['role'] == 'call_dur']
        if dd:
            dur = parse_dur(dd[0]['text'])
            if dur is None:
                err('%s: unparsed duration %r' % (dl['file'], dd[0]['text']))
        occ = None
        if len(labels) != 1:
            err('%s: row without time label' % dl['file'])
        else:
            d, t = parse_label(labels[0]['text'], T)
            occ = iso(d, t) if t else None
        recs.append({'kind': 'call', 'sender': norm_sender(name['text']), 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
        # icon signature: normalised drawing + red flag + name colour class
        if icons:
            ib = icons[0]['box']
            w = max(1e-6, ib[2] - ib[0])
            h = max(1e-6, ib[3] - ib[1])
            sig = []
            for p in icons[0]['prims']:
                pts = tuple(round((v - ib[0]) / w, 1) if k % 2 == 0 else round((v - ib[1]) / h, 1) for k, v in enumerate(p['p']))
                sig.append((p['t'], p.get('part'), pts, is_red(p['c'])))
            sig = ('icon', tuple(sig), red_name)
        else:
            sig = ('none', red_name)
        icon_sigs.setdefault(dl['layout'], {}).setdefault(sig, set()).add(ctype)
        icon_sigs.setdefault('_rows', []).append((dl['file'], ctype, icons[0]['box'] if icons else None, name['box'], red_name))
    return recs


def rebuild(dl, img_arr, icon_sigs):
    layout = dl['layout']
    fam = 'call' if layout.endswith('_call') else ('im' if layout.startswith('wechat') else 'sms')
    kind, ntime = name_time(dl['file'])
    if kind is None:
        err('%s: bad file name' % dl['file'])
    taken = dt.datetime.fromisoformat(dl['taken_at'])
    T = (ntime or taken).date()
    lum = 0.299 * img_arr[..., 0] + 0.587 * img_arr[..., 1] + 0.114 * img_arr[..., 2]
    dark = bool(np.median(lum) < 110)
    if fam == 'call':
        recs = rebuild_calls(dl, T, icon_sigs)
    else:
        recs = rebuild_chat(dl, T, fam)
    return {'file': dl['file'], 'layout': layout, 'dark': dark, 'taken_on': T.isoformat(), 'thread': dl['thread'],
            'records': recs}


FIELDS_TOP = ['file', 'layout', 'dark', 'taken_on', 'thread']
FIELDS_REC = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']


def compare(truth, built):
    out = []
    for f in FIELDS_TOP:
        if truth.get(f) != built.get(f):
            out.append('%s: %s truth=%r rebuilt=%r' % (truth.get('file'), f, truth.get(f), built.get(f)))
    tr, br = truth.get('records', []), built.get('records', [])
    if len(tr) != len(br):
        out.append('%s: record count truth=%d rebuilt=%d' % (truth.get('file'), len(tr), len(br)))
    for i, (a, b) in enumerate(zip(tr, br)):
        if set(a.keys()) != set(FIELDS_REC):
            out.append('%s: record %d keys %r' % (truth.get('file'), i, sorted(a.keys())))
        for f in FIELDS_REC:
            if a.get(f) != b.get(f):
                out.append('%s: record %d %s truth=%r rebuilt=%r' % (truth.get('file'), i, f, a.get(f), b.get(f)))
    return out


# ---------------------------------------------------------------- pixel and geometry checks
def check_geometry(dl, arr, cmaps):
    W, H = dl['size']
    jpeg = dl['file'].endswith('.jpg')
    tol = 95 if jpeg else 45
    for t in dl['texts']:
        b = t['box']
        if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H or b[0] >= b[2] or b[1] >= b[3]:
            err('%s: text outside image %r' % (dl['file'], t['text']))
            continue
        for ch in t['text']:
            if not cmaps[t['weight']].has(ch):
                err('%s: char %r not in font cmap' % (dl['file'], ch))
        reg = arr[b[1]:b[3], b[0]:b[2]].astype(int)
        col = np.array(hexrgb(t['color']))
        dmin = np.abs(reg - col).max(axis=2).min()
        if dmin > tol:
            err('%s: no ink of colour %s for %r (min diff %d)' % (dl['file'], t['color'], t['text'], dmin))
    ts = dl['texts']
    for i in range(len(ts)):
        a = ts[i]['box']
        for j in range(i + 1, len(ts)):
            b = ts[j]['box']
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                err('%s: overlapping strings %r / %r' % (dl['file'], ts[i]['text'], ts[j]['text']))
    for s in dl['shapes'] + dl['regions']:
        b = s['box']
        if b[0] < -1 or b[1] < -1 or b[2] > W + 1 or b[3] > H + 1:
            err('%s: shape %s outside image' % (dl['file'], s['role']))
    # bubbles: text lines fully inside
    for s in dl['shapes']:
        if s['role'] == 'bubble':
            for t in dl['texts']:
                if t['role'] == 'msg_line' and inside(center(t['box']), s['box']):
                    tb = t['box']
                    if tb[0] < s['box'][0] or tb[2] > s['box'][2] or tb[1] < s['box'][1] - 2 or tb[3] > s['box'][3] + 2:
                        err('%s: line sticks out of bubble' % dl['file'])


def check_names_and_clock(dl, truth):
    kind, ntime = name_time(dl['file'])
    taken = dt.datetime.fromisoformat(dl['taken_at'])
    if ntime is not None:
        if ntime.date().isoformat() != truth['taken_on']:
            err('%s: file-name date != taken_on' % dl['file'])
        if ntime != taken:
            err('%s: file-name time != drawlog taken_at' % dl['file'])
    ref = ntime or taken
    clocks = [t for t in dl['texts'] if t['role'] == 'status_clock']
    if len(clocks) > 1:
        err('%s: several clocks' % dl['file'])
    for c in clocks:
        m = re.fullmatch(r'(\d{1,2}):(\d{2})', c['text'])
        if not m:
            err('%s: clock %r' % (dl['file'], c['text']))
            continue
        h, mi = int(m.group(1)), int(m.group(2))
        ok = mi == ref.minute and (h == ref.hour or (len(m.group(1)) <= 2 and h == (ref.hour % 12 or 12)))
        if not ok:
            err('%s: clock %s != file time %s' % (dl['file'], c['text'], ref.strftime('%H:%M')))
    if not clocks and dl['size'][1] == dl['screen'][1]:
        err('%s: full-height shot without clock' % dl['file'])


def check_pairs(truth_list, draws):
    threads = {}
    for t in truth_list:
        if t['thread']:
            threads.setdefault(t['thread'], []).append(t)
    per_layout = {}
    for th, items in threads.items():
        if len(items) != 2:
            err('thread %s has %d images' % (th, len(items)))
            continue
        a, b = sorted(items, key=lambda t: draws[t['file']]['taken_at'])
        per_layout[a['layout']] = per_layout.get(a['layout'], 0) + 1
        da, db = draws[a['file']], draws[b['file']]
        if a['layout'] != b['layout'] or a['taken_on'] != b['taken_on'] or a['dark'] != b['dark'] or da['screen'] != db['screen']:
            err('thread %s: pair differs in layout/day/dark/size' % th)
        gap = (dt.datetime.fromisoformat(db['taken_at']) - dt.datetime.fromisoformat(da['taken_at'])).total_seconds()
        if not (60 <= gap <= 20 * 60):
            err('thread %s: second shot %.0fs later' % (th, gap))
        k = 0
        for kk in (2, 1):
            if len(a['records']) >= kk and len(b['records']) > kk:
                ta = [(r['sender'], r['direction'], r['text']) for r in a['records'][-kk:]]
                tb = [(r['sender'], r['direction'], r['text']) for r in b['records'][:kk]]
                if ta == tb:
                    k = kk
                    break
        if k == 0:
            err('thread %s: no overlap' % th)
        for r in b['records'][:k]:
            if r['occurred_at'] is not None:
                err('thread %s: overlapped bubble has a time' % th)
        if b['records'][k:] == [] :
            err('thread %s: later shot has nothing new' % th)
    return per_layout


def check_icons(icon_sigs, arrs):
    for layout, sigs in icon_sigs.items():
        if layout == '_rows':
            continue
        for sig, types in sigs.items():
            if len(types) > 1:
                err('%s: one icon drawing used for %s' % (layout, sorted(types)))
        alltypes = set(t for ts in sigs.values() for t in ts)
        if alltypes != {'incoming', 'outgoing', 'missed'}:
            err('%s: not all call types present (%s)' % (layout, sorted(alltypes)))
    # pixels: inside one image, crops of icons of different types must differ
    by_file = {}
    for f, ct, ib, nb, red in icon_sigs.get('_rows', []):
        by_file.setdefault(f, []).append((ct, ib, nb, red))
    for f, rows in by_file.items():
        arr = arrs[f]
        sigs = {}
        for ct, ib, nb, red in rows:
            if ib is None:
                # no glyph: the call type must then show in the colour of the name (read from pixels)
                x0, y0, x1, y1 = [int(round(v)) for v in nb]
                crop = arr[y0:y1, x0:x1].astype(int)
                bg = np.median(crop.reshape(-1, 3), axis=0)
                ink = np.abs(crop - bg).max(axis=2) > 60
                inkcol = crop[ink].mean(axis=0) if ink.any() else bg
                sig = ('none', bool(inkcol[0] > inkcol[1] + 50))
            else:
                x0, y0, x1, y1 = [int(round(v)) for v in ib]
                crop = arr[max(0, y0 - 1):y1 + 2, max(0, x0 - 1):x1 + 2].astype(int)
                bg = np.median(crop.reshape(-1, 3), axis=0)
                ink = np.abs(crop - bg).max(axis=2) > 60
                ys, xs = np.nonzero(ink)
                if len(xs) == 0:
                    err('%s: icon without ink' % f)
                    continue
                sub = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
                im = Image.fromarray((sub * 255).astype('uint8')).resize((16, 16))
                mask = (np.asarray(im) > 100)
                sig = (mask, colour_class(crop[ink].mean(axis=0)))
            sigs.setdefault(ct, []).append(sig)
        types = list(sigs)
        for i in range(len(types)):
            for j in range(i + 1, len(types)):
                for s1 in sigs[types[i]]:
                    for s2 in sigs[types[j]]:
                        if same_pix(s1, s2):
                            err('%s: %s and %s look the same' % (f, types[i], types[j]))


def colour_class(rgb):
    r, g, b = [float(v) for v in rgb]
    if max(r, g, b) - min(r, g, b) < 40:
        return 'grey'
    if r >= g and r >= b:
        return 'red'
    if g >= b:
        return 'green'
    return 'blue'


PIX_DIFF = []


def same_pix(a, b):
    if isinstance(a[0], str) and isinstance(b[0], str):
        return a == b
    if isinstance(a[0], str) or isinstance(b[0], str):
        return False
    d = float((a[0] != b[0]).mean())
    if a[1] != b[1]:
        return False
    PIX_DIFF.append(d)
    return d < 0.08


# ---------------------------------------------------------------- main
def main():
    truth_list = [json.loads(l) for l in open(os.path.join(ROOT, 'truth.jsonl'), encoding='utf-8')]
    draw_list = [json.loads(l) for l in open(os.path.join(ROOT, 'drawlog.jsonl'), encoding='utf-8')]
    draws = {d['file']: d for d in draw_list}
    truths = {t['file']: t for t in truth_list}
    if len(draws) != len(draw_list) or len(truths) != len(truth_list):
        err('duplicate file entries')
    if set(draws) != set(truths):
        err('truth and drawlog list different files')
    on_disk = set(f for f in os.listdir(ROOT) if f.lower().endswith(('.png', '.jpg')))
    if on_disk != set(truths):
        err('images on disk differ from truth: %r' % sorted(on_disk ^ set(truths))[:5])
    cmaps = {k: Cmap(p) for k, p in FONT_FILES.items()}
    icon_sigs = {}
    arrs = {}
    built = {}
    for t in truth_list:
        dl = draws.get(t['file'])
        if dl is None:
            continue
        im = Image.open(os.path.join(ROOT, t['file']))
        if list(im.size) != dl['size']:
            err('%s: image size %r != drawlog %r' % (t['file'], im.size, dl['size']))
        if (im.format == 'JPEG') != t['file'].endswith('.jpg'):
            err('%s: format %s' % (t['file'], im.format))
        arr = np.asarray(im.convert('RGB'))
        arrs[t['file']] = arr
        check_geometry(dl, arr, cmaps)
        check_names_and_clock(dl, t)
        b = rebuild(dl, arr, icon_sigs)
        built[t['file']] = b
        for e in compare(t, b):
            err(e)
        if len(t['records']) < 2:
            err('%s: fewer than 2 records' % t['file'])
    pairs = check_pairs(truth_list, draws)
    for lay in ['huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en',
                'wechat_private', 'wechat_group']:
        if not 1 <= pairs.get(lay, 0) <= 2:
            err('%s: %d overlap pairs' % (lay, pairs.get(lay, 0)))
    check_icons(icon_sigs, arrs)
    if PIX_DIFF:
        print('icon crops of different call types (same colour class): smallest mask difference %.3f' % min(PIX_DIFF))
    if len(truth_list) < 130:
        err('only %d images' % len(truth_list))

    # mutation test: 4 altered truth fields must give exactly 4 errors
    mut = copy.deepcopy(truth_list)
    chat = [t for t in mut if not t['layout'].endswith('_call')]
    calls = [t for t in mut if t['layout'].endswith('_call')]
    chat[3]['records'][0]['text'] += '元'
    r = chat[11]['records'][-1]
    r['occurred_at'] = '2026-01-01T00:00:00+08:00' if r['occurred_at'] != '2026-01-01T00:00:00+08:00' else None
    chat[20]['dark'] = not chat[20]['dark']
    c = calls[5]['records'][1]
    c['call_type'] = 'outgoing' if c['call_type'] != 'outgoing' else 'missed'
    n_mut = sum(len(compare(t, built[t['file']])) for t in mut)
    print('mutation test: 4 fields altered -> %d errors' % n_mut)
    if n_mut != 4:
        err('mutation test gave %d errors instead of 4' % n_mut)

    # summary
    n_rec = sum(len(t['records']) for t in truth_list)
    print('images %d, records %d' % (len(truth_list), n_rec))
    for e in ERRORS[:60]:
        print('ERROR', e)
    print('errors %d' % len(ERRORS))
    return 0 if not ERRORS else 1


if __name__ == '__main__':
    sys.exit(main())
