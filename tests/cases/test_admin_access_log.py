"""Staff reading borrowers' data in /admin/ is written to the case's access log, and the
admin shows ID numbers masked (finding 9)."""

from datetime import date

import pytest
from django.urls import reverse

from actions.models import Action, Reminder, Response
from cases.models import AccessLog, Case
from tests.cases.conftest import make_everything
from tests.factories import CaseFactory, ContactFactory, UserFactory

pytestmark = pytest.mark.django_db

ID_NUMBER = "110101199003071234"


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def everything(case, borrower):
    return make_everything(case, borrower)


@pytest.fixture
def action(case, borrower):
    return Action.objects.create(
        case=case, channel="lender", method="phone", sent_on=date(2026, 3, 1), created_by=borrower
    )


def _logged(case, staff, action: str) -> int:
    return AccessLog.objects.filter(case=case, user=staff, action=action).count()


def _object_for(name, everything, action):
    if name == "case":
        return everything.case
    if name in {"loan", "contact", "evidence"}:
        return getattr(everything, name)
    if name == "caseevent":
        return everything.event
    if name == "action":
        return action
    if name == "response":
        return Response.objects.create(action=action, received_on=date(2026, 3, 5), text="已收到")
    return Reminder.objects.create(
        action=action, kind="soon", due_on=date(2026, 3, 13), sent_at="2026-03-13T08:00+08:00"
    )


MODELS = [
    ("cases", "case"),
    ("cases", "loan"),
    ("cases", "contact"),
    ("cases", "caseevent"),
    ("cases", "evidence"),
    ("actions", "action"),
    ("actions", "response"),
    ("actions", "reminder"),
]


@pytest.mark.parametrize(("app", "name"), MODELS)
def test_a_change_page_is_logged(staff_client, staff, everything, action, app, name):
    obj = _object_for(name, everything, action)
    response = staff_client.get(reverse(f"admin:{app}_{name}_change", args=[obj.pk]))
    assert response.status_code == 200
    entry = AccessLog.objects.get(case=everything.case, user=staff)
    assert entry.action == "admin_view"
    assert entry.path == reverse(f"admin:{app}_{name}_change", args=[obj.pk])


@pytest.mark.parametrize(("app", "name"), MODELS)
def test_a_list_page_logs_the_case_of_its_rows(staff_client, staff, everything, action, app, name):
    _object_for(name, everything, action)
    response = staff_client.get(reverse(f"admin:{app}_{name}_changelist"))
    assert response.status_code == 200
    assert _logged(everything.case, staff, "admin_list") == 1


def test_a_list_page_logs_every_case_shown_once(staff_client, staff, borrower):
    cases = [CaseFactory(owner=borrower), CaseFactory(owner=UserFactory())]
    for case in cases:
        ContactFactory(case=case)
        ContactFactory(case=case)
    staff_client.get(reverse("admin:cases_contact_changelist"))
    assert [_logged(case, staff, "admin_list") for case in cases] == [1, 1]


def test_a_search_logs_only_the_cases_it_shows(staff_client, staff, borrower):
    shown = CaseFactory(owner=borrower, title="网商贷")
    hidden = CaseFactory(owner=borrower, title="借呗")
    staff_client.get(reverse("admin:cases_case_changelist"), {"q": "网商贷"})
    assert _logged(shown, staff, "admin_list") == 1
    assert _logged(hidden, staff, "admin_list") == 0


def test_history_and_deletion_summary_are_logged(staff_client, staff, everything):
    contact = everything.contact
    staff_client.get(reverse("admin:cases_contact_history", args=[contact.pk]))
    staff_client.get(reverse("admin:cases_contact_delete", args=[contact.pk]))
    assert _logged(everything.case, staff, "admin_history") == 1
    assert _logged(everything.case, staff, "admin_delete_summary") == 1


def test_the_delete_selected_summary_is_logged(staff_client, staff, everything):
    response = staff_client.post(
        reverse("admin:cases_contact_changelist"),
        {"action": "delete_selected", "_selected_action": [everything.contact.pk]},
    )
    assert response.status_code == 200
    assert _logged(everything.case, staff, "admin_delete_summary") == 1


def test_a_saved_change_is_logged(staff_client, staff, everything):
    event = everything.event
    url = reverse("admin:cases_caseevent_change", args=[event.pk])
    response = staff_client.post(
        url,
        {
            "case": event.case_id,
            "kind": event.kind,
            "at_0": "2026-03-01",
            "at_1": "10:00:00",
            "note": "staff correction",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert _logged(everything.case, staff, "admin_change") == 1


def test_staff_reading_their_own_case_is_not_logged(staff_client, staff):
    own = CaseFactory(owner=staff)
    staff_client.get(reverse("admin:cases_case_change", args=[own.pk]))
    assert not AccessLog.objects.filter(case=own).exists()


def test_an_empty_list_logs_nothing(staff_client):
    staff_client.get(reverse("admin:cases_contact_changelist"))
    assert not AccessLog.objects.exists()


def test_the_admin_shows_the_id_number_masked(staff_client, case):
    case.borrower_id_number = ID_NUMBER
    case.save()
    html = staff_client.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()
    assert ID_NUMBER not in html
    assert "1101**********1234" in html


def test_the_admin_cannot_change_the_id_number(staff_client, case, borrower):
    case.borrower_id_number = ID_NUMBER
    case.save()
    response = staff_client.post(
        reverse("admin:cases_case_change", args=[case.pk]),
        {
            "owner": borrower.pk,
            "title": "改过的标题",
            "timezone": case.timezone,
            "borrower_id_number": "999999999999999999",
            "loans-TOTAL_FORMS": 0,
            "loans-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    saved = Case.objects.get(pk=case.pk)
    assert (saved.title, saved.borrower_id_number) == ("改过的标题", ID_NUMBER)


def test_an_admin_change_moves_the_case_revision_on(staff_client, everything):
    event = everything.event
    before = Case.objects.get(pk=event.case_id).revision
    response = staff_client.post(
        reverse("admin:cases_caseevent_change", args=[event.pk]),
        {
            "case": event.case_id,
            "kind": event.kind,
            "at_0": "2026-03-01",
            "at_1": "10:00:00",
            "note": "staff correction",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Case.objects.get(pk=event.case_id).revision > before


def test_an_admin_deletion_moves_the_case_revision_on(staff_client, everything):
    contact = everything.contact
    before = Case.objects.get(pk=contact.case_id).revision
    response = staff_client.post(
        reverse("admin:cases_contact_changelist"),
        {"action": "delete_selected", "_selected_action": [contact.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=contact.case_id).revision > before
