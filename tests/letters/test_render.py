import subprocess

import pytest

from letters.kinds import KINDS
from letters.services import letter_render_html, letter_render_pdf
from tests.letters.builders import make_input

LANGS = ["zh-hans", "en"]


def _pdf_tool(tool: str, pdf: bytes, tmp_path, *args) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_renders_with_findings(kind, language):
    html = letter_render_html(kind=kind, inp=make_input(language=language))
    assert "李晓梅" in html
    assert "WS2025010800123" in html
    if kind not in {"negotiation", "information_request", "police_statement"}:
        assert "夜间催收" in html or "向第三人催收" in html  # the findings are cited


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_an_a4_pdf_with_an_embedded_cjk_subset(kind, language, tmp_path):
    pdf = letter_render_pdf(kind=kind, inp=make_input(language=language))
    info = _pdf_tool("pdfinfo", pdf, tmp_path)
    assert "595.276 x 841.89" in info
    fonts = _pdf_tool("pdffonts", pdf, tmp_path)
    cjk = [line for line in fonts.splitlines() if "UMing" in line]
    assert cjk and all(" yes yes " in line for line in cjk)
    text = _pdf_tool("pdftotext", pdf, tmp_path)
    assert "李晓梅" in text
    assert ("共" in text and "页" in text) if language == "zh-hans" else " of " in text


def test_page_x_of_y_counts_pages(tmp_path):
    pdf = letter_render_pdf(kind="stop_harassment", inp=make_input())
    text = _pdf_tool("pdftotext", pdf, tmp_path)
    pages = int(_pdf_tool("pdfinfo", pdf, tmp_path).split("Pages:")[1].split()[0])
    assert f"第 1 页，共 {pages} 页" in text


def test_id_number_is_masked_unless_asked():
    html = letter_render_html(kind="stop_harassment", inp=make_input())
    assert "3301**********1234" in html
    assert "330106199001011234" not in html
    shown = letter_render_html(
        kind="stop_harassment", inp=make_input(fields={"show_full_id": True})
    )
    assert "330106199001011234" in shown


def _threats(start):
    from tests.letters.builders import make_case, make_contacts

    return make_case(make_contacts(6, start=start))


def test_police_statement_asks_for_a_no_contact_order_for_harassment_since_2026():
    from datetime import datetime

    from tests.letters.builders import SHANGHAI, engine_input

    case = _threats(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))
    html = letter_render_html(kind="police_statement", inp=engine_input(case))
    assert "第五十条第二款" in html and "禁止接触" in html
    assert "治安管理处罚法（2025年修订）" in html and "第四十二条" not in html


def test_police_statement_cites_the_2012_law_for_conduct_before_2026_and_no_order():
    from tests.letters.builders import engine_input, make_case

    html = letter_render_html(kind="police_statement", inp=engine_input(make_case()))
    assert "治安管理处罚法（2012年修正）" in html and "第四十二条第（一）项" in html
    assert "从旧兼从轻" in html
    assert "禁止接触" not in html and "第五十条" not in html


def test_letters_give_the_15_day_deadline_from_receipt_without_a_computed_date():
    html = letter_render_html(kind="complaint_lender", inp=make_input())
    assert "收到本函之日起 15 日内" in html and "第十八条" in html
    assert "2025年5月21日" not in html  # not letter date + 15: receipt is what counts


def test_industry_standard_is_named_as_such():
    html = letter_render_html(kind="stop_harassment", inp=make_input())
    assert "行业标准" in html
    assert "GB/T 45251" in html


def test_enclosures_list_the_report_first_and_file_hashes():
    html = letter_render_html(kind="stop_harassment", inp=make_input())
    assert html.index("《证据报告》") < html.index("通话录音-0412.m4a")
    assert "a" * 64 in html


def test_personalised_instalments_only_for_credit_cards():
    from tests.letters.builders import make_case

    loan_html = letter_render_html(kind="negotiation", inp=make_input())
    card = make_input(case=make_case(product="信用卡"))
    card_html = letter_render_html(kind="negotiation", inp=card)
    assert "第七十条" not in loan_html
    assert "第七十条" in card_html


def test_evidence_report_lists_every_contact_and_charts():
    from tests.letters.builders import make_case, make_contacts

    inp = make_input(case=make_case(make_contacts(30)))
    html = letter_render_html(kind="evidence_report", inp=inp)
    assert html.count('<p class="c">') + html.count('<p class="c night">') == 30
    assert html.count("<svg") == 3
    assert "被联系的第三人" in html


def test_report_contacts_cite_rules_by_their_number_in_the_rule_table():
    from letters.kinds import KINDS
    from tests.letters.builders import make_case, make_contacts

    inp = make_input(case=make_case(make_contacts(12)))
    ctx = KINDS["evidence_report"].build(inp)
    titles = [v["title"] for v in ctx["violations"]]
    cited = [r for r in ctx["rows"] if r["rules"]]
    assert cited
    for row in cited:
        assert [titles[n - 1] for n in row["rule_numbers"]] == sorted(
            row["rules"], key=titles.index
        )
