#!/usr/bin/env python3
"""Independent checker for ocr_set13 (shares no code with make_set.py).

Rebuilds every record from drawlog.jsonl by geometry and its own label parsers,
compares with truth.jsonl field by field, and runs integrity checks.
Run: /tmp/set13venv/bin/python verify/check_set.py
"""
import copy, datetime as dt, json, os, re, sys
from PIL import Image
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
SMS = {'huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en'}
WX = {'wechat_private', 'wechat_group'}
CALLS = {'huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls'}
OWN_BELOW = {'huawei_sms', 'honor_sms'}
OWN_BESIDE = {'vivo_sms'}


def load(name):
    with open(os.path.join(ROOT, name), encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


# ------------------------------------------------------------------ parsing
CN_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {'mon': 0, 'tue': 1, 'wed': 2, 'thu': 3, 'fri': 4, 'sat': 5, 'sun': 6}
EN_MON = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}


def parse_time(lab):
    m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?', lab)
    if not m:
        return None
    per, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    if per in ('凌晨', '早上', '上午'):
        h = 0 if h == 12 else h
    elif per == '中午':
        h = 12 if h == 12 else h + 12
    elif per in ('下午', '晚上'):
        h = 12 if h == 12 else h + 12
    if ap:
        ap = ap.upper()
        if ap == 'AM':
            h = 0 if h == 12 else h
        else:
            h = 12 if h == 12 else h + 12
    assert 0 <= h < 24 and 0 <= mi < 60, lab
    return dt.time(h, mi)


def parse_date(lab, taken):
    """returns (date or None, explicit_day_found)"""
    m = re.search(r'(\d{4})年(\d{1,2})月(\d{1,2})日', lab)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d.year == taken.year:
            raise ValueError('year shown for current year: ' + lab)
        return d
    m = re.search(r'(\d{4})/(\d{1,2})/(\d{1,2})', lab)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r'(\d{1,2})月(\d{1,2})日', lab)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        if d > taken:
            raise ValueError('future date ' + lab)
        return d
    m = re.search(r'\b([A-Z][a-z]{2}) (\d{1,2}), (\d{4})\b', lab)
    if m and m.group(1).lower() in EN_MON:
        return dt.date(int(m.group(3)), EN_MON[m.group(1).lower()], int(m.group(2)))
    m = re.search(r'\b([A-Z][a-z]{2}) (\d{1,2})\b', lab)
    if m and m.group(1).lower() in EN_MON:
        d = dt.date(taken.year, EN_MON[m.group(1).lower()], int(m.group(2)))
        if d > taken:
            raise ValueError('future date ' + lab)
        return d
    if '今天' in lab or 'Today' in lab:
        return taken
    if '昨天' in lab or 'Yesterday' in lab:
        return taken - dt.timedelta(days=1)
    wd = None
    m = re.search(r'(?:星期|周)([一二三四五六日天])', lab)
    if m:
        wd = CN_WD[m.group(1)]
    m = re.search(r'\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b', lab)
    if m:
        wd = EN_WD[m.group(1)[:3].lower()]
    if wd is not None:
        for back in range(2, 7):
            d = taken - dt.timedelta(days=back)
            if d.weekday() == wd:
                return d
        raise ValueError('weekday not resolvable ' + lab)
    if re.fullmatch(r'\s*(凌晨|早上|上午|中午|下午|晚上)?\s*\d{1,2}:\d{2}(\s*[AP]M)?\s*', lab):
        return taken
    return None


def weekday_consistent(lab, d):
    m = re.search(r'(?:星期|周)([一二三四五六日天])', lab)
    if m and CN_WD[m.group(1)] != d.weekday():
        return False
    m = re.search(r'\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b', lab)
    if m and EN_WD[m.group(1).lower()] != d.weekday():
        return False
    return True


def iso(d, t):
    return dt.datetime.combine(d, t).strftime('%Y-%m-%dT%H:%M:00+08:00')


