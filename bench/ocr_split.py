"""Where the screenshot reader's errors come from: OCR misreads or the layout parser.

    .venv/bin/python bench/ocr_split.py FOLDER [--show] [--layout NAME]

For a set drawn by bench/ocr_dev_set.py (it needs `boxes.jsonl`, the lines
as drawn, so never the frozen set), every screenshot is read three ways:

- OCR then parser (what the import does): the full error;
- the drawn lines then parser (a perfect OCR): the parser's own error;
- OCR line by line against the drawn lines: the OCR's misreads, as a
  character error rate over the lines inside message bubbles.

OCR results are cached in FOLDER/.ocr-cache, so the parser can be changed and
measured again in seconds. --show prints every record read wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from bench.ocr import Score, _moment, _sender, _text, edit_distance, score_screenshot  # noqa: E402
from imports.layout import OcrBox, parse_screen  # noqa: E402
from imports.ocr import annotate, load_image, read_boxes  # noqa: E402


def _cached_lines(folder: Path, name: str, image) -> list[OcrBox]:
    cache = folder / ".ocr-cache"
    cache.mkdir(exist_ok=True)
    key = hashlib.sha256(image.tobytes()).hexdigest()[:20]
    path = cache / f"{key}.json"
    if path.exists():
        rows = json.loads(path.read_text(encoding="utf-8"))
    else:
        rows = [[b.text, list(b.box), b.confidence, b.marks_settled] for b in read_boxes(image)]
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return [OcrBox(t, tuple(box), c, marks_settled=m) for t, box, c, m in rows]


def _padded(b: OcrBox) -> OcrBox:
    """A drawn line's box with the margin OCR's boxes have around the ink."""
    pad = round(0.2 * b.height)
    return OcrBox(b.text, (b.left - pad, b.top - pad, b.right + pad, b.bottom + pad), b.confidence)


def _inside(inner: OcrBox, outer: OcrBox) -> bool:
    cx, cy = inner.cx, inner.cy
    return outer.left - 4 <= cx <= outer.right + 4 and outer.top - 4 <= cy <= outer.bottom + 4


def ocr_line_errors(drawn: list[OcrBox], read: list[OcrBox]) -> tuple[int, int, int]:
    """(characters, errors, lines missed) of OCR against the drawn lines."""
    chars = errors = missed = 0
    for line in drawn:
        found = sorted((b for b in read if _inside(b, line)), key=lambda b: b.left)
        got = "".join(b.text for b in found)
        want = line.text
        chars += len(want)
        errors += edit_distance(want.replace(" ", ""), got.replace(" ", "")) + (
            0 if want.count(" ") == got.count(" ") else abs(want.count(" ") - got.count(" "))
        )
        missed += not found
    return chars, errors, missed


def _show(name: str, truth: list[dict], records, tz) -> None:
    for n, record in enumerate(truth):
        got = records[n] if n < len(records) else None
        want = (
            _sender(record.get("sender")),
            _moment(record.get("occurred_at"), tz),
            _text(record.get("text")),
        )
        have = (_sender(got.sender), _moment(got.occurred_at, tz), _text(got.text)) if got else None
        if have != want or (got and record.get("direction") != got.direction):
            print(f"  {name} #{n}")
            print(f"     want {record.get('direction')} {want}")
            print(f"     got  {got.direction if got else ''} {have}")
    for extra in records[len(truth) :]:
        print(
            f"  {name} extra: {extra.direction} {extra.sender!r} {extra.occurred_at} {extra.text!r}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--layout", default="")
    parser.add_argument("--tz", default="Asia/Shanghai")
    args = parser.parse_args(argv)
    tz = ZoneInfo(args.tz)
    folder = args.folder
    truths = [json.loads(x) for x in (folder / "truth.jsonl").read_text("utf-8").splitlines() if x]
    drawn_all = {
        row["file"]: [_padded(OcrBox(b["text"], tuple(b["box"]))) for b in row["boxes"]]
        for row in map(json.loads, (folder / "boxes.jsonl").read_text("utf-8").splitlines())
    }
    full: dict[str, Score] = {}
    perfect: dict[str, Score] = {}
    ocr: dict[str, list[int]] = {}
    seconds = []
    for entry in truths:
        layout = entry.get("layout", "")
        if args.layout and not layout.startswith(args.layout):
            continue
        loaded = load_image((folder / entry["file"]).read_bytes())
        image = loaded.image
        width, height = image.size
        day = date.fromisoformat(entry["taken_on"])
        lines = _cached_lines(folder, entry["file"], image)
        started = time.perf_counter()
        read = parse_screen(annotate(image, lines), width=width, height=height, taken_on=day, tz=tz)
        seconds.append(time.perf_counter() - started)
        drawn = drawn_all[entry["file"]]
        drawn_width = Image.open(folder / entry["file"]).size[0]
        if drawn_width != width:  # a long screenshot the loader scaled down
            k = width / drawn_width
            drawn = [
                OcrBox(b.text, tuple(round(v * k) for v in b.box), b.confidence) for b in drawn
            ]
        ideal = parse_screen(
            annotate(image, drawn), width=width, height=height, taken_on=day, tz=tz
        )
        for bucket, result in ((full, read), (perfect, ideal)):
            for key in (layout, "ALL"):
                score = bucket.setdefault(key, Score())
                score.screenshots += 1
                score_screenshot(score, entry["records"], result.records, tz)
        texts = {_text(r.get("text")) for r in entry["records"] if r.get("text")}
        bubble_lines = [b for b in drawn if any(b.text.strip() in t for t in texts)]
        got = ocr_line_errors(bubble_lines, lines)
        for key in (layout, "ALL"):
            acc = ocr.setdefault(key, [0, 0, 0])
            for i in range(3):
                acc[i] += got[i]
        if args.show:
            print(f"[{layout}] {entry['file']}  (perfect boxes)")
            _show("perfect", entry["records"], ideal.records, tz)
            print(f"[{layout}] {entry['file']}  (OCR)")
            _show("ocr", entry["records"], read.records, tz)
    print(
        "layout            shots recs | full: CER  right sendr  time  text | perfect: CER right | OCR line CER missed"
    )
    for key in sorted(full, key=lambda k: (k == "ALL", k)):
        f, p = full[key].as_dict(), perfect[key].as_dict()
        chars, errors, missed = ocr[key]
        print(
            f"{key:<17} {f['screenshots']:>5} {f['records']:>4} | {f['cer']:>9.2%} {f['right_share']:>6.1%}"
            f" {f['right_sender']:>5.0%} {f['right_time']:>5.0%} {f['right_text']:>5.0%} |"
            f" {p['cer']:>11.2%} {p['right_share']:>6.1%} | {errors / max(chars, 1):>12.2%} {missed:>6}"
        )
    print(f"parser seconds per screenshot {sum(seconds) / max(len(seconds), 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
