"""bundle_parse / bundle_dump: the selfhelp.case/1 format without the database."""

import copy
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cases.bundle import MAX_BUNDLE_BYTES, MAX_ERRORS, BundleError, bundle_dump, bundle_parse

# The format's reference sample lives in shared/, beside the repository (CI lays it there too).
SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "case-bundle.example.json"
if not SAMPLE.exists():  # a git worktree sits one level deeper
    SAMPLE = Path("/work/shared/samples/case-bundle.example.json")
DEMO = Path(__file__).resolve().parents[2] / "cases" / "demo" / "demo_case.json"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def rich_bundle() -> dict:
    """The sample plus every optional field, naive/Z/offset times, and an x- extension."""
    data = sample()
    data["x-exported-by"] = "another tool 1.0"
    data["timezone"] = "Asia/Shanghai"
    loan = data["loans"][0]
    loan["stated_rate"] = "0.1080"
    loan["purpose"] = "business"
    loan["fees"].append({"name": "逾期罚息", "amount": "35.20"})
    data["loans"].append(
        {"ref": "L2", "lender": "某某小贷", "lender_type": "unlicensed", "principal": 5000}
    )
    data["contacts"] += [
        {
            "ref": "C5",
            "loan": None,
            "occurred_at": "2025-04-26T23:10:00",
            "channel": "call",
            "connected": False,
            "target": "employer",
            "target_name": "公司前台",
            "caller": {"name": "王经理", "identity_disclosed": None},
            "claims_to_be": ["court", "police"],
            "content": "夜里打到公司。",
            "tags": ["threat", "自定义标签"],
            "consent_to_time": True,
        },
        {
            "ref": "C6",
            "loan": "L2",
            "occurred_at": "2025-04-26T01:00:00Z",
            "channel": "social_post",
            "target": "public",
        },
    ]
    return data


def errors_of(data) -> dict[str, str]:
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    return {issue.path: issue.text for issue in info.value.errors}


def test_sample_parses_into_domain_objects():
    case = bundle_parse(SAMPLE.read_bytes())

    assert case.timezone == "Asia/Shanghai"
    assert case.borrower.name == "李晓梅"
    (loan,) = case.loans
    assert loan.principal == Decimal("30000.00")
    assert loan.installments[2].paid == Decimal("0.00")
    assert [c.ref for c in case.contacts] == ["C1", "C2", "C3", "C4"]
    assert case.contacts[3].visitors == 2
    assert case.contacts[1].caller.identity_disclosed is False
    assert len(case.events) == 5


def test_demo_case_parses():
    case = bundle_parse(DEMO.read_bytes())
    assert len(case.contacts) >= 25


def test_naive_time_is_read_in_the_bundle_timezone():
    data = rich_bundle()
    data["timezone"] = "Europe/Berlin"
    case = bundle_parse(data)
    c5 = next(c for c in case.contacts if c.ref == "C5")
    assert c5.occurred_at == datetime(2025, 4, 26, 23, 10, tzinfo=ZoneInfo("Europe/Berlin"))
    assert c5.occurred_at.utcoffset() == timedelta(hours=2)


def test_naive_time_defaults_to_shanghai_when_no_timezone_is_given():
    data = rich_bundle()
    del data["timezone"]
    case = bundle_parse(data)
    c5 = next(c for c in case.contacts if c.ref == "C5")
    assert case.timezone == "Asia/Shanghai"
    assert c5.occurred_at.astimezone(UTC) == datetime(2025, 4, 26, 15, 10, tzinfo=UTC)


def test_z_and_explicit_offsets_are_honoured():
    data = rich_bundle()
    data["timezone"] = "Europe/Berlin"
    data["contacts"][0]["occurred_at"] = "2025-04-12T10:05:00+08:00"
    case = bundle_parse(data)
    by_ref = {c.ref: c for c in case.contacts}
    assert by_ref["C1"].occurred_at.astimezone(UTC) == datetime(2025, 4, 12, 2, 5, tzinfo=UTC)
    assert by_ref["C6"].occurred_at.astimezone(UTC) == datetime(2025, 4, 26, 1, 0, tzinfo=UTC)