def norm_sender(s):
    if re.fullmatch(r'[+\d][\d\s\-]*', s):
        s2 = s
        if s2.startswith('+86'):
            s2 = s2[3:]
        return re.sub(r'[\s\-]', '', s2)
    return s


def center(b):
    return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)


def inside(pt, b, tol=0):
    return b[0] - tol <= pt[0] <= b[2] + tol and b[1] - tol <= pt[1] <= b[3] + tol


# ------------------------------------------------------------------ rebuild
def rebuild_chat(entry, taken, errs):
    W, H = entry['size']
    lay = entry['layout']
    texts = [i for i in entry['items'] if i['type'] == 'text']
    shapes = [i for i in entry['items'] if i['type'] == 'shape']
    titles = [t for t in texts if t['role'] == 'title']
    if len(titles) != 1:
        errs.append('%s: %d titles' % (entry['file'], len(titles)))
        return []
    title = titles[0]['text']
    bubbles = sorted([s for s in shapes if s['kind'].startswith('bubble_') and s['kind'] != 'bubble_tail'],
                     key=lambda s: s['box'][1])
    msgs = [t for t in texts if t['role'] == 'msg']
    seps = [t for t in texts if t['role'] == 'sep']
    times = [t for t in texts if t['role'] == 'msg_time']
    nicks = [t for t in texts if t['role'] == 'nick']
    used = set()
    recs = []
    for b in bubbles:
        bx = b['box']
        if bx[1] < titles[0]['box'][3] or bx[3] > H or bx[1] < 0:
            errs.append('%s: bubble outside content %s' % (entry['file'], bx))
        lines = sorted([m for m in msgs if inside(center(m['box']), bx)], key=lambda m: m['box'][1])
        for l in lines:
            used.add(id(l))
        if not lines:
            errs.append('%s: empty bubble' % entry['file'])
            continue
        strs = [l['text'] for l in lines]
        for s_ in strs:
            if s_ != s_.strip():
                errs.append('%s: line with edge space %r' % (entry['file'], s_))
        full = ' '.join(strs) if all(ord(c) < 128 for c in ''.join(strs)) else ''.join(strs)
        direction = 'in' if (bx[0] + bx[2]) / 2 < W / 2 else 'out'
        above = [s for s in seps if s['box'][3] <= bx[1]]
        sep = max(above, key=lambda s: s['box'][3]) if above else None
        occ = None
        if sep is not None:
            d = parse_date(sep['text'], taken)
            if d is None:
                errs.append('%s: unparsable separator %r' % (entry['file'], sep['text']))
            elif not weekday_consistent(sep['text'], d):
                errs.append('%s: weekday mismatch %r' % (entry['file'], sep['text']))
            if lay in OWN_BELOW or lay in OWN_BESIDE:
                if parse_time(sep['text']) is not None:
                    errs.append('%s: date-only separator carries time %r' % (entry['file'], sep['text']))
                if lay in OWN_BELOW:
                    cand = [t for t in times if 0 <= t['box'][1] - bx[3] < 60 and t['box'][0] >= bx[0] - 80 and t['box'][2] <= bx[2] + 80]
                else:
                    cand = [t for t in times if bx[1] <= center(t['box'])[1] <= bx[3]]
                if len(cand) != 1:
                    errs.append('%s: own time not found (%d)' % (entry['file'], len(cand)))
                elif d is not None:
                    occ = iso(d, parse_time(cand[0]['text']))
            else:
                t = parse_time(sep['text'])
                if t is None or d is None:
                    errs.append('%s: separator without time %r' % (entry['file'], sep['text']))
                else:
                    occ = iso(d, t)
        if lay == 'wechat_group':
            if direction == 'in':
                nk = [n for n in nicks if 0 <= bx[1] - n['box'][3] < 70 and abs(n['box'][0] - bx[0]) < 40]
                if len(nk) != 1:
                    errs.append('%s: nick not found' % entry['file'])
                    sender = None
                else:
                    sender = nk[0]['text']
            else:
                sender = re.sub(r'\(\d+\)$', '', title)
        elif lay == 'wechat_private':
            sender = title
        else:
            sender = norm_sender(title)
        recs.append({'kind': 'im' if lay in WX else 'sms', 'sender': sender, 'occurred_at': occ, 'direction': direction,
                     'text': full, 'call_type': None, 'duration_seconds': None})
    for m in msgs:
        if id(m) not in used:
            errs.append('%s: orphan message line %r' % (entry['file'], m['text']))
    return recs


