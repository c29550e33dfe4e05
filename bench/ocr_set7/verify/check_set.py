#!/usr/bin/env python3
"""Independent checker for ocr_set7.  Shares no code with make_set.py.

It rebuilds every record from drawlog.jsonl by geometry only (strings with their ink boxes and
roles, shapes with their boxes), resolves dates against taken_on, and compares the result with
truth.jsonl field by field.  It also checks image files, bounds, string overlaps, font coverage,
file-name dates, status-bar clocks, overlap pairs, and runs a mutation test.

Usage: python verify/check_set.py [set_dir]
"""
import os, sys, re, json, copy, datetime as dt
from PIL import Image
from fontTools.ttLib import TTCollection

SET = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT_DIRS = ['/usr/share/fonts/opentype/noto']
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']

# ------------------------------------------------------------------ helpers
_cm = {}


def font_cmap(fname, face):
    k = (fname, face)
    if k not in _cm:
        for d in FONT_DIRS:
            p = os.path.join(d, fname)
            if os.path.exists(p):
                _cm[k] = set(TTCollection(p).fonts[face].getBestCmap().keys())
                break
        else:
            raise FileNotFoundError(fname)
    return _cm[k]


def cy(b):
    return (b[1] + b[3]) / 2


def cx(b):
    return (b[0] + b[2]) / 2


def inside(inner, outer, tol=0):
    return inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol


def overlap(a, b):
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def only_digits_sender(s):
    if re.fullmatch(r'[+\d][\d\s\-]*', s):
        d = re.sub(r'[\s\-]', '', s)
        if d.startswith('+86'):
            d = d[3:]
        return d
    return s


def is_red(col):
    if not isinstance(col, str) or not col.startswith('#'):
        return False
    r_, g_, b_ = int(col[1:3], 16), int(col[3:5], 16), int(col[5:7], 16)
    return r_ > 200 and g_ < 120 and b_ < 120

# ------------------------------------------------------------------ time parsing
CN_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'monday': 0, 'tuesday': 1, 'wednesday': 2, 'thursday': 3, 'friday': 4, 'saturday': 5, 'sunday': 6}
EN_MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}


def parse_clock(s):
    m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(\s*(AM|PM))?', s)
    if not m:
        return None
    per, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(5)
    if per in ('凌晨', '早上', '上午') or ap == 'AM':
        h = h % 12
    elif per == '中午':
        h = 12 if h == 12 else h + 12
    elif per in ('下午', '晚上') or ap == 'PM':
        h = h % 12 + 12
    return dt.time(h, mi)


