"""The trained text model: its artifact, its per-rule pattern floors and how detection uses them."""

import importlib

import numpy as np
import pytest

from rules.engine.detect import TEXT_RULES, Certainty, detect_text
from rules.engine.textmodel import MODEL_PATH, TextModel
from rules.management.commands import train_detector

# The module, not the function `rules.engine.detect` that the package exports under that name.
detect_module = importlib.import_module("rules.engine.detect")


def test_shipped_model_has_a_threshold_and_a_pattern_floor_for_every_rule():
    model = TextModel(MODEL_PATH)
    assert model.rules == tuple(TEXT_RULES)
    assert model.thresholds.shape == (len(TEXT_RULES),)
    assert model.pattern_floor.shape == (len(TEXT_RULES),)
    assert set(model.floors) == set(TEXT_RULES)
    assert MODEL_PATH.stat().st_size < 10_000_000


def _write_artifact(path, pattern_floor):
    np.savez_compressed(
        path,
        rules=np.array(TEXT_RULES),
        vocabulary=np.array(["催", "收"]),
        idf=np.ones(2, dtype=np.float32),
        coef=np.zeros((2, len(TEXT_RULES)), dtype=np.float32),
        intercept=np.full(len(TEXT_RULES), -4.0, dtype=np.float32),
        thresholds=np.full(len(TEXT_RULES), 0.5, dtype=np.float32),
        pattern_floor=np.asarray(pattern_floor, dtype=np.float32),
        version=np.array("test"),
    )


def test_an_older_artifact_with_one_floor_applies_it_to_every_rule(tmp_path):
    path = tmp_path / "old.npz"
    _write_artifact(path, 0.2)
    model = TextModel(path)
    assert model.floors == {rule: pytest.approx(0.2) for rule in TEXT_RULES}


def test_a_pattern_match_counts_only_above_its_rules_floor(tmp_path, monkeypatch):
    # Every rule scores sigmoid(-4) ≈ 0.018: above a floor of 0, below a floor of 0.2.
    floors = [0.0 if rule == "insult" else 0.2 for rule in TEXT_RULES]
    path = tmp_path / "floors.npz"
    _write_artifact(path, floors)
    monkeypatch.setattr(detect_module, "text_model", lambda: TextModel(path))
    text = "你这个傻逼，今天不还钱就打断你的腿"
    assert {"insult", "threat"} <= detect_module.pattern_rules(text)
    found = detect_text(text)
    assert found.get("insult") == Certainty.CERTAIN
    assert "threat" not in found


def test_floor_and_threshold_are_chosen_per_rule_from_held_out_probabilities(monkeypatch):
    monkeypatch.setattr(train_detector, "TEXT_RULES", ["a", "b"])
    y = np.array([[1, 1], [1, 0], [0, 0], [0, 1]], dtype=np.int8)
    # Rule a: the patterns are right and the model is unsure of them, so the floor goes to 0.
    # Rule b: the pattern fires on the negative row, where the model is low; the model alone
    # finds both positives, so a floor above that low score keeps precision.
    probs = np.array([[0.03, 0.9], [0.04, 0.1], [0.1, 0.02], [0.1, 0.9]])
    patterns = np.array([[1, 0], [1, 1], [0, 0], [0, 0]], dtype=bool)
    thresholds, floors = train_detector.choose_thresholds(probs, y, patterns)
    assert floors[0] == 0.0
    assert floors[1] > 0.1
    assert thresholds[1] <= 0.9


def test_training_is_reproducible_for_the_same_data():
    texts = ["打断你的腿", "再不还就去你家", "您好，您的账单已出", "请按时还款，谢谢"] * 3
    y = np.array([[1, 0], [1, 0], [0, 1], [0, 1]] * 3, dtype=np.int8)
    first = train_detector.fit(texts, y)
    second = train_detector.fit(texts, y)
    for a, b in zip(first[1], second[1], strict=True):
        assert np.array_equal(a.coef_, b.coef_)
    probs = train_detector.predict_proba(*first, ["打断你的腿"])
    assert probs[0, 0] > probs[0, 1]
