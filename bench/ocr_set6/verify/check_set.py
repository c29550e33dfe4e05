#!/usr/bin/env python3
"""Independent checker for benchmark set 6.

Shares no code with make_set.py.  It rebuilds every record from drawlog.jsonl by geometry
and compares it with truth.jsonl field by field:
  * message lines are grouped into the bubble shape that contains them, top to bottom;
  * direction comes from the side of the bubble (smaller gap to the left edge -> "in");
  * time comes from the nearest separator above the bubble (own label parser below), combined
    with the bubble's own small time label where one sits under / beside the bubble;
  * sender comes from the header title (numbers reduced to digits) or the group nickname;
  * call rows: sender from the row name, call type from text label, icon shape or red name
    colour, duration from the row text, time from the row's time label.
Further checks: every string inside the image, no two strings overlap, every character in the
font cmap (Noto Sans CJK SC, face 2), file-name date == taken_on, image files exist with the
logged size and format, overlap pairs really overlap, and a mutation test (4 altered truth
fields must give exactly 4 errors).
Usage: python verify/check_set.py   (exit code 0 when there are no errors)
"""
import copy
import datetime as dt
import json
import os
import random
import re
import sys

from fontTools.ttLib import TTCollection
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.dirname(HERE)
FONT_REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'

WEEK_ZH = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
WEEK_EN = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])}
WEEK_EN.update({n: i for i, n in enumerate(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])})
MONTH_EN = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct',
                                            'nov', 'dec'])}


class LabelError(Exception):
    pass


# ------------------------------------------------------------------------------------------
# label parser (own implementation)
# ------------------------------------------------------------------------------------------
def _weekday_date(wd, ref):
    for back in range(2, 7):
        d = ref - dt.timedelta(days=back)
        if d.weekday() == wd:
            return d
    raise LabelError('weekday not resolvable')


def parse_when(label, ref, english):
    """Return (date or None, (hour, minute) or None) for a time/date label."""
    s = label.strip()
    s = re.sub(r'卡\s?[12]', ' ', s).strip()
    hm = None
    day = None
    weekday_seen = None
    if english:
        m = re.search(r'(\d{1,2}):(\d{2})\s*([AaPp][Mm])', s)
        if m:
            h, mi, ap = int(m.group(1)), int(m.group(2)), m.group(3).upper()
            if not 1 <= h <= 12:
                raise LabelError('bad 12h hour')
            h = h % 12 + (12 if ap == 'PM' else 0)
            hm = (h, mi)
            s = (s[:m.start()] + s[m.end():]).strip()
        s = re.sub(r'\bat\b', ' ', s).strip(' ,')
        low = s.lower()
        m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', s)
        m2 = re.fullmatch(r'(?:([a-z]{3}),\s*)?([a-z]{3})\s+(\d{1,2})(?:,\s*(\d{4}))?', low)
        if low == '':
            day = None
        elif low == 'today':
            day = ref
        elif low == 'yesterday':
            day = ref - dt.timedelta(days=1)
        elif low in WEEK_EN:
            day = _weekday_date(WEEK_EN[low], ref)
        elif m:
            day = dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
        elif m2:
            mon = MONTH_EN[m2.group(2)]
            yr = int(m2.group(4)) if m2.group(4) else ref.year
            day = dt.date(yr, mon, int(m2.group(3)))
            if not m2.group(4) and day > ref:
                raise LabelError('month-day later than taken_on')
            if m2.group(1):
                weekday_seen = WEEK_EN[m2.group(1)]
        else:
            raise LabelError('unparsed english label %r' % label)
    else:
        m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})', s)
        if m:
            per, h, mi = m.group(1), int(m.group(2)), int(m.group(3))
            if per in ('凌晨', '早上', '上午'):
                h = 0 if h == 12 else h
            elif per == '中午':
                h = h if h >= 11 else h + 12
            elif per in ('下午', '晚上'):
                h = 12 if h == 12 else h + 12
            if not (0 <= h <= 23 and 0 <= mi <= 59):
                raise LabelError('bad time')
            hm = (h, mi)
            s = (s[:m.start()] + s[m.end():]).strip()
        wk = re.search(r'(?:星期|周)([一二三四五六日天])', s)
        if wk:
            weekday_seen = WEEK_ZH[wk.group(1)]
            s = (s[:wk.start()] + s[wk.end():]).strip()
        if s == '':
            if weekday_seen is not None:
                day = _weekday_date(weekday_seen, ref)
                weekday_seen = None
        elif s == '今天':
            day = ref
        elif s == '昨天':
            day = ref - dt.timedelta(days=1)
        else:
            m1 = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', s)
            m2 = re.fullmatch(r'(\d{1,2})月(\d{1,2})日', s)
            m3 = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', s)
            m4 = re.fullmatch(r'(\d{1,2})/(\d{1,2})', s)
            if m1:
                day = dt.date(int(m1.group(1)), int(m1.group(2)), int(m1.group(3)))
            elif m3:
                day = dt.date(int(m3.group(1)), int(m3.group(2)), int(m3.group(3)))
            elif m2 or m4:
                mm = m2 or m4
                day = dt.date(ref.year, int(mm.group(1)), int(mm.group(2)))
                if day > ref:
                    raise LabelError('month-day later than taken_on')
            else:
                raise LabelError('unparsed label %r' % label)
    if day is None and hm is not None:
        day = ref            # a bare time of day means the screenshot's day
    if weekday_seen is not None and day is not None and day.weekday() != weekday_seen:
        raise LabelError('weekday does not match date in %r' % label)
    if day is not None and day > ref:
        raise LabelError('date after taken_on in %r' % label)
    return day, hm


