#!/usr/bin/env python3
"""Independent checker for the ocr_dev5 set.

Shares no code with make_set.py.  Rebuilds every record from drawlog.jsonl by
geometry and compares with truth.jsonl field by field, plus image / layout
sanity checks and a mutation test.  Exit code 0 iff 0 errors.
"""
import copy
import datetime as dt
import json
import os
import re
import sys

from PIL import Image
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FONTS = {False: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
         True: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'}
CMAPS = {b: TTCollection(p).fonts[2].getBestCmap() for b, p in FONTS.items()}
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
ROW_ROLES = {'cname', 'ccount', 'cloc', 'cinfo', 'ctime', 'sim'}


# ------------------------------------------------------------ time labels
CN_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'monday': 0, 'tuesday': 1, 'wednesday': 2, 'thursday': 3, 'friday': 4, 'saturday': 5, 'sunday': 6}
MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}


def weekday_back(taken, wd):
    for n in range(2, 7):
        d = taken - dt.timedelta(days=n)
        if d.weekday() == wd:
            return d
    raise ValueError('weekday')


def parse_time_part(s):
    """returns (rest, (h, m)) or (s, None)"""
    m = re.search(r'(上午|下午|凌晨|早上|中午|晚上)?\s*(\d{1,2}):(\d{2})(\s*[AaPp][Mm])?\s*$', s)
    if not m:
        return s, None
    h, mi = int(m.group(2)), int(m.group(3))
    p = m.group(1)
    ap = (m.group(4) or '').strip().upper()
    if ap:
        h = h % 12 + (12 if ap == 'PM' else 0)
    elif p in ('上午', '凌晨', '早上'):
        h = h % 12
    elif p in ('下午', '晚上'):
        h = h % 12 + 12
    elif p == '中午':
        h = h if h >= 11 else h + 12
    if not (0 <= h < 24 and 0 <= mi < 60):
        raise ValueError('time ' + s)
    return s[:m.start()].strip(), (h, mi)


def parse_date_part(s, taken):
    s = s.strip().rstrip(',').strip()
    if s.endswith(' at'):
        s = s[:-3].strip()
    low = s.lower()
    if s in ('', '今天') or low == 'today':
        return taken
    if s == '昨天' or low == 'yesterday':
        return taken - dt.timedelta(days=1)
    m = re.match(r'^(\d{4})年(\d{1,2})月(\d{1,2})日', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r'^(\d{4})/(\d{1,2})/(\d{1,2})$', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r'^(\d{1,2})/(\d{1,2})/(\d{2})$', s)
    if m:
        return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.match(r'^(\d{1,2})月(\d{1,2})日', s) or re.match(r'^(\d{1,2})/(\d{1,2})$', s)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        if d > taken:
            raise ValueError('year-less date after taken_on: ' + s)
        return d
    m = re.match(r'^([A-Za-z]{3}) (\d{1,2}), (\d{4})$', s)
    if m:
        return dt.date(int(m.group(3)), MON[m.group(1).lower()], int(m.group(2)))
    m = re.match(r'^[A-Za-z]{3}, ([A-Za-z]{3}) (\d{1,2})$', s)
    if m:
        d = dt.date(taken.year, MON[m.group(1).lower()], int(m.group(2)))
        if d > taken:
            raise ValueError('year-less date after taken_on: ' + s)
        return d
    m = re.match(r'^(?:星期|周)([一二三四五六日天])$', s)
    if m:
        return weekday_back(taken, CN_WD[m.group(1)])
    if low in EN_WD:
        return weekday_back(taken, EN_WD[low])
    raise ValueError('unparsed date: ' + repr(s))


def parse_label(s, taken):
    rest, tm = parse_time_part(s)
    if tm is None:
        return parse_date_part(s, taken), None
    return parse_date_part(rest, taken), tm


def iso(d, tm):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, tm[0], tm[1])


