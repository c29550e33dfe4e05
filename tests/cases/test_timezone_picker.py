"""The time-zone picker offers the common cities by name with their offset, then the rest."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from cases.forms import CaseForm
from cases.timezones import COMMON_ZONES, timezone_choices, utc_offset_text
from tests.factories import CaseFactory


@pytest.mark.parametrize(
    ("zone", "at", "text"),
    [
        ("Asia/Shanghai", datetime(2026, 1, 15), "+8"),
        ("Europe/London", datetime(2026, 1, 15), "±0"),
        ("Europe/London", datetime(2026, 7, 15), "+1"),
        ("America/New_York", datetime(2026, 1, 15), "-5"),
        ("Asia/Kolkata", datetime(2026, 1, 15), "+5:30"),
    ],
)
def test_utc_offset_text(zone, at, text):
    assert utc_offset_text(zone, at.replace(tzinfo=ZoneInfo("UTC"))) == text


def test_common_cities_come_first_by_name_in_chinese():
    with translation.override("zh-hans"):
        (common_label, common), (other_label, others) = timezone_choices()
        labels = [str(label) for _zone, label in common]
        assert str(common_label) == "常用时区" and str(other_label) == "其他时区"
    assert common[0][0] == "Asia/Shanghai"
    assert labels[0] == "北京 / 上海（UTC+8）"
    assert "香港（UTC+8）" in labels and "台北（UTC+8）" in labels
    assert any(label.startswith("伦敦（UTC") for label in labels)
    assert any(label.startswith("纽约（UTC-") for label in labels)


def test_english_labels_name_the_city_too():
    with translation.override("en"):
        common = timezone_choices()[0][1]
        assert str(common[0][1]) == "Beijing / Shanghai (UTC+8)"


def test_other_zones_follow_without_aliases_or_repeats():
    common, others = (group for _label, group in timezone_choices())
    names = [zone for zone, _label in others]
    assert "America/Argentina/Buenos_Aires" in names
    assert names == sorted(names)
    assert not {"PRC", "US/Eastern", "Etc/GMT+5"} & set(names)
    assert not {zone for zone, _l in COMMON_ZONES} & set(names)
    assert len(common) < 30 < len(names)


def test_a_saved_alias_stays_selectable(case):
    case.timezone = "PRC"
    case.save()
    form = CaseForm(instance=case)
    offered = [zone for _label, group in form.fields["timezone"].choices for zone, _l in group]
    assert "PRC" in offered


def test_case_form_renders_optgroups(borrower_client):
    html = borrower_client.get(reverse("cases:case_create")).content.decode()
    assert '<optgroup label="Common time zones">' in html
    assert '<option value="Asia/Shanghai" selected>Beijing / Shanghai (UTC+8)</option>' in html


def test_a_common_zone_saves(borrower_client):
    response = borrower_client.post(
        reverse("cases:case_create"), {"title": "在悉尼", "timezone": "Australia/Sydney"}
    )
    assert response.status_code == 302


def test_an_unknown_zone_is_still_refused(borrower_client, borrower):
    case = CaseFactory(owner=borrower)
    response = borrower_client.post(
        reverse("cases:case_update", args=[case.pk]), {"title": "x", "timezone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert "timezone" in response.context["form"].errors
