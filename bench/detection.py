"""Precision and recall of the text detector (patterns + trained model), per rule.

Run: .venv/bin/python bench/detection.py [--blind] [--errors]

1. Cross-validation on the training data (rules/data/train_*.jsonl): 5 folds; every message is
   scored by a model that never saw it, combined with the patterns as the app combines them.
   The per-rule thresholds are those of the shipped model, which were chosen on the same
   out-of-fold predictions, so these numbers are slightly optimistic. Never the training score.
2. With --blind, every frozen blind set (rules/data/blind*.jsonl), each written after the
   model was frozen by a writer who never saw the training data, scored with the shipped
   detector (certain and possible findings both count). Report them once; never tune on them.
3. The 20 worst misses of each set, and the time per message.

Rules a message marks `arguable` without labelling them are not counted as false positives.
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

import numpy as np  # noqa: E402

from rules.detection_eval import corpus_load, corpus_score, found_score  # noqa: E402
from rules.engine.detect import TEXT_RULES, detect, pattern_rules  # noqa: E402
from rules.engine.textmodel import text_model  # noqa: E402

DATA = ROOT / "rules" / "data"
TARGET_RECALL, TARGET_PRECISION, TARGET_RULE_RECALL = 0.85, 0.90, 0.75


def _table(title: str, scores, errors, rows, worst) -> None:
    tp = sum(s.true_positives for s in scores)
    fp = sum(s.false_positives for s in scores)
    fn = sum(s.false_negatives for s in scores)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"\n{title}: {len(rows)} messages, {sum(not r['labels'] for r in rows)} with no label")
    print(f"{'rule':34} {'support':>7} {'precision':>9} {'recall':>7}")
    weak = []
    for s in scores:
        print(f"{s.rule:34} {s.support:7d} {s.precision:9.3f} {s.recall:7.3f}")
        if s.support >= 20 and s.recall < TARGET_RULE_RECALL:
            weak.append(s.rule)
    print(f"{'overall':34} {tp + fn:7d} {precision:9.3f} {recall:7.3f}")
    met = recall >= TARGET_RECALL and precision >= TARGET_PRECISION and not weak
    print(
        f"targets (recall ≥ {TARGET_RECALL}, precision ≥ {TARGET_PRECISION}, every rule with 20+ "
        f"positives recall ≥ {TARGET_RULE_RECALL}): {'met' if met else 'NOT met'}"
        + (f" (weak: {', '.join(weak)})" if weak else "")
    )
    print(f"messages not exactly right: {len(errors)}")
    print("20 worst misses (most confident mistakes first):")
    for margin, want, got, text in worst[:20]:
        print(f"  [{margin:+.2f}] want {sorted(want)} got {sorted(got)}: {text[:110]}")


def _worst(rows, found_of, probs_of) -> list[tuple]:
    """Errors ranked by how confidently the detector was wrong."""
    model = text_model()
    thresholds = dict(zip(model.rules, model.thresholds, strict=True)) if model else {}
    ranked = []
    for i, row in enumerate(rows):
        want = set(row["labels"])
        arguable = set(row.get("arguable") or ()) - want
        got = set(found_of(i)) - arguable
        if want == got:
            continue
        probs = probs_of(i)
        margin = 0.0
        for rule in want - got:  # missed: how far below its threshold
            margin = max(margin, thresholds.get(rule, 0.5) - probs.get(rule, 0.0))
        for rule in got - want:  # false alarm: a pattern (1.0) or how far above the threshold
            above = probs.get(rule, 0.0) - thresholds.get(rule, 0.5)
            margin = max(margin, 1.0 if rule in pattern_rules(row["text"]) else above)
        ranked.append((margin, want, got, row["text"]))
    return sorted(ranked, key=lambda item: -item[0])


def cross_validation() -> None:
    from rules.management.commands.train_detector import (
        label_matrix,
        out_of_fold,
        pattern_matrix,
        training_rows,
    )

    rows = training_rows()
    texts = [r["text"] for r in rows]
    y = label_matrix(rows)
    started = time.perf_counter()
    probs = out_of_fold(texts, y)
    patterns = pattern_matrix(texts)
    model = text_model()
    found = (patterns & (probs >= model.pattern_floor)) | (probs >= model.thresholds)
    found_sets = [{TEXT_RULES[j] for j in np.flatnonzero(found[i])} for i in range(len(rows))]
    scores, errors = found_score(rows, [frozenset(s) for s in found_sets])
    worst = _worst(
        rows,
        lambda i: found_sets[i],
        lambda i: dict(zip(TEXT_RULES, probs[i].tolist(), strict=True)),
    )
    _table(
        f"5-fold cross-validation on the training data ({time.perf_counter() - started:.0f} s)",
        scores,
        errors,
        rows,
        worst,
    )
    writers = sorted({r.get("writer", "?") for r in rows})
    print("by writer (overall precision / recall):")
    for writer in writers:
        idx = [i for i, r in enumerate(rows) if r.get("writer") == writer]
        tp = fp = fn = 0
        for i in idx:
            want = set(rows[i]["labels"])
            got = found_sets[i] - (set(rows[i].get("arguable") or ()) - want)
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        print(
            f"  {writer}: {len(idx)} messages, {tp / max(tp + fp, 1):.3f} / {tp / max(tp + fn, 1):.3f}"
        )


def blind_sets() -> None:
    model = text_model()
    for path in sorted(DATA.glob("blind*.jsonl")):
        rows = corpus_load(path)
        scores, errors = corpus_score(rows, detect)
        worst = _worst(
            rows,
            lambda i, rows=rows: detect(rows[i]["text"]),
            lambda i, rows=rows: model.scores(rows[i]["text"]) if model else {},
        )
        _table(f"blind set {path.name} (frozen; scored once)", scores, errors, rows, worst)


def timing() -> None:
    texts = [r["text"] for r in corpus_load(DATA / "train_w1.jsonl")][:1000]
    model = text_model()
    for label, fn in (
        ("model alone", model.scores),
        ("patterns alone", pattern_rules),
        ("detect() (patterns + model)", detect),
    ):
        for text in texts[:50]:
            fn(text)
        started = time.perf_counter()
        for text in texts:
            fn(text)
        per = (time.perf_counter() - started) / len(texts) * 1000
        print(f"{label}: {per:.3f} ms a message")
    size = (ROOT / "rules" / "engine" / "model" / "detector.npz").stat().st_size / 1e6
    print(f"model {model.version}: {size:.1f} MB, {len(model.index)} features")
    loaded = time.perf_counter()
    type(model)()
    print(f"model load: {(time.perf_counter() - loaded) * 1000:.0f} ms")


def main() -> int:
    print(f"bench/detection.py, {time.strftime('%Y-%m-%d')}")
    cross_validation()
    if "--blind" in sys.argv:
        blind_sets()
    print()
    timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
