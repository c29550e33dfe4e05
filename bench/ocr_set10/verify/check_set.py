#!/usr/bin/env python3
"""Independent checker for ocr_set10: rebuilds records from drawlog.jsonl by geometry and compares with truth.jsonl."""
import os, re, sys, json, copy, datetime as D
from PIL import Image
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FD = '/usr/share/fonts/opentype/noto/'
_cm = {}
def cmap(fnt):
    if fnt not in _cm:
        path, idx = fnt.split('#')
        _cm[fnt] = set(TTCollection(FD + path).fonts[int(idx)].getBestCmap())
    return _cm[fnt]

CNW = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
ENW = {n: i for i, n in enumerate(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])}
ENWS = {n[:3]: i for n, i in ENW.items()}
MON = {m: i + 1 for i, m in enumerate('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split())}

def parse_time(s):
    m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(\s*(AM|PM))?', s)
    if not m: return None, s
    h, mi = int(m.group(2)), int(m.group(3)); p = m.group(1); ap = m.group(5)
    if ap: h = (0 if h == 12 else h) + (12 if ap == 'PM' else 0)
    elif p in ('下午', '晚上') and h < 12: h += 12
    elif p in ('凌晨', '上午', '早上') and h == 12: h = 0
    elif p == '中午' and h < 11: h += 12
    return (h, mi), re.sub(r'\s+at$', '', (s[:m.start()] + s[m.end():]).strip())

def weekday_back(t, wd):
    for k in range(2, 7):
        d = t - D.timedelta(days=k)
        if d.weekday() == wd: return d
    raise ValueError('weekday')

def parse_date(s, t):
    s = s.strip().rstrip(',').strip()
    if s in ('', '今天', 'Today'): return t
    if s in ('昨天', 'Yesterday'): return t - D.timedelta(days=1)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', s)
    if m: return weekday_back(t, CNW[m.group(1)])
    if s in ENW: return weekday_back(t, ENW[s])
    m = re.match(r'(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日', s)
    if m: return D.date(int(m.group(1) or t.year), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{4})[/-](\d{1,2})[/-](\d{1,2})', s)
    if m: return D.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})-(\d{1,2})', s)
    if m: return D.date(t.year, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{2})', s)
    if m: return D.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'([A-Z][a-z]{2}), ([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?', s)
    if m: return D.date(int(m.group(4) or t.year), MON[m.group(2)], int(m.group(3)))
    raise ValueError('date? %r' % s)

def iso(d, hm): return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, hm[0], hm[1])
def norm_sender(s):
    if re.fullmatch(r'[+\d][\d \-]*', s):
        s = re.sub(r'[ \-]', '', s)
        if s.startswith('+86'): s = s[3:]
    return s
def cy(b): return (b[1] + b[3]) / 2
def ovl(a, b): return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

