"""Evidence files: judged by content, limited in size, hashed, private, verifiable."""

import hashlib

import pytest
from django.urls import reverse

from cases import evidence as sniffing
from cases import services
from cases.models import Evidence
from tests.cases.conftest import JPEG_BYTES, PDF_BYTES, PNG_BYTES, upload
from tests.factories import ContactFactory


@pytest.mark.parametrize(
    ("head", "kind", "content_type"),
    [
        (PNG_BYTES, "image", "image/png"),
        (JPEG_BYTES, "image", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "image", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image", "image/webp"),
        (PDF_BYTES, "pdf", "application/pdf"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio", "audio/mpeg"),
        (b"\xff\xfb\x90\x64\x00", "audio", "audio/mpeg"),
        (b"\xff\xf1\x50\x80\x00", "audio", "audio/aac"),
        (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00", "audio", "audio/mp4"),
        (b"#!AMR\n\x3c", "audio", "audio/amr"),
        (b"#!AMR-WB\n\x00", "audio", "audio/amr-wb"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio", "audio/wav"),
        (b"OggS\x00\x02", "audio", "audio/ogg"),
    ],
)
def test_sniffer_recognises_accepted_formats(head, kind, content_type):
    found = sniffing.sniff(head)
    assert (found.kind, found.content_type) == (kind, content_type)


@pytest.mark.parametrize(
    "head",
    [
        b"hello, this is text",
        b"<html><script>alert(1)</script>",
        b"PK\x03\x04zipfile",
        b"MZ\x90\x00exe",
        b"\x00\x00\x00\x20ftypqt  video",
        b"",
    ],
)
def test_sniffer_refuses_everything_else(head):
    assert sniffing.sniff(head) is None


def upload_url(everything):
    return reverse("cases:evidence_create", args=[everything.case.pk, everything.contact.pk])


def test_png_renamed_pdf_is_stored_as_image(everything, borrower_client):
    response = borrower_client.post(
        upload_url(everything), {"file": upload("letter.pdf", PNG_BYTES, "application/pdf")}
    )
    assert response.status_code == 302
    stored = Evidence.objects.latest("id")
    assert (stored.kind, stored.content_type) == ("image", "image/png")
    assert stored.original_name == "letter.pdf"
    assert stored.file.name.endswith(".png")


def test_text_file_named_png_is_rejected(everything, borrower_client):
    before = Evidence.objects.count()
    response = borrower_client.post(
        upload_url(everything), {"file": upload("photo.png", b"just some text", "image/png")}
    )
    assert response.status_code == 200
    assert "not a picture, recording or PDF" in response.content.decode()
    assert Evidence.objects.count() == before


def test_file_over_the_size_limit_is_rejected(everything, borrower_client, settings):
    settings.EVIDENCE_MAX_BYTES = 50
    before = Evidence.objects.count()
    response = borrower_client.post(
        upload_url(everything), {"file": upload("big.png", PNG_BYTES + b"\x00" * 100)}
    )
    assert response.status_code == 200
    assert "may be at most" in response.content.decode()
    assert Evidence.objects.count() == before


def test_file_at_the_size_limit_is_accepted(everything, borrower_client, settings):
    settings.EVIDENCE_MAX_BYTES = len(PNG_BYTES)
    response = borrower_client.post(upload_url(everything), {"file": upload("ok.png", PNG_BYTES)})
    assert response.status_code == 302


def test_service_refuses_oversized_file_even_without_the_form(everything, settings):
    settings.EVIDENCE_MAX_BYTES = 10
    with pytest.raises(services.EvidenceRejected):
        services.evidence_add(contact=everything.contact, upload=upload("a.png", PNG_BYTES))


def test_hash_and_size_are_stored_and_name_is_random(everything):
    stored = services.evidence_add(
        contact=everything.contact, upload=upload("我的 截图.jpg", JPEG_BYTES)
    )
    assert stored.sha256 == hashlib.sha256(JPEG_BYTES).hexdigest()
    assert stored.size == len(JPEG_BYTES)
    assert "截图" not in stored.file.name
    assert stored.file.name != everything.evidence.file.name
    with stored.file.storage.open(stored.file.name, "rb") as handle:
        assert handle.read() == JPEG_BYTES


def test_verify_says_unchanged_then_detects_tampering(everything, borrower_client):
    evidence = everything.evidence
    url = reverse("cases:evidence_verify", args=[everything.case.pk, evidence.pk])
    assert services.evidence_verify(evidence=evidence)[0] is True
    assert "verify-ok" in borrower_client.get(url).content.decode()

    path = evidence.file.storage.path(evidence.file.name)
    with open(path, "ab") as handle:
        handle.write(b"edited")
    matches, current = services.evidence_verify(evidence=evidence)
    assert matches is False
    assert current == hashlib.sha256(PNG_BYTES + b"edited").hexdigest()
    html = borrower_client.get(url).content.decode()
    assert "verify-bad" in html and current in html


def test_verify_reports_a_missing_file(everything):
    everything.evidence.file.storage.delete(everything.evidence.file.name)
    assert services.evidence_verify(evidence=everything.evidence) == (False, "")


def test_download_is_an_attachment_with_stored_type_and_nosniff(everything, borrower_client):
    evidence = everything.evidence
    response = borrower_client.get(
        reverse("cases:evidence_download", args=[everything.case.pk, evidence.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG_BYTES


def test_images_may_be_shown_inline(everything, borrower_client):
    url = reverse("cases:evidence_download", args=[everything.case.pk, everything.evidence.pk])
    response = borrower_client.get(url + "?inline=1")
    assert response["Content-Disposition"].startswith("inline")


def test_pdf_is_never_inline(everything, borrower_client):
    pdf = services.evidence_add(contact=everything.contact, upload=upload("x.pdf", PDF_BYTES))
    url = reverse("cases:evidence_download", args=[everything.case.pk, pdf.pk])
    response = borrower_client.get(url + "?inline=1")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_bad_file_in_contact_form_keeps_what_was_typed(case, borrower_client):
    url = reverse("cases:contact_create", args=[case.pk])
    data = {
        "occurred_at": "2025-04-12T10:05",
        "channel": "call",
        "target": "borrower",
        "caller_name": "王经理",
        "content": "说要上门找我家人",
        "other_tags": "半夜打电话",
        "evidence": upload("rec.mp3", b"not really audio"),
    }
    response = borrower_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "not a picture, recording or PDF" in html
    assert "王经理" in html and "说要上门找我家人" in html and "半夜打电话" in html
    assert not case.contacts.exists()


def test_good_file_in_contact_form_is_attached(case, borrower_client):
    url = reverse("cases:contact_create", args=[case.pk])
    data = {
        "occurred_at": "2025-04-12T10:05",
        "channel": "sms",
        "target": "borrower",
        "evidence": upload("sms.jpg", JPEG_BYTES),
    }
    assert borrower_client.post(url, data).status_code == 302
    contact = case.contacts.get()
    assert contact.evidence.get().kind == "image"


def test_delete_requires_post_and_removes_the_file(everything, borrower_client):
    evidence = everything.evidence
    url = reverse("cases:evidence_delete", args=[everything.case.pk, evidence.pk])
    confirm = borrower_client.get(url)
    assert confirm.status_code == 200 and "Yes, delete" in confirm.content.decode()
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    response = borrower_client.post(url)
    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=evidence.pk).exists()


def test_deleting_a_file_removes_it_from_storage(everything, django_capture_on_commit_callbacks):
    evidence = everything.evidence
    storage, name = evidence.file.storage, evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_delete(evidence=evidence)
    assert not storage.exists(name)


def test_evidence_of_a_contact_in_another_case_cannot_be_uploaded_through_mine(
    everything, other_borrower, borrower_client
):
    theirs = ContactFactory(case__owner=other_borrower)
    url = reverse("cases:evidence_create", args=[everything.case.pk, theirs.pk])
    response = borrower_client.post(url, {"file": upload("a.png", PNG_BYTES)})
    assert response.status_code == 404
