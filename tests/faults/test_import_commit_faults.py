"""A crash in the middle of an import leaves nothing half-added: no contact, no evidence row
or file, no pending upload without its batch; the batch keeps what was staged, and adding
it again works.

Real transactions (transaction=True): each fault lands where the real commit or rollback
would be.
"""

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from cases import bundle as bundle_module
from cases.models import Case, Contact, Evidence
from imports import screenshots as screenshot_module
from imports import services as import_services
from imports.models import ImportBatch, Screenshot, StagedMessage
from imports.screenshots import Upload, screenshots_batch_create, screenshots_commit
from jobs.models import Job
from tests.cases.conftest import PNG_BYTES
from tests.cases.test_bundle_parse import rich_bundle
from tests.imports.conftest import SMS_SAMPLE, upload

from .conftest import Crash, files_consistent

pytestmark = pytest.mark.django_db(transaction=True)


# The case bundle (one transaction, no files)


def test_crash_while_contacts_are_inserted_keeps_no_case(files_before, borrower, crash_on):
    crash_on(bundle_module, "rows_insert")

    with pytest.raises(Crash):
        bundle_module.case_import_bundle(owner=borrower, data=rich_bundle())

    assert not Case.objects.exists() and not Contact.objects.exists()
    case = bundle_module.case_import_bundle(owner=borrower, data=rich_bundle())
    assert case.contacts.count() == len(rich_bundle()["contacts"])
    assert files_consistent(files_before) == (set(), set())


def test_crash_in_the_last_write_of_a_bundle_keeps_no_case(borrower, monkeypatch):
    """The worst point: everything inserted, the actions stored last, then the crash."""

    def crashing_storer(case, parsed, loans):
        raise Crash("after every row was written")

    monkeypatch.setattr(
        bundle_module, "BUNDLE_STORERS", [*bundle_module.BUNDLE_STORERS, crashing_storer]
    )

    with pytest.raises(Crash):
        bundle_module.case_import_bundle(owner=borrower, data=rich_bundle())

    assert not Case.objects.exists() and not Contact.objects.exists()


# The phone backup


@pytest.fixture
def parsed_backup(case, borrower):
    batch = import_services.batch_create(
        case=case, owner=borrower, uploads=[upload("sms.xml", SMS_SAMPLE)]
    )
    batch = import_services.batch_parse(batch_id=batch.pk)
    StagedMessage.objects.filter(batch=batch, addable=True).update(selected=True)
    assert batch.status == ImportBatch.Status.READY
    return batch


def test_crash_after_the_backup_files_are_written_keeps_no_file(
    files_before, case, borrower, crash_on
):
    crash_on(ImportBatch, "save")

    with pytest.raises(Crash):
        import_services.batch_create(
            case=case,
            owner=borrower,
            uploads=[upload("a.xml", SMS_SAMPLE), upload("b.xml", SMS_SAMPLE)],
        )

    assert not ImportBatch.objects.exists() and not Job.objects.exists()
    assert files_consistent(files_before) == (set(), set())


def test_crash_half_way_through_a_backup_commit_adds_nothing(
    files_before, parsed_backup, case, crash_on, monkeypatch
):
    staged = StagedMessage.objects.filter(batch=parsed_backup).count()
    chosen = StagedMessage.objects.filter(batch=parsed_backup, selected=True).count()
    monkeypatch.setattr(import_services, "COMMIT_BATCH_SIZE", 2)
    crash_on(import_services, "insert_rows", call=2)  # the first rows are already inserted

    with pytest.raises(Crash):
        import_services.batch_commit(batch=parsed_backup)

    assert not Contact.objects.filter(case=case).exists()
    parsed_backup.refresh_from_db()
    assert parsed_backup.status == ImportBatch.Status.READY
    assert StagedMessage.objects.filter(batch=parsed_backup).count() == staged
    result = import_services.batch_commit(batch=parsed_backup)  # trying again works
    assert result.added + result.duplicates == chosen
    assert Contact.objects.filter(case=case).count() == result.added
    assert files_consistent(files_before) == (set(), set())


