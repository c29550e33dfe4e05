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

from cases.models import Case, CaseShare, Evidence, Loan
from cases.services import event_create, evidence_add
from letters.models import LetterDraft, LetterVersion
from letters.services import letter_draft_create, letter_draft_update

from .models import ActForMe, Action, Outcome, Reminder, Response
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


def response_create(
    *,
    action: Action,
    received_on: date,
    text: str = "",
    upload: UploadedFile | None = None,
    uploaded_by=None,
) -> Response:
    """Record an answer; its file is kept as case evidence (checked, hashed, private).

    The answer is checked before the file is written, and the file is written outside any
    transaction (cases' evidence service deletes it again if its row cannot be saved)."""
    response = Response(action=action, received_on=received_on, text=text, recorded_by=uploaded_by)
    response.full_clean(exclude=["evidence"])
    if upload is not None:
        response.evidence = evidence_add(case=action.case, upload=upload, uploaded_by=uploaded_by)
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


def act_for_me_set(*, share: CaseShare, granted_by, grant: bool) -> None:
    """Give or withdraw the borrower's consent that the share's organisation records actions
    on their behalf. Separate from sharing itself (review asks for it on the sharing form and
    changes it on the sharing panel), and lapses when the share is revoked or expires."""
    if grant:
        ActForMe.objects.get_or_create(share=share, defaults={"granted_by": granted_by})
    else:
        ActForMe.objects.filter(share=share).delete()


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


def prior_complaint_line(*, action: Action, due: date, today: date, language: str) -> str:
    """The earlier complaint as the regulator complaint states it ("向被投诉人投诉的情况"), in
    the sender's voice. The contacts after it are in the letter's facts (letters' base)."""
    unanswered = action.is_open and not action.responses.exists() and today > due
    if language == "en":
        where = "the respondent" if action.channel == "lender" else action.get_channel_display()
        text = f"On {action.sent_on.isoformat()} I complained to {where}"
        text += f" (ticket no. {action.ticket_number})." if action.ticket_number else "."
        if unanswered:
            text += f" By {due.isoformat()} I had received no answer."
        return text
    with translation.override("zh-hans"):
        where = "被投诉人" if action.channel == "lender" else str(action.get_channel_display())
    text = f"本人已于{_zh_date(action.sent_on)}向{where}投诉"
    text += f"（工单号：{action.ticket_number}）。" if action.ticket_number else "。"
    if unanswered:
        text += f"截至{_zh_date(due)}，本人未收到答复。"
    return text


@transaction.atomic
def escalation_draft_for_case(
    *, case: Case, owner, kind: str, today: date | None = None
) -> LetterDraft:
    """The next step's letter. Its facts name each earlier complaint and the contacts after it
    (letters' base does that for every letter); the regulator complaint also states the
    complaint to the lender in its own field, pre-filled here for the borrower to check."""
    today = today or timezone.localdate()
    language = "en" if (translation.get_language() or "").startswith("en") else "zh-hans"
    draft = letter_draft_create(case=case, owner=owner, kind=kind, language=language)
    if kind != "complaint_regulator":
        return draft
    overview = actions_overview(case=case, today=today)
    rows = sorted(overview.rows, key=lambda r: (r.action.sent_on, r.action.pk))
    lines = [
        prior_complaint_line(action=r.action, due=r.deadline.due, today=today, language=language)
        for r in rows
        if r.action.channel in ("lender", "agency")
    ]
    if not lines:
        return draft
    fields = {**draft.fields, "prior_complaint": "".join(lines)[:1000]}
    return letter_draft_update(draft=draft, language=language, fields=fields)
