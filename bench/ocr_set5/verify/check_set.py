#!/usr/bin/env python3
"""Independent checker for ocr_set5.

Shares no code with make_set.py.  It rebuilds every record from drawlog.jsonl by
geometry (message lines -> bubbles by containment, direction from the bubble's side,
time from the nearest separator above + the bubble's own time label, sender from the
header / nickname, call rows from the vertical position of the row's strings) with its
own label parsers, and compares with truth.jsonl field by field.

Also checks: images exist and match the logged size/format, no string leaves the
image, no two strings overlap, every character is in the font's cmap, the date in the
file name equals taken_on, overlap-pair structure, and a mutation test
(4 altered truth fields must give exactly 4 errors).

Usage: python verify/check_set.py [--table]
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
FONTS = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"]
FIELDS = ["kind", "sender", "occurred_at", "direction", "text", "call_type", "duration_seconds"]

CN_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
EN_WD = {n: i for i, n in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
EN_WD3 = {n: i for i, n in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])}
EN_MON = {n: i + 1 for i, n in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"])}


class LabelError(Exception):
    pass


# --------------------------------------------------------------------------- parsers
def weekday_date(wd, taken):
    for back in range(2, 7):
        d = taken - dt.timedelta(days=back)
        if d.weekday() == wd:
            return d
    raise LabelError("weekday not in 2..6 days")


def noyear_date(m, d, taken):
    x = dt.date(taken.year, m, d)
    if x > taken:
        raise LabelError("date without year later than taken_on")
    return x


def parse_time_token(tok):
    m = re.fullmatch(r"(凌晨|上午|中午|下午|晚上)?(\d{1,2}):(\d{2})", tok)
    if not m:
        return None
    pre, h, mi = m.group(1), int(m.group(2)), int(m.group(3))
    if pre in ("凌晨", "上午"):
        if h == 12:
            h = 0
    elif pre in ("下午", "晚上"):
        if h != 12:
            h += 12
    elif pre == "中午":
        if h < 11:
            h += 12
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        raise LabelError("bad time " + tok)
    return dt.time(h, mi)


def parse_en_time(s):
    m = re.fullmatch(r"(\d{1,2}):(\d{2}) ?(AM|PM)", s)
    if not m:
        return None
    h, mi, ap = int(m.group(1)), int(m.group(2)), m.group(3)
    if h == 12:
        h = 0
    if ap == "PM":
        h += 12
    return dt.time(h, mi)


def parse_date_token(tok, taken):
    if tok in ("今天",):
        return taken
    if tok == "昨天":
        return taken - dt.timedelta(days=1)
    m = re.fullmatch(r"(?:星期|周)([一二三四五六日天])", tok)
    if m:
        return weekday_date(CN_WD[m.group(1)], taken)
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", tok)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日", tok)
    if m:
        return noyear_date(int(m.group(1)), int(m.group(2)), taken)
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", tok)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", tok)
    if m:
        return noyear_date(int(m.group(1)), int(m.group(2)), taken)
    return None


def parse_label(s, taken):
    """-> (date or None, time or None). Raises LabelError for unparseable labels."""
    s = s.strip()
    # English forms
    if re.search(r"[A-Za-z]", s) and not re.search(r"[\u4e00-\u9fff]", s):
        t = parse_en_time(s)
        if t:
            return taken, t
        m = re.fullmatch(r"(Today|Yesterday)(?: (.+))?", s)
        if m:
            d = taken if m.group(1) == "Today" else taken - dt.timedelta(days=1)
            return d, (parse_en_time(m.group(2)) if m.group(2) else None)
        m = re.fullmatch(r"([A-Za-z]+day)(?: (.+))?", s)
        if m and m.group(1).lower() in EN_WD:
            return weekday_date(EN_WD[m.group(1).lower()], taken), (parse_en_time(m.group(2)) if m.group(2) else None)
        m = re.fullmatch(r"([A-Za-z]{3}), ([A-Za-z]{3}) (\d{1,2}) at (.+)", s)
        if m:
            d = noyear_date(EN_MON[m.group(2).lower()], int(m.group(3)), taken)
            if d.weekday() != EN_WD3[m.group(1).lower()]:
                raise LabelError("weekday mismatch " + s)
            return d, parse_en_time(m.group(4))
        m = re.fullmatch(r"([A-Za-z]{3}) (\d{1,2}), (\d{4}) at (.+)", s)
        if m:
            return dt.date(int(m.group(3)), EN_MON[m.group(1).lower()], int(m.group(2))), parse_en_time(m.group(4))
        raise LabelError("unparsed en label: " + s)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", s)
    if m:
        return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2))), None
    toks = s.split(" ")
    toks = [t for t in toks if not re.fullmatch(r"卡[12]", t)]
    d = None
    t = None
    wd_check = None
    for tok in toks:
        tt = parse_time_token(tok)
        if tt is not None:
            if t is not None:
                raise LabelError("two times " + s)
            t = tt
            continue
        if d is not None:
            m = re.fullmatch(r"(?:星期|周)([一二三四五六日天])", tok)
            if m:  # weekday after a full date, e.g. 3月10日 周二
                wd_check = CN_WD[m.group(1)]
                continue
        dd = parse_date_token(tok, taken)
        if dd is None:
            raise LabelError("unparsed token %r in %r" % (tok, s))
        d = dd
    if wd_check is not None and d.weekday() != wd_check:
        raise LabelError("weekday mismatch " + s)
    if d is None and t is not None:
        d = taken
    return d, t


def parse_duration(s):
    m = re.fullmatch(r"(?:(\d+)小时)?(?:(\d+)分)?(?:(\d+)秒)?", s)
    if not m or not s:
        raise LabelError("bad duration " + s)
    h, mi, se = (int(x) if x else 0 for x in m.groups())
    return h * 3600 + mi * 60 + se


def norm_sender(t):
    if re.fullmatch(r"\+?[\d][\d \-]*", t):
        d = re.sub(r"\D", "", t)
        if t.startswith("+86"):
            d = d[2:]
        return d
    return t


def iso(d, t):
    return "%sT%02d:%02d:00+08:00" % (d.isoformat(), t.hour, t.minute)


def is_red(hexcol):
    r, g, b = int(hexcol[1:3], 16), int(hexcol[3:5], 16), int(hexcol[5:7], 16)
    return r > 200 and g < 110 and b < 110


def center(box):
    return (box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0


# --------------------------------------------------------------------------- rebuild
def rebuild_chat(dl, taken, errs):
    W = dl["size"][0]
    items, shapes = dl["items"], dl["shapes"]
    kind = "im" if dl["layout"].startswith("wechat") else "sms"
    bubbles = sorted([s for s in shapes if s["role"] == "bubble"], key=lambda s: (s["box"][1], s["box"][0]))
    lines = [i for i in items if i["role"] == "msg"]
    content = {id(b): [] for b in bubbles}
    for ln in lines:
        cx, cy = center(ln["box"])
        hit = [b for b in bubbles if b["box"][0] <= cx <= b["box"][2] and b["box"][1] <= cy <= b["box"][3]]
        if len(hit) != 1:
            errs.append("line %r in %d bubbles" % (ln["text"], len(hit)))
            continue
        content[id(hit[0])].append(ln)
    heads = [i for i in items if i["role"] == "header_title"]
    if len(heads) != 1:
        errs.append("header titles: %d" % len(heads))
        return []
    head = heads[0]["text"]
    seps = [i for i in items if i["role"] == "separator"]
    owns = [i for i in items if i["role"] == "own_time"]
    nicks = [i for i in items if i["role"] == "nickname"]
    own_of = {}
    for o in owns:
        oy = center(o["box"])[1]
        above = [b for b in bubbles if b["box"][1] <= oy]
        if not above:
            errs.append("own time %r without bubble" % o["text"])
            continue
        b = max(above, key=lambda b: b["box"][1])
        if id(b) in own_of:
            errs.append("bubble with two own times")
        own_of[id(b)] = o
    recs = []
    for b in bubbles:
        ls = sorted(content[id(b)], key=lambda i: (i["box"][1], i["box"][0]))
        if not ls:
            errs.append("empty bubble at %s" % b["box"])
            continue
        text = "".join(i["text"] for i in ls)
        bx0, by0, bx1, by1 = b["box"]
        direction = "out" if (bx0 + bx1) / 2.0 > W / 2.0 else "in"
        above = [s for s in seps if s["box"][3] <= by0]
        sep = max(above, key=lambda s: s["box"][3]) if above else None
        occ = None
        try:
            if sep is not None:
                sd, st = parse_label(sep["text"], taken)
                if id(b) in own_of:
                    od, ot = parse_label(own_of[id(b)]["text"], taken)
                    if ot is None:
                        raise LabelError("own time without time")
                    occ = iso(sd, ot)
                else:
                    if st is None:
                        raise LabelError("separator without time above a bubble without own time")
                    occ = iso(sd, st)
        except LabelError as e:
            errs.append(str(e))
        if dl["layout"] == "wechat_group":
            if direction == "in":
                cand = [n for n in nicks if n["box"][3] <= by0 and by0 - n["box"][3] < 80 and abs(n["box"][0] - bx0) < 40]
                if len(cand) != 1:
                    errs.append("nickname for bubble at %s: %d" % (b["box"], len(cand)))
                    sender = None
                else:
                    sender = cand[0]["text"]
            else:
                sender = re.sub(r"[(（]\d+[)）]$", "", head)
        else:
            sender = norm_sender(head)
        recs.append({"kind": kind, "sender": sender, "occurred_at": occ, "direction": direction, "text": text,
                     "call_type": None, "duration_seconds": None})
    return recs


def rebuild_calls(dl, taken, errs):
    items, shapes = dl["items"], dl["shapes"]
    names = sorted([i for i in items if i["role"] == "call_name"], key=lambda i: i["box"][1])
    recs = []
    pitches = [names[k + 1]["box"][1] - names[k]["box"][1] for k in range(len(names) - 1)]
    pitch = max(pitches) if pitches else 300
    for k, nm in enumerate(names):
        d = 25
        top = nm["box"][1] - d
        bot = (names[k + 1]["box"][1] - d) if k + 1 < len(names) else nm["box"][1] + pitch - d
        row = [i for i in items if top <= center(i["box"])[1] < bot]
        icons = [s for s in shapes if s["role"].startswith("icon_") and top <= center(s["box"])[1] < bot]
        labels = [i["text"] for i in row if i["role"] == "call_label"]
        times = [i for i in row if i["role"] == "call_time"]
        durs = [i for i in row if i["role"] == "call_duration"]
        red = is_red(nm["color"])
        ctype = None
        if labels:
            lab = labels[0]
            if "响铃" in lab or (lab.startswith("未接") and lab != "未接通"):
                ctype = "missed"
            elif lab == "呼入":
                ctype = "incoming"
            elif lab in ("呼出", "未接通"):
                ctype = "outgoing"
            else:
                errs.append("unknown call label " + lab)
        elif icons:
            ctype = {"icon_missed": "missed", "icon_out": "outgoing", "icon_in": "incoming"}[icons[0]["role"]]
        if red:
            if ctype not in (None, "missed"):
                errs.append("red name but type %s" % ctype)
            ctype = "missed"
        if ctype is None:
            ctype = "incoming"
        if ctype == "missed" and not red:
            errs.append("missed call without red name: %s" % nm["text"])
        occ = None
        if len(times) != 1:
            errs.append("row %s: %d time labels" % (nm["text"], len(times)))
        else:
            try:
                dd, tt = parse_label(times[0]["text"], taken)
                occ = iso(dd, tt) if tt is not None else None
            except LabelError as e:
                errs.append(str(e))
        dur = None
        if durs:
            try:
                dur = parse_duration(durs[0]["text"])
            except LabelError as e:
                errs.append(str(e))
        recs.append({"kind": "call", "sender": norm_sender(nm["text"]), "occurred_at": occ,
                     "direction": "out" if ctype == "outgoing" else "in", "text": None, "call_type": ctype,
                     "duration_seconds": dur})
    return recs


def file_date(fn):
    pats = [r"Screenshot_(\d{4})(\d{2})(\d{2})_\d{6}\.png", r"Screenshot_(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}\.png",
            r"IMG_(\d{4})(\d{2})(\d{2})_\d{6}\.jpg", r"Screenshot (\d{4})-(\d{2})-(\d{2}) at \d{2}\.\d{2}\.\d{2}\.png"]
    for p in pats:
        m = re.fullmatch(p, fn)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.fullmatch(r"IMG_\d{4}\.(PNG|JPG)", fn):
        return None
    raise ValueError("unknown file name pattern " + fn)


def compare(truth, rebuilt):
    """returns list of error strings, one per differing field (plus count mismatches)"""
    errs = []
    for t in truth:
        fn = t["file"]
        r = rebuilt.get(fn)
        if r is None:
            errs.append("%s: not rebuilt" % fn)
            continue
        tr = t["records"]
        if len(tr) != len(r):
            errs.append("%s: %d truth records vs %d rebuilt" % (fn, len(tr), len(r)))
        for k, (a, b) in enumerate(zip(tr, r)):
            for f in FIELDS:
                if a.get(f, "<missing>") != b[f]:
                    errs.append("%s rec %d field %s: truth %r vs drawn %r" % (fn, k, f, a.get(f), b[f]))
            extra = set(a) - set(FIELDS)
            if extra:
                errs.append("%s rec %d extra fields %s" % (fn, k, extra))
    return errs


def main():
    os.chdir(ROOT)
    truth = [json.loads(l) for l in open("truth.jsonl", encoding="utf-8")]
    draw = {}
    for l in open("drawlog.jsonl", encoding="utf-8"):
        d = json.loads(l)
        draw[d["file"]] = d
    cmaps = []
    for p in FONTS:
        cmaps.append(set(TTCollection(p).fonts[2].getBestCmap().keys()))
    errs = []
    rebuilt = {}
    files_on_disk = set(f for f in os.listdir(".") if f.lower().endswith((".png", ".jpg")))
    if files_on_disk != set(draw) or set(draw) != set(t["file"] for t in truth):
        errs.append("file sets differ between disk, drawlog and truth")
    for t in truth:
        fn = t["file"]
        dl = draw.get(fn)
        if dl is None:
            errs.append(fn + ": no drawlog")
            continue
        E = []
        for k in ("layout", "dark"):
            if t[k] != dl[k]:
                E.append("%s differs" % k)
        if set(t) != {"file", "layout", "dark", "taken_on", "thread", "records"}:
            E.append("top-level keys %s" % sorted(t))
        taken = dt.date.fromisoformat(t["taken_on"])
        if not (dt.date(2025, 9, 1) <= taken <= dt.date(2026, 11, 30)):
            E.append("taken_on out of range")
        fd = file_date(fn)
        if fd is not None and fd != taken:
            E.append("file name date %s != taken_on %s" % (fd, taken))
        with Image.open(fn) as im:
            if list(im.size) != dl["size"]:
                E.append("image size")
            fmt = {"PNG": "png", "JPEG": "jpeg"}[im.format]
            if fmt != dl["format"] or (fmt == "jpeg") != fn.lower().endswith(".jpg"):
                E.append("format")
        W, H = dl["size"]
        its = dl["items"]
        for i in its:
            x0, y0, x1, y1 = i["box"]
            if x0 < 0 or y0 < 0 or x1 > W or y1 > H:
                E.append("string leaves image: %r %s" % (i["text"], i["box"]))
            for ch in i["text"]:
                if ord(ch) not in cmaps[1 if i["bold"] else 0]:
                    E.append("char %r not in cmap" % ch)
        for a in range(len(its)):
            A = its[a]["box"]
            for b in range(a + 1, len(its)):
                B = its[b]["box"]
                if A[0] < B[2] and B[0] < A[2] and A[1] < B[3] and B[1] < A[3]:
                    E.append("overlap %r / %r" % (its[a]["text"], its[b]["text"]))
        if dl["layout"].endswith("_calls") or dl["layout"].endswith("_calls_en"):
            rec = rebuild_calls(dl, taken, E)
        else:
            rec = rebuild_chat(dl, taken, E)
        for r in rec:
            if r["occurred_at"] and r["occurred_at"][:10] > t["taken_on"]:
                E.append("occurred_at after taken_on")
        rebuilt[fn] = rec
        errs += ["%s: %s" % (fn, e) for e in E]
    errs += compare(truth, rebuilt)
    # overlap pairs
    threads = {}
    for t in truth:
        if t["thread"]:
            threads.setdefault(t["thread"], []).append(t)
    for tid, ts in threads.items():
        if len(ts) != 2:
            errs.append("thread %s has %d shots" % (tid, len(ts)))
            continue
        a, b = ts
        ok = False
        for k in (1, 2):
            if [r["text"] for r in a["records"][-k:]] == [r["text"] for r in b["records"][:k]] and \
                    [r["direction"] for r in a["records"][-k:]] == [r["direction"] for r in b["records"][:k]]:
                ok = True
        if not ok:
            errs.append("thread %s: later shot does not start with last bubbles of earlier" % tid)
        if b["records"][0]["occurred_at"] is not None:
            errs.append("thread %s: first repeated bubble has a time" % tid)
        if a["taken_on"] != b["taken_on"] or a["layout"] != b["layout"]:
            errs.append("thread %s: layout/date differ" % tid)
    # mutation test
    mut = copy.deepcopy(truth)
    conds = [
        ("text", lambda r: r["text"], lambda r: r["text"] + "X"),
        ("occurred_at", lambda r: r["occurred_at"], lambda r: r["occurred_at"].replace("+08:00", "+09:00")),
        ("call_type", lambda r: r["kind"] == "call" and r["call_type"] == "missed", lambda r: "incoming"),
        ("direction", lambda r: r["kind"] == "im", lambda r: "out" if r["direction"] == "in" else "in"),
    ]
    used = set()
    done = 0
    for field, cond, change in conds:
        for ti, t in enumerate(mut):
            hit = False
            for ri, r in enumerate(t["records"]):
                if (ti, ri) not in used and cond(r):
                    r[field] = change(r)
                    used.add((ti, ri))
                    done += 1
                    hit = True
                    break
            if hit:
                break
    merr = compare(mut, rebuilt)
    base = len(compare(truth, rebuilt))
    mutation_ok = done == 4 and len(merr) - base == 4
    if not mutation_ok:
        errs.append("mutation test failed: %d mutations -> %d errors" % (done, len(merr) - base))

    # summary
    nrec = sum(len(t["records"]) for t in truth)
    print("images %d, records %d" % (len(truth), nrec))
    if "--table" in sys.argv:
        lays = []
        for t in truth:
            if t["layout"] not in lays:
                lays.append(t["layout"])
        print("| layout | files | records | dark | JPEG | overlap pairs | null-time records |")
        print("|---|---|---|---|---|---|---|")
        tot = [0] * 6
        for L in lays:
            ts = [t for t in truth if t["layout"] == L]
            row = [len(ts), sum(len(t["records"]) for t in ts), sum(t["dark"] for t in ts),
                   sum(t["file"].lower().endswith(".jpg") for t in ts),
                   len(set(t["thread"] for t in ts if t["thread"])),
                   sum(r["occurred_at"] is None for t in ts for r in t["records"])]
            tot = [a + b for a, b in zip(tot, row)]
            print("| %s | %s |" % (L, " | ".join(map(str, row))))
        print("| **total** | %s |" % " | ".join(map(str, tot)))
    print("mutation test: %s" % ("ok (4 mutations -> 4 errors)" if mutation_ok else "FAILED"))
    for e in errs[:60]:
        print("ERROR", e)
    print("errors: %d" % len(errs))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
