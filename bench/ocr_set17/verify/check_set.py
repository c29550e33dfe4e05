#!/usr/bin/env python3
"""verify/check_set.py -- independent checker for the frozen set ocr_set17.

Shares no code with make_set.py.  It reads drawlog.jsonl (what was drawn,
where), the images and truth.jsonl, and

  * rebuilds every record from drawlog geometry with its own parsers
    (headers, bubbles, separators, per-message times, nicknames, call rows,
    call icons) and compares field by field with truth.jsonl;
  * checks every text box lies inside the image and carries ink;
  * checks no two drawn strings overlap;
  * checks every character is in the cmap of the Noto Sans CJK SC face;
  * checks file-name date == taken_on and status-bar clock == file-name time;
  * checks that overlap pairs really overlap;
  * checks that call types never share an icon drawing within a layout;
  * runs a mutation test (4 altered truth fields -> exactly 4 errors).

Usage: python verify/check_set.py            (prints "errors N")
"""
import copy
import datetime as dt
import json
import os
import re
import sys

from PIL import Image
from fontTools.ttLib import TTCollection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TTC = {'regular': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
       'bold': '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'}

CHAT_DATE_ONLY = {'huawei_sms', 'honor_sms', 'vivo_sms'}
SMS = {'huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en'}
IM = {'wechat_private', 'wechat_group'}
CALLS = {'huawei_call', 'honor_call', 'xiaomi_call', 'oppo_call', 'vivo_call', 'iphone_call',
         'iphone_call_en'}
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']

CN_WEEK = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WEEK = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday',
                                       'saturday', 'sunday'])}
EN_WEEK_S = {n[:3]: i for n, i in EN_WEEK.items()}
EN_MON = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug',
                                          'sep', 'oct', 'nov', 'dec'])}


class Errors:
    def __init__(self):
        self.items = []

    def add(self, where, msg):
        self.items.append('%s: %s' % (where, msg))


# ------------------------------------------------------------------ parsing helpers
class ParseError(Exception):
    pass


def weekday_date(wd, today):
    for back in range(2, 7):
        d = today - dt.timedelta(days=back)
        if d.weekday() == wd:
            return d
    raise ParseError('weekday not within 2-6 days')


def no_year_date(m, d, today):
    x = dt.date(today.year, m, d)
    if x > today:
        raise ParseError('year-less date later than taken_on')
    return x


def parse_cn_day(tok, today):
    """One Chinese day token (or two for iOS 'M月D日 周X').  Returns date."""
    tok = tok.strip()
    if tok == '今天':
        return today
    if tok == '昨天':
        return today - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', tok)
    if m:
        return weekday_date(CN_WEEK[m.group(1)], today)
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', tok)
    if m:
        x = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if x.year == today.year:
            raise ParseError('same-year date printed with year')
        return x
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日(?: (?:星期|周)([一二三四五六日天]))?', tok)
    if m:
        x = no_year_date(int(m.group(1)), int(m.group(2)), today)
        if m.group(3) and CN_WEEK[m.group(3)] != x.weekday():
            raise ParseError('weekday does not match date')
        return x
    m = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', tok)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ParseError('unknown Chinese day %r' % tok)


def parse_cn_time(tok):
    m = re.fullmatch(r'(凌晨|早上|上午|中午|下午|晚上)?\s?(\d{1,2}):(\d{2})', tok.strip())
    if not m:
        raise ParseError('bad time %r' % tok)
    p, h, mi = m.group(1), int(m.group(2)), int(m.group(3))
    if p is None:
        if not (0 <= h <= 23):
            raise ParseError('hour')
    elif p in ('凌晨', '早上', '上午'):
        if not (1 <= h <= 12):
            raise ParseError('hour')
        h = 0 if h == 12 else h
    else:  # 中午 下午 晚上
        if not (1 <= h <= 12):
            raise ParseError('hour')
        h = 12 if h == 12 else h + 12
    if not (0 <= mi <= 59):
        raise ParseError('minute')
    return h, mi


