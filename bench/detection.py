"""Precision and recall of the text detector, per rule, on the labelled corpus.

Run: .venv/bin/python bench/detection.py [--holdout] [--errors]
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")

import django  # noqa: E402

django.setup()

from rules.detection_eval import corpus_load, corpus_score  # noqa: E402


def main() -> int:
    names = ["corpus.jsonl"] + (["corpus_holdout.jsonl"] if "--holdout" in sys.argv else [])
    worst = 1.0
    for name in names:
        rows = corpus_load(ROOT / "tests" / "rules" / name)
        started = time.perf_counter()
        scores, errors = corpus_score(rows)
        elapsed = (time.perf_counter() - started) * 1000
        print(f"\n{name}: {len(rows)} messages, {elapsed:.0f} ms")
        print(f"{'rule':34} {'support':>7} {'precision':>9} {'recall':>7}")
        for score in scores:
            print(f"{score.rule:34} {score.support:7d} {score.precision:9.3f} {score.recall:7.3f}")
            worst = min(worst, score.precision, score.recall)
        if "--errors" in sys.argv:
            for row, found in errors:
                print(f"  want {sorted(row['labels'])} got {sorted(found)}: {row['text']}")
    print(f"\nworst precision/recall: {worst:.3f} (target 0.95)")
    return 0 if worst >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
