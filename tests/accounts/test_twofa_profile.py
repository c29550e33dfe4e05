"""The account page: status, new recovery codes, moving to a new phone, turning it off."""

import pytest
from django.urls import reverse

from accounts.models import RecoveryCode, TOTPDevice
from accounts.services import recovery_codes_left
from tests.accounts.twofa_helpers import enrol, fresh_code

pytestmark = pytest.mark.django_db
PROFILE = reverse("accounts:profile")
DISABLE = reverse("accounts:twofa_disable")
RESET = reverse("accounts:twofa_reset")
REGENERATE = reverse("accounts:twofa_recovery_regenerate")
SETUP = reverse("accounts:twofa_setup")


def test_profile_shows_off_then_on_with_codes_left(borrower_client, borrower):
    assert "未开启" in borrower_client.get(PROFILE).content.decode()
    enrol(borrower)
    html = borrower_client.get(PROFILE).content.decode()
    assert "已开启" in html
    assert "还剩 10 个恢复码" in html


def test_volunteer_profile_offers_no_turn_off(volunteer_client, volunteer):
    enrol(volunteer)
    html = volunteer_client.get(PROFILE).content.decode()
    assert RESET in html
    assert DISABLE not in html


def test_borrower_turns_it_off_with_a_current_code(borrower_client, borrower):
    enrol(borrower)
    response = borrower_client.post(DISABLE, {"code": fresh_code(borrower)})
    assert response["Location"] == PROFILE
    assert not TOTPDevice.objects.filter(user=borrower).exists()
    assert not RecoveryCode.objects.filter(user=borrower).exists()


def test_turning_off_needs_a_right_code(borrower_client, borrower):
    enrol(borrower)
    assert borrower_client.post(DISABLE, {"code": "000000"}).status_code == 200
    assert TOTPDevice.objects.filter(user=borrower).exists()


def test_volunteer_cannot_turn_it_off(volunteer_client, volunteer):
    enrol(volunteer)
    page = volunteer_client.get(DISABLE)
    assert page.status_code == 200
    assert "<form" not in page.content.decode().split("<main")[1]
    response = volunteer_client.post(DISABLE, {"code": fresh_code(volunteer)})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=volunteer).exists()


def test_regenerating_codes_shows_new_ones_and_voids_old(volunteer_client, volunteer):
    _, old = enrol(volunteer)
    response = volunteer_client.post(REGENERATE)
    assert response["Location"] == reverse("accounts:twofa_recovery_codes")
    html = volunteer_client.get(response["Location"]).content.decode()
    assert old[0] not in html
    assert recovery_codes_left(user=volunteer) == 10
    from accounts.services import twofa_code_check

    assert twofa_code_check(user=volunteer, code=old[0], allow_recovery=True) is False


def test_regenerate_needs_post(volunteer_client, volunteer):
    enrol(volunteer)
    assert volunteer_client.get(REGENERATE).status_code == 405


def test_setup_without_reset_goes_back_to_profile(volunteer_client, volunteer):
    enrol(volunteer)
    assert volunteer_client.get(SETUP)["Location"] == PROFILE


def test_reset_needs_a_current_code_then_allows_a_new_device(volunteer_client, volunteer):
    from accounts import totp
    from accounts.services import SESSION_PENDING_SECRET

    old_secret, _ = enrol(volunteer)
    assert volunteer_client.post(RESET, {"code": "000000"}).status_code == 200
    assert volunteer_client.get(SETUP)["Location"] == PROFILE
    response = volunteer_client.post(RESET, {"code": fresh_code(volunteer)})
    assert response["Location"] == SETUP
    assert volunteer_client.get(SETUP).status_code == 200
    new_secret = volunteer_client.session[SESSION_PENDING_SECRET]
    assert new_secret != old_secret
    # The old app keeps working until the new one is confirmed.
    assert TOTPDevice.objects.get(user=volunteer).secret == old_secret
    import time

    volunteer_client.post(SETUP, {"code": totp.totp(new_secret, time.time())})
    assert TOTPDevice.objects.get(user=volunteer).secret == new_secret


def test_anonymous_gets_login_for_every_profile_action(client):
    for url in (DISABLE, RESET):
        assert client.get(url)["Location"].startswith(reverse("accounts:login"))
    assert client.post(REGENERATE)["Location"].startswith(reverse("accounts:login"))


def test_staff_cannot_turn_it_off(client):
    from tests.factories import UserFactory

    staff = UserFactory(email="staff@example.com", is_staff=True)
    enrol(staff)
    client.force_login(staff)
    assert DISABLE not in client.get(PROFILE).content.decode()
    assert client.post(DISABLE, {"code": fresh_code(staff)}).status_code == 403
    assert TOTPDevice.objects.filter(user=staff).exists()
