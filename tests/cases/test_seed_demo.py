"""`manage.py seed_demo`: demo users, organisation and one realistic shared case; idempotent."""

import hashlib
from collections import Counter
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from accounts.models import Membership, Organisation, User
from cases.models import Case, CaseShare, Contact, Evidence

pytestmark = pytest.mark.django_db


def seed() -> str:
    """Run the command; its messages in English (the default language is Chinese)."""
    out = StringIO()
    with translation.override("en"):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [User, Organisation, Membership, Case, Contact, CaseShare, Evidence]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_users_can_sign_in_with_the_demo_password(client):
    seed()
    for email in ("borrower@example.com", "volunteer@example.com", "admin@example.com"):
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
    assert before["Evidence"] == 2


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
    with pytest.raises(CommandError, match="生产环境"), translation.override("zh-hans"):
        call_command("seed_demo", stdout=StringIO())
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


# The organisation admin


def test_the_admin_administers_the_demo_organisation(client):
    seed()
    admin = User.objects.get(email="admin@example.com")
    membership = admin.memberships.get()
    assert membership.role == Membership.Role.ADMIN
    assert membership.organisation.slug == "xihu-legal-aid-demo"
    client.force_login(admin)
    for name in ("review:organisation_settings", "accounts:organisation_members"):
        url = reverse(name, kwargs={"slug": membership.organisation.slug})
        assert client.get(url).status_code == 200, name


def test_the_volunteer_stays_a_lawyer_who_may_approve():
    seed()
    volunteer = User.objects.get(email="volunteer@example.com")
    assert volunteer.memberships.get().role == Membership.Role.LAWYER


def test_the_demo_logins_are_printed_at_the_end():
    out = seed()
    tail = out[out.index("demo-pass-2026") :]
    for email in ("borrower@example.com", "volunteer@example.com", "admin@example.com"):
        assert email in tail
    assert "demo-pass-2026" in seed()  # on a second run too
    assert "2 evidence files added" in out


# The evidence files


def demo_files() -> dict[str, Evidence]:
    case = Case.objects.get(owner__email="borrower@example.com")
    return {e.kind: e for e in Evidence.objects.filter(case=case).select_related("contact")}


def test_the_demo_case_gets_a_screenshot_and_a_recording_on_their_contacts():
    seed()
    files = demo_files()
    assert set(files) == {"image", "audio"}
    assert files["image"].contact.ref == "C18" and files["image"].contact.channel == "sms"
    assert files["audio"].contact.ref == "C9" and files["audio"].contact.channel == "call"
    assert files["image"].content_type == "image/png"
    assert files["audio"].content_type == "audio/wav"


def test_the_files_are_stored_privately_with_their_hash():
    seed()
    for evidence in demo_files().values():
        storage = evidence.file.storage
        # The evidence storage every upload goes to, under a random name (never the label).
        assert storage is Evidence._meta.get_field("file").storage
        assert evidence.original_name not in evidence.file.name
        with storage.open(evidence.file.name, "rb") as handle:
            data = handle.read()
        assert hashlib.sha256(data).hexdigest() == evidence.sha256
        assert evidence.size == len(data) < 200_000


def test_the_recording_has_a_length_of_a_few_seconds():
    seed()
    assert 2_000 <= demo_files()["audio"].duration_ms <= 10_000


def test_the_screenshot_is_a_phone_screen_of_the_sms():
    seed()
    evidence = demo_files()["image"]
    with evidence.file.storage.open(evidence.file.name, "rb") as handle:
        image = Image.open(handle)
        image.load()
    width, height = image.size
    assert image.format == "PNG" and 300 <= width <= 1000 and height > width * 0.6


def test_the_evidence_report_shows_a_thumbnail_and_the_length():
    from letters.services import letter_input_for_case

    seed()
    case = Case.objects.get(owner__email="borrower@example.com")
    files = {f.kind: f for f in letter_input_for_case(case=case, language="zh-hans", fields={},
                                                     thumbnails=True).evidence}  # fmt: skip
    assert files["image"].thumbnail.startswith("data:image/jpeg;base64,")
    assert files["audio"].duration_ms == demo_files()["audio"].duration_ms


def test_files_missing_from_an_existing_demo_case_are_added_once():
    seed()
    Evidence.objects.filter(kind="audio").delete()
    out = seed()
    assert "Demo data is already there" in out
    assert "1 evidence file added to the demo case" in out
    assert set(demo_files()) == {"image", "audio"}
    seed()
    assert Evidence.objects.count() == 2


def test_the_generated_files_are_the_same_each_time():
    from cases.demo_files import sms_screenshot, tone_recording

    args = {"sender": "10690123456", "when": "9月9日 16:00", "text": "测试短信", "clock": "16:00"}
    assert sms_screenshot(**args) == sms_screenshot(**args)
    assert tone_recording(seconds=1) == tone_recording(seconds=1)
