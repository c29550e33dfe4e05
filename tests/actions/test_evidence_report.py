"""The evidence report shows each action with the contacts around it and the before/after table."""

from datetime import datetime
from zoneinfo import ZoneInfo

from letters.services import letter_input_for_case, letter_render_html
from tests.factories import ContactFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_report_has_the_before_after_chart_and_table(case, complaint):
    ContactFactory(case=case, ref="C1", occurred_at=datetime(2026, 2, 25, 23, 5, tzinfo=SHANGHAI))
    ContactFactory(case=case, ref="C2", occurred_at=datetime(2026, 3, 4, 23, 5, tzinfo=SHANGHAI))
    ContactFactory(case=case, ref="C3", occurred_at=datetime(2026, 3, 6, 23, 5, tzinfo=SHANGHAI))
    inp = letter_input_for_case(case=case, language="zh-hans", fields={})
    html = letter_render_html(kind="evidence_report", inp=inp)
    assert "投诉后的变化" in html
    assert "工单号：T-2026-0301" in html
    assert "投诉前14日内联系1次，投诉后14日内联系2次" in html
    assert "投诉后催收联系仍在继续" in html
    assert 'stroke-dasharray="4 3"' in html  # the action's marker


def test_report_without_actions_has_no_such_section(case):
    inp = letter_input_for_case(case=case, language="zh-hans", fields={})
    assert "投诉后的变化" not in letter_render_html(kind="evidence_report", inp=inp)