def iso(day, hm):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (day.year, day.month, day.day, hm[0], hm[1])


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------
def inside(pt, box):
    return box[0] <= pt[0] <= box[2] and box[1] <= pt[1] <= box[3]


def center(box):
    return ((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0)


def gap(a, b):
    dx = max(0, a[0] - b[2], b[0] - a[2])
    dy = max(0, a[1] - b[3], b[1] - a[3])
    return dx + dy


def sender_norm(title):
    t = title.strip()
    if re.fullmatch(r'\+?[\d\s\-]+', t):
        if t.startswith('+86'):
            t = t[3:]
        return re.sub(r'\D', '', t)
    return t


def is_red(hexcol):
    r, g, b = int(hexcol[1:3], 16), int(hexcol[3:5], 16), int(hexcol[5:7], 16)
    return r > 200 and g < 120 and b < 120


def non_ascii(s):
    return any(ord(c) > 127 for c in s)


# ------------------------------------------------------------------------------------------
# rebuild records from a draw log entry
# ------------------------------------------------------------------------------------------
def rebuild_chat(entry, taken_on, problems):
    W, H = entry['size']
    english = entry['layout'].endswith('_en')
    texts = [it for it in entry['items'] if it['type'] == 'text']
    bubbles = [it for it in entry['items'] if it['type'] == 'shape' and it['kind'] == 'bubble']
    bubbles.sort(key=lambda b: b['box'][1])
    lines = [t for t in texts if t['role'] == 'msg']
    seps = [t for t in texts if t['role'] == 'sep']
    owns = [t for t in texts if t['role'] == 'msg_time']
    nicks = [t for t in texts if t['role'] == 'nick']
    titles = [t for t in texts if t['role'] == 'title']
    if len(titles) != 1:
        problems.append('expected one title, got %d' % len(titles))
        return []
    title = titles[0]['text']
    group = entry['layout'] == 'wechat_group'
    if group:
        thread_sender = re.sub(r'\(\d+\)$', '', title)
    else:
        thread_sender = sender_norm(title)
    for s in seps:
        if abs(center(s['box'])[0] - W / 2) > 3:
            problems.append('separator not centred: %r' % s['text'])
    # lines -> bubbles
    owned = {id(b): [] for b in bubbles}
    for ln in lines:
        hits = [b for b in bubbles if inside(center(ln['box']), b['box'])]
        if len(hits) != 1:
            problems.append('line %r in %d bubbles' % (ln['text'], len(hits)))
            continue
        owned[id(hits[0])].append(ln)
    # own time labels -> nearest bubble
    own_of = {}
    for o in owns:
        best = min(bubbles, key=lambda b: gap(o['box'], b['box']))
        if gap(o['box'], best['box']) > 40:
            problems.append('time label %r far from bubbles' % o['text'])
        if id(best) in own_of:
            problems.append('two time labels on one bubble')
        own_of[id(best)] = o
    # bubbles must lie inside the content area
    chrome = [it for it in entry['items'] if it['type'] == 'shape' and it['kind'] in ('input_bar', 'input_field')]
    title_bottom = max(t['box'][3] for t in titles)
    recs = []
    for b in bubbles:
        bx = b['box']
        if bx[1] <= title_bottom or any(bx[3] > c['box'][1] for c in chrome):
            problems.append('bubble not fully in the content area at %s' % bx)
        ls = sorted(owned[id(b)], key=lambda t: t['box'][1])
        if not ls:
            problems.append('empty bubble')
            continue
        for a, c in zip(ls, ls[1:]):
            if c['box'][1] < a['box'][3]:
                problems.append('bubble lines not stacked')
        joiner = '' if any(non_ascii(t['text']) for t in ls) else ' '
        text = joiner.join(t['text'] for t in ls)
        direction = 'in' if bx[0] < W - bx[2] else 'out'
        # time
        above = [s for s in seps if s['box'][3] <= bx[1]]
        occ = None
        if above:
            sep = max(above, key=lambda s: s['box'][3])
            try:
                day, hm = parse_when(sep['text'], taken_on, english)
                if id(b) in own_of:
                    _, own_hm = parse_when(own_of[id(b)]['text'], taken_on, english)
                    if own_hm is None:
                        raise LabelError('own label without time')
                    hm = own_hm
                if day is not None and hm is not None:
                    occ = iso(day, hm)
            except LabelError as e:
                problems.append(str(e))
        # sender
        sender = thread_sender
        if group and direction == 'in':
            cand = [n for n in nicks if 0 <= bx[1] - n['box'][3] <= 40 and abs(n['box'][0] - bx[0]) < 30]
            if len(cand) != 1:
                problems.append('incoming group bubble without a nickname above it')
            else:
                sender = cand[0]['text']
        recs.append({'kind': 'im' if entry['layout'].startswith('wechat') else 'sms', 'sender': sender,
                     'occurred_at': occ, 'direction': direction, 'text': text, 'call_type': None,
                     'duration_seconds': None})
    return recs


def parse_duration(s):
    m = re.search(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', s)
    if not m:
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))


