"""Later letters state each earlier complaint and the contacts after it, in the sender's voice."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from actions.services import response_create
from letters.services import letter_input_for_case, letter_render_html
from tests.factories import ContactFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def render(case, kind, language="zh-hans"):
    inp = letter_input_for_case(case=case, language=language, fields={}, today=date(2026, 4, 1))
    return letter_render_html(kind=kind, inp=inp)


def test_a_letter_to_the_lender_says_you_still_contacted_me_after_my_complaint(case, complaint):
    ContactFactory(case=case, ref="C1", occurred_at=datetime(2026, 3, 3, 23, 5, tzinfo=SHANGHAI))
    html = render(case, "stop_harassment")
    assert (
        "在本人于2026年3月1日通过电话向贵司投诉（工单号：T-2026-0301）后，"
        "贵司仍于2026年3月3日联系本人，14日内共1次。截至2026年3月16日，本人未收到答复。"
    ) in html


def test_a_letter_to_the_police_names_the_lender_instead(case, complaint):
    ContactFactory(case=case, ref="C1", occurred_at=datetime(2026, 3, 3, 23, 5, tzinfo=SHANGHAI))
    html = render(case, "police_statement")
    assert "后，浙江网商银行股份有限公司仍于2026年3月3日联系本人" in html


def test_an_answered_complaint_is_not_called_unanswered(case, complaint):
    response_create(action=complaint, received_on=date(2026, 3, 10), text="已受理")
    html = render(case, "stop_harassment")
    assert "本人于2026年3月1日通过电话向贵司投诉（工单号：T-2026-0301）。" in html
    assert "未收到答复" not in html


def test_the_english_letter_says_it_too(case, complaint):
    ContactFactory(case=case, ref="C1", occurred_at=datetime(2026, 3, 3, 23, 5, tzinfo=SHANGHAI))
    html = render(case, "stop_harassment", language="en")
    assert (
        "After that complaint, you still contacted me on 2026-03-03: 1 time within 14 days." in html
    )
