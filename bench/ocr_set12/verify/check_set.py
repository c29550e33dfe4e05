#!/usr/bin/env python3
"""check_set.py -- independent checker for ocr_set12 (shares no code with make_set.py).

Rebuilds every record from drawlog.jsonl by geometry alone (bubbles, rows, separators,
own times, nicknames, icons), with its own date/time parsers, and compares the result
with truth.jsonl field by field.  Also checks: text inside the image, no overlapping
strings, every character in the font cmap, file-name date == taken_on, status clock ==
file-name time, image files exist with the logged size/format, overlap pairs overlap,
call icons differ by call type, and a mutation test (4 altered truth fields -> exactly
4 errors).  Exit code 0 and "TOTAL ERRORS: 0" when everything holds.

    /tmp/set12venv/bin/python verify/check_set.py
"""
import os, re, sys, json, copy, datetime as dt
from collections import defaultdict
from PIL import Image
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.dirname(HERE)
FONT_REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
DAY_TIME_LAYOUTS = ('huawei_sms', 'honor_sms', 'vivo_sms')  # date-only separator + own time


# ----------------------------------------------------------------- parsing helpers
CN_WEEK = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WEEK = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])}
EN_WEEK_A = {n[:3]: i for n, i in EN_WEEK.items()}
EN_MONTH = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}
TIME_RX = re.compile(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(?:\s*(AM|PM|am|pm))?')


def to24(period, h, ampm):
    if ampm:
        ampm = ampm.upper()
        if ampm == 'AM':
            return 0 if h == 12 else h
        return 12 if h == 12 else h + 12
    if period in ('凌晨', '早上', '上午'):
        return 0 if h == 12 else h
    if period in ('中午', '下午', '晚上'):
        return 12 if h == 12 else h + 12
    return h


class ParseError(Exception):
    pass


def weekday_back(taken, wd):
    for back in range(2, 7):
        d = taken - dt.timedelta(days=back)
        if d.weekday() == wd:
            return d
    raise ParseError('weekday')


def parse_label(s, taken):
    """-> (date, time or None).  Raises ParseError for anything unknown."""
    s0 = s.strip()
    tm = None
    m = None
    for mm in TIME_RX.finditer(s0):
        m = mm
    rest = s0
    if m:
        h, mi = int(m.group(2)), int(m.group(3))
        if m.group(1) or m.group(4):
            if not 1 <= h <= 12:
                raise ParseError('12h hour')
        h = to24(m.group(1), h, m.group(4))
        if not (0 <= h <= 23 and 0 <= mi <= 59):
            raise ParseError('time range')
        tm = dt.time(h, mi)
        rest = (s0[:m.start()] + ' ' + s0[m.end():]).strip()
    rest = re.sub(r'\bat$', '', rest).strip().rstrip(',').strip()
    low = rest.lower()
    if rest == '':
        if tm is None:
            raise ParseError('empty')
        return taken, tm
    if rest in ('今天',) or low == 'today':
        return taken, tm
    if rest == '昨天' or low == 'yesterday':
        return taken - dt.timedelta(days=1), tm
    mw = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', rest)
    if mw:
        return weekday_back(taken, CN_WEEK[mw.group(1)]), tm
    if low in EN_WEEK:
        return weekday_back(taken, EN_WEEK[low]), tm
    wd_check = None
    mw2 = re.search(r'\s*(?:星期|周)([一二三四五六日天])$', rest)
    if mw2:
        wd_check = CN_WEEK[mw2.group(1)]
        rest = rest[:mw2.start()].strip()
    d = None
    mm = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', rest)
    if mm:
        d = dt.date(int(mm.group(1)), int(mm.group(2)), int(mm.group(3)))
    mm = mm or None
    if d is None:
        m2 = re.fullmatch(r'(\d{1,2})月(\d{1,2})日', rest)
        if m2:
            d = dt.date(taken.year, int(m2.group(1)), int(m2.group(2)))
            if d > taken:
                raise ParseError('future yearless date')
    if d is None:
        m3 = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', rest)
        if m3:
            d = dt.date(int(m3.group(1)), int(m3.group(2)), int(m3.group(3)))
    if d is None:
        m4 = re.fullmatch(r'([A-Za-z]{3}), ([A-Za-z]{3}) (\d{1,2})(?:, (\d{4}))?', rest)
        if m4:
            y = int(m4.group(4)) if m4.group(4) else taken.year
            d = dt.date(y, EN_MONTH[m4.group(2).lower()], int(m4.group(3)))
            wd_check = EN_WEEK_A[m4.group(1).lower()]
            if not m4.group(4) and d > taken:
                raise ParseError('future yearless date')
    if d is None:
        m5 = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', rest)
        if m5:
            d = dt.date(2000 + int(m5.group(3)), int(m5.group(1)), int(m5.group(2)))
    if d is None:
        raise ParseError('unknown label %r' % s)
    if wd_check is not None and d.weekday() != wd_check:
        raise ParseError('weekday mismatch %r' % s)
    if d > taken:
        raise ParseError('date after taken_on %r' % s)
    return d, tm


def iso_of(d, t):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, t.hour, t.minute)