def rebuild_calls(entry, taken_on, problems):
    english = entry['layout'].endswith('_en')
    items = entry['items']
    names = sorted([t for t in items if t['type'] == 'text' and t['role'] == 'call_name'], key=lambda t: t['box'][1])
    recs = []
    for i, nm in enumerate(names):
        top = nm['box'][1] - 30
        bot = names[i + 1]['box'][1] - 30 if i + 1 < len(names) else 10 ** 9
        row = [it for it in items if top <= center(it['box'])[1] < bot and it is not nm]
        if i + 1 == len(names):
            # last row: stop at the next chrome element (tab bar / dial button)
            lim = min([it['box'][1] for it in items if it['type'] == 'shape' and it['kind'] in ('tab_bar', 'fab_dial')
                       and it['box'][1] > nm['box'][3]] + [10 ** 9])
            row = [it for it in row if center(it['box'])[1] < lim]
        evid = set()
        connected_label = False
        dur = None
        occ = None
        time_labels = [it for it in row if it['type'] == 'text' and it['role'] == 'call_time']
        if len(time_labels) != 1:
            problems.append('row %r has %d time labels' % (nm['text'], len(time_labels)))
        else:
            try:
                day, hm = parse_when(time_labels[0]['text'], taken_on, english)
                if day is not None and hm is not None:
                    occ = iso(day, hm)
            except LabelError as e:
                problems.append(str(e))
        for it in row:
            if it['type'] == 'shape':
                k = it['kind']
                if k == 'icon_call_missed':
                    evid.add('missed')
                elif k == 'icon_call_out':
                    evid.add('outgoing')
                elif k == 'icon_call_in':
                    evid.add('incoming')
                continue
            if it['role'] in ('call_label', 'call_duration', 'call_sub'):
                tx = it['text']
                if it['role'] == 'call_label':
                    if tx.startswith('未接通'):
                        evid.add('outgoing')
                    elif tx.startswith('未接') or tx.startswith('响铃'):
                        evid.add('missed')
                    elif tx.startswith('呼入'):
                        evid.add('incoming')
                        connected_label = True
                    elif tx.startswith('呼出'):
                        evid.add('outgoing')
                        connected_label = True
                if it['role'] in ('call_label', 'call_duration'):
                    d = parse_duration(tx)
                    if d is not None:
                        if dur is not None:
                            problems.append('two durations in a row')
                        dur = d
        if is_red(nm['color']):
            evid.add('missed')
        if not evid:
            evid.add('incoming')   # iPhone: plain row without icon
        if len(evid) != 1:
            problems.append('contradictory call type evidence %s for %r' % (sorted(evid), nm['text']))
        ctype = sorted(evid)[0]
        if ctype == 'missed' and dur is not None:
            problems.append('missed call with a duration')
        counts = [it for it in row if it['type'] == 'text' and it['role'] == 'call_count']
        for c in counts:
            if not re.fullmatch(r'\(\d+\)', c['text']):
                problems.append('bad counter %r' % c['text'])
        recs.append({'kind': 'call', 'sender': sender_norm(nm['text']), 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
    return recs


def rebuild(entry, taken_on, problems):
    if entry['layout'].endswith('_calls') or entry['layout'].endswith('_calls_en'):
        return rebuild_calls(entry, taken_on, problems)
    return rebuild_chat(entry, taken_on, problems)


FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']


def compare(truth, rebuilt_by_file):
    errors = []
    for t in truth:
        rb = rebuilt_by_file.get(t['file'])
        if rb is None:
            errors.append('%s: no drawlog' % t['file'])
            continue
        tr = t['records']
        if len(tr) != len(rb):
            errors.append('%s: %d truth records vs %d rebuilt' % (t['file'], len(tr), len(rb)))
        for i, (a, b) in enumerate(zip(tr, rb)):
            if set(a.keys()) != set(FIELDS):
                errors.append('%s #%d: bad keys %s' % (t['file'], i, sorted(a.keys())))
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    errors.append('%s #%d %s: truth %r, drawn %r' % (t['file'], i, f, a.get(f), b.get(f)))
    return errors


# ------------------------------------------------------------------------------------------
# other checks
# ------------------------------------------------------------------------------------------
def boxes_overlap(a, b):
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def name_date(fname):
    pats = [(r'Screenshot_(\d{4})(\d{2})(\d{2})_\d{6}\.png', 3), (r'Screenshot_(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}\.png', 3),
            (r'IMG_(\d{4})(\d{2})(\d{2})_\d{6}\.jpg', 3), (r'Screenshot (\d{4})-(\d{2})-(\d{2}) at \d{2}\.\d{2}\.\d{2}\.png', 3),
            (r'IMG_\d{4}\.PNG', 0)]
    for p, n in pats:
        m = re.fullmatch(p, fname)
        if m:
            if n == 0:
                return 'nodate'
            return '%s-%s-%s' % m.groups()
    return None


def main(argv):
    truth = [json.loads(l) for l in open(os.path.join(SET, 'truth.jsonl'), encoding='utf-8')]
    logs = [json.loads(l) for l in open(os.path.join(SET, 'drawlog.jsonl'), encoding='utf-8')]
    errors = []
    by_file = {e['file']: e for e in logs}
    if len(by_file) != len(logs) or len(truth) != len(logs):
        errors.append('truth/drawlog line counts or file names disagree')
    truth_by_file = {t['file']: t for t in truth}
    cmaps = {False: TTCollection(FONT_REG).fonts[2], True: TTCollection(FONT_BOLD).fonts[2]}
    for f in cmaps.values():
        assert 'SC' in f['name'].getDebugName(4)
    cmaps = {k: set(v.getBestCmap().keys()) for k, v in cmaps.items()}
    rebuilt = {}
    for e in logs:
        fn = e['file']
        t = truth_by_file.get(fn)
        if t is None:
            errors.append('%s: not in truth' % fn)
            continue
        W, H = e['size']
        # image file
        path = os.path.join(SET, fn)
        if not os.path.exists(path):
            errors.append('%s: image missing' % fn)
        else:
            with Image.open(path) as im:
                if list(im.size) != [W, H]:
                    errors.append('%s: size %s vs log %s' % (fn, im.size, (W, H)))
                want = 'JPEG' if fn.lower().endswith('.jpg') else 'PNG'
                if im.format != want:
                    errors.append('%s: format %s' % (fn, im.format))
        # header fields
        for k in ('layout', 'dark'):
            if t[k] != e[k]:
                errors.append('%s: %s differs between truth and drawlog' % (fn, k))
        nd = name_date(fn)
        if nd is None:
            errors.append('%s: unknown file name pattern' % fn)
        elif nd != 'nodate' and nd != t['taken_on']:
            errors.append('%s: file-name date %s != taken_on %s' % (fn, nd, t['taken_on']))
        if not ('2025-09-01' <= t['taken_on'] <= '2026-11-30'):
            errors.append('%s: taken_on out of range' % fn)
        texts = [it for it in e['items'] if it['type'] == 'text']
        for it in texts:
            b = it['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                errors.append('%s: text %r leaves the image %s' % (fn, it['text'], b))
            miss = [c for c in it['text'] if ord(c) not in cmaps[it.get('bold', False)]]
            if miss:
                errors.append('%s: chars not in font: %r' % (fn, miss))
            if it['role'] == 'msg' and not (36 <= it['size'] <= 60):
                errors.append('%s: message font size %d' % (fn, it['size']))
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if boxes_overlap(texts[i]['box'], texts[j]['box']):
                    errors.append('%s: strings overlap: %r / %r' % (fn, texts[i]['text'], texts[j]['text']))
        probs = []
        ref = dt.date.fromisoformat(t['taken_on'])
        rebuilt[fn] = rebuild(e, ref, probs)
        errors.extend('%s: %s' % (fn, p) for p in probs)
        # occurred_at never after the screenshot day
        for r in t['records']:
            if r['occurred_at'] and r['occurred_at'][:10] > t['taken_on']:
                errors.append('%s: occurred_at after taken_on' % fn)
    errors.extend(compare(truth, rebuilt))
    # overlap pairs
    threads = {}
    for t in truth:
        if t['thread']:
            threads.setdefault(t['thread'], []).append(t)
    for tid, shots in threads.items():
        if len(shots) != 2:
            errors.append('thread %s has %d screenshots' % (tid, len(shots)))
            continue
        a, b = shots
        ok = False
        for n in (1, 2):
            ta = [(r['text'], r['direction'], r['sender']) for r in a['records'][-n:]]
            tb = [(r['text'], r['direction'], r['sender']) for r in b['records'][:n]]
            if ta == tb and len(a['records']) >= n:
                ok = True
                if b['records'][0]['occurred_at'] is not None:
                    errors.append('thread %s: repeated first bubble has a time' % tid)
        if not ok:
            errors.append('thread %s: later screenshot does not start with the last bubbles of the earlier' % tid)
        if a['layout'] != b['layout'] or a['taken_on'] > b['taken_on']:
            errors.append('thread %s: inconsistent pair' % tid)
    # mutation test
    rnd = random.Random(7)
    mut = copy.deepcopy(truth)
    cand = [(fi, ri) for fi, t in enumerate(mut) for ri in range(len(t['records']))]
    picks = rnd.sample(cand, 4)
    muts = []
    for n, (fi, ri) in enumerate(picks):
        r = mut[fi]['records'][ri]
        field = ['sender', 'direction', 'occurred_at', 'text'][n] if r['kind'] != 'call' else \
            ['sender', 'direction', 'occurred_at', 'call_type'][n]
        if field == 'sender':
            r['sender'] = r['sender'] + 'X'
        elif field == 'direction':
            r['direction'] = 'out' if r['direction'] == 'in' else 'in'
        elif field == 'occurred_at':
            r['occurred_at'] = '2020-01-01T00:00:00+08:00' if r['occurred_at'] is None else None
        elif field == 'text':
            r['text'] = r['text'] + '。'
        else:
            r['call_type'] = 'missed' if r['call_type'] != 'missed' else 'incoming'
        muts.append('%s #%d %s' % (mut[fi]['file'], ri, field))
    mut_errors = compare(mut, rebuilt)
    base_errors = compare(truth, rebuilt)
    mut_ok = len(mut_errors) - len(base_errors) == 4
    nrec = sum(len(t['records']) for t in truth)
    print('images: %d   records: %d' % (len(truth), nrec))
    print('mutation test: %d errors for 4 altered fields (%s) -> %s'
          % (len(mut_errors) - len(base_errors), '; '.join(muts), 'OK' if mut_ok else 'FAILED'))
    if not mut_ok:
        errors.append('mutation test failed')
    for er in errors[:200]:
        print('ERROR', er)
    print('errors: %d' % len(errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
