import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import AccessLog, Case, Contact
from tests.factories import ContactFactory, LoanFactory

SAMPLE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "case-bundle.example.json"
)


def _bundle(**overrides):
    data = {
        "format": "selfhelp.case/1",
        "timezone": "Asia/Shanghai",
        "borrower": {"name": "李晓梅"},
        "loans": [{"ref": "L1", "lender": "浙江网商银行股份有限公司", "lender_type": "bank"}],
        "contacts": [
            {
                "ref": "C1",
                "loan": "L1",
                "occurred_at": "2025-04-12T23:05:00",
                "channel": "call",
                "target": "borrower",
            },
            {
                "ref": "C2",
                "occurred_at": "2025-04-13T10:00:00+08:00",
                "channel": "sms",
                "target": "relative",
            },
        ],
        "events": [],
    }
    data.update(overrides)
    return SimpleUploadedFile(
        "case.json", json.dumps(data).encode(), content_type="application/json"
    )


def test_import_creates_the_case_for_the_user(borrower_client, borrower):
    response = borrower_client.post(reverse("cases:case_import"), {"file": _bundle()})
    case = Case.objects.get(owner=borrower)
    assert response.status_code == 302
    assert response.url == reverse("cases:case_detail", args=[case.pk])
    assert sorted(case.contacts.values_list("ref", flat=True)) == ["C1", "C2"]


def test_invalid_bundle_names_the_bad_field_and_saves_nothing(borrower_client):
    bad = _bundle(
        contacts=[
            {"ref": "C1", "occurred_at": "not a time", "channel": "call", "target": "borrower"}
        ]
    )
    response = borrower_client.post(reverse("cases:case_import"), {"file": bad})
    assert response.status_code == 400
    assert "contacts[0].occurred_at" in response.content.decode()
    assert not Case.objects.exists()
    assert not Contact.objects.exists()


def test_non_json_file_is_rejected_with_a_message(borrower_client):
    junk = SimpleUploadedFile("case.json", b"\x89PNG not json")
    response = borrower_client.post(reverse("cases:case_import"), {"file": junk})
    assert response.status_code == 400
    assert not Case.objects.exists()


def test_import_error_is_in_chinese_by_default(borrower_client, settings):
    borrower_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    bad = _bundle(format="something/2")
    response = borrower_client.post(reverse("cases:case_import"), {"file": bad})
    text = response.content.decode()
    assert "<code>format</code>" in text
    assert "没有保存任何内容" in text


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("cases:case_import"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_export_downloads_the_bundle(borrower_client, case):
    loan = LoanFactory(case=case, ref="L1")
    ContactFactory(case=case, ref="C1", loan=loan)
    response = borrower_client.get(reverse("cases:case_export", args=[case.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["format"] == "selfhelp.case/1"
    assert [c["ref"] for c in data["contacts"]] == ["C1"]


def test_export_then_import_round_trips_through_the_ui(borrower_client, borrower, case):
    loan = LoanFactory(case=case, ref="L1")
    ContactFactory(case=case, ref="C1", loan=loan, tags=["threat"])
    first = borrower_client.get(reverse("cases:case_export", args=[case.pk])).content
    upload = SimpleUploadedFile("case.json", first)
    borrower_client.post(reverse("cases:case_import"), {"file": upload})
    copy = Case.objects.exclude(pk=case.pk).get(owner=borrower)
    second = borrower_client.get(reverse("cases:case_export", args=[copy.pk])).content
    assert json.loads(first) == json.loads(second)


def test_other_borrower_gets_404_on_export(other_client, case):
    assert other_client.get(reverse("cases:case_export", args=[case.pk])).status_code == 404


def test_outsider_volunteer_gets_404_on_export(outsider_client, shared_case):
    assert (
        outsider_client.get(reverse("cases:case_export", args=[shared_case.pk])).status_code == 404
    )


def test_volunteer_export_of_shared_case_is_logged(volunteer_client, shared_case):
    response = volunteer_client.get(reverse("cases:case_export", args=[shared_case.pk]))
    assert response.status_code == 200
    assert AccessLog.objects.filter(case=shared_case, action="case_export").exists()


def test_export_rejects_post(borrower_client, case):
    assert borrower_client.post(reverse("cases:case_export", args=[case.pk])).status_code == 405


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared samples not available")
def test_the_shared_sample_imports_through_the_ui(borrower_client, borrower):
    upload = SimpleUploadedFile("sample.json", SAMPLE.read_bytes())
    response = borrower_client.post(reverse("cases:case_import"), {"file": upload})
    assert response.status_code == 302
    assert Case.objects.get(owner=borrower).contacts.count() == 4


def test_export_keeps_the_title_and_import_restores_it(borrower_client, borrower, case):
    from cases.models import Case

    case.title = "网商贷 · 我自己起的名字"
    case.save()
    exported = borrower_client.get(reverse("cases:case_export", args=[case.pk])).content
    assert json.loads(exported)["x-title"] == "网商贷 · 我自己起的名字"
    borrower_client.post(
        reverse("cases:case_import"),
        {"file": SimpleUploadedFile("case.json", exported, "application/json")},
    )
    assert Case.objects.filter(owner=borrower, title="网商贷 · 我自己起的名字").count() == 2
