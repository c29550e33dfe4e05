"""Screenshot import through the web: upload, review beside the crops, correct, commit.

OCR is replaced here by the boxes the drawing code knows (test_ocr.py runs the real
engine); everything else (storage, task, layout, staging, evidence) is real.
"""

import hashlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cases.models import Contact, Evidence
from imports.models import ImportBatch, Screenshot, StagedMessage
from imports.screenshots import OCR_TAG

from .screens import Bubble, CallRow, render_call_log, render_thread

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")

THREAD = [
    Bubble(
        "【示例贷】您的账单已逾期3天，请今日还款，否则将上报征信并通知您的家人。",
        label="昨天 23:15",
    ),
    Bubble("我下周一还", side="out"),
    Bubble("晚上好，周末一起吃饭吗？", label="08:30"),
]


@pytest.fixture
def fake_ocr(monkeypatch):
    """Screens registered here are 'read' as exactly the boxes they were drawn with."""
    known: dict[str, list] = {}

    def register(screen):
        known[hashlib.sha256(screen.image.convert("RGB").tobytes()).hexdigest()] = screen.boxes
        return screen

    def read_boxes(image):
        return known.get(hashlib.sha256(image.tobytes()).hexdigest(), [])

    monkeypatch.setattr("imports.screenshots.read_boxes", read_boxes)
    return register


def png(name, screen):
    return SimpleUploadedFile(name, screen.png(), content_type="image/png")


def upload(client, case, files, capture, **extra):
    with capture(execute=True):
        return client.post(
            reverse("imports:screenshot_upload", args=[case.pk]), {"files": files, **extra}
        )


@pytest.fixture
def read_batch(borrower, case, fake_ocr, django_capture_on_commit_callbacks):
    """Uploaded by the borrower through a client of its own, so tests can use any client."""
    (screen,) = render_thread(THREAD, sender="10690000555")
    fake_ocr(screen)
    own = Client()
    own.force_login(borrower)
    upload(
        own,
        case,
        [png("Screenshot_20250612-090000.png", screen)],
        django_capture_on_commit_callbacks,
    )
    return ImportBatch.objects.get()


