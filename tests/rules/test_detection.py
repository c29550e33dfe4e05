from pathlib import Path

import pytest

from rules.detection_eval import corpus_load, corpus_score
from rules.engine import pattern_rules
from rules.engine.detect import TEXT_RULES

HERE = Path(__file__).resolve().parent


def test_corpus_is_large_and_mixed():
    rows = corpus_load(HERE / "corpus.jsonl")
    assert len(rows) >= 300
    assert sum(row["lang"] == "en" for row in rows) >= 0.1 * len(rows)


def test_blind_corpus_covers_every_rule_with_hard_negatives():
    rows = corpus_load(HERE / "corpus_blind.jsonl")
    assert len(rows) >= 200
    assert sum(not row["labels"] for row in rows) >= 0.35 * len(rows)
    for rule in TEXT_RULES:
        # 10, not 12: three threatened posts were relabelled as threats (issue 8's definition).
        assert sum(rule in row["labels"] for row in rows) >= 10, rule


# corpus_blind.jsonl was written before the second round of detector changes and iterated
# on at most twice; corpus_blind2.jsonl was written last and never tuned on, so it is a
# generalisation check: it is never tuned on, so it gets its own, lower bars below.
@pytest.mark.parametrize(
    ("name", "threshold"),
    [
        ("corpus.jsonl", 0.95),
        ("corpus_holdout.jsonl", 0.95),
        ("corpus_blind.jsonl", 0.95),
    ],
)
def test_detector_reaches_threshold_per_rule(name, threshold):
    scores, _errors = corpus_score(corpus_load(HERE / name), pattern_rules)
    weak = [
        (s.rule, round(s.precision, 3), round(s.recall, 3))
        for s in scores
        if min(s.precision, s.recall) < threshold
    ]
    assert weak == []


def test_detector_is_precise_on_fresh_wording_it_was_never_tuned_on():
    """corpus_blind2.jsonl measures generalisation (bench/detection.py --blind2 prints it).

    Wrongly accusing a lender costs the borrower credibility, so precision must hold on fresh
    wording (first scored at 0.90 overall); recall on fresh wording is lower (0.57), and the one-tap
    tags in the quick-add form let the borrower mark what the text detector misses.
    """
    scores, _errors = corpus_score(corpus_load(HERE / "corpus_blind2.jsonl"), pattern_rules)
    tp = sum(s.true_positives for s in scores)
    fp = sum(s.false_positives for s in scores)
    fn = sum(s.false_negatives for s in scores)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.55


@pytest.mark.parametrize(
    "text",
    [
        "他们说不会上门",
        "我没有说要报警",
        "我问他是不是警察，他说不是",
        "请您尽快还款，以免影响征信",
        "【借呗】您的借款已逾期，请尽快还款，以免影响您的个人征信。",
        "借呗还款提醒：本期账单已出",
        "逾期会上报征信",
        "我们将依法起诉",
        "明天上门找你",
        "我们已经安排外访人员上门",
        "我说我会报警",
        "我问他是不是警察他说不是",
        "欠网贷不还会坐牢吗？",
        "法院判决生效后仍不履行的，才可能被列为失信被执行人。",
    ],
)
def test_hard_negatives(text):
    assert pattern_rules(text) == frozenset()


def test_false_consequence():
    assert "false_legal_consequences" in pattern_rules("你这是诈骗，明天警察上门抓你")


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("再不还钱就去你家砸门", {"threat"}),
        ("不还就卸你一条腿", {"threat"}),
        ("我们会去你老家找你父母", {"threat"}),
        ("我们的人就在你家楼下", {"threat"}),
        ("敢不还试试", {"threat"}),
        ("等着吧有你好受的", {"threat"}),
        ("你女儿在哪上学我们都知道", {"threat"}),
        ("把你的照片发到网上", {"threat"}),
        ("死皮赖脸的东西", {"insult"}),
        (
            "帮你朋友还一下吧，他欠我们钱",
            {"debt_disclosed_to_third_party", "third_party_collection"},
        ),
        ("你已被列为失信被执行人", {"false_legal_consequences"}),
        ("已经立案了，明天传唤你", {"false_legal_consequences"}),
    ],
)
def test_fresh_phrasings_are_found(text, labels):
    assert pattern_rules(text) == labels


def test_voice_to_text_spaces_end_a_clause():
    # "别想开下去了" must not negate the smashing that follows in the next spoken clause.
    assert pattern_rules("你那个小店别想开下去了 玻璃给你全砸了") == {"threat"}