def test_dump_writes_times_with_the_case_offset_and_money_with_two_decimals():
    dumped = bundle_dump(bundle_parse(rich_bundle()))
    by_ref = {c["ref"]: c for c in dumped["contacts"]}
    assert by_ref["C6"]["occurred_at"] == "2025-04-26T09:00:00+08:00"
    assert by_ref["C5"]["occurred_at"] == "2025-04-26T23:10:00+08:00"
    assert dumped["loans"][1]["principal"] == "5000.00"
    assert dumped["loans"][0]["stated_rate"] == "0.1080"
    assert "x-exported-by" not in dumped


def test_dump_of_parse_is_stable():
    once = bundle_dump(bundle_parse(rich_bundle()))
    twice = bundle_dump(bundle_parse(json.dumps(once)))
    assert twice == once


def test_dump_sorts_contacts_and_events_by_time():
    dumped = bundle_dump(bundle_parse(sample()))
    events = [e["at"] for e in dumped["events"]]
    assert events == sorted(events)
    assert [e["kind"] for e in dumped["events"]][0] == "outsourcing_notice_received"


def test_unknown_top_level_x_keys_are_allowed_but_other_unknown_keys_are_not():
    data = sample()
    data["x-note"] = {"anything": 1}
    bundle_parse(data)
    data["notes"] = "typo"
    assert "notes" in errors_of(data)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: d["contacts"][3].update(occurred_at="2025-04-31T10:00:00"),
            "contacts[3].occurred_at",
        ),
        (lambda d: d["contacts"][3].update(occurred_at="yesterday"), "contacts[3].occurred_at"),
        (lambda d: d["contacts"][3].update(occurred_at=None), "contacts[3].occurred_at"),
        (lambda d: d["contacts"][3].pop("occurred_at"), "contacts[3].occurred_at"),
        (lambda d: d["loans"][0].update(principal="30,000"), "loans[0].principal"),
        (lambda d: d["loans"][0].update(principal="-1.00"), "loans[0].principal"),
        (lambda d: d["loans"][0].update(principal="1.005"), "loans[0].principal"),
        (lambda d: d["loans"][0].update(principal=True), "loans[0].principal"),
        (lambda d: d["loans"][0].update(lender_type="shadow_bank"), "loans[0].lender_type"),
        (lambda d: d["loans"][0].update(disbursed_on="2025/01/08"), "loans[0].disbursed_on"),
        (
            lambda d: d["loans"][0]["installments"][1].update(amount=None),
            "loans[0].installments[1].amount",
        ),
        (lambda d: d["loans"][0]["fees"][0].update(surcharge="1"), "loans[0].fees[0].surcharge"),
        (lambda d: d["contacts"][1].update(loan="L9"), "contacts[1].loan"),
        (lambda d: d["contacts"][0].update(channel="phone"), "contacts[0].channel"),
        (lambda d: d["contacts"][0].update(target="boss"), "contacts[0].target"),
        (lambda d: d["contacts"][0].update(duration_seconds=-5), "contacts[0].duration_seconds"),
        (lambda d: d["contacts"][0].update(duration_seconds="140"), "contacts[0].duration_seconds"),
        (lambda d: d["contacts"][0].update(connected="yes"), "contacts[0].connected"),
        (
            lambda d: d["contacts"][0].update(claims_to_be=["police", "army"]),
            "contacts[0].claims_to_be[1]",
        ),
        (lambda d: d["contacts"][0].update(tags="threat"), "contacts[0].tags"),
        (
            lambda d: d["contacts"][0]["caller"].update(identity="yes"),
            "contacts[0].caller.identity",
        ),
        (lambda d: d["contacts"][0].update(target_phone="1" * 41), "contacts[0].target_phone"),
        (lambda d: d["contacts"][2].update(ref="C1"), "contacts[2].ref"),
        (lambda d: d["contacts"][2].update(ref=""), "contacts[2].ref"),
        (lambda d: d["loans"].append({"ref": "L1"}), "loans[1].ref"),
        (lambda d: d["loans"][0].pop("ref"), "loans[0].ref"),
        (lambda d: d["events"][0].update(kind="complained"), "events[0].kind"),
        (lambda d: d["events"][2].update(loan="L7"), "events[2].loan"),
        (lambda d: d.update(timezone="Mars/Olympus"), "timezone"),
        (lambda d: d.update(format="selfhelp.case/2"), "format"),
        (lambda d: d.pop("format"), "format"),
        (lambda d: d.update(contacts={}), "contacts"),
        (lambda d: d["borrower"].update(phone=13800000000), "borrower.phone"),
    ],
)
def test_invalid_bundle_names_the_bad_field(change, path):
    data = sample()
    change(data)
    assert path in errors_of(data)