def rebuild(dl, taken):
    L = dl['layout']; S = dl['strings']; SH = dl['shapes']
    t = D.date.fromisoformat(taken)
    title = [x for x in S if x['role'] == 'header_title']
    if L.endswith('calls') or L.endswith('calls_en'):
        names = sorted([x for x in S if x['role'] == 'call_name'], key=lambda x: x['bbox'][1])
        recs = []
        for i, n in enumerate(names):
            lo = n['bbox'][1] - 5; hi = names[i + 1]['bbox'][1] - 5 if i + 1 < len(names) else 1e9
            inb = lambda b: lo <= cy(b) < hi
            sub = [x for x in S if x['role'] == 'call_sub' and inb(x['bbox'])]
            lab = [x for x in S if x['role'] == 'call_time' and inb(x['bbox'])]
            icons = [x for x in SH if x['role'] == 'call_icon' and inb(x['bbox'])]
            subt = sub[0]['text'] if sub else ''
            if icons: typ = icons[0]['icon']
            elif '呼出' in subt: typ = 'outgoing'
            elif '呼入' in subt: typ = 'incoming'
            elif '未接' in subt or '响铃' in subt: typ = 'missed'
            elif n['colour'] in ('#E5372D', '#FF5A4F'): typ = 'missed'
            else: typ = 'incoming'
            if typ == 'missed' and n['colour'] not in ('#E5372D', '#FF5A4F'): raise ValueError('missed not red')
            m = re.search(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', subt)
            dur = (int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))) if m else None
            hm, rest = parse_time(lab[0]['text'])
            occ = iso(parse_date(rest, t), hm) if hm else None
            recs.append(dict(kind='call', sender=norm_sender(n['text']), occurred_at=occ, direction='out' if typ == 'outgoing' else 'in', text=None, call_type=typ, duration_seconds=dur))
        return recs
    kind = 'im' if L.startswith('wechat') else 'sms'
    hs = title[0]['text']
    if L == 'wechat_group': hs = re.sub(r'\(\d+\)$', '', hs)
    elif kind == 'sms': hs = norm_sender(hs)
    bubbles = sorted([x for x in SH if x['role'] == 'bubble'], key=lambda x: x['bbox'][1])
    seps = [x for x in S if x['role'] == 'separator']
    owns = [x for x in S if x['role'] == 'own_time']
    nicks = [x for x in S if x['role'] == 'nickname']
    lines = [x for x in S if x['role'] == 'msg_line']
    dateonly = L in ('huawei_sms', 'honor_sms', 'vivo_sms')
    recs = []
    for bi, b in enumerate(bubbles):
        bb = b['bbox']
        ls = sorted([x for x in lines if bb[0] <= x['bbox'][0] and x['bbox'][2] <= bb[2] and bb[1] <= x['bbox'][1] and x['bbox'][3] <= bb[3]], key=lambda x: x['bbox'][1])
        txts = [x['text'] for x in ls]
        txt = ' '.join(txts) if all(ord(ch) < 128 for ch in ''.join(txts)) else ''.join(txts)
        above = [s for s in seps if s['bbox'][3] <= bb[1]]
        occ = None
        if above:
            sp = max(above, key=lambda s: s['bbox'][3])
            if dateonly:
                def dist(o, bx):
                    c = cy(o['bbox']); return 0 if bx[1] <= c <= bx[3] else min(abs(c - bx[1]), abs(c - bx[3]))
                mine = [o for o in owns if min(bubbles, key=lambda q: dist(o, q['bbox'])) is b]
                hm, _ = parse_time(mine[0]['text'])
                occ = iso(parse_date(sp['text'], t), hm)
            else:
                hm, rest = parse_time(sp['text'])
                occ = iso(parse_date(rest, t), hm)
        snd = hs
        if L == 'wechat_group' and b['side'] == 'in':
            na = [n for n in nicks if n['bbox'][3] <= bb[1] and bb[1] - n['bbox'][3] < 80]
            snd = max(na, key=lambda n: n['bbox'][3])['text']
        recs.append(dict(kind=kind, sender=snd, occurred_at=occ, direction=b['side'], text=txt, call_type=None, duration_seconds=None))
    return recs

FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
def compare(truth, dls):
    errs = []
    for tr in truth:
        dl = dls[tr['file']]
        try: rb = rebuild(dl, tr['taken_on'])
        except Exception as e:
            errs.append('%s: rebuild failed %r' % (tr['file'], e)); continue
        if len(rb) != len(tr['records']): errs.append('%s: count %d vs %d' % (tr['file'], len(rb), len(tr['records']))); continue
        for i, (a, b) in enumerate(zip(rb, tr['records'])):
            if list(b.keys()) != FIELDS: errs.append('%s#%d keys' % (tr['file'], i))
            for f in FIELDS:
                if a[f] != b.get(f): errs.append('%s#%d %s: drawn %r truth %r' % (tr['file'], i, f, a[f], b.get(f)))
    return errs