PHONE_RX = re.compile(r'^\+?[\d][\d \-]{2,}$')


def norm_sender(s):
    if PHONE_RX.match(s):
        d = s.replace(' ', '').replace('-', '')
        if d.startswith('+86'):
            d = d[3:]
        return d
    return s


def parse_duration(s):
    m = re.fullmatch(r'(?:(\d+)小时)?(?:(\d+)分)?(?:(\d+)秒)', s)
    if not m or not any(m.groups()):
        raise ParseError('duration %r' % s)
    h, mi, se = (int(x) if x else 0 for x in m.groups())
    return h * 3600 + mi * 60 + se


def is_red(c):
    c = c.lstrip('#')
    r, g, b = int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
    return r > 200 and g < 110 and b < 100


def cx(b):
    return (b[0] + b[2]) / 2


def cy(b):
    return (b[1] + b[3]) / 2


def inside(pt, box):
    return box[0] <= pt[0] <= box[2] and box[1] <= pt[1] <= box[3]


def xoverlap(a, b):
    return min(a[2], b[2]) - max(a[0], b[0]) > 0


# ----------------------------------------------------------------- rebuild
def rebuild_chat(dl, taken, problems):
    L = dl['layout']
    W = dl['size'][0]
    k = W / 1080.0
    texts = [it for it in dl['items'] if it['type'] == 'text']
    bubbles = sorted([it for it in dl['items'] if it['type'] == 'shape' and it['kind'] == 'bubble'], key=lambda it: it['box'][1])
    titles = [t for t in texts if t['role'] == 'header_title']
    if len(titles) != 1:
        problems.append('header title count %d' % len(titles))
        return []
    title = titles[0]['text']
    # separator lines (parts on one line are joined with a space)
    seps = sorted([t for t in texts if t['role'] == 'separator'], key=lambda t: (cy(t['box']), t['box'][0]))
    lines = []
    for t in seps:
        if lines and abs(cy(lines[-1][-1]['box']) - cy(t['box'])) < 12:
            lines[-1].append(t)
        else:
            lines.append([t])
    sep_lines = []
    for ln in lines:
        ln.sort(key=lambda t: t['box'][0])
        sep_lines.append((' '.join(t['text'] for t in ln), max(t['box'][3] for t in ln)))
    msgs = [t for t in texts if t['role'] == 'msg']
    used = set()
    recs = []
    for b in bubbles:
        bb = b['box']
        mine = sorted([t for t in msgs if inside((cx(t['box']), cy(t['box'])), bb)], key=lambda t: t['box'][1])
        for t in mine:
            used.add(id(t))
            if not (t['box'][0] >= bb[0] and t['box'][2] <= bb[2] and t['box'][1] >= bb[1] and t['box'][3] <= bb[3]):
                problems.append('text leaves bubble: %r' % t['text'])
        if not mine:
            problems.append('empty bubble at %r' % bb)
            continue
        ls = [t['text'] for t in mine]
        if all(all(ord(c) < 128 for c in x) for x in ls):
            text = ' '.join(ls)
        else:
            text = ''.join(ls)
            for x in ls:
                if x != x.strip():
                    problems.append('Chinese line breaks on a space: %r' % x)
        direction = 'in' if cx(bb) < W / 2 else 'out'
        above = [s for s in sep_lines if s[1] <= bb[1]]
        sep = max(above, key=lambda s: s[1]) if above else None
        occ = None
        if L in DAY_TIME_LAYOUTS:
            if L == 'vivo_sms':
                own = [t for t in texts if t['role'] == 'msg_time' and bb[1] <= cy(t['box']) <= bb[3] and
                       (t['box'][2] <= bb[0] or t['box'][0] >= bb[2])]
            else:
                own = [t for t in texts if t['role'] == 'msg_time' and 0 <= t['box'][1] - bb[3] <= 45 * k and
                       t['box'][0] < bb[2] + 5 and t['box'][2] > bb[0] - 5]
            if len(own) != 1:
                problems.append('own time count %d for %r' % (len(own), text[:12]))
                continue
            if sep:
                d, tm = parse_label(sep[0], taken)
                if tm is not None:
                    problems.append('date-only separator has a time: %r' % sep[0])
                _, ot = parse_label(own[0]['text'], taken)
                occ = iso_of(d, ot)
        elif sep:
            d, tm = parse_label(sep[0], taken)
            if tm is None:
                problems.append('separator without time: %r' % sep[0])
            else:
                occ = iso_of(d, tm)
        if L == 'wechat_group':
            if direction == 'out':
                sender = re.sub(r'\(\d+\)$', '', title)
            else:
                nk = [t for t in texts if t['role'] == 'nickname' and 0 <= bb[1] - t['box'][3] <= 40 * k and abs(t['box'][0] - bb[0]) < 20 * k]
                if len(nk) != 1:
                    problems.append('nickname count %d' % len(nk))
                    continue
                sender = nk[0]['text']
        elif L == 'wechat_private':
            sender = title
        else:
            sender = norm_sender(title)
        recs.append({'kind': 'im' if L.startswith('wechat') else 'sms', 'sender': sender, 'occurred_at': occ,
                     'direction': direction, 'text': text, 'call_type': None, 'duration_seconds': None})
    stray = [t['text'] for t in msgs if id(t) not in used]
    if stray:
        problems.append('message text outside any bubble: %r' % stray)
    return recs


