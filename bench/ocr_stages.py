"""Where a screenshot's seconds go: OCR detection, recognition, annotation and parsing.

    .venv/bin/python bench/ocr_stages.py FOLDER [--limit N]

FOLDER is a bench/ocr.py folder (screenshots and `truth.jsonl`; draw one with
bench/ocr_dev_set.py, never the frozen sets). For each screenshot, slowest
first: its size, the lines found, and the wall-clock and CPU seconds of each
stage. CPU seconds count every thread and barely move when the shared machine
is busy, so compare those between runs; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from imports import ocr  # noqa: E402
from imports.layout import parse_screen  # noqa: E402

STAGES = ("detect", "recognise", "annotate", "parse")


class Clock:
    """Wall-clock and CPU seconds per stage, added up until reset."""

    def __init__(self):
        self.spent: dict[str, list[float]] = {}

    def wrap(self, function, stage: str):
        def timed(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent = self.spent.setdefault(stage, [0.0, 0.0])
                spent[0] += time.perf_counter() - wall
                spent[1] += time.process_time() - cpu

        return timed


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N screenshots")
    parser.add_argument("--tz", default="Asia/Shanghai")
    args = parser.parse_args(argv)
    lines = (args.folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    entries = entries[: args.limit] if args.limit else entries
    engine = ocr._get_engine()
    clock = Clock()
    engine.text_det = clock.wrap(engine.text_det, "detect")
    engine.text_rec = clock.wrap(engine.text_rec, "recognise")
    annotate = clock.wrap(ocr.annotate, "annotate")
    parse = clock.wrap(parse_screen, "parse")
    rows = []
    for n, entry in enumerate(entries):
        image = ocr.load_image((args.folder / entry["file"]).read_bytes()).image
        if n == 0:
            ocr.read_boxes(image)  # the first call pays for loading the model
        clock.spent.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        boxes = annotate(image, ocr.read_boxes(image))
        parse(
            boxes,
            width=image.width,
            height=image.height,
            taken_on=date.fromisoformat(entry["taken_on"]),
            tz=ZoneInfo(args.tz),
        )
        rows.append(
            {
                "file": entry["file"],
                "size": image.size,
                "lines": len(boxes),
                "wall": time.perf_counter() - wall,
                "cpu": time.process_time() - cpu,
                "load": os.getloadavg()[0],
                **{stage: tuple(clock.spent.get(stage, (0.0, 0.0))) for stage in STAGES},
            }
        )
    print(f"{'screenshot':<44} {'size':>11} lines  wall   cpu  " + "  ".join(STAGES) + "  load")
    for row in sorted(rows, key=lambda r: -r["cpu"]):
        stages = "  ".join(f"{row[s][1]:>{len(s)}.2f}" for s in STAGES)
        size = "{}x{}".format(*row["size"])
        print(
            f"{row['file'][:44]:<44} {size:>11} {row['lines']:>5} {row['wall']:>5.2f} "
            f"{row['cpu']:>5.2f}  {stages}  {row['load']:.1f}"
        )
    if rows:
        print(
            f"mean wall {statistics.mean(r['wall'] for r in rows):.2f} s, "
            f"cpu {statistics.mean(r['cpu'] for r in rows):.2f} s a screenshot "
            "(stage columns are CPU seconds)"
        )
    return rows


if __name__ == "__main__":
    main()
