#!/usr/bin/env python3
"""Independent checker for the ocr_dev7 development set.

Shares no code with make_set.py.  It rebuilds every record from drawlog.jsonl by geometry
(message lines -> bubble shapes by position, direction from the bubble's side, time from the
nearest separator above plus the bubble's own small time label, sender from the header or the
nickname above the bubble) and compares the result with truth.jsonl field by field.

Also checks: image exists and has the logged size; no string leaves the image; no two strings
overlap; every character is in the font's cmap; the date in a file name equals taken_on;
overlap pairs repeat the right bubbles; and a mutation test (4 altered truth fields must give
exactly 4 errors).

Usage: /work/main/.venv/bin/python verify/check_set.py   (exit status 0 when clean)
"""
import copy
import datetime as dt
import json
import os
import re
import sys

from fontTools.ttLib import TTCollection
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONTS = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
         '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc']


def load(name):
    with open(os.path.join(ROOT, name), encoding='utf-8') as f:
        return [json.loads(x) for x in f if x.strip()]


# ---------------------------------------------------------------- label parsing
CN_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'mon': 0, 'tue': 1, 'wed': 2, 'thu': 3, 'fri': 4, 'sat': 5, 'sun': 6}
EN_MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct',
                                          'nov', 'dec'])}


class LabelError(Exception):
    pass


def parse_clock(s):
    """Return (hour, minute) of the time of day in s, or None."""
    m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)\s*(\d{1,2}):(\d{2})', s)
    if m:
        h, mi = int(m.group(2)), int(m.group(3))
        part = m.group(1)
        if part in ('凌晨', '早上', '上午'):
            h = 0 if h == 12 else h
        elif part == '中午':
            h = h if h >= 11 else h + 12
        else:
            h = h if h == 12 else h + 12
        return h, mi
    m = re.search(r'(\d{1,2}):(\d{2})\s*([AaPp][Mm])?', s)
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
        ap = (m.group(3) or '').lower()
        if ap == 'am':
            h = 0 if h == 12 else h
        elif ap == 'pm':
            h = h if h == 12 else h + 12
        if not (0 <= h < 24 and 0 <= mi < 60):
            raise LabelError('bad clock ' + s)
        return h, mi
    return None


def parse_day(s, taken):
    """Return the date a label names (or None when it names no day)."""
    low = s.lower()
    wd = None
    m = re.search(r'(?:星期|周)([一二三四五六日天])', s)
    if m:
        wd = CN_WD[m.group(1)]
    m2 = re.search(r'\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b', low)
    if m2:
        wd = EN_WD[m2.group(1)]
    day = None
    m = re.search(r'(\d{4})年(\d{1,2})月(\d{1,2})日', s) or re.search(r'(\d{4})/(\d{1,2})/(\d{1,2})', s)
    if m:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    else:
        m = re.search(r'(\d{1,2})月(\d{1,2})日', s)
        em = re.search(r'\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:, (\d{4}))?', low)
        if m:
            day = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        elif em:
            y = int(em.group(3)) if em.group(3) else taken.year
            day = dt.date(y, EN_MON[em.group(1)], int(em.group(2)))
        if m and day > taken:
            raise LabelError(f'date without a year later than taken_on: {s!r}')
        if em and not em.group(3) and day > taken:
            raise LabelError(f'date without a year later than taken_on: {s!r}')
    if day is not None:
        if wd is not None and day.weekday() != wd:
            raise LabelError(f'weekday does not match date in {s!r}')
        return day
    if '今天' in s or 'today' in low:
        return taken
    if '昨天' in s or 'yesterday' in low:
        return taken - dt.timedelta(days=1)
    if wd is not None:
        for back in range(2, 7):
            d = taken - dt.timedelta(days=back)
            if d.weekday() == wd:
                return d
        raise LabelError('weekday not in 2-6 days: ' + s)
    return None


def strip_sim(s):
    return re.sub(r'卡\s?[12]', '', s).strip()


# ---------------------------------------------------------------- geometry helpers
def inside(box, outer, tol=2):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] - tol <= cx <= outer[2] + tol and outer[1] - tol <= cy <= outer[3] + tol


def overlap(a, b):
    return min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0


def rows(strings):
    """Cluster strings into rows by vertical overlap; return [(box, text)] top to bottom."""
    out = []
    for s in sorted(strings, key=lambda z: (z['box'][1], z['box'][0])):
        for r in out:
            if min(r['box'][3], s['box'][3]) - max(r['box'][1], s['box'][1]) > 0:
                r['parts'].append(s)
                r['box'] = [min(r['box'][0], s['box'][0]), min(r['box'][1], s['box'][1]),
                            max(r['box'][2], s['box'][2]), max(r['box'][3], s['box'][3])]
                break
        else:
            out.append({'box': list(s['box']), 'parts': [s]})
    res = []
    for r in out:
        txt = ' '.join(p['text'] for p in sorted(r['parts'], key=lambda z: z['box'][0]))
        res.append((r['box'], txt))
    return sorted(res, key=lambda z: z[0][1])


