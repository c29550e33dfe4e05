"""The download name's extension follows the type the content really is, never the uploader's."""

import pytest
from django.urls import reverse

from cases import services
from cases.evidence import download_name
from tests.cases.conftest import PDF_BYTES, PNG_BYTES, upload

pytestmark = pytest.mark.django_db


def download(client, evidence):
    url = reverse("cases:evidence_download", args=[evidence.case_id, evidence.pk])
    return client.get(url)


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("evidence-screenshot.hta", "image/png", "evidence-screenshot.png"),
        ("page.html", "image/jpeg", "page.jpg"),
        ("recording.exe", "audio/mp4", "recording.m4a"),
        ("contract.PDF", "application/pdf", "contract.pdf"),
        ("a.b.html", "image/png", "a.b.png"),
        ("no-extension", "image/png", "no-extension.png"),
        ("C:\\Users\\me\\shot.hta", "image/png", "shot.png"),
        ("", "image/png", "evidence.png"),
        ("录音.m4a", "audio/mp4", "录音.m4a"),
    ],
)
def test_download_name_takes_the_extension_of_the_detected_type(name, content_type, expected):
    assert download_name(name, content_type) == expected


def test_png_uploaded_as_hta_downloads_as_png(shared_everything, volunteer_client):
    evidence = services.evidence_add(
        contact=shared_everything.contact,
        upload=upload("evidence-screenshot.hta", PNG_BYTES, "application/hta"),
    )

    response = download(volunteer_client, evidence)

    assert response.status_code == 200
    assert 'filename="evidence-screenshot.png"' in response["Content-Disposition"]
    assert ".hta" not in response["Content-Disposition"]


def test_pdf_uploaded_as_html_downloads_as_pdf(everything, borrower_client):
    evidence = services.evidence_add(
        contact=everything.contact, upload=upload("statement.html", PDF_BYTES, "text/html")
    )

    response = download(borrower_client, evidence)

    assert 'filename="statement.pdf"' in response["Content-Disposition"]


def test_the_uploaders_name_stays_the_label(everything):
    evidence = services.evidence_add(
        contact=everything.contact, upload=upload("evidence-screenshot.hta", PNG_BYTES)
    )

    assert evidence.original_name == "evidence-screenshot.hta"
    assert evidence.download_name == "evidence-screenshot.png"
