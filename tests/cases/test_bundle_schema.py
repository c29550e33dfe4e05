"""docs/case-bundle.schema.json agrees with the parser and with rules.domain's vocabularies."""

import json
from pathlib import Path

import pytest

from cases import bundle
from cases.bundle import bundle_parse, case_export_bundle, case_import_bundle
from rules import domain
from tests.cases.test_bundle_parse import DEMO, rich_bundle, sample

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "case-bundle.schema.json").read_text(
        encoding="utf-8"
    )
)
DEFS = SCHEMA["$defs"]


def values(choices) -> list[str]:
    return sorted(value for value, _label in choices)


@pytest.mark.parametrize(
    ("enum", "choices"),
    [
        (DEFS["loan"]["properties"]["lender_type"]["enum"], domain.LENDER_TYPE_CHOICES),
        (DEFS["contact"]["properties"]["channel"]["enum"], domain.CHANNEL_CHOICES),
        (DEFS["contact"]["properties"]["target"]["enum"], domain.TARGET_CHOICES),
        (
            DEFS["contact"]["properties"]["claims_to_be"]["items"]["enum"],
            domain.CLAIMS_TO_BE_CHOICES,
        ),
        (DEFS["event"]["properties"]["kind"]["enum"], domain.EVENT_KIND_CHOICES),
    ],
)
def test_schema_vocabularies_equal_the_domain(enum, choices):
    assert sorted(enum) == values(choices)


def test_schema_fields_equal_the_parser_fields():
    assert set(SCHEMA["properties"]) == bundle.TOP_KEYS
    assert set(SCHEMA["properties"]["borrower"]["properties"]) == bundle.BORROWER_KEYS
    assert set(DEFS["loan"]["properties"]) == bundle.LOAN_KEYS
    assert set(DEFS["contact"]["properties"]) == bundle.CONTACT_KEYS
    assert set(DEFS["event"]["properties"]) == bundle.EVENT_KEYS
    assert SCHEMA["properties"]["format"]["const"] == domain.BUNDLE_FORMAT


def test_schema_text_limits_equal_the_model_limits():
    props = {
        "borrower": SCHEMA["properties"]["borrower"]["properties"],
        "loan": DEFS["loan"]["properties"],
        "contact": DEFS["contact"]["properties"],
        "event": DEFS["event"]["properties"],
        "caller": DEFS["contact"]["properties"]["caller"]["oneOf"][1]["properties"],
        "fee": DEFS["loan"]["properties"]["fees"]["items"]["properties"],
    }
    for key, limit in bundle.TEXT_LIMITS.items():
        if key == "timezone":
            assert SCHEMA["properties"]["timezone"]["maxLength"] == limit
            continue
        section, name = key.split(".")
        assert props[section][name]["maxLength"] == limit, key


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_sample_demo_and_test_bundles_satisfy_the_schema():
    validator = _validator()
    for data in (sample(), rich_bundle(), json.loads(DEMO.read_text(encoding="utf-8"))):
        bundle_parse(data)
        assert list(validator.iter_errors(data)) == []


def test_exported_bundle_satisfies_the_schema(borrower):
    validator = _validator()
    exported = case_export_bundle(case=case_import_bundle(owner=borrower, data=rich_bundle()))
    assert list(validator.iter_errors(exported)) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["loans"][0].update(principal=30000.5),
        lambda d: d["loans"][0].update(principal="-1"),
        lambda d: d["contacts"][0].update(channel="phone"),
        lambda d: d["contacts"][0].update(surprise=1),
        lambda d: d["contacts"][0].pop("occurred_at"),
        lambda d: d["contacts"][0].update(occurred_at="yesterday"),
        lambda d: d.update(extra=1),
    ],
)
def test_schema_refuses_what_the_parser_refuses(change):
    validator = _validator()
    data = sample()
    change(data)
    assert list(validator.iter_errors(data))
    with pytest.raises(bundle.BundleError):
        bundle_parse(data)