ICON_TYPE = {'icon_call_out': 'outgoing', 'icon_call_in': 'incoming', 'icon_call_missed': 'missed'}


def rebuild_calls(dl, taken, problems, icon_sigs):
    L = dl['layout']
    texts = [it for it in dl['items'] if it['type'] == 'text']
    names = sorted([t for t in texts if t['role'] == 'call_name'], key=lambda t: cy(t['box']))
    if not names:
        problems.append('no call rows')
        return []
    ys = [cy(t['box']) for t in names]
    gaps = [b - a for a, b in zip(ys, ys[1:])]
    gap = sorted(gaps)[len(gaps) // 2] if gaps else 200
    icons = [it for it in dl['items'] if it['type'] == 'shape' and it['kind'] in ICON_TYPE]
    recs = []
    for i, nm in enumerate(names):
        y0 = ys[i] - 0.4 * gap
        y1 = ys[i + 1] - 0.4 * gap if i + 1 < len(names) else ys[i] + 0.6 * gap
        band = lambda b: y0 <= cy(b) < y1
        row_t = [t for t in texts if band(t['box'])]
        row_i = [it for it in icons if band(it['box'])]
        cnt = [t for t in row_t if t['role'] == 'call_count']
        for c in cnt:
            if not re.fullmatch(r'\(\d+\)', c['text']):
                problems.append('bad count %r' % c['text'])
        if len(row_i) > 1:
            problems.append('several call icons in one row')
        if row_i:
            ctype = ICON_TYPE[row_i[0]['kind']]
        elif L == 'iphone_calls':
            ctype = 'missed' if is_red(nm['color']) else 'incoming'
        else:
            problems.append('row without icon: %r' % nm['text'])
            continue
        if L == 'iphone_calls' and ctype == 'incoming' and row_i:
            problems.append('iPhone incoming with icon')
        if is_red(nm['color']) != (ctype == 'missed'):
            problems.append('missed/red mismatch: %r' % nm['text'])
        if row_i:
            it = row_i[0]
            x0, y0b, x1, y1b = it['box']
            s = max(1.0, x1 - x0)
            sig = []
            for p in it['parts']:
                for key in ('polygon', 'points'):
                    if key in p:
                        sig.append((key, tuple((round((q[0] - x0) / s, 2), round((q[1] - y0b) / s, 2)) for q in p[key])))
            icon_sigs[L][ctype].add(tuple(sig))
        labels = [t['text'] for t in row_t if t['role'] == 'call_label']
        for lab in labels:
            exp = {'呼入': 'incoming', '呼出': 'outgoing', '未接': 'missed', '未接来电': 'missed', '未接通': 'outgoing'}.get(lab)
            if lab.startswith('响铃'):
                exp = 'missed'
            if exp and exp != ctype:
                problems.append('label %r disagrees with icon %s' % (lab, ctype))
        durs = [t for t in row_t if t['role'] == 'call_duration']
        dur = parse_duration(durs[0]['text']) if durs else None
        if durs and L not in ('xiaomi_calls', 'oppo_calls', 'vivo_calls'):
            problems.append('duration shown on %s' % L)
        tl = [t for t in row_t if t['role'] == 'call_time']
        if len(tl) != 1:
            problems.append('call time count %d' % len(tl))
            continue
        d, tm = parse_label(tl[0]['text'], taken)
        occ = iso_of(d, tm) if tm is not None else None
        recs.append({'kind': 'call', 'sender': norm_sender(nm['text']), 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
    return recs


def compare(truth_rows, rebuilt, tag_errors):
    n = 0
    for tr in truth_rows:
        f = tr['file']
        got = rebuilt.get(f)
        if got is None:
            tag_errors.append('%s: not rebuilt' % f)
            n += 1
            continue
        exp = tr['records']
        if len(exp) != len(got):
            tag_errors.append('%s: %d truth records vs %d drawn' % (f, len(exp), len(got)))
            n += 1
            continue
        for i, (a, b) in enumerate(zip(exp, got)):
            if list(a.keys()) != FIELDS:
                tag_errors.append('%s[%d]: keys %r' % (f, i, list(a.keys())))
                n += 1
            for fld in FIELDS:
                if a.get(fld) != b.get(fld):
                    tag_errors.append('%s[%d].%s: truth %r vs drawn %r' % (f, i, fld, a.get(fld), b.get(fld)))
                    n += 1
    return n


# ----------------------------------------------------------------- main
def main():
    errors = []
    truth = [json.loads(l) for l in open(os.path.join(BASE, 'truth.jsonl'), encoding='utf-8')]
    draw = [json.loads(l) for l in open(os.path.join(BASE, 'drawlog.jsonl'), encoding='utf-8')]
    dmap = {d['file']: d for d in draw}
    if len(dmap) != len(draw) or len(truth) != len(draw) or set(dmap) != {t['file'] for t in truth}:
        errors.append('truth/drawlog file lists differ')
    on_disk = {f for f in os.listdir(BASE) if f.lower().endswith(('.png', '.jpg'))}
    if on_disk != set(dmap):
        errors.append('images on disk differ from drawlog: %r' % sorted(on_disk ^ set(dmap)))
    ttc_r = TTCollection(FONT_REG)
    ttc_b = TTCollection(FONT_BOLD)
    cm_r = ttc_r.fonts[2].getBestCmap()
    cm_b = ttc_b.fonts[2].getBestCmap()
    assert ttc_r.fonts[2]['name'].getDebugName(1) == 'Noto Sans CJK SC'

    rebuilt = {}
    icon_sigs = defaultdict(lambda: defaultdict(set))
    clock_of = {}
    for tr in truth:
        f = tr['file']
        dl = dmap.get(f)
        if dl is None:
            continue
        taken = dt.date.fromisoformat(tr['taken_on'])
        W, H = dl['size']
        if dl['layout'] != tr['layout'] or dl['dark'] != tr['dark']:
            errors.append('%s: layout/dark differ between truth and drawlog' % f)
        # file exists, size, format
        p = os.path.join(BASE, f)
        try:
            im = Image.open(p)
            if list(im.size) != [W, H]:
                errors.append('%s: size %r != logged %r' % (f, im.size, dl['size']))
            fmt = 'JPEG' if dl['jpeg_quality'] else 'PNG'
            if im.format != fmt:
                errors.append('%s: format %s != %s' % (f, im.format, fmt))
            if dl['jpeg_quality'] and not (70 <= dl['jpeg_quality'] <= 92 and f.endswith('.jpg')):
                errors.append('%s: jpeg quality/name' % f)
        except Exception as e:
            errors.append('%s: cannot open (%s)' % (f, e))
        # file name date/time
        m = (re.fullmatch(r'Screenshot_(\d{4})(\d\d)(\d\d)_(\d\d)(\d\d)(\d\d)\.png', f) or
             re.fullmatch(r'Screenshot_(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)\.png', f) or
             re.fullmatch(r'IMG_(\d{4})(\d\d)(\d\d)_(\d\d)(\d\d)(\d\d)\.jpg', f) or
             re.fullmatch(r'Screenshot (\d{4})-(\d\d)-(\d\d) at (\d\d)\.(\d\d)\.(\d\d)\.png', f))
        clocks = [t for t in dl['items'] if t['type'] == 'text' and t['role'] == 'status_clock']
        if len(clocks) != 1:
            errors.append('%s: %d status clocks' % (f, len(clocks)))
            clock = None
        else:
            cm = re.fullmatch(r'(\d{1,2}):(\d\d)', clocks[0]['text'])
            clock = (int(cm.group(1)), int(cm.group(2))) if cm else None
            if clock is None:
                errors.append('%s: bad clock' % f)
        clock_of[f] = clock
        if m:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d != taken:
                errors.append('%s: file-name date %s != taken_on %s' % (f, d, taken))
            hh, mi = int(m.group(4)), int(m.group(5))
            if clock:
                ok = clock == (hh, mi) or (tr['layout'] == 'iphone_sms_en' and clock == ((hh % 12) or 12, mi))
                if not ok:
                    errors.append('%s: status clock %r != name time %02d:%02d' % (f, clock, hh, mi))
        elif not re.fullmatch(r'IMG_\d{4}\.PNG', f):
            errors.append('%s: unexpected file name' % f)
        elif not tr['layout'].startswith('iphone'):
            errors.append('%s: IMG_nnnn.PNG on a non-iPhone layout' % f)
        # geometry: in image, no overlaps, cmap
        texts = [t for t in dl['items'] if t['type'] == 'text']
        for t in texts:
            b = t['box']
            if not (0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H):
                errors.append('%s: text leaves image %r %r' % (f, t['text'], b))
            cmap = cm_b if t['bold'] else cm_r
            for ch in t['text']:
                if ord(ch) not in cmap:
                    errors.append('%s: char %r not in font cmap' % (f, ch))
        for i in range(len(texts)):
            a = texts[i]['box']
            for j in range(i + 1, len(texts)):
                b = texts[j]['box']
                if min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1]):
                    errors.append('%s: strings overlap %r / %r' % (f, texts[i]['text'], texts[j]['text']))
        for s in dl['items']:
            if s['type'] == 'shape' and s['kind'] == 'bubble':
                b = s['box']
                if not (0 <= b[0] and b[2] <= W and 0 <= b[1] and b[3] <= H):
                    errors.append('%s: bubble cut by the edge' % f)
        # rebuild
        problems = []
        try:
            if tr['layout'].endswith('_calls'):
                rebuilt[f] = rebuild_calls(dl, taken, problems, icon_sigs)
            else:
                rebuilt[f] = rebuild_chat(dl, taken, problems)
        except ParseError as e:
            problems.append('parse error: %s' % e)
        errors += ['%s: %s' % (f, p_) for p_ in problems]
        for rec in tr['records']:
            if rec['occurred_at']:
                od = dt.date.fromisoformat(rec['occurred_at'][:10])
                if od > taken:
                    errors.append('%s: record after taken_on' % f)

    # field-by-field comparison
    cmp_errors = []
    compare(truth, rebuilt, cmp_errors)
    errors += cmp_errors

    # icons: no identical drawing shared by two call types within a layout
    for L, per in icon_sigs.items():
        types = sorted(per)
        for i in range(len(types)):
            for j in range(i + 1, len(types)):
                if per[types[i]] & per[types[j]]:
                    errors.append('%s: %s and %s share an icon drawing' % (L, types[i], types[j]))
        if L != 'iphone_calls' and len(types) != 3:
            errors.append('%s: icon types seen %r' % (L, types))

    # overlap pairs
    threads = defaultdict(list)
    for tr in truth:
        if tr['thread']:
            threads[tr['thread']].append(tr)
    npairs = 0
    for tid, lst in sorted(threads.items()):
        if len(lst) != 2:
            errors.append('thread %s has %d files' % (tid, len(lst)))
            continue
        a, b = sorted(lst, key=lambda t: clock_of[t['file']])
        if clock_of[a['file']] == clock_of[b['file']]:
            errors.append('thread %s: same clock' % tid)
        if a['layout'] != b['layout'] or a['taken_on'] != b['taken_on'] or dmap[a['file']]['size'] != dmap[b['file']]['size']:
            errors.append('thread %s: not same phone/day' % tid)
        if not tid.startswith(a['layout'] + '_t'):
            errors.append('thread id %s' % tid)
        key = lambda r: (r['sender'], r['direction'], r['text'])
        ok = False
        for n in (2, 1):
            if len(a['records']) >= n and len(b['records']) > n and \
                    [key(r) for r in a['records'][-n:]] == [key(r) for r in b['records'][:n]]:
                ok = all(r['occurred_at'] is None for r in b['records'][:n])
                if not ok:
                    errors.append('thread %s: overlap bubbles not null in later file' % tid)
                ok = True
                break
        if not ok:
            errors.append('thread %s: later file does not start with the earlier last bubbles' % tid)
        npairs += 1

    # mutation test: alter 4 fields -> exactly 4 errors
    mut = copy.deepcopy(truth)
    done = 0
    alt = {'sender': lambda v: (v or '') + 'X', 'text': lambda v: (v or '') + '。', 'occurred_at': lambda v: None if v else '2026-01-01T00:00:00+08:00',
           'duration_seconds': lambda v: (v or 0) + 7}
    plan = ['sender', 'text', 'occurred_at', 'duration_seconds']
    for tr in mut:
        if done == 4:
            break
        fld = plan[done]
        for rec in tr['records']:
            if fld == 'text' and rec['text'] is None:
                continue
            if fld == 'duration_seconds' and rec['kind'] != 'call':
                continue
            rec[fld] = alt[fld](rec[fld])
            done += 1
            break
    merr = []
    nm = compare(mut, rebuilt, merr)
    if nm != 4:
        errors.append('mutation test: expected 4 errors, got %d' % nm)

    nrec = sum(len(t['records']) for t in truth)
    for e in errors[:200]:
        print('ERROR', e)
    print('images %d, records %d, overlap pairs %d, mutation test errors %d (expected 4)' % (len(truth), nrec, npairs, nm))
    print('TOTAL ERRORS: %d' % len(errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
