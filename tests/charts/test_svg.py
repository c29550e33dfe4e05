from datetime import datetime
from xml.etree import ElementTree

from django.utils import translation

import charts
from rules import domain
from tests.letters.builders import SHANGHAI, make_contacts

NS = "{http://www.w3.org/2000/svg}"


def _contact(ref, hour, target="borrower", content=""):
    return domain.Contact(ref=ref, occurred_at=datetime(2025, 4, 14, hour, 0, tzinfo=SHANGHAI),
                          channel="call", target=target, content=content)  # fmt: skip


def test_charts_are_valid_svg_with_title_and_desc():
    contacts = make_contacts(12)
    for chart in (charts.contacts_per_day(contacts, "Asia/Shanghai"),
                  charts.hour_weekday_grid(contacts, "Asia/Shanghai"),
                  charts.targets_breakdown(contacts)):  # fmt: skip
        root = ElementTree.fromstring(chart.svg)
        assert root.find(f"{NS}title").text
        assert root.find(f"{NS}desc").text == chart.summary
        assert root.get("viewBox") and root.get("width") == "100%"


def test_charts_are_deterministic():
    contacts = make_contacts(20)
    assert (
        charts.hour_weekday_grid(contacts, "Asia/Shanghai").svg
        == charts.hour_weekday_grid(contacts, "Asia/Shanghai").svg
    )


def test_night_calls_are_counted_in_the_grid_summary():
    contacts = (_contact("a", 23), _contact("b", 2), _contact("c", 10))
    with translation.override("en"):
        chart = charts.hour_weekday_grid(contacts, "Asia/Shanghai")
    assert "2 of them at night" in chart.summary


def test_grid_uses_the_case_time_zone():
    contact = _contact("a", 10)  # 10:00 in Shanghai is 02:00 UTC
    with translation.override("en"):
        assert "0 of them at night" in charts.hour_weekday_grid((contact,), "Asia/Shanghai").summary
        assert "1 of them at night" in charts.hour_weekday_grid((contact,), "UTC").summary


def test_labels_are_escaped():
    contacts = (_contact("a", 10, target="friend"),)
    chart = charts.targets_breakdown(contacts, {"friend": "<script>x</script>"})
    assert "<script>" not in chart.svg
    assert "&lt;script&gt;" in chart.svg
    ElementTree.fromstring(chart.svg)


def test_contacts_per_day_counts_days_and_peak():
    contacts = (_contact("a", 10), _contact("b", 11))
    with translation.override("en"):
        chart = charts.contacts_per_day(contacts, "Asia/Shanghai")
    assert "2 contacts over 1 days" in chart.summary


def test_empty_input_says_so():
    with translation.override("en"):
        assert charts.contacts_per_day((), "Asia/Shanghai").summary == "No contacts recorded."


#: The chart's width on a 360 px phone: the page and figure padding take about 42 px.
PHONE_CHART_PX = 318


def _all_charts(contacts):
    from datetime import date

    from charts.around import contacts_around

    return (
        charts.contacts_per_day(contacts, "Asia/Shanghai"),
        charts.hour_weekday_grid(contacts, "Asia/Shanghai"),
        charts.targets_breakdown(contacts),
        contacts_around(contacts, "Asia/Shanghai", on=date(2025, 4, 20)),
    )


def test_every_text_is_at_least_11_px_on_a_360_px_phone():
    for chart in _all_charts(make_contacts(40)):
        root = ElementTree.fromstring(chart.svg)
        width = float(root.get("viewBox").split()[2])
        sizes = [float(t.get("font-size")) for t in root.iter(f"{NS}text")]
        assert sizes, chart.title
        assert min(sizes) * PHONE_CHART_PX / width >= 11, chart.title


def test_every_chart_draws_its_title():
    with translation.override("en"):
        for chart in _all_charts(make_contacts(12)):
            texts = [t.text for t in ElementTree.fromstring(chart.svg).iter(f"{NS}text")]
            assert texts[0] == chart.title


def test_the_day_axis_carries_the_year():
    contacts = (
        domain.Contact(ref="a", occurred_at=datetime(2025, 12, 30, 10, tzinfo=SHANGHAI),
                       channel="call", target="borrower"),
        domain.Contact(ref="b", occurred_at=datetime(2026, 1, 3, 10, tzinfo=SHANGHAI),
                       channel="call", target="borrower"),
    )  # fmt: skip
    texts = [
        t.text
        for t in ElementTree.fromstring(charts.contacts_per_day(contacts, "UTC").svg).iter(
            f"{NS}text"
        )
    ]
    assert "2025-12-30" in texts
    assert any(text.startswith("2026-") for text in texts)  # the new year is named too
