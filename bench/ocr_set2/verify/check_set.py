#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
check_set.py -- consistency check of ocr_set2.

Reads truth.jsonl and verify/drawlog.jsonl (the strings make_set.py drew,
with their boxes) and re-derives every record *from the drawn strings only*:
the separator / row time strings are parsed here with an independent parser
and resolved against taken_on, message lines are re-joined, senders are taken
from the drawn header or row.  The result must equal truth.jsonl exactly.
Also checks PNG sizes, glyph coverage, overlaps and the overlapping pairs.

    /work/main/.venv/bin/python /work/ocr_set2/verify/check_set.py
"""
import collections
import datetime as dt
import json
import os
import re
import sys

from PIL import Image
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CST = dt.timezone(dt.timedelta(hours=8))
CMAP = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc').fonts[2].getBestCmap()
WDZ = {'星期一': 0, '星期二': 1, '星期三': 2, '星期四': 3, '星期五': 4, '星期六': 5, '星期日': 6}
WDE = {'Monday': 0, 'Tuesday': 1, 'Wednesday': 2, 'Thursday': 3, 'Friday': 4, 'Saturday': 5, 'Sunday': 6}
MON = {m: i + 1 for i, m in enumerate('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split())}

errors = []


def err(f, msg):
    errors.append(f'{f}: {msg}')


def parse_time(s):
    s = s.strip()
    m = re.fullmatch(r'(\d{1,2}):(\d{2}) (AM|PM)', s)
    if m:
        h = int(m.group(1)) % 12 + (12 if m.group(3) == 'PM' else 0)
        return h, int(m.group(2))
    m = re.fullmatch(r'(凌晨|上午|中午|下午|晚上)(\d{1,2}):(\d{2})', s)
    if m:
        h = int(m.group(2))
        p = m.group(1)
        if p in ('下午', '晚上') and h < 12:
            h += 12
        if p in ('凌晨', '上午') and h == 12:
            h = 0
        return h, int(m.group(3))
    m = re.fullmatch(r'(\d{2}):(\d{2})', s)
    if m:
        return int(m.group(1)), int(m.group(2))
    raise ValueError('time? ' + s)


def resolve_day(day, taken):
    """day string -> date"""
    td = taken.date()
    if day in ('', '今天', 'Today'):
        return td
    if day in ('昨天', 'Yesterday'):
        return td - dt.timedelta(days=1)
    if day in WDZ or day in WDE:
        wd = WDZ.get(day, WDE.get(day))
        for k in range(2, 7):
            d = td - dt.timedelta(days=k)
            if d.weekday() == wd:
                return d
        raise ValueError(day)
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', day) or re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', day)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r'(\d{1,2})月(\d{1,2})日(?: 星期.)?', day)
    if m:
        d = dt.date(td.year, int(m.group(1)), int(m.group(2)))
        return d if d <= td else d.replace(year=td.year - 1)
    m = re.fullmatch(r'(?:[A-Z][a-z]{2}, )?([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?', day)
    if m:
        y = int(m.group(3)) if m.group(3) else td.year
        d = dt.date(y, MON[m.group(1)], int(m.group(2)))
        if not m.group(3) and d > td:
            d = d.replace(year=y - 1)
        return d
    raise ValueError('day? ' + day)


def parse_stamp(s, taken):
    s = s.strip()
    if ' at ' in s:
        day, tm = s.split(' at ')
    else:
        m = re.fullmatch(r'(.*?) ?((?:凌晨|上午|中午|下午|晚上)?\d{1,2}:\d{2}(?: [AP]M)?)', s)
        day, tm = m.group(1).strip(), m.group(2)
    d = resolve_day(day, taken)
    h, mi = parse_time(tm)
    return dt.datetime(d.year, d.month, d.day, h, mi, tzinfo=CST)


def norm_sender(disp):
    if re.fullmatch(r'[+\d][\d \-]*', disp):
        dg = re.sub(r'\D', '', disp)
        if disp.startswith('+86'):
            dg = dg[2:]
        return dg
    return disp


def join(lines):
    out = ''
    for k, (ln, sp) in enumerate(lines):
        if sp:
            a, b = ln[-1:], lines[k + 1][0][:1]
            if not (a.isascii() and b.isascii() and a.isalnum() or a in ',.!?' and b.isascii()):
                raise ValueError('space break next to non-ASCII')
        out += ln + (' ' if sp else '')
    return out


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_chat(d, t, taken):
    f = d['file']
    lay = d['layout']
    head = [x for x in d['texts'] if x['role'] == 'header'][0]['text']
    if lay == 'wechat_group':
        m = re.fullmatch(r'(.*)\((\d+)\)', head)
        sender = m.group(1)
    else:
        sender = norm_sender(head)
    recs = []
    cur = None
    for x in d['texts']:
        if x['role'] == 'sep':
            cur = parse_stamp(x['text'], taken)
        elif x['role'] == 'msg':
            if cur is None:
                err(f, 'message without separator above')
                continue
            at = cur
            if x['own']:
                h, mi = parse_time(x['own'])
                at = cur.replace(hour=h, minute=mi)
                if at < cur:
                    err(f, 'own time before separator')
            text = join(x['lines'])
            snd = x['nick'] if (lay == 'wechat_group' and x['dir'] == 'in') else sender
            recs.append({'kind': 'im' if lay.startswith('wechat') else 'sms', 'sender': snd,
                         'occurred_at': at.isoformat(), 'direction': x['dir'], 'text': text,
                         'call_type': None, 'duration_seconds': None})
    return recs


def check_calls(d, t, taken):
    lay = d['layout']
    recs = []
    buf = {}
    for x in d['texts']:
        if x['role'] in ('call_name', 'call_sub', 'call_time'):
            buf[x['role']] = x['text']
        elif x['role'] == 'call':
            name, sub, tm = buf.get('call_name'), buf.get('call_sub', ''), buf['call_time']
            buf = {}
            at = parse_stamp(tm, taken)
            if lay == 'xiaomi_calls':
                typ = {'呼入': 'incoming', '呼出': 'outgoing', '未接': 'missed'}[sub[:2]]
            else:
                typ = 'missed' if x['type_color'] == 'red' else 'outgoing' if x['icon'] == 'out' else 'incoming'
            dur = None
            m = re.search(r'(?:(\d+)分)?(\d+)秒', sub)
            if m and '响铃' not in sub:
                dur = int(m.group(1) or 0) * 60 + int(m.group(2))
            recs.append({'kind': 'call', 'sender': norm_sender(name), 'occurred_at': at.isoformat(),
                         'direction': 'out' if typ == 'outgoing' else 'in', 'text': None,
                         'call_type': typ, 'duration_seconds': dur})
    return recs


def main():
    truth = [json.loads(l) for l in open(os.path.join(HERE, 'truth.jsonl'), encoding='utf-8')]
    draws = {json.loads(l)['file']: json.loads(l) for l in open(os.path.join(HERE, 'verify', 'drawlog.jsonl'),
                                                               encoding='utf-8')}
    pngs = sorted(f for f in os.listdir(HERE) if f.endswith('.png'))
    tfiles = [t['file'] for t in truth]
    if sorted(tfiles) != pngs or len(set(tfiles)) != len(tfiles):
        err('set', 'truth files != PNG files')
    keys = ['file', 'layout', 'dark', 'taken_on', 'thread', 'records']
    rkeys = ['kind', 'sender', 'occurred_at', 'direction', 'text', 'call_type', 'duration_seconds']
    per = collections.OrderedDict()
    total_size = 0
    for t in truth:
        f = t['file']
        if list(t.keys()) != keys:
            err(f, 'truth keys')
        for r in t['records']:
            if list(r.keys()) != rkeys:
                err(f, 'record keys')
            if not r['occurred_at'].endswith('+08:00'):
                err(f, 'tz')
            if r['text']:
                miss = {ch for ch in r['text'] if ord(ch) not in CMAP}
                if miss:
                    err(f, f'glyphs missing {miss}')
        d = draws[f]
        taken = dt.datetime.fromisoformat(d['taken'])
        if taken.date().isoformat() != t['taken_on']:
            err(f, 'taken_on')
        m = re.fullmatch(r'IMG_(\d{8})_\d{6}\.png', f)
        if m and m.group(1) != t['taken_on'].replace('-', ''):
            err(f, 'file name date != taken_on')
        im = Image.open(os.path.join(HERE, f))
        if list(im.size) != d['size']:
            err(f, 'size')
        total_size += os.path.getsize(os.path.join(HERE, f))
        # every drawn string inside the image
        for x in d['texts']:
            b = x['bbox']
            if b[0] < -1 or b[1] < -1 or b[2] > im.size[0] + 1 or b[3] > im.size[1] + 1:
                err(f, f'outside image: {x.get("text")}')
        # content elements must not overlap each other
        els = [x for x in d['texts'] if x['role'] in ('sep', 'msg', 'nick', 'own_time', 'sys', 'label', 'call')]
        for i in range(len(els)):
            for j in range(i + 1, len(els)):
                if overlap(els[i]['bbox'], els[j]['bbox']):
                    err(f, f'overlap {els[i]["role"]} / {els[j]["role"]}')
        # the list must lie between header and input/tab bar
        tops = [x['bbox'][3] for x in d['texts'] if x['role'] in ('header', 'header_sub', 'title', 'placeholder')
                and x['bbox'][1] < im.size[1] / 2]
        bots = [x['bbox'][1] for x in d['texts'] if x['role'] in ('placeholder', 'tab') and x['bbox'][1] > im.size[1] / 2]
        for x in els:
            if tops and x['bbox'][1] < max(tops) or bots and x['bbox'][3] > min(bots):
                err(f, f'element under header / input bar: {x["role"]}')
        try:
            got = check_calls(d, t, taken) if t['layout'].endswith('_calls') else check_chat(d, t, taken)
        except Exception as e:  # noqa
            err(f, f'parse failure {e!r}')
            continue
        if got != t['records']:
            for a, b in zip(got, t['records']):
                if a != b:
                    err(f, f'mismatch\n   drawn: {a}\n   truth: {b}')
                    break
            else:
                err(f, f'record count drawn {len(got)} truth {len(t["records"])}')
        for r in t['records']:
            if r['occurred_at'] > taken.isoformat():
                err(f, 'record after taken')
        p = per.setdefault(t['layout'], collections.Counter())
        p['files'] += 1
        p['records'] += len(t['records'])
        p['dark'] += t['dark']
        p['img_name'] += bool(m)
        if t['layout'] == 'iphone_sms' or t['layout'] == 'iphone_calls':
            p['english'] += d['en']
    # pairs
    th = collections.defaultdict(list)
    for t in truth:
        if t['thread']:
            th[t['thread']].append(t)
    for k, v in th.items():
        if len(v) != 2:
            err(k, 'thread must have 2 files')
            continue
        a, b = v
        ok = False
        for n in (1, 2):
            if a['records'][-n:] == b['records'][:n]:
                ok = True
                ov = n
        if not ok or a['taken_on'] != b['taken_on'] or a['layout'] != b['layout']:
            err(k, 'pair does not overlap')
        else:
            print(f'pair {k}: {a["file"]} + {b["file"]}  overlap {ov} (of {len(a["records"])} / {len(b["records"])})')
    # summary
    tot_f = tot_r = 0
    for lay, c in per.items():
        print(f'{lay:14s} files {c["files"]:3d} records {c["records"]:4d} dark {c["dark"]:2d} '
              f'IMG_-named {c["img_name"]:2d}' + (f' english {c["english"]}' if 'english' in c else ''))
        tot_f += c['files']
        tot_r += c['records']
    print(f'TOTAL files {tot_f} records {tot_r} dark {sum(c["dark"] for c in per.values())} '
          f'png bytes {total_size}')
    if errors:
        print(f'{len(errors)} ERRORS')
        for e in errors[:60]:
            print(' ', e)
        sys.exit(1)
    print('OK: truth matches the drawn strings')


if __name__ == '__main__':
    main()
