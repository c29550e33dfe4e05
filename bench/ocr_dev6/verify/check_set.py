#!/usr/bin/env python3
"""Independent checker for the ocr_dev6 set.

Shares no code with make_set.py. Rebuilds every record from drawlog.jsonl by
geometry and its own label parsers, then compares with truth.jsonl field by
field. Also checks layout hygiene (bounds, overlaps, glyph coverage, file
names) and runs a mutation test. Exit status 0 only with 0 errors.
"""
import copy
import datetime as dt
import json
import os
import re
import sys
from collections import defaultdict

from fontTools.ttLib import TTCollection
from PIL import Image

SET = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
OWN_TIME_LAYOUTS = {'huawei_sms', 'honor_sms', 'vivo_sms'}
SEP_ONLY_LAYOUTS = {'xiaomi_sms', 'oppo_sms'}
CALL_LAYOUTS = {'huawei_calls', 'honor_calls', 'vivo_calls'}
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
CN_WEEK = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}


# ------------------------------------------------------------------ parsers
def sender_of(label):
    compact = re.sub(r'[ \-]', '', label)
    if re.fullmatch(r'\+?[0-9]+', compact):
        if compact.startswith('+86'):
            compact = compact[3:]
        return compact.lstrip('+')
    return label


CLOCK = re.compile(r'(?:(凌晨|早上|上午|中午|下午|晚上) ?)?([0-9]{1,2}):([0-9]{2})')


def clock_of(text):
    """'下午3:05' / '14:05' / '卡1 晚上11:40' -> (hour, minute)."""
    t = re.sub(r'卡 ?[12]', '', text).strip()
    m = CLOCK.fullmatch(t)
    if not m:
        raise ValueError('not a clock: %r' % text)
    per, h, mi = m.group(1), int(m.group(2)), int(m.group(3))
    if per in ('凌晨', '早上', '上午'):
        h = 0 if h == 12 else h
    elif per == '中午':
        h = h if h >= 11 else h + 12
    elif per in ('下午', '晚上'):
        h = h if h == 12 else h + 12
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        raise ValueError('bad clock %r' % text)
    return h, mi


def date_of(part, taken):
    part = part.strip()
    if part in ('', '今天'):
        return taken
    if part == '昨天':
        return taken - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', part)
    if m:
        want = CN_WEEK[m.group(1)]
        for back in range(2, 7):
            d = taken - dt.timedelta(days=back)
            if d.weekday() == want:
                return d
        raise ValueError(part)
    m = re.fullmatch(r'([0-9]{1,2})月([0-9]{1,2})日(?: (?:星期|周)([一二三四五六日天]))?', part)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        if d > taken:
            d = dt.date(taken.year - 1, d.month, d.day)
        if m.group(3) and CN_WEEK[m.group(3)] != d.weekday():
            raise ValueError('weekday mismatch ' + part)
        return d
    m = re.fullmatch(r'([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日', part) or \
        re.fullmatch(r'([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})', part)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError('not a date: %r' % part)


def label_of(text, taken):
    """Separator / call label -> (date, (h, m) or None)."""
    m = re.search(r'(?:(?:凌晨|早上|上午|中午|下午|晚上) ?)?[0-9]{1,2}:[0-9]{2}$', text)
    if m:
        return date_of(text[:m.start()], taken), clock_of(m.group(0))
    return date_of(text, taken), None


def seconds_of(text):
    m = re.fullmatch(r'(?:([0-9]+)小时)?(?:([0-9]+)分(?:钟)?)?(?:([0-9]+)秒)?', text)
    if not m or not any(m.groups()):
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3) or 0)


def stamp(d, hm):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, hm[0], hm[1])


# ------------------------------------------------------------------ geometry
def centre(b):
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def inside(b, box, tol=0):
    return b[0] >= box[0] - tol and b[1] >= box[1] - tol and b[2] <= box[2] + tol and b[3] <= box[3] + tol


def intersects(a, b):
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


ENG_END = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?\'')
ENG_START = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')


def join_lines(lines):
    out = lines[0]
    for nxt in lines[1:]:
        if out[-1] in ENG_END and nxt[0] in ENG_START:
            out += ' '
        out += nxt
    return out


