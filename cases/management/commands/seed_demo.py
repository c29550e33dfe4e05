"""`python manage.py seed_demo`: the demo borrower, volunteer, organisation and one realistic case.

Run by `make run` after migrate. Idempotent: existing demo users keep their
passwords and the demo case is only created when the borrower has no case yet.
Refused unless settings.SELFHELP_DEMO_ALLOWED (DEBUG, or SELFHELP_ALLOW_DEMO=true).
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from cases.bundle import case_import_bundle
from cases.models import CaseShare

DEMO_PASSWORD = "demo-pass-2026"
DEMO_BORROWER = "borrower@example.com"
DEMO_VOLUNTEER = "volunteer@example.com"
DEMO_ORGANISATION = "西湖区法律援助工作站 (demo)"
DEMO_ORGANISATION_SLUG = "xihu-legal-aid-demo"
DEMO_CASE_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo_case.json"


def _demo_user(email: str, display_name: str):
    users = get_user_model().objects
    user = users.filter(email=email).first()
    if user is None:
        user = users.create_user(email, DEMO_PASSWORD, display_name=display_name)
    return user


class Command(BaseCommand):
    help = "Load the demo borrower, volunteer and case (only where demo data is allowed)."

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
            case = None
            if not borrower.cases.exists():
                case = case_import_bundle(owner=borrower, data=DEMO_CASE_FILE.read_bytes())
                CaseShare.objects.create(case=case, organisation=organisation, granted_by=borrower)
        if case is None:
            self.stdout.write(_("Demo data is already there."))
        else:
            self.stdout.write(
                _("Demo case %(id)d created for %(email)s and shared with %(organisation)s.")
                % {"id": case.pk, "email": DEMO_BORROWER, "organisation": organisation.name}
            )
