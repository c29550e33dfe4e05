"""The chart of contacts per day around an action (the action's page and the evidence
report): the year on its date axis like the other charts, text that reads on a phone, and
nothing drawn off the chart."""

from datetime import date, datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.utils import translation

from charts.around import contacts_around
from charts.svg import WIDTH, date_axis_texts, fit_text, text_width
from rules import domain
from tests.letters.builders import SHANGHAI

NS = "{http://www.w3.org/2000/svg}"
#: The chart's width on a 360 px phone (the page and figure padding take about 42 px).
PHONE_CHART_PX = 318


def _contacts(*days: date) -> tuple[domain.Contact, ...]:
    return tuple(
        domain.Contact(ref=f"C{i}", occurred_at=datetime(d.year, d.month, d.day, 10, tzinfo=SHANGHAI),
                       channel="call", target="borrower")
        for i, d in enumerate(days, 1)
    )  # fmt: skip


def _texts(chart) -> list[ElementTree.Element]:
    return list(ElementTree.fromstring(chart.svg).iter(f"{NS}text"))


def _axis(chart) -> list[str]:
    """The texts of the date axis: the row of labels just above the bottom line."""
    texts = _texts(chart)
    bottom = max(float(t.get("y")) for t in texts)
    axis_y = max(float(t.get("y")) for t in texts if float(t.get("y")) < bottom)
    return [t.text for t in texts if float(t.get("y")) == axis_y]


ON = date(2026, 9, 15)
AROUND = _contacts(ON - timedelta(days=3), ON - timedelta(days=1), ON + timedelta(days=2))


def test_the_date_axis_carries_the_year_on_its_first_label():
    chart = contacts_around(AROUND, "Asia/Shanghai", on=ON)
    assert _axis(chart) == ["2026-09-01", "09-15", "09-29"]


def test_a_new_year_on_the_axis_is_named_too():
    chart = contacts_around((), "Asia/Shanghai", on=date(2026, 1, 3))
    assert _axis(chart) == ["2025-12-20", "2026-01-03", "01-17"]


def test_without_a_label_the_marker_gives_the_actions_date_with_its_year():
    texts = [t.text for t in _texts(contacts_around(AROUND, "Asia/Shanghai", on=ON))]
    assert "2026-09-15" in texts


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_text_is_at_least_11_px_on_a_360_px_phone(language):
    with translation.override(language):
        chart = contacts_around(AROUND, "Asia/Shanghai", on=ON, label="向 12378 投诉")
    root = ElementTree.fromstring(chart.svg)
    width = float(root.get("viewBox").split()[2])
    sizes = [float(t.get("font-size")) for t in root.iter(f"{NS}text")]
    assert min(sizes) * PHONE_CHART_PX / width >= 11


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_no_text_runs_off_the_chart(language):
    long_label = "向国家金融监督管理总局浙江监管局消费者权益保护处投诉网商银行的催收行为"
    with translation.override(language):
        chart = contacts_around(AROUND, "Asia/Shanghai", on=ON, label=long_label)
    for t in _texts(chart):
        width, x = text_width(t.text, float(t.get("font-size"))), float(t.get("x"))
        start = {"start": x, "middle": x - width / 2, "end": x - width}[t.get("text-anchor")]
        assert start >= 0 and start + width <= WIDTH, t.text


def test_the_title_comes_first_and_the_totals_last():
    with translation.override("en"):
        chart = contacts_around(AROUND, "Asia/Shanghai", on=ON)
    texts = [t.text for t in _texts(chart)]
    assert texts[0] == chart.title == "Contacts per day around 2026-09-15"
    assert texts[-1] == "14 days before: 2 · after: 1"
    assert chart.summary.startswith("2 contacts in the 14 days before 2026-09-15, 1 in")


def test_date_axis_texts_follow_one_rule():
    days = [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 2)]
    assert date_axis_texts(days) == ["2025-12-30", "12-31", "2026-01-02"]


def test_fit_text_cuts_with_an_ellipsis_only_when_needed():
    assert fit_text("投诉", 13, 100) == "投诉"
    cut = fit_text("投诉" * 20, 13, 100)
    assert cut.endswith("…") and text_width(cut, 13) <= 100