def parse_en_time(tok):
    m = re.fullmatch(r'(\d{1,2}):(\d{2}) (AM|PM)', tok.strip())
    if not m:
        raise ParseError('bad English time %r' % tok)
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(3) == 'AM':
        h = 0 if h == 12 else h
    else:
        h = 12 if h == 12 else h + 12
    return h, mi


def parse_en_day(tok, today):
    t = tok.strip()
    low = t.lower()
    if low == 'today':
        return today
    if low == 'yesterday':
        return today - dt.timedelta(days=1)
    if low in EN_WEEK:
        return weekday_date(EN_WEEK[low], today)
    m = re.fullmatch(r'([A-Za-z]{3}), ([A-Za-z]{3}) (\d{1,2})', t)
    if m:
        x = no_year_date(EN_MON[m.group(2).lower()], int(m.group(3)), today)
        if EN_WEEK_S[m.group(1).lower()] != x.weekday():
            raise ParseError('weekday mismatch')
        return x
    m = re.fullmatch(r'([A-Za-z]{3}) (\d{1,2}), (\d{4})', t)
    if m:
        return dt.date(int(m.group(3)), EN_MON[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', t)
    if m:
        return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    raise ParseError('unknown English day %r' % tok)


def parse_label(s, today):
    """Parse any separator / call label.  Returns (date or None, (h, m) or None)."""
    s = s.strip()
    # English forms
    m = re.fullmatch(r'(.+?) at (\d{1,2}:\d{2} [AP]M)', s)
    if m:
        return parse_en_day(m.group(1), today), parse_en_time(m.group(2))
    m = re.fullmatch(r'(\d{1,2}:\d{2} [AP]M)', s)
    if m:
        return today, parse_en_time(m.group(1))
    m = re.fullmatch(r'([A-Za-z]+) (\d{1,2}:\d{2} [AP]M)', s)
    if m:
        return parse_en_day(m.group(1), today), parse_en_time(m.group(2))
    if re.fullmatch(r'[A-Za-z]+|\d{1,2}/\d{1,2}/\d{2}', s):
        return parse_en_day(s, today), None
    # Chinese forms
    parts = s.split(' ')
    tm = None
    if re.fullmatch(r'(凌晨|早上|上午|中午|下午|晚上)?\d{1,2}:\d{2}', parts[-1]):
        tm = parse_cn_time(parts[-1])
        parts = parts[:-1]
    if not parts:
        return today, tm
    return parse_cn_day(' '.join(parts), today), tm


def to_iso(d, hm):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, hm[0], hm[1])


def norm_sender(s):
    if re.fullmatch(r'[+\d][\d \-]*', s):
        digits = re.sub(r'\D', '', s)
        if s.startswith('+86'):
            digits = digits[2:]
        return digits
    return s


def join_lines(lines):
    if all(ord(c) < 128 for ln in lines for c in ln):
        return ' '.join(lines)
    return ''.join(lines)


def is_red(col):
    r, g, b = int(col[1:3], 16), int(col[3:5], 16), int(col[5:7], 16)
    return r > 200 and g < 110 and b < 100


def cx(b):
    return (b[0] + b[2]) / 2.0


def cy(b):
    return (b[1] + b[3]) / 2.0


def inside(pt, b):
    return b[0] <= pt[0] <= b[2] and b[1] <= pt[1] <= b[3]


# ------------------------------------------------------------------ rebuild: chats
def rebuild_chat(dl, today, err, where):
    L = dl['layout']
    W = dl['w']
    u = W / 1080.0
    texts = [it for it in dl['items'] if it['k'] == 'text']
    shapes = [it for it in dl['items'] if it['k'] == 'shape']
    titles = [t for t in texts if t['role'] == 'header_title']
    if len(titles) != 1:
        err.add(where, 'expected one header title, got %d' % len(titles))
        return []
    title = titles[0]['text']
    bubbles = sorted([s for s in shapes if s['role'] == 'bubble'], key=lambda s: s['box'][1])
    seps = [t for t in texts if t['role'] == 'sep']
    times = [t for t in texts if t['role'] == 'msg_time']
    nicks = [t for t in texts if t['role'] == 'nickname']
    lines_all = [t for t in texts if t['role'] == 'bubble_text']
    used_lines = set()
    # the area where bubbles may live: below the header, above the input bar
    top_lim = max([s['box'][3] for s in shapes if s['role'] == 'header_bg'] or [0])
    bot_lim = min([s['box'][1] for s in shapes if s['role'] in ('input_bg', 'input_field')] or [dl['h']])
    recs = []
    for b in bubbles:
        bx = b['box']
        if bx[1] < top_lim or bx[3] > bot_lim or bx[0] < 0 or bx[2] > W:
            err.add(where, 'bubble not fully visible %r' % bx)
        lines = [t for t in lines_all if inside((cx(t['box']), cy(t['box'])), bx)]
        for t in lines:
            used_lines.add(id(t))
            tb = t['box']
            if tb[0] < bx[0] or tb[1] < bx[1] or tb[2] > bx[2] or tb[3] > bx[3]:
                err.add(where, 'text %r sticks out of its bubble' % t['text'])
        lines.sort(key=lambda t: t['box'][1])
        if not lines:
            err.add(where, 'empty bubble %r' % bx)
            continue
        text = join_lines([t['text'] for t in lines])
        direction = 'out' if cx(bx) > W / 2 else 'in'
        # nearest separator above
        above = [s for s in seps if s['box'][3] <= bx[1]]
        sep = max(above, key=lambda s: s['box'][3]) if above else None
        occ = None
        try:
            if L in CHAT_DATE_ONLY:
                cand = [t for t in times if bx[1] <= cy(t['box']) <= bx[3] + 52 * u
                        and t['box'][0] <= bx[2] + 260 * u and t['box'][2] >= bx[0] - 260 * u]
                if len(cand) != 1:
                    err.add(where, 'bubble %r has %d own times' % (bx, len(cand)))
                    own = None
                else:
                    own = parse_cn_time(cand[0]['text'])
                if sep is not None and own is not None:
                    d, tm = parse_label(sep['text'], today)
                    if tm is not None:
                        err.add(where, 'date-only separator shows a time: %r' % sep['text'])
                    occ = to_iso(d, own)
            elif sep is not None:
                d, tm = parse_label(sep['text'], today)
                if tm is None:
                    err.add(where, 'separator without time: %r' % sep['text'])
                else:
                    occ = to_iso(d, tm)
        except ParseError as e:
            err.add(where, 'parse error: %s' % e)
        if L in IM:
            if L == 'wechat_group':
                group = re.sub(r'\(\d+\)$', '', title)
                if group == title:
                    err.add(where, 'group title without (N)')
                if direction == 'in':
                    cand = [t for t in nicks if bx[1] - 70 * u <= t['box'][3] <= bx[1] + 2
                            and abs(t['box'][0] - bx[0]) < 40 * u]
                    if len(cand) != 1:
                        err.add(where, 'incoming group bubble without nickname')
                        sender = None
                    else:
                        sender = cand[0]['text']
                else:
                    sender = group
            else:
                sender = title
            kind = 'im'
        else:
            sender = norm_sender(title)
            kind = 'sms'
        recs.append({'kind': kind, 'sender': sender, 'occurred_at': occ, 'direction': direction,
                     'text': text, 'call_type': None, 'duration_seconds': None,
                     '_box': bx, '_sep': sep is not None})
    if len(used_lines) != len(lines_all):
        err.add(where, '%d bubble lines outside any bubble' % (len(lines_all) - len(used_lines)))
    return recs


# ------------------------------------------------------------------ rebuild: calls
def arrow_kind(icons):
    """Classify a call-icon group from its geometry."""
    lines = [s for s in icons if s['shape'] == 'line']
    heads = [s for s in icons if s['shape'] == 'poly' and len(s['pts']) == 3]
    if any(len(s['pts']) >= 3 for s in lines):
        return 'missed'
    two = [s for s in lines if len(s['pts']) == 2]
    if len(two) != 1 or len(heads) != 1:
        return None
    h = heads[0]['pts']
    tip = (sum(p[0] for p in h) / 3.0, sum(p[1] for p in h) / 3.0)
    a, b = two[0]['pts']
    da = (a[0] - tip[0]) ** 2 + (a[1] - tip[1]) ** 2
    db = (b[0] - tip[0]) ** 2 + (b[1] - tip[1]) ** 2
    tail = a if da > db else b
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    if dx > 0 and dy < 0:
        return 'outgoing'
    if dx < 0 and dy > 0:
        return 'incoming'
    return None


def parse_duration(s):
    m = re.search(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', s)
    if not m:
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))


