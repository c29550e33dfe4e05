"""Every text a contact or event holds has a limit, in the forms, the model, the database and
the bundle import; the bundle names the path of the text that is too long."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from cases.bundle import BundleError, bundle_parse, case_import_bundle
from cases.forms import CaseEventForm, ContactForm
from cases.models import Case, CaseEvent, Contact
from rules.domain import CONTENT_MAX_LENGTH, NOTE_MAX_LENGTH
from tests.cases.test_bundle_parse import sample
from tests.factories import ContactFactory

TOO_LONG = "还" * (CONTENT_MAX_LENGTH + 1)
LONGEST = "还" * CONTENT_MAX_LENGTH


def errors_of(data) -> dict[str, str]:
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    return {issue.path: issue.text for issue in info.value.errors}


def test_contact_content_over_the_limit_fails_validation(case):
    contact = ContactFactory.build(case=case, ref="C9", content=TOO_LONG)
    with pytest.raises(ValidationError) as info:
        contact.full_clean()
    assert "content" in info.value.message_dict


def test_contact_content_at_the_limit_is_kept_whole(case):
    contact = ContactFactory(case=case, content=LONGEST)
    contact.full_clean()
    contact.refresh_from_db()
    assert len(contact.content) == CONTENT_MAX_LENGTH


def test_database_refuses_over_long_content_that_skipped_validation(case):
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(case=case, ref="C1", channel="sms", content=TOO_LONG)


def test_database_refuses_over_long_event_note(case):
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.create(
            case=case, kind="borrower_objected", note="x" * (NOTE_MAX_LENGTH + 1)
        )


def test_bundle_content_over_the_limit_names_the_path():
    data = sample()
    data["contacts"][1]["content"] = TOO_LONG
    errors = errors_of(data)
    assert set(errors) == {"contacts[1].content"}
    assert "20,001" in errors["contacts[1].content"]
    assert "20,000" in errors["contacts[1].content"]


def test_bundle_limit_message_is_translated():
    data = sample()
    data["contacts"][0]["content"] = TOO_LONG
    with translation.override("zh-hans"):
        (issue,) = pytest.raises(BundleError, bundle_parse, data).value.errors
        assert str(issue) == "contacts[0].content: 太长：20,001 个字符，最多 20,000 个。"


def test_bundle_event_note_over_the_limit_names_the_path():
    data = sample()
    data["events"] = [
        {"kind": "borrower_objected", "at": "2025-04-20T10:00:00+08:00", "note": "x" * 4001}
    ]
    assert set(errors_of(data)) == {"events[0].note"}


def test_bundle_with_over_long_content_saves_nothing(borrower):
    data = sample()
    data["contacts"][0]["content"] = TOO_LONG
    with pytest.raises(BundleError):
        case_import_bundle(owner=borrower, data=json.dumps(data))
    assert not Case.objects.exists()


def test_bundle_content_at_the_limit_is_imported(borrower):
    data = sample()
    data["contacts"][0]["content"] = LONGEST
    case = case_import_bundle(owner=borrower, data=data)
    assert len(case.contacts.get(ref=data["contacts"][0]["ref"]).content) == CONTENT_MAX_LENGTH


def test_contact_form_refuses_over_long_content(case):
    form = ContactForm(
        {"occurred_at": "2025-04-12T10:00", "channel": "sms", "target": "borrower",
         "content": TOO_LONG},
        case=case,
    )  # fmt: skip
    assert not form.is_valid()
    assert "content" in form.errors


def test_event_form_refuses_over_long_note(case):
    form = CaseEventForm(
        {
            "kind": "borrower_objected",
            "at": "2025-04-12T10:00",
            "note": "x" * (NOTE_MAX_LENGTH + 1),
        },
        case=case,
    )
    assert not form.is_valid()
    assert "note" in form.errors


def test_quick_add_refuses_over_long_content_and_saves_nothing(case, borrower_client):
    response = borrower_client.post(
        reverse("cases:contact_quick_add", args=[case.pk]),
        {"occurred_at": "2025-04-12T10:00", "channel": "sms", "target": "borrower",
         "content": TOO_LONG},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="quick-add",
    )  # fmt: skip
    assert response.status_code == 200
    assert "at most 20000 characters" in response.content.decode()
    assert not case.contacts.exists()


def test_text_areas_tell_the_browser_the_limit(case, borrower_client):
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert f'maxlength="{CONTENT_MAX_LENGTH}"' in html
