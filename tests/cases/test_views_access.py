"""Every case URL, for every kind of visitor: owner, other borrower, volunteers, anonymous."""

import pytest
from django.urls import reverse

from cases.models import AccessLog, Case, Contact, Evidence, Loan

#: name -> (objects it needs, methods it answers, whether it changes the case)
URLS = {
    "case_detail": (("case",), {"GET"}, False),
    "case_export": (("case",), {"GET"}, False),
    "case_update": (("case",), {"GET", "POST"}, True),
    "case_delete": (("case",), {"GET", "POST"}, True),
    "loan_create": (("case",), {"GET", "POST"}, True),
    "loan_detail": (("case", "loan"), {"GET"}, False),
    "loan_update": (("case", "loan"), {"GET", "POST"}, True),
    "loan_delete": (("case", "loan"), {"GET", "POST"}, True),
    "contact_create": (("case",), {"GET", "POST"}, True),
    "contact_quick_add": (("case",), {"POST"}, True),
    "contact_detail": (("case", "contact"), {"GET"}, False),
    "contact_update": (("case", "contact"), {"GET", "POST"}, True),
    "contact_delete": (("case", "contact"), {"GET", "POST"}, True),
    "contact_answer": (("case", "contact"), {"POST"}, True),
    "evidence_create": (("case", "contact_pk"), {"POST"}, True),
    "evidence_download": (("case", "evidence"), {"GET"}, False),
    "evidence_verify": (("case", "evidence"), {"GET"}, False),
    "evidence_delete": (("case", "evidence"), {"GET", "POST"}, True),
    "event_create": (("case",), {"GET", "POST"}, True),
    "event_delete": (("case", "event"), {"GET", "POST"}, True),
}
READ_URLS = [name for name, (_, _, write) in URLS.items() if not write]
WRITE_URLS = [name for name, (_, _, write) in URLS.items() if write]
CALLS = [(name, method) for name, (_, methods, _) in URLS.items() for method in sorted(methods)]


def url_for(name: str, objects) -> str:
    needs = URLS[name][0]
    if needs == ("case",):
        return reverse(f"cases:{name}", args=[objects.case.pk])
    if needs == ("case", "contact_pk"):
        return reverse(f"cases:{name}", args=[objects.case.pk, objects.contact.pk])
    return reverse(f"cases:{name}", args=[objects.case.pk, getattr(objects, needs[1]).pk])


def call(client, method: str, url: str):
    return client.get(url) if method == "GET" else client.post(url, {})


def counts():
    return [M.objects.count() for M in (Case, Loan, Contact, Evidence)]


def test_every_case_url_is_covered():
    from cases.urls import urlpatterns

    names = {p.name for p in urlpatterns} - {"case_list", "case_create", "case_import"}
    assert names == set(URLS)


@pytest.mark.parametrize(("name", "method"), CALLS)
def test_other_borrower_gets_404(name, method, everything, other_client):
    before = counts()
    response = call(other_client, method, url_for(name, everything))
    assert response.status_code == 404
    assert counts() == before


@pytest.mark.parametrize(("name", "method"), CALLS)
def test_outsider_volunteer_gets_404(name, method, shared_everything, outsider_client):
    response = call(outsider_client, method, url_for(name, shared_everything))
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "method"), CALLS)
def test_anonymous_is_sent_to_login(name, method, everything, client):
    response = call(client, method, url_for(name, everything))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", READ_URLS)
def test_volunteer_of_shared_organisation_can_read(name, shared_everything, volunteer_client):
    response = volunteer_client.get(url_for(name, shared_everything))
    assert response.status_code == 200
    log = AccessLog.objects.get()
    assert log.action == name


@pytest.mark.parametrize(("name", "method"), [(n, m) for n, m in CALLS if URLS[n][2]])
def test_volunteer_gets_403_on_writes(name, method, shared_everything, volunteer_client):
    before = counts()
    response = call(volunteer_client, method, url_for(name, shared_everything))
    assert response.status_code == 403
    assert counts() == before


@pytest.mark.parametrize(("name", "method"), CALLS)
def test_owner_is_allowed(name, method, everything, borrower_client):
    response = call(borrower_client, method, url_for(name, everything))
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("name", list(URLS))
def test_wrong_method_gets_405(name, everything, borrower_client):
    url = url_for(name, everything)
    methods = URLS[name][1]
    wrong = borrower_client.post(url) if "POST" not in methods else borrower_client.put(url)
    assert wrong.status_code == 405


def test_objects_of_another_case_are_404_under_my_case(everything, other_borrower, borrower_client):
    from tests.cases.conftest import make_everything
    from tests.factories import CaseFactory

    theirs = make_everything(CaseFactory(owner=other_borrower), other_borrower)
    mine = everything.case.pk
    for name, obj in [
        ("loan_detail", theirs.loan),
        ("contact_detail", theirs.contact),
        ("evidence_download", theirs.evidence),
        ("evidence_verify", theirs.evidence),
    ]:
        response = borrower_client.get(reverse(f"cases:{name}", args=[mine, obj.pk]))
        assert response.status_code == 404, name
    response = borrower_client.post(reverse("cases:event_delete", args=[mine, theirs.event.pk]))
    assert response.status_code == 404


def test_volunteer_page_hides_edit_controls(shared_everything, volunteer_client):
    response = volunteer_client.get(url_for("case_detail", shared_everything))
    html = response.content.decode()
    assert 'id="quick-add"' not in html
    assert (
        reverse(
            "cases:contact_update", args=[shared_everything.case.pk, shared_everything.contact.pk]
        )
        not in html
    )
    assert reverse("cases:case_update", args=[shared_everything.case.pk]) not in html
    assert shared_everything.contact.content in html


def test_owner_page_shows_edit_controls(everything, borrower_client):
    html = borrower_client.get(url_for("case_detail", everything)).content.decode()
    assert 'id="quick-add"' in html
    assert reverse("cases:contact_update", args=[everything.case.pk, everything.contact.pk]) in html
