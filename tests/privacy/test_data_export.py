"""The personal-data export (PIPL art. 45): one zip, built in the background, checked file
by file; served to its owner only, never cached; deleted with the account."""

import hashlib
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse

from accounts.services import user_delete
from cases.bundle import case_export_bundle
from jobs.models import Job
from privacy.models import PersonalDataExport
from privacy.services import EXPORTED, NOT_EXPORTED, data_export_build, data_exports_prune
from tests.cases.conftest import PNG_BYTES
from tests.privacy.conftest import ID_NUMBER, PDF

pytestmark = pytest.mark.django_db

EXPORT = reverse("privacy:data_export")


def _export(client, capture) -> PersonalDataExport:
    with capture(execute=True):
        response = client.post(EXPORT)
    assert response.status_code == 302
    export = PersonalDataExport.objects.latest("created_at")
    assert response["Location"] == reverse("jobs:job_detail", args=[export.job_id])
    return export


def _download(client, export) -> zipfile.ZipFile:
    response = client.get(reverse("privacy:data_export_download", args=[export.pk]))
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def archive(borrower_client, filled, django_capture_on_commit_callbacks) -> zipfile.ZipFile:
    return _download(borrower_client, _export(borrower_client, django_capture_on_commit_callbacks))


def _json(archive, name):
    return json.loads(archive.read(name))


def test_the_job_finishes_with_a_link_to_the_zip(
    borrower_client, filled, django_capture_on_commit_callbacks
):
    export = _export(borrower_client, django_capture_on_commit_callbacks)
    job = Job.objects.get(pk=export.job_id)
    assert job.status == Job.Status.DONE
    assert job.result["url"] == reverse("privacy:data_export_download", args=[export.pk])
    export.refresh_from_db()
    assert export.is_ready and len(export.sha256) == 64


def test_the_zip_holds_exactly_the_expected_files(archive, filled):
    base = f"cases/{filled.case.pk}/"
    assert sorted(archive.namelist()) == sorted(
        [
            "profile.json",
            f"{base}case.json",
            f"{base}evidence.json",
            f"{base}evidence/{filled.evidence.pk}-截图.png",
            f"{base}letters.json",
            f"{base}letters/stop_harassment-zh-hans-v1.pdf",
            f"{base}notes.json",
            f"{base}access_log.json",
            f"{base}other.json",
            "manifest.json",
        ]
    )


def test_the_manifest_gives_the_sha256_of_every_other_file(archive):
    manifest = _json(archive, "manifest.json")
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for name, entry in listed.items():
        content = archive.read(name)
        assert entry["sha256"] == hashlib.sha256(content).hexdigest(), name
        assert entry["size"] == len(content)
    assert manifest["missing"] == []
    assert manifest["format"] == "selfhelp.personal-data/1"


def test_the_case_is_the_same_bundle_as_the_case_export_with_the_full_id(archive, filled):
    bundle = _json(archive, f"cases/{filled.case.pk}/case.json")
    expected = json.loads(json.dumps(case_export_bundle(case=filled.case, borrower_details=True)))
    assert bundle == expected
    assert bundle["borrower"]["id_number"] == ID_NUMBER


def test_the_evidence_file_is_the_uploaded_bytes(archive, filled):
    base = f"cases/{filled.case.pk}/"
    assert archive.read(f"{base}evidence/{filled.evidence.pk}-截图.png") == PNG_BYTES
    (listed,) = _json(archive, f"{base}evidence.json")
    assert listed["sha256"] == filled.evidence.sha256 == hashlib.sha256(PNG_BYTES).hexdigest()
    assert listed["original_name"] == "截图.png"
    assert listed["contact_ref"] == "C1"


def test_only_finalised_letter_versions_come_with_a_pdf(archive, filled):
    base = f"cases/{filled.case.pk}/"
    assert archive.read(f"{base}letters/stop_harassment-zh-hans-v1.pdf") == PDF
    (draft,) = _json(archive, f"{base}letters.json")
    assert draft["fields"] == {"x": 1}
    v1, v2 = draft["versions"]
    assert v1["pdf_in_zip"] == f"{base}letters/stop_harassment-zh-hans-v1.pdf"
    assert "pdf_in_zip" not in v2


def test_only_notes_shared_with_the_borrower_are_included(archive, filled):
    notes = _json(archive, f"cases/{filled.case.pk}/notes.json")
    assert [n["text"] for n in notes["notes_shared_with_you"]] == ["给您的建议"]
    assert "内部备注" not in json.dumps(notes, ensure_ascii=False)


def test_the_access_log_of_the_case_is_included(archive, filled, volunteer):
    (entry,) = _json(archive, f"cases/{filled.case.pk}/access_log.json")
    assert entry["who"] == str(volunteer)
    assert entry["organisation"] == "西湖法律援助工作站"
    assert entry["action"] == "view"


def test_shares_are_included(archive, filled):
    other = _json(archive, f"cases/{filled.case.pk}/other.json")
    assert [s["organisation"] for s in other["shares"]] == ["西湖法律援助工作站"]


def test_the_profile_has_the_account_but_no_secrets(archive, borrower):
    profile = _json(archive, "profile.json")
    assert profile["account"]["email"] == borrower.email
    text = archive.read("profile.json").decode()
    assert "password" not in text
    assert borrower.password not in text
    assert profile["two_step_verification"]["on"] is False


def test_nothing_of_another_borrower_is_included(archive, filled):
    names = " ".join(archive.namelist())
    assert f"cases/{filled.other_case.pk}/" not in names
    everything = b"".join(archive.read(n) for n in archive.namelist())
    assert "别人的案子".encode() not in everything
    assert PNG_BYTES + b"other" not in everything