def parse_day(s, T):
    """Return date or None if the label has no day part (bare time = today)."""
    m = re.search(r'(\d{4})年(\d{1,2})月(\d{1,2})日', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r'(\d{1,2})月(\d{1,2})日', s)
    if m:
        return same_year(T, int(m.group(1)), int(m.group(2)))
    m = re.search(r'\b(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r'\b(\d{1,2})/(\d{1,2})/(\d{2})\b', s)
    if m:
        return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.search(r'(?<![\d:])(\d{1,2})[/-](\d{1,2})(?![\d:])', s)
    if m:
        return same_year(T, int(m.group(1)), int(m.group(2)))
    m = re.search(r'\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{1,2})(,\s*(\d{4}))?', s)
    if m:
        mo, d = EN_MON[m.group(1).lower()], int(m.group(2))
        return dt.date(int(m.group(4)), mo, d) if m.group(4) else same_year(T, mo, d)
    if '今天' in s or 'Today' in s:
        return T
    if '昨天' in s or 'Yesterday' in s:
        return T - dt.timedelta(days=1)
    m = re.search(r'(星期|周)([一二三四五六日天])', s)
    wd = CN_WD[m.group(2)] if m else None
    if wd is None:
        for k, v in EN_WD.items():
            if re.search(r'\b' + k + r'\b', s.lower()):
                wd = v
    if wd is not None:
        for n in range(2, 7):
            d = T - dt.timedelta(days=n)
            if d.weekday() == wd:
                return d
        raise ValueError('weekday not resolvable ' + s)
    return None


def same_year(T, mo, d):
    x = dt.date(T.year, mo, d)
    if x > T:
        raise ValueError('date later than taken_on without year')
    return x


def iso(d, t):
    return f'{d.isoformat()}T{t.hour:02d}:{t.minute:02d}:00+08:00'


def resolve_full(label, T):
    """Separator / call label with day and clock -> iso or None."""
    t = parse_clock(label)
    if t is None:
        return None
    d = parse_day(label, T)
    if d is None:
        d = T
    return iso(d, t)

# ------------------------------------------------------------------ rebuild


def rebuild(dl, T):
    lay = dl['layout']
    S, SH = dl['strings'], dl['shapes']
    W = dl['size'][0]
    probs = []
    if lay.endswith('_calls') or lay.endswith('_calls_en'):
        return rebuild_calls(dl, T, probs), probs
    bubbles = sorted([s for s in SH if s['role'] == 'bubble'], key=lambda s: s['bbox'][1])
    lines = [s for s in S if s['role'] == 'msg_line']
    seps = [s for s in S if s['role'] == 'separator']
    owns = [s for s in S if s['role'] == 'own_time']
    nicks = [s for s in S if s['role'] == 'nickname']
    header = [s for s in S if s['role'] == 'header_name']
    if len(header) != 1:
        probs.append('header count %d' % len(header))
    hname = header[0]['text'] if header else ''
    own_layout = lay in ('huawei_sms', 'honor_sms', 'vivo_sms')
    grouped = {i: [] for i in range(len(bubbles))}
    for ln in lines:
        hit = [i for i, b in enumerate(bubbles) if inside(ln['bbox'], b['bbox'])]
        if len(hit) != 1:
            probs.append(f'line not in exactly one bubble: {ln["text"]}')
            continue
        grouped[hit[0]].append(ln)
    own_of = {}
    for o in owns:
        c = cy(o['bbox'])
        cand = [i for i, b in enumerate(bubbles) if b['bbox'][1] <= c]
        if not cand:
            probs.append('own time above all bubbles')
            continue
        i = max(cand, key=lambda i: bubbles[i]['bbox'][1])
        if i in own_of:
            probs.append('two own times for one bubble')
        own_of[i] = o
    recs = []
    for i, b in enumerate(bubbles):
        ls = sorted(grouped[i], key=lambda s: s['bbox'][1])
        if not ls:
            probs.append('empty bubble')
            continue
        texts = [l['text'] for l in ls]
        if any(t != t.strip() for t in texts):
            probs.append('line starts or ends with a space: %r' % texts)
        if all(all(ord(c) < 128 for c in t) for t in texts):
            text = ' '.join(texts)
        else:
            text = ''.join(texts)
        direction = 'out' if cx(b['bbox']) > W / 2 else 'in'
        top = b['bbox'][1]
        above = [s for s in seps if s['bbox'][3] <= top]
        sep = max(above, key=lambda s: s['bbox'][3]) if above else None
        if own_layout:
            o = own_of.get(i)
            if o is None:
                probs.append('bubble without own time')
                occ = None
            elif sep is None:
                occ = None
            else:
                d = parse_day(sep['text'], T)
                occ = iso(d, parse_clock(o['text']))
        else:
            occ = resolve_full(sep['text'], T) if sep else None
        if lay == 'wechat_group':
            if direction == 'in':
                cand = [n for n in nicks if n['bbox'][3] <= top and top - n['bbox'][3] < 3 * n['size']
                        and abs(n['bbox'][0] - b['bbox'][0]) < 40]
                sender = cand[0]['text'] if len(cand) == 1 else None
                if len(cand) != 1:
                    probs.append('nickname not found')
            else:
                sender = re.sub(r'\(\d+\)$', '', hname)
        elif lay == 'wechat_private':
            sender = hname
        else:
            sender = only_digits_sender(hname)
        recs.append({'kind': 'im' if lay.startswith('wechat') else 'sms', 'sender': sender, 'occurred_at': occ,
                     'direction': direction, 'text': text, 'call_type': None, 'duration_seconds': None})
    return recs, probs


def parse_dur(s):
    m = re.fullmatch(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', s)
    if not m:
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))


