"""The private storages on S3, tested against a real S3 API: moto in server mode, started here.

The storages are configured exactly as production configures them from SELFHELP_S3_*
(selfhelp.settings.s3_storages): every object is private, the storage gives out no URL,
and files reach the borrower only through the views that check access.

Heavy (a server process): marked `once`, so CI runs it in the SQLite run only.
"""

import hashlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from botocore.exceptions import ClientError
from django.apps import apps
from django.core.files.storage import storages
from django.db import models
from django.test import Client
from django.urls import reverse

from cases.models import Evidence
from imports.services import batch_create
from letters.models import LetterDraft, LetterVersion
from selfhelp.settings import s3_storages
from tests.cases.conftest import PNG_BYTES, upload
from tests.factories import ContactFactory, LoanFactory
from tests.imports.conftest import SMS_SAMPLE
from tests.imports.conftest import upload as xml_upload

pytestmark = [pytest.mark.once, pytest.mark.django_db]

KEY, SECRET, REGION = "testing-key", "testing-secret", "us-east-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server in its own process, for the whole module."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/moto-api/", timeout=1)  # noqa: S310
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("moto's S3 server did not start")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def same_storages_after():
    """Give the other tests back the very storage objects the FileFields hold.

    Changing STORAGES makes Django build new storage objects on the next use, also when the
    setting is put back; the FileFields keep the ones from import time, and tests that patch
    storages["evidence"] must patch the field's. Set up before `settings`, so this runs last.
    """
    kept = {alias: storages[alias] for alias in storages.backends}
    yield
    storages._storages = dict(kept)


@pytest.fixture
def bucket(same_storages_after, s3_server, settings, monkeypatch):
    """A fresh bucket, and the app's private storages on it as production sets them up."""
    name = f"selfhelp-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=KEY,
        aws_secret_access_key=SECRET,
        region_name=REGION,
    )
    client.create_bucket(Bucket=name)
    # FileFields keep the storage their callable gave at import: ask the callable again.
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and hasattr(field, "_storage_callable")
    ]
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            {
                "SELFHELP_S3_BUCKET": name,
                "SELFHELP_S3_ENDPOINT_URL": s3_server,
                "SELFHELP_S3_REGION": REGION,
                "SELFHELP_S3_ACCESS_KEY_ID": KEY,
                "SELFHELP_S3_SECRET_ACCESS_KEY": SECRET,
                "SELFHELP_S3_ADDRESSING_STYLE": "path",
            }
        ),
    }
    for field in fields:
        monkeypatch.setattr(field, "storage", field._storage_callable())
    client.bucket_name = name
    client.endpoint = s3_server
    return client


def keys(bucket) -> set[str]:
    listing = bucket.list_objects_v2(Bucket=bucket.bucket_name)
    return {item["Key"] for item in listing.get("Contents", [])}


def object_bytes(bucket, key: str) -> bytes:
    return bucket.get_object(Bucket=bucket.bucket_name, Key=key)["Body"].read()


@pytest.fixture
def uploaded(bucket, case, borrower_client):
    """Evidence uploaded by the borrower through the contact form."""
    url = reverse("cases:contact_create", args=[case.pk])
    response = borrower_client.post(
        url,
        {
            "occurred_at": "2025-04-12T22:40",
            "channel": "call",
            "target": "borrower",
            "evidence": upload("截图.png", PNG_BYTES, "image/png"),
        },
    )
    assert response.status_code == 302
    return Evidence.objects.get(case=case)


def test_the_storages_are_s3_with_private_objects(bucket):
    for alias in ("default", "evidence", "letters"):
        storage = storages[alias]
        assert type(storage).__name__ == "PrivateS3Storage"
        assert storage.default_acl == "private" and storage.bucket_name == bucket.bucket_name


