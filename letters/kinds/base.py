"""What every letter kind receives, and the parts every letter shares.

Pure: a context builder takes a LetterInput (plain data, no ORM) and returns
the template context. Adding a kind means one module in this package, one
line in the registry and two templates; no other kind changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.functional import Promise

from cases.formats import money_text
from cases.masking import mask_address, mask_id_number, mask_phone
from rules import domain
from rules.engine.assess import lender_of
from rules.engine.catalogue import CP_41_1, law_title
from rules.engine.outcomes import before_after
from rules.engine.routing import Routing, route
from rules.engine.types import Assessment, Finding, Rule, Source, Standing

#: 银行业保险业消费投诉处理管理办法 art. 18: a simple complaint is decided within 15 days of
#: receipt. Letters say "within 15 days of receipt": the app does not know the receipt date.
REPLY_DAYS = 15
#: Facts listed in a letter; the evidence report (enclosure 1) lists every contact.
MAX_FACTS = 40

STANDING_LABELS = {
    "zh-hans": {
        Standing.BINDING: "法律、法规或规章，具有约束力",
        Standing.STANDARD: "行业标准 / 自律规范",
        Standing.HEURISTIC: "本应用的判断标准",
    },
    "en": {
        Standing.BINDING: "law, regulation or departmental rule, binding",
        Standing.STANDARD: "industry standard / self-regulation",
        Standing.HEURISTIC: "this app's own threshold",
    },
}


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    name: str
    sha256: str
    size: int = 0
    kind: str = ""
    contact_ref: str = ""
    #: A recording's length, read from its header (None: unknown).
    duration_ms: int | None = None
    #: A screenshot's thumbnail as a data:image/jpeg URI (only for the kinds that show them).
    thumbnail: str = ""


@dataclass(frozen=True, slots=True)
class LenderInfo:
    """What the lender directory knows beyond the legal name."""

    name: str
    short_name: str = ""
    complaint_channel: str = ""
    regulator: str = ""


@dataclass(frozen=True, slots=True)
class SentLetter:
    """A finalised letter of the same case: the regulator complaint says what came before."""

    kind: str
    loan: str
    finalised_on: date


@dataclass(frozen=True, slots=True)
class TakenAction:
    """A complaint or letter the borrower recorded as sent (passed in by the actions app
    through letters.services.ACTION_SOURCES: letters never import it)."""

    channel: str
    sent_on: date
    label_zh: str
    label_en: str
    ticket: str = ""
    method: str = ""  # registered_post, online, phone, in_person
    due: date | None = None  # the answer deadline, while no answer has come


@dataclass(frozen=True, slots=True)
class LetterInput:
    case: domain.Case
    assessment: Assessment
    fields: Mapping[str, Any]
    today: date
    language: str = "zh-hans"
    case_title: str = ""
    catalogue: Mapping[str, Rule] = field(default_factory=dict)
    evidence: tuple[EvidenceFile, ...] = ()
    lenders: Mapping[str, LenderInfo] = field(default_factory=dict)
    sent: tuple[SentLetter, ...] = ()
    actions: tuple[TakenAction, ...] = ()


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    title: str | Promise
    description: str | Promise
    build: Callable[[LetterInput], dict]
    #: Extra form fields this kind uses on top of the common ones.
    extra_fields: tuple[str, ...] = ()
    #: Rule ids whose findings support this kind (used with the rules' own actions).
    rule_ids: frozenset[str] = frozenset()
    #: Rendered by a background task rather than in the request.
    background: bool = False
    #: Addressed to one lender: only the selected loan's contacts and findings count.
    per_loan: bool = True
    #: Shows image evidence as thumbnails (read from the files, so only where printed).
    shows_thumbnails: bool = False
    #: The description as a volunteer or lawyer reading the case is told it (about the
    #: borrower, not to them); empty where the description does not address the borrower.
    reviewer_description: str | Promise = ""

    def description_for(self, *, reviewer: bool = False) -> str | Promise:
        return (self.reviewer_description or self.description) if reviewer else self.description


#: An ID number with all but the first 4 and last 4 characters hidden.
mask_id = mask_id_number


def masked_input(inp: LetterInput) -> LetterInput:
    """The input as a reader who may not see the borrower's details sees it: phone, address
    and ID number masked wherever a letter could print them, whatever the fields say."""
    borrower = inp.case.borrower
    hidden = replace(
        borrower,
        phone=mask_phone(borrower.phone),
        address=mask_address(borrower.address),
        id_number=mask_id_number(borrower.id_number),
    )
    fields = {
        **inp.fields,
        "sender_phone": mask_phone(inp.fields.get("sender_phone") or ""),
        "sender_address": mask_address(inp.fields.get("sender_address") or ""),
        "show_full_id": False,
    }
    return replace(inp, case=replace(inp.case, borrower=hidden), fields=fields)


#: Letter wording for the case vocabulary. Letters are per-language files, so their
#: words do not depend on the UI catalogues.
LABELS = {
    "zh-hans": {
        "channel": {"call": "电话", "sms": "短信", "im": "即时通讯（微信、QQ 等）",
                    "app": "应用内消息", "email": "电子邮件", "letter": "信函",
                    "visit": "上门", "social_post": "公开 / 社交媒体发布"},
        "target": {"borrower": "本人", "guarantor": "担保人", "spouse": "配偶",
                   "relative": "亲属", "friend": "朋友", "colleague": "同事",
                   "employer": "工作单位", "contact_list": "通讯录联系人", "public": "公众"},
        "claims": {"police": "公安机关", "court": "法院", "procuratorate": "检察院",
                   "government": "政府部门", "lawyer": "律师或律师事务所", "arbitration": "仲裁机构"},
        "evidence": {"image": "截图 / 照片", "audio": "录音", "pdf": "PDF 文件"},
        "tags": {"threat": "威胁", "insult": "辱骂", "fake_document": "伪造法律文书",
                 "impersonation": "冒充公检法", "disclosed_debt": "向他人透露欠款",
                 "public_post": "公开发布", "no_identity": "不表明身份",
                 "private_account": "要求转入个人账户", "borrow_elsewhere": "诱导以贷还贷",
                 "refused_to_leave": "拒不离开"},
    },
    "en": {
        "channel": {"call": "phone call", "sms": "text message", "im": "chat message",
                    "app": "in-app message", "email": "email", "letter": "letter",
                    "visit": "visit in person", "social_post": "public or social-media post"},
        "target": {"borrower": "me", "guarantor": "my guarantor", "spouse": "my spouse",
                   "relative": "a relative", "friend": "a friend", "colleague": "a colleague",
                   "employer": "my employer", "contact_list": "a person in my contact list",
                   "public": "the public"},
        "claims": {"police": "police", "court": "court", "procuratorate": "procuratorate",
                   "government": "government office", "lawyer": "lawyer or law firm",
                   "arbitration": "arbitration body"},
        "evidence": {"image": "screenshot / photo", "audio": "recording", "pdf": "PDF document"},
        "tags": {"threat": "threat", "insult": "insult", "fake_document": "fake legal paper",
                 "impersonation": "impersonating officials", "disclosed_debt": "disclosed the debt",
                 "public_post": "public post", "no_identity": "no identity given",
                 "private_account": "asked to pay a personal account",
                 "borrow_elsewhere": "told to borrow elsewhere", "refused_to_leave": "refused to leave"},
    },
}  # fmt: skip


def duration_text(milliseconds: int | None, language: str) -> str:
    """A recording's length as letters print it: 1分23秒 / 1:23; empty when unknown."""
    if not milliseconds:
        return ""
    seconds = max(1, round(milliseconds / 1000))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if language == "zh-hans":
        parts = [f"{hours}小时" if hours else "", f"{minutes}分" if hours or minutes else ""]
        return "".join(parts) + f"{seconds}秒"
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def label(language: str, group: str, value: str) -> str:
    return LABELS.get(language, LABELS["en"])[group].get(value, value)


