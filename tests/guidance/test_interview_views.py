"""The guided interview: one question per screen, back keeps answers, plan, saving on a case."""

import pytest
from django.urls import reverse

from guidance.models import GuidancePlan
from guidance.questions import QUESTION_KEYS
from tests.factories import CaseFactory

URL = "/help/interview/"
ANSWERS = {
    "danger": "no",
    "loan_types": ["credit_card"],
    "conduct": ["night_calls", "third_party_calls"],
    "third_party_objected": "yes",
    "can_pay": "some",
    "negotiate": "yes",
    "last_payment": "recent",
}


def _answer_all(client, answers=ANSWERS):
    response = None
    for key in QUESTION_KEYS:
        response = client.post(URL, {"step": key, "go": "next", "answer": answers[key]})
    return response


def test_url_name_matches_the_path():
    assert reverse("guidance:interview") == URL


@pytest.mark.django_db
def test_anonymous_can_start_the_interview_with_one_h1_and_a_legend(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<fieldset" in html and "<legend>" in html
    assert 'name="step" value="danger"' in html


@pytest.mark.django_db
def test_answering_moves_to_the_next_question(client):
    response = client.post(URL, {"step": "danger", "go": "next", "answer": "no"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?step=loan_types"


@pytest.mark.django_db
def test_missing_answer_shows_an_error_on_the_same_step(client):
    response = client.post(URL, {"step": "danger", "go": "next"})
    assert response.status_code == 200
    assert 'name="step" value="danger"' in response.content.decode()
    assert "danger" not in client.session.get("guidance_interview", {})


@pytest.mark.django_db
def test_back_keeps_the_answers(client):
    client.post(URL, {"step": "danger", "go": "next", "answer": "no"})
    client.post(URL, {"step": "loan_types", "go": "next", "answer": ["credit_card", "bank_online"]})
    response = client.post(URL, {"step": "conduct", "go": "back"})
    assert response["Location"] == f"{URL}?step=loan_types"
    html = client.get(response["Location"]).content.decode()
    assert html.count(" checked") == 2
    assert 'value="credit_card"' in html and 'value="bank_online"' in html
    assert client.get(f"{URL}?step=danger").content.decode().count(" checked") == 1


@pytest.mark.django_db
def test_back_saves_a_valid_answer_on_the_current_step(client):
    client.post(URL, {"step": "danger", "go": "next", "answer": "no"})
    client.post(URL, {"step": "loan_types", "go": "back", "answer": ["private_lender"]})
    assert client.session["guidance_interview"]["loan_types"] == ["private_lender"]


@pytest.mark.django_db
def test_danger_answer_shows_110_on_the_next_step(client):
    client.post(URL, {"step": "danger", "go": "next", "answer": "yes"})
    html = client.get(f"{URL}?step=loan_types").content.decode()
    assert 'class="button danger call-110" href="tel:110"' in html


@pytest.mark.django_db
def test_no_danger_answer_shows_no_110_box(client):
    client.post(URL, {"step": "danger", "go": "next", "answer": "no"})
    html = client.get(f"{URL}?step=loan_types").content.decode()
    assert "call-110" not in html


@pytest.mark.django_db
def test_htmx_step_returns_the_fragment_only(client):
    headers = {"HX-Request": "true", "HX-Target": "interview-step"}
    response = client.post(URL, {"step": "danger", "go": "next", "answer": "yes"}, headers=headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="interview-step"')
    assert "<h1" not in html
    assert 'name="step" value="loan_types"' in html
    assert "call-110" in html
    assert response["HX-Push-Url"] == f"{URL}?step=loan_types"
    full = client.get(f"{URL}?step=loan_types").content.decode()
    assert "<h1" in full


@pytest.mark.django_db
def test_finishing_leads_to_the_plan_with_rule_links(client):
    response = _answer_all(client)
    assert response["Location"] == reverse("guidance:interview_plan")
    html = client.get(response["Location"]).content.decode()
    assert html.count("<h1") == 1
    assert 'href="/rules/quiet_hours/"' in html
    assert 'href="/rules/third_party_contacted_after_objection/"' in html
    assert 'data-letter="negotiation"' in html
    assert 'href="tel:12348"' in html


@pytest.mark.django_db
def test_plan_before_finishing_redirects_to_the_first_open_question(client):
    client.post(URL, {"step": "danger", "go": "next", "answer": "no"})
    response = client.get(reverse("guidance:interview_plan"))
    assert response["Location"] == f"{URL}?step=loan_types"


@pytest.mark.django_db
def test_danger_plan_shows_110_first(client):
    _answer_all(client, {**ANSWERS, "danger": "yes"})
    html = client.get(reverse("guidance:interview_plan")).content.decode()
    assert html.index("call-110") < html.index("step-record_contacts")


@pytest.mark.django_db
def test_anonymous_plan_offers_signup_not_linking(client):
    _answer_all(client)
    html = client.get(reverse("guidance:interview_plan")).content.decode()
    assert reverse("guidance:plan_link") not in html
    assert reverse("accounts:signup") in html


@pytest.mark.django_db
def test_restart_clears_the_answers(client):
    _answer_all(client)
    client.post(reverse("guidance:interview_restart"))
    assert "guidance_interview" not in client.session


@pytest.mark.django_db
def test_owner_can_link_plan_to_their_case(borrower_client, case, borrower):
    _answer_all(borrower_client)
    html = borrower_client.get(reverse("guidance:interview_plan")).content.decode()
    assert reverse("guidance:plan_link") in html and case.title in html
    response = borrower_client.post(reverse("guidance:plan_link"), {"case": case.pk})
    saved = GuidancePlan.objects.get()
    assert response["Location"] == reverse("guidance:plan_detail", args=[saved.pk])
    assert saved.case == case and saved.owner == borrower
    assert "quiet_hours" in saved.plan["rules"]
    detail = borrower_client.get(response["Location"]).content.decode()
    assert detail.count("<h1") == 1
    assert f'href="/cases/{case.pk}/"' in detail
    assert 'href="/rules/quiet_hours/"' in detail


@pytest.mark.django_db
def test_linking_to_someone_elses_case_gives_404(other_client, case):
    _answer_all(other_client)
    response = other_client.post(reverse("guidance:plan_link"), {"case": case.pk})
    assert response.status_code == 404
    assert not GuidancePlan.objects.exists()


@pytest.mark.django_db
def test_volunteer_cannot_link_to_a_shared_case(volunteer_client, shared_case):
    _answer_all(volunteer_client)
    response = volunteer_client.post(reverse("guidance:plan_link"), {"case": shared_case.pk})
    assert response.status_code == 403
    assert not GuidancePlan.objects.exists()


@pytest.mark.django_db
def test_anonymous_cannot_link_a_plan(client, case):
    _answer_all(client)
    response = client.post(reverse("guidance:plan_link"), {"case": case.pk})
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not GuidancePlan.objects.exists()


@pytest.mark.django_db
def test_get_on_plan_link_is_not_allowed(borrower_client):
    assert borrower_client.get(reverse("guidance:plan_link")).status_code == 405


@pytest.mark.django_db
def test_someone_elses_saved_plan_gives_404(other_client, borrower, case):
    saved = GuidancePlan.objects.create(owner=borrower, case=case, answers={}, plan={"steps": []})
    response = other_client.get(reverse("guidance:plan_detail", args=[saved.pk]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_plan_on_a_case_the_owner_no_longer_owns_gives_404(
    borrower_client, borrower, other_borrower
):
    foreign = CaseFactory(owner=other_borrower)
    saved = GuidancePlan.objects.create(owner=borrower, case=foreign, answers={}, plan={})
    assert borrower_client.get(reverse("guidance:plan_detail", args=[saved.pk])).status_code == 404


@pytest.mark.django_db
def test_a_saved_plans_letters_link_to_the_cases_letters_page(borrower_client, borrower, case):
    from guidance.services import guidance_plan_create

    saved = guidance_plan_create(owner=borrower, case=case, answers=ANSWERS)
    html = borrower_client.get(reverse("guidance:plan_detail", args=[saved.pk])).content.decode()
    letters = reverse("letters:letter_index", args=[case.pk])
    assert 'data-letter="' in html
    assert f'<a href="{letters}#kind-' in html
