"""Fuzzing the case-bundle importer: whatever the file holds, it is imported whole or refused
with BundleError naming where (never another exception, which would be a 500), a refused
file saves nothing, and reading it takes memory in proportion to its size."""

import copy
import json
import tracemalloc

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from cases.bundle import BundleError, bundle_parse, case_import_bundle
from cases.models import Case, Contact
from tests.cases.test_bundle_parse import sample

pytestmark = pytest.mark.django_db

SAMPLE = sample()

#: Text as collectors and broken exports write it: Chinese, emoji, NULs, lone surrogates.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x00", "\ud800", "还", "钱", "😀", '"', "\\", "{", "[", ","]),
    ),
    max_size=40,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.one_of(TEXT, st.sampled_from(sorted(SAMPLE))), children, max_size=5)
    ),
    max_leaves=25,
)


def paths(value, prefix=()):
    """Every place in a JSON value that can be replaced."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


SAMPLE_PATHS = [p for p in paths(SAMPLE) if p]


def replaced(data, path, value):
    data = copy.deepcopy(data)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def parse_or_refuse(data):
    """The only two outcomes allowed: a case, or BundleError with printable paths."""
    try:
        return bundle_parse(data)
    except BundleError as error:
        assert error.errors
        for issue in error.errors:
            assert isinstance(issue.path, str)
            str(issue).encode("utf-8")  # printable: no lone surrogate reaches a page
        return None


@given(JSON)
def test_any_json_value_is_parsed_or_refused(value):
    parse_or_refuse(value)


@given(st.sampled_from(SAMPLE_PATHS), JSON)
def test_a_sample_with_any_field_replaced_is_parsed_or_refused(path, value):
    parse_or_refuse(replaced(SAMPLE, path, value))


@given(st.binary(max_size=300))
def test_any_bytes_are_parsed_or_refused(raw):
    parse_or_refuse(raw)


@given(st.sampled_from(SAMPLE_PATHS), JSON)
def test_import_saves_the_whole_case_or_nothing(borrower, path, value):
    data = replaced(SAMPLE, path, value)
    with transaction.atomic():
        cases_before = Case.objects.count()
        try:
            case = case_import_bundle(owner=borrower, data=json.dumps(data))
        except BundleError:
            assert Case.objects.count() == cases_before
            assert not Contact.objects.filter(case__owner=borrower).exists()
        else:
            assert case.contacts.count() == len(bundle_parse(data).contacts)
        transaction.set_rollback(True)


@given(st.lists(JSON, min_size=1, max_size=40))
def test_memory_to_read_a_file_grows_with_its_size_only(values):
    raw = json.dumps({"format": "selfhelp.case/1", "x-data": values}).encode()
    tracemalloc.start()
    try:
        parse_or_refuse(raw)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200_000 + 100 * len(raw)
