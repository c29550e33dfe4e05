"""Case events: objections, agreements, disputes, outsourcing notices."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from cases.models import CaseEvent
from tests.factories import CaseEventFactory, LoanFactory


def test_add_event(case, borrower_client):
    loan = LoanFactory(case=case)
    response = borrower_client.post(
        reverse("cases:event_create", args=[case.pk]),
        {
            "kind": "third_party_objected",
            "at": "2025-04-21T09:00",
            "loan": loan.pk,
            "target_name": "妈妈",
            "target_phone": "13900000000",
            "note": "她说不要再打给她。",
        },
    )
    assert response.status_code == 302
    event = CaseEvent.objects.get()
    assert event.at == datetime(2025, 4, 21, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert (event.kind, event.loan, event.target_name) == ("third_party_objected", loan, "妈妈")
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "她说不要再打给她。" in html


def test_invalid_event_kind_is_refused(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:event_create", args=[case.pk]), {"kind": "nope", "at": "2025-04-21T09:00"}
    )
    assert response.status_code == 200
    assert not CaseEvent.objects.exists()


def test_delete_event_needs_post(case, borrower_client):
    event = CaseEventFactory(case=case)
    url = reverse("cases:event_delete", args=[case.pk, event.pk])
    assert borrower_client.get(url).status_code == 200
    assert CaseEvent.objects.exists()
    assert borrower_client.post(url).status_code == 302
    assert not CaseEvent.objects.exists()
