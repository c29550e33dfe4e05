"""A bundle is capped by its structure, not only its bytes: the values of the whole file are
counted before it is parsed, and every section, extension and nesting level has a limit whose
message names the path. Each cap is proven on a small file by lowering it."""

import json
from types import SimpleNamespace

import pytest
from django.urls import reverse

from cases import bundle
from cases.bundle import BundleError, bundle_parse, case_import_bundle
from cases.models import Case
from tests.cases.test_bundle_parse import sample


@pytest.fixture(autouse=True)
def english_messages():
    """Assertions quote the English wording; one test checks the Chinese."""
    from django.utils import translation

    with translation.override("en"):
        yield


def issues_of(data) -> dict[str, str]:
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    return {issue.path: issue.text for issue in info.value.errors}


def raw(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


@pytest.fixture
def no_json_parse(monkeypatch):
    """Fails the test if the bundle module parses the file at all."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    fake = SimpleNamespace(loads=refuse, JSONDecodeError=json.JSONDecodeError, dumps=json.dumps)
    monkeypatch.setattr(bundle, "json", fake)


def test_a_file_holding_more_values_than_the_cap_is_refused_unparsed(monkeypatch, no_json_parse):
    monkeypatch.setattr(bundle, "MAX_VALUES", 500)
    data = sample()
    data["x-junk"] = [{} for _ in range(600)]
    issues = issues_of(raw(data))
    assert set(issues) == {""}
    assert "at most 500" in issues[""]


def test_commas_and_brackets_inside_text_do_not_count_as_values(monkeypatch):
    data = sample()
    monkeypatch.setattr(bundle, "MAX_VALUES", 200)
    data["contacts"][0]["content"] = "还钱，,[{" * 200
    assert bundle_parse(raw(data)).contacts


def test_the_value_count_is_also_checked_on_text_input(monkeypatch, no_json_parse):
    monkeypatch.setattr(bundle, "MAX_VALUES", 100)
    assert set(issues_of(json.dumps({"x-junk": [0] * 200}))) == {""}


def test_an_extension_with_too_many_values_names_its_path(monkeypatch):
    monkeypatch.setattr(bundle, "MAX_EXTENSION_VALUES", 10)
    data = sample()
    data["x-small"] = [1, 2, 3]
    data["x-junk"] = [{} for _ in range(11)]
    issues = issues_of(data)
    assert set(issues) == {"x-junk"}
    assert "more than 10 values" in issues["x-junk"]


def test_an_extension_nested_too_deeply_names_its_path():
    data = sample()
    deep = "leaf"
    for _ in range(bundle.MAX_DEPTH + 1):
        deep = [deep]
    data["x-deep"] = deep
    issues = issues_of(data)
    assert set(issues) == {"x-deep"}
    assert "nested more than 8 levels" in issues["x-deep"]


def test_an_extension_at_the_depth_limit_is_accepted():
    data = sample()
    deep = "leaf"
    for _ in range(bundle.MAX_DEPTH - 1):
        deep = {"a": deep}
    data["x-deep"] = deep
    bundle_parse(data)


def test_too_many_extensions_are_refused(monkeypatch):
    monkeypatch.setattr(bundle, "MAX_EXTENSIONS", 3)
    data = sample()
    for n in range(5):
        data[f"x-{n}"] = n
    assert set(issues_of(data)) == {"x-3"}


def test_unknown_fields_are_reported_up_to_the_error_cap():
    data = sample()
    for n in range(1000):
        data[f"unknown{n}"] = n
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    assert len(info.value.errors) == bundle.MAX_ERRORS and info.value.truncated


@pytest.mark.parametrize(
    ("cap", "section"),
    [("MAX_CONTACTS", "contacts"), ("MAX_LOANS", "loans"), ("MAX_EVENTS", "events")],
)
def test_each_section_over_its_cap_is_refused_by_name(monkeypatch, cap, section):
    data = sample()
    monkeypatch.setattr(bundle, cap, len(data[section]) - 1)
    assert section in issues_of(data)


def test_nesting_deeper_than_json_can_read_is_refused_with_its_own_message():
    issues = issues_of(b'{"x-deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert "nested far more deeply" in issues[""]


def test_a_refused_file_saves_nothing(borrower, monkeypatch):
    monkeypatch.setattr(bundle, "MAX_EXTENSION_VALUES", 10)
    data = sample()
    data["x-junk"] = list(range(50))
    with pytest.raises(BundleError):
        case_import_bundle(owner=borrower, data=raw(data))
    assert not Case.objects.exists()


def test_import_page_lists_the_structural_problem(borrower_client, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    monkeypatch.setattr(bundle, "MAX_VALUES", 500)
    data = sample()
    data["x-junk"] = [{} for _ in range(600)]
    response = borrower_client.post(
        reverse("cases:case_import"), {"file": SimpleUploadedFile("case.json", raw(data))}
    )
    assert response.status_code == 400
    assert "a case file holds at most 500" in response.content.decode()
    assert not Case.objects.exists()


def test_values_are_counted_exactly_when_over_the_quick_count(monkeypatch):
    monkeypatch.setattr(bundle, "MAX_VALUES", 0)  # always take the exact path
    text = '{"a": [1, {}, [], "x,{[{}"], "b": {"c": null}}'
    assert bundle._count_values(text) == 8
    assert bundle._count_values(text.encode()) == 8


def test_the_structure_message_is_translated(monkeypatch):
    from django.utils import translation

    monkeypatch.setattr(bundle, "MAX_VALUES", 100)
    with translation.override("zh-hans"):
        with pytest.raises(BundleError) as info:
            bundle_parse(json.dumps({"x-junk": [0] * 200}))
        assert str(info.value) == "文件含有 202 个值；案件文件最多含 100 个。没有读取任何内容。"
