"""bench/ocr.py on screenshots the tests draw (never on the frozen benchmark set)."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from .screens import Bubble, CallRow, render_call_log, render_thread

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ocr.py"
THREAD = [
    Bubble("【示例贷】您的账单已逾期2天，请及时还款。", label="昨天 23:15"),
    Bubble("我下周一还", side="out"),
]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_ocr", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def truth_records(texts=None):
    texts = texts or [THREAD[0].text, THREAD[1].text]
    return [
        {
            "sender": "10690000555",
            "occurred_at": "2025-06-11T23:15:00+08:00",
            "direction": "in",
            "text": texts[0],
            "kind": "sms",
        },
        {
            "sender": "10690000555",
            "occurred_at": "2025-06-11T23:15:00",
            "direction": "out",
            "text": texts[1],
            "kind": "sms",
        },
    ]


def write_set(folder, records, call_records=None):
    (thread,) = render_thread(THREAD, sender="10690000555", height=1400)
    calls = render_call_log([CallRow("138 0013 8000", "未接", "23:15")], height=1400)
    (folder / "thread.png").write_bytes(thread.png())
    (folder / "calls.png").write_bytes(calls.png())
    call_truth = call_records or [
        {
            "sender": "13800138000",
            "occurred_at": "2025-06-12T23:15:00+08:00",
            "direction": "in",
            "text": "",
            "kind": "call",
        }
    ]
    lines = [
        {"file": "thread.png", "taken_on": "2025-06-12", "records": records},
        {"file": "calls.png", "taken_on": "2025-06-12", "records": call_truth},
    ]
    (folder / "truth.jsonl").write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    )
    return {thread.image.tobytes(): thread.boxes, calls.image.tobytes(): calls.boxes}


def test_edit_distance(bench):
    assert bench.edit_distance("逾期还款", "逾期还钱") == 1
    assert bench.edit_distance("", "abc") == 3
    assert bench.edit_distance("kitten", "sitting") == 3


def test_real_ocr_on_own_renders_meets_the_targets(bench, tmp_path, capsys):
    write_set(tmp_path, truth_records())
    result = bench.main([str(tmp_path), "--json"])
    assert json.loads(capsys.readouterr().out) == result
    assert result["screenshots"] == 2
    assert result["records"] == 3
    assert result["cer"] <= 0.02
    assert result["right_share"] == 1.0


def test_wrong_text_lowers_the_scores(bench, tmp_path):
    known = write_set(tmp_path, truth_records([THREAD[0].text, "我下周二还"]))
    result = bench.main([str(tmp_path), "--json"], read_boxes=lambda image: known[image.tobytes()])
    assert result["cer"] == pytest.approx(1 / len(THREAD[0].text + "\n我下周二还"), abs=1e-4)
    assert result["right_share"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["right_text"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["right_sender"] == 1.0


def test_missing_record_counts_as_wrong(bench, tmp_path):
    extra = truth_records() + [
        {
            "sender": "10690000555",
            "occurred_at": "2025-06-12T08:00:00",
            "direction": "in",
            "text": "第三条",
            "kind": "sms",
        }
    ]
    known = write_set(tmp_path, extra)
    result = bench.main([str(tmp_path), "--json"], read_boxes=lambda image: known[image.tobytes()])
    assert result["right_share"] == pytest.approx(3 / 4, abs=1e-4)
    assert result["cer"] > 0