def test_upload_page_shows_form_and_brand_guidance(borrower_client, case):
    response = borrower_client.get(reverse("imports:screenshot_upload", args=[case.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert 'type="file"' in page
    for brand in ("Huawei and Honor", "Xiaomi and Redmi", "vivo and iQOO", "iPhone"):
        assert brand in page
    assert "<svg" in page


def test_upload_reads_in_background_and_stages_what_it_read(read_batch):
    assert read_batch.status == ImportBatch.Status.READY
    assert read_batch.source == ImportBatch.Source.SCREENSHOTS
    assert read_batch.job.status == "done"
    messages = list(StagedMessage.objects.filter(batch=read_batch).order_by("index"))
    assert [(m.direction, m.body) for m in messages] == [
        ("in", THREAD[0].text),
        ("out", THREAD[1].text),
        ("in", THREAD[2].text),
    ]
    # Relative times count from the date in the file name.
    assert messages[0].occurred_at == datetime(2025, 6, 11, 23, 15, tzinfo=TZ)
    assert messages[0].number == "10690000555"


def test_collection_is_preselected_and_outgoing_left_out(read_batch):
    chosen = {m.body: m.selected for m in StagedMessage.objects.filter(batch=read_batch)}
    assert chosen == {THREAD[0].text: True, THREAD[1].text: False, THREAD[2].text: False}


def test_review_shows_each_message_beside_its_crop(borrower_client, read_batch):
    response = borrower_client.get(reverse("imports:batch_review", args=[read_batch.pk]))
    page = response.content.decode()
    message = StagedMessage.objects.filter(batch=read_batch).first()
    assert reverse("imports:staged_crop", args=[read_batch.pk, message.pk]) in page
    assert THREAD[0].text in page


def test_crop_is_a_private_png(borrower_client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    response = borrower_client.get(reverse("imports:staged_crop", args=[read_batch.pk, message.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert "no-store" in response["Cache-Control"]


def test_other_borrower_cannot_see_a_crop(other_client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    url = reverse("imports:staged_crop", args=[read_batch.pk, message.pk])
    assert other_client.get(url).status_code == 404


def test_volunteer_cannot_see_a_crop_of_a_shared_case(volunteer_client, shared_case, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    url = reverse("imports:staged_crop", args=[read_batch.pk, message.pk])
    assert volunteer_client.get(url).status_code == 404


def test_anonymous_crop_is_sent_to_login(client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    response = client.get(reverse("imports:staged_crop", args=[read_batch.pk, message.pk]))
    assert response.status_code == 302


def test_message_of_another_batch_is_404(borrower_client, read_batch, case, borrower):
    other = ImportBatch.objects.create(case=case, owner=borrower, status="ready")
    message = StagedMessage.objects.filter(batch=read_batch).first()
    url = reverse("imports:staged_crop", args=[other.pk, message.pk])
    assert borrower_client.get(url).status_code == 404


def correction(message, **changes):
    data = {
        "sender": "10690000555",
        "occurred_at": "2025-06-11T23:15",
        "direction": message.direction,
        "body": message.body,
        "selected": "on" if message.selected else "",
        **changes,
    }
    return {f"m{message.pk}-{key}": value for key, value in data.items() if value != ""}


def test_htmx_correction_saves_and_returns_the_item(borrower_client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch, direction="in").last()
    url = reverse("imports:staged_correct", args=[read_batch.pk, message.pk])
    response = borrower_client.post(
        url,
        correction(message, body="晚上好，周末一起还款吗？", selected="on"),
        headers={"HX-Request": "true"},
    )
    message.refresh_from_db()
    assert response.status_code == 200
    assert (
        response.content.decode()
        .lstrip()
        .startswith(f'<li class="card staged-item" id="m{message.pk}"')
    )
    assert (message.body, message.selected) == ("晚上好，周末一起还款吗？", True)


def test_plain_correction_redirects_to_review(borrower_client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    url = reverse("imports:staged_correct", args=[read_batch.pk, message.pk])
    response = borrower_client.post(url, correction(message, occurred_at="2025-06-11T22:15"))
    message.refresh_from_db()
    assert response.status_code == 302
    assert message.occurred_at == datetime(2025, 6, 11, 22, 15, tzinfo=TZ)


def test_outgoing_message_cannot_be_chosen(borrower_client, read_batch):
    message = StagedMessage.objects.get(batch=read_batch, direction="out")
    url = reverse("imports:staged_correct", args=[read_batch.pk, message.pk])
    response = borrower_client.post(
        url, correction(message, selected="on"), headers={"HX-Request": "true"}
    )
    message.refresh_from_db()
    assert response.status_code == 200
    assert "Only what was sent to you" in response.content.decode()
    assert message.selected is False


def test_correction_by_other_borrower_is_404(other_client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    url = reverse("imports:staged_correct", args=[read_batch.pk, message.pk])
    assert other_client.post(url, correction(message, body="x")).status_code == 404
    message.refresh_from_db()
    assert message.body != "x"


def test_correction_by_get_is_405(borrower_client, read_batch):
    message = StagedMessage.objects.filter(batch=read_batch).first()
    url = reverse("imports:staged_correct", args=[read_batch.pk, message.pk])
    assert borrower_client.get(url).status_code == 405


def test_commit_adds_chosen_contacts_with_their_screenshot_as_evidence(
    borrower_client, read_batch, case, django_capture_on_commit_callbacks
):
    stored = list(Screenshot.objects.values_list("stored_name", "sha256"))
    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(reverse("imports:batch_commit", args=[read_batch.pk]))
    assert response.status_code == 302
    (contact,) = Contact.objects.filter(case=case)
    assert (contact.channel, contact.caller_phone, contact.content) == (
        "sms",
        "10690000555",
        THREAD[0].text,
    )
    assert contact.tags == [OCR_TAG]
    (evidence,) = Evidence.objects.filter(contact=contact)
    assert evidence.sha256 == stored[0][1]
    assert evidence.original_name == "Screenshot_20250612-090000.png"
    assert storages["evidence"].exists(evidence.file.name)
    # The staging picture and rows are gone.
    assert not storages["default"].exists(stored[0][0])
    assert not StagedMessage.objects.exists()
    read_batch.refresh_from_db()
    assert read_batch.status == ImportBatch.Status.COMMITTED


def test_second_commit_adds_nothing(borrower_client, read_batch, case):
    url = reverse("imports:batch_commit", args=[read_batch.pk])
    borrower_client.post(url)
    borrower_client.post(url)
    assert Contact.objects.filter(case=case).count() == 1


def test_failed_commit_leaves_nothing(borrower_client, read_batch, case, monkeypatch):
    StagedMessage.objects.filter(batch=read_batch, direction="in").update(selected=True)

    calls = {"n": 0}
    from cases import services as case_services

    real = case_services.evidence_record

    def flaky(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr("imports.screenshots.evidence_record", flaky)
    response = borrower_client.post(reverse("imports:batch_commit", args=[read_batch.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:batch_review", args=[read_batch.pk])
    assert not Contact.objects.filter(case=case).exists()
    assert not Evidence.objects.exists()
    assert not any(storages["evidence"].listdir("")[1])


def test_cancel_deletes_the_staged_screenshots(
    borrower_client, read_batch, django_capture_on_commit_callbacks
):
    stored = Screenshot.objects.get().stored_name
    with django_capture_on_commit_callbacks(execute=True):
        borrower_client.post(reverse("imports:batch_cancel", args=[read_batch.pk]))
    assert not ImportBatch.objects.exists()
    assert not storages["default"].exists(stored)


def test_overlapping_uploads_are_merged(
    borrower_client, case, fake_ocr, django_capture_on_commit_callbacks
):
    bubbles = [
        Bubble(f"第{n}次提醒：您的欠款已逾期，请立即还款。", label=f"6月{n}日 10:00")
        for n in range(1, 9)
    ]
    screens = render_thread(bubbles, sender="95188", height=1400, windows=3, overlap=0.4)
    files = [png(f"s{n}.png", fake_ocr(s)) for n, s in enumerate(screens)]
    upload(borrower_client, case, files, django_capture_on_commit_callbacks, taken_on="2025-06-12")
    bodies = list(StagedMessage.objects.order_by("index").values_list("body", flat=True))
    assert bodies == [b.text for b in bubbles]


def test_call_log_screenshot_stages_calls(
    borrower_client, case, fake_ocr, django_capture_on_commit_callbacks
):
    screen = fake_ocr(
        render_call_log(
            [CallRow("13800138000", "未接", "23:15"), CallRow("妈妈", "呼入", "22:00", "3分")]
        )
    )
    upload(borrower_client, case, [png("calls.png", screen)], django_capture_on_commit_callbacks)
    calls = list(StagedMessage.objects.order_by("index"))
    assert [(c.kind, c.number, c.contact_name, c.selected) for c in calls] == [
        ("call", "13800138000", "", True),
        ("call", "", "妈妈", False),
    ]


def pending_files() -> set[str]:
    storage = storages["default"]
    return (
        set(storage.listdir("imports-pending")[1]) if storage.exists("imports-pending") else set()
    )


def test_non_image_is_refused_and_nothing_is_kept(
    borrower_client, case, django_capture_on_commit_callbacks
):
    (screen,) = render_thread(THREAD[:1], sender="95188")
    before = pending_files()
    response = upload(
        borrower_client,
        case,
        [png("good.png", screen), SimpleUploadedFile("x.png", b"not a picture")],
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert "is not a PNG, JPEG or HEIC picture" in response.content.decode()
    assert not ImportBatch.objects.exists()
    assert pending_files() == before


def test_volunteer_cannot_upload_to_a_shared_case(volunteer_client, shared_case):
    url = reverse("imports:screenshot_upload", args=[shared_case.pk])
    assert volunteer_client.get(url).status_code == 403


def test_other_borrower_upload_gets_404(other_client, case):
    url = reverse("imports:screenshot_upload", args=[case.pk])
    assert other_client.get(url).status_code == 404


def test_anonymous_upload_is_sent_to_login(client, case):
    response = client.get(reverse("imports:screenshot_upload", args=[case.pk]))
    assert response.status_code == 302
