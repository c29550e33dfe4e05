import pytest
from django.urls import reverse

from letters.models import LetterDraft, LetterVersion
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def loan(case):
    return LoanFactory(case=case)


@pytest.fixture
def draft(case, borrower, loan):
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case,
        owner=borrower,
        kind="stop_harassment",
        language="zh-hans",
        fields={"loan": loan.ref},
    )


def test_index_lists_every_kind(borrower_client, case):
    response = borrower_client.get(reverse("letters:letter_index", args=[case.pk]))
    assert response.status_code == 200
    assert response.content.count(b'name="kind"') == 9


def test_anonymous_is_sent_to_login(client, case):
    response = client.get(reverse("letters:letter_index", args=[case.pk]))
    assert response.status_code == 302


def test_other_borrower_gets_404(other_client, case, draft):
    assert other_client.get(reverse("letters:letter_index", args=[case.pk])).status_code == 404
    assert other_client.get(reverse("letters:letter_edit", args=[draft.pk])).status_code == 404


def test_outsider_volunteer_gets_404(outsider_client, shared_case, draft):
    assert outsider_client.get(reverse("letters:letter_edit", args=[draft.pk])).status_code == 404


def test_owner_creates_a_draft(borrower_client, case, loan):
    url = reverse("letters:letter_index", args=[case.pk])
    response = borrower_client.post(url, {"kind": "negotiation", "language": "en"})
    draft = LetterDraft.objects.get()
    assert response.status_code == 302
    assert (draft.kind, draft.language, draft.fields["loan"]) == ("negotiation", "en", loan.ref)


def test_volunteer_may_view_but_not_create(volunteer_client, shared_case, draft):
    url = reverse("letters:letter_index", args=[shared_case.pk])
    assert volunteer_client.get(url).status_code == 200
    assert volunteer_client.post(url, {"kind": "negotiation", "language": "en"}).status_code == 403
    assert volunteer_client.get(reverse("letters:letter_edit", args=[draft.pk])).status_code == 200
    finalise = reverse("letters:letter_finalise", args=[draft.pk])
    assert volunteer_client.post(finalise).status_code == 403


def test_edit_page_shows_the_preview(borrower_client, draft):
    response = borrower_client.get(reverse("letters:letter_edit", args=[draft.pk]))
    assert b'id="letter-preview"' in response.content
    assert "关于立即停止违规催收行为的函".encode() in response.content


def test_htmx_preview_returns_only_the_fragment(borrower_client, draft):
    url = reverse("letters:letter_preview", args=[draft.pk])
    data = {"language": "en", "loan": draft.fields["loan"], "extra_facts": "<b>x</b>"}
    response = borrower_client.post(
        url, data, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="letter-preview"
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="letter-preview"')
    assert b"&lt;b&gt;x&lt;/b&gt;" in response.content
    assert b"Demand to stop improper debt collection" in response.content


def test_preview_rejects_get(borrower_client, draft):
    assert (
        borrower_client.get(reverse("letters:letter_preview", args=[draft.pk])).status_code == 405
    )


def test_saving_stores_a_new_version(borrower_client, draft):
    url = reverse("letters:letter_edit", args=[draft.pk])
    borrower_client.post(
        url,
        {
            "language": "zh-hans",
            "loan": draft.fields["loan"],
            "sender_name": "王五",
            "version": draft.version,
        },
    )
    draft.refresh_from_db()
    assert draft.fields["sender_name"] == "王五"
    assert draft.versions.get().number == 1


def test_finalise_stores_the_pdf_with_its_hash_and_the_volunteer_who_took_the_case_downloads(
    borrower_client, draft, volunteer, organisation, shared_case, client
):
    from review.services import case_review_take

    borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))
    version = LetterVersion.objects.get()
    data = version.pdf.read()
    import hashlib

    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == version.sha256
    assert version.data["case"]["borrower"]["name"] == "李晓梅"
    client.force_login(volunteer)
    url = reverse("letters:letter_version_download", args=[version.pk])
    assert client.get(url).status_code == 403  # the PDF prints the details: take the case first
    case_review_take(case=shared_case, organisation=organisation, user=volunteer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_download_by_outsider_is_404(outsider_client, borrower_client, draft):
    borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))
    version = LetterVersion.objects.get()
    outsider_client.force_login(
        LetterDraft.objects.get().owner.__class__.objects.get(email="outsider@example.com")
    )
    assert (
        outsider_client.get(
            reverse("letters:letter_version_download", args=[version.pk])
        ).status_code
        == 404
    )


def test_evidence_report_finalises_through_a_job(
    borrower_client, case, borrower, loan, django_capture_on_commit_callbacks
):
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report", fields={})
    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    from jobs.models import Job

    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    assert job.result["url"].endswith("/pdf/")
    assert LetterVersion.objects.filter(draft=draft, finalised_at__isnull=False).exists()


def test_version_number_is_unique_per_draft(draft):
    from django.db import IntegrityError, transaction

    LetterVersion.objects.create(draft=draft, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        LetterVersion.objects.create(draft=draft, number=1)


def test_evidence_report_with_something_missing_fails_its_job_naming_it(
    borrower_client, case, borrower, loan, django_capture_on_commit_callbacks, monkeypatch
):
    """The background letter's missing items are checked by its task, not in the request
    (reading a 10,000-contact case there held a web worker for seconds): the job fails and
    names them, and nothing is stored."""
    from jobs.models import Job
    from letters import services

    monkeypatch.setattr(services, "letter_missing", lambda *, kind, inp: ["寄件人姓名"])
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report", fields={})
    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))

    assert "/jobs/" in response["Location"]
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "寄件人姓名" in job.error
    assert job.result["back_url"] == reverse("letters:letter_edit", args=[draft.pk])
    assert not LetterVersion.objects.filter(draft=draft).exists()
    page = borrower_client.get(response["Location"]).content.decode()
    assert "寄件人姓名" in page
