"""`manage.py seed_demo`: demo users, organisation and one realistic shared case; idempotent."""

from collections import Counter
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from accounts.models import Membership, Organisation, User
from cases.models import Case, CaseShare, Contact

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [User, Organisation, Membership, Case, Contact, CaseShare]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_users_can_sign_in_with_the_demo_password(client):
    seed()
    for email in ("borrower@example.com", "volunteer@example.com"):
        assert client.login(request=HttpRequest(), email=email, password="demo-pass-2026"), email


def test_volunteer_belongs_to_the_demo_organisation_and_sees_the_shared_case():
    seed()
    volunteer = User.objects.get(email="volunteer@example.com")
    membership = volunteer.memberships.get()
    case = Case.objects.get(owner__email="borrower@example.com")
    assert "(demo)" in membership.organisation.name
    assert case.shares.get().organisation == membership.organisation


def test_seed_is_idempotent():
    seed()
    before = counts()
    seed()
    assert counts() == before
    assert before["Case"] == 1


def test_seed_keeps_a_changed_password():
    seed()
    user = User.objects.get(email="borrower@example.com")
    user.set_password("my-own-new-password")
    user.save()
    seed()
    user.refresh_from_db()
    assert user.check_password("my-own-new-password")


def test_seed_is_refused_when_demo_data_is_not_allowed(settings):
    settings.SELFHELP_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="production"):
        seed()
    assert not User.objects.exists()


def test_demo_case_is_realistic():
    seed()
    case = Case.objects.get(owner__email="borrower@example.com")
    contacts = list(case.contacts.all())
    zone = ZoneInfo(case.timezone)
    times = [c.occurred_at.astimezone(zone) for c in contacts]

    assert case.timezone == "Asia/Shanghai"
    assert 25 <= len(contacts) <= 40
    assert (max(times) - min(times)).days >= 14
    assert {loan.display_lender for loan in case.loans.all()} == {
        "浙江网商银行股份有限公司",
        "重庆蚂蚁消费金融有限公司",
    }
    assert any(loan.fees.exists() for loan in case.loans.all())
    night = [t for t in times if t.hour >= 22 or t.hour < 8]
    assert len(night) >= 3
    connected_per_day = Counter(
        t.date()
        for c, t in zip(contacts, times, strict=True)
        if c.connected and c.channel == "call"
    )
    assert max(connected_per_day.values()) >= 5
    assert {"relative", "employer", "colleague", "contact_list", "public"} <= {
        c.target for c in contacts
    }
    contact_list = sorted(
        (t, c.target_phone)
        for c, t in zip(contacts, times, strict=True)
        if c.target == "contact_list"
    )
    first = contact_list[0][0]
    assert len({phone for t, phone in contact_list if (t - first).days < 7}) >= 5
    assert any("court" in c.claims_to_be and "传票" in c.content for c in contacts)
    assert any("坐牢" in c.content for c in contacts)
    assert any("private_account" in c.tags for c in contacts)
    assert any("borrow_elsewhere" in c.tags for c in contacts)
    assert any(c.channel == "visit" and "refused_to_leave" in c.tags for c in contacts)
    assert any(c.channel == "social_post" and c.target == "public" for c in contacts)
    kinds = set(case.events.values_list("kind", flat=True))
    assert {"borrower_objected", "third_party_objected", "outsourcing_notice_received"} <= kinds


def test_demo_case_has_a_third_party_called_again_after_objecting():
    seed()
    case = Case.objects.get(owner__email="borrower@example.com")
    objections = case.events.filter(kind="third_party_objected")
    assert any(
        case.contacts.filter(target_phone=event.target_phone, occurred_at__gt=event.at).exists()
        for event in objections
    )
