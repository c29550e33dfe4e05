#!/usr/bin/env python3
"""Independent checker for ocr_set14: rebuilds records from drawlog.jsonl geometry and compares with truth.jsonl.
Shares no code with make_set.py."""
import json, os, re, sys, copy
from datetime import date, datetime, timedelta
from PIL import Image
from fontTools.ttLib import TTCollection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
ZH_WD = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
EN_WD = {n: i for i, n in enumerate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])}
EN_MON = {n: i + 1 for i, n in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}


def load(p):
    return [json.loads(l) for l in open(p, encoding='utf-8') if l.strip()]


def digits_sender(s):
    t = re.sub(r'[\s\-]', '', s)
    if t.startswith('+86'):
        t = t[3:]
    return t if re.fullmatch(r'\d+', t) else s


def parse_time(lab):
    """Return (hour, minute) or None."""
    m = re.search(r'(\d{1,2}):(\d{2})\s*(AM|PM)', lab)
    if m:
        h = int(m.group(1)) % 12 + (12 if m.group(3) == 'PM' else 0)
        return h, int(m.group(2))
    m = re.search(r'(凌晨|早上|上午|中午|下午|晚上)(\d{1,2}):(\d{2})', lab)
    if m:
        p, h, mi = m.group(1), int(m.group(2)), int(m.group(3))
        if p in ('凌晨', '早上', '上午'):
            h = 0 if h == 12 else h
        elif p == '中午':
            h = 12 if h == 12 else h + 12 if h < 6 else h
        else:
            h = h if h == 12 else h + 12
        return h, mi
    m = re.search(r'(?<![\d/])(\d{1,2}):(\d{2})(?!\d)', lab)
    if m:
        return int(m.group(1)), int(m.group(2))
    return None


def parse_day(lab, taken):
    """Return a date or None."""
    m = re.search(r'(\d{4})年(\d{1,2})月(\d{1,2})日', lab)
    if m: return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r'(\d{4})/(\d{1,2})/(\d{1,2})', lab)
    if m: return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r'\b(\d{1,2})/(\d{1,2})/(\d{2})\b', lab)
    if m: return date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.search(r'(\d{1,2})月(\d{1,2})日', lab)
    if m: return noyear(taken, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r'(\d{2})-(\d{2})', lab.strip())
    if m: return noyear(taken, int(m.group(1)), int(m.group(2)))
    m = re.search(r'([A-Z][a-z]{2}) (\d{1,2}), (\d{4})', lab)
    if m: return date(int(m.group(3)), EN_MON[m.group(1).lower()], int(m.group(2)))
    m = re.search(r'([A-Z][a-z]{2}) (\d{1,2}) at', lab)
    if m: return noyear(taken, EN_MON[m.group(1).lower()], int(m.group(2)))
    if '今天' in lab or 'Today' in lab: return taken
    if '昨天' in lab or 'Yesterday' in lab: return taken - timedelta(days=1)
    m = re.search(r'(?:星期|周)([一二三四五六日天])', lab)
    wd = ZH_WD[m.group(1)] if m else None
    for n, i in EN_WD.items():
        if n in lab.lower(): wd = i
    if wd is not None:
        for k in range(2, 7):
            d = taken - timedelta(days=k)
            if d.weekday() == wd: return d
        raise ValueError('weekday out of range ' + lab)
    if parse_time(lab):
        return taken  # bare time = today
    return None


def noyear(taken, mo, d):
    x = date(taken.year, mo, d)
    if x > taken:
        raise ValueError('yearless date later than taken_on')
    return x


def iso(d, hm):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, hm[0], hm[1])


def inside(b, box, pad=0):
    cx = (b[0] + b[2]) / 2; cy = (b[1] + b[3]) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


DATE_ONLY = {'huawei_sms', 'honor_sms', 'vivo_sms'}


