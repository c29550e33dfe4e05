"""Precision and recall of the text detector, per rule, on the labelled corpora.

Run: .venv/bin/python bench/detection.py [--holdout] [--blind] [--blind2] [--all] [--errors]

- corpus.jsonl: the tuning corpus (always scored).
- corpus_holdout.jsonl: a holdout written with the tuning corpus.
- corpus_blind.jsonl: written before the second round of detector changes, iterated on at most twice.
- corpus_blind2.jsonl: written last and never tuned on; a generalisation check with no per-rule
  target (tests/rules/test_detection.py guards its overall precision and recall).

It also times detect() on 1,000 messages, warm (target about 150 ms).
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

CORPORA = {
    "--holdout": ("corpus_holdout.jsonl", 0.95),
    "--blind": ("corpus_blind.jsonl", 0.95),
    "--blind2": ("corpus_blind2.jsonl", None),
}


def _first_use_ms() -> float:
    """Time of the first detect() call in this process (lazy compilation included)."""
    from rules.engine import detect

    started = time.perf_counter()
    detect("你再不还钱，我们就去你家。")
    return (time.perf_counter() - started) * 1000


def _warm_ms(rows: list[dict]) -> float:
    """Time to run detect() on 1,000 corpus messages, after warming up."""
    from rules.engine import detect

    texts = [row["text"] for row in rows]
    texts = (texts * (1000 // len(texts) + 1))[:1000]
    for text in texts[:50]:
        detect(text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            detect(text)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> int:
    first = _first_use_ms()
    chosen = [("corpus.jsonl", 0.95)]
    chosen += [value for flag, value in CORPORA.items() if flag in sys.argv or "--all" in sys.argv]
    failed = False
    all_rows = []
    for name, target in chosen:
        path = ROOT / "tests" / "rules" / name
        if not path.exists():
            print(f"\n{name}: missing")
            continue
        rows = corpus_load(path)
        all_rows += rows
        scores, errors = corpus_score(rows)
        print(f"\n{name}: {len(rows)} messages (target {target or 'none: generalisation check'})")
        print(f"{'rule':34} {'support':>7} {'precision':>9} {'recall':>7}")
        worst = 1.0
        for score in scores:
            print(f"{score.rule:34} {score.support:7d} {score.precision:9.3f} {score.recall:7.3f}")
            worst = min(worst, score.precision, score.recall)
        tp = sum(score.true_positives for score in scores)
        fp = sum(score.false_positives for score in scores)
        fn = sum(score.false_negatives for score in scores)
        overall = f"overall precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}"
        print(f"worst precision/recall: {worst:.3f}; {overall}; messages wrong: {len(errors)}")
        failed = failed or (target is not None and worst < target)
        if "--errors" in sys.argv:
            for row, found in errors:
                print(f"  want {sorted(row['labels'])} got {sorted(found)}: {row['text']}")
    print(f"\nfirst detect() call: {first:.0f} ms (lazy compilation)")
    print(f"detect() on 1,000 messages, warm: {_warm_ms(all_rows):.0f} ms (target ~150)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
