"""The trained text model: one linear classifier per rule over character n-grams.

The model is trained by `rules/train_detector.py` (scikit-learn, `make model`) from the
labelled messages in `rules/data/`, and exported to `rules/engine/model/detector.npz`:
the n-gram vocabulary, its idf weights, one weight column per rule, the intercepts, and a
threshold and a pattern floor per rule chosen on held-out predictions. Scoring here needs numpy only, so
loading the model stays pure (no ORM, no request) and costs one file read per process.

`features()` is the single definition of the features: training passes it to
scikit-learn's TfidfVectorizer as the analyzer, and `TextModel.scores()` reproduces the
vectorizer's sublinear tf × idf with l2 normalisation, so both sides compute the same
numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "model" / "detector.npz"

_CJK = r"\u3400-\u9fff"
# Symbols and spaces a sender puts between characters to dodge filters: "坐 牢", "報-警", "弄*死".
_SPLIT_CJK = re.compile(rf"(?<=[{_CJK}])[\s\-_*.·•~|/\\]+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9']+")
# Digits carry no meaning for the rules; phone numbers, amounts and case numbers all look alike.
_DIGITS = re.compile(r"\d+")
# A tiny traditional → simplified table for the characters collectors' messages use most.
_TRAD = str.maketrans(
    "報警還錢債務貸實會這個們說話來對開關門單際網帳號銀卡費讓後無處執為嗎發傳聯繫給親戚婆媽爺滅殺槍燒"
    "砍斷壞蛋廢撥打電騙罪監獄拘審判決書區縣市鎮鄉縣裡面別樣點頭臉騷擾擔當時間過復處理",
    "报警还钱债务贷实会这个们说话来对开关门单际网帐号银卡费让后无处执为吗发传联系给亲戚婆妈爷灭杀枪烧"
    "砍断坏蛋废拨打电骗罪监狱拘审判决书区县市镇乡县里面别样点头脸骚扰担当时间过复处理",
)


def normalise(text: str) -> str:
    """Fold width, case, common traditional characters, digits and filter-dodging separators."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_TRAD)
    text = _SPLIT_CJK.sub("", text)
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip()


def features(text: str) -> list[str]:
    """Character 1- to 4-grams of the normalised text, plus English words and word pairs."""
    norm = normalise(text)
    padded = f" {norm} "
    grams = []
    for n in (1, 2, 3, 4):
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    words = _WORD.findall(norm)
    grams.extend("w:" + word for word in words)
    grams.extend(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return grams


class TextModel:
    """Probabilities per rule for one text, from the exported linear model."""

    def __init__(self, path: Path = MODEL_PATH):
        with np.load(path, allow_pickle=False) as data:
            self.rules: tuple[str, ...] = tuple(str(r) for r in data["rules"])
            vocabulary = [str(v) for v in data["vocabulary"]]
            self.idf = data["idf"].astype(np.float64)
            self.coef = data["coef"].astype(np.float64)  # (features, rules)
            self.intercept = data["intercept"].astype(np.float64)
            self.thresholds = data["thresholds"].astype(np.float64)
            # One floor per rule (older artifacts hold a single number for every rule).
            self.pattern_floor = np.broadcast_to(
                data["pattern_floor"].astype(np.float64), self.intercept.shape
            ).copy()
            self.version = str(data["version"])
        self.index = {gram: i for i, gram in enumerate(vocabulary)}
        self.floors: dict[str, float] = dict(
            zip(self.rules, self.pattern_floor.tolist(), strict=True)
        )

    def scores(self, text: str) -> dict[str, float]:
        """The calibrated probability of each rule for `text`."""
        counts: dict[int, int] = {}
        index = self.index
        for gram in features(text):
            i = index.get(gram)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            logits = self.intercept
        else:
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(
                (1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts)
            )
            values = tf * self.idf[idx]
            values /= np.linalg.norm(values)
            logits = values @ self.coef[idx] + self.intercept
        probs = 1.0 / (1.0 + np.exp(-logits))
        return dict(zip(self.rules, probs.tolist(), strict=True))


@cache
def text_model() -> TextModel | None:
    """The model, loaded once per process; None when no artifact has been built."""
    if not MODEL_PATH.exists():
        return None
    return TextModel(MODEL_PATH)
