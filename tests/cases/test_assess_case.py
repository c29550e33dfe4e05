import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.template import Context, Template

from cases.bundle import bundle_parse
from rules.engine import assess, summarize

SAMPLE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "case-bundle.example.json"
)
pytestmark = [
    pytest.mark.skipif(not SAMPLE.exists(), reason="shared samples not available"),
    pytest.mark.django_db,
]

HARSH = {
    "format": "selfhelp.case/1",
    "timezone": "Asia/Shanghai",
    "borrower": {"name": "王", "phone": "13800000000"},
    "loans": [
        {
            "ref": "L1",
            "lender": "某消金",
            "lender_type": "consumer_finance",
            "principal": "10000",
            "amount_received": "9000",
            "disbursed_on": "2025-01-01",
            "installments": [{"due_on": "2026-01-01", "amount": "12000"}],
        }
    ],
    "contacts": [
        {
            "ref": "C1",
            "loan": "L1",
            "occurred_at": "2025-04-01T14:30:00Z",
            "channel": "call",
            "connected": True,
            "target": "borrower",
            "content": "我是公安局的，你这是诈骗，明天警察上门抓你",
        },
        {
            "ref": "C2",
            "loan": "L1",
            "occurred_at": "2025-04-02T10:00:00",
            "channel": "call",
            "connected": True,
            "target": "relative",
            "target_phone": "139",
            "content": "你儿子欠我们两万，你替他还",
        },
    ],
    "events": [],
}


def _run(path, fmt):
    out = StringIO()
    call_command("assess_case", str(path), "--format", fmt, stdout=out)
    return out.getvalue()


def test_json_output_on_the_sample_has_the_issue_shape():
    data = json.loads(_run(SAMPLE, "json"))
    assert set(data) == {"findings", "loans"}
    assert data["loans"][0]["ref"] == "L1"
    for finding in data["findings"]:
        assert set(finding) == {
            "rule",
            "certainty",
            "contacts",
            "loans",
            "standing",
            "severity",
            "sources",
            "summary",
        }


def test_json_gives_every_finding_a_certainty():
    data = json.loads(_run(SAMPLE, "json"))
    assert data["findings"]
    assert {f["certainty"] for f in data["findings"]} <= {"certain", "possible"}


def test_text_output_on_the_sample_names_rules_and_loans():
    text = _run(SAMPLE, "text")
    assert "L1" in text


def test_harsh_bundle_finds_what_a_lawyer_would(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps(HARSH, ensure_ascii=False), encoding="utf-8")
    data = json.loads(_run(path, "json"))
    by_rule = {f["rule"]: f for f in data["findings"]}
    assert by_rule["quiet_hours"]["contacts"] == ["C1"]  # 14:30Z is 22:30 in Shanghai
    assert {
        "impersonating_authority",
        "false_legal_consequences",
        "third_party_collection",
        "debt_disclosed_to_third_party",
        "fee_withheld",  # 1000 kept back, not recorded as interest
        "cost_above_24_percent",
    } <= set(by_rule)
    assert data["loans"][0]["effective_annual_cost"] is not None


def test_naive_times_are_read_in_the_bundle_timezone(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps(HARSH, ensure_ascii=False), encoding="utf-8")
    case = bundle_parse(path.read_bytes())
    assert case.contacts[1].occurred_at.utcoffset().total_seconds() == 8 * 3600


def test_bad_bundle_is_a_command_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError):
        _run(path, "json")


def test_findings_fragment_groups_by_severity_and_links_contacts(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps(HARSH, ensure_ascii=False), encoding="utf-8")
    case = bundle_parse(path.read_bytes())
    assessment = assess(case)
    html = Template("{% load rules_findings %}{% findings assessment urls %}").render(
        Context({"assessment": assessment, "urls": {"C2": "/cases/1/contacts/2/"}})
    )
    assert 'href="/cases/1/contacts/2/"' in html and "findings-high" in html
    summary = summarize(case, assessment)
    assert summary.counts["third_party_collection"] == 1
    assert [p.phone for p in summary.third_parties] == ["139"]
    assert [d.isoformat() for d in summary.night_dates] == ["2025-04-01"]


def test_invalid_bundle_names_the_bad_field_and_fails(tmp_path):
    bad = dict(HARSH, contacts=[dict(HARSH["contacts"][0], occurred_at="yesterday")])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("assess_case", str(path), stdout=StringIO(), stderr=err)
    assert "contacts[0].occurred_at" in err.getvalue()


def test_summaries_follow_the_requested_language(tmp_path):
    path = tmp_path / "harsh.json"
    path.write_text(json.dumps(HARSH), encoding="utf-8")
    outputs = {}
    for lang in ("zh-hans", "en"):
        out = StringIO()
        call_command("assess_case", str(path), "--lang", lang, stdout=out)
        outputs[lang] = json.loads(out.getvalue())["findings"][0]["summary"]
    assert outputs["zh-hans"] != outputs["en"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in outputs["zh-hans"])