def rebuild_chat(e, taken):
    L = e['layout']
    texts = [i for i in e['items'] if i['type'] == 'text']
    title = [t for t in texts if t['role'] == 'title'][0]['text']
    bubbles = sorted([i for i in e['items'] if i['type'] == 'shape' and i['kind'] in ('bubble_in', 'bubble_out')], key=lambda i: i['box'][1])
    seps = [t for t in texts if t['role'] == 'sep']
    recs = []
    for b in bubbles:
        bx = b['box']
        lines = sorted([t for t in texts if t['role'] == 'msg' and inside(t['box'], bx)], key=lambda t: t['box'][1])
        full = ''.join(l['text'] for l in lines)
        txt = ' '.join(l['text'] for l in lines) if all(ord(ch) < 128 for ch in full) else full
        dirn = 'out' if b['kind'] == 'bubble_out' else 'in'
        above = [sp for sp in seps if sp['box'][3] <= bx[1]]
        occ = None
        if above:
            sp = max(above, key=lambda s_: s_['box'][3])['text']
            day = parse_day(sp, taken)
            if L in DATE_ONLY:
                if parse_time(sp):
                    raise ValueError('date-only separator shows a time')
                cand = [t for t in texts if t['role'] == 'msg_time']
                if L == 'vivo_sms':
                    cand = [t for t in cand if bx[1] <= (t['box'][1] + t['box'][3]) / 2 <= bx[3]]
                else:
                    cand = [t for t in cand if bx[3] <= t['box'][1] <= bx[3] + 60 and t['box'][0] < bx[2] and t['box'][2] > bx[0]]
                if len(cand) != 1:
                    raise ValueError('own time not found for bubble %s' % bx)
                occ = iso(day, parse_time(cand[0]['text']))
            else:
                occ = iso(day, parse_time(sp))
        if L == 'wechat_group':
            if dirn == 'in':
                nk = [t for t in texts if t['role'] == 'nick' and t['box'][3] <= bx[1] and bx[1] - t['box'][3] < 70]
                sender = max(nk, key=lambda t: t['box'][3])['text']
            else:
                sender = re.sub(r'[\(（]\d+[\)）]$', '', title)
        elif L == 'wechat_private':
            sender = title
        else:
            sender = digits_sender(title)
        recs.append({'kind': 'im' if L.startswith('wechat') else 'sms', 'sender': sender, 'occurred_at': occ, 'direction': dirn,
                     'text': txt, 'call_type': None, 'duration_seconds': None})
    return recs


def parse_dur(s):
    m = re.search(r'(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒', s)
    if not m: return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))


def is_red(c):
    c = c.lstrip('#'); r, g, b = int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
    return r > 180 and g < 120 and b < 120


def rebuild_calls(e, taken):
    L = e['layout']
    items = e['items']
    names = sorted([i for i in items if i['type'] == 'text' and i['role'] == 'call_name'], key=lambda i: i['box'][1])
    recs = []
    for k, n in enumerate(names):
        y0 = n['box'][1] - 40
        y1 = names[k + 1]['box'][1] - 40 if k + 1 < len(names) else 10 ** 9
        row = [i for i in items if y0 <= (i['box'][1] + i['box'][3]) / 2 < y1]
        icons = [i for i in row if i['type'] == 'shape' and i['kind'].startswith('icon_call_')]
        if len(icons) > 1: raise ValueError('two icons in a row')
        if icons:
            ct = {'icon_call_in': 'incoming', 'icon_call_out': 'outgoing', 'icon_call_missed': 'missed'}[icons[0]['kind']]
        elif is_red(n['color']):
            ct = 'missed'
        else:
            ct = 'incoming'
        if is_red(n['color']) != (ct == 'missed'):
            raise ValueError('missed colour mismatch')
        lab = [i for i in row if i['type'] == 'text' and i['role'] == 'call_time'][0]['text']
        tm = parse_time(lab)
        d = parse_day(lab, taken)
        occ = iso(d, tm) if (tm and d) else None
        dur = None
        for i in row:
            if i['type'] == 'text' and i['role'] in ('call_dur', 'call_sub'):
                v = parse_dur(i['text'])
                if v is not None: dur = v
                if L == 'xiaomi_calls' and i['role'] == 'call_sub':
                    lt = {'呼入': 'incoming', '呼出': 'outgoing', '未接': 'missed'}[i['text'][:2]]
                    if lt != ct: raise ValueError('xiaomi label disagrees with icon')
        recs.append({'kind': 'call', 'sender': digits_sender(n['text']), 'occurred_at': occ,
                     'direction': 'out' if ct == 'outgoing' else 'in', 'text': None, 'call_type': ct, 'duration_seconds': dur})
    return recs


