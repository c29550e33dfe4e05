"""The evidence report: the case's private name only on request, one header per page."""

import subprocess

import pytest

from letters.services import letter_render_html, letter_render_pdf
from tests.letters.builders import make_input


def test_the_case_name_is_left_out_by_default():
    html = letter_render_html(kind="evidence_report", inp=make_input())
    assert "网商贷催收" not in html


def test_the_case_name_is_printed_when_the_borrower_asks():
    inp = make_input(fields={"show_case_title": True})
    assert "网商贷催收" in letter_render_html(kind="evidence_report", inp=inp)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_first_page_shows_the_report_title_once(language):
    pdf = letter_render_pdf(kind="evidence_report", inp=make_input(language=language))
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    marker = "证据报告 ·" if language == "zh-hans" else "Evidence report ·"
    assert first.count(marker) == 1
    assert second.count(marker) == 1  # the running header from page 2 on
