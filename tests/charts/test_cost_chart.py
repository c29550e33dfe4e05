from decimal import Decimal

from charts.cost import cost_against_lines


def test_cost_chart_draws_the_cost_and_the_three_lines():
    chart = cost_against_lines(
        effective=Decimal("0.2712"), stated=Decimal("0.1800"), cap_4x_lpr=Decimal("0.1200")
    )
    assert chart.svg.count("<line ") == 3
    assert "27.12%" in chart.svg and "18.00%" in chart.svg
    assert "27.12%" in chart.summary and "24.00%" in chart.summary
    assert "<title" in chart.svg and "<desc" in chart.svg


def test_cost_chart_without_data_says_so():
    chart = cost_against_lines(effective=None)
    assert "<line " not in chart.svg
    assert chart.summary


def test_cost_chart_escapes_nothing_dangerous_in_labels():
    chart = cost_against_lines(effective=Decimal("0.5"))
    assert "<script" not in chart.svg
