#!/usr/bin/env python3
"""check_set.py - independent checker for ocr_set9.

Shares no code with make_set.py.  It rebuilds every record from drawlog.jsonl
by geometry only (strings, their ink boxes and roles; shapes and their boxes)
and compares the result with truth.jsonl field by field.  It also checks the
images, fonts, file names, status clocks, overlap pairs, and runs a mutation
test (4 altered truth fields must give exactly 4 errors).

Usage:  python verify/check_set.py [set_dir]
Exit code 0 when there are no errors and the mutation test passes.
"""
import copy
import datetime as dt
import json
import os
import re
import sys

from PIL import Image, ImageStat
from fontTools.ttLib import TTCollection, TTFont

SET = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else \
    os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TOP_KEYS = ['file', 'layout', 'dark', 'taken_on', 'thread', 'records']
REC_KEYS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
FIELDS = REC_KEYS

# ------------------------------------------------------------------ fonts

_cmaps = {}


def find_font_file(fname):
    for root, _, files in os.walk('/usr/share/fonts'):
        if fname in files:
            return os.path.join(root, fname)
    return None


def cmap_for(fontdesc):
    if fontdesc in _cmaps:
        return _cmaps[fontdesc]
    head = fontdesc.split(' ')[0]
    if '#' in head:
        fname, idx = head.split('#')
        idx = int(idx)
    else:
        fname, idx = head, 0
    path = find_font_file(fname)
    if path is None:
        _cmaps[fontdesc] = None
        return None
    if path.endswith('.ttc'):
        f = TTCollection(path).fonts[idx]
    else:
        f = TTFont(path)
    cm = set(f.getBestCmap().keys())
    _cmaps[fontdesc] = cm
    return cm

# ------------------------------------------------------------------ label parsing

CN_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'monday': 0, 'tuesday': 1, 'wednesday': 2, 'thursday': 3, 'friday': 4, 'saturday': 5, 'sunday': 6}
EN_WD3 = {k[:3]: v for k, v in EN_WD.items()}
EN_MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct',
                                           'nov', 'dec'])}


class LabelError(Exception):
    pass


def split_time(s):
    """-> (rest, (h, m) or None)"""
    m = re.search(r'(\d{1,2}):(\d{2})\s*(AM|PM|am|pm)$', s)
    if m:
        h = int(m.group(1))
        if not 1 <= h <= 12:
            raise LabelError('bad 12h hour in %r' % s)
        h = h % 12 + (12 if m.group(3).lower() == 'pm' else 0)
        return s[:m.start()], (h, int(m.group(2)))
    m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)?(\d{1,2}):(\d{2})$', s)
    if m:
        h = int(m.group(2))
        mi = int(m.group(3))
        p = m.group(1)
        if p is None:
            if h > 23:
                raise LabelError(s)
        else:
            if not 1 <= h <= 12:
                raise LabelError('bad 12h hour in %r' % s)
            if p in ('凌晨', '早上', '上午'):
                h = h % 12
            elif p == '中午':
                h = h if h >= 11 else h + 12
            else:
                h = h % 12 + 12
        return s[:m.start()], (h, mi)
    return s, None


def weekday_date(wd, taken):
    for k in range(2, 7):
        d = taken - dt.timedelta(days=k)
        if d.weekday() == wd:
            return d
    raise LabelError('weekday')