def own_time_owner(lab, bubbles):
    """Which bubble does an own-time label belong to?
    1. inside a bubble; 2. beside one (vertical centre within the bubble's rows, label outside it
    horizontally, same screen half or the gap between them); 3. under one (label top just below its bottom)."""
    lb = lab['box']
    cy = (lb[1] + lb[3]) / 2
    for k, bb in enumerate(bubbles):
        if inside(lb, bb):
            return k
    side = []
    for k, bb in enumerate(bubbles):
        if bb[1] <= cy <= bb[3] and (lb[0] >= bb[2] or lb[2] <= bb[0]):
            gap = lb[0] - bb[2] if lb[0] >= bb[2] else bb[0] - lb[2]
            side.append((gap, k))
    if side:
        return min(side)[1]
    under = [(lb[1] - bb[3], k) for k, bb in enumerate(bubbles)
             if -2 <= lb[1] - bb[3] <= 1.5 * lab['size'] + 12]
    if under:
        return min(under)[1]
    return None


def rebuild_sms(entry, taken, errs):
    W = entry['size'][0]
    S = entry['strings']
    bubbles = sorted([s['box'] for s in entry['shapes'] if s['shape'] == 'bubble'], key=lambda b: b[1])
    titles = [s['text'] for s in S if s['role'] == 'header_title']
    if len(titles) != 1:
        errs.append('header title count %d' % len(titles))
        return []
    sender = sender_of(titles[0])
    lines = defaultdict(list)
    for s in S:
        if s['role'] != 'msg':
            continue
        cx, cy = centre(s['box'])
        hit = [k for k, b in enumerate(bubbles) if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]]
        if len(hit) != 1:
            errs.append('message line %r in %d bubbles' % (s['text'], len(hit)))
            continue
        lines[hit[0]].append(s)
    seps = sorted([s for s in S if s['role'] == 'separator'], key=lambda s: s['box'][1])
    owns = [s for s in S if s['role'] == 'own_time']
    own_mode = bool(owns)
    if own_mode != (entry['layout'] in OWN_TIME_LAYOUTS):
        errs.append('own-time presence does not fit layout')
    owner = defaultdict(list)
    for lab in owns:
        k = own_time_owner(lab, bubbles)
        if k is None:
            errs.append('own time %r has no bubble' % lab['text'])
        else:
            owner[k].append(lab)
    recs = []
    for k, bb in enumerate(bubbles):
        ls = sorted(lines[k], key=lambda s: s['box'][1])
        if not ls:
            errs.append('empty bubble %s' % bb)
            continue
        text = join_lines([s['text'] for s in ls])
        direction = 'out' if centre(bb)[0] > W / 2 else 'in'
        above = [s for s in seps if s['box'][3] <= bb[1]]
        occurred = None
        if own_mode:
            if len(owner[k]) != 1:
                errs.append('bubble %r has %d own times' % (text[:12], len(owner[k])))
                continue
            hm = clock_of(owner[k][0]['text'])
            if above:
                d, _ = label_of(above[-1]['text'], taken)
                occurred = stamp(d, hm)
        elif above:
            d, hm = label_of(above[-1]['text'], taken)
            if hm is None:
                errs.append('separator without time in separator-only app: %r' % above[-1]['text'])
            else:
                occurred = stamp(d, hm)
        recs.append({'kind': 'sms', 'sender': sender, 'occurred_at': occurred, 'direction': direction,
                     'text': text, 'call_type': None, 'duration_seconds': None})
    return recs


LABEL_TYPES = {'呼出': 'outgoing', '呼入': 'incoming', '已接来电': 'incoming', '未接': 'missed', '未接来电': 'missed'}


