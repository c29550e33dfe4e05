#!/usr/bin/env python3
"""Independent checker for ocr_set11 (shares no code with make_set.py).

Rebuilds every record from drawlog.jsonl by geometry and its own label
parsers, compares with truth.jsonl field by field, and runs the structural
checks listed in the README.  Exit code 0 and "TOTAL ERRORS: 0" when clean.
"""
import copy
import datetime as dt
import json
import os
import re
import sys

from fontTools.ttLib import TTCollection
from PIL import Image

SET = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
OWN_TIME_LAYOUTS = {'huawei_sms', 'honor_sms', 'vivo_sms'}
CHAT = {'huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en',
        'wechat_private', 'wechat_group'}
CALLS = {'huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls'}

ZH_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])}
EN_MON = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov',
                                          'dec'])}
TIME_RE = re.compile(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(?:\s*(AM|PM))?$')

errors = []


def err(msg):
    errors.append(msg)


# ------------------------------------------------------------ label parsing
def parse_time(s):
    m = TIME_RE.search(s)
    if not m:
        return None, s
    per, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    if per in ('凌晨', '上午', '早上') or ap == 'AM':
        if h == 12:
            h = 0
    elif per in ('下午', '晚上') or ap == 'PM':
        if h < 12:
            h += 12
    elif per == '中午':
        if h < 11:
            h += 12
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        raise ValueError('bad time ' + s)
    return dt.time(h, mi), s[:m.start()].strip()


def parse_day(s, taken):
    """Return a date, or raise if the text is not a date label."""
    s = s.strip()
    if s.endswith(' at'):
        s = s[:-3].strip()
    s = s.rstrip(',').strip()
    low = s.lower()
    if s in ('', ):
        return None
    if s in ('今天', ) or low == 'today':
        return taken
    if s == '昨天' or low == 'yesterday':
        return taken - dt.timedelta(days=1)
    wd = None
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', s)
    if m:
        wd = ZH_WD[m.group(1)]
    elif low in EN_WD:
        wd = EN_WD[low]
    if wd is not None:
        hits = [taken - dt.timedelta(days=k) for k in range(2, 7) if (taken - dt.timedelta(days=k)).weekday() == wd]
        if len(hits) != 1:
            raise ValueError('weekday not resolvable ' + s)
        return hits[0]
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日', s) or re.fullmatch(r'(\d{1,2})-(\d{1,2})', s)
    if m:
        d = dt.date(taken.year, int(m.group(1)), int(m.group(2)))
        if d > taken:
            raise ValueError('yearless date after taken_on ' + s)
        return d
    m = re.fullmatch(r'([A-Za-z]{3}) (\d{1,2}), (\d{4})', s)
    if m:
        return dt.date(int(m.group(3)), EN_MON[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(r'([A-Za-z]{3}) (\d{1,2})', s)
    if m:
        d = dt.date(taken.year, EN_MON[m.group(1).lower()], int(m.group(2)))
        if d > taken:
            raise ValueError('yearless date after taken_on ' + s)
        return d
    raise ValueError('unparsed day label %r' % s)


def parse_label(s, taken):
    """(date or None, time or None). bare time => taken date."""
    t, rest = parse_time(s)
    d = parse_day(rest, taken) if rest else None
    if d is None and t is not None:
        d = taken
    if d is not None and d > taken:
        raise ValueError('label after taken_on ' + s)
    # weekday labels only 2..6 days back; dates with year only in other years (checked loosely)
    return d, t


def iso(d, t):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, t.hour, t.minute)


def norm_sender(s):
    if re.fullmatch(r'[+\d][\d\s\-]*', s):
        s = re.sub(r'[\s\-]', '', s)
        if s.startswith('+86'):
            s = s[3:]
        return s
    return s


def dur_parse(s):
    for tok in s.split():
        m = re.fullmatch(r'(?:(\d+)小时)?(?:(\d+)分)?(?:(\d+)秒)?', tok)
        if m and tok:
            return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3) or 0)
    return None


def is_red(hexcol):
    r, g, b = int(hexcol[1:3], 16), int(hexcol[3:5], 16), int(hexcol[5:7], 16)
    return r > 200 and g < 110 and b < 110


