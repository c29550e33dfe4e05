#!/usr/bin/env python3
"""Independent checker for ocr_set8.  Shares no code with make_set.py.

It rebuilds every record from drawlog.jsonl by geometry (message lines into the
bubble that contains them, direction from the bubble side, times from separators
plus own times, senders from the header / nickname, call rows banded by their
name lines) and compares them with truth.jsonl field by field.  It also checks
the images and the drawlog (bounds, ink, overlaps, cmap, spaces, file names,
status clock, overlap pairs) and runs a mutation test.

Usage: python verify/check_set.py [set_dir]
"""
import copy
import datetime as dt
import json
import os
import re
import sys

from PIL import Image
from fontTools.ttLib import TTCollection

SET = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
FONTDIR = "/usr/share/fonts/opentype/noto/"
REC_KEYS = ["kind", "sender", "occurred_at", "direction", "text", "call_type", "duration_seconds"]
TOP_KEYS = ["file", "layout", "dark", "taken_on", "thread", "records"]
DAY_ONLY_SEP = {"huawei_sms", "honor_sms", "vivo_sms"}
ZH_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
EN_WD = {n: i for i, n in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}
EN_MON = {n: i + 1 for i, n in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}

_cm = {}


def charset(fontname):
    fn, rest = fontname.split("#", 1)
    idx = int(rest.split()[0])
    key = (fn, idx)
    if key not in _cm:
        _cm[key] = set(TTCollection(os.path.join(FONTDIR, fn)).fonts[idx].getBestCmap())
    return _cm[key]


# ------------------------------------------------------------------ label parsing
def find_clock(s):
    m = re.search(r"(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2}):(\d{2})(?:\s*(AM|PM))?", s)
    if not m:
        return None
    per, h, mi, ap = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    p = per or ap
    if p in ("凌晨", "早上", "上午", "AM"):
        h = 0 if h == 12 else h
    elif p == "中午":
        h = h if h >= 11 else h + 12
    elif p in ("下午", "晚上", "PM"):
        h = h if h == 12 else h + 12
    return h, mi


def find_day(s, taken, english_numeric=False):
    """Date named by a label, or None when the label names no day."""
    if "今天" in s or "Today" in s:
        return taken
    if "昨天" in s or "Yesterday" in s:
        return taken - dt.timedelta(days=1)
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(\d{1,2})月(\d{1,2})日", s)
    if m:
        return dt.date(taken.year, int(m.group(1)), int(m.group(2)))
    m = re.search(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})", s)
    if m:
        return dt.date(int(m.group(3)), EN_MON[m.group(1)], int(m.group(2)))
    m = re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})\b", s)
    if m:
        return dt.date(taken.year, EN_MON[m.group(1)], int(m.group(2)))
    if english_numeric:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", s.strip())
        if m:
            return dt.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.match(r"^(\d{1,2})[/-](\d{1,2})(?!\d|:)", s.strip())
    if m:
        return dt.date(taken.year, int(m.group(1)), int(m.group(2)))
    wd = None
    m = re.search(r"(?:星期|周)([一二三四五六日天])", s)
    if m:
        wd = ZH_WD[m.group(1)]
    for n, i in EN_WD.items():
        if n in s:
            wd = i
    if wd is not None:
        for back in range(2, 7):
            d = taken - dt.timedelta(days=back)
            if d.weekday() == wd:
                return d
        raise ValueError("weekday label out of range: " + s)
    return None


def iso(d, hm):
    return "%04d-%02d-%02dT%02d:%02d:00+08:00" % (d.year, d.month, d.day, hm[0], hm[1])


def sep_datetime(s, taken):
    hm = find_clock(s)
    if hm is None:
        raise ValueError("separator without time: " + s)
    d = find_day(s, taken)
    return iso(d or taken, hm)


def norm_num(s):
    if re.fullmatch(r"\+?[0-9][0-9 \-]*", s):
        s = s.replace(" ", "").replace("-", "")
        if s.startswith("+86"):
            s = s[3:]
    return s


def is_red(hexcol):
    r, g, b = int(hexcol[1:3], 16), int(hexcol[3:5], 16), int(hexcol[5:7], 16)
    return r > 200 and g < 110 and b < 110


def cy(bb):
    return (bb[1] + bb[3]) / 2


def cx(bb):
    return (bb[0] + bb[2]) / 2


