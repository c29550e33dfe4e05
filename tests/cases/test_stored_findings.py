"""Findings are stored per case revision: a view after no change runs no engine, any write
through the services makes the next view run it once, and what is read back equals what
the engine says now."""

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cases import findings, services
from cases.adapters import case_to_domain
from cases.bundle import case_import_bundle
from cases.models import Case, Lender, StoredFindings
from cases.selectors import case_findings, findings_by_severity
from rules.engine import assess, summarize
from rules.models import LprRate
from rules.selectors import lpr_table
from tests.factories import CaseEventFactory, ContactFactory, LoanFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEMO = Path(__file__).resolve().parents[2] / "cases" / "demo" / "demo_case.json"


@pytest.fixture
def engine_runs(monkeypatch):
    """Counts the runs of the rules engine on stored cases."""
    runs = []

    def counting(*args, **kwargs):
        runs.append(1)
        return assess(*args, **kwargs)

    monkeypatch.setattr(findings, "assess", counting)
    return runs


@pytest.fixture
def demo(borrower):
    return case_import_bundle(owner=borrower, data=DEMO.read_bytes())


def page(client, case) -> str:
    response = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def quick_add(client, case, content="今天不还就去你单位"):
    return client.post(
        reverse("cases:contact_quick_add", args=[case.pk]),
        {
            "occurred_at": timezone.localtime(timezone.now(), SHANGHAI).strftime("%Y-%m-%dT%H:%M"),
            "channel": "sms",
            "target": "borrower",
            "content": content,
        },
    )


def test_a_view_after_no_change_runs_no_engine(demo, borrower_client, engine_runs):
    first = page(borrower_client, demo)
    assert len(engine_runs) == 1
    second = page(borrower_client, demo)
    assert len(engine_runs) == 1
    assert 'id="finding-' in second
    assert first.count('class="card finding"') == second.count('class="card finding"')


def test_a_quick_add_makes_the_next_view_run_the_engine_once(demo, borrower_client, engine_runs):
    page(borrower_client, demo)
    revision = Case.objects.get(pk=demo.pk).revision
    assert quick_add(borrower_client, demo).status_code == 302
    assert Case.objects.get(pk=demo.pk).revision == revision + 1
    page(borrower_client, demo)
    page(borrower_client, demo)
    assert len(engine_runs) == 2


def test_the_findings_fragment_reads_the_stored_findings(demo, borrower_client, engine_runs):
    page(borrower_client, demo)
    response = borrower_client.get(
        reverse("cases:case_detail", args=[demo.pk]), HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="findings",
    )  # fmt: skip
    assert 'id="findings"' in response.content.decode()
    assert len(engine_runs) == 1


def test_stored_findings_equal_a_fresh_engine_run(demo, borrower_client):
    today = timezone.localdate()
    page(borrower_client, demo)  # computes and stores
    stored = case_findings(case=demo, today=today)  # reads back
    case_data = case_to_domain(demo)
    fresh = assess(case_data, lpr=lpr_table(), today=today)
    assert stored.assessment == fresh
    assert stored.summary == summarize(case_data, fresh)
    assert [(m.ref, m.occurred_at, m.target) for m in stored.moments] == [
        (c.ref, c.occurred_at, c.target) for c in case_data.contacts
    ]
    assert stored.assessment.findings  # the demo case has findings to compare


def test_the_volunteer_view_shares_the_stored_findings(
    shared_case, borrower_client, volunteer_client, engine_runs
):
    ContactFactory(case=shared_case, occurred_at=datetime(2025, 4, 12, 23, 5, tzinfo=SHANGHAI))
    page(borrower_client, shared_case)
    html = volunteer_client.get(reverse("review:review_detail", args=[shared_case.pk]))
    assert html.status_code == 200
    page(volunteer_client, shared_case)
    assert len(engine_runs) == 1


def test_the_review_queue_reads_stored_findings(shared_case, borrower_client, engine_runs):
    ContactFactory(case=shared_case, occurred_at=datetime(2025, 4, 12, 23, 5, tzinfo=SHANGHAI))
    page(borrower_client, shared_case)
    assert findings_by_severity(cases=[shared_case])[shared_case.pk]["medium"] >= 0
    assert len(engine_runs) == 1


def test_letters_use_the_findings_of_the_case_page(demo, borrower_client, engine_runs):
    from letters.services import letter_input_for_case

    page(borrower_client, demo)
    inp = letter_input_for_case(case=demo, language="en", fields={"include_possible": 1})
    assert len(engine_runs) == 1  # the page (in English, the tests' language) stored them
    with translation.override("en"):
        assert inp.assessment == case_findings(case=demo).assessment
    assert inp.case == case_to_domain(demo)


