"""The app's main pages, with real data behind them, for the audits that walk every page.

`main_pages(world)` lists (name, path, who) where who is "anon", "owner" or "newcomer"
(a signed-in user without cases, for the empty case list).
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import NoReverseMatch, reverse

from cases import services
from jobs.services import job_create, job_progress
from letters.services import letter_draft_create, letter_finalise
from rules.engine import CATALOGUE
from tests.e2e.conftest import tiny_png
from tests.factories import (
    CaseEventFactory,
    CaseFactory,
    CaseShareFactory,
    ContactFactory,
    FeeFactory,
    InstallmentFactory,
    LoanFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
LANGUAGES = ("zh-hans", "en")


@dataclass
class World:
    owner: object
    newcomer: object
    paths: list[tuple[str, str, str]]
    volunteer: object = None


def build_world() -> World:
    """A borrower with a case full of realistic records, and a newcomer with nothing yet."""
    owner = UserFactory(email="owner@example.com", display_name="小李")
    newcomer = UserFactory(email="new@example.com")
    case = CaseFactory(owner=owner, title="网商贷 催收电话")
    loan = LoanFactory(case=case, ref="L1")
    InstallmentFactory(loan=loan)
    FeeFactory(loan=loan)
    contacts = [
        ContactFactory(
            case=case,
            loan=loan,
            occurred_at=datetime(2026, 11, 20, hour, 5, tzinfo=SHANGHAI),
            target=target,
            channel=channel,
            tags=tags,
        )
        for hour, target, channel, tags in [
            (23, "borrower", "call", ["threat"]),
            (10, "relative", "call", ["disclosed_debt"]),
            (12, "borrower", "sms", []),
        ]
    ]
    services.evidence_add(
        contact=contacts[0],
        upload=SimpleUploadedFile("shot.png", tiny_png(), content_type="image/png"),
        uploaded_by=owner,
    )
    CaseEventFactory(case=case, loan=loan)
    job = job_create(owner=owner, kind="import", case=case, total=10)
    job_progress(job_id=job.pk, done=4, message="4 / 10")
    # A lawyer of a legal-aid organisation the borrower shares the case with.
    volunteer = UserFactory(email="lawyer@example.com", display_name="王律师")
    organisation = OrganisationFactory(name="西湖区法律援助工作站", slug="xihu")
    MembershipFactory(user=volunteer, organisation=organisation, role="lawyer")
    CaseShareFactory(case=case, organisation=organisation, granted_by=owner)
    # A finalised letter, read by that lawyer before taking the case (details masked).
    version = letter_finalise(
        draft=letter_draft_create(
            case=case, owner=owner, kind="stop_harassment", language="zh-hans"
        )
    )
    c, contact = case.pk, contacts[0].pk
    paths = [
        ("home", "/", "anon"),
        ("signup", "/accounts/signup/", "anon"),
        ("login", "/accounts/login/", "anon"),
        ("password_reset", "/accounts/password/reset/", "anon"),
        ("profile", "/accounts/profile/", "owner"),
        ("data_export", "/privacy/export/", "owner"),
        ("case_list_empty", "/cases/", "newcomer"),
        ("case_list", "/cases/", "owner"),
        ("case_create", "/cases/new/", "owner"),
        ("case_detail", f"/cases/{c}/", "owner"),
        ("loan_form", f"/cases/{c}/loans/new/", "owner"),
        ("loan_detail", f"/cases/{c}/loans/{loan.pk}/", "owner"),
        ("contact_form", f"/cases/{c}/contacts/new/", "owner"),
        ("contact_detail", f"/cases/{c}/contacts/{contact}/", "owner"),
        ("event_form", f"/cases/{c}/events/new/", "owner"),
        ("rule_list", "/rules/", "anon"),
        ("rule_detail", f"/rules/{next(iter(CATALOGUE))}/", "anon"),
        ("article_list", "/help/", "anon"),
        ("article_detail", "/help/articles/your-rights/", "anon"),
        ("interview", "/help/interview/", "owner"),
        ("letters", _letters_path(case), "owner"),
        ("job_progress", f"/jobs/{job.pk}/", "owner"),
        ("share_create", f"/review/case/{c}/share/", "owner"),
        ("access_log", f"/review/case/{c}/access-log/", "owner"),
        ("review_queue", "/review/", "volunteer"),
        ("review_detail", f"/review/case/{c}/", "volunteer"),
        ("letter_version_review", f"/review/version/{version.pk}/", "volunteer"),
        ("case_detail_as_volunteer", f"/cases/{c}/", "volunteer"),
        # The public checkers take their language from the URL, not the cookie.
        ("message_check", "/check/", "anon"),
        ("message_check_en", "/check/?lang=en", "anon"),
        ("loan_check", "/check/loan/", "anon"),
        ("loan_check_en", "/check/loan/?lang=en", "anon"),
    ]
    return World(owner=owner, newcomer=newcomer, paths=paths, volunteer=volunteer)


def _letters_path(case) -> str:
    """The case's letters page (per case once the letters app is merged)."""
    try:
        return reverse("letters:letter_index", kwargs={"case_id": case.pk})
    except NoReverseMatch:
        return reverse("letters:letter_index")


def new_context(browser, base_url: str, *, user=None, language="zh-hans", **options):
    """A browser context signed in as `user` (or anonymous), showing `language`."""
    context = browser.new_context(locale="zh-CN", **options)
    context.set_default_timeout(10_000)
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url})
    context.add_cookies(cookies)
    return context


class Contexts:
    """One browser context per (who, language), opened on first use and closed at the end."""

    def __init__(self, browser, base_url: str, world: World, **options):
        self.browser, self.base_url, self.world, self.options = browser, base_url, world, options
        self.pages: dict = {}

    def page(self, who: str, language: str):
        key = (who, language)
        if key not in self.pages:
            user = {
                "anon": None,
                "owner": self.world.owner,
                "newcomer": self.world.newcomer,
                "volunteer": self.world.volunteer,
            }[who]
            context = new_context(
                self.browser, self.base_url, user=user, language=language, **self.options
            )
            self.pages[key] = context.new_page()
        return self.pages[key]

    def close(self):
        for page in self.pages.values():
            page.context.close()
