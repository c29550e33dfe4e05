"""Draw a development set of screenshots for bench/ocr.py (never the frozen set).

    .venv/bin/python bench/ocr_dev_set.py FOLDER [--seed N] [--per-app N]

Writes PNGs, `truth.jsonl` (the format bench/ocr.py reads, with a `layout` per
screenshot) and `boxes.jsonl` (every line of text drawn, with its box: what a
perfect OCR would return, for bench/ocr_split.py). The drawings come from
tests/imports/phones.py; each seed gives a different set, so one seed can be
used to develop and another to check that nothing was fitted to the first.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.imports.phones import random_shots  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-app", type=int, default=4)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    shots = random_shots(args.seed, per_app=args.per_app)
    with (
        (args.folder / "truth.jsonl").open("w", encoding="utf-8") as truth,
        (args.folder / "boxes.jsonl").open("w", encoding="utf-8") as boxes,
    ):
        for shot in shots:
            shot.image.save(args.folder / shot.file)
            truth.write(json.dumps(shot.truth(), ensure_ascii=False) + "\n")
            drawn = [{"text": b.text, "box": list(b.box)} for b in shot.boxes]
            boxes.write(json.dumps({"file": shot.file, "boxes": drawn}, ensure_ascii=False) + "\n")
    print(f"{len(shots)} screenshots in {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
