"""How well screenshots are read: OCR plus layout parsing against known content.

    .venv/bin/python bench/ocr.py FOLDER [--tz Asia/Shanghai] [--json]

FOLDER holds screenshots and `truth.jsonl`, one object per screenshot:

    {"file": "a.png", "taken_on": "2025-06-12",
     "records": [{"sender", "occurred_at", "direction", "text", "kind"}, ...]}

Each screenshot is read on its own (no merging) with the day it was taken, and
compared with its true records. Printed:

- character error rate: edit distance between the true texts and the texts
  read (each screenshot's records joined in order), over the true characters;
- the share of true records read with the right sender, time (to the minute)
  and text, all three at once, and each on its own;
- seconds per screenshot (OCR and parsing; the model is loaded before timing).

Targets from issue 10: CER ≤ 2 %, right records ≥ 95 %, ≤ 2.5 s a screenshot.
Not a test: the numbers depend on the set and the machine.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from imports.layout import normalise_sender, parse_screen  # noqa: E402
from imports.ocr import annotate, load_image, missed_lines  # noqa: E402


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), in O(len(b)) memory."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _text(value: str | None) -> str:
    return re.sub(r"\s+", " ", value or "").strip()


def _sender(value: str | None) -> str:
    return normalise_sender(value or "").lower()


def _moment(value, tz: ZoneInfo) -> datetime | None:
    if not value:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.replace(second=0, microsecond=0)


@dataclass
class Score:
    screenshots: int = 0
    truth_chars: int = 0
    char_errors: int = 0
    truth_records: int = 0
    right: int = 0
    right_sender: int = 0
    right_time: int = 0
    right_text: int = 0
    seconds: list[float] = field(default_factory=list)
    by_layout: dict[str, Score] = field(default_factory=dict)

    def as_dict(self) -> dict:
        n = max(self.truth_records, 1)
        return {
            "screenshots": self.screenshots,
            "records": self.truth_records,
            "cer": round(self.char_errors / max(self.truth_chars, 1), 4),
            "right_share": round(self.right / n, 4),
            "right_sender": round(self.right_sender / n, 4),
            "right_time": round(self.right_time / n, 4),
            "right_text": round(self.right_text / n, 4),
            "seconds_per_screenshot": round(statistics.mean(self.seconds), 3)
            if self.seconds
            else 0,
            "seconds_p95": round(sorted(self.seconds)[int(0.95 * (len(self.seconds) - 1))], 3)
            if self.seconds
            else 0,
        }


def score_screenshot(score: Score, truth: list[dict], read: list, tz: ZoneInfo) -> None:
    """Add one screenshot's comparison: CER over the joined texts, then record by record."""
    true_text = "\n".join(_text(r.get("text")) for r in truth)
    read_text = "\n".join(_text(r.text) for r in read)
    score.truth_chars += len(true_text)
    score.char_errors += edit_distance(true_text, read_text)
    unused = list(read)
    for record in truth:
        score.truth_records += 1
        want = (
            _sender(record.get("sender")),
            _moment(record.get("occurred_at"), tz),
            _text(record.get("text")),
        )
        # The read record that agrees most with this true one (each used at most once).
        best, best_hits = None, (-1, False, False, False)
        for candidate in unused:
            if record.get("direction") and candidate.direction != record["direction"]:
                continue
            got = (
                _sender(candidate.sender),
                _moment(candidate.occurred_at, tz),
                _text(candidate.text),
            )
            hits = tuple(w == g for w, g in zip(want, got, strict=True))
            key = (sum(hits), *hits)
            if key > best_hits:
                best, best_hits = candidate, key
        if best is None:
            continue
        unused.remove(best)
        _count, sender_ok, time_ok, text_ok = best_hits
        score.right_sender += sender_ok
        score.right_time += time_ok
        score.right_text += text_ok
        score.right += sender_ok and time_ok and text_ok


def run(folder: Path, tz: ZoneInfo, read_boxes=None) -> Score:
    """Score the whole set; `score.by_layout` holds the same numbers per layout (if named)."""
    if read_boxes is None:
        from imports.ocr import read_boxes
    truth_lines = (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in truth_lines if line.strip()]
    score = Score()
    by_layout: dict[str, Score] = {}
    warmed = False
    for entry in entries:
        loaded = load_image((folder / entry["file"]).read_bytes())
        if not warmed:
            read_boxes(loaded.image)  # load the model outside the timing
            warmed = True
        started = time.perf_counter()
        boxes = annotate(loaded.image, read_boxes(loaded.image))
        boxes += missed_lines(loaded.image, boxes)
        width, height = loaded.image.size
        result = parse_screen(
            boxes,
            width=width,
            height=height,
            taken_on=date.fromisoformat(entry["taken_on"]),
            tz=tz,
        )
        elapsed = time.perf_counter() - started
        part = by_layout.setdefault(entry.get("layout") or "", Score())
        for target in (score, part):
            target.seconds.append(elapsed)
            target.screenshots += 1
            score_screenshot(target, entry.get("records", []), result.records, tz)
    score.by_layout = {name: part for name, part in sorted(by_layout.items()) if name}
    return score


def main(argv: list[str] | None = None, read_boxes=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tz", default="Asia/Shanghai")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    score = run(args.folder, ZoneInfo(args.tz), read_boxes=read_boxes)
    return report(score, as_json=args.json)


def report(score: Score, *, as_json: bool = False) -> dict:
    """Print the numbers (as a table, or one JSON object) and return them."""
    result = score.as_dict()
    if score.by_layout:
        result["by_layout"] = {name: part.as_dict() for name, part in score.by_layout.items()}
    if as_json:
        print(json.dumps(result))
        return result
    print(f"screenshots               {result['screenshots']}  ({result['records']} true records)")
    print(f"character error rate      {result['cer']:.2%}  (target ≤ 2%)")
    print(f"right sender, time, text  {result['right_share']:.2%}  (target ≥ 95%)")
    print(f"  right sender            {result['right_sender']:.2%}")
    print(f"  right time              {result['right_time']:.2%}")
    print(f"  right text              {result['right_text']:.2%}")
    print(
        f"seconds per screenshot    {result['seconds_per_screenshot']:.2f}"
        f"  (p95 {result['seconds_p95']:.2f}; target ≤ 2.5)"
    )
    if result.get("by_layout"):
        print()
        print("layout          shots  recs   CER   right  sender  time  text  s/shot")
        for name, part in result["by_layout"].items():
            print(
                f"{name:<15} {part['screenshots']:>5} {part['records']:>5} "
                f"{part['cer']:>6.1%} {part['right_share']:>6.1%} {part['right_sender']:>6.1%} "
                f"{part['right_time']:>6.1%} {part['right_text']:>6.1%} "
                f"{part['seconds_per_screenshot']:>6.2f}"
            )
    return result


if __name__ == "__main__":
    main()