def cy(box):
    return (box[1] + box[3]) / 2.0


def inside(inner, outer, tol=0):
    return inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol and inner[2] <= outer[2] + tol and \
        inner[3] <= outer[3] + tol


# ------------------------------------------------------------ rebuild
def rebuild_chat(dl, taken):
    L = dl['layout']
    W = dl['size'][0]
    texts = [i for i in dl['items'] if i['type'] == 'text']
    shapes = [i for i in dl['items'] if i['type'] == 'shape']
    titles = [t for t in texts if t['role'] == 'title']
    if len(titles) != 1:
        raise ValueError('title count %d' % len(titles))
    title = titles[0]['text']
    if L == 'wechat_group':
        m = re.fullmatch(r'(.*)\((\d+)\)', title)
        if not m:
            raise ValueError('group title without count')
        thread_sender = m.group(1)
    else:
        thread_sender = norm_sender(title)
    bubbles = [s for s in shapes if s['kind'] in ('bubble_in', 'bubble_out')]
    msgs = [t for t in texts if t['role'] == 'msg']
    used = set()
    events = []
    # separators: merge pieces on the same line
    seps = sorted([t for t in texts if t['role'] == 'sep'], key=lambda t: (cy(t['box']), t['box'][0]))
    lines = []
    for s in seps:
        if lines and abs(cy(lines[-1][-1]['box']) - cy(s['box'])) < 8:
            lines[-1].append(s)
        else:
            lines.append([s])
    for ln in lines:
        ln.sort(key=lambda t: t['box'][0])
        events.append((ln[0]['box'][1], 'sep', ' '.join(t['text'] for t in ln)))
    for b in bubbles:
        bx = b['box']
        mine = [t for t in msgs if inside(t['box'], bx)]
        for t in mine:
            used.add(id(t))
        mine.sort(key=lambda t: t['box'][1])
        parts = [t['text'] for t in mine]
        full = ''.join(parts)
        text = ' '.join(parts) if all(ord(c) < 128 for c in full) else full
        direction = 'in' if (bx[0] + bx[2]) / 2 < W / 2 else 'out'
        own = [t for t in texts if t['role'] == 'msg_time' and bx[1] <= cy(t['box']) <= bx[3] + 80]
        nick = [t for t in texts if t['role'] == 'nick' and bx[1] - 75 <= cy(t['box']) <= bx[1]]
        events.append((bx[1], 'msg', dict(text=text, dir=direction, own=own, nick=nick, box=bx)))
    if len(used) != len(msgs):
        raise ValueError('message text outside bubbles')
    events.sort(key=lambda e: e[0])
    recs = []
    cur = None
    for _, k, v in events:
        if k == 'sep':
            cur = parse_label(v, taken)
            continue
        occ = None
        if cur is not None:
            if L in OWN_TIME_LAYOUTS:
                if len(v['own']) != 1:
                    raise ValueError('own time missing')
                t, rest = parse_time(v['own'][0]['text'])
                if rest or t is None:
                    raise ValueError('bad own time ' + v['own'][0]['text'])
                occ = iso(cur[0], t)
            else:
                if cur[1] is None:
                    raise ValueError('separator without time in ' + L)
                occ = iso(cur[0], cur[1])
        elif L in OWN_TIME_LAYOUTS and len(v['own']) != 1:
            raise ValueError('own time missing')
        if L == 'wechat_group' and v['dir'] == 'in':
            if len(v['nick']) != 1:
                raise ValueError('nick missing')
            sender = v['nick'][0]['text']
        else:
            sender = thread_sender
        recs.append({'kind': 'im' if L.startswith('wechat') else 'sms', 'sender': sender, 'occurred_at': occ,
                     'direction': v['dir'], 'text': v['text'], 'call_type': None, 'duration_seconds': None})
    return recs


def icon_sig(s):
    pts = s.get('polygon') or s.get('points')
    x0 = min(p[0] for p in pts)
    y0 = min(p[1] for p in pts)
    return (s['kind'].startswith('icon_call'), tuple((p[0] - x0, p[1] - y0) for p in pts), s['fill'])


