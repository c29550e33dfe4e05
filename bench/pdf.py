"""Warm render time and size: a one-page stop_harassment letter, a 1,000-contact evidence report.

Run: .venv/bin/python bench/pdf.py [--runs N]   (no database: the input is built in memory)

Both documents go through letters.services.letter_render_pdf, the service the app and the
render_letter command use. The first (cold) render of each is excluded. Wall time depends on
what else the machine is doing, so CPU time of this process and the load average are printed too.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")

import django  # noqa: E402

django.setup()

from letters.services import letter_render_pdf  # noqa: E402
from tests.letters.builders import SHANGHAI, make_case, make_contacts, make_input  # noqa: E402


def pages(pdf: bytes) -> str:
    """The page count from pdfinfo (poppler-utils), or '?' when it is not installed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        try:
            out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
        except FileNotFoundError:
            return "?"
    return next((line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")), "?")


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def measure(kind: str, inp, runs: int) -> dict:
    letter_render_pdf(kind=kind, inp=inp)  # cold: fonts, templates, CSS; not counted
    wall, cpu, pdf = [], [], b""
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        pdf = letter_render_pdf(kind=kind, inp=inp)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return {"wall": wall, "cpu": cpu, "size": len(pdf), "pages": pages(pdf)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=0, help="runs per document (default 20 / 5)")
    args = parser.parse_args()
    # A short letter, as many borrowers send it after the first improper call: one call at
    # 23:05 (quiet hours) and the screenshot and recording as enclosures.
    night_call = replace(make_contacts(1, start=datetime(2025, 4, 12, 23, 5, tzinfo=SHANGHAI))[0], channel="call", tags=())  # fmt: skip
    letter = make_input(case=make_case((night_call,)))
    report = make_input(
        case=make_case(make_contacts(1000, start=datetime(2025, 1, 1, 9, tzinfo=SHANGHAI)))
    )
    print(f"machine: {os.cpu_count()} CPUs (nproc), load average before: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
    for label, kind, inp, runs, target_s, target_kb in (
        ("stop_harassment letter", "stop_harassment", letter, args.runs or 20, 0.150, 100),
        ("evidence_report, 1,000 contacts", "evidence_report", report, args.runs or 5, 5.0, 1500),
    ):
        r = measure(kind, inp, runs)
        median = statistics.median(r["wall"])
        ok = "OK" if median < target_s and r["size"] < target_kb * 1024 else "MISSED"
        print(
            f"{label}: {r['pages']} pages, {r['size'] / 1024:.0f} KB; warm wall over {runs} runs: "
            f"median {median * 1000:.0f} ms, p90 {p90(r['wall']) * 1000:.0f} ms, "
            f"min {min(r['wall']) * 1000:.0f} ms; CPU median {statistics.median(r['cpu']) * 1000:.0f} ms "
            f"(target < {target_s * 1000:.0f} ms, < {target_kb} KB) {ok}"
        )  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