# ------------------------------------------------------------------ rebuild
def rebuild_messages(d, taken):
    layout = d["layout"]
    S = d["strings"]
    bubbles = sorted([sh for sh in d["shapes"] if sh["role"] == "bubble"], key=lambda b: b["bbox"][1])
    titles = [s for s in S if s["role"] == "header_title"]
    assert len(titles) == 1, "header title count %d" % len(titles)
    title = titles[0]["text"]
    seps = [s for s in S if s["role"] == "sep"]
    owns = [s for s in S if s["role"] == "own_time"]
    nicks = [s for s in S if s["role"] == "nickname"]
    lines = [s for s in S if s["role"] == "msg"]
    used = set()
    recs = []
    for bi, b in enumerate(bubbles):
        x0, y0, x1, y1 = b["bbox"]
        mine = [ln for ln in lines if x0 <= cx(ln["bbox"]) <= x1 and y0 <= cy(ln["bbox"]) <= y1]
        for ln in mine:
            used.add(id(ln))
        mine.sort(key=lambda ln: ln["bbox"][1])
        texts = [ln["text"] for ln in mine]
        if all(all(ord(ch) < 128 for ch in t) for t in texts):
            text = " ".join(texts)
        else:
            text = "".join(texts)
        direction = "out" if b["side"] == "right" else "in"
        if layout == "wechat_group":
            if direction == "out":
                sender = re.sub(r"\(\d+\)$", "", title)
            else:
                cands = [n for n in nicks if n["bbox"][3] <= y0 and y0 - n["bbox"][3] < 3 * n["size"]
                         and x0 - 10 <= n["bbox"][0] <= x0 + 200]
                sender = max(cands, key=lambda n: n["bbox"][3])["text"] if cands else None
        elif layout == "wechat_private":
            sender = title
        else:
            sender = norm_num(title)
        above = [s for s in seps if s["bbox"][3] < y0]
        sep = max(above, key=lambda s: s["bbox"][3]) if above else None
        if sep is None:
            occ = None
        elif layout in DAY_ONLY_SEP:
            day = find_day(sep["text"], taken)
            assert day is not None, sep["text"]
            nxt_top = bubbles[bi + 1]["bbox"][1] if bi + 1 < len(bubbles) else 10 ** 9
            mo = [o for o in owns if y0 <= cy(o["bbox"]) < nxt_top]
            assert len(mo) == 1, "own time count %d" % len(mo)
            occ = iso(day, find_clock(mo[0]["text"]))
        else:
            occ = sep_datetime(sep["text"], taken)
        recs.append({"kind": "im" if layout.startswith("wechat") else "sms", "sender": sender, "occurred_at": occ,
                     "direction": direction, "text": text, "call_type": None, "duration_seconds": None})
    orphan = [ln["text"] for ln in lines if id(ln) not in used]
    return recs, orphan


def rebuild_calls(d, taken):
    S = d["strings"]
    en = d["layout"].endswith("_en")
    names = sorted([s for s in S if s["role"] == "call_name"], key=lambda s: s["bbox"][1])
    icons = [sh for sh in d["shapes"] if sh["role"] == "call_icon"]
    recs = []
    for i, n in enumerate(names):
        tol = 0.3 * (n["bbox"][3] - n["bbox"][1])
        top = n["bbox"][1] - tol
        bot = names[i + 1]["bbox"][1] - tol if i + 1 < len(names) else d["size"][1]
        band = [s for s in S if top <= cy(s["bbox"]) < bot and s is not n]
        band_icons = [ic for ic in icons if top <= cy(ic["bbox"]) < bot]
        times = [s for s in band if s["role"] == "call_time"]
        assert len(times) == 1, "row time count %d" % len(times)
        lab = times[0]["text"]
        hm = find_clock(lab)
        occ = None
        if hm is not None:
            day = find_day(lab, taken, english_numeric=en)
            occ = iso(day or taken, hm)
        subtxt = " ".join(s["text"] for s in band if s["role"] == "call_sub")
        if is_red(n["colour"]) or "未接来电" in subtxt:
            ctype = "missed"
        elif any(ic.get("icon") == "out" for ic in band_icons) or "呼出" in subtxt or "未接通" in subtxt:
            ctype = "outgoing"
        else:
            ctype = "incoming"
        dur = None
        m = re.search(r"(?:(\d+)小时)?(?:(\d+)分)?(\d+)秒", subtxt)
        if m:
            dur = int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + int(m.group(3))
        recs.append({"kind": "call", "sender": norm_num(n["text"]), "occurred_at": occ,
                     "direction": "out" if ctype == "outgoing" else "in", "text": None, "call_type": ctype,
                     "duration_seconds": dur})
    return recs


def compare(truth_map, rebuilt_map):
    errs = []
    for fn, t in truth_map.items():
        rb = rebuilt_map.get(fn, [])
        if len(rb) != len(t["records"]):
            errs.append("%s: record count truth %d rebuilt %d" % (fn, len(t["records"]), len(rb)))
            continue
        for i, (a, b) in enumerate(zip(t["records"], rb)):
            for k in REC_KEYS:
                if a.get(k) != b.get(k):
                    errs.append("%s rec %d field %s: truth %r rebuilt %r" % (fn, i, k, a.get(k), b.get(k)))
    return errs