# ------------------------------------------------------------ geometry helpers
def inter(a, b):
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def center_in(t, r):
    cx, cy = (t[0] + t[2]) / 2, (t[1] + t[3]) / 2
    return r[0] <= cx <= r[2] and r[1] <= cy <= r[3]


def norm_sender(s):
    if re.fullmatch(r'\+?[\d][\d \-]*', s):
        d = re.sub(r'\D', '', s)
        if s.startswith('+86'):
            d = d[2:]
        return d
    return s


def is_cjk(ch):
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


def join_lines(lines, english_ui):
    text = ''.join(lines)
    if not english_ui or any(is_cjk(ch) for ch in text):
        return text
    out = lines[0]
    for a, b in zip(lines, lines[1:]):
        out += ('' if (' ' not in a and '/' in a) else ' ') + b
    return out


def group_seps(items):
    seps = sorted([i for i in items if i['t'] == 'text' and i['role'] == 'sep'], key=lambda i: (i['box'][1], i['box'][0]))
    groups = []
    for s in seps:
        cy = (s['box'][1] + s['box'][3]) / 2
        if groups and abs(groups[-1]['cy'] - cy) < s['size'] * 0.5:
            groups[-1]['parts'].append(s)
        else:
            groups.append({'cy': cy, 'parts': [s]})
    for g in groups:
        g['parts'].sort(key=lambda i: i['box'][0])
        g['text'] = ' '.join(p['s'] for p in g['parts'])
        g['y1'] = max(p['box'][3] for p in g['parts'])
    return groups


def rebuild(log, taken):
    lay = log['layout']
    W = log['width']
    items = log['items']
    texts = [i for i in items if i['t'] == 'text']
    recs = []
    if 'calls' in lay:
        rows = sorted([i for i in items if i['t'] == 'rect' and i['role'] == 'row'], key=lambda i: i['box'][1])
        for row in rows:
            rb = row['box']
            mine = [t for t in texts if center_in(t['box'], rb)]
            icons = [i['kind'] for i in items if i['t'] == 'icon' and center_in(i['box'], rb)]
            name = [t for t in mine if t['role'] == 'cname']
            assert len(name) == 1, 'row name'
            name = name[0]
            tl = [t for t in mine if t['role'] == 'ctime']
            assert len(tl) == 1
            d, tm = parse_label(tl[0]['s'], taken)
            info = ' '.join(t['s'] for t in mine if t['role'] == 'cinfo')
            col = name['color']
            red = col[0] > 180 and col[1] < 110 and col[2] < 110
            if '未接通' in info:
                ctype = 'outgoing'
            elif red or '未接' in info or '响铃' in info:
                ctype = 'missed'
            elif '呼出' in info or 'call_out' in icons:
                ctype = 'outgoing'
            elif '呼入' in info or 'call_in' in icons:
                ctype = 'incoming'
            elif 'call_missed' in icons:
                ctype = 'missed'
            else:
                ctype = 'incoming'
            dur = None
            if ctype != 'missed':
                m = re.search(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', info)
                if m:
                    dur = int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))
            recs.append({'kind': 'call', 'sender': norm_sender(name['s']), 'occurred_at': iso(d, tm),
                         'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None,
                         'call_type': ctype, 'duration_seconds': dur})
        return recs
    kind = 'im' if lay.startswith('wechat') else 'sms'
    hn = [t for t in texts if t['role'] == 'hname']
    assert len(hn) == 1
    header = hn[0]['s']
    if lay == 'wechat_group':
        header = re.sub(r'\(\d+\)$', '', header)
    sender_thread = norm_sender(header)
    seps = group_seps(items)
    bubbles = sorted([i for i in items if i['t'] == 'rect' and i['role'] == 'bubble'], key=lambda i: i['box'][1])
    btimes = [t for t in texts if t['role'] == 'btime']
    nicks = [t for t in texts if t['role'] == 'nick']
    for bi, b in enumerate(bubbles):
        bb = b['box']
        lines = sorted([t for t in texts if t['role'] == 'msg' and center_in(t['box'], bb)], key=lambda t: t['box'][1])
        text = join_lines([t['s'] for t in lines], lay.endswith('_en'))
        direction = 'in' if bb[0] < W - bb[2] else 'out'
        above = [g for g in seps if g['y1'] <= bb[1]]
        sep = above[-1]['text'] if above else None
        nxt = bubbles[bi + 1]['box'][1] if bi + 1 < len(bubbles) else 10 ** 9
        own = [t for t in btimes if t['box'][1] >= bb[3] and t['box'][3] <= nxt and t['box'][1] - bb[3] < 3 * t['size']]
        occ = None
        if sep is not None:
            d, tm = parse_label(sep, taken)
            if own:
                assert len(own) == 1
                d2, tm2 = parse_label(own[0]['s'], taken)
                tm = tm2
            if tm is None:
                raise ValueError('no time for bubble')
            occ = iso(d, tm)
        sender = sender_thread
        if lay == 'wechat_group' and direction == 'in':
            nk = [t for t in nicks if t['box'][3] <= bb[1] and bb[1] - t['box'][3] < 2.5 * t['size']]
            assert len(nk) == 1, 'nick'
            sender = nk[0]['s']
        recs.append({'kind': kind, 'sender': sender, 'occurred_at': occ, 'direction': direction, 'text': text,
                     'call_type': None, 'duration_seconds': None})
    return recs


