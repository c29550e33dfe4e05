#!/usr/bin/env python3
"""Independent check of ocr_set3.

Re-derives every record from the drawn strings in drawlog.jsonl (text + box + colour,
bubble/row rectangles) with its own time-label parser, and compares with truth.jsonl.
Also checks: PNGs exist with the logged size, no text leaves the image, no two drawn
strings overlap, no two bubbles overlap, every message line sits inside one bubble,
every character is in the Noto Sans CJK SC face, thread overlaps repeat 1-2 bubbles,
file-name dates equal taken_on.
Usage: python verify/check_set.py   (exit code 0 = all good)
"""
import collections
import datetime as dt
import json
import os
import re
import sys

from fontTools.ttLib import TTCollection
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []


def err(f, msg):
    errors.append('%s: %s' % (f, msg))


# ------------------------------------------------------------ own time parser
ZH_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])}
EN_MON = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}
TIME_RE = re.compile(r'(凌晨|早上|上午|中午|下午|晚上)?(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?$')


def parse_clock(s):
    m = TIME_RE.search(s)
    if not m:
        return None, s
    per, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    if ap:
        h = h % 12 + (12 if ap.upper() == 'PM' else 0)
    elif per in ('凌晨', '早上', '上午'):
        h = 0 if h == 12 else h
    elif per == '中午':
        h = h if h >= 11 else h + 12
    elif per in ('下午', '晚上'):
        h = h if h == 12 else h + 12
    assert 0 <= h < 24 and 0 <= mi < 60, s
    return (h, mi), s[:m.start()].strip()


def parse_day(s, taken):
    s = re.sub(r'\s*\bat$', '', s.strip()).strip()
    if s in ('', '今天', 'Today'):
        return taken
    if s in ('昨天', 'Yesterday'):
        return taken - dt.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', s)
    wd = ZH_WD[m.group(1)] if m else EN_WD.get(s.lower())
    if wd is not None:
        hits = [taken - dt.timedelta(days=k) for k in range(2, 7) if (taken - dt.timedelta(days=k)).weekday() == wd]
        assert len(hits) == 1, s
        return hits[0]
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日', s)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        return d if d <= taken else d.replace(year=d.year - 1)
    m = re.fullmatch(r'(?:[A-Za-z]{3},\s*)?([A-Za-z]{3})\s+(\d{1,2})(?:,\s*(\d{4}))?', s)
    if m:
        y = int(m.group(3)) if m.group(3) else taken.year
        d = dt.date(y, EN_MON[m.group(1).lower()], int(m.group(2)))
        if not m.group(3) and d > taken:
            d = d.replace(year=d.year - 1)
        return d
    raise ValueError('unparsed day label %r' % s)


def parse_label(s, taken):
    clock, rest = parse_clock(s.strip())
    return parse_day(rest, taken), clock


def iso(d, clock):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, clock[0], clock[1])


def dur_secs(s):
    m = re.fullmatch(r'(?:(\d+)小时)?(?:(\d+)分)?(?:(\d+)秒)?', s)
    if not m or not any(m.groups()):
        return None
    h, mi, se = (int(x) if x else 0 for x in m.groups())
    return h * 3600 + mi * 60 + se


def sender_of(shown):
    if re.fullmatch(r'\+?[\d][\d \-]*', shown):
        d = re.sub(r'[^\d]', '', shown)
        return d[2:] if shown.startswith('+86') else d
    return shown


# ------------------------------------------------------------ geometry helpers
def inside(a, b, tol=0):
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def center_in(a, b):
    cx, cy = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2
    return b[0] <= cx <= b[2] and b[1] <= cy <= b[3]