def static_checks(truth, dls):
    errs = []
    for tr in truth:
        f = tr['file']; dl = dls[f]
        if list(tr.keys()) != ['file', 'layout', 'dark', 'taken_on', 'thread', 'records']: errs.append(f + ': keys')
        W, H = dl['size']
        p = os.path.join(HERE, f)
        if not os.path.exists(p): errs.append(f + ': missing'); continue
        im = Image.open(p)
        if list(im.size) != [W, H] or im.format != dl['format']: errs.append(f + ': size/format')
        if (dl['format'] == 'JPEG') != f.endswith('.jpg'): errs.append(f + ': ext')
        if dl['format'] == 'JPEG' and not (70 <= dl['jpeg_quality'] <= 92): errs.append(f + ': q')
        S = dl['strings']
        for s in S:
            b = s['bbox']
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H: errs.append('%s: out of image %r' % (f, s['text']))
            if s['text'] != s['text'].strip(): errs.append('%s: space edge %r' % (f, s['text']))
            cm = cmap(s['font'])
            for ch in s['text']:
                if ord(ch) not in cm: errs.append('%s: char %r not in cmap' % (f, ch))
        for i in range(len(S)):
            for j in range(i + 1, len(S)):
                if ovl(S[i]['bbox'], S[j]['bbox']): errs.append('%s: overlap %r / %r' % (f, S[i]['text'], S[j]['text']))
        m = re.search(r'(\d{4})-?(\d{2})-?(\d{2})[_ -](?:at )?(\d{2})[.\-]?(\d{2})[.\-]?(\d{2})', f)
        clk = [s['text'] for s in S if s['role'] == 'status_clock']
        if len(clk) != 1: errs.append(f + ': status clock'); continue
        if m:
            if '%s-%s-%s' % m.group(1, 2, 3) != tr['taken_on']: errs.append(f + ': name date != taken_on')
            hh, mm = int(m.group(4)), int(m.group(5))
            ch, cmi = map(int, clk[0].split(':'))
            if cmi != mm or not (ch == hh or (tr['layout'].endswith('_en') and ch == (hh % 12 or 12))): errs.append(f + ': clock %s vs name' % clk[0])
        else:
            if not re.fullmatch(r'IMG_\d{4}\.PNG', f): errs.append(f + ': bad name')
    th = {}
    for tr in truth:
        if tr['thread']: th.setdefault(tr['thread'], []).append(tr)
    for k, v in th.items():
        if len(v) != 2: errs.append(k + ': not a pair'); continue
        a, b = v
        if a['taken_on'] != b['taken_on'] or a['layout'] != b['layout'] or dls[a['file']]['size'] != dls[b['file']]['size']: errs.append(k + ': pair phone/day')
        if dls[b['file']]['taken_at'] <= dls[a['file']]['taken_at']: errs.append(k + ': order')
        ok = False
        for n in (1, 2):
            if [(r['text'], r['direction'], r['sender']) for r in a['records'][-n:]] == [(r['text'], r['direction'], r['sender']) for r in b['records'][:n]] and all(r['occurred_at'] is None for r in b['records'][:n]):
                ok = True
        if not ok: errs.append(k + ': no overlap')
    return errs, len(th)

def main():
    truth = [json.loads(l) for l in open(os.path.join(HERE, 'truth.jsonl'), encoding='utf-8')]
    dls = {d['file']: d for d in (json.loads(l) for l in open(os.path.join(HERE, 'drawlog.jsonl'), encoding='utf-8'))}
    errs = compare(truth, dls)
    e2, npairs = static_checks(truth, dls)
    errs += e2
    for e in errs[:60]: print('ERR', e)
    # mutation test
    mt = copy.deepcopy(truth)
    mt[0]['records'][0]['text'] = (mt[0]['records'][0]['text'] or '') + 'X'
    mt[5]['records'][1]['direction'] = 'out' if mt[5]['records'][1]['direction'] == 'in' else 'in'
    mt[40]['records'][2]['occurred_at'] = '1999-01-01T00:00:00+08:00'
    mt[100]['records'][0]['sender'] = 'nobody'
    merr = compare(mt, dls)
    mut_ok = len(merr) == 4 + len(compare(truth, dls))
    nrec = sum(len(t['records']) for t in truth)
    print('images %d records %d pairs %d errors %d mutation_test %s (%d errors for 4 mutations)' % (len(truth), nrec, npairs, len(errs), 'PASS' if mut_ok else 'FAIL', len(merr)))
    sys.exit(0 if not errs and mut_ok else 1)

if __name__ == '__main__':
    main()
