"""case_import_bundle / case_export_bundle: storing a bundle all-or-nothing, and losslessly back."""

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from cases.bundle import (
    BundleError,
    bundle_dump,
    bundle_parse,
    case_export_bundle,
    case_import_bundle,
)
from cases.models import Case, CaseEvent, Contact, Fee, Installment, Lender, Loan
from tests.cases.test_bundle_parse import rich_bundle, sample

MODELS = [Case, Loan, Installment, Fee, Contact, CaseEvent]
MONEY_KEYS = {"principal", "amount_received", "outstanding", "amount", "paid", "stated_rate"}
TIME_KEYS = {"occurred_at", "at"}


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def _canonical_order(bundle: dict) -> dict:
    """The input reordered the way export orders it, so lists can be compared item by item."""
    zone = bundle_parse(bundle).timezone
    data = json.loads(json.dumps(bundle))
    moment = _moment_reader(zone)
    data["contacts"] = sorted(data.get("contacts", []), key=lambda c: moment(c["occurred_at"]))
    data["events"] = sorted(data.get("events", []), key=lambda e: moment(e["at"]))
    for loan in data.get("loans", []):
        loan["installments"] = sorted(loan.get("installments", []), key=lambda i: i["due_on"])
        loan["fees"] = sorted(
            loan.get("fees", []),
            key=lambda f: (f.get("charged_on") is None, f.get("charged_on") or ""),
        )
    return data


def _moment_reader(zone: str):
    from zoneinfo import ZoneInfo

    def read(value: str) -> datetime:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(zone))

    return read


def assert_every_value_survives(given, exported, path="", moment=None):
    """Lossless: each value present in the input comes back equal in value (see cases/bundle.py)."""
    if moment is None:
        moment = _moment_reader(exported["timezone"])
        given = _canonical_order(given)
    if isinstance(given, dict):
        for key, value in given.items():
            if not path and key.startswith("x-"):
                continue  # extensions are not stored
            assert key in exported, f"{path}.{key} was lost"
            assert_every_value_survives(value, exported[key], f"{path}.{key}", moment)
    elif isinstance(given, list):
        assert len(given) == len(exported), f"{path} has a different length"
        for index, (a, b) in enumerate(zip(given, exported, strict=True)):
            assert_every_value_survives(a, b, f"{path}[{index}]", moment)
    elif path.rsplit(".", 1)[-1] in MONEY_KEYS and given is not None:
        assert Decimal(str(given)) == Decimal(exported), path
    elif path.rsplit(".", 1)[-1] in TIME_KEYS:
        assert moment(given) == moment(exported), path
    else:
        assert given == exported, path


def test_import_stores_every_row(borrower):
    case = case_import_bundle(owner=borrower, data=rich_bundle())

    assert case.owner == borrower
    assert case.loans.count() == 2
    assert Installment.objects.filter(loan__case=case).count() == 3
    assert Fee.objects.filter(loan__case=case).count() == 2
    assert case.contacts.count() == 6
    assert case.events.count() == 5
    c5 = case.contacts.get(ref="C5")
    assert c5.loan is None
    assert c5.claims_to_be == ["court", "police"]
    assert c5.consent_to_time is True
    assert case.contacts.get(ref="C6").loan.ref == "L2"


def test_import_title_defaults_to_borrower_and_product(borrower):
    assert case_import_bundle(owner=borrower, data=sample()).title == "李晓梅 · 网商贷"


def test_import_title_can_be_given(borrower):
    assert case_import_bundle(owner=borrower, data=sample(), title="我的案子").title == "我的案子"


def test_import_title_falls_back_when_nothing_names_the_case(borrower):
    case = case_import_bundle(owner=borrower, data={"format": "selfhelp.case/1"})
    assert case.title
    assert case.timezone == "Asia/Shanghai"


def test_lender_is_linked_by_full_legal_name(borrower):
    lender = Lender.objects.get(name="浙江网商银行股份有限公司")
    case = case_import_bundle(owner=borrower, data=sample())
    loan = case.loans.get()
    assert loan.lender == lender
    assert loan.lender_name == ""


