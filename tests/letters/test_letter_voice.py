"""Letters speak in the sender's voice: never the app's words to the borrower.

Every kind is rendered, in both languages, for a case whose findings come from the real
engine (threats, insults, impersonation, fake papers, public posts, night calls, third
parties, a withheld fee, high cost), with every field filled in.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import translation

from letters.kinds import KINDS
from letters.services import letter_render_html, placeholders_in
from rules import domain
from rules.engine import CATALOGUE
from tests.letters.builders import SHANGHAI, engine_input

LANGS = ["zh-hans", "en"]
TAGS = ("threat", "insult", "fake_document", "public_post", "no_identity", "private_account",
        "borrow_elsewhere", "refused_to_leave", "disclosed_debt")  # fmt: skip
TARGETS = ("borrower", "relative", "colleague", "friend", "employer", "contact_list")

FIELDS = {
    "recipient": "杭州市公安局西湖区分局北山派出所",
    "hardship": "2026年1月失业，目前无固定收入。",
    "monthly_income": "6000",
    "essential_costs": "3500",
    "other_debt_payments": "500",
    "harm": "家人因此受到惊吓。",
    "info_used": "通讯录被用于群发催收短信。",
    "prior_complaint": "2026年3月1日通过客服热线投诉，未获答复。",
}


def voice_case() -> domain.Case:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
    contacts = []
    for i in range(18):
        target = TARGETS[i % len(TARGETS)]
        contacts.append(
            domain.Contact(
                ref=f"C{i + 1}",
                occurred_at=start + timedelta(hours=5 * i),
                channel="visit" if i == 7 else "call",
                target=target,
                loan="L1",
                connected=True,
                visitors=1 if i == 7 else None,
                target_name="" if target == "borrower" else f"联系人{i}",
                target_phone="" if target == "borrower" else f"1390000{i:04d}",
                caller=domain.Caller(name="张先生", organization="某某信息咨询有限公司",
                                     phone="02112345678", identity_disclosed=i != 3),
                claims_to_be=("court",) if i == 5 else (),
                content="要求替其还钱。" if target != "borrower" else "催收来电。",
                tags=(TAGS[i % len(TAGS)],),
            )
        )  # fmt: skip
    loan = domain.Loan(
        ref="L1",
        lender="浙江网商银行股份有限公司",
        lender_type="bank",
        product="网商贷",
        contract_no="WS2026010800123",
        principal=Decimal("30000"),
        amount_received=Decimal("29100"),
        disbursed_on=date(2025, 1, 8),
        installments=(domain.Installment(date(2026, 1, 8), Decimal("40000")),),
        fees=(domain.Fee("担保服务费", Decimal("900"), date(2025, 1, 8)),),
        overdue_since=date(2026, 1, 9),
        outstanding=Decimal("40000"),
    )
    borrower = domain.Borrower(name="李晓梅", phone="13800000000",
                               address="浙江省杭州市西湖区示例路 1 号", id_number="330106199001011234")  # fmt: skip
    return domain.Case(borrower=borrower, loans=(loan,), contacts=tuple(contacts))


def borrower_phrases(language: str, inp) -> list[str]:
    """The app's words to the borrower: rule titles, explanations and finding summaries."""
    with translation.override(language):
        phrases = [str(r.title) for r in CATALOGUE.values()]
        phrases += [str(r.explanation) for r in CATALOGUE.values()]
    phrases += [f.summary for f in inp.assessment.findings]
    return [p for p in phrases if len(p) > 6]


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_letters_contain_no_borrower_facing_text(kind, language):
    inp = engine_input(voice_case(), language=language, fields=FIELDS)
    assert len({f.rule for f in inp.assessment.findings}) >= 10  # the case exercises the catalogue
    html = letter_render_html(kind=kind, inp=inp)
    leaked = [p for p in borrower_phrases(language, inp) if p in html]
    assert leaked == []
    if language == "zh-hans":
        assert "您" not in html and "你" not in html
    else:
        for phrase in ("Your debt", "you owe", "You received", "your contacts", "call 110 if"):
            assert phrase.lower() not in html.lower()


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_fully_filled_letter_has_no_instruction_text(kind, language):
    inp = engine_input(voice_case(), language=language, fields=FIELDS)
    assert placeholders_in(letter_render_html(kind=kind, inp=inp)) == []


@pytest.mark.parametrize("language", LANGS)
def test_letters_state_each_finding_formally(language):
    inp = engine_input(voice_case(), language=language, fields=FIELDS)
    html = letter_render_html(kind="stop_harassment", inp=inp)
    rule = CATALOGUE["debt_disclosed_to_third_party"]
    with translation.override(language):
        statement = str(rule.statement).rstrip("。.")
    assert statement in html
    if language == "zh-hans":  # translated, not the English wording in a Chinese letter
        assert "披露" in statement or "透露" in statement


def test_english_letters_translate_source_titles_and_keep_the_chinese_in_brackets():
    inp = engine_input(voice_case(), language="en", fields=FIELDS)
    html = letter_render_html(kind="stop_harassment", inp=inp)
    assert "Personal Information Protection Law (《个人信息保护法》)" in html
    assert "art. 10" in html and "第十条" not in html


def test_the_fee_withheld_is_not_reported_as_interest_taken_up_front():
    inp = engine_input(voice_case(), language="zh-hans", fields=FIELDS)
    rules = {f.rule for f in inp.assessment.findings}
    assert "fee_withheld" in rules and "upfront_deduction" not in rules
