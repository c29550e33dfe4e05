"""Hand-built cases and findings for letter tests (the rights engine is tested elsewhere)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from letters.kinds import EvidenceFile, LenderInfo, LetterInput
from rules import domain
from rules.engine.types import Assessment, Finding, Severity, Source, Standing

SHANGHAI = ZoneInfo("Asia/Shanghai")
LENDER = "浙江网商银行股份有限公司"

QUIET_HOURS = Source(
    law="GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》",
    article="（催收时间）",
    quote="双方未约定催收时间的，催收作业不应在每日22:00至次日8:00催收",
    standing=Standing.STANDARD,
    fact_id="gbt45251_hours",
)
THIRD_PARTY = Source(
    law="《商业银行互联网贷款管理暂行办法》",
    article="第五十六条",
    quote="要求其不得对与贷款无关的第三人进行清收",
    standing=Standing.BINDING,
    fact_id="ibl_third_party_collectors",
)


def make_finding(rule: str, contacts: tuple[str, ...], source: Source, **kw) -> Finding:
    return Finding(
        rule=rule,
        contacts=contacts,
        loans=("L1",),
        standing=source.standing,
        severity=kw.pop("severity", Severity.HIGH),
        sources=(source,),
        summary=kw.pop("summary", rule),
        **kw,
    )


def make_contacts(n: int = 6, *, start: datetime | None = None) -> tuple[domain.Contact, ...]:
    start = start or datetime(2025, 4, 12, 10, 5, tzinfo=SHANGHAI)
    targets = ["borrower", "relative", "borrower", "colleague", "borrower", "employer"]
    result = []
    for i in range(n):
        at = start + timedelta(hours=7 * i + (i % 5))
        result.append(
            domain.Contact(
                ref=f"C{i + 1}",
                occurred_at=at,
                channel="call" if i % 3 else "sms",
                target=targets[i % len(targets)],
                loan="L1",
                connected=True,
                duration_seconds=60,
                target_name="李建华（父亲）" if targets[i % len(targets)] == "relative" else "",
                target_phone=f"1390000{i % 50:04d}",
                caller=domain.Caller(
                    name="张先生", organization="某某信息咨询有限公司", phone="02112345678"
                ),
                content="说再不还钱就上门找你家人。",
                tags=("threat",) if i % 4 == 0 else (),
            )
        )
    return tuple(result)


def make_case(contacts=None, *, product: str = "网商贷", id_number: str = "330106199001011234"):
    contacts = make_contacts() if contacts is None else contacts
    return domain.Case(
        borrower=domain.Borrower(
            name="李晓梅",
            phone="13800000000",
            address="浙江省杭州市西湖区示例路 1 号 2 单元 301 室",
            id_number=id_number,
        ),
        loans=(
            domain.Loan(
                ref="L1",
                lender=LENDER,
                lender_type="bank",
                product=product,
                contract_no="WS2025010800123",
                principal=Decimal("30000.00"),
                disbursed_on=date(2025, 1, 8),
                overdue_since=date(2025, 4, 9),
                outstanding=Decimal("27105.00"),
            ),
        ),
        contacts=contacts,
    )


def make_assessment(case: domain.Case) -> Assessment:
    night = tuple(
        c.ref
        for c in case.contacts
        if c.occurred_at.astimezone(SHANGHAI).hour in {22, 23, 0, 1, 2, 3, 4, 5, 6, 7}
    )
    third = tuple(c.ref for c in case.contacts if c.is_third_party)
    findings = []
    if night:
        findings.append(make_finding("contact_quiet_hours", night, QUIET_HOURS, summary="夜间催收"))
    if third:
        findings.append(make_finding("collecting_from_third_party", third, THIRD_PARTY, summary="向第三人催收"))  # fmt: skip
    return Assessment(findings=tuple(findings))


def make_input(
    *, language: str = "zh-hans", fields: dict | None = None, case=None, today=date(2025, 5, 6)
) -> LetterInput:
    case = case or make_case()
    return LetterInput(
        case=case,
        assessment=make_assessment(case),
        fields=fields or {},
        today=today,
        language=language,
        case_title="网商贷催收",
        evidence=(
            EvidenceFile(name="通话录音-0412.m4a", sha256="a" * 64, size=1000, kind="audio"),
            EvidenceFile(name="短信截图.png", sha256="b" * 64, size=2000, kind="image"),
        ),
        lenders={
            LENDER: LenderInfo(
                name=LENDER, short_name="网商银行", complaint_channel="客服热线 95188"
            )
        },
    )


def engine_input(
    case: domain.Case,
    *,
    language: str = "zh-hans",
    fields: dict | None = None,
    today=date(2026, 6, 1),
) -> LetterInput:
    """A letter input whose findings come from the real rights engine and catalogue."""
    from django.utils import translation

    from rules.engine import CATALOGUE, assess

    with translation.override(language):
        assessment = assess(case, today=today)
    return LetterInput(
        case=case,
        assessment=assessment,
        fields=fields or {},
        today=today,
        language=language,
        case_title="测试",
        catalogue=dict(CATALOGUE),
    )