def test_lender_is_linked_by_common_name(borrower):
    data = sample()
    data["loans"][0]["lender"] = "网商银行"
    data["loans"][0].pop("lender_type")
    loan = case_import_bundle(owner=borrower, data=data).loans.get()
    assert loan.lender.name == "浙江网商银行股份有限公司"
    assert loan.lender_type == "bank"


def test_unknown_lender_is_kept_as_typed(borrower):
    loan = case_import_bundle(owner=borrower, data=rich_bundle()).loans.get(ref="L2")
    assert loan.lender is None
    assert loan.lender_name == "某某小贷"
    assert loan.lender_type == "unlicensed"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: d["contacts"][3].update(occurred_at="2025-04-31T10:00"),
            "contacts[3].occurred_at",
        ),
        (lambda d: d["loans"][0].update(principal=30000.5), "loans[0].principal"),
        (lambda d: d["contacts"][1].update(loan="L9"), "contacts[1].loan"),
        (lambda d: d["contacts"][2].update(ref="C1"), "contacts[2].ref"),
        (lambda d: d["contacts"][0].update(channel="phone"), "contacts[0].channel"),
    ],
)
def test_bad_bundle_is_rejected_whole_and_nothing_is_saved(borrower, change, path):
    data = rich_bundle()
    case_import_bundle(owner=borrower, data=data)  # the same bundle, unchanged, imports
    before = row_counts()
    change(data)

    with pytest.raises(BundleError) as info:
        case_import_bundle(owner=borrower, data=data)

    assert path in [issue.path for issue in info.value.errors]
    assert row_counts() == before


def test_a_database_failure_midway_saves_nothing(borrower, monkeypatch):
    before = row_counts()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CaseEvent.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        case_import_bundle(owner=borrower, data=rich_bundle())
    assert row_counts() == before


def test_export_writes_the_canonical_form(borrower):
    case = case_import_bundle(owner=borrower, data=sample())
    exported = case_export_bundle(case=case)
    assert exported["format"] == "selfhelp.case/1"
    assert exported["contacts"][0]["occurred_at"] == "2025-04-12T10:05:00+08:00"
    assert exported["loans"][0]["installments"][2]["paid"] == "0.00"
    assert json.loads(json.dumps(exported, ensure_ascii=False)) == exported


def test_sample_import_then_export_equals_the_normalised_sample(borrower):
    case = case_import_bundle(owner=borrower, data=sample())
    exported = case_export_bundle(case=case)
    assert exported.pop("x-title") == case.title
    assert exported == bundle_dump(bundle_parse(sample()))


@pytest.mark.parametrize("make", [sample, rich_bundle], ids=["sample", "rich"])
def test_every_value_in_the_input_survives_import_and_export(borrower, make):
    exported = case_export_bundle(case=case_import_bundle(owner=borrower, data=make()))
    assert_every_value_survives(make(), exported)


def test_export_then_import_then_export_is_identical(borrower, other_borrower):
    first = case_export_bundle(case=case_import_bundle(owner=borrower, data=rich_bundle()))
    second = case_export_bundle(case=case_import_bundle(owner=other_borrower, data=first))
    assert second == first


def test_export_of_a_case_built_in_the_app_round_trips(case, other_borrower):
    from tests.factories import ContactFactory, FeeFactory, InstallmentFactory, LoanFactory

    loan = LoanFactory(
        case=case, ref="L1", stated_rate=Decimal("0.2400"), outstanding=Decimal("12.5")
    )
    InstallmentFactory(loan=loan, due_on=date(2025, 3, 8))
    InstallmentFactory(loan=loan, due_on=date(2025, 2, 8))
    FeeFactory(loan=loan, charged_on=None)
    FeeFactory(loan=loan, charged_on=date(2025, 1, 8))
    ContactFactory(case=case, loan=loan, tags=["threat"], claims_to_be=["court"])
    ContactFactory(case=case, loan=None, connected=None, duration_seconds=None)

    first = case_export_bundle(case=case)
    again = case_export_bundle(case=case_import_bundle(owner=other_borrower, data=first))
    assert again == first
    assert [f["charged_on"] for f in first["loans"][0]["fees"]] == ["2025-01-08", None]
