"""The regulator complaint goes where the engine's routing sends this kind of lender, and
says whether the lender was complained to first."""

from dataclasses import replace
from datetime import date

import pytest

from letters.kinds import SentLetter
from letters.services import letter_render_html, placeholders_in
from tests.letters.builders import engine_input, make_case


def _input(lender_type: str, language: str = "zh-hans", **kw):
    case = make_case()
    loan = replace(case.loans[0], lender=f"某{lender_type}", lender_type=lender_type)
    return engine_input(replace(case, loans=(loan,)), language=language, **kw)


@pytest.mark.parametrize(
    ("lender_type", "addressee"),
    [
        ("bank", "国家金融监督管理总局或其派出机构"),
        ("consumer_finance", "国家金融监督管理总局或其派出机构"),
        ("microloan", "地方金融管理部门"),
        ("platform", "当地12345政务服务便民热线"),
        ("unlicensed", "当地12345政务服务便民热线"),
    ],
)
def test_regulator_complaint_is_addressed_by_lender_type(lender_type, addressee):
    html = letter_render_html(kind="complaint_regulator", inp=_input(lender_type))
    assert f"{addressee}：" in html
    assert placeholders_in(html) == []


def test_microlender_complaint_in_english_names_the_local_financial_regulator():
    html = letter_render_html(kind="complaint_regulator", inp=_input("microloan", "en"))
    assert "the local financial regulator (地方金融管理部门)" in html
    assert "12378" not in html and "National Financial Regulatory" not in html


def test_unknown_lender_type_leaves_the_addressee_to_be_filled_in():
    html = letter_render_html(kind="complaint_regulator", inp=_input("other"))
    assert any("贷款机构的类型" in item for item in placeholders_in(html))


def test_regulator_complaint_says_the_lender_was_complained_to_first():
    inp = _input("bank")
    sent = (SentLetter(kind="complaint_lender", loan="L1", finalised_on=date(2026, 3, 5)),)
    html = letter_render_html(kind="complaint_regulator", inp=replace(inp, sent=sent))
    assert "本人已于2026年3月5日向被投诉人发出《投诉书》" in html
    assert "尚未通过被投诉人的投诉渠道投诉" not in html


def test_regulator_complaint_says_when_the_lender_was_not_complained_to():
    html = letter_render_html(kind="complaint_regulator", inp=_input("bank"))
    assert "本人尚未通过被投诉人的投诉渠道投诉" in html


def test_the_15_day_complaint_rule_is_cited_only_for_banks_and_their_complaints():
    bank = letter_render_html(kind="complaint_lender", inp=_input("bank"))
    micro = letter_render_html(kind="complaint_lender", inp=_input("microloan"))
    request = letter_render_html(kind="negotiation", inp=_input("bank"))
    assert "第十八条" in bank and "第十八条" not in micro and "第十八条" not in request
    assert "收到本函之日起 15 日内" in micro


def test_stop_harassment_cites_consumer_rules_only_for_consumer_loans():
    case = make_case()
    business = replace(case.loans[0], purpose="business")
    html = letter_render_html(
        kind="stop_harassment", inp=engine_input(replace(case, loans=(business,)))
    )
    assert "银行保险机构消费者权益保护管理办法" not in html
    assert "商业银行信用卡业务监督管理办法" not in html
