"""A letter to one lender cites only that lender's contacts; the police and the report see all."""

from dataclasses import replace
from decimal import Decimal

from letters.services import letter_render_html
from rules import domain
from tests.letters.builders import make_case, make_contacts, make_input

ANT = "重庆蚂蚁消费金融有限公司"


def two_loan_input(**kw):
    contacts = list(make_contacts(4))
    contacts[3] = replace(
        contacts[3], loan="L2", content="借呗的催收员打来的电话。", tags=("threat",)
    )
    case = make_case(tuple(contacts))
    jiebei = domain.Loan(ref="L2", lender=ANT, lender_type="consumer_finance", product="借呗",
                         principal=Decimal("15000.00"))  # fmt: skip
    return make_input(case=replace(case, loans=(*case.loans, jiebei)), **kw)


def test_letter_to_first_lender_leaves_out_the_other_loans_contacts():
    html = letter_render_html(kind="stop_harassment", inp=two_loan_input())
    assert "浙江网商银行股份有限公司" in html
    assert "借呗的催收员打来的电话" not in html


def test_letter_to_second_lender_cites_only_its_contacts():
    html = letter_render_html(kind="stop_harassment", inp=two_loan_input(fields={"loan": "L2"}))
    assert ANT in html
    assert "借呗的催收员打来的电话" in html
    assert "说再不还钱就上门找你家人" not in html


def test_police_statement_and_report_keep_every_loan():
    inp = two_loan_input()
    for kind in ("evidence_report", "police_statement"):
        html = letter_render_html(kind=kind, inp=inp)
        assert "借呗的催收员打来的电话" in html, kind
