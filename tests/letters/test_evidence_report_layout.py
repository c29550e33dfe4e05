"""The evidence report: the case's private name only on request, one header per page."""

import re
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


SECTIONS = ["图表", "各规定涉及次数", "全部联系记录", "被联系的第三人", "证据文件"]


def _pages(pdf: bytes) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return text.split("\f")[:-1]


def _long_report(contacts: int = 60) -> bytes:
    from tests.letters.builders import make_case, make_contacts
    from tests.letters.test_evidence_report_files import _input_with_files

    inp = _input_with_files()
    case = make_case(make_contacts(contacts))
    return letter_render_pdf(kind="evidence_report", inp=inp.__class__(
        **{**{f: getattr(inp, f) for f in inp.__slots__}, "case": case}
    ))  # fmt: skip


def test_the_cover_lists_each_section_with_the_page_it_starts_on():
    pages = _pages(_long_report())
    entries = re.findall(r"^\d+\.\s*(\S+)[ .]+?(\d+)$", pages[0], re.M)
    contents = {title: int(number) for title, number in entries}
    assert list(contents) == SECTIONS
    for title, number in contents.items():
        starts = [n for n, page in enumerate(pages, 1) if any(
            line.strip() == title for line in page.splitlines()
        )]  # fmt: skip
        assert starts == [number], title


#: What each section starts with after its heading and note: a heading (or a heading and its
#: note) at the foot of a page without it is stranded.
FIRST_CONTENT = {
    "图表": "每日被联系次数",
    "各规定涉及次数": "编号",
    "全部联系记录": "1．",
    "被联系的第三人": "关系",
    "证据文件": "序号",
}


# Without break-after: avoid on the headings and the notes under them, 24 and 68 contacts
# leave "证据文件" with its note at the foot of a page (measured).
@pytest.mark.parametrize("contacts", [24, 68])
def test_no_heading_is_stranded_at_a_page_foot(contacts):
    for page in _pages(_long_report(contacts)):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for title, first in FIRST_CONTENT.items():
            if title in lines:
                after = lines[lines.index(title) + 1 :]
                assert any(line.startswith(first) for line in after), (title, after[:4])
