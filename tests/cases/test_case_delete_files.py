"""Deleting a case removes every private file it held: evidence and finalised letters."""

from django.core.files.storage import storages

from cases import services
from letters.services import letter_draft_create, letter_finalise
from tests.cases.conftest import make_everything


def test_case_delete_removes_evidence_and_letter_pdfs(
    case, borrower, django_capture_on_commit_callbacks
):
    everything = make_everything(case, borrower)
    draft = letter_draft_create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    version = letter_finalise(draft=draft)
    evidence_name, pdf_name = everything.evidence.file.name, version.pdf.name
    assert storages["evidence"].exists(evidence_name)
    assert storages["letters"].exists(pdf_name)

    with django_capture_on_commit_callbacks(execute=True):
        services.case_delete(case=case)

    assert not storages["evidence"].exists(evidence_name)
    assert not storages["letters"].exists(pdf_name)


def test_deleting_one_case_keeps_another_cases_files(
    case, borrower, django_capture_on_commit_callbacks
):
    from tests.factories import CaseFactory

    other = CaseFactory(owner=borrower)
    kept = make_everything(other, borrower).evidence.file.name
    make_everything(case, borrower)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_delete(case=case)
    assert storages["evidence"].exists(kept)