ICON_TYPE = {'icon_call_out': 'outgoing', 'icon_call_in': 'incoming', 'icon_call_missed': 'missed'}
DUR_RE = re.compile(r'^(?:呼入 |呼出 )?(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒$')


def is_red(hx):
    r, g, b = int(hx[1:3], 16), int(hx[3:5], 16), int(hx[5:7], 16)
    return r > 200 and g < 120 and b < 120


def rebuild_calls(entry, taken, errs, icon_db):
    W, H = entry['size']
    texts = [i for i in entry['items'] if i['type'] == 'text']
    shapes = [i for i in entry['items'] if i['type'] == 'shape']
    names = sorted([t for t in texts if t['role'] == 'call_name'], key=lambda t: t['box'][1])
    icons = [s for s in shapes if s['kind'].startswith('icon_call_')]
    recs = []
    for i, n in enumerate(names):
        y0 = n['box'][1] - 45
        y1 = names[i + 1]['box'][1] - 45 if i + 1 < len(names) else n['box'][1] + 170
        band = lambda b: y0 <= center(b)[1] < y1
        row_t = [t for t in texts if band(t['box']) and t is not n]
        row_i = [s for s in icons if band(s['box'])]
        if len(row_i) != 1:
            errs.append('%s: row %d has %d call icons' % (entry['file'], i, len(row_i)))
            continue
        ctype = ICON_TYPE[row_i[0]['kind']]
        b = row_i[0]['box']
        key = tuple(tuple((p[0] - b[0], p[1] - b[1])) for p in row_i[0]['polygon'])
        icon_db.setdefault(entry['layout'], {}).setdefault(ctype, set()).add(key)
        if is_red(n['color']) != (ctype == 'missed'):
            errs.append('%s: name colour disagrees with icon for %r' % (entry['file'], n['text']))
        subs = [t['text'] for t in row_t if t['role'] == 'call_sub']
        if any(s.startswith('呼入') for s in subs) and ctype != 'incoming':
            errs.append('%s: 呼入 label vs icon' % entry['file'])
        if any(s.startswith('呼出') for s in subs) and ctype != 'outgoing':
            errs.append('%s: 呼出 label vs icon' % entry['file'])
        cnt = [t for t in row_t if t['role'] == 'call_count']
        for c in cnt:
            if not re.fullmatch(r'\(\d+\)', c['text']):
                errs.append('%s: bad count %r' % (entry['file'], c['text']))
        tl = [t for t in row_t if t['role'] == 'call_time']
        occ = None
        if len(tl) != 1:
            errs.append('%s: row time labels %d' % (entry['file'], len(tl)))
        else:
            lab = tl[0]['text']
            tm = parse_time(lab)
            d = parse_date(lab, taken)
            if d is None:
                errs.append('%s: call label unparsable %r' % (entry['file'], lab))
            elif tm is not None:
                occ = iso(d, tm)
        dur = None
        for s_ in subs:
            m = DUR_RE.match(s_)
            if m:
                dur = int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))
        recs.append({'kind': 'call', 'sender': norm_sender(n['text']), 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
    return recs


def compare(truth, rebuilt):
    errs = []
    for t in truth:
        r = rebuilt.get(t['file'])
        if r is None:
            errs.append('%s: not rebuilt' % t['file'])
            continue
        if len(r) != len(t['records']):
            errs.append('%s: %d records in truth, %d rebuilt' % (t['file'], len(t['records']), len(r)))
        for i, (a, b) in enumerate(zip(t['records'], r)):
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    errs.append('%s rec %d field %s: truth %r vs drawn %r' % (t['file'], i, f, a.get(f), b.get(f)))
    return errs


def name_datetime(fn):
    for pat, f in [(r'Screenshot_(\d{8})_(\d{6})\.png$', '%Y%m%d%H%M%S'),
                   (r'Screenshot_(\d{4}-\d{2}-\d{2})-(\d{2}-\d{2}-\d{2})\.png$', '%Y-%m-%d%H-%M-%S'),
                   (r'IMG_(\d{8})_(\d{6})\.jpg$', '%Y%m%d%H%M%S'),
                   (r'Screenshot (\d{4}-\d{2}-\d{2}) at (\d{2}\.\d{2}\.\d{2})\.png$', '%Y-%m-%d%H.%M.%S')]:
        m = re.fullmatch(pat, fn)
        if m:
            return dt.datetime.strptime(m.group(1) + m.group(2), f)
    if re.fullmatch(r'IMG_\d{4}\.PNG', fn):
        return None
    raise ValueError('bad file name ' + fn)


def main():
    truth = load('truth.jsonl')
    draw = load('drawlog.jsonl')
    errs = []
    if [t['file'] for t in truth] != [d['file'] for d in draw]:
        errs.append('truth and drawlog file lists differ')
    dmap = {d['file']: d for d in draw}
    cols = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
    colb = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc')
    cm_r = cols.fonts[2].getBestCmap()
    cm_b = colb.fonts[2].getBestCmap()
    rebuilt = {}
    icon_db = {}
    ntext = 0
    for t in truth:
        fn = t['file']
        e = dmap.get(fn)
        if e is None:
            continue
        taken = dt.date.fromisoformat(t['taken_on'])
        # file / format
        p = os.path.join(ROOT, fn)
        if not os.path.exists(p):
            errs.append('%s: missing' % fn)
            continue
        with Image.open(p) as im:
            if list(im.size) != e['size']:
                errs.append('%s: size %s vs log %s' % (fn, im.size, e['size']))
            fmt = 'JPEG' if fn.lower().endswith('.jpg') else 'PNG'
            if im.format != fmt:
                errs.append('%s: format %s' % (fn, im.format))
        if (e['jpeg_quality'] is not None) != fn.endswith('.jpg') or (e['jpeg_quality'] and not 70 <= e['jpeg_quality'] <= 92):
            errs.append('%s: jpeg quality log' % fn)
        if e['layout'] != t['layout'] or e['dark'] != t['dark']:
            errs.append('%s: layout/dark mismatch' % fn)
        # name date / clock
        nd = name_datetime(fn)
        clocks = [i['text'] for i in e['items'] if i['type'] == 'text' and i['role'] == 'status' and re.fullmatch(r'\d{1,2}:\d{2}', i['text'])]
        if len(clocks) != 1:
            errs.append('%s: status clock count %d' % (fn, len(clocks)))
        if nd is not None:
            if nd.date() != taken:
                errs.append('%s: name date != taken_on' % fn)
            if clocks:
                h, m = map(int, clocks[0].split(':'))
                if m != nd.minute or (h != nd.hour and not (t['layout'] == 'iphone_sms_en' and h % 12 == nd.hour % 12)):
                    errs.append('%s: clock %s != name time' % (fn, clocks[0]))
        # text geometry + cmap
        W, H = e['size']
        tx = [i for i in e['items'] if i['type'] == 'text']
        ntext += len(tx)
        for i in tx:
            b = i['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H or b[0] >= b[2] or b[1] >= b[3]:
                errs.append('%s: text outside/empty %r %s' % (fn, i['text'], b))
            cm = cm_b if i['bold'] else cm_r
            for ch in i['text']:
                if ch != ' ' and ord(ch) not in cm:
                    errs.append('%s: char %r not in font' % (fn, ch))
        for a in range(len(tx)):
            ba = tx[a]['box']
            for c in range(a + 1, len(tx)):
                bb = tx[c]['box']
                if ba[0] < bb[2] and bb[0] < ba[2] and ba[1] < bb[3] and bb[1] < ba[3]:
                    errs.append('%s: overlap %r / %r' % (fn, tx[a]['text'], tx[c]['text']))
        # rebuild
        if t['layout'] in CALLS:
            rebuilt[fn] = rebuild_calls(e, taken, errs, icon_db)
        else:
            rebuilt[fn] = rebuild_chat(e, taken, errs)
        # kind sanity
        for r in t['records']:
            exp = 'call' if t['layout'] in CALLS else ('im' if t['layout'] in WX else 'sms')
            if r['kind'] != exp:
                errs.append('%s: kind %s' % (fn, r['kind']))
    cmp_errs = compare(truth, rebuilt)
    errs += cmp_errs
    # call icons distinct per type within layout
    for lay, d in icon_db.items():
        ks = list(d)
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                if d[ks[i]] & d[ks[j]]:
                    errs.append('%s: icon shared between %s and %s' % (lay, ks[i], ks[j]))
        if len(ks) != 3:
            errs.append('%s: only call types %s seen' % (lay, ks))
    # overlap pairs
    threads = {}
    for t in truth:
        if t['thread']:
            threads.setdefault(t['thread'], []).append(t)
    for th, fs in threads.items():
        if len(fs) != 2:
            errs.append('%s: %d files' % (th, len(fs)))
            continue
        fs.sort(key=lambda t: (t['taken_on'], dmap[t['file']]['taken_clock']))
        a, b = fs
        if a['layout'] != b['layout'] or a['taken_on'] != b['taken_on'] or \
                dmap[a['file']]['taken_clock'] >= dmap[b['file']]['taken_clock']:
            errs.append('%s: pair not same layout/day or not later' % th)
        ok = False
        for k in (2, 1):
            A = a['records'][-k:]
            B = b['records'][:k]
            if len(A) == k and all(x['text'] == y['text'] and x['direction'] == y['direction'] and x['sender'] == y['sender']
                                   for x, y in zip(A, B)):
                if all(y['occurred_at'] is None for y in B) and (len(b['records']) == k or b['records'][k]['occurred_at'] is not None or True):
                    ok = True
                    break
        if not ok:
            errs.append('%s: later screenshot does not start with last bubbles of earlier' % th)
    # mutation test
    mut = copy.deepcopy(truth)
    chat_files = [t for t in mut if t['records'] and t['layout'] not in CALLS]
    call_files = [t for t in mut if t['records'] and t['layout'] in CALLS]
    chat_files[3]['records'][0]['text'] += '啊'
    chat_files[10]['records'][-1]['sender'] += '9'
    r = call_files[2]['records'][1]
    r['occurred_at'] = None if r['occurred_at'] else '2020-01-01T00:00:00+08:00'
    r = call_files[5]['records'][0]
    r['direction'] = 'in' if r['direction'] == 'out' else 'out'
    merr = compare(mut, rebuilt)
    mut_ok = len(merr) == len(cmp_errs) + 4
    if not mut_ok:
        errs.append('mutation test: expected %d errors, got %d' % (len(cmp_errs) + 4, len(merr)))
    nrec = sum(len(t['records']) for t in truth)
    for e_ in errs[:60]:
        print('ERROR', e_)
    summary = ('files %d, records %d, text items %d, overlap pairs %d, mutation test %s (4 altered fields -> %d errors); errors: %d'
               % (len(truth), nrec, ntext, len(threads), 'ok' if mut_ok else 'FAILED', len(merr) - len(cmp_errs), len(errs)))
    print(summary)
    with open(os.path.join(HERE, 'check_result.txt'), 'w', encoding='utf-8') as f:
        f.write(summary + '\n')
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main())
