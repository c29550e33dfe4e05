"""Score the text detector against a labelled corpus (used by bench/detection.py and the tests)."""

from __future__ import annotations

import json
from collections.abc import Callable
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


def corpus_score(
    rows: list[dict], detector: Callable[[str], frozenset[str]] = detect
) -> tuple[list[RuleScore], list[tuple[dict, frozenset[str]]]]:
    """Per-rule scores of `detector`, and the rows it got wrong (with what it found)."""
    return found_score(rows, [detector(row["text"]) for row in rows])


def found_score(
    rows: list[dict], found: list[frozenset[str]]
) -> tuple[list[RuleScore], list[tuple[dict, frozenset[str]]]]:
    """Per-rule scores of what was found for each row, and the rows that were not exactly right.

    A rule a row marks `arguable` but does not label is not counted against the detector.
    """
    counts = {rule: [0, 0, 0, 0] for rule in TEXT_RULES}  # support, tp, fp, fn
    errors = []
    for row, got in zip(rows, found, strict=True):
        expected = set(row["labels"])
        arguable = set(row.get("arguable") or ()) - expected
        if expected != set(got) - arguable:
            errors.append((row, frozenset(got)))
        for rule in TEXT_RULES:
            if rule in expected:
                counts[rule][0] += 1
                counts[rule][1 if rule in got else 3] += 1
            elif rule in got and rule not in arguable:
                counts[rule][2] += 1
    scores = [RuleScore(rule, *values) for rule, values in counts.items()]
    return scores, errors
