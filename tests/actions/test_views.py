"""Action pages: access, recording, answers, outcomes, and the escalation letter."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import Action
from cases.models import CaseEvent
from letters.models import LetterDraft

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def list_url(case):
    return reverse("actions:action_list", args=[case.pk])


def test_anonymous_is_sent_to_login(client, case):
    assert client.get(list_url(case)).status_code == 302


def test_another_borrower_gets_404(other_client, case, complaint):
    assert other_client.get(list_url(case)).status_code == 404
    assert (
        other_client.get(reverse("actions:action_detail", args=[complaint.pk])).status_code == 404
    )


def test_outsider_volunteer_gets_404(client, outsider_volunteer, shared_case, complaint):
    client.force_login(outsider_volunteer)
    assert client.get(list_url(shared_case)).status_code == 404


def test_volunteer_reads_but_may_not_record(volunteer_client, shared_case, complaint):
    assert volunteer_client.get(list_url(shared_case)).status_code == 200
    url = reverse("actions:action_create", args=[shared_case.pk])
    assert volunteer_client.get(url).status_code == 403
    outcome = reverse("actions:outcome_set", args=[complaint.pk])
    assert volunteer_client.post(outcome, {"outcome": "resolved"}).status_code == 403


def test_wrong_method_is_refused(borrower_client, complaint):
    assert (
        borrower_client.get(reverse("actions:outcome_set", args=[complaint.pk])).status_code == 405
    )


def test_borrower_records_a_phone_complaint_with_a_ticket_number(borrower_client, case, loan):
    url = reverse("actions:action_create", args=[case.pk])
    response = borrower_client.post(url, {
        "channel": "lender", "method": "phone", "loan": loan.pk, "sent_on": "2026-03-01",
        "ticket_number": "T-1",
    })  # fmt: skip
    action = Action.objects.get()
    assert response.status_code == 302
    assert (action.ticket_number, action.sent_on, action.created_by_id) == (
        "T-1",
        date(2026, 3, 1),
        case.owner_id,
    )


def test_registered_post_needs_its_tracking_number(borrower_client, case, loan):
    url = reverse("actions:action_create", args=[case.pk])
    response = borrower_client.post(
        url, {"channel": "lender", "method": "registered_post", "sent_on": "2026-03-01"}
    )
    assert response.status_code == 200
    assert not Action.objects.exists()


def test_received_before_sent_is_refused(borrower_client, case):
    url = reverse("actions:action_create", args=[case.pk])
    borrower_client.post(
        url,
        {
            "channel": "lender",
            "method": "online",
            "sent_on": "2026-03-05",
            "received_on": "2026-03-01",
        },
    )
    assert not Action.objects.exists()


def test_case_page_lists_the_open_action_with_days_left(borrower_client, case, complaint):
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert 'id="actions"' in html
    assert reverse("actions:action_detail", args=[complaint.pk]) in html


def test_an_answer_with_a_file_is_kept_as_evidence(borrower_client, complaint):
    url = reverse("actions:response_create", args=[complaint.pk])
    upload = SimpleUploadedFile("answer.png", PNG, content_type="image/png")
    response = borrower_client.post(
        url, {"received_on": "2026-03-10", "text": "已受理", "file": upload}
    )
    assert response.status_code == 302
    answer = complaint.responses.get()
    assert answer.evidence.case_id == complaint.case_id and answer.evidence.contact is None


def test_a_repayment_plan_outcome_becomes_the_installment_agreement_event(
    borrower_client, complaint
):
    url = reverse("actions:outcome_set", args=[complaint.pk])
    borrower_client.post(
        url, {"outcome": "resolved", "outcome_on": "2026-03-12", "repayment_plan": "on"}
    )
    complaint.refresh_from_db()
    assert complaint.outcome == "resolved"
    event = CaseEvent.objects.get(case=complaint.case)
    assert event.kind == "installment_agreement_signed" and event.loan_id == complaint.loan_id


def test_escalation_letter_states_the_earlier_complaint_and_that_no_answer_came(
    borrower_client, case, complaint
):
    response = borrower_client.post(
        reverse("actions:escalate", args=[case.pk]), {"kind": "complaint_regulator"}
    )
    draft = LetterDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "letters:letter_edit", args=[draft.pk]
    )
    text = draft.fields["prior_complaint"]
    assert (
        text
        == "本人已于2026年3月1日向被投诉人投诉（工单号：T-2026-0301）。截至2026年3月16日，本人未收到答复。"
    )


def test_volunteer_may_not_start_an_escalation_letter(volunteer_client, shared_case, complaint):
    response = volunteer_client.post(
        reverse("actions:escalate", args=[shared_case.pk]), {"kind": "complaint_regulator"}
    )
    assert response.status_code == 403
    assert not LetterDraft.objects.exists()


def test_the_saved_action_plan_shows_the_ladder_with_the_complaint_ticked(
    borrower_client, case, borrower, complaint
):
    from guidance.services import guidance_plan_create
    from tests.test_smoke import PLAN_ANSWERS

    plan = guidance_plan_create(owner=borrower, case=case, answers=PLAN_ANSWERS)
    html = borrower_client.get(reverse("guidance:plan_detail", args=[plan.pk])).content.decode()
    assert 'id="plan-ladder"' in html
    assert 'class="ladder-step done"' in html


def test_case_page_without_actions_runs_no_action_overview(borrower_client, case, monkeypatch):
    from actions import selectors

    monkeypatch.setattr(
        selectors, "actions_overview", lambda **kw: (_ for _ in ()).throw(AssertionError)
    )
    response = borrower_client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