def rebuild_calls(dl, today, err, where, sigs):
    L = dl['layout']
    W = dl['w']
    u = W / 1080.0
    texts = [it for it in dl['items'] if it['k'] == 'text']
    shapes = [it for it in dl['items'] if it['k'] == 'shape']
    names = sorted([t for t in texts if t['role'] == 'call_name'], key=lambda t: t['box'][1])
    bot_lim = min([s['box'][1] for s in shapes if s['role'] in ('tabbar_bg', 'fab_area')] or [dl['h']])
    recs = []
    prev_date = None
    for i, nm in enumerate(names):
        y0 = nm['box'][1] - 40 * u
        y1 = names[i + 1]['box'][1] - 40 * u if i + 1 < len(names) else bot_lim

        def band(it):
            return y0 <= cy(it['box']) < y1
        rt = [t for t in texts if band(t) and (t['role'].startswith('call_') or t['role'] == 'sim_badge')]
        icons = [s for s in shapes if s['role'] == 'call_icon' and band(s)]
        counts = [t for t in rt if t['role'] == 'call_count']
        for c in counts:
            if not re.fullmatch(r'\(\d+\)', c['text']):
                err.add(where, 'bad counter %r' % c['text'])
        labels = [t for t in rt if t['role'] == 'call_time']
        subs = [t['text'] for t in rt if t['role'] == 'call_sub']
        row_bottom = max([t['box'][3] for t in rt] + [s['box'][3] for s in icons])
        beyond = [t for t in texts if t['role'].startswith('call_') and t['box'][3] > bot_lim]
        if row_bottom > bot_lim or (i == len(names) - 1 and beyond):
            err.add(where, 'call row %d not fully visible' % i)
        # call type from the pixels' geometry
        if icons:
            typ = arrow_kind(icons)
            if typ is None:
                err.add(where, 'row %d: icon not understood' % i)
        else:
            typ = 'missed' if is_red(nm['color']) else 'incoming'
        sub_typ = None
        for s in subs:
            if '未接通' in s:
                sub_typ = 'outgoing'
            elif '呼入' in s:
                sub_typ = 'incoming'
            elif '呼出' in s:
                sub_typ = 'outgoing'
            elif '未接' in s:
                sub_typ = 'missed'
        if sub_typ and sub_typ != typ:
            err.add(where, 'row %d: label says %s, icon says %s' % (i, sub_typ, typ))
        if (typ == 'missed') != is_red(nm['color']):
            err.add(where, 'row %d: red name does not match missed' % i)
        dur = None
        for s in subs:
            if '未接通' in s:
                continue
            v = parse_duration(s)
            if v is not None:
                dur = v
        if typ == 'missed' and dur is not None:
            err.add(where, 'missed call with duration')
        occ = None
        if len(labels) != 1:
            err.add(where, 'row %d has %d time labels' % (i, len(labels)))
        else:
            try:
                d, tm = parse_label(labels[0]['text'], today)
                if tm is not None:
                    occ = to_iso(d, tm)
                if prev_date is not None and d > prev_date:
                    err.add(where, 'rows not in time order')
                prev_date = d
            except ParseError as e:
                err.add(where, 'row %d parse error: %s' % (i, e))
        # icon signature: the icon drawing relative to its own origin + name colour
        if icons:
            ox = min(s['box'][0] for s in icons)
            oy = min(s['box'][1] for s in icons)
            sig = []
            for s in sorted(icons, key=lambda s: (s['shape'], s['box'])):
                pts = [(p[0] - ox, p[1] - oy) for p in s.get('pts', [])]
                b = (s['box'][0] - ox, s['box'][1] - oy, s['box'][2] - ox, s['box'][3] - oy)
                sig.append((s['shape'], s.get('fill'), s.get('outline'), tuple(pts), b))
            sig = tuple(sig)
        else:
            sig = ()
        sigs.setdefault(L, []).append((typ, sig, nm['color'].upper(), where))
        recs.append({'kind': 'call', 'sender': norm_sender(nm['text']), 'occurred_at': occ,
                     'direction': 'out' if typ == 'outgoing' else 'in', 'text': None,
                     'call_type': typ, 'duration_seconds': dur})
    return recs


