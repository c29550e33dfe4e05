"""The case page's findings: the same engine run as assess_case, refreshed live by htmx."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from tests.factories import ContactFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def case_url(case):
    return reverse("cases:case_detail", args=[case.pk])


def night_call(case, ref="C1", hour=23):
    return ContactFactory(
        case=case, ref=ref, occurred_at=datetime(2025, 4, 12, hour, 5, tzinfo=SHANGHAI)
    )


def test_case_page_shows_a_cited_finding_for_a_night_call(case, borrower_client):
    contact = night_call(case)
    html = borrower_client.get(case_url(case)).content.decode()
    assert 'id="finding-quiet_hours"' in html
    assert reverse("cases:contact_detail", args=[case.pk, contact.pk]) in html
    assert "GB/T 45251" in html


def test_daytime_call_gives_no_quiet_hours_finding(case, borrower_client):
    night_call(case, hour=21)
    html = borrower_client.get(case_url(case)).content.decode()
    assert 'id="finding-quiet_hours"' not in html


def test_htmx_request_for_findings_returns_only_the_panel(case, borrower_client):
    night_call(case)
    response = borrower_client.get(
        case_url(case), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="findings"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="findings"')
    assert "<html" not in html and 'id="quick-add"' not in html
    assert 'id="finding-quiet_hours"' in html


def test_full_page_and_fragment_come_from_the_same_url(case, borrower_client):
    night_call(case)
    full = borrower_client.get(case_url(case)).content.decode()
    assert "<html" in full and 'id="findings"' in full and 'id="quick-add"' in full


def test_quick_add_tells_the_page_to_refresh_findings(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:contact_quick_add", args=[case.pk]),
        {
            "occurred_at": timezone.localtime(timezone.now(), SHANGHAI).strftime("%Y-%m-%dT%H:%M"),
            "channel": "call",
            "target": "borrower",
            "caller": "new",
            "content": "信不信我弄死你",
        },
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="quick-add",
    )
    assert response.status_code == 200
    assert "caseChanged" in response.headers["HX-Trigger-After-Settle"]
    # The refreshed panel then shows the threat.
    panel = borrower_client.get(
        case_url(case), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="findings"
    ).content.decode()
    assert 'id="finding-threat"' in panel


def test_invalid_quick_add_does_not_trigger_a_refresh(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:contact_quick_add", args=[case.pk]),
        {"occurred_at": "not a time", "channel": "call", "target": "borrower"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="quick-add",
    )
    assert response.status_code == 200
    assert "HX-Trigger-After-Settle" not in response.headers


def test_deleting_a_contact_by_htmx_triggers_a_refresh(case, borrower_client):
    contact = night_call(case)
    response = borrower_client.post(
        reverse("cases:contact_delete", args=[case.pk, contact.pk]),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver" + case_url(case),
    )
    assert "caseChanged" in response.headers["HX-Trigger-After-Settle"]


def test_volunteer_sees_findings_of_a_shared_case(shared_case, volunteer_client):
    night_call(shared_case)
    html = volunteer_client.get(case_url(shared_case)).content.decode()
    assert 'id="finding-quiet_hours"' in html


def test_outsider_gets_404_for_the_findings_fragment(shared_case, outsider_client):
    response = outsider_client.get(
        case_url(shared_case), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="findings"
    )
    assert response.status_code == 404


def test_loan_page_shows_the_true_cost_against_the_lines(case, borrower_client):
    from datetime import date
    from decimal import Decimal

    from tests.factories import InstallmentFactory, LoanFactory

    loan = LoanFactory(
        case=case,
        principal=Decimal("1000"),
        amount_received=Decimal("1000"),
        disbursed_on=date(2024, 1, 1),
    )
    InstallmentFactory(loan=loan, due_on=date(2024, 12, 31), amount=Decimal("1400"))
    html = borrower_client.get(
        reverse("cases:loan_detail", args=[case.pk, loan.pk])
    ).content.decode()
    assert "40.00%" in html
    assert "<svg" in html and "24.00%" in html


def test_next_steps_link_to_the_letter_or_the_channel_page(case, borrower_client):
    night_call(case)
    html = borrower_client.get(case_url(case)).content.decode()
    steps = html[html.index('id="finding-quiet_hours"') :]
    steps = steps[
        steps.index('class="next-steps"') : steps.index("</ul>", steps.index('class="next-steps"'))
    ]
    letters = reverse("letters:letter_index", args=[case.pk])
    channels = reverse("guidance:article_detail", args=["complaint-channels"])
    items = re.findall(r"<li>(.*?)</li>", steps)
    assert items
    assert all(
        item.startswith(f'<a href="{letters}#kind-') or item.startswith(f'<a href="{channels}"')
        for item in items
    )
    index = borrower_client.get(letters).content.decode()
    kinds = re.findall(r"#kind-([a-z_]+)", steps)
    assert all(f'id="kind-{kind}"' in index for kind in kinds)