def rebuild_calls(dl, T, probs):
    S, SH = dl['strings'], dl['shapes']
    names = sorted([s for s in S if s['role'] == 'call_name'], key=lambda s: s['bbox'][1])
    recs = []
    callish = [s for s in S if s['role'].startswith('call_')]
    icons = [s for s in SH if s['role'] == 'call_icon']
    for i, nm in enumerate(names):
        lo = nm['bbox'][1] - 0.6 * nm['size']
        hi = names[i + 1]['bbox'][1] - 0.6 * nm['size'] if i + 1 < len(names) else 1e9
        band = [s for s in callish if lo <= cy(s['bbox']) < hi]
        bicons = [s for s in icons if lo <= cy(s['bbox']) < hi]
        times = [s for s in band if s['role'] == 'call_time']
        if len(times) != 1:
            probs.append('row time label count %d' % len(times))
            occ = None
        else:
            occ = resolve_full(times[0]['text'], T)
            parse_day(times[0]['text'], T)  # validates the day part
        for c in [s for s in band if s['role'] == 'call_counter']:
            if not re.fullmatch(r'\(\d+\)', c['text']):
                probs.append('bad counter ' + c['text'])
        detail = [s['text'] for s in band if s['role'] == 'call_detail']
        durs = [s['text'] for s in band if s['role'] == 'call_duration']
        dur = None
        ctype = None
        for d in detail:
            if d.startswith('呼出') or d == '未接通':
                ctype = 'outgoing'
            elif d.startswith('呼入'):
                ctype = 'incoming'
            elif d.startswith('未接'):
                ctype = 'missed'
            parts = d.split(' ')
            if len(parts) == 2 and parse_dur(parts[1]) is not None:
                dur = parse_dur(parts[1])
        for d in durs:
            dur = parse_dur(d)
            if dur is None:
                probs.append('bad duration ' + d)
        if ctype is None:
            kinds = sorted(set(s.get('ctype') for s in bicons))
            if len(kinds) > 1:
                probs.append('mixed icons in a row')
            if kinds:
                ctype = {'in': 'incoming', 'out': 'outgoing', 'missed': 'missed'}[kinds[0]]
            elif is_red(nm['fill']):
                ctype = 'missed'
            else:
                ctype = 'incoming'
        if ctype == 'missed' and not is_red(nm['fill']):
            probs.append('missed call not red')
        recs.append({'kind': 'call', 'sender': only_digits_sender(nm['text']), 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
    return recs

# ------------------------------------------------------------------ per-image checks


def name_datetime(fn):
    pats = [r'^Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png$',
            r'^Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png$',
            r'^IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg$',
            r'^Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png$']
    for p in pats:
        m = re.match(p, fn)
        if m:
            return dt.datetime(*map(int, m.groups()))
    if re.match(r'^IMG_\d{4}\.PNG$', fn):
        return 'nodate'
    return None


def image_checks(dl, tr):
    errs = []
    fn = dl['file']
    p = os.path.join(SET, fn)
    if not os.path.exists(p):
        return [f'{fn}: missing file']
    with Image.open(p) as im:
        if list(im.size) != dl['size']:
            errs.append(f'{fn}: size {im.size} != log {dl["size"]}')
        if im.format != dl['format']:
            errs.append(f'{fn}: format {im.format} != {dl["format"]}')
    if (dl['format'] == 'JPEG') != bool(dl['jpeg_quality']):
        errs.append(f'{fn}: jpeg quality inconsistent')
    if dl['format'] == 'JPEG' and not (75 <= dl['jpeg_quality'] <= 92):
        errs.append(f'{fn}: jpeg quality out of range')
    W, H = dl['size']
    S = dl['strings']
    for s in S:
        b = s['bbox']
        if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
            errs.append(f'{fn}: string leaves image: {s["text"]}')
        cm = font_cmap(s['font'], s['face'])
        for ch in s['text']:
            if ord(ch) not in cm:
                errs.append(f'{fn}: char {ch!r} not in {s["font"]}')
    srt = sorted(S, key=lambda s: s['bbox'][1])
    for i in range(len(srt)):
        for j in range(i + 1, len(srt)):
            if srt[j]['bbox'][1] >= srt[i]['bbox'][3]:
                break
            if overlap(srt[i]['bbox'], srt[j]['bbox']):
                errs.append(f'{fn}: strings overlap: {srt[i]["text"]!r} / {srt[j]["text"]!r}')
    # bubbles / rows fully visible
    for sh in dl['shapes']:
        if sh['role'] == 'bubble':
            b = sh['bbox']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                errs.append(f'{fn}: bubble leaves image')
    # file name date / clock
    nd = name_datetime(fn)
    if nd is None:
        errs.append(f'{fn}: bad file name pattern')
    elif nd != 'nodate':
        if nd.strftime('%Y-%m-%d') != tr['taken_on']:
            errs.append(f'{fn}: name date != taken_on {tr["taken_on"]}')
        clocks = [s['text'] for s in S if s['role'] == 'status_clock']
        if len(clocks) != 1:
            errs.append(f'{fn}: status clock count')
        else:
            h, m = map(int, clocks[0].split(':'))
            ok = (h == nd.hour or (dl['layout'].endswith('_en') and h == (nd.hour % 12 or 12))) and m == nd.minute
            if not ok:
                errs.append(f'{fn}: clock {clocks[0]} != name time {nd.time()}')
    else:
        if dl['platform'] != 'ios':
            errs.append(f'{fn}: IMG_nnnn name on android')
    # layout / dark consistency
    for k in ('layout', 'dark'):
        if dl[k] != tr[k]:
            errs.append(f'{fn}: {k} differs between drawlog and truth')
    # no text below the last record is lost: every message line is in a bubble (already checked)
    return errs


def compare(truth_list, logs):
    errs = []
    bylog = {d['file']: d for d in logs}
    for tr in truth_list:
        dl = bylog.get(tr['file'])
        if dl is None:
            errs.append(f'{tr["file"]}: not in drawlog')
            continue
        T = dt.date.fromisoformat(tr['taken_on'])
        try:
            recs, probs = rebuild(dl, T)
        except Exception as e:  # noqa
            errs.append(f'{tr["file"]}: rebuild failed {e!r}')
            continue
        errs += [f'{tr["file"]}: {p}' for p in probs]
        if len(recs) != len(tr['records']):
            errs.append(f'{tr["file"]}: record count {len(recs)} != truth {len(tr["records"])}')
            continue
        for i, (a, b) in enumerate(zip(recs, tr['records'])):
            if set(b.keys()) != set(FIELDS):
                errs.append(f'{tr["file"]}#{i}: truth keys {sorted(b.keys())}')
            for f in FIELDS:
                if a[f] != b.get(f):
                    errs.append(f'{tr["file"]}#{i}.{f}: rebuilt {a[f]!r} != truth {b.get(f)!r}')
    return errs


def pair_checks(truth_list, logs):
    errs = []
    threads = {}
    for t in truth_list:
        if t['thread']:
            threads.setdefault(t['thread'], []).append(t)
    bylog = {d['file']: d for d in logs}

    for tid, ts in threads.items():
        if len(ts) != 2:
            errs.append(f'thread {tid}: {len(ts)} images')
            continue
        a, b = ts  # truth lists the earlier screenshot first
        na, nb = name_datetime(a['file']), name_datetime(b['file'])
        if isinstance(na, dt.datetime) and isinstance(nb, dt.datetime) and not na < nb:
            errs.append(f'thread {tid}: later screenshot not later by file name')
        if a['taken_on'] != b['taken_on'] or a['layout'] != b['layout']:
            errs.append(f'thread {tid}: different day/layout')
        ra, rb = a['records'], b['records']
        k = 0
        for n in (2, 1):
            if len(ra) >= n and len(rb) >= n and all(
                    (x['text'], x['direction'], x['sender']) == (y['text'], y['direction'], y['sender'])
                    for x, y in zip(ra[-n:], rb[:n])):
                k = n
                break
        if k == 0:
            errs.append(f'thread {tid}: no overlap')
            continue
        if any(r['occurred_at'] is not None for r in rb[:k]):
            errs.append(f'thread {tid}: overlapped bubbles not null in later image')
        if len(rb) <= k:
            errs.append(f'thread {tid}: later image adds nothing')
    return errs, len(threads)


def mutation_test(truth_list, logs):
    mt = copy.deepcopy(truth_list)
    done = 0
    muts = [('text', lambda v: (v or '') + '。'), ('sender', lambda v: (v or '') + 'X'),
            ('direction', lambda v: 'out' if v == 'in' else 'in'), ('occurred_at', lambda v: None if v else '2026-01-01T00:00:00+08:00')]
    idx = 0
    for t in mt:
        if done == 4:
            break
        if t['records'] and not t['layout'].endswith('calls'):
            f, fn = muts[idx]
            rec = t['records'][len(t['records']) // 2]
            rec[f] = fn(rec[f])
            idx += 1
            done += 1
    errs = compare(mt, logs)
    return len(errs)


def main():
    truth = [json.loads(l) for l in open(os.path.join(SET, 'truth.jsonl'), encoding='utf-8')]
    logs = [json.loads(l) for l in open(os.path.join(SET, 'drawlog.jsonl'), encoding='utf-8')]
    errs = []
    if [t['file'] for t in truth] != [d['file'] for d in logs]:
        errs.append('truth and drawlog list different files')
    if len(set(t['file'] for t in truth)) != len(truth):
        errs.append('duplicate file names')
    on_disk = sorted(f for f in os.listdir(SET) if f.lower().endswith(('.png', '.jpg')))
    if on_disk != sorted(t['file'] for t in truth):
        errs.append('image files on disk differ from truth list')
    trby = {t['file']: t for t in truth}
    for dl in logs:
        errs += image_checks(dl, trby[dl['file']])
    base = compare(truth, logs)
    errs += base
    perrs, npairs = pair_checks(truth, logs)
    errs += perrs
    nrec = sum(len(t['records']) for t in truth)
    print(f'images: {len(truth)}  records: {nrec}  overlap pairs: {npairs}')
    for e in errs[:60]:
        print('ERROR', e)
    print(f'errors: {len(errs)}')
    m = mutation_test(truth, logs) if not base else -1
    ok = m == 4
    print(f'mutation test: altered 4 truth fields -> {m} errors ({"PASS" if ok else "FAIL"})')
    sys.exit(0 if (not errs and ok) else 1)


if __name__ == '__main__':
    main()