def parse_day(rest, taken, allow_empty):
    r = rest.strip()
    if r.endswith(' at'):
        r = r[:-3].strip()
    r = r.rstrip(',').strip()
    if r == '':
        if allow_empty:
            return taken
        raise LabelError('empty day')
    if r in ('今天', 'Today'):
        return taken
    if r in ('昨天', 'Yesterday'):
        return taken - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', r)
    if m:
        return weekday_date(CN_WD[m.group(1)], taken)
    if r.lower() in EN_WD:
        return weekday_date(EN_WD[r.lower()], taken)
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(?:星期|周)([一二三四五六日天]))?', r)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(4) and CN_WD[m.group(4)] != d.weekday():
            raise LabelError('weekday mismatch %r' % r)
        if d.year >= taken.year:
            pass
        return d
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日(?:\s*(?:星期|周)([一二三四五六日天]))?', r)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        if m.group(3) and CN_WD[m.group(3)] != d.weekday():
            raise LabelError('weekday mismatch %r' % r)
        if d > taken:
            raise LabelError('yearless date later than taken_on: %r' % r)
        return d
    m = re.fullmatch(r'(\d{4})[/-](\d{1,2})[/-](\d{1,2})', r)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', r)
    if m:
        return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'([A-Za-z]{3}), ([A-Za-z]{3}) (\d{1,2})(?:, (\d{4}))?', r)
    if m:
        y = int(m.group(4)) if m.group(4) else taken.year
        d = dt.date(y, EN_MON[m.group(2).lower()], int(m.group(3)))
        if EN_WD3[m.group(1).lower()] != d.weekday():
            raise LabelError('weekday mismatch %r' % r)
        if not m.group(4) and d > taken:
            raise LabelError('yearless date later than taken_on: %r' % r)
        return d
    raise LabelError('unparsed day %r' % r)


def parse_label(s, taken):
    """-> (date, (h,m) or None)"""
    rest, tm = split_time(s.strip())
    d = parse_day(rest, taken, allow_empty=tm is not None)
    if d > taken:
        raise LabelError('label later than taken_on %r' % s)
    return d, tm


def iso(d, tm):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, tm[0], tm[1])


def norm_sender(s):
    if re.fullmatch(r'\+?[\d][\d \-]*', s):
        s = s.replace(' ', '').replace('-', '')
        if s.startswith('+86'):
            s = s[3:]
    return s

# ------------------------------------------------------------------ geometry helpers


def cy(b):
    return (b[1] + b[3]) / 2.0


def cx(b):
    return (b[0] + b[2]) / 2.0


def inside(inner, outer, tol=1):
    return inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol and inner[2] <= outer[2] + tol and \
        inner[3] <= outer[3] + tol


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

# ------------------------------------------------------------------ rebuild


def rebuild_chat(log, taken):
    layout = log['layout']
    S = log['strings']
    errs = []
    titles = [s for s in S if s['role'] == 'header_title']
    if len(titles) != 1:
        return None, ['%d header titles' % len(titles)]
    title = titles[0]['text']
    bubbles = sorted([sh for sh in log['shapes'] if sh['role'] == 'bubble'], key=lambda b: b['bbox'][1])
    lines = [s for s in S if s['role'] == 'msg_line']
    members = [[] for _ in bubbles]
    for ln in lines:
        hit = [i for i, b in enumerate(bubbles) if inside(ln['bbox'], b['bbox'])]
        if len(hit) != 1:
            errs.append('msg line %r in %d bubbles' % (ln['text'], len(hit)))
            continue
        members[hit[0]].append(ln)
    seps = sorted([s for s in S if s['role'] == 'separator'], key=lambda s: s['bbox'][1])
    owns = [s for s in S if s['role'] == 'own_time']
    nicks = [s for s in S if s['role'] == 'nickname']
    own_of = {}
    for o in owns:
        ob = o['bbox']
        beside = [i for i, b in enumerate(bubbles) if b['bbox'][1] <= cy(ob) <= b['bbox'][3]]
        if len(beside) == 1:
            i = beside[0]
        else:
            above = [i for i, b in enumerate(bubbles) if b['bbox'][3] <= ob[1]]
            if not above:
                errs.append('own time %r without bubble' % o['text'])
                continue
            i = max(above, key=lambda k: bubbles[k]['bbox'][3])
            # must be closer than the next bubble below
        if i in own_of:
            errs.append('two own times for one bubble')
        own_of[i] = o
    recs = []
    for i, b in enumerate(bubbles):
        bb = b['bbox']
        ls = sorted(members[i], key=lambda s: s['bbox'][1])
        if not ls:
            errs.append('empty bubble')
            continue
        whole = ''.join(s['text'] for s in ls)
        if all(ord(c) < 128 for c in whole):
            text = ' '.join(s['text'] for s in ls)
        else:
            text = ''.join(s['text'] for s in ls)
        direction = b['side']
        above = [s for s in seps if s['bbox'][3] <= bb[1]]
        if layout == 'wechat_group' and direction == 'in':
            # nickname: directly above the bubble
            cand = [n for n in nicks if n['bbox'][3] <= bb[1] and bb[1] - n['bbox'][3] < 3 * n['size']]
            if len(cand) != 1:
                errs.append('nickname for bubble: %d candidates' % len(cand))
                sender = None
            else:
                sender = cand[0]['text']
        elif layout == 'wechat_group':
            sender = re.sub(r'\(\d+\)$', '', title)
        else:
            sender = norm_sender(title)
        occ = None
        if above:
            sep = above[-1]
            try:
                d, tm = parse_label(sep['text'], taken)
                if tm is None:
                    if i not in own_of:
                        errs.append('date-only separator and no own time')
                    else:
                        rest, otm = split_time(own_of[i]['text'])
                        if rest.strip() or otm is None:
                            errs.append('bad own time %r' % own_of[i]['text'])
                        else:
                            occ = iso(d, otm)
                else:
                    occ = iso(d, tm)
            except LabelError as e:
                errs.append('label: %s' % e)
        recs.append({'kind': 'im' if layout.startswith('wechat') else 'sms', 'sender': sender,
                     'occurred_at': occ, 'direction': direction, 'text': text, 'call_type': None,
                     'duration_seconds': None, '_top': bb[1]})
    return recs, errs


