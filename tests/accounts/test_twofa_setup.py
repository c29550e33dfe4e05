"""Setting up an authenticator app: QR code and typed key, one code to confirm, recovery codes once."""

import base64
import re
import time
from urllib.parse import unquote

import pytest
from django.urls import reverse

from accounts import totp
from accounts.models import RecoveryCode, TOTPDevice
from accounts.services import SESSION_PENDING_SECRET
from tests.accounts.twofa_helpers import password_login

pytestmark = pytest.mark.django_db
SETUP = reverse("accounts:twofa_setup")
CODES = reverse("accounts:twofa_recovery_codes")


def pending_secret(client) -> str:
    return client.session[SESSION_PENDING_SECRET]


def test_setup_page_shows_qr_uri_and_grouped_key(client, volunteer):
    password_login(client, volunteer)
    html = client.get(SETUP).content.decode()
    secret = pending_secret(client)
    assert len(secret) == 32
    assert totp.grouped(secret) in html
    assert f"otpauth://totp/Debt%20Self-Help:{volunteer.email}?secret={secret}" in html
    qr = re.search(r'<img src="data:image/svg\+xml;charset=utf-8,([^"]+)"', html)
    assert qr is not None
    svg = unquote(qr.group(1))
    assert svg.startswith("<svg") or "<svg" in svg[:200]
    assert "style=" not in svg
    assert "<h1>设置两步验证</h1>" in html


def test_the_key_stays_the_same_on_reload(client, volunteer):
    password_login(client, volunteer)
    client.get(SETUP)
    first = pending_secret(client)
    client.get(SETUP)
    assert pending_secret(client) == first


def test_setup_page_has_no_inline_style_or_script(client, volunteer):
    password_login(client, volunteer)
    html = client.get(SETUP).content.decode()
    assert " style=" not in html
    assert "<script>" not in html


def test_wrong_code_does_not_enrol(client, volunteer):
    password_login(client, volunteer)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=volunteer).exists()


def test_right_code_enrols_verifies_and_shows_ten_codes_once(client, volunteer, shared_case):
    password_login(client, volunteer)
    case_url = reverse("cases:case_detail", args=[shared_case.pk])
    client.get(f"{SETUP}?next={case_url}")
    secret = pending_secret(client)
    response = client.post(SETUP, {"code": totp.totp(secret, time.time())})
    assert response["Location"] == CODES
    device = TOTPDevice.objects.get(user=volunteer)
    assert device.secret == secret
    assert device.last_used_step >= totp.time_step(time.time()) - 1
    assert SESSION_PENDING_SECRET not in client.session

    page = client.get(CODES).content.decode()
    shown = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>", page)
    assert len(shown) == 10
    assert RecoveryCode.objects.filter(user=volunteer).count() == 10
    # The key is never shown again once set up.
    assert secret not in page
    assert totp.grouped(secret) not in client.get(reverse("accounts:profile")).content.decode()

    # Not saved yet: the form insists.
    assert client.post(CODES, {}).status_code == 200
    response = client.post(CODES, {"saved": "on"})
    assert response["Location"] == case_url
    # Shown once only.
    assert client.get(CODES)["Location"] == reverse("accounts:profile")
    assert client.get(case_url).status_code == 200


def test_codes_page_without_new_codes_goes_to_profile(client, borrower):
    password_login(client, borrower)
    assert client.get(CODES)["Location"] == reverse("accounts:profile")


def test_borrower_can_enrol_from_the_profile(client, borrower):
    password_login(client, borrower)
    assert SETUP in client.get(reverse("accounts:profile")).content.decode()
    client.get(SETUP)
    client.post(SETUP, {"code": totp.totp(pending_secret(client), time.time())})
    assert TOTPDevice.objects.filter(user=borrower).exists()


def test_anonymous_setup_goes_to_login(client):
    assert client.get(SETUP)["Location"].startswith(reverse("accounts:login"))


def test_setup_refuses_delete(client, volunteer):
    password_login(client, volunteer)
    assert client.delete(SETUP).status_code == 405


def test_secret_is_base32_of_20_bytes(client, volunteer):
    password_login(client, volunteer)
    client.get(SETUP)
    assert len(base64.b32decode(pending_secret(client))) == 20