def linkish(tok):
    return '/' in tok or '@' in tok or re.search(r'[A-Za-z0-9][.][A-Za-z]', tok) is not None


def join_lines(lines):
    text = lines[0]
    for nxt in lines[1:]:
        x, y = text[-1], nxt[0]
        if ord(x) < 128 and ord(y) < 128:
            left = text.rsplit(' ', 1)[-1]
            right = nxt.split(' ', 1)[0]
            text += nxt if (linkish(left) or linkish(right)) else ' ' + nxt
        else:
            text += nxt
    return text


def sender_of_header(title):
    if re.fullmatch(r'[+\d][\d\s+-]*', title):
        d = re.sub(r'[^\d+]', '', title)
        if d.startswith('+86'):
            d = d[3:]
        return d.replace('+', '')
    return title


# ---------------------------------------------------------------- rebuild
def rebuild(log, taken):
    W, H = log['size']
    st = log['strings']
    bubbles = sorted([s for s in log['shapes'] if s['kind'] == 'bubble'], key=lambda z: z['box'][1])
    msg = [s for s in st if s['role'] == 'msg']
    problems = []
    lines_of = {i: [] for i in range(len(bubbles))}
    for s in msg:
        hits = [i for i, b in enumerate(bubbles) if inside(s['box'], b['box'])]
        if len(hits) != 1:
            problems.append(f'message line {s["text"]!r} sits in {len(hits)} bubbles')
            continue
        lines_of[hits[0]].append(s)
    seps = []
    for box, txt in rows([s for s in st if s['role'] == 'separator']):
        try:
            seps.append((box, parse_day(txt, taken), parse_clock(txt), txt))
        except LabelError as e:
            problems.append(str(e))
    own = [s for s in st if s['role'] == 'msg_time']
    own_of = {}
    for s in own:
        best, bd = None, None
        cy = (s['box'][1] + s['box'][3]) / 2
        for i, b in enumerate(bubbles):
            bb = b['box']
            dy = 0 if bb[1] <= cy <= bb[3] else min(abs(cy - bb[1]), abs(cy - bb[3]))
            if cy < bb[1]:
                dy += 10000  # own times sit beside or below their bubble, never above
            dx = 0 if bb[0] <= s['box'][0] <= bb[2] or bb[0] <= s['box'][2] <= bb[2] else \
                min(abs(s['box'][0] - bb[2]), abs(s['box'][2] - bb[0]))
            d = dy * 4 + dx
            if bd is None or d < bd:
                best, bd = i, d
        if best in own_of:
            problems.append(f'two own-time labels for one bubble ({s["text"]})')
        own_of[best] = s['text']
    heads = [s for s in st if s['role'] == 'header_title']
    if len(heads) != 1:
        problems.append('expected one header title')
        title = ''
    else:
        title = heads[0]['text']
    nicks = [s for s in st if s['role'] == 'nickname']
    is_group = re.search(r'[(（]\d+[)）]$', title) is not None and log['layout'].startswith('wechat')
    recs = []
    for i, b in enumerate(bubbles):
        bb = b['box']
        ls = sorted(lines_of[i], key=lambda z: z['box'][1])
        if not ls:
            problems.append(f'bubble without text at {bb}')
            continue
        for a, c in zip(ls, ls[1:]):
            if c['box'][1] < a['box'][3]:
                problems.append('lines inside a bubble overlap')
        text = join_lines([z['text'] for z in ls])
        direction = 'in' if (bb[0] + bb[2]) / 2 < W / 2 else 'out'
        above = [sp for sp in seps if sp[0][3] <= bb[1]]
        occ = None
        if above:
            sbox, day, clock, stxt = max(above, key=lambda z: z[0][3])
            mine = own_of.get(i)
            if mine is not None:
                clock2 = parse_clock(strip_sim(mine))
                if clock2 is None:
                    problems.append('unreadable own time ' + mine)
                clock = clock2
            if day is None and clock is not None:
                day = taken
            if day is not None and clock is not None:
                occ = f'{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}:00+08:00'
        if log['layout'].startswith('wechat') and is_group:
            if direction == 'out':
                sender = re.sub(r'[(（]\d+[)）]$', '', title)
            else:
                cand = [n for n in nicks if n['box'][3] <= bb[1] and bb[1] - n['box'][3] < 80
                        and abs(n['box'][0] - bb[0]) < 60]
                if len(cand) != 1:
                    problems.append(f'{len(cand)} nicknames above bubble at {bb}')
                    sender = None
                else:
                    sender = cand[0]['text']
        else:
            sender = sender_of_header(title)
        recs.append({'kind': 'im' if log['layout'].startswith('wechat') else 'sms', 'sender': sender,
                     'occurred_at': occ, 'direction': direction, 'text': text, 'call_type': None,
                     'duration_seconds': None})
    return recs, problems


FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']


def compare(truth, rebuilt_by_file):
    errs = []
    for t in truth:
        got = rebuilt_by_file[t['file']]
        if len(got) != len(t['records']):
            errs.append(f"{t['file']}: {len(t['records'])} truth records, {len(got)} rebuilt")
            continue
        for k, (a, b) in enumerate(zip(t['records'], got)):
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    errs.append(f"{t['file']} #{k} {f}: truth {a.get(f)!r} vs drawn {b.get(f)!r}")
    return errs