def rebuild_calls(dl, taken, icon_map):
    L = dl['layout']
    texts = [i for i in dl['items'] if i['type'] == 'text']
    shapes = [i for i in dl['items'] if i['type'] == 'shape']
    names = sorted([t for t in texts if t['role'] == 'call_name'], key=lambda t: t['box'][1])
    recs = []
    for i, nm in enumerate(names):
        top = nm['box'][1] - 30
        bot = names[i + 1]['box'][1] - 30 if i + 1 < len(names) else 10 ** 9
        row_t = [t for t in texts if top <= cy(t['box']) < bot and t is not nm]
        row_s = [s for s in shapes if top <= cy(s['box']) < bot and s['kind'].startswith('icon_call')]
        subs = [t['text'] for t in row_t if t['role'] in ('call_sub',)]
        joined = ' '.join(subs)
        if is_red(nm['color']):
            ctype = 'missed'
        elif '呼出' in joined:
            ctype = 'outgoing'
        elif '呼入' in joined:
            ctype = 'incoming'
        else:
            kinds = {s['kind'] for s in row_s}
            if any(k.startswith('icon_call_out') for k in kinds):
                ctype = 'outgoing'
            elif 'icon_call_in' in kinds or L == 'iphone_calls':
                ctype = 'incoming'
            else:
                raise ValueError('no call direction in row')
        for s in row_s:
            sig = icon_sig(s)
            icon_map.setdefault(L, {}).setdefault(sig, set()).add(ctype)
        times = [t for t in row_t if t['role'] == 'call_time']
        if len(times) != 1:
            raise ValueError('call time label count')
        d, t = parse_label(times[0]['text'], taken)
        occ = iso(d, t) if (d is not None and t is not None) else None
        dur = None
        for s_ in subs:
            v = dur_parse(s_)
            if v is not None:
                dur = v
        recs.append({'kind': 'call', 'sender': norm_sender(nm['text']), 'occurred_at': occ,
                     'direction': 'out' if ctype == 'outgoing' else 'in', 'text': None, 'call_type': ctype,
                     'duration_seconds': dur})
    return recs