# ------------------------------------------------------------------ file names / clock
def file_time(fn):
    pats = [r'Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png',
            r'Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png',
            r'IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg',
            r'Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png']
    for p in pats:
        m = re.fullmatch(p, fn)
        if m:
            v = [int(x) for x in m.groups()]
            return dt.datetime(*v)
    if re.fullmatch(r'IMG_\d{4}\.PNG', fn):
        return 'nodate'
    return None


def clock_of(dl):
    cl = [t for t in dl['items'] if t['k'] == 'text' and t['role'] == 'status_clock']
    if len(cl) != 1:
        return None
    m = re.fullmatch(r'(\d{1,2}):(\d{2})', cl[0]['text'])
    if not m:
        return None
    return int(m.group(1)), int(m.group(2))


# ------------------------------------------------------------------ comparison
def compare(truth, rebuilt, err):
    n = 0
    for t in truth:
        fn = t['file']
        rb = rebuilt.get(fn)
        if rb is None:
            err.add(fn, 'no rebuilt records')
            n += 1
            continue
        if len(rb) != len(t['records']):
            err.add(fn, 'record count truth %d vs drawn %d' % (len(t['records']), len(rb)))
            n += 1
            continue
        for i, (a, b) in enumerate(zip(t['records'], rb)):
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    err.add(fn, 'record %d field %s: truth %r vs drawn %r' % (i, f, a.get(f), b.get(f)))
                    n += 1
    return n


