"""The bundle's optional `actions`: parsed and dumped by cases/bundle.py, stored by the
actions app through its registries, lossless on round trip, and described by the schema."""

import json
from pathlib import Path

import pytest

from actions.models import Action, Channel, Method, Outcome
from cases import bundle
from cases.bundle import BundleError, bundle_parse, case_export_bundle, case_import_bundle
from rules import domain
from tests.cases.test_bundle_parse import rich_bundle

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "case-bundle.schema.json").read_text("utf-8")
)
ACTION = SCHEMA["$defs"]["action"]["properties"]


def with_actions():
    data = rich_bundle()
    loan = data["loans"][0]["ref"]
    data["actions"] = [
        {
            "channel": "lender", "method": "registered_post", "sent_on": "2025-05-01",
            "loan": loan, "received_on": "2025-05-03", "tracking_number": "XA123456789CN",
            "ticket_number": "", "summary": "停止夜间催收", "extended_until": "2025-06-02",
            "extension_note": "情况复杂，延长至30日", "outcome": "partly_resolved",
            "outcome_on": "2025-05-30", "responses": [{"received_on": "2025-05-30", "text": "已整改"}],
        },
        {"channel": "12378", "method": "phone", "sent_on": "2025-06-05", "ticket_number": "A-77"},
    ]  # fmt: skip
    return data


def test_actions_survive_import_and_export_without_loss(borrower):
    data = with_actions()
    exported = case_export_bundle(case=case_import_bundle(owner=borrower, data=data))
    assert exported["actions"][0] == data["actions"][0]
    second = exported["actions"][1]
    assert (second["channel"], second["ticket_number"], second["outcome"]) == (
        "12378",
        "A-77",
        "pending",
    )
    again = case_export_bundle(case=case_import_bundle(owner=borrower, data=exported))
    assert again["actions"] == exported["actions"]
    assert Action.objects.count() == 4


def test_a_bundle_without_actions_exports_without_the_key(borrower):
    exported = case_export_bundle(case=case_import_bundle(owner=borrower, data=rich_bundle()))
    assert "actions" not in exported


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda a: a.update(received_on="2025-04-01"), "actions[0].received_on"),
        (lambda a: a.update(channel="weibo"), "actions[0].channel"),
        (lambda a: a.update(loan="NOPE"), "actions[0].loan"),
        (lambda a: a["responses"][0].pop("received_on"), "actions[0].responses[0].received_on"),
    ],
)
def test_a_bad_action_is_refused_with_its_path(change, path):
    data = with_actions()
    change(data["actions"][0])
    with pytest.raises(BundleError) as error:
        bundle_parse(data)
    assert path in [issue.path for issue in error.value.errors]


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (ACTION["channel"]["enum"], Channel.values),
        (ACTION["method"]["enum"], Method.values),
        (ACTION["outcome"]["enum"], Outcome.values),
    ],
)
def test_schema_models_and_domain_share_the_action_vocabularies(enum, values):
    assert sorted(enum) == sorted(values)
    assert set(values) <= domain.ACTION_CHANNELS | domain.ACTION_METHODS | domain.ACTION_OUTCOMES


def test_schema_action_fields_equal_the_parser_fields():
    assert set(ACTION) == bundle.ACTION_KEYS
    for key, limit in bundle.ACTION_TEXT_LIMITS.items():
        assert ACTION[key]["maxLength"] == limit == Action._meta.get_field(key).max_length


def test_exported_actions_satisfy_the_schema(borrower):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    data = with_actions()
    assert list(validator.iter_errors(data)) == []
    exported = case_export_bundle(case=case_import_bundle(owner=borrower, data=data))
    assert list(validator.iter_errors(exported)) == []
