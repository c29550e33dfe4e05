"""Possible findings on a contact: the borrower confirms or dismisses them with one tap."""

import pytest
from django.urls import reverse

from cases import selectors, services
from cases.models import Contact
from rules.engine.detect import detector_version
from tests.factories import ContactFactory


@pytest.fixture
def possible_threat(case):
    """A contact whose stored detection found a threat by the model alone."""
    return ContactFactory(
        case=case,
        ref="C9",
        target="borrower",
        content="你等着吧，有你好受的",
        detected={"threat": "possible"},
        detector_version=detector_version(),
    )


def answer_url(contact):
    return reverse("cases:contact_answer", args=[contact.case.pk, contact.pk])


def certainty_of(case, rule):
    findings = selectors.case_findings(case=case).assessment.findings
    return {str(f.certainty) for f in findings if f.rule == rule}


def test_model_only_detection_is_a_possible_finding(possible_threat):
    assert certainty_of(possible_threat.case, "threat") == {"possible"}


def test_confirming_makes_the_finding_certain(borrower_client, possible_threat):
    response = borrower_client.post(
        answer_url(possible_threat), {"rule": "threat", "answer": "confirmed"}
    )
    assert response.status_code == 302
    possible_threat.refresh_from_db()
    assert possible_threat.answers == {"threat": "confirmed"}
    assert certainty_of(possible_threat.case, "threat") == {"certain"}


def test_dismissing_removes_the_finding(borrower_client, possible_threat):
    borrower_client.post(answer_url(possible_threat), {"rule": "threat", "answer": "dismissed"})
    assert certainty_of(possible_threat.case, "threat") == set()


def test_undo_brings_the_possible_finding_back(borrower_client, possible_threat):
    borrower_client.post(answer_url(possible_threat), {"rule": "threat", "answer": "dismissed"})
    borrower_client.post(answer_url(possible_threat), {"rule": "threat", "answer": ""})
    possible_threat.refresh_from_db()
    assert possible_threat.answers == {}
    assert certainty_of(possible_threat.case, "threat") == {"possible"}


def test_the_answer_wins_over_a_new_detection(possible_threat):
    services.contact_answer(contact=possible_threat, rule="threat", answer="dismissed")
    services.contact_update(contact=possible_threat, data={"content": "你等着吧，有你好受的！"})
    assert certainty_of(possible_threat.case, "threat") == set()


def test_htmx_post_returns_the_answers_fragment(borrower_client, possible_threat):
    response = borrower_client.post(
        answer_url(possible_threat),
        {"rule": "threat", "answer": "confirmed"},
        headers={"HX-Request": "true", "HX-Target": "answers"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="answers"')
    assert "You confirmed this" in body
    assert "caseChanged" in response.headers["HX-Trigger-After-Settle"]


def test_contact_page_offers_confirm_and_dismiss_for_a_possible_finding(
    borrower_client, possible_threat
):
    page = borrower_client.get(
        reverse("cases:contact_detail", args=[possible_threat.case.pk, possible_threat.pk])
    ).content.decode()
    assert 'value="confirmed"' in page
    assert 'value="dismissed"' in page
    assert "Possible" in page


def test_unknown_rule_is_refused_and_nothing_saved(borrower_client, possible_threat):
    response = borrower_client.post(
        answer_url(possible_threat), {"rule": "quiet_hours", "answer": "confirmed"}
    )
    assert response.status_code == 302
    assert "This answer cannot be recorded." in borrower_client.get(response.url).content.decode()
    possible_threat.refresh_from_db()
    assert possible_threat.answers == {}


def test_volunteer_cannot_answer(volunteer_client, shared_case):
    contact = ContactFactory(case=shared_case, ref="C9", detected={"threat": "possible"})
    response = volunteer_client.post(answer_url(contact), {"rule": "threat", "answer": "confirmed"})
    assert response.status_code == 403
    assert Contact.objects.get(pk=contact.pk).answers == {}


def test_other_borrower_gets_404(other_client, possible_threat):
    response = other_client.post(
        answer_url(possible_threat), {"rule": "threat", "answer": "confirmed"}
    )
    assert response.status_code == 404


def test_get_is_not_allowed(borrower_client, possible_threat):
    assert borrower_client.get(answer_url(possible_threat)).status_code == 405


def test_saving_a_contact_stores_its_detection(case):
    contact = services.contact_create(
        case=case,
        data={"channel": "sms", "target": "borrower", "content": "再不还钱就打断你的腿"},
    )
    assert contact.detected["threat"] == "certain"
    assert contact.detector_version == detector_version()


def test_case_page_reads_stored_detection_without_detecting_again(possible_threat, monkeypatch):
    import sys

    assess_module = sys.modules["rules.engine.assess"]

    def fail(_text):
        raise AssertionError("detected again")

    monkeypatch.setattr(assess_module, "detect_text", fail)
    assert certainty_of(possible_threat.case, "threat") == {"possible"}


def test_stale_detection_is_made_again(case):
    contact = ContactFactory(
        case=case, content="再不还钱就打断你的腿", detected={}, detector_version="old"
    )
    assert contact.stored_detection() is None
    assert certainty_of(case, "threat") == {"certain"}


def test_volunteer_sees_certain_findings_by_default(volunteer_client, shared_case):
    ContactFactory(
        case=shared_case,
        ref="C9",
        target="borrower",
        detected={"insult": "possible"},
        detector_version=detector_version(),
    )
    url = reverse("cases:case_detail", args=[shared_case.pk])
    page = volunteer_client.get(url).content.decode()
    assert 'id="finding-insult"' not in page
    assert "Show possible findings too" in page
    page = volunteer_client.get(url + "?possible=1").content.decode()
    assert 'id="finding-insult"' in page


def test_letters_cite_only_certain_findings_unless_asked(possible_threat):
    from letters.services import letter_input_for_case

    case = possible_threat.case
    plain = letter_input_for_case(case=case, language="en", fields={})
    assert "threat" not in {f.rule for f in plain.assessment.findings}
    asked = letter_input_for_case(case=case, language="en", fields={"include_possible": True})
    assert "threat" in {f.rule for f in asked.assessment.findings}


def test_refresh_detection_updates_only_stale_contacts(case):
    from django.core.management import call_command

    stale = ContactFactory(case=case, content="再不还钱就打断你的腿", detector_version="old")
    fresh = ContactFactory(
        case=case, ref="C8", content="你好", detected={}, detector_version=detector_version()
    )
    call_command("refresh_detection", stdout=None)
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.detector_version == detector_version()
    assert stale.detected["threat"] == "certain"
    assert fresh.detected == {}