# ------------------------------------------------------------------ file names
def name_datetime(fn):
    pats = [(r"Screenshot_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.png", True),
            (r"Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.png", True),
            (r"IMG_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.jpg", True),
            (r"Screenshot (\d{4})-(\d{2})-(\d{2}) at (\d{2})\.(\d{2})\.(\d{2})\.png", True),
            (r"IMG_(\d{4})\.PNG", False)]
    for p, dated in pats:
        m = re.fullmatch(p, fn)
        if m:
            if not dated:
                return "undated", None
            g = [int(x) for x in m.groups()]
            return "dated", dt.datetime(*g)
    return "bad", None


def main():
    truth = [json.loads(l) for l in open(os.path.join(SET, "truth.jsonl"), encoding="utf-8")]
    draws = [json.loads(l) for l in open(os.path.join(SET, "drawlog.jsonl"), encoding="utf-8")]
    errs = []
    tmap = {t["file"]: t for t in truth}
    dmap = {d["file"]: d for d in draws}
    if len(tmap) != len(truth) or set(tmap) != set(dmap):
        errs.append("truth/drawlog file lists differ or duplicate")
    files_on_disk = {f for f in os.listdir(SET) if f.lower().endswith((".png", ".jpg"))}
    if files_on_disk != set(tmap):
        errs.append("images on disk differ from truth: %s" % sorted(files_on_disk ^ set(tmap))[:5])
    rebuilt = {}
    clock_min = {}
    for t in truth:
        fn = t["file"]
        d = dmap[fn]
        if list(t.keys()) != TOP_KEYS:
            errs.append("%s: top-level keys %s" % (fn, list(t.keys())))
        for r in t["records"]:
            if list(r.keys()) != REC_KEYS:
                errs.append("%s: record keys %s" % (fn, list(r.keys())))
        taken = dt.date.fromisoformat(t["taken_on"])
        if not (dt.date(2025, 6, 1) <= taken <= dt.date(2026, 11, 30)):
            errs.append("%s: taken_on out of range" % fn)
        if d["layout"] != t["layout"] or d["dark"] != t["dark"]:
            errs.append("%s: layout/dark differ between truth and drawlog" % fn)
        # image file
        path = os.path.join(SET, fn)
        if not os.path.exists(path):
            errs.append("%s: missing image" % fn)
            continue
        im = Image.open(path)
        if list(im.size) != d["size"] or im.format != d["format"]:
            errs.append("%s: size/format %s %s vs log %s %s" % (fn, im.size, im.format, d["size"], d["format"]))
        if (d["format"] == "JPEG") != fn.endswith(".jpg") or (d["format"] == "JPEG" and not (70 <= d["jpeg_quality"] <= 92)):
            errs.append("%s: jpeg naming/quality" % fn)
        gray = im.convert("L")
        W, H = im.size
        S = d["strings"]
        for s in S:
            x0, y0, x1, y1 = s["bbox"]
            if x0 < 0 or y0 < 0 or x1 > W or y1 > H or x1 <= x0 or y1 <= y0:
                errs.append("%s: string outside image %r %s" % (fn, s["text"], s["bbox"]))
                continue
            lo, hi = gray.crop((x0, y0, x1, y1)).getextrema()
            if hi - lo < 25:
                errs.append("%s: no ink for %r" % (fn, s["text"]))
            if s["text"] != s["text"].strip() or not s["text"]:
                errs.append("%s: string with edge space %r" % (fn, s["text"]))
            cs = charset(s["font"])
            bad = [ch for ch in s["text"] if ord(ch) not in cs]
            if bad:
                errs.append("%s: chars not in cmap %r" % (fn, bad))
        for i in range(len(S)):
            a = S[i]["bbox"]
            for j in range(i + 1, len(S)):
                b = S[j]["bbox"]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    errs.append("%s: ink overlap %r / %r" % (fn, S[i]["text"], S[j]["text"]))
        # file name and status clock
        kind, ndt = name_datetime(fn)
        clocks = [s for s in S if s["role"] == "status_clock"]
        if len(clocks) != 1:
            errs.append("%s: status clock count %d" % (fn, len(clocks)))
        if kind == "bad":
            errs.append("%s: bad file name" % fn)
        elif kind == "dated":
            if ndt.date() != taken:
                errs.append("%s: file date != taken_on" % fn)
            if clocks:
                m = re.fullmatch(r"(\d{1,2}):(\d{2})", clocks[0]["text"])
                ok = m and int(m.group(2)) == ndt.minute and (int(m.group(1)) == ndt.hour or
                                                                 (t["layout"].endswith("_en") and int(m.group(1)) == (ndt.hour % 12 or 12)))
                if not ok:
                    errs.append("%s: status clock %s != file time" % (fn, clocks[0]["text"]))
        if kind == "undated" and not (t["layout"].startswith("iphone") or t["layout"].startswith("wechat")):
            errs.append("%s: iPhone-style name on an Android layout" % fn)
        if clocks:
            m = re.fullmatch(r"(\d{1,2}):(\d{2})", clocks[0]["text"])
            clock_min[fn] = int(m.group(1)) * 60 + int(m.group(2)) if m else None
        # rebuild
        try:
            if t["layout"].endswith("_calls") or t["layout"].endswith("_calls_en"):
                rb = rebuild_calls(d, taken)
            else:
                rb, orphan = rebuild_messages(d, taken)
                if orphan:
                    errs.append("%s: message lines outside bubbles %r" % (fn, orphan))
        except Exception as e:  # noqa
            errs.append("%s: rebuild failed: %r" % (fn, e))
            rb = []
        rebuilt[fn] = rb
        for r in t["records"]:
            if r["occurred_at"] and r["occurred_at"][:10] > t["taken_on"]:
                errs.append("%s: record later than taken_on" % fn)
    errs += compare(tmap, rebuilt)
    # overlap pairs
    threads = {}
    for t in truth:
        if t["thread"]:
            threads.setdefault(t["thread"], []).append(t)
    for tid, ts in threads.items():
        if len(ts) != 2:
            errs.append("thread %s has %d images" % (tid, len(ts)))
            continue
        a, b = ts
        ka, kb = name_datetime(a["file"]), name_datetime(b["file"])
        ta = ka[1] if ka[1] else None
        if a["layout"] != b["layout"] or a["taken_on"] != b["taken_on"] or a["dark"] != b["dark"]:
            errs.append("thread %s: pair differs in layout/day/mode" % tid)
        if dmap[a["file"]]["size"] != dmap[b["file"]]["size"]:
            errs.append("thread %s: pair differs in screen size" % tid)
        if clock_min.get(a["file"]) is None or clock_min.get(b["file"]) is None:
            errs.append("thread %s: no clocks" % tid)
            continue
        ca, cb = clock_min[a["file"]], clock_min[b["file"]]
        if a["layout"].endswith("_en"):
            ca, cb = ca % 720, cb % 720
        if ca > cb:
            a, b = b, a
            ca, cb = cb, ca
        if not (0 < cb - ca <= 15):
            errs.append("thread %s: later screenshot is not a few minutes later (%d)" % (tid, cb - ca))
        ra, rbb = a["records"], b["records"]
        ok = False
        for n in (2, 1):
            if len(ra) >= n and len(rbb) > n:
                head = [(r["text"], r["direction"], r["sender"]) for r in rbb[:n]]
                tail = [(r["text"], r["direction"], r["sender"]) for r in ra[-n:]]
                if head == tail and all(r["occurred_at"] is None for r in rbb[:n]):
                    ok = True
                    break
        if not ok:
            errs.append("thread %s: later image does not start with the last 1-2 bubbles of the earlier one" % tid)
        strs_b = dmap[b["file"]]["strings"]
        first_bubble_top = min(sh["bbox"][1] for sh in dmap[b["file"]]["shapes"] if sh["role"] == "bubble")
        if any(s["role"] == "sep" and s["bbox"][3] < first_bubble_top for s in strs_b):
            errs.append("thread %s: later image has a separator above its first bubble" % tid)
    # mutation test
    mut = copy.deepcopy(tmap)
    files = sorted(mut)
    done = 0
    plan = ["text", "direction", "occurred_at", "call_type"]
    for fn in files:
        if done == 4:
            break
        recs = mut[fn]["records"]
        field = plan[done]
        for r in recs:
            if field == "text" and r["text"]:
                r["text"] += "X"
            elif field == "direction":
                r["direction"] = "in" if r["direction"] == "out" else "out"
            elif field == "occurred_at" and r["occurred_at"]:
                r["occurred_at"] = r["occurred_at"].replace(":00+08:00", ":00+09:00")
            elif field == "call_type" and r["call_type"]:
                r["call_type"] = "missed" if r["call_type"] != "missed" else "incoming"
            else:
                continue
            done += 1
            break
    mut_errs = compare(mut, rebuilt)
    base = compare(tmap, rebuilt)
    mutation_ok = len(mut_errs) - len(base) == 4 and done == 4
    nrec = sum(len(t["records"]) for t in truth)
    print("images %d  records %d  pairs %d" % (len(truth), nrec, len(threads)))
    for e in errs[:60]:
        print("ERROR", e)
    print("errors: %d" % len(errs))
    print("mutation test: %s (%d errors from 4 altered fields)" % ("PASS" if mutation_ok else "FAIL", len(mut_errs) - len(base)))
    sys.exit(0 if not errs and mutation_ok else 1)


if __name__ == "__main__":
    main()