def is_red(col):
    c = col.lstrip('#')
    r, g, b = int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
    return r > 200 and g < 110 and b < 110


def rebuild_calls(log, taken):
    S = log['strings']
    errs = []
    names = sorted([s for s in S if s['role'] == 'call_name'], key=lambda s: s['bbox'][1])
    if not names:
        return [], ['no call rows']
    tops = [n['bbox'][1] for n in names]
    gaps = [tops[i + 1] - tops[i] for i in range(len(tops) - 1)] or [300]
    bands = []
    for i in range(len(names)):
        g_prev = gaps[i - 1] if i > 0 else gaps[0]
        g_next = gaps[i] if i < len(gaps) else gaps[-1]
        bands.append((tops[i] - 0.25 * g_prev, tops[i] + 0.75 * g_next))
    row_roles = ('call_name', 'call_count', 'call_sub', 'call_tag', 'call_time')
    rows = [{'strings': [], 'icons': []} for _ in names]
    for s in S:
        if s['role'] not in row_roles:
            continue
        c = cy(s['bbox'])
        hit = [i for i, b in enumerate(bands) if b[0] <= c < b[1]]
        if len(hit) != 1:
            errs.append('row string %r in %d bands' % (s['text'], len(hit)))
            continue
        rows[hit[0]]['strings'].append(s)
    for sh in log['shapes']:
        if sh['role'] != 'call_icon':
            continue
        c = cy(sh['bbox'])
        hit = [i for i, b in enumerate(bands) if b[0] <= c < b[1]]
        if len(hit) != 1:
            errs.append('call icon in %d bands' % len(hit))
            continue
        rows[hit[0]]['icons'].append(sh['icon'])
    recs = []
    for i, row in enumerate(rows):
        by_role = {}
        for s in row['strings']:
            by_role.setdefault(s['role'], []).append(s)
        if len(by_role.get('call_name', [])) != 1 or len(by_role.get('call_time', [])) != 1:
            errs.append('row %d: name/time count' % i)
            continue
        name = by_role['call_name'][0]
        sender = norm_sender(name['text'])
        subtexts = [s['text'] for s in sorted(by_role.get('call_sub', []), key=lambda s: s['bbox'][0])]
        t_text = None
        for st in subtexts:
            if st.startswith('未接来电') or st == '未接' or st.startswith('未接 '):
                t_text = 'missed'
            elif st.startswith('呼出'):
                t_text = 'outgoing'
            elif st.startswith('呼入'):
                t_text = 'incoming'
        t_icon = None
        if row['icons']:
            if len(set(row['icons'])) != 1:
                errs.append('row %d: mixed icons' % i)
            t_icon = {'in': 'incoming', 'out': 'outgoing', 'missed': 'missed'}[row['icons'][0]]
        red = is_red(name['colour'])
        if t_text:
            ctype = t_text
        elif t_icon:
            ctype = t_icon
        elif red:
            ctype = 'missed'
        else:
            ctype = 'incoming'
        if t_icon and t_icon != ctype:
            errs.append('row %d: icon %s disagrees with label %s' % (i, t_icon, ctype))
        if red != (ctype == 'missed'):
            errs.append('row %d: red name vs type %s' % (i, ctype))
        dur = None
        for st in subtexts:
            m = re.search(r'(?:(\d+)分)?(\d+)秒', st)
            if m:
                if dur is not None:
                    errs.append('row %d: two durations' % i)
                dur = int(m.group(1) or 0) * 60 + int(m.group(2))
        occ = None
        try:
            d, tm = parse_label(by_role['call_time'][0]['text'], taken)
            if tm is not None:
                occ = iso(d, tm)
        except LabelError as e:
            errs.append('row %d label: %s' % (i, e))
        recs.append({'kind': 'call', 'sender': sender, 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur, '_top': name['bbox'][1]})
    return recs, errs