def test_crash_at_the_last_write_of_a_backup_commit_adds_nothing(
    parsed_backup, case, crash_on, borrower_client
):
    crash_on(import_services, "case_touch")

    response = borrower_client.post(reverse("imports:batch_commit", args=[parsed_backup.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("imports:batch_review", args=[parsed_backup.pk])
    assert not Contact.objects.filter(case=case).exists()
    parsed_backup.refresh_from_db()
    assert parsed_backup.status == ImportBatch.Status.READY
    page = borrower_client.get(response["Location"]).content.decode()
    assert "一条也没有添加" in page  # translated, and says nothing was added
    again = borrower_client.post(reverse("imports:batch_commit", args=[parsed_backup.pk]))
    assert again["Location"] == reverse("cases:case_detail", args=[case.pk])
    assert Contact.objects.filter(case=case).exists()


# Screenshots


@pytest.fixture
def read_screenshots(case, borrower):
    """Two screenshots read into three chosen messages (OCR itself is not under test)."""
    batch = screenshots_batch_create(
        case=case,
        owner=borrower,
        uploads=[Upload("a.png", PNG_BYTES), Upload("b.png", PNG_BYTES + b"b")],
    )
    first, second = batch.screenshots.all()
    for index, (shot, body) in enumerate(
        [(first, "您已逾期，请今天还款"), (first, "再不还就通知您的家人"), (second, "最后通知")],
        start=1,
    ):
        StagedMessage.objects.create(
            batch=batch,
            index=index,
            kind="sms",
            direction="in",
            number="10690000555",
            occurred_at=f"2025-06-1{index}T10:00:00+08:00",
            body=body,
            addable=True,
            likely=True,
            selected=True,
            screenshot=shot,
        )
    batch.status = ImportBatch.Status.READY
    batch.save(update_fields=["status"])
    return batch


def test_crash_while_the_screenshot_batch_is_recorded_keeps_no_picture(
    files_before, case, borrower, crash_on
):
    crash_on(Screenshot, "save", call=2)

    with pytest.raises(Crash):
        screenshots_batch_create(
            case=case,
            owner=borrower,
            uploads=[Upload("a.png", PNG_BYTES), Upload("b.png", PNG_BYTES)],
        )

    assert not ImportBatch.objects.exists()
    assert files_consistent(files_before) == (set(), set())


def test_crash_while_copying_the_evidence_adds_nothing(
    files_before, read_screenshots, case, crash_on
):
    # The storage writes the second copy, then fails (a lost connection to object storage).
    crash_on(storages["evidence"], "_save", call=2, after=True)

    with pytest.raises(Crash):
        screenshots_commit(batch=read_screenshots)

    assert not Contact.objects.exists() and not Evidence.objects.exists()
    assert Screenshot.objects.filter(batch=read_screenshots).count() == 2
    assert files_consistent(files_before) == (set(), set())


def test_crash_while_the_evidence_rows_are_written_adds_nothing(
    files_before, read_screenshots, case, crash_on
):
    crash_on(Evidence, "save", call=3)  # two contacts with their evidence are in

    with pytest.raises(Crash):
        screenshots_commit(batch=read_screenshots)

    assert not Contact.objects.exists() and not Evidence.objects.exists()
    read_screenshots.refresh_from_db()
    assert read_screenshots.status == ImportBatch.Status.READY
    assert StagedMessage.objects.filter(batch=read_screenshots).count() == 3
    assert files_consistent(files_before) == (set(), set())
    result = screenshots_commit(batch=read_screenshots)  # trying again works
    assert result.added == 3 and Evidence.objects.count() == 3
    assert files_consistent(files_before) == (set(), set())


def test_crash_at_the_last_write_of_a_screenshot_commit_adds_nothing(
    files_before, read_screenshots, crash_on
):
    crash_on(screenshot_module, "case_touch")

    with pytest.raises(Crash):
        screenshots_commit(batch=read_screenshots)

    assert not Contact.objects.exists()
    assert Screenshot.objects.filter(batch=read_screenshots).count() == 2
    assert files_consistent(files_before) == (set(), set())


def test_committed_screenshots_leave_only_the_contacts_evidence(files_before, read_screenshots):
    staging = set(Screenshot.objects.values_list("stored_name", flat=True))

    screenshots_commit(batch=read_screenshots)

    assert not Screenshot.objects.exists()
    assert not any(storages["default"].exists(name) for name in staging)
    assert Evidence.objects.count() == 3
    assert files_consistent(files_before) == (set(), set())


def test_failed_clean_up_after_a_commit_leaves_no_row_without_its_file(
    files_before, read_screenshots, crash_on, caplog
):
    """Deleting a staging picture fails after the commit: the contacts stay added, no row
    points to a missing file, and the picture left behind is logged by name."""
    crash_on(storages["default"], "delete")

    result = screenshots_commit(batch=read_screenshots)

    assert result.added == 3
    missing, orphans = files_consistent(files_before)
    assert missing == set()
    assert len(orphans) == 1
    ((_, name),) = orphans
    assert name in caplog.text


def test_crash_while_reading_screenshots_fails_the_job_in_words_a_borrower_reads(
    files_before, case, borrower, crash_on, monkeypatch
):
    from imports.screenshots import screenshots_error_message
    from imports.tasks import screenshots_read_task

    batch = screenshots_batch_create(
        case=case, owner=borrower, uploads=[Upload("a.png", PNG_BYTES)]
    )
    crash_on(screenshot_module, "load_image")

    with pytest.raises(Crash):
        screenshots_read_task.call(batch_id=batch.pk)

    batch.refresh_from_db()
    job = Job.objects.get(pk=batch.job_id)
    assert batch.status == ImportBatch.Status.FAILED and job.status == Job.Status.FAILED
    assert job.error == batch.error == screenshots_error_message()
    assert "injected" not in job.error
    assert not StagedMessage.objects.filter(batch=batch).exists()
    assert files_consistent(files_before) == (set(), set())
