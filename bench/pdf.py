"""Warm median render time and size: a one-page stop_harassment letter, a 1,000-contact report.

Run: .venv/bin/python bench/pdf.py   (no database needed: the input is built in memory)
"""

import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")

import django  # noqa: E402

django.setup()

from letters.services import letter_render_pdf  # noqa: E402
from tests.letters.builders import SHANGHAI, make_case, make_contacts, make_input  # noqa: E402


def measure(kind: str, inp, runs: int) -> tuple[float, int]:
    letter_render_pdf(kind=kind, inp=inp)  # warm-up: fonts, templates, CSS
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(letter_render_pdf(kind=kind, inp=inp))
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    letter = make_input(case=make_case(make_contacts(3)))
    report = make_input(
        case=make_case(make_contacts(1000, start=datetime(2025, 1, 1, 9, tzinfo=SHANGHAI)))
    )
    for label, kind, inp, runs, target_s, target_kb in (
        ("stop_harassment letter", "stop_harassment", letter, 15, 0.150, 100),
        ("evidence_report, 1,000 contacts", "evidence_report", report, 3, 5.0, 1500),
    ):
        median, size = measure(kind, inp, runs)
        ok = "OK" if median < target_s and size < target_kb * 1024 else "MISSED"
        print(f"{label}: warm median {median * 1000:.0f} ms, {size / 1024:.0f} KB "
              f"(target < {target_s * 1000:.0f} ms, < {target_kb} KB) {ok}")  # fmt: skip


if __name__ == "__main__":
    main()