def compare(truth, rebuilt):
    errs = []
    for t in truth:
        r = rebuilt.get(t['file'])
        if r is None:
            errs.append((t['file'], 'missing')); continue
        if len(r) != len(t['records']):
            errs.append((t['file'], 'count %d vs %d' % (len(t['records']), len(r)))); continue
        for j, (a, b) in enumerate(zip(t['records'], r)):
            for f in FIELDS:
                if a.get(f) != b.get(f):
                    errs.append((t['file'], j, f, a.get(f), b.get(f)))
    return errs


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def main():
    errors = []
    truth = load(os.path.join(ROOT, 'truth.jsonl'))
    draw = {d['file']: d for d in load(os.path.join(ROOT, 'drawlog.jsonl'))}
    cmap = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc').fonts[2].getBestCmap()
    cmapb = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc').fonts[2].getBestCmap()
    rebuilt = {}
    icon_sig = {}
    for t in truth:
        f = t['file']; e = draw.get(f)
        if e is None:
            errors.append((f, 'no drawlog')); continue
        taken = date.fromisoformat(t['taken_on'])
        # file name date
        m = re.search(r'(\d{4})-?(\d{2})-?(\d{2})', f)
        if m:
            if '%s-%s-%s' % m.groups() != t['taken_on']:
                errors.append((f, 'file date != taken_on'))
        if re.fullmatch(r'IMG_\d{4}\.PNG', f) and not t['layout'].startswith('iphone'):
            errors.append((f, 'iPhone name on Android'))
        # status clock equals file-name time
        m2 = re.search(r'(\d{8}_|\d{4}-\d{2}-\d{2}[- ](?:at )?)(\d{2})[-.]?(\d{2})', f)
        clock = [i['text'] for i in e['items'] if i['type'] == 'text' and i['role'] == 'status' and ':' in i['text']]
        if m2 and clock and clock[0] != '%s:%s' % (m2.group(2), m2.group(3)):
            errors.append((f, 'clock %s vs name' % clock[0]))
        # image file
        p = os.path.join(ROOT, f)
        if not os.path.exists(p):
            errors.append((f, 'file missing')); continue
        im = Image.open(p)
        if list(im.size) != e['size']: errors.append((f, 'size'))
        fmt = 'JPEG' if e['jpeg_quality'] else 'PNG'
        if im.format != fmt: errors.append((f, 'format'))
        W, H = e['size']
        texts = [i for i in e['items'] if i['type'] == 'text']
        for i in e['items']:
            b = i['box']
            if i['type'] == 'text' and (b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H):
                errors.append((f, 'text leaves image', i['text']))
            if i['type'] == 'text':
                cm = cmapb if i['bold'] else cmap
                for ch in i['text']:
                    if ord(ch) not in cm: errors.append((f, 'char not in cmap', ch))
        for a in range(len(texts)):
            for b in range(a + 1, len(texts)):
                if overlaps(texts[a]['box'], texts[b]['box']):
                    errors.append((f, 'text overlap', texts[a]['text'], texts[b]['text']))
        try:
            if t['layout'].endswith('_calls'):
                rebuilt[f] = rebuild_calls(e, taken)
                for i in e['items']:
                    if i['type'] == 'shape' and i['kind'].startswith('icon_call_'):
                        x0, y0 = i['box'][0], i['box'][1]
                        sig = (tuple((px - x0, py - y0) for px, py in i['polygon']), i['fill'])
                        icon_sig.setdefault(t['layout'], {}).setdefault(sig, set()).add(i['kind'])
            else:
                rebuilt[f] = rebuild_chat(e, taken)
        except Exception as ex:
            errors.append((f, 'rebuild failed', repr(ex)))
        # dates never later than taken_on
        for r in t['records']:
            if r['occurred_at'] and r['occurred_at'][:10] > t['taken_on']:
                errors.append((f, 'record after taken_on'))
    errors += compare(truth, rebuilt)
    # call icons: same drawing never used for two types; also shapes of types differ
    for lay, sigs in icon_sig.items():
        for sig, kinds in sigs.items():
            if len(kinds) > 1: errors.append((lay, 'icon drawing shared by', sorted(kinds)))
        shapes = {}
        for sig, kinds in sigs.items():
            k = list(kinds)[0]
            w = max(p[0] for p in sig[0]) or 1
            norm = tuple((round(px / w, 1), round(py / w, 1)) for px, py in sig[0])
            shapes.setdefault(norm, set()).add(k)
        for norm, kinds in shapes.items():
            if len(kinds) > 1: errors.append((lay, 'icon polygon shared by', sorted(kinds)))
    # overlap pairs
    threads = {}
    for t in truth:
        if t['thread']: threads.setdefault(t['thread'], []).append(t)
    for th, ts in threads.items():
        if len(ts) != 2:
            errors.append((th, 'thread not a pair')); continue
        a, b = ts
        if a['taken_on'] != b['taken_on'] or a['layout'] != b['layout']:
            errors.append((th, 'pair day/layout')); continue
        ca = [i['text'] for i in draw[a['file']]['items'] if i.get('role') == 'status' and ':' in i['text']][0]
        cb = [i['text'] for i in draw[b['file']]['items'] if i.get('role') == 'status' and ':' in i['text']][0]
        if not ca < cb: errors.append((th, 'later shot not later'))
        ok = False
        for k in (1, 2):
            if [r['text'] for r in a['records'][-k:]] == [r['text'] for r in b['records'][:k]] and all(r['occurred_at'] is None for r in b['records'][:k]):
                ok = True
        if not ok: errors.append((th, 'no overlap'))
    # mutation test
    mut = copy.deepcopy(truth)
    recs = [r for t in mut for r in t['records']]
    recs[3]['text'] = (recs[3]['text'] or '') + 'X'
    recs[50]['direction'] = 'out' if recs[50]['direction'] == 'in' else 'in'
    recs[400]['sender'] = recs[400]['sender'] + '9'
    recs[-5]['call_type'] = 'missed' if recs[-5]['call_type'] != 'missed' else 'incoming'
    n = len(compare(mut, rebuilt)) - len(compare(truth, rebuilt))
    print('mutation test: %d errors from 4 mutations' % n)
    if n != 4: errors.append(('mutation test', n))
    nrec = sum(len(t['records']) for t in truth)
    for e_ in errors[:60]:
        print('ERR', e_)
    print('files %d records %d errors %d' % (len(truth), nrec, len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