def is_credit_card(loan: domain.Loan | None) -> bool:
    """Only credit cards get 个性化分期 (信用卡办法 art. 70); the rule itself is domain.Loan's."""
    return loan is not None and loan.is_credit_card


def selected_loan(inp: LetterInput) -> domain.Loan | None:
    ref = inp.fields.get("loan") or ""
    for loan in inp.case.loans:
        if loan.ref == ref:
            return loan
    return inp.case.loans[0] if inp.case.loans else None


def scope_to_loan(inp: LetterInput) -> LetterInput:
    """The input narrowed to the selected loan: a letter to 网商银行 must not cite 借呗's calls.

    Contacts recorded without a loan stay in (the borrower could not tell who called).
    Findings keep only their contacts on that loan; a finding left without contacts stays
    only when it names the loan itself.
    """
    loan = selected_loan(inp)
    if loan is None or len(inp.case.loans) < 2:
        return inp
    contacts = tuple(c for c in inp.case.contacts if not c.loan or c.loan == loan.ref)
    refs = {c.ref for c in contacts}
    findings = []
    for finding in inp.assessment.findings:
        kept = tuple(r for r in finding.contacts if r in refs)
        if kept:
            findings.append(replace(finding, contacts=kept))
        elif not finding.contacts and (not finding.loans or loan.ref in finding.loans):
            findings.append(finding)
    return replace(
        inp,
        case=replace(inp.case, contacts=contacts),
        assessment=replace(inp.assessment, findings=tuple(findings)),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _money(value: Decimal | None) -> str:
    return money_text(value)


def local(dt: datetime, tz: ZoneInfo) -> datetime:
    return dt.astimezone(tz)


def contact_row(
    contact: domain.Contact, tz: ZoneInfo, rule_titles: list[str], language: str = "zh-hans"
) -> dict:
    """One contact as the letters show it: time, channel, who, caller, what happened."""
    at = local(contact.occurred_at, tz)
    caller = contact.caller
    return {
        "ref": contact.ref,
        "at": at,
        "date": at.strftime("%Y-%m-%d"),
        "time": at.strftime("%H:%M"),
        "channel": label(language, "channel", contact.channel),
        "target": label(language, "target", contact.target),
        "target_code": contact.target,
        "target_name": contact.target_name,
        "target_phone": contact.target_phone,
        "third_party": contact.is_third_party,
        "caller_phone": caller.phone,
        "caller_name": caller.name,
        "caller_org": caller.organization,
        "claims": [label(language, "claims", c) for c in contact.claims_to_be],
        "tags": [label(language, "tags", t) for t in contact.tags],
        "content": contact.content,
        "connected": contact.connected,
        "duration": contact.duration_seconds,
        "night": at.hour >= 22 or at.hour < 8,
        "rules": rule_titles,
    }


def rule_title(inp: LetterInput, finding: Finding) -> str:
    """The rule in the sender's formal voice: letters never use the app's words to the borrower."""
    rule = inp.catalogue.get(finding.rule)
    if rule is not None and rule.statement:
        # Without its full stop: letters put it in headings and lists.
        return str(rule.statement).rstrip("。.")
    return finding.summary or finding.rule


def source_entry(source: Source, language: str, *, related: bool = False) -> dict:
    """A cited text as a letter prints it: title (translated in English), article, quote."""
    labels = STANDING_LABELS.get(language, STANDING_LABELS["en"])
    title = law_title(source.law, language)
    article = source.article_en if language == "en" and source.article_en else source.article
    if language != "en":
        if "《" not in title:
            title = f"《{title}》"
        if not article.startswith(("第", "（")):  # a standard's section, e.g. 联系人
            article = f"“{article}”部分"
    elif not article.startswith("art"):
        article = f"section on {article}"
    return {
        "law": title,
        "article": article,
        "quote": source.quote,
        "standing": labels[Standing(source.standing)],
        "standing_code": str(source.standing),
        "note": str(source.note) if source.note else "",
        "related": related,
    }


def violations(inp: LetterInput, findings: tuple[Finding, ...] | None = None) -> list[dict]:
    """Findings grouped by rule: statement, standing, the texts that bind this lender, the
    texts that may also apply, and the dated contacts. A rule found under different texts
    (two lenders, or conduct on both sides of a change of law) lists each text once."""
    tz = ZoneInfo(inp.case.timezone)
    by_ref = {c.ref: c for c in inp.case.contacts}
    labels = STANDING_LABELS.get(inp.language, STANDING_LABELS["en"])
    rank = {Standing.BINDING: 2, Standing.STANDARD: 1, Standing.HEURISTIC: 0}
    grouped: dict[str, dict] = {}
    for finding in inp.assessment.findings if findings is None else findings:
        entry = grouped.get(finding.rule)
        if entry is None:
            entry = grouped[finding.rule] = {
                "rule": finding.rule,
                "title": rule_title(inp, finding),
                "standing_code": str(finding.standing),
                "severity": str(finding.severity),
                "sources": [],
                "related": [],
                "summaries": [],
                "refs": set(),
            }
        if rank[Standing(finding.standing)] > rank[Standing(entry["standing_code"])]:
            entry["standing_code"] = str(finding.standing)
        for key, sources in (("sources", finding.sources), ("related", finding.related)):
            for source in sources:
                item = source_entry(source, inp.language, related=key == "related")
                if item not in entry[key]:
                    entry[key].append(item)
        if finding.summary and finding.summary not in entry["summaries"]:
            entry["summaries"].append(finding.summary)
        entry["refs"].update(finding.contacts)
    result = []
    for entry in grouped.values():
        entry["standing"] = labels[Standing(entry["standing_code"])]
        contacts = sorted(
            (by_ref[r] for r in entry.pop("refs") if r in by_ref), key=lambda c: c.occurred_at
        )
        entry["count"] = len(contacts)
        entry["dates"] = sorted({local(c.occurred_at, tz).strftime("%Y-%m-%d") for c in contacts})
        result.append(entry)
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    result.sort(key=lambda e: (order.get(e["severity"], 9), -e["count"], e["rule"]))
    return result


def lender_routing(inp: LetterInput) -> Routing:
    """Where complaints about the selected loan's lender go (the engine's one routing function)."""
    loan = selected_loan(inp)
    return route(
        loan.lender_type if loan else "",
        rules=frozenset(f.rule for f in inp.assessment.findings),
    )


def regulator_name(inp: LetterInput, routing: Routing) -> str:
    """The regulator as the letter names it: the routing's for this kind of lender; the
    directory's entry only when the kind of lender is not known."""
    if routing.regulator is not None:
        if inp.language == "en":
            return routing.regulator.authority_en
        return routing.regulator.authority_zh
    loan = selected_loan(inp)
    info = inp.lenders.get(loan.lender) if loan else None
    return info.regulator if info else ""


def facts(inp: LetterInput, *, only_findings: bool = True, limit: int = MAX_FACTS) -> dict:
    """Dated facts in order. Letters list the contacts behind findings (or all when none)."""
    tz = ZoneInfo(inp.case.timezone)
    titles: dict[str, list[str]] = {}
    for finding in inp.assessment.findings:
        title = rule_title(inp, finding)
        for ref in finding.contacts:
            if title not in titles.setdefault(ref, []):
                titles[ref].append(title)
    contacts = sorted(inp.case.contacts, key=lambda c: (c.occurred_at, c.ref))
    if only_findings and titles:
        contacts = [c for c in contacts if c.ref in titles]
    rows = [contact_row(c, tz, titles.get(c.ref, []), inp.language) for c in contacts]
    return {"rows": rows[:limit], "more": max(0, len(rows) - limit), "total": len(rows)}


METHOD_WORDS = {
    "zh-hans": {"registered_post": "挂号信", "online": "线上渠道", "phone": "电话", "in_person": "现场"},
    "en": {"registered_post": "registered post", "online": "online", "phone": "phone",
           "in_person": "in person"},
}  # fmt: skip


def action_facts(inp: LetterInput) -> list[dict]:
    """Each complaint made before the letter and the contacts in the 14 days after it, for a
    facts line in the sender's voice ("在本人于2026年3月1日投诉后，贵司仍于……")."""
    tz = ZoneInfo(inp.case.timezone)
    words = METHOD_WORDS.get(inp.language, METHOD_WORDS["en"])
    result = []
    for action in sorted(inp.actions, key=lambda a: a.sent_on):
        if action.sent_on >= inp.today:
            continue
        effect = before_after(
            inp.case.contacts, inp.assessment.findings, on=action.sent_on, tz=tz, today=inp.today
        )
        dates = sorted(set(effect.after_dates))
        result.append(
            {
                "date": action.sent_on,
                "how": words.get(action.method, ""),
                "where": action.label_en if inp.language == "en" else action.label_zh,
                "to_lender": action.channel == "lender",
                "ticket": action.ticket,
                "after": effect.contacts_after,
                "after_dates": dates[:10],
                "more": len(dates) > 10,
                "days": effect.days,
                "unanswered_due": action.due if action.due and action.due < inp.today else None,
            }
        )
    return result


def base_context(inp: LetterInput) -> dict:
    """The parts every letter has: addressee, sender, loan, facts, legal basis, enclosures."""
    f = inp.fields
    loan = selected_loan(inp)
    lender_name = loan.lender if loan else ""
    info = inp.lenders.get(lender_name)
    borrower = inp.case.borrower
    letter_date = f.get("letter_date") or inp.today
    if isinstance(letter_date, str):
        letter_date = date.fromisoformat(letter_date)
    id_number = borrower.id_number
    enclosures = [{"name": "evidence_report", "sha256": "", "is_report": True}]
    enclosures += [{"name": e.name, "sha256": e.sha256, "is_report": False} for e in inp.evidence]
    outstanding = loan.outstanding if loan else None
    routing = lender_routing(inp)
    return {
        "lang": inp.language,
        "case_title": inp.case_title,
        "today": inp.today,
        "letter_date": letter_date,
        "reply_days": REPLY_DAYS,
        "addressee": f.get("recipient") or lender_name,
        "department": f.get("recipient_department") or (info.complaint_channel if info else ""),
        "lender_short": info.short_name if info else "",
        "regulator": info.regulator if info else "",
        "sender": {
            "name": f.get("sender_name") or borrower.name,
            "phone": f.get("sender_phone") or borrower.phone,
            "address": f.get("sender_address") or borrower.address,
            "id_number": (id_number if f.get("show_full_id") else mask_id(id_number))
            if id_number
            else "",
        },
        "loan": loan,
        "loan_outstanding": _money(outstanding),
        "loan_principal": _money(loan.principal if loan else None),
        "credit_card": is_credit_card(loan),
        # 消保办法 binds banks and consumer finance companies towards consumers, from 2023-03-01.
        "regulated_fi": bool(loan) and CP_41_1.applies(lender_of(loan), letter_date),
        "routing": routing,
        # 消费投诉处理办法 art. 18 binds banks and insurers on complaints: the complaint kinds
        # set this when the lender is one of them.
        "complaint_deadline": False,
        "regulator_name": regulator_name(inp, routing),
        "first_contact": min((c.occurred_at for c in inp.case.contacts), default=None),
        "facts": facts(inp),
        "violations": violations(inp),
        "extra_facts": _lines(f.get("extra_facts", "")),
        "action_facts": action_facts(inp),
        "lender_name": lender_name,
        "extra_demands": _lines(f.get("extra_demands", "")),
        "enclosures": enclosures,
        "has_findings": bool(inp.assessment.findings),
    }