def test_uploaded_evidence_is_a_private_object(bucket, uploaded):
    key = f"evidence/{uploaded.file.name}"

    assert keys(bucket) == {key}
    assert object_bytes(bucket, key) == PNG_BYTES
    assert hashlib.sha256(PNG_BYTES).hexdigest() == uploaded.sha256
    grants = bucket.get_object_acl(Bucket=bucket.bucket_name, Key=key)["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]
    assert all(g["Grantee"]["Type"] == "CanonicalUser" for g in grants)  # nobody else
    with pytest.raises(urllib.error.HTTPError) as anonymous:
        urllib.request.urlopen(f"{bucket.endpoint}/{bucket.bucket_name}/{key}")  # noqa: S310
    assert anonymous.value.code == 403


def test_the_storage_gives_no_url(bucket, uploaded, borrower_client, case):
    with pytest.raises(ValueError, match="no URL"):
        storages["evidence"].url(uploaded.file.name)
    page = borrower_client.get(
        reverse("cases:contact_detail", args=[case.pk, uploaded.contact_id])
    ).content.decode()
    assert bucket.endpoint not in page and "X-Amz" not in page


def test_owner_downloads_through_the_view(uploaded, borrower_client, case):
    url = reverse("cases:evidence_download", args=[case.pk, uploaded.pk])

    response = borrower_client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG_BYTES
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]


def test_others_cannot_download(uploaded, case, other_borrower, outsider_volunteer):
    url = reverse("cases:evidence_download", args=[case.pk, uploaded.pk])
    client = Client()
    assert client.get(url).status_code == 302  # to the login page
    for user in (other_borrower, outsider_volunteer):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_deleting_evidence_deletes_the_object(
    bucket, uploaded, borrower_client, case, django_capture_on_commit_callbacks
):
    key = f"evidence/{uploaded.file.name}"
    url = reverse("cases:evidence_delete", args=[case.pk, uploaded.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(url)

    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert key not in keys(bucket)
    with pytest.raises(ClientError):
        bucket.head_object(Bucket=bucket.bucket_name, Key=key)


def test_finalised_letter_is_stored_and_downloaded_through_the_view(
    bucket, case, borrower, borrower_client, monkeypatch
):
    monkeypatch.setattr("letters.services.html_to_pdf", lambda html: b"%PDF-1.7 s3")
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    draft = LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", fields={"loan": loan.ref}
    )

    borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))

    version = LetterVersion.objects.get(draft=draft)
    assert keys(bucket) == {f"letters/{version.pdf.name}"}
    response = borrower_client.get(reverse("letters:letter_version_download", args=[version.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.7 s3"


def test_deleting_the_case_deletes_every_object(
    bucket, uploaded, case, borrower, borrower_client, django_capture_on_commit_callbacks
):
    batch_create(case=case, owner=borrower, uploads=[xml_upload("sms.xml", SMS_SAMPLE)])
    assert {key.split("/")[0] for key in keys(bucket)} == {"evidence", "private"}

    with django_capture_on_commit_callbacks(execute=True):
        borrower_client.post(reverse("cases:case_delete", args=[case.pk]))

    assert keys(bucket) == set()


def test_the_environment_switches_every_private_storage_to_the_bucket():
    """What production does with SELFHELP_S3_*: the settings module itself, in a fresh process."""
    import json
    import os
    from pathlib import Path

    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES, default=str))"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "selfhelp.settings",
        "DJANGO_SECRET_KEY": "s3-settings-test-key",
        "SELFHELP_S3_BUCKET": "selfhelp-private",
        "SELFHELP_S3_ENDPOINT_URL": "https://minio.internal:9000",
        "SELFHELP_S3_ENCRYPT": "true",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    configured = json.loads(result.stdout)
    for alias, prefix in (("default", "private"), ("evidence", "evidence"), ("letters", "letters")):
        options = configured[alias]["OPTIONS"]
        assert configured[alias]["BACKEND"] == "selfhelp.storage.PrivateS3Storage"
        assert (options["bucket_name"], options["location"]) == ("selfhelp-private", prefix)
        assert options["default_acl"] == "private" and options["file_overwrite"] is False
        assert options["object_parameters"] == {"ServerSideEncryption": "AES256"}
        assert options["endpoint_url"] == "https://minio.internal:9000"