def test_floats_are_refused_with_a_message_about_cents():
    data = sample()
    data["loans"][0]["principal"] = 30000.5
    message = errors_of(data)["loans[0].principal"]
    assert "2710.50" in message


def test_whole_numbers_are_accepted_as_money():
    data = sample()
    data["loans"][0]["principal"] = 30000
    assert bundle_parse(data).loans[0].principal == Decimal("30000")


def test_every_error_is_reported_not_only_the_first():
    data = sample()
    data["contacts"][0]["channel"] = "phone"
    data["contacts"][3]["occurred_at"] = "bad"
    data["loans"][0]["principal"] = "x"
    assert {"contacts[0].channel", "contacts[3].occurred_at", "loans[0].principal"} <= set(
        errors_of(data)
    )


def test_errors_stop_at_the_cap():
    data = sample()
    data["contacts"] = [{"ref": f"C{i}", "channel": "fax"} for i in range(200)]
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    assert len(info.value.errors) == MAX_ERRORS
    assert info.value.truncated


@pytest.mark.parametrize("raw", [b"", b"{", b"not json", b'{"format": NaN}', b"\xff\xfe\x00"])
def test_non_json_is_rejected(raw):
    with pytest.raises(BundleError) as info:
        bundle_parse(raw)
    assert info.value.errors[0].path == ""


def test_a_json_array_is_not_a_bundle():
    assert "" in errors_of(b"[]")


def test_too_large_input_is_refused_before_parsing():
    with pytest.raises(BundleError) as info:
        bundle_parse(b" " * (MAX_BUNDLE_BYTES + 1))
    assert f"{MAX_BUNDLE_BYTES // 2**20} MB" in info.value.errors[0].text


def test_too_many_contacts_are_refused(monkeypatch):
    monkeypatch.setattr("cases.bundle.MAX_CONTACTS", 3)
    assert "contacts" in errors_of(sample())


def test_utf8_bom_is_accepted():
    bundle_parse(b"\xef\xbb\xbf" + SAMPLE.read_bytes())


def test_error_messages_are_translated():
    from django.utils import translation

    data = sample()
    data["contacts"][0]["channel"] = "phone"
    with translation.override("en"):
        english = errors_of(data)["contacts[0].channel"]
    with translation.override("zh-hans"):
        chinese = errors_of(copy.deepcopy(data))["contacts[0].channel"]
    assert english.startswith("Must be one of")
    assert "call" in chinese


def test_loan_purpose_is_optional_and_round_trips():
    data = sample()
    data["loans"][0]["purpose"] = "business"
    case = bundle_parse(data)
    assert case.loans[0].purpose == "business"
    assert bundle_dump(case)["loans"][0]["purpose"] == "business"
    plain = bundle_parse(sample())
    assert plain.loans[0].purpose == "" and "purpose" not in bundle_dump(plain)["loans"][0]


def test_unknown_loan_purpose_is_refused():
    data = sample()
    data["loans"][0]["purpose"] = "gambling"
    assert "loans[0].purpose" in errors_of(data)