# ------------------------------------------------------------ derive records
def derive_chat(f, layout, ents, W, taken):
    texts = [e for e in ents if e['type'] == 'text']
    bubbles = sorted([e for e in ents if e['role'] == 'bubble'], key=lambda e: e['box'][1])
    seps = [e for e in texts if e['role'] == 'sep']
    btimes = [e for e in texts if e['role'] == 'btime']
    nicks = [e for e in texts if e['role'] == 'nick']
    titles = [e for e in texts if e['role'] == 'header_title']
    if len(titles) != 1:
        err(f, 'header titles %d' % len(titles))
        return []
    title = titles[0]['text']
    group = layout == 'wechat_group'
    if group:
        m = re.fullmatch(r'(.*)\((\d+)\)', title)
        if not m:
            err(f, 'group title without count')
        own = m.group(1) if m else title
    else:
        own = sender_of(title)
    lines = [e for e in texts if e['role'] == 'msg']
    used = set()
    events = [('sep', e['box'][1], e) for e in seps] + [('bub', e['box'][1], e) for e in bubbles]
    events.sort(key=lambda x: x[1])
    cur = None
    recs = []
    kind = 'im' if layout.startswith('wechat') else 'sms'
    for typ, _, e in events:
        if typ == 'sep':
            cur = parse_label(e['text'], taken)
            continue
        b = e['box']
        mine = sorted([l for l in lines if center_in(l['box'], b)], key=lambda l: l['box'][1])
        for l in mine:
            used.add(id(l))
            if not inside(l['box'], b):
                err(f, 'line leaves bubble: %s' % l['text'])
        if not mine:
            err(f, 'empty bubble')
            continue
        text = ''.join((l['brk'] if k else '') + l['text'] for k, l in enumerate(mine))
        direction = 'out' if (b[0] + b[2]) / 2 > W / 2 else 'in'
        if direction == 'in' and b[0] > W * 0.3 or direction == 'out' and b[2] < W * 0.7:
            err(f, 'bubble not at a side')
        bt = [t for t in btimes if 0 <= t['box'][1] - b[3] <= 60 and overlap([b[0], 0, b[2], 10 ** 6], t['box'])]
        occ = None
        if btimes:
            if len(bt) != 1:
                err(f, 'bubble without own time')
            elif cur is not None:
                clk, rest = parse_clock(bt[0]['text'])
                assert rest == ''
                occ = iso(cur[0], clk)
        elif cur is not None:
            if cur[1] is None:
                err(f, 'separator without time in a layout without bubble times')
            else:
                occ = iso(cur[0], cur[1])
        if group and direction == 'in':
            nk = [n for n in nicks if 0 <= b[1] - n['box'][3] <= 40 and abs(n['box'][0] - b[0]) < 60]
            if len(nk) != 1:
                err(f, 'incoming group bubble without nickname')
                snd = None
            else:
                snd = nk[0]['text']
        else:
            snd = own
        recs.append(dict(kind=kind, sender=snd, occurred_at=occ, direction=direction, text=text,
                         call_type=None, duration_seconds=None))
    for l in lines:
        if id(l) not in used:
            err(f, 'message line outside any bubble: %s' % l['text'])
    return recs


def derive_calls(f, layout, ents, W, taken):
    rows = sorted([e for e in ents if e['role'] == 'call_row'], key=lambda e: e['box'][1])
    recs = []
    for r in rows:
        rb = r['box']
        inrow = [e for e in ents if e is not r and center_in(e['box'], rb)]
        get = lambda role: [e for e in inrow if e['role'] == role]
        name, tl, du, lab = get('call_name'), get('call_time'), get('call_dur'), get('call_label')
        if len(name) != 1 or len(tl) != 1:
            err(f, 'row without name/time')
            continue
        name = name[0]
        red = name['fill'].lower() in ('#e8403c',)
        if lab:
            ct = {'未接': 'missed', '呼入': 'incoming', '呼出': 'outgoing'}[lab[0]['text']]
        elif get('call_icon'):
            ct = {'missed': 'missed', 'in': 'incoming', 'out': 'outgoing'}[get('call_icon')[0]['ckind']]
        else:
            ct = 'missed' if red else 'outgoing' if get('out_icon') else 'incoming'
        if red != (ct == 'missed'):
            err(f, 'missed colour mismatch')
        d = dur_secs(du[0]['text']) if du else None
        day, clk = parse_label(tl[0]['text'], taken)
        recs.append(dict(kind='call', sender=sender_of(name['text']), occurred_at=iso(day, clk),
                         direction='out' if ct == 'outgoing' else 'in', text=None, call_type=ct, duration_seconds=d))
    return recs