def write(case, name):
    """Each write the services offer, on a case with a loan, a contact and an event."""
    loan = LoanFactory(case=case, ref="L1")
    contact = ContactFactory(case=case, ref="C1", loan=loan)
    event = CaseEventFactory(case=case, loan=loan)
    contact_data = {"occurred_at": timezone.now(), "channel": "sms", "target": "borrower"}
    calls = {
        "contact_create": lambda: services.contact_create(case=case, data=contact_data),
        "contact_update": lambda: services.contact_update(
            contact=contact, data={"content": "不还钱就曝光你"}
        ),
        "contact_answer": lambda: services.contact_answer(
            contact=contact, rule="threat", answer="confirmed"
        ),
        "contact_delete": lambda: services.contact_delete(contact=contact),
        "loan_create": lambda: services.loan_create(case=case, data={"lender_name": "某某贷"}),
        "loan_update": lambda: services.loan_update(loan=loan, data={"outstanding": Decimal(9)}),
        "loan_delete": lambda: services.loan_delete(loan=loan),
        "event_create": lambda: services.event_create(
            case=case, data={"kind": "borrower_objected", "at": timezone.now()}
        ),
        "event_delete": lambda: services.event_delete(event=event),
        "case_update": lambda: services.case_update(case=case, data={"timezone": "Asia/Tokyo"}),
    }
    calls[name]()


@pytest.mark.parametrize(
    "name",
    [
        "contact_create", "contact_update", "contact_answer", "contact_delete", "loan_create",
        "loan_update", "loan_delete", "event_create", "event_delete", "case_update",
    ],
)  # fmt: skip
def test_every_write_that_can_change_findings_moves_the_revision(case, name, engine_runs):
    case_findings(case=case)
    before = Case.objects.get(pk=case.pk).revision
    write(Case.objects.get(pk=case.pk), name)
    assert Case.objects.get(pk=case.pk).revision > before
    case_findings(case=case)
    assert len(engine_runs) == 2


def test_phone_import_commit_moves_the_revision(case, borrower, engine_runs):
    from imports.services import batch_commit, batch_create, batch_parse
    from tests.imports.conftest import SMS_SAMPLE, upload

    case_findings(case=case)
    batch = batch_create(case=case, owner=borrower, uploads=[upload("sms.xml", SMS_SAMPLE)])
    batch_commit(batch=batch_parse(batch_id=batch.pk))
    case_findings(case=case)
    assert len(engine_runs) == 2


def test_each_language_is_stored_once(demo, engine_runs):
    for language in ("zh-hans", "en", "zh-hans", "en"):
        with translation.override(language):
            result = case_findings(case=demo)
    assert len(engine_runs) == 2
    assert StoredFindings.objects.filter(case=demo).count() == 2
    with translation.override("en"):
        assert result.assessment.findings[0].summary.isascii()


def test_another_day_is_computed_again(demo, engine_runs):
    today = timezone.localdate()
    case_findings(case=demo, today=today)
    case_findings(case=demo, today=today + timedelta(days=1))
    case_findings(case=demo, today=today + timedelta(days=1))
    assert len(engine_runs) == 2


def test_an_edited_lpr_table_is_computed_again(demo, engine_runs):
    case_findings(case=demo)
    LprRate.objects.create(effective_on=date(2025, 6, 20), one_year_rate=Decimal("0.0290"))
    case_findings(case=demo)
    assert len(engine_runs) == 2


def test_a_renamed_directory_lender_is_computed_again(case, engine_runs):
    lender = Lender.objects.create(name="某某消费金融有限公司", lender_type="consumer_finance")
    LoanFactory(case=case, lender=lender, lender_name="")
    case_findings(case=case)
    lender.name = "某某消费金融股份有限公司"
    lender.save()
    case_findings(case=case)
    assert len(engine_runs) == 2


def test_another_engine_version_is_computed_again(demo, engine_runs, monkeypatch):
    case_findings(case=demo)
    monkeypatch.setattr(findings, "engine_version", lambda: "another")
    case_findings(case=demo)
    assert len(engine_runs) == 2


def test_an_unreadable_stored_row_is_computed_again(demo, borrower_client, engine_runs):
    page(borrower_client, demo)
    StoredFindings.objects.update(data={"assessment": {"findings": [{"rule": "nonsense"}]}})
    assert 'id="finding-' in page(borrower_client, demo)
    assert len(engine_runs) == 2


def test_stored_findings_hold_json_and_go_with_the_case(demo, borrower_client):
    page(borrower_client, demo)
    row = StoredFindings.objects.get(case=demo)
    json.dumps(row.data)
    assert row.revision == Case.objects.get(pk=demo.pk).revision
    services.case_delete(case=demo)
    assert not StoredFindings.objects.exists()


def test_a_finding_over_many_contacts_lists_thirty_and_counts_the_rest(case, borrower_client):
    night = datetime(2025, 4, 12, 23, 5, tzinfo=SHANGHAI)
    for n in range(45):
        ContactFactory(case=case, ref=f"C{n + 1}", occurred_at=night + timedelta(days=n))
    html = page(borrower_client, case)
    block = html.split('id="finding-quiet_hours"')[1].split("</details>")[0]
    assert block.count("/contacts/") == 30
    assert "and 15 more" in block
    assert "45 contacts" in block
