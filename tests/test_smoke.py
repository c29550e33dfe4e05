"""Smoke test: GET every named URL as the case owner; no 500s, exactly one <h1> per HTML page.

The URL list is discovered from the URL conf, so a new URL is walked automatically. A URL
with arguments needs an entry in URL_KWARGS (url name -> kwargs built from real objects);
a URL without one FAILS the test on purpose, so its author teaches the smoke test about it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cases.models import Case, CaseEvent, Contact, Evidence, Loan
from guidance.services import guidance_plan_create
from jobs.models import Job
from jobs.services import job_create
from rules.engine import CATALOGUE
from tests.cases.conftest import make_everything

# Namespaces and names that are not pages: the admin, the language switch POST, the JS catalogue.
SKIP_NAMESPACES = {"admin"}
SKIP_NAMES = {"set_language", "javascript_catalog"}


@dataclass
class World:
    user: object
    case: Case
    loan: Loan
    contact: Contact
    evidence: Evidence
    event: CaseEvent
    job: Job
    plan: object

    # Objects of apps that may not be merged yet are made on first use only.
    @cached_property
    def letter_draft(self):
        from letters.services import letter_draft_create

        return letter_draft_create(
            case=self.case, owner=self.user, kind="stop_harassment", language="zh-hans"
        )

    @cached_property
    def import_batch(self):
        from imports.models import ImportBatch

        return ImportBatch.objects.create(
            case=self.case, owner=self.user, status=ImportBatch.Status.READY
        )

    @cached_property
    def staged_message(self):
        from django.utils import timezone

        from imports.models import StagedMessage

        return StagedMessage.objects.create(
            batch=self.import_batch,
            index=1,
            kind="sms",
            direction="in",
            occurred_at=timezone.now(),
            addable=True,
        )

    @cached_property
    def share(self):
        from cases.models import CaseShare
        from tests.factories import OrganisationFactory

        return CaseShare.objects.create(
            case=self.case, organisation=OrganisationFactory(), granted_by=self.user
        )

    @cached_property
    def action(self):
        from datetime import date

        from actions.models import Action

        return Action.objects.create(
            case=self.case, loan=self.loan, channel="lender", method="phone",
            sent_on=date(2026, 3, 1), created_by=self.user,
        )  # fmt: skip

    @cached_property
    def reminder(self):
        from django.utils import timezone

        from actions.models import Reminder

        return Reminder.objects.create(
            action=self.action, kind="due", due_on=self.action.sent_on, sent_at=timezone.now()
        )

    @cached_property
    def data_export(self):
        from privacy.services import data_export_build, data_export_start

        export, _ = data_export_start(owner=self.user)
        return data_export_build(export_id=export.pk)

    @cached_property
    def letter_version(self):
        from letters.services import letter_finalise

        return letter_finalise(draft=self.letter_draft)


def _case(w: World) -> dict:
    return {"pk": w.case.pk}


def _in_case(obj_attr: str, pk_name: str = "pk") -> Callable[[World], dict]:
    return lambda w: {"case_pk": w.case.pk, pk_name: getattr(w, obj_attr).pk}


URL_KWARGS: dict[str, Callable[[World], dict]] = {
    "accounts:password_reset_confirm": lambda w: {
        "uidb64": urlsafe_base64_encode(force_bytes(w.user.pk)),
        "token": default_token_generator.make_token(w.user),
    },
    "accounts:signup_confirm": lambda w: {
        "uidb64": urlsafe_base64_encode(force_bytes(w.user.pk)),
        "token": "not-a-valid-token",
    },
    "cases:case_detail": _case,
    "cases:case_update": _case,
    "cases:case_delete": _case,
    "cases:case_export": _case,
    "cases:loan_create": lambda w: {"case_pk": w.case.pk},
    "cases:loan_detail": _in_case("loan"),
    "cases:loan_update": _in_case("loan"),
    "cases:loan_delete": _in_case("loan"),
    "cases:contact_create": lambda w: {"case_pk": w.case.pk},
    "cases:contact_quick_add": lambda w: {"case_pk": w.case.pk},
    "cases:contact_detail": _in_case("contact"),
    "cases:contact_update": _in_case("contact"),
    "cases:contact_delete": _in_case("contact"),
    "cases:contact_answer": _in_case("contact"),
    "cases:evidence_create": _in_case("contact", "contact_pk"),
    "cases:evidence_download": _in_case("evidence"),
    "cases:evidence_verify": _in_case("evidence"),
    "cases:evidence_delete": _in_case("evidence"),
    "cases:event_create": lambda w: {"case_pk": w.case.pk},
    "cases:event_delete": _in_case("event"),
    "rules:rule_detail": lambda w: {"rule_id": next(iter(CATALOGUE))},
    "guidance:article_detail": lambda w: {"slug": "your-rights"},
    "guidance:plan_detail": lambda w: {"pk": w.plan.pk},
    "jobs:job_detail": lambda w: {"pk": w.job.pk},
    "letters:letter_index": lambda w: {"case_id": w.case.pk},
    "letters:letter_edit": lambda w: {"pk": w.letter_draft.pk},
    "letters:letter_preview": lambda w: {"pk": w.letter_draft.pk},
    "letters:letter_finalise": lambda w: {"pk": w.letter_draft.pk},
    "letters:letter_version_download": lambda w: {"pk": w.letter_version.pk},
    "imports:import_upload": lambda w: {"case_pk": w.case.pk},
    "imports:batch_review": lambda w: {"pk": w.import_batch.pk},
    "imports:batch_select": lambda w: {"pk": w.import_batch.pk},
    "imports:batch_choose": lambda w: {"pk": w.import_batch.pk},
    "imports:batch_suggested": lambda w: {"pk": w.import_batch.pk},
    "imports:batch_commit": lambda w: {"pk": w.import_batch.pk},
    "imports:batch_cancel": lambda w: {"pk": w.import_batch.pk},
    "imports:screenshot_upload": lambda w: {"case_pk": w.case.pk},
    "imports:staged_correct": lambda w: {
        "pk": w.import_batch.pk,
        "message_pk": w.staged_message.pk,
    },
    "imports:staged_crop": lambda w: {"pk": w.import_batch.pk, "message_pk": w.staged_message.pk},
    "review:review_detail": _case,
    "review:review_take": _case,
    "review:review_status": _case,
    "review:note_create": _case,
    "review:share_create": lambda w: {"case_pk": w.case.pk},
    "review:access_log": lambda w: {"case_pk": w.case.pk},
    "review:share_revoke": lambda w: {"pk": w.share.pk},
    "review:share_update": lambda w: {"pk": w.share.pk},
    "review:share_act_for_me": lambda w: {"pk": w.share.pk},
    "review:organisation_settings": lambda w: {"slug": "no-such-organisation"},
    "accounts:organisation_members": lambda w: {"slug": "no-such-organisation"},
    "accounts:invitation_revoke": lambda w: {"slug": "no-such-organisation", "pk": 1},
    "accounts:invitation_accept": lambda w: {"token": "not-a-valid-token"},
    "notifications:notification_open": lambda w: {"pk": 1},
    "review:letter_version_approve": lambda w: {"pk": w.letter_version.pk},
    "actions:action_list": lambda w: {"case_pk": w.case.pk},
    "actions:action_create": lambda w: {"case_pk": w.case.pk},
    "actions:escalate": lambda w: {"case_pk": w.case.pk},
    "actions:action_detail": lambda w: {"pk": w.action.pk},
    "actions:response_create": lambda w: {"pk": w.action.pk},
    "actions:outcome_set": lambda w: {"pk": w.action.pk},
    "actions:extension_record": lambda w: {"pk": w.action.pk},
    "actions:reminder_dismiss": lambda w: {"pk": w.reminder.pk},
    "review:letter_version_review": lambda w: {"pk": w.letter_version.pk},
    "review:letter_comment_create": lambda w: {"pk": w.letter_version.pk},
    "privacy:data_export_download": lambda w: {"pk": w.data_export.pk},
}


def named_urls(patterns=None, namespace: str = "") -> list[tuple[str, list[str]]]:
    """Every (namespaced name, kwarg names) in the URL conf, recursing into includes."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIP_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += [
                (name, sorted(set(kwargs) | set(entry.pattern.converters)))
                for name, kwargs in named_urls(entry.url_patterns, inner)
            ]
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in SKIP_NAMES:
            found.append((namespace + entry.name, sorted(entry.pattern.converters)))
    return found