def main():
    truth = [json.loads(l) for l in open(os.path.join(ROOT, 'truth.jsonl'), encoding='utf-8')]
    log = collections.defaultdict(list)
    for l in open(os.path.join(ROOT, 'drawlog.jsonl'), encoding='utf-8'):
        e = json.loads(l)
        log[e['file']].append(e)
    ttc = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
    face = ttc.fonts[2]
    assert 'SC' in face['name'].getDebugName(4), face['name'].getDebugName(4)
    cmap = face.getBestCmap()
    pngs = sorted(x for x in os.listdir(ROOT) if x.endswith('.png'))
    files = [t['file'] for t in truth]
    if sorted(files) != pngs or len(set(files)) != len(files):
        err('*', 'truth files != PNGs on disk')
    keys = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
    nrec = 0
    for t in truth:
        f = t['file']
        assert set(t) == {'file', 'layout', 'dark', 'taken_on', 'thread', 'records'}, f
        taken = dt.date.fromisoformat(t['taken_on'])
        m = re.search(r'_(\d{8})_\d{6}', f)
        if m and m.group(1) != taken.strftime('%Y%m%d'):
            err(f, 'file-name date != taken_on')
        im = Image.open(os.path.join(ROOT, f))
        W, H = im.size
        ok_size = (1170, 2532) if t['layout'].startswith('iphone') else None
        if ok_size and (W, H) != ok_size or (W, H) not in ((1080, 2340), (1080, 2400), (1170, 2532)):
            err(f, 'size %s' % ((W, H),))
        # dark mode: mean luminance of the screen
        px = im.convert('L').resize((54, 117))
        mean = sum(px.getdata()) / (54 * 117)
        if (mean < 110) != t['dark']:
            err(f, 'dark flag mismatch (mean %.0f)' % mean)
        ents = log[f]
        texts = [e for e in ents if e['type'] == 'text']
        for e in texts:
            b = e['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                err(f, 'text leaves image: %s' % e['text'])
            for ch in e['text']:
                if ch != ' ' and ord(ch) not in cmap:
                    err(f, 'char not in font: %r' % ch)
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if overlap(texts[i]['box'], texts[j]['box']):
                    err(f, 'texts overlap: %r / %r' % (texts[i]['text'], texts[j]['text']))
        bubbles = [e for e in ents if e['role'] in ('bubble', 'call_row')]
        for i in range(len(bubbles)):
            b = bubbles[i]['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                err(f, 'bubble/row leaves image')
            for j in range(i + 1, len(bubbles)):
                if overlap(b, bubbles[j]['box']):
                    err(f, 'bubbles overlap')
            for e in texts:
                if e['role'] not in ('msg', 'call_name', 'call_time', 'call_dur', 'call_label', 'call_sub') and overlap(b, e['box']):
                    err(f, 'non-message text %r over a bubble/row' % e['text'])
        if t['layout'].endswith('_calls'):
            recs = derive_calls(f, t['layout'], ents, W, taken)
        else:
            recs = derive_chat(f, t['layout'], ents, W, taken)
        truth_recs = [{k: r[k] for k in keys} for r in t['records']]
        if any(set(r) != set(keys) for r in t['records']):
            err(f, 'record keys')
        if recs != truth_recs:
            for k in range(max(len(recs), len(truth_recs))):
                a = recs[k] if k < len(recs) else None
                b = truth_recs[k] if k < len(truth_recs) else None
                if a != b:
                    err(f, 'record %d differs:\n  drawn %s\n  truth %s' % (k, a, b))
                    break
        for r in t['records']:
            if r['occurred_at'] and r['occurred_at'][:10] > t['taken_on']:
                err(f, 'record later than taken_on')
            if r['occurred_at'] and not r['occurred_at'].endswith(':00+08:00'):
                err(f, 'bad timestamp')
        nrec += len(t['records'])
    # threads
    th = collections.defaultdict(list)
    for t in truth:
        if t['thread']:
            th[t['thread']].append(t)
    for tid, ts in th.items():
        for a, b in zip(ts, ts[1:]):
            ta = [r['text'] for r in a['records']]
            tb = [r['text'] for r in b['records']]
            if not any(ta[-k:] == tb[:k] for k in (1, 2)):
                err(tid, 'overlap does not repeat last 1-2 bubbles')
    print('checked %d files, %d records, %d threads' % (len(truth), nrec, len(th)))
    for e in errors[:60]:
        print('ERROR', e)
    print('errors:', len(errors))
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