# ------------------------------------------------------------------ file names

RX_NAMES = [
    (re.compile(r'^Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png$'), 'android'),
    (re.compile(r'^Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png$'), 'android'),
    (re.compile(r'^IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg$'), 'jpeg'),
    (re.compile(r'^Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png$'), 'ios'),
    (re.compile(r'^IMG_(\d{4})\.PNG$'), 'ios_nodate'),
]


def name_info(fn):
    for rx, kind in RX_NAMES:
        m = rx.match(fn)
        if m:
            g = [int(x) for x in m.groups()]
            if kind == 'ios_nodate':
                return kind, None, None
            return kind, dt.date(g[0], g[1], g[2]), (g[3], g[4], g[5])
    return None, None, None


def clock_of(log):
    cl = [s for s in log['strings'] if s['role'] == 'status_clock']
    if len(cl) != 1:
        return None
    m = re.fullmatch(r'(\d{1,2}):(\d{2})', cl[0]['text'])
    if not m:
        return None
    return int(m.group(1)), int(m.group(2))

# ------------------------------------------------------------------ main checks


def compare(truth_by_file, rebuilt):
    errors = []
    for fn in sorted(truth_by_file):
        t = truth_by_file[fn]
        rb = rebuilt.get(fn)
        if rb is None:
            errors.append('%s: not rebuilt' % fn)
            continue
        tr = t['records']
        if len(tr) != len(rb):
            errors.append('%s: %d truth records vs %d rebuilt' % (fn, len(tr), len(rb)))
            continue
        for k, (a, b) in enumerate(zip(tr, rb)):
            for f in FIELDS:
                if a.get(f, '<missing>') != b[f]:
                    errors.append('%s rec %d field %s: truth %r rebuilt %r' % (fn, k, f, a.get(f), b[f]))
    return errors


