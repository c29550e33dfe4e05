"""Writes of the actions context: record an action, its answer and outcome, send reminders,
and start the next step's letter. Views call exactly one of these per request."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cases.models import Case, Evidence, Loan
from cases.services import event_create, evidence_add
from letters.models import LetterDraft, LetterVersion
from letters.services import letter_draft_create, letter_draft_update
from rules.engine.outcomes import BeforeAfter

from .models import Action, Outcome, Reminder, Response
from .selectors import action_deadline, action_lender_type, actions_overview

ACTION_FIELDS = (
    "loan",
    "channel",
    "method",
    "sent_on",
    "received_on",
    "tracking_number",
    "ticket_number",
    "summary",
)
#: Days before the due date the first reminder goes out.
REMIND_BEFORE_DAYS = 3
#: Letter kinds addressed to the lender itself: their facts say 贵司.
TO_THE_LENDER = frozenset(
    {"complaint_lender", "stop_harassment", "negotiation", "information_request", "pi_request"}
)


@transaction.atomic
def action_create(
    *,
    case: Case,
    data: dict,
    created_by,
    letter_versions: Iterable[LetterVersion] = (),
    evidence: Iterable[Evidence] = (),
) -> Action:
    """Record a letter sent or a complaint made, with the letters and files that went with it."""
    action = Action(case=case, created_by=created_by)
    for name in ACTION_FIELDS:
        if name in data:
            setattr(action, name, data[name])
    action.full_clean()
    action.save()
    action.letter_versions.set([v for v in letter_versions if v.draft.case_id == case.pk])
    action.evidence.set([e for e in evidence if e.case_id == case.pk])
    return action


def action_record_extension(*, action: Action, extended_until: date, note: str = "") -> Action:
    """Record an extension the recipient announced: the deadline moves to `extended_until`."""
    action.extended_until = extended_until
    action.extension_note = note
    action.full_clean()
    action.save(update_fields=["extended_until", "extension_note"])
    return action


@transaction.atomic
def response_create(
    *,
    action: Action,
    received_on: date,
    text: str = "",
    upload: UploadedFile | None = None,
    uploaded_by=None,
) -> Response:
    """Record an answer; its file is kept as case evidence (checked, hashed, private)."""
    evidence = None
    if upload is not None:
        evidence = evidence_add(case=action.case, upload=upload, uploaded_by=uploaded_by)
    response = Response(action=action, received_on=received_on, text=text, evidence=evidence)
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def action_set_outcome(
    *, action: Action, outcome: str, outcome_on: date, repayment_plan: bool = False
) -> Action:
    """Record how it ended. An agreed repayment plan also becomes the case's
    `installment_agreement_signed` event, so the engine flags collection contacts after it."""
    action.outcome = outcome
    action.outcome_on = outcome_on
    action.full_clean()
    action.save(update_fields=["outcome", "outcome_on"])
    if repayment_plan:
        at = timezone.make_aware(datetime.combine(outcome_on, datetime.min.time()))
        note = _("Repayment plan agreed in answer to the complaint of %(date)s.") % {
            "date": action.sent_on.isoformat()
        }
        event_create(
            case=action.case,
            data={"kind": "installment_agreement_signed", "at": at, "loan": action.loan,
                  "note": note},
        )  # fmt: skip
    return action


# Reminders


def _reminder_due(kind: str, due: date, today: date) -> bool:
    if kind == Reminder.Kind.SOON:
        return due - timedelta(days=REMIND_BEFORE_DAYS) <= today < due
    return today >= due


def _send_reminder(action: Action, kind: str, due: date) -> None:
    owner = action.case.owner
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("An answer is due in 3 days")
            if kind == Reminder.Kind.SOON
            else _("An answer is due today")
        )
        body = _(
            "Your %(action)s (case “%(case)s”) should be answered by %(due)s.\n"
            "If no answer has come, record it in the app and see the next step: %(url)s\n"
        ) % {
            "action": action,
            "case": action.case.title,
            "due": due.isoformat(),
            "url": getattr(settings, "SITE_URL", "").rstrip("/")
            + reverse("actions:action_detail", args=[action.pk]),
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [owner.email])


def reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminders due at `now`: 3 days before an open action's deadline and on the day.

    Idempotent: each (action, kind, due date) is sent once; a row records it, and a rerun or a
    second process finds the row and sends nothing. A moved deadline (an extension, a received
    date entered later) gets its own reminders. Returns the number sent.
    """
    now = now or timezone.now()
    sent = 0
    actions = (
        Action.objects.filter(outcome=Outcome.PENDING).select_related("case__owner").order_by("id")
    )
    loans_by_case: dict[int, list[Loan]] = {}
    for action in actions:
        loans = loans_by_case.setdefault(
            action.case_id, list(Loan.objects.filter(case_id=action.case_id).order_by("id"))
        )
        due = action_deadline(action, action_lender_type(action, loans)).due
        today = timezone.localtime(now, timezone=ZoneInfo(action.case.timezone)).date()
        for kind in (Reminder.Kind.SOON, Reminder.Kind.DUE):
            if not _reminder_due(kind, due, today):
                continue
            if Reminder.objects.filter(action=action, kind=kind, due_on=due).exists():
                continue
            try:
                with transaction.atomic():
                    Reminder.objects.create(action=action, kind=kind, due_on=due, sent_at=now)
                    _send_reminder(action, kind, due)
            except IntegrityError:
                continue  # another run sent it in the meantime
            sent += 1
    return sent