# ------------------------------------------------------------ compare
def compare(truth, rebuilt):
    """Return list of field errors."""
    out = []
    for f, tr in truth.items():
        rb = rebuilt.get(f)
        if rb is None:
            out.append('%s: not rebuilt' % f)
            continue
        a, b = tr['records'], rb
        if len(a) != len(b):
            out.append('%s: record count truth %d rebuilt %d' % (f, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            for k in FIELDS:
                if x.get(k) != y.get(k):
                    out.append('%s rec %d field %s: truth %r rebuilt %r' % (f, i, k, x.get(k), y.get(k)))
            if set(x.keys()) != set(FIELDS):
                out.append('%s rec %d: bad key set %s' % (f, i, sorted(x.keys())))
    return out


def name_time(fn):
    m = re.fullmatch(r'Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png', fn) or \
        re.fullmatch(r'Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png', fn) or \
        re.fullmatch(r'IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg', fn) or \
        re.fullmatch(r'Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png', fn)
    if m:
        return dt.datetime(*[int(g) for g in m.groups()])
    if re.fullmatch(r'IMG_\d{4}\.PNG', fn):
        return None
    raise ValueError('unexpected file name ' + fn)


def main():
    truth = {}
    order = []
    for ln in open(os.path.join(SET, 'truth.jsonl'), encoding='utf-8'):
        o = json.loads(ln)
        if o['file'] in truth:
            err('duplicate truth ' + o['file'])
        truth[o['file']] = o
        order.append(o['file'])
    draws = {}
    for ln in open(os.path.join(SET, 'drawlog.jsonl'), encoding='utf-8'):
        o = json.loads(ln)
        draws[o['file']] = o
    if set(draws) != set(truth):
        err('drawlog/truth file sets differ')
    imgs_on_disk = {f for f in os.listdir(SET) if f.lower().endswith(('.png', '.jpg'))}
    if imgs_on_disk != set(truth):
        err('images on disk differ from truth: %s' % sorted(imgs_on_disk ^ set(truth))[:5])

    reg = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc').fonts[2]
    bold = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc').fonts[2]
    cmaps = {False: set(reg.getBestCmap()), True: set(bold.getBestCmap())}
    fam = reg['name'].getDebugName(1)
    if 'SC' not in fam:
        err('font face index is not SC: ' + fam)

    rebuilt = {}
    icon_map = {}
    n_text = 0
    for f in order:
        tr = truth[f]
        dl = draws[f]
        taken = dt.date.fromisoformat(tr['taken_on'])
        W, Hh = dl['size']
        # file, size and format
        p = os.path.join(SET, f)
        if not os.path.exists(p):
            err(f + ': missing file')
            continue
        with Image.open(p) as im:
            fmt = im.format
            if list(im.size) != [W, Hh]:
                err(f + ': size %s vs logged %s' % (im.size, dl['size']))
        want = 'JPEG' if dl['jpeg_quality'] else 'PNG'
        if fmt != want:
            err(f + ': format %s vs %s' % (fmt, want))
        if dl['jpeg_quality'] and not (70 <= dl['jpeg_quality'] <= 92):
            err(f + ': jpeg quality out of range')
        if (f.endswith('.jpg')) != (want == 'JPEG'):
            err(f + ': extension/format mismatch')
        if dl['layout'] != tr['layout'] or dl['dark'] != tr['dark']:
            err(f + ': layout/dark mismatch drawlog vs truth')
        # file name date and clock
        nt = name_time(f)
        clocks = [t['text'] for t in dl['items'] if t['type'] == 'text' and t['role'] == 'clock']
        if len(clocks) != 1:
            err(f + ': clock count %d' % len(clocks))
        if nt is not None:
            if nt.date() != taken:
                err(f + ': file date %s != taken_on %s' % (nt.date(), taken))
            if clocks and clocks[0] != nt.strftime('%H:%M'):
                err(f + ': clock %s != file time %s' % (clocks[0], nt.strftime('%H:%M')))
        # text geometry
        texts = [i for i in dl['items'] if i['type'] == 'text']
        n_text += len(texts)
        for t in texts:
            b = t['box']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > Hh:
                err(f + ': text leaves image %r %s' % (t['text'], b))
            miss = [c for c in t['text'] if ord(c) not in cmaps[bool(t['bold'])]]
            if miss:
                err(f + ': chars not in font cmap %r' % miss)
        for i in range(len(texts)):
            a = texts[i]['box']
            for j in range(i + 1, len(texts)):
                b = texts[j]['box']
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    err(f + ': texts overlap %r / %r' % (texts[i]['text'], texts[j]['text']))
        # bubbles fully visible inside the content area
        shapes = [i for i in dl['items'] if i['type'] == 'shape']
        hdr = [s['box'][3] for s in shapes if s['kind'] in ('bar_header',)]
        inp = [s['box'][1] for s in shapes if s['kind'] in ('bar_input',)]
        lo = max(hdr) if hdr else 0
        hi = min(inp) if inp else Hh
        for s in shapes:
            if s['kind'] in ('bubble_in', 'bubble_out'):
                b = s['box']
                if b[1] < lo or b[3] > hi or b[0] < 0 or b[2] > W:
                    err(f + ': bubble not fully visible %s' % b)
        # rebuild
        try:
            if tr['layout'] in CHAT:
                rebuilt[f] = rebuild_chat(dl, taken)
            elif tr['layout'] in CALLS:
                rebuilt[f] = rebuild_calls(dl, taken, icon_map)
            else:
                err(f + ': unknown layout')
        except Exception as e:  # noqa
            err(f + ': rebuild failed: %s' % e)
        # truth sanity
        for r in tr['records']:
            if r['occurred_at'] and not re.fullmatch(r'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00', r['occurred_at']):
                err(f + ': bad iso ' + r['occurred_at'])
            if r['occurred_at'] and r['occurred_at'][:10] > tr['taken_on']:
                err(f + ': record after taken_on')
        if not tr['records']:
            err(f + ': no records')

    for e in compare(truth, rebuilt):
        err(e)

    # overlap pairs
    threads = {}
    for f in order:
        if truth[f]['thread']:
            threads.setdefault(truth[f]['thread'], []).append(f)
    n_pairs = 0
    for th, fs in sorted(threads.items()):
        if len(fs) != 2:
            err('thread %s has %d files' % (th, len(fs)))
            continue

        def when(fn):
            c = [t['text'] for t in draws[fn]['items'] if t['type'] == 'text' and t['role'] == 'clock'][0]
            return c

        a, b = sorted(fs, key=when)
        ta, tb = truth[a], truth[b]
        if ta['taken_on'] != tb['taken_on'] or ta['layout'] != tb['layout'] or not th.startswith(ta['layout'] + '_t'):
            err('thread %s: day/layout mismatch' % th)
        if when(a) == when(b):
            err('thread %s: same clock' % th)
        ok = False
        for k in (2, 1):
            if len(ta['records']) >= k and len(tb['records']) > k:
                A = [(r['text'], r['direction'], r['sender']) for r in ta['records'][-k:]]
                B = [(r['text'], r['direction'], r['sender']) for r in tb['records'][:k]]
                if A == B:
                    if any(r['occurred_at'] is not None for r in tb['records'][:k]):
                        err('thread %s: overlapped bubbles not null in later shot' % th)
                    ok = True
                    break
        if not ok:
            err('thread %s: later shot does not start with the last bubbles of the earlier' % th)
        n_pairs += 1

    # call icons differ by call type
    n_sigs = 0
    for L, m in sorted(icon_map.items()):
        for sig, types in m.items():
            n_sigs += 1
            if len(types) != 1:
                err('%s: one icon drawing used for call types %s' % (L, sorted(types)))
        by_type = {}
        for sig, types in m.items():
            for t in types:
                by_type.setdefault(t, set()).add(sig[1:])
        ks = sorted(by_type)
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                if by_type[ks[i]] & by_type[ks[j]]:
                    err('%s: %s and %s share an icon drawing' % (L, ks[i], ks[j]))
        kinds = {}
        for f in order:
            if draws[f]['layout'] != L:
                continue
            for s in draws[f]['items']:
                if s['type'] == 'shape' and s['kind'].startswith('icon_call'):
                    pts = tuple(tuple(p) for p in (s.get('polygon') or s.get('points')))
                    x0 = min(p[0] for p in pts)
                    y0 = min(p[1] for p in pts)
                    kinds.setdefault(tuple((p[0] - x0, p[1] - y0) for p in pts), set()).add(s['kind'])
        for shp, ks_ in kinds.items():
            if len(ks_) > 1:
                err('%s: identical polygon logged under kinds %s' % (L, sorted(ks_)))

    # mutation test on a copy
    mut = copy.deepcopy(truth)
    fs = [f for f in order if mut[f]['records']]
    chat_fs = [f for f in fs if mut[f]['layout'] in CHAT]
    call_fs = [f for f in fs if mut[f]['layout'] in CALLS]
    mut[chat_fs[0]]['records'][0]['text'] = (mut[chat_fs[0]]['records'][0]['text'] or '') + '。'
    mut[chat_fs[3]]['records'][-1]['direction'] = 'in' if mut[chat_fs[3]]['records'][-1]['direction'] == 'out' else 'out'
    mut[call_fs[0]]['records'][0]['call_type'] = 'incoming' if mut[call_fs[0]]['records'][0]['call_type'] != 'incoming' else 'outgoing'
    r = mut[call_fs[2]]['records'][1]
    r['occurred_at'] = '2020-01-01T00:00:00+08:00' if r['occurred_at'] is None else None
    me = compare(mut, rebuilt)
    mut_ok = len(me) == 4
    if not mut_ok:
        err('mutation test: expected 4 errors, got %d' % len(me))

    nrec = sum(len(truth[f]['records']) for f in order)
    print('images %d  records %d  text items %d  overlap pairs %d  icon drawings %d' % (
        len(order), nrec, n_text, n_pairs, n_sigs))
    print('mutation test: %d errors from 4 altered fields (%s)' % (len(me), 'ok' if mut_ok else 'FAIL'))
    for e in errors[:60]:
        print('ERROR', e)
    print('TOTAL ERRORS: %d' % len(errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
