"""Organisation admins invite members by email: a single-use link that expires, stored only
as a hash; accepting it (signed in, or after signing up) adds the membership with the invited
role; a used, expired, revoked or foreign link gets a clear page."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Membership
from accounts.services import invitation_create
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(organisation):
    user = UserFactory(email="admin@example.com", display_name="管理员")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def members_url(organisation):
    return reverse("accounts:organisation_members", args=[organisation.slug])


def invite(organisation, admin, email="new@example.com", role="lawyer"):
    """An invitation and the path of its emailed link."""
    invitation = invitation_create(
        organisation=organisation, email=email, role=role, invited_by=admin,
        site_url="http://testserver/",
    )  # fmt: skip
    return invitation


def link_path(message) -> str:
    return re.search(r"http://testserver(/accounts/invitations/\S+/)", message.body).group(1)


def sent_link(organisation, admin, django_capture_on_commit_callbacks, **kwargs) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        invite(organisation, admin, **kwargs)
    return link_path(mail.outbox[-1])


# The admin's page


def test_the_admin_invites_by_email(admin_client, organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            members_url(organisation), {"email": "New@Example.com ", "role": "lawyer"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("new@example.com", "lawyer")
    assert mail.outbox[0].to == ["new@example.com"]
    assert organisation.name in mail.outbox[0].subject
    expires = invitation.expires_at - invitation.created_at
    assert timedelta(days=6, hours=23) < expires <= timedelta(days=7)


def test_only_a_hash_of_the_token_is_stored(
    admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_the_page_lists_members_and_pending_invitations_only(admin_client, admin, organisation):
    pending = invite(organisation, admin, email="pending@example.com")
    used = invite(organisation, admin, email="used@example.com")
    Invitation.objects.filter(pk=used.pk).update(accepted_at=timezone.now())
    old = invite(organisation, admin, email="old@example.com")
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    html = admin_client.get(members_url(organisation)).content.decode()
    assert admin.email in html
    assert pending.email in html
    assert "used@example.com" not in html and "old@example.com" not in html


def test_inviting_a_member_again_is_refused(admin_client, organisation, volunteer):
    response = admin_client.post(
        members_url(organisation), {"email": volunteer.email, "role": "volunteer"}
    )
    assert response.status_code == 200
    assert "这个邮箱地址已经是本机构的成员" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_bad_address_is_refused(admin_client, organisation):
    response = admin_client.post(members_url(organisation), {"email": "nope", "role": "lawyer"})
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_the_pending_one(
    admin, organisation, client, django_capture_on_commit_callbacks
):
    first = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    invite(organisation, admin)
    response = client.get(first)
    assert response.status_code == 410
    assert "机构已撤回这个邀请" in response.content.decode()


@pytest.mark.parametrize("who", ["volunteer", "borrower", "outsider_volunteer"])
def test_only_an_admin_of_the_organisation_sees_the_page(client, request, who, organisation):
    client.force_login(request.getfixturevalue(who))
    assert client.get(members_url(organisation)).status_code == 404
    response = client.post(members_url(organisation), {"email": "x@example.com", "role": "admin"})
    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_an_admin_of_another_organisation_gets_404(client, organisation):
    other_admin = UserFactory()
    MembershipFactory(user=other_admin, organisation=OrganisationFactory(), role="admin")
    client.force_login(other_admin)
    assert client.get(members_url(organisation)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, organisation):
    assert client.get(members_url(organisation))["Location"].startswith(reverse("accounts:login"))


def test_the_nav_links_the_page_for_admins_only(admin_client, organisation, client, volunteer):
    assert (
        members_url(organisation) in admin_client.get(reverse("cases:case_list")).content.decode()
    )
    client.force_login(volunteer)
    assert members_url(organisation) not in client.get(reverse("cases:case_list")).content.decode()


# Revoking


def revoke_url(organisation, invitation):
    return reverse("accounts:invitation_revoke", args=[organisation.slug, invitation.pk])


def test_the_admin_revokes_a_pending_invitation(
    admin_client, admin, organisation, client, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    assert admin_client.post(revoke_url(organisation, invitation)).status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    new_member = UserFactory(email="new@example.com")
    client.force_login(new_member)
    assert client.post(path).status_code == 410
    assert not Membership.objects.filter(user=new_member).exists()


def test_a_member_who_is_not_admin_cannot_revoke(client, volunteer, admin, organisation):
    invitation = invite(organisation, admin)
    client.force_login(volunteer)
    assert client.post(revoke_url(organisation, invitation)).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_revoke_needs_post(admin_client, admin, organisation):
    invitation = invite(organisation, admin)
    assert admin_client.get(revoke_url(organisation, invitation)).status_code == 405


# Accepting


def test_accepting_while_signed_in_adds_the_membership_with_the_role(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks, role="lawyer")
    user = UserFactory(email="new@example.com")
    client.force_login(user)
    page = client.get(path)
    assert page.status_code == 200
    assert organisation.name in page.content.decode()
    response = client.post(path)
    assert response.status_code == 302
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role) == (organisation, "lawyer")
    assert Invitation.objects.get().accepted_by == user


def test_a_new_member_must_set_up_two_step_verification_next(
    client, admin, organisation, django_capture_on_commit_callbacks, settings
):
    settings.SELFHELP_REQUIRE_STAFF_2FA = True
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    borrower = UserFactory(email="new@example.com")
    client.login(request=HttpRequest(), email=borrower.email, password="correct-horse-battery")
    response = client.post(path, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:twofa_setup"))


def test_a_used_link_gets_a_clear_page(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    client.force_login(UserFactory(email="new@example.com"))
    client.post(path)
    response = client.post(path)
    assert response.status_code == 410
    assert "这个邀请已经使用过" in response.content.decode()
    assert Membership.objects.filter(organisation=organisation).count() == 2


def test_an_expired_link_gets_a_clear_page_and_adds_nobody(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    user = UserFactory(email="new@example.com")
    client.force_login(user)
    assert "这个邀请已过期" in client.get(path).content.decode()
    assert client.post(path).status_code == 410
    assert not Membership.objects.filter(user=user).exists()


def test_an_unknown_link_gets_a_clear_page(client):
    response = client.get(reverse("accounts:invitation_accept", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "这个邀请链接无效" in response.content.decode()


def test_a_link_sent_to_another_address_is_refused(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    someone = UserFactory(email="someone-else@example.com")
    client.force_login(someone)
    response = client.post(path)
    assert response.status_code == 403
    assert "这个邀请是发给另一个邮箱地址的" in response.content.decode()
    assert not Membership.objects.filter(user=someone).exists()
    assert Invitation.objects.get().accepted_at is None


def test_signed_out_the_page_offers_log_in_and_sign_up_coming_back_here(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks)
    html = client.get(path).content.decode()
    assert f'href="{reverse("accounts:login")}?next={path}"' in html
    assert f'href="{reverse("accounts:signup")}?next={path}"' in html
    assert client.post(path).status_code == 200
    assert Membership.objects.count() == 1


def test_after_signing_up_the_new_user_accepts(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    path = sent_link(organisation, admin, django_capture_on_commit_callbacks, role="volunteer")
    client.post(reverse("accounts:signup"), {"email": "new@example.com", "next": path})
    signup_link = re.search(r"https?://\S+/accounts/signup/\S+", mail.outbox[-1].body).group(0)
    signup_path = "/" + signup_link.split("://", 1)[1].split("/", 1)[1]
    page = client.get(signup_path).content.decode()
    carried = re.search(r'name="next" value="([^"]*)"', page).group(1)
    finished = client.post(
        signup_path.split("?")[0],
        {"new_password1": "a-long-pass-2026", "new_password2": "a-long-pass-2026", "next": carried},
    )
    assert finished.url == path
    client.post(path)
    assert Membership.objects.get(user__email="new@example.com").role == "volunteer"
