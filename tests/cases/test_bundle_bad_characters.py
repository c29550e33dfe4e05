"""Text a database cannot store (a lone UTF-16 surrogate, a NUL) is refused by name, never a 500.

JSON may spell a lone surrogate as "\\ud800"; Python decodes it, and saving it
then fails with UnicodeEncodeError (a 500). PostgreSQL refuses NUL in text.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.bundle import BundleError, bundle_parse
from cases.models import Case

pytestmark = pytest.mark.django_db


def bundle_text(**contact) -> bytes:
    data = {
        "format": "selfhelp.case/1",
        "borrower": {"name": "李晓梅"},
        "loans": [{"ref": "L1", "lender": "某某小贷"}],
        "contacts": [
            {
                "ref": "C1",
                "occurred_at": "2025-04-12T23:05:00",
                "channel": "call",
                "target": "borrower",
                **contact,
            }
        ],
    }
    # ensure_ascii writes a lone surrogate as the \ud800 escape, as a broken exporter would.
    return json.dumps(data, ensure_ascii=True).encode()


def post(client, data: bytes):
    upload = SimpleUploadedFile("case.json", data, content_type="application/json")
    return client.post(reverse("cases:case_import"), {"file": upload})


def errors_of(data: bytes) -> dict[str, str]:
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    return {issue.path: issue.text for issue in info.value.errors}


def test_good_text_imports(borrower_client):
    response = post(borrower_client, bundle_text(content="催收员说今天不还就上门。"))

    assert response.status_code == 302
    assert Case.objects.count() == 1


def test_lone_surrogate_is_a_bundle_error_naming_the_field():
    errors = errors_of(bundle_text(content="还款\ud800"))

    assert "broken character" in errors["contacts[0].content"]


def test_lone_surrogate_upload_answers_400_not_500(borrower_client):
    response = post(borrower_client, bundle_text(content="还款\ud800"))

    assert response.status_code == 400
    assert "contacts[0].content" in response.content.decode()
    assert not Case.objects.exists()


def test_nul_is_refused_with_a_clear_message(borrower_client):
    response = post(borrower_client, bundle_text(content="还款\x00"))

    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert not Case.objects.exists()


def test_nul_in_a_tag_is_refused():
    errors = errors_of(bundle_text(tags=["threat\x00"]))

    assert "NUL" in errors["contacts[0].tags[0]"]


def test_surrogate_in_an_unknown_key_is_shown_escaped(borrower_client):
    response = post(borrower_client, bundle_text(**{"x\udfff": 1}))

    assert response.status_code == 400
    assert "contacts[0].x\\udfff" in response.content.decode()


def test_surrogate_in_a_quoted_reference_is_shown_escaped(borrower_client):
    response = post(borrower_client, bundle_text(loan="L\ud800"))

    assert response.status_code == 400
    assert "L\\ud800" in response.content.decode()
