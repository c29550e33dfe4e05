"""`python manage.py seed_demo`: the demo borrower, volunteer lawyer, organisation admin,
organisation and one realistic case with two evidence files.

Run by `make run` after migrate. Idempotent: existing demo users keep their
passwords, the demo case is only created when the borrower has no case yet, and its
evidence files (an SMS screenshot and a call recording, made here: cases.demo_files) are
added once, through the normal evidence service, to a demo case that lacks them.
Refused unless settings.SELFHELP_DEMO_ALLOWED (DEBUG, or SELFHELP_ALLOW_DEMO=true).
"""

from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Membership, Organisation
from cases import demo_files
from cases.bundle import case_import_bundle
from cases.models import Case, CaseShare, Evidence
from cases.services import evidence_add

DEMO_PASSWORD = "demo-pass-2026"
DEMO_BORROWER = "borrower@example.com"
DEMO_VOLUNTEER = "volunteer@example.com"
DEMO_ADMIN = "admin@example.com"
DEMO_ORGANISATION = "西湖区法律援助工作站 (demo)"
DEMO_ORGANISATION_SLUG = "xihu-legal-aid-demo"
DEMO_CASE_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo_case.json"
#: The demo case's contacts that get a file: the fake court SMS and a threatening call.
SCREENSHOT_CONTACT, RECORDING_CONTACT = "C18", "C9"
SCREENSHOT_NAME, RECORDING_NAME = "短信截图-法院通知.png", "通话录音-王经理.wav"


def _demo_evidence(case: Case, borrower) -> int:
    """Attach the screenshot and the recording to their contacts unless already there (by
    file name); returns how many were added. Stored like any upload: private storage,
    SHA-256, the recording's length read from its header."""
    zone = ZoneInfo(case.timezone)
    added = 0
    for ref, name in ((SCREENSHOT_CONTACT, SCREENSHOT_NAME), (RECORDING_CONTACT, RECORDING_NAME)):
        contact = case.contacts.filter(ref=ref).first()
        if contact is None or Evidence.objects.filter(case=case, original_name=name).exists():
            continue
        if ref == SCREENSHOT_CONTACT:
            at = contact.occurred_at.astimezone(zone)
            data = demo_files.sms_screenshot(
                sender=contact.caller_phone or "10690000000",
                when=f"{at.month}月{at.day}日 {at:%H:%M}",
                text=contact.content,
                clock=f"{at:%H:%M}",
            )
            upload = SimpleUploadedFile(name, data, content_type="image/png")
        else:
            upload = SimpleUploadedFile(name, demo_files.tone_recording(), "audio/wav")
        evidence_add(contact=contact, upload=upload, uploaded_by=borrower)
        added += 1
    return added


def _demo_user(email: str, display_name: str):
    users = get_user_model().objects
    user = users.filter(email=email).first()
    if user is None:
        user = users.create_user(email, DEMO_PASSWORD, display_name=display_name)
    return user


class Command(BaseCommand):
    help = (
        "Load the demo borrower, volunteer lawyer, organisation admin and case with its "
        "evidence files (only where demo data is allowed)."
    )

    def handle(self, *args, **options):
        if not settings.SELFHELP_DEMO_ALLOWED:
            raise CommandError(
                _(
                    "Demo data is not loaded under production settings. Set DJANGO_DEBUG=true "
                    "or SELFHELP_ALLOW_DEMO=true on a development machine."
                )
            )
        with transaction.atomic():
            borrower = _demo_user(DEMO_BORROWER, "李晓梅")
            volunteer = _demo_user(DEMO_VOLUNTEER, "陈志愿")
            admin = _demo_user(DEMO_ADMIN, "孙站长")
            organisation, _created = Organisation.objects.get_or_create(
                slug=DEMO_ORGANISATION_SLUG,
                defaults={"name": DEMO_ORGANISATION, "phone": "12348"},
            )
            Membership.objects.get_or_create(
                user=volunteer,
                organisation=organisation,
                # A volunteer lawyer, so the whole review flow (notes, letter approval) can be tried.
                defaults={"role": Membership.Role.LAWYER},
            )
            Membership.objects.get_or_create(
                user=admin,
                organisation=organisation,
                # The organisation's admin: invitations and the second-approval setting.
                defaults={"role": Membership.Role.ADMIN},
            )
            case = None
            if not borrower.cases.exists():
                case = case_import_bundle(owner=borrower, data=DEMO_CASE_FILE.read_bytes())
                CaseShare.objects.create(case=case, organisation=organisation, granted_by=borrower)
        # Each file is written, then recorded; a failure deletes its file again.
        demo_case = (
            case or borrower.cases.filter(contacts__ref=SCREENSHOT_CONTACT).order_by("pk").first()
        )
        files = _demo_evidence(demo_case, borrower) if demo_case else 0
        if case is None:
            self.stdout.write(_("Demo data is already there."))
        else:
            self.stdout.write(
                _("Demo case %(id)d created for %(email)s and shared with %(organisation)s.")
                % {"id": case.pk, "email": DEMO_BORROWER, "organisation": organisation.name}
            )
        if files:
            text = ngettext(
                "%(count)d evidence file added to the demo case.",
                "%(count)d evidence files added to the demo case.",
                files,
            )
            self.stdout.write(text % {"count": files})
        self._print_logins(organisation)

    def _print_logins(self, organisation) -> None:
        self.stdout.write(
            _("Demo logins (password %(password)s, unless you changed it):")
            % {"password": DEMO_PASSWORD}
        )
        names = {"organisation": organisation.name}
        for email, role in (
            (DEMO_BORROWER, _("borrower, owns the demo case")),
            (
                DEMO_VOLUNTEER,
                _("volunteer lawyer of %(organisation)s: reviews and approves") % names,
            ),
            (DEMO_ADMIN, _("admin of %(organisation)s: invitations and review settings") % names),
        ):
            self.stdout.write(f"  {email}  {role}")