def check_truth_format(t, err):
    fn = t['file']
    if set(t.keys()) != {'file', 'layout', 'dark', 'taken_on', 'thread', 'records'}:
        err.add(fn, 'truth keys %r' % sorted(t.keys()))
    if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', t['taken_on']):
        err.add(fn, 'taken_on format')
    kind = 'sms' if t['layout'] in SMS else 'im' if t['layout'] in IM else 'call'
    for r in t['records']:
        if set(r.keys()) != set(FIELDS):
            err.add(fn, 'record keys %r' % sorted(r.keys()))
        if r['kind'] != kind:
            err.add(fn, 'kind %r in %s' % (r['kind'], t['layout']))
        o = r['occurred_at']
        if o is not None and not re.fullmatch(r'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00', o):
            err.add(fn, 'occurred_at format %r' % o)
        if o is not None and o[:10] > t['taken_on']:
            err.add(fn, 'occurred_at after taken_on')
        if r['direction'] not in ('in', 'out'):
            err.add(fn, 'direction')
        if kind == 'call':
            if r['text'] is not None or r['call_type'] not in ('incoming', 'outgoing', 'missed'):
                err.add(fn, 'call fields')
        else:
            if not r['text'] or r['call_type'] is not None or r['duration_seconds'] is not None:
                err.add(fn, 'message fields')