def test_the_download_is_never_cached(borrower_client, filled, django_capture_on_commit_callbacks):
    export = _export(borrower_client, django_capture_on_commit_callbacks)
    response = borrower_client.get(reverse("privacy:data_export_download", args=[export.pk]))
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("who", ["other_client", "volunteer_client"])
def test_nobody_but_the_owner_can_download(
    request, borrower, filled, django_capture_on_commit_callbacks, client, who
):
    client.force_login(borrower)
    export = _export(client, django_capture_on_commit_callbacks)
    client.logout()
    other = request.getfixturevalue(who)
    url = reverse("privacy:data_export_download", args=[export.pk])
    assert other.get(url).status_code == 404


def test_anonymous_is_sent_to_login(client, filled):
    assert client.get(EXPORT).status_code == 302
    response = client.get(reverse("privacy:data_export_download", args=[1]))
    assert response.status_code == 302


def test_the_page_offers_the_latest_copy(
    borrower_client, filled, django_capture_on_commit_callbacks
):
    assert "您还没有副本" in borrower_client.get(EXPORT).content.decode()
    export = _export(borrower_client, django_capture_on_commit_callbacks)
    html = borrower_client.get(EXPORT).content.decode()
    assert reverse("privacy:data_export_download", args=[export.pk]) in html
    assert html.count("<h1") == 1
    assert "第45条" in html or "第四十五条" in html


def test_a_new_copy_replaces_the_old_one(
    borrower_client, filled, django_capture_on_commit_callbacks
):
    first = _export(borrower_client, django_capture_on_commit_callbacks)
    storage, name = first.file.storage, first.file.name
    second = _export(borrower_client, django_capture_on_commit_callbacks)
    assert second.pk != first.pk
    assert not PersonalDataExport.objects.filter(pk=first.pk).exists()
    assert not storage.exists(name)


def test_asking_again_while_building_does_not_start_a_second_export(borrower_client, filled):
    borrower_client.post(EXPORT)  # the task waits for a commit that never comes here
    borrower_client.post(EXPORT)
    assert PersonalDataExport.objects.count() == 1


def test_an_export_stuck_for_an_hour_does_not_block_a_new_one(borrower_client, filled):
    borrower_client.post(EXPORT)  # never built: its task waits for a commit
    PersonalDataExport.objects.update(
        created_at=PersonalDataExport.objects.get().created_at - timedelta(hours=1, seconds=1)
    )
    borrower_client.post(EXPORT)
    assert PersonalDataExport.objects.count() == 2


def test_running_the_task_twice_stores_one_file(
    borrower_client, filled, django_capture_on_commit_callbacks
):
    export = _export(borrower_client, django_capture_on_commit_callbacks)
    name = export.file.name
    again = data_export_build(export_id=export.pk)
    assert again.file.name == name


def test_deleting_the_account_deletes_the_zip(
    borrower_client, borrower, filled, django_capture_on_commit_callbacks
):
    export = _export(borrower_client, django_capture_on_commit_callbacks)
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=borrower)
    assert not PersonalDataExport.objects.exists()
    assert not storage.exists(name)


def test_old_copies_are_pruned(
    borrower_client, filled, django_capture_on_commit_callbacks, settings
):
    export = _export(borrower_client, django_capture_on_commit_callbacks)
    storage, name = export.file.storage, export.file.name
    assert data_exports_prune() == 0
    PersonalDataExport.objects.update(
        created_at=export.created_at - timedelta(days=settings.SELFHELP_EXPORT_KEEP_DAYS, seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert data_exports_prune() == 1
    assert not storage.exists(name)


def test_a_missing_evidence_file_is_named_in_the_manifest(
    borrower_client, filled, django_capture_on_commit_callbacks
):
    filled.evidence.file.storage.delete(filled.evidence.file.name)
    archive = _download(
        borrower_client, _export(borrower_client, django_capture_on_commit_callbacks)
    )
    manifest = _json(archive, "manifest.json")
    (missing,) = manifest["missing"]
    assert missing["path"].endswith(f"{filled.evidence.pk}-截图.png")
    (listed,) = _json(archive, f"cases/{filled.case.pk}/evidence.json")
    assert listed["file_in_zip"] is None


def test_a_borrower_without_cases_gets_a_profile_and_a_manifest(
    borrower_client, borrower, django_capture_on_commit_callbacks
):
    archive = _download(
        borrower_client, _export(borrower_client, django_capture_on_commit_callbacks)
    )
    assert sorted(archive.namelist()) == ["manifest.json", "profile.json"]


def test_every_model_about_a_person_or_a_case_is_exported_or_excused():
    """A new model holding someone's data must be added to the export (or excused)."""

    def points_to_a_person(model, seen=()) -> bool:
        for field in model._meta.concrete_fields:
            target = field.related_model if field.is_relation else None
            if target is None or target in seen:
                continue
            if target._meta.label in {"accounts.User", "cases.Case"}:
                return True
            if points_to_a_person(target, (*seen, model)):
                return True
        return False

    holding = {
        m._meta.label
        for m in apps.get_models()
        if m._meta.label in {"accounts.User", "cases.Case"} or points_to_a_person(m)
    }
    holding -= {"axes.AccessAttempt"}  # keyed by address text, listed by hand
    assert holding - set(EXPORTED) - set(NOT_EXPORTED) == set()
    assert set(EXPORTED) & set(NOT_EXPORTED) == set()