def reminder_dismiss(*, reminder: Reminder) -> None:
    """Hide an in-app reminder once read."""
    reminder.seen_at = timezone.now()
    reminder.save(update_fields=["seen_at"])


# The next step's letter


def _zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


ZH_METHOD = {
    "registered_post": "挂号信",
    "online": "线上渠道",
    "phone": "电话",
    "in_person": "现场",
}
ZH_CHANNEL = {
    "lender": "贷款机构",
    "agency": "催收机构",
    "12378": "12378热线（国家金融监督管理总局）",
    "12345": "12345热线",
    "12321": "12321举报受理中心",
    "pi_regulator": "个人信息保护主管部门",
    "110": "公安机关",
    "12363": "12363热线（中国人民银行）",
    "court": "人民法院",
}


def facts_line(
    *,
    action: Action,
    effect: BeforeAfter,
    due: date,
    today: date,
    lender: str,
    to_lender: bool,
    language: str = "zh-hans",
) -> str:
    """What the borrower did and what followed, in the sender's own voice, for a later letter:
    "在本人于2026年3月1日通过电话向贵司投诉（工单号：…）后，贵司仍于……联系本人共N次。"
    """
    dates = sorted(dict.fromkeys(effect.after_dates))
    shown = dates[:10]
    if language == "en":
        where = "you" if to_lender and action.channel == "lender" else action.get_channel_display()
        ticket = f" (ticket no. {action.ticket_number})" if action.ticket_number else ""
        text = f"On {action.sent_on.isoformat()} I complained to {where}{ticket}."
        if action.is_open and today > due:
            text += f" No answer had come by {due.isoformat()}."
        if effect.contacts_after:
            who = "you" if to_lender else (lender or "the lender")
            days = ", ".join(d.isoformat() for d in shown) + (
                " and others" if len(dates) > 10 else ""
            )
            text += (
                f" After that complaint, {who} still contacted me {effect.contacts_after} times "
                f"within {effect.days} days ({days})."
            )
        return text
    who = "贵司" if to_lender else (lender or "贷款机构")
    where = who if action.channel == "lender" else ZH_CHANNEL.get(action.channel, "")
    ticket = f"（工单号：{action.ticket_number}）" if action.ticket_number else ""
    how = ZH_METHOD.get(action.method, "")
    head = f"本人于{_zh_date(action.sent_on)}通过{how}向{where}投诉{ticket}"
    parts = []
    if effect.contacts_after:
        days = "、".join(_zh_date(d) for d in shown) + ("等" if len(dates) > 10 else "")
        parts.append(
            f"在{head}后，{who}仍于{days}联系本人，{effect.days}日内共{effect.contacts_after}次。"
        )
    else:
        parts.append(f"{head}。")
    if action.is_open and today > due:
        parts.append(f"截至{_zh_date(due)}，{where}未作答复。")
    return "".join(parts)


def escalation_draft_create(
    *, case: Case, owner, kind: str, facts: list[str], language: str = "zh-hans"
) -> LetterDraft:
    """A new letter of `kind` with the earlier actions written into its facts, for the
    borrower to check and edit like any draft."""
    draft = letter_draft_create(case=case, owner=owner, kind=kind, language=language)
    fields = dict(draft.fields)
    text = "\n".join(facts)
    if kind == "complaint_regulator":
        fields["prior_complaint"] = text[:1000]
    else:
        fields["extra_facts"] = text[:4000]
    return letter_draft_update(draft=draft, language=language, fields=fields)


def escalation_draft_for_case(
    *, case: Case, owner, kind: str, today: date | None = None
) -> LetterDraft:
    """The next step's letter, its facts naming each earlier action and the contacts after it."""
    today = today or timezone.localdate()
    overview = actions_overview(case=case, today=today)
    language = translation.get_language() or "zh-hans"
    language = "en" if language.startswith("en") else "zh-hans"
    loan = Loan.objects.filter(case=case).order_by("id").first()
    lender = loan.display_lender if loan else ""
    lines = [
        facts_line(
            action=row.action,
            effect=row.effect,
            due=row.deadline.due,
            today=today,
            lender=lender,
            to_lender=kind in TO_THE_LENDER,
            language=language,
        )  # fmt: skip
        for row in sorted(overview.rows, key=lambda r: (r.action.sent_on, r.action.pk))
    ]
    return escalation_draft_create(
        case=case, owner=owner, kind=kind, facts=lines, language=language
    )