def main():
    err = Errors()
    truth = [json.loads(l) for l in open(os.path.join(ROOT, 'truth.jsonl'), encoding='utf-8')]
    draws = [json.loads(l) for l in open(os.path.join(ROOT, 'drawlog.jsonl'), encoding='utf-8')]
    dmap = {d['file']: d for d in draws}
    if len(dmap) != len(draws) or len({t['file'] for t in truth}) != len(truth):
        err.add('set', 'duplicate file names')
    if set(dmap) != {t['file'] for t in truth}:
        err.add('set', 'truth and drawlog list different files')
    on_disk = {f for f in os.listdir(ROOT) if f.lower().endswith(('.png', '.jpg'))}
    if on_disk != set(dmap):
        err.add('set', 'images on disk differ from drawlog: %r' % sorted(on_disk ^ set(dmap))[:5])

    cmaps = {}
    for w, path in TTC.items():
        col = TTCollection(path, lazy=True)
        for f in col.fonts:
            fam = [n.toUnicode() for n in f['name'].names if n.nameID == 1]
            if 'Noto Sans CJK SC' in fam:
                cmaps[w] = set(f.getBestCmap().keys())
                break
    if set(cmaps) != {'regular', 'bold'}:
        err.add('font', 'SC face not found')

    rebuilt = {}
    sigs = {}
    n_texts = 0
    for t in truth:
        fn = t['file']
        check_truth_format(t, err)
        dl = dmap.get(fn)
        if dl is None:
            continue
        if dl['layout'] != t['layout'] or dl['dark'] != t['dark']:
            err.add(fn, 'layout/dark differ between truth and drawlog')
        today = dt.date.fromisoformat(t['taken_on'])
        # image
        im = Image.open(os.path.join(ROOT, fn))
        if im.size != (dl['w'], dl['h']):
            err.add(fn, 'image size %r vs drawlog %r' % (im.size, (dl['w'], dl['h'])))
        fmt = 'JPEG' if fn.endswith('.jpg') else 'PNG'
        if im.format != fmt:
            err.add(fn, 'format %s' % im.format)
        gray = im.convert('L')
        texts = [it for it in dl['items'] if it['k'] == 'text']
        n_texts += len(texts)
        for it in texts:
            b = it['box']
            if b[0] < 0 or b[1] < 0 or b[2] > dl['w'] or b[3] > dl['h'] or b[0] >= b[2] or b[1] >= b[3]:
                err.add(fn, 'text outside image: %r' % it['text'])
                continue
            lo, hi = gray.crop(tuple(b)).getextrema()
            if hi - lo < 30:
                err.add(fn, 'no ink for %r' % it['text'])
            cm = cmaps.get(it['weight'], set())
            bad = [c for c in it['text'] if ord(c) not in cm]
            if bad:
                err.add(fn, 'chars outside cmap %r' % bad)
        for i in range(len(texts)):
            a = texts[i]['box']
            for j in range(i + 1, len(texts)):
                b = texts[j]['box']
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    err.add(fn, 'overlapping strings %r / %r' % (texts[i]['text'], texts[j]['text']))
        for it in dl['items']:
            if it['k'] == 'shape' and it['role'] in ('bubble', 'call_icon'):
                b = it['box']
                if b[0] < 0 or b[1] < 0 or b[2] > dl['w'] or b[3] > dl['h']:
                    err.add(fn, 'shape outside image')
        # file name / clock
        ft = file_time(fn)
        clk = clock_of(dl)
        if ft is None:
            err.add(fn, 'file name pattern not allowed')
        elif clk is None:
            err.add(fn, 'no status-bar clock')
        elif ft != 'nodate':
            if ft.date() != today:
                err.add(fn, 'file date %s != taken_on %s' % (ft.date(), today))
            h, m = clk
            if not (m == ft.minute and (h == ft.hour or (h <= 12 and h == (ft.hour % 12 or 12)))):
                err.add(fn, 'clock %d:%02d != file time %s' % (h, m, ft.time()))
        # rebuild
        if t['layout'] in CALLS:
            rebuilt[fn] = rebuild_calls(dl, today, err, fn, sigs)
        else:
            rebuilt[fn] = rebuild_chat(dl, today, err, fn)

    # field-by-field comparison
    clean = {k: [{f: r[f] for f in FIELDS} for r in v] for k, v in rebuilt.items()}
    compare(truth, clean, err)

    # overlap pairs
    threads = {}
    for t in truth:
        if t['thread'] is not None:
            threads.setdefault(t['thread'], []).append(t)
    for th, ts in sorted(threads.items()):
        if len(ts) != 2:
            err.add(th, 'thread has %d shots' % len(ts))
            continue
        a, b = ts
        ca, cb = clock_of(dmap[a['file']]), clock_of(dmap[b['file']])
        ma, mb = ca[0] * 60 + ca[1], cb[0] * 60 + cb[1]
        d = (mb - ma) % 720
        if not (1 <= d <= 60):
            if 1 <= (ma - mb) % 720 <= 60:
                a, b = b, a
            else:
                err.add(th, 'pair not a few minutes apart')
                continue
        if a['layout'] != b['layout'] or a['dark'] != b['dark'] or a['taken_on'] != b['taken_on'] \
                or (dmap[a['file']]['w'], dmap[a['file']]['h']) != (dmap[b['file']]['w'], dmap[b['file']]['h']):
            err.add(th, 'pair shots differ in phone/day')
        ra, rb = rebuilt[a['file']], rebuilt[b['file']]
        ok = False
        for k in (2, 1):
            if len(ra) >= k and len(rb) > k and all(
                    (x['sender'], x['direction'], x['text']) == (y['sender'], y['direction'], y['text'])
                    for x, y in zip(ra[-k:], rb[:k])):
                if all(y['occurred_at'] is None and not y['_sep'] for y in rb[:k]):
                    if k == 1 and len(ra) >= 2 and len(rb) >= 2 and \
                            (ra[-2]['text'], ra[-2]['direction']) == (rb[0]['text'], rb[0]['direction']):
                        continue
                    ok = True
                    break
        if not ok:
            err.add(th, 'later shot does not start with the last 1-2 bubbles of the earlier one')
    n_pairs = len(threads)

    # icons per call type
    for L, rows in sorted(sigs.items()):
        by_type = {}
        for typ, sig, col, where in rows:
            mark = (sig, col if L.startswith('iphone') else None)
            by_type.setdefault(typ, set()).add(mark)
        types = sorted(by_type)
        for i in range(len(types)):
            for j in range(i + 1, len(types)):
                if by_type[types[i]] & by_type[types[j]]:
                    err.add(L, 'call types %s and %s share an icon drawing' % (types[i], types[j]))
        if not L.startswith('iphone'):
            for typ in types:
                if any(m[0] == () for m in by_type[typ]):
                    err.add(L, '%s row without icon' % typ)

    # mutation test: alter 4 truth fields -> exactly 4 errors
    mut = copy.deepcopy(truth)
    done = []
    for t in mut:
        for r in t['records']:
            if len(done) == 0 and r['kind'] == 'sms':
                r['text'] = r['text'] + '。'
                done.append('sms text')
            elif len(done) == 1 and r['kind'] == 'im' and r['occurred_at']:
                d = dt.datetime.fromisoformat(r['occurred_at']) + dt.timedelta(days=1)
                r['occurred_at'] = d.strftime('%Y-%m-%dT%H:%M:00+08:00')
                done.append('im occurred_at')
            elif len(done) == 2 and r['kind'] == 'call' and r['call_type'] == 'missed':
                r['call_type'] = 'incoming'
                done.append('call type')
            elif len(done) == 3 and r['kind'] == 'call' and r['duration_seconds']:
                r['duration_seconds'] += 1
                done.append('duration')
    merr = Errors()
    nm = compare(mut, clean, merr)
    mutation_ok = (len(done) == 4 and nm == 4)
    if not mutation_ok:
        err.add('mutation', 'expected 4 errors, got %d (%r)' % (nm, done))

    # summary
    per = {}
    for t in truth:
        p = per.setdefault(t['layout'], [0, 0, 0, 0, 0, 0])
        p[0] += 1
        p[1] += len(t['records'])
        p[2] += t['dark']
        p[3] += t['file'].endswith('.jpg')
        p[4] += t['thread'] is not None
        p[5] += sum(1 for r in t['records'] if r['occurred_at'] is None)
    print('%-16s %5s %7s %4s %4s %9s %9s' % ('layout', 'files', 'records', 'dark', 'jpeg',
                                             'pair-shots', 'null-time'))
    for L in sorted(per):
        p = per[L]
        print('%-16s %5d %7d %4d %4d %9d %9d' % (L, p[0], p[1], p[2], p[3], p[4], p[5]))
    print('images %d, records %d, texts %d, overlap pairs %d' % (
        len(truth), sum(len(t['records']) for t in truth), n_texts, n_pairs))
    print('mutation test: %d altered fields -> %d errors (%s)' % (len(done), nm,
                                                                   'ok' if mutation_ok else 'FAIL'))
    for e in err.items[:60]:
        print('ERROR', e)
    print('errors %d' % len(err.items))
    return 1 if err.items else 0


if __name__ == '__main__':
    sys.exit(main())