def name_date(name):
    pats = [r'^Screenshot_(\d{4})(\d{2})(\d{2})_\d{6}\.png$', r'^Screenshot_(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}\.png$',
            r'^IMG_(\d{4})(\d{2})(\d{2})_\d{6}\.jpg$', r'^Screenshot (\d{4})-(\d{2})-(\d{2}) at \d{2}\.\d{2}\.\d{2}\.png$']
    for p in pats:
        m = re.match(p, name)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.match(r'^IMG_\d{4}\.PNG$', name):
        return None
    raise ValueError('unexpected file name ' + name)


def main():
    truth = load('truth.jsonl')
    logs = {d['file']: d for d in load('drawlog.jsonl')}
    cmaps = [set(TTCollection(p).fonts[2].getBestCmap()) for p in FONTS]
    errors = []
    rebuilt = {}
    if len(logs) != len(truth):
        errors.append('truth and drawlog differ in length')
    for t in truth:
        f = t['file']
        log = logs.get(f)
        if log is None:
            errors.append(f'{f}: no drawlog')
            continue
        path = os.path.join(ROOT, f)
        if not os.path.exists(path):
            errors.append(f'{f}: image missing')
        else:
            with Image.open(path) as im:
                if list(im.size) != log['size']:
                    errors.append(f'{f}: image size {im.size} != {log["size"]}')
                want = 'JPEG' if f.lower().endswith('.jpg') else 'PNG'
                if im.format != want:
                    errors.append(f'{f}: format {im.format}')
        if log['layout'] != t['layout'] or log['dark'] != t['dark']:
            errors.append(f'{f}: layout/dark differ between truth and drawlog')
        taken = dt.date.fromisoformat(t['taken_on'])
        try:
            nd = name_date(f)
            if nd is not None and nd != taken:
                errors.append(f'{f}: file name date {nd} != taken_on {taken}')
        except ValueError as e:
            errors.append(str(e))
        W, H = log['size']
        st = log['strings']
        for s in st:
            b = s['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                errors.append(f'{f}: string {s["text"]!r} leaves the image {b}')
            for ch in s['text']:
                if not all(ord(ch) in cm for cm in cmaps):
                    errors.append(f'{f}: character {ch!r} (U+{ord(ch):04X}) not in font cmap')
        for i in range(len(st)):
            for j in range(i + 1, len(st)):
                if overlap(st[i]['box'], st[j]['box']):
                    errors.append(f'{f}: strings overlap {st[i]["text"]!r} / {st[j]["text"]!r}')
        recs, probs = rebuild(log, taken)
        errors += [f'{f}: {p}' for p in probs]
        rebuilt[f] = recs
    errors += compare(truth, rebuilt)

    # overlap pairs: the later screenshot starts with the last 1-2 bubbles of the earlier one
    threads = {}
    for t in truth:
        if t['thread']:
            threads.setdefault(t['thread'], []).append(t)
    for tid, ts in threads.items():
        if len(ts) != 2:
            errors.append(f'thread {tid}: {len(ts)} screenshots')
            continue
        a, b = ts
        ok = False
        for n in (1, 2):
            ka = [(r['text'], r['direction']) for r in a['records'][-n:]]
            kb = [(r['text'], r['direction']) for r in b['records'][:n]]
            if ka == kb and len(b['records']) > n:
                ok = True
                if any(r['occurred_at'] is not None for r in b['records'][:n]):
                    errors.append(f'thread {tid}: repeated bubbles have a time on the later screen')
        if not ok:
            errors.append(f'thread {tid}: no 1-2 bubble overlap')

    # mutation test: alter 4 truth fields -> exactly 4 errors
    mut = copy.deepcopy(truth)
    flat = [(ti, ri) for ti, t in enumerate(mut) for ri in range(len(t['records']))]
    picks = [flat[3], flat[len(flat) // 3], flat[len(flat) // 2], flat[-2]]
    r0 = mut[picks[0][0]]['records'][picks[0][1]]
    r0['text'] = r0['text'] + '。'
    r1 = mut[picks[1][0]]['records'][picks[1][1]]
    r1['direction'] = 'in' if r1['direction'] == 'out' else 'out'
    r2 = mut[picks[2][0]]['records'][picks[2][1]]
    r2['occurred_at'] = '2026-01-01T00:00:00+08:00' if r2['occurred_at'] != '2026-01-01T00:00:00+08:00' else None
    r3 = mut[picks[3][0]]['records'][picks[3][1]]
    r3['sender'] = (r3['sender'] or '') + 'x'
    merr = compare(mut, rebuilt)
    n_rec = sum(len(t['records']) for t in truth)
    print(f'{len(truth)} images, {n_rec} records checked')
    if len(merr) != 4:
        errors.append(f'mutation test: expected 4 errors, got {len(merr)}')
    else:
        print('mutation test: 4 altered fields -> 4 errors (ok)')
    for e in errors:
        print('ERROR', e)
    print(f'{len(errors)} errors')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
