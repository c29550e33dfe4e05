"""Score the text detector against a labelled corpus (used by bench/detection.py and the tests)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rules.engine.detect import TEXT_RULES, detect


@dataclass(frozen=True, slots=True)
class RuleScore:
    rule: str
    support: int
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return 1.0 if found == 0 else self.true_positives / found

    @property
    def recall(self) -> float:
        return 1.0 if self.support == 0 else self.true_positives / self.support


def corpus_load(path: Path) -> list[dict]:
    """Read a JSON-lines corpus: one {"text", "labels", "lang", "note"} object a line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_score(rows: list[dict]) -> tuple[list[RuleScore], list[tuple[dict, frozenset[str]]]]:
    """Per-rule scores, and the rows the detector got wrong (with what it found)."""
    counts = {rule: [0, 0, 0, 0] for rule in TEXT_RULES}  # support, tp, fp, fn
    errors = []
    for row in rows:
        expected = set(row["labels"])
        found = detect(row["text"])
        if expected != found:
            errors.append((row, found))
        for rule in TEXT_RULES:
            if rule in expected:
                counts[rule][0] += 1
                counts[rule][1 if rule in found else 3] += 1
            elif rule in found:
                counts[rule][2] += 1
    scores = [RuleScore(rule, *values) for rule, values in counts.items()]
    return scores, errors