def main():
    errors = []
    warn = []
    truth = [json.loads(l) for l in open(os.path.join(SET, 'truth.jsonl'), encoding='utf-8')]
    logs = [json.loads(l) for l in open(os.path.join(SET, 'drawlog.jsonl'), encoding='utf-8')]
    tb = {t['file']: t for t in truth}
    lb = {l['file']: l for l in logs}
    if len(tb) != len(truth) or set(tb) != set(lb):
        errors.append('truth/drawlog file sets differ or duplicate')
    on_disk = sorted(f for f in os.listdir(SET) if f.lower().endswith(('.png', '.jpg')))
    if sorted(tb) != on_disk:
        errors.append('images on disk differ from truth: %s' % (set(on_disk) ^ set(tb)))
    rebuilt = {}
    nstr = 0
    for fn in sorted(tb):
        t = tb[fn]
        log = lb.get(fn)
        if list(t.keys()) != TOP_KEYS:
            errors.append('%s: top keys %s' % (fn, list(t.keys())))
        for r in t['records']:
            if list(r.keys()) != REC_KEYS:
                errors.append('%s: record keys %s' % (fn, list(r.keys())))
        if log is None:
            continue
        if log['layout'] != t['layout'] or log['dark'] != t['dark']:
            errors.append('%s: layout/dark differ between truth and drawlog' % fn)
        taken = dt.date.fromisoformat(t['taken_on'])
        if not dt.date(2025, 6, 1) <= taken <= dt.date(2026, 11, 30):
            errors.append('%s: taken_on out of range' % fn)
        # image file
        path = os.path.join(SET, fn)
        if not os.path.exists(path):
            errors.append('%s: missing image' % fn)
            continue
        im = Image.open(path)
        if list(im.size) != list(log['size']):
            errors.append('%s: size %s vs logged %s' % (fn, im.size, log['size']))
        if im.format != log['format']:
            errors.append('%s: format %s vs logged %s' % (fn, im.format, log['format']))
        if log['format'] == 'JPEG' and not (70 <= (log['jpeg_quality'] or 0) <= 92):
            errors.append('%s: jpeg quality' % fn)
        im = im.convert('L')
        W, H = im.size
        # strings
        S = log['strings']
        for s in S:
            nstr += 1
            b = s['bbox']
            if not (0 <= b[0] <= b[2] <= W and 0 <= b[1] <= b[3] <= H):
                errors.append('%s: string %r outside image' % (fn, s['text']))
                continue
            if s['text'] != s['text'].strip() or not s['text']:
                errors.append('%s: string %r starts/ends with space' % (fn, s['text']))
            cm = cmap_for(s['font'])
            if cm is None:
                errors.append('%s: font %s not found' % (fn, s['font']))
            else:
                miss = [c for c in s['text'] if ord(c) not in cm]
                if miss:
                    errors.append('%s: chars %r not in %s' % (fn, miss, s['font']))
            if b[2] - b[0] >= 2 and b[3] - b[1] >= 2:
                crop = im.crop((b[0], b[1], b[2], b[3]))
                if ImageStat.Stat(crop).stddev[0] < 8:
                    errors.append('%s: no ink visible for %r' % (fn, s['text']))
        for i in range(len(S)):
            for j in range(i + 1, len(S)):
                if overlap(S[i]['bbox'], S[j]['bbox']):
                    errors.append('%s: ink boxes overlap %r / %r' % (fn, S[i]['text'], S[j]['text']))
        # file name vs taken_on and clock
        kind, ndate, ntime = name_info(fn)
        if kind is None:
            errors.append('%s: bad file name' % fn)
        clock = clock_of(log)
        if clock is None:
            errors.append('%s: no status clock' % fn)
        if ndate is not None:
            if ndate != taken:
                errors.append('%s: name date %s != taken_on %s' % (fn, ndate, taken))
            if clock is not None:
                h, m = clock
                ok = (h == ntime[0] and m == ntime[1])
                if t['layout'].endswith('_en'):
                    ok = ok or ((ntime[0] % 12 or 12) == h and m == ntime[1])
                if not ok:
                    errors.append('%s: status clock %s != file time %s' % (fn, clock, ntime))
        if kind in ('ios', 'ios_nodate') and not (t['layout'].startswith('iphone') or t['layout'].startswith('wechat')):
            errors.append('%s: iPhone name on android layout' % fn)
        if kind == 'android' and t['layout'].startswith('iphone'):
            errors.append('%s: android name on iPhone layout' % fn)
        # rebuild
        if t['layout'].endswith('_calls') or t['layout'].endswith('_calls_en'):
            recs, e = rebuild_calls(log, taken)
        else:
            recs, e = rebuild_chat(log, taken)
        errors += ['%s: %s' % (fn, x) for x in e]
        if recs is not None:
            # today records must not be later than the status clock
            for r in recs:
                if r['occurred_at'] and clock and r['occurred_at'][:10] == t['taken_on']:
                    hh, mm = int(r['occurred_at'][11:13]), int(r['occurred_at'][14:16])
                    ch = clock[0]
                    if t['layout'].endswith('_en') and ndate is not None:
                        ch = ntime[0]
                    if ndate is not None and (hh, mm) > (ch, clock[1]):
                        errors.append('%s: record later than screenshot' % fn)
            rebuilt[fn] = recs
    errors += compare(tb, rebuilt)
    # overlap pairs
    threads = {}
    for fn in sorted(tb):
        if tb[fn]['thread']:
            threads.setdefault(tb[fn]['thread'], []).append(fn)
    for tid, fns in sorted(threads.items()):
        if len(fns) != 2:
            errors.append('thread %s has %d images' % (tid, len(fns)))
            continue
        a, b = [tb[f] for f in fns]
        ca, cb = clock_of(lb[fns[0]]), clock_of(lb[fns[1]])
        if (ca or (0, 0)) > (cb or (0, 0)):
            a, b = b, a
            fns = fns[::-1]
        if a['layout'] != b['layout'] or a['taken_on'] != b['taken_on'] or a['dark'] != b['dark'] or \
                lb[fns[0]]['size'] != lb[fns[1]]['size']:
            errors.append('thread %s: not same phone/day' % tid)
        ok = False
        for k in (1, 2):
            if len(a['records']) < k or len(b['records']) < k:
                continue
            ea, eb = a['records'][-k:], b['records'][:k]
            if all(x['text'] == y['text'] and x['direction'] == y['direction'] and x['sender'] == y['sender']
                   for x, y in zip(ea, eb)) and all(y['occurred_at'] is None for y in eb):
                ok = True
                break
        if not ok:
            errors.append('thread %s: no 1-2 bubble overlap' % tid)
        # no separator above the first bubble of the later shot
        lg = lb[fns[1]]
        bub = sorted([s for s in lg['shapes'] if s['role'] == 'bubble'], key=lambda s: s['bbox'][1])
        if bub and any(s['bbox'][3] <= bub[0]['bbox'][1] for s in lg['strings'] if s['role'] == 'separator'):
            errors.append('thread %s: separator above first bubble of later shot' % tid)
        if not any(r['occurred_at'] for r in b['records']):
            warn.append('thread %s: later shot has no dated record' % tid)
    # mutation test
    mt = copy.deepcopy(tb)
    files = sorted(f for f in mt if mt[f]['records'])
    chat = [f for f in files if mt[f]['records'][0]['kind'] != 'call']
    calls = [f for f in files if mt[f]['records'][0]['kind'] == 'call']
    mt[chat[0]]['records'][0]['text'] += '了'
    mt[chat[1]]['records'][-1]['direction'] = 'in' if mt[chat[1]]['records'][-1]['direction'] == 'out' else 'out'
    r = mt[calls[0]]['records'][0]
    r['call_type'] = 'outgoing' if r['call_type'] != 'outgoing' else 'missed'
    r = mt[calls[1]]['records'][-1]
    r['sender'] = r['sender'] + '0'
    mut_errors = compare(mt, rebuilt)
    mut_ok = len(mut_errors) == len(compare(tb, rebuilt)) + 4
    nrec = sum(len(t['records']) for t in truth)
    for e in errors[:200]:
        print('ERROR', e)
    for w in warn:
        print('WARN', w)
    print('images %d, records %d, strings %d, threads %d' % (len(tb), nrec, nstr, len(threads)))
    print('errors: %d' % len(errors))
    print('mutation test: %s (%d errors for 4 altered fields)' % ('PASS' if mut_ok else 'FAIL',
                                                                  len(mut_errors) - len(compare(tb, rebuilt))))
    return 0 if (not errors and mut_ok) else 1


if __name__ == '__main__':
    sys.exit(main())
