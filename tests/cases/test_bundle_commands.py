"""The import_case and export_case management commands."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cases.bundle import case_export_bundle
from cases.models import Case, Contact
from tests.cases.test_bundle_parse import SAMPLE, sample


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_only_the_new_case_id(borrower):
    out, _err = run("import_case", str(SAMPLE), "--owner", borrower.email)
    case = Case.objects.get()
    assert out == f"{case.pk}\n"
    assert case.owner == borrower
    assert case.contacts.count() == 4


def test_import_defaults_to_the_demo_borrower(borrower):
    assert borrower.email == "borrower@example.com"
    out, _err = run("import_case", str(SAMPLE))
    assert Case.objects.get(pk=int(out)).owner == borrower


def test_import_without_owner_or_demo_borrower_fails_clearly(other_borrower):
    with pytest.raises(CommandError, match="--owner"):
        run("import_case", str(SAMPLE))
    assert not Case.objects.exists()


def test_import_with_unknown_owner_fails(db):
    with pytest.raises(CommandError, match="nobody@example.com"):
        run("import_case", str(SAMPLE), "--owner", "nobody@example.com")


def test_import_of_a_missing_file_fails(borrower, tmp_path):
    with pytest.raises(CommandError):
        run("import_case", str(tmp_path / "missing.json"))


def test_bad_bundle_lists_each_bad_field_on_stderr_and_saves_nothing(borrower, tmp_path):
    data = sample()
    data["contacts"][3]["occurred_at"] = "2025-04-31T10:00"
    data["loans"][0]["principal"] = "abc"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError):
        call_command("import_case", str(path), stdout=out, stderr=err)

    assert out.getvalue() == ""
    assert "contacts[3].occurred_at" in err.getvalue()
    assert "loans[0].principal" in err.getvalue()
    assert not Case.objects.exists()
    assert not Contact.objects.exists()


def test_export_writes_the_bundle_as_json(borrower):
    out, _err = run("import_case", str(SAMPLE))
    case = Case.objects.get(pk=int(out))

    exported, _err = run("export_case", str(case.pk))

    assert json.loads(exported) == case_export_bundle(case=case)
    assert "李晓梅" in exported  # UTF-8, not \\u escapes
    assert exported.startswith('{\n  "format"')


def test_export_to_a_file(borrower, tmp_path):
    out, _err = run("import_case", str(SAMPLE))
    target = tmp_path / "case.json"
    run("export_case", out.strip(), "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["borrower"]["name"] == "李晓梅"


def test_export_of_an_unknown_case_fails(db):
    with pytest.raises(CommandError, match="999"):
        run("export_case", "999")