def _h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


PLAN_ANSWERS = {
    "danger": "no",
    "loan_types": ["credit_card"],
    "conduct": ["night_calls"],
    "third_party_objected": "no",
    "can_pay": "some",
    "negotiate": "yes",
    "last_payment": "recent",
}


@pytest.fixture
def world(borrower, case):
    everything = make_everything(case, borrower)
    return World(
        user=borrower,
        case=case,
        loan=everything.loan,
        contact=everything.contact,
        evidence=everything.evidence,
        event=everything.event,
        job=job_create(owner=borrower, kind="smoke", case=case, total=3),
        plan=guidance_plan_create(owner=borrower, case=case, answers=PLAN_ANSWERS),
    )


def test_url_conf_has_pages_to_walk():
    names = {name for name, _ in named_urls()}
    assert {"home", "cases:case_detail", "accounts:login"} <= names


def test_every_url_with_arguments_is_taught_to_the_smoke_test():
    missing = [name for name, kwargs in named_urls() if kwargs and name not in URL_KWARGS]
    assert missing == [], f"add these URL names to URL_KWARGS in tests/test_smoke.py: {missing}"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_named_url_answers_below_500_with_one_h1(client, world, language):
    client.force_login(world.user)
    client.cookies["django_language"] = language
    problems, pages = [], 0
    for name, kwargs in named_urls():
        if kwargs and name not in URL_KWARGS:
            problems.append(f"{name}: no kwargs in URL_KWARGS")
            continue
        url = reverse(name, kwargs=URL_KWARGS[name](world) if kwargs else None)
        response = client.get(url, follow=True)
        if response.status_code >= 500:
            problems.append(f"{name} {url}: status {response.status_code}")
            continue
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code == 200 and is_html:
            pages += 1
            count = _h1_count(response.content.decode())
            if count != 1:
                problems.append(f"{name} {url}: {count} <h1> elements")
    assert problems == []
    assert pages >= 25, f"only {pages} HTML pages answered 200: is the owner logged in?"