def rebuild_calls(entry, taken, errs):
    S = entry['strings']
    rows = sorted([s['box'] for s in entry['shapes'] if s['shape'] == 'row'], key=lambda b: b[1])
    titles = [s['text'] for s in S if s['role'] == 'header_title']
    recs = []
    for rb in rows:
        mine = [s for s in S if rb[1] <= centre(s['box'])[1] <= rb[3]]
        icons = [s for s in entry['shapes'] if s['shape'] == 'call_icon' and rb[1] <= centre(s['box'])[1] <= rb[3]]
        names = [s['text'] for s in mine if s['role'] == 'call_name']
        if names:
            sender = sender_of(names[0])
        elif len(titles) == 1:
            sender = sender_of(titles[0])
        else:
            errs.append('call row without sender')
            continue
        times = [s['text'] for s in mine if s['role'] == 'call_time']
        if len(times) != 1:
            errs.append('call row with %d time labels' % len(times))
            continue
        d, hm = label_of(times[0], taken)
        if hm is None:
            errs.append('call time without clock %r' % times[0])
            continue
        labels = [s['text'] for s in mine if s['role'] == 'call_type_label']
        if labels:
            ctype = LABEL_TYPES.get(labels[0])
        elif len(icons) == 1:
            ctype = icons[0]['kind']
        else:
            ctype = None
        if ctype is None:
            errs.append('call type unknown')
            continue
        durs = [seconds_of(s['text']) for s in mine if s['role'] == 'call_duration']
        dur = durs[0] if durs and ctype != 'missed' else None
        recs.append({'kind': 'call', 'sender': sender, 'occurred_at': stamp(d, hm),
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
    return recs


# ------------------------------------------------------------------ checks
NAME_RES = [re.compile(r'Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png'),
            re.compile(r'Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png'),
            re.compile(r'IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg')]


def name_time(name):
    for r in NAME_RES:
        m = r.fullmatch(name)
        if m:
            return dt.datetime(*map(int, m.groups()))
    return None


def hygiene(entry, truth, cmaps):
    errs = []
    W, H = entry['size']
    path = os.path.join(SET, entry['file'])
    if not os.path.exists(path):
        return ['missing image']
    with Image.open(path) as im:
        if list(im.size) != [W, H]:
            errs.append('image size differs from drawlog')
        if (im.format == 'JPEG') != entry['jpeg'] or (im.format == 'JPEG') != entry['file'].endswith('.jpg'):
            errs.append('format / extension mismatch')
    nt = name_time(entry['file'])
    if nt is None:
        errs.append('file name pattern')
    elif nt.date().isoformat() != truth['taken_on']:
        errs.append('file name date != taken_on')
    else:
        clocks = [s['text'] for s in entry['strings'] if s['role'] == 'statusbar' and re.fullmatch(r'\d\d:\d\d', s['text'])]
        if clocks != ['%02d:%02d' % (nt.hour, nt.minute)]:
            errs.append('status bar clock does not match file name: %s' % clocks)
    S = entry['strings']
    for s in S:
        b = s['box']
        if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
            errs.append('string leaves image: %r' % s['text'])
        cmap = cmaps[bool(s.get('bold'))]
        for ch in s['text']:
            if ord(ch) not in cmap:
                errs.append('glyph missing: %r' % ch)
    for i in range(len(S)):
        for j in range(i + 1, len(S)):
            if intersects(S[i]['box'], S[j]['box']):
                errs.append('strings overlap: %r / %r' % (S[i]['text'], S[j]['text']))
    blockers = [s['box'] for s in entry['shapes'] if s['shape'] in ('header', 'inputbar', 'tabbar', 'notice')]
    for s in entry['shapes']:
        if s['shape'] in ('bubble', 'row'):
            b = s['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                errs.append('bubble/row leaves image')
            if any(intersects(b, x) for x in blockers):
                errs.append('bubble/row not fully visible (under chrome)')
    if entry['layout'] != truth['layout'] or entry['dark'] != truth['dark']:
        errs.append('layout/dark differ between drawlog and truth')
    return errs


def compare(truth_rows, rebuilt):
    """Return list of (file, message) for every differing field or record count."""
    out = []
    for t in truth_rows:
        got = rebuilt.get(t['file'])
        if got is None:
            out.append((t['file'], 'not rebuilt'))
            continue
        if len(got) != len(t['records']):
            out.append((t['file'], 'record count truth %d rebuilt %d' % (len(t['records']), len(got))))
        for i, (a, b) in enumerate(zip(t['records'], got)):
            for f in FIELDS:
                if a.get(f, 'MISSING') != b[f]:
                    out.append((t['file'], 'rec %d %s: truth %r rebuilt %r' % (i, f, a.get(f), b[f])))
            if set(a) != set(FIELDS):
                out.append((t['file'], 'rec %d keys %s' % (i, sorted(a))))
    return out


def main():
    truth = [json.loads(l) for l in open(os.path.join(SET, 'truth.jsonl'), encoding='utf-8')]
    draws = {d['file']: d for d in (json.loads(l) for l in open(os.path.join(SET, 'drawlog.jsonl'), encoding='utf-8'))}
    cmaps = {False: TTCollection(FONT).fonts[2].getBestCmap(), True: TTCollection(FONT_BOLD).fonts[2].getBestCmap()}
    assert 'SC' in TTCollection(FONT).fonts[2]['name'].getDebugName(4)
    errors = []
    rebuilt = {}
    files_on_disk = sorted(f for f in os.listdir(SET) if f.endswith(('.png', '.jpg')))
    if sorted(t['file'] for t in truth) != files_on_disk or sorted(draws) != files_on_disk:
        errors.append(('*', 'truth / drawlog / images do not list the same files'))
    for t in truth:
        if list(t) != ['file', 'layout', 'dark', 'taken_on', 'thread', 'records']:
            errors.append((t['file'], 'top-level keys/order'))
        e = draws.get(t['file'])
        if e is None:
            errors.append((t['file'], 'no drawlog entry'))
            continue
        for m in hygiene(e, t, cmaps):
            errors.append((t['file'], m))
        taken = dt.date.fromisoformat(t['taken_on'])
        errs = []
        try:
            if e['layout'] in CALL_LAYOUTS:
                recs = rebuild_calls(e, taken, errs)
            else:
                recs = rebuild_sms(e, taken, errs)
        except ValueError as ex:
            errs.append('parse error: %s' % ex)
            recs = []
        for m in errs:
            errors.append((t['file'], m))
        rebuilt[t['file']] = recs
        for r in t['records']:
            if r['occurred_at'] is not None and r['occurred_at'][:10] > t['taken_on']:
                errors.append((t['file'], 'record later than taken_on'))
    errors += compare(truth, rebuilt)
    # overlap pairs: later shot starts with the last 1-2 bubbles of the earlier one
    threads = defaultdict(list)
    for t in truth:
        if t['thread']:
            threads[t['thread']].append(t)
    for tid, shots in threads.items():
        if len(shots) != 2:
            errors.append((tid, 'thread does not have exactly 2 shots'))
            continue
        a, b = sorted(shots, key=lambda t: name_time(t['file']))
        ok = False
        for k in (1, 2):
            if [(r['text'], r['direction']) for r in a['records'][-k:]] == [(r['text'], r['direction']) for r in b['records'][:k]]:
                ok = True
                if any(r['occurred_at'] is not None for r in b['records'][:k]):
                    errors.append((tid, 'repeated bubbles on the later shot should be null (no separator drawn)'))
        if not ok:
            errors.append((tid, 'later shot does not start with the tail of the earlier one'))
    # mutation test: alter 4 truth fields -> exactly 4 errors
    mut = copy.deepcopy(truth)
    sms = [t for t in mut if t['layout'] not in CALL_LAYOUTS and len(t['records']) > 1]
    calls = [t for t in mut if t['layout'] in CALL_LAYOUTS]
    sms[3]['records'][0]['text'] += '。'
    sms[10]['records'][1]['direction'] = 'in' if sms[10]['records'][1]['direction'] == 'out' else 'out'
    calls[0]['records'][2]['duration_seconds'] = (calls[0]['records'][2]['duration_seconds'] or 0) + 1
    r = [r for r in sms[20]['records'] if r['occurred_at']][0]
    r['occurred_at'] = r['occurred_at'].replace(':00+08:00', ':00+09:00')
    n_mut = len(compare(mut, rebuilt))
    n_base = len(compare(truth, rebuilt))
    if n_mut - n_base != 4 or n_base != 0:
        errors.append(('*', 'mutation test: base %d, mutated %d (expected 0 and 4)' % (n_base, n_mut)))
    # summary
    stats = defaultdict(lambda: defaultdict(int))
    for t in truth:
        s = stats[t['layout']]
        s['files'] += 1
        s['records'] += len(t['records'])
        s['dark'] += t['dark']
        s['jpeg'] += t['file'].endswith('.jpg')
        s['thread_shots'] += bool(t['thread'])
        s['null_time'] += sum(r['occurred_at'] is None for r in t['records'])
    print('| layout | files | records | dark | JPEG | overlap-pair shots | null-time records |')
    print('|---|---|---|---|---|---|---|')
    tot = defaultdict(int)
    for lay in sorted(stats):
        s = stats[lay]
        print('| %s | %d | %d | %d | %d | %d | %d |' % (lay, s['files'], s['records'], s['dark'], s['jpeg'], s['thread_shots'], s['null_time']))
        for k, v in s.items():
            tot[k] += v
    print('| total | %d | %d | %d | %d | %d | %d |' % (tot['files'], tot['records'], tot['dark'], tot['jpeg'], tot['thread_shots'], tot['null_time']))
    print('mutation test: 4 altered fields -> %d errors' % (n_mut - n_base))
    for f, m in errors[:60]:
        print('ERROR', f, m)
    print('%d errors' % len(errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