def compare(truth, rebuilt):
    errs = []
    for t in truth:
        rb = rebuilt.get(t['file'])
        if rb is None:
            errs.append('%s: not rebuilt' % t['file'])
            continue
        if len(rb) != len(t['records']):
            errs.append('%s: %d records rebuilt vs %d in truth' % (t['file'], len(rb), len(t['records'])))
            continue
        for i, (a, b) in enumerate(zip(t['records'], rb)):
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    errs.append('%s rec %d field %s: truth %r vs drawn %r' % (t['file'], i, f, a.get(f), b.get(f)))
    return errs


def main():
    truth = [json.loads(l) for l in open(os.path.join(ROOT, 'truth.jsonl'), encoding='utf-8')]
    logs = {}
    for l in open(os.path.join(ROOT, 'drawlog.jsonl'), encoding='utf-8'):
        o = json.loads(l)
        logs[o['file']] = o
    errs = []
    pngs = sorted(f for f in os.listdir(ROOT) if f.lower().endswith(('.png', '.jpg')))
    if sorted(t['file'] for t in truth) != pngs:
        errs.append('truth files != image files')
    if set(logs) != set(pngs):
        errs.append('drawlog files != image files')
    rebuilt = {}
    for t in truth:
        f = t['file']
        log = logs[f]
        taken = dt.date.fromisoformat(t['taken_on'])
        if t['layout'] != log['layout']:
            errs.append(f + ': layout differs')
        # file-name date
        m = re.search(r'(20\d\d)-?(\d\d)-?(\d\d)[_ \-]', f)
        if m:
            if '%s-%s-%s' % m.groups() != t['taken_on']:
                errs.append(f + ': name date != taken_on')
        elif not re.fullmatch(re.escape(t['layout']) + r'_\d\d\.(png|jpg)', f):
            errs.append(f + ': unexpected name')
        if not ('2025-10-01' <= t['taken_on'] <= '2026-11-30'):
            errs.append(f + ': taken_on out of range')
        # image
        im = Image.open(os.path.join(ROOT, f))
        if im.size != (log['width'], log['height']):
            errs.append(f + ': size mismatch')
        g = im.convert('L').resize((im.size[0] // 8, im.size[1] // 8))
        hist = g.histogram()
        lum = sum(i * n for i, n in enumerate(hist)) / sum(hist)
        if (lum < 100) != t['dark'] or bool(log['dark']) != t['dark']:
            errs.append('%s: dark flag %s but mean luminance %.1f' % (f, t['dark'], lum))
        W, H = log['width'], log['height']
        texts = [i for i in log['items'] if i['t'] == 'text']
        rects = [i for i in log['items'] if i['t'] == 'rect' and i['role'] in ('bubble', 'row')]
        for x in texts:
            b = x['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                errs.append('%s: text leaves image %r' % (f, x['s']))
            missing = [ch for ch in x['s'] if ord(ch) not in CMAPS[bool(x.get('bold'))]]
            if missing:
                errs.append('%s: chars not in font %r' % (f, missing))
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if inter(texts[i]['box'], texts[j]['box']):
                    errs.append('%s: strings overlap %r / %r' % (f, texts[i]['s'], texts[j]['s']))
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                if inter(rects[i]['box'], rects[j]['box']):
                    errs.append('%s: rects overlap' % f)
            rb = rects[i]['box']
            for x in texts:
                if inter(x['box'], rb):
                    ok = (x['role'] == 'msg') if rects[i]['role'] == 'bubble' else (x['role'] in ROW_ROLES)
                    ok = ok and center_in(x['box'], rb)
                    if not ok:
                        errs.append('%s: %s overlaps non-member text %r' % (f, rects[i]['role'], x['s']))
        for x in texts:
            if x['role'] == 'msg' and not any(center_in(x['box'], r['box']) and r['role'] == 'bubble' for r in rects):
                errs.append('%s: message line outside bubbles %r' % (f, x['s']))
            if 'calls' in t['layout'] and x['role'] in ROW_ROLES and not any(center_in(x['box'], r['box']) and r['role'] == 'row' for r in rects):
                errs.append('%s: row text outside rows %r' % (f, x['s']))
        try:
            rebuilt[f] = rebuild(log, taken)
        except Exception as e:  # noqa
            errs.append('%s: rebuild failed: %r' % (f, e))
        if not t['records']:
            errs.append(f + ': no records')
    errs += compare(truth, rebuilt)
    # overlap pairs
    threads = {}
    for t in truth:
        if t['thread']:
            threads.setdefault(t['thread'], []).append(t['file'])
    for th, fs in threads.items():
        if len(fs) != 2:
            errs.append('thread %s has %d files' % (th, len(fs)))
            continue
        a, b = sorted(fs)
        ra, rbb = rebuilt.get(a, []), rebuilt.get(b, [])
        key = lambda r: (r['text'], r['direction'], r['sender'])  # noqa
        ks = [k for k in (1, 2) if len(ra) >= k and len(rbb) > k and [key(x) for x in ra[-k:]] == [key(x) for x in rbb[:k]]]
        k3 = len(ra) >= 3 and len(rbb) >= 3 and [key(x) for x in ra[-3:]] == [key(x) for x in rbb[:3]]
        if not ks or k3:
            errs.append('thread %s: overlap is not 1-2 bubbles' % th)
    # mutation test
    mut = copy.deepcopy(truth)
    done = 0
    for t in mut:
        if done >= 4 or len(t['records']) < 2:
            continue
        rec = t['records'][1]
        if done == 0:
            rec['text'] = (rec['text'] or '') + 'X'
        elif done == 1:
            rec['direction'] = 'out' if rec['direction'] == 'in' else 'in'
        elif done == 2:
            rec['sender'] = rec['sender'] + '0'
        else:
            rec['occurred_at'] = '1999-01-01T00:00:00+08:00'
        done += 1
    merrs = compare(mut, rebuilt)
    mut_ok = len(merrs) == 4 + len(compare(truth, rebuilt))
    if not mut_ok:
        errs.append('mutation test: expected 4 errors, got %d' % len(merrs))
    for e in errs:
        print('ERROR', e)
    n = sum(len(t['records']) for t in truth)
    print('files %d  records %d  mutation test: %d errors from 4 altered fields (%s)' % (len(truth), n, len(merrs), 'OK' if mut_ok else 'FAIL'))
    print('TOTAL ERRORS: %d' % len(errs))
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main())
