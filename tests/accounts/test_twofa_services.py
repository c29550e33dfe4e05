"""Second-factor services: replay, the rate limit, recovery codes, enrolment and staff reset."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client

from accounts import totp
from accounts.models import RecoveryCode, TOTPDevice, TwoFactorFailure
from accounts.services import (
    MAX_FAILURES,
    TwoFactorLocked,
    recovery_codes_left,
    recovery_codes_regenerate,
    totp_device_disable,
    totp_device_enrol,
    twofa_code_check,
    twofa_locked_until,
    twofa_pending_check,
)
from tests.accounts.twofa_helpers import enrol, password_login

pytestmark = pytest.mark.django_db
T0 = 1_800_000_000.0  # a fixed Unix time, so the codes are known


def at_time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def test_a_code_is_accepted_once(volunteer):
    secret, _ = enrol(volunteer)
    code = totp.totp(secret, T0)
    assert twofa_code_check(user=volunteer, code=code, at=T0) is True
    assert twofa_code_check(user=volunteer, code=code, at=T0 + 5) is False
    assert TOTPDevice.objects.get(user=volunteer).last_used_step == totp.time_step(T0)


def test_the_next_code_works_after_one_was_used(volunteer):
    secret, _ = enrol(volunteer)
    assert twofa_code_check(user=volunteer, code=totp.totp(secret, T0), at=T0)
    assert twofa_code_check(user=volunteer, code=totp.totp(secret, T0 + 30), at=T0 + 30)


def test_another_users_code_is_refused(volunteer, borrower):
    enrol(volunteer)
    other_secret, _ = enrol(borrower)
    assert twofa_code_check(user=volunteer, code=totp.totp(other_secret, T0), at=T0) is False


def test_a_user_without_a_device_never_passes(volunteer):
    assert twofa_code_check(user=volunteer, code="123456", at=T0) is False


def test_recovery_code_works_once_and_only_where_allowed(volunteer):
    _, codes = enrol(volunteer)
    assert twofa_code_check(user=volunteer, code=codes[0], at=T0) is False
    assert twofa_code_check(user=volunteer, code=codes[0], allow_recovery=True, at=T0) is True
    assert twofa_code_check(user=volunteer, code=codes[0], allow_recovery=True, at=T0) is False
    assert recovery_codes_left(user=volunteer) == 9


def test_recovery_code_forgives_case_spaces_and_dashes(volunteer):
    _, codes = enrol(volunteer)
    typed = " " + codes[1].upper().replace("-", " ") + " "
    assert twofa_code_check(user=volunteer, code=typed, allow_recovery=True, at=T0) is True


def test_recovery_codes_are_stored_hashed(volunteer):
    _, codes = enrol(volunteer)
    stored = set(RecoveryCode.objects.filter(user=volunteer).values_list("code_hash", flat=True))
    assert len(codes) == len(set(codes)) == 10 == len(stored)
    assert not stored & set(codes)
    assert all(len(h) == 64 for h in stored)


def test_regenerating_recovery_codes_voids_the_old_ones(volunteer):
    _, old = enrol(volunteer)
    new = recovery_codes_regenerate(user=volunteer)
    assert not set(old) & set(new)
    assert twofa_code_check(user=volunteer, code=old[0], allow_recovery=True, at=T0) is False
    assert twofa_code_check(user=volunteer, code=new[0], allow_recovery=True, at=T0) is True


def test_five_wrong_codes_lock_out_even_the_right_one(volunteer):
    secret, _ = enrol(volunteer)
    for i in range(MAX_FAILURES):
        assert twofa_code_check(user=volunteer, code="000000", at=T0 + i) is False
    with pytest.raises(TwoFactorLocked) as locked:
        twofa_code_check(user=volunteer, code=totp.totp(secret, T0 + 10), at=T0 + 10)
    assert locked.value.until == at_time(T0 + MAX_FAILURES - 1) + timedelta(minutes=10)
    # Refused tries are not counted, so the lockout does not grow.
    assert TwoFactorFailure.objects.filter(user=volunteer).count() == MAX_FAILURES


def test_four_wrong_codes_do_not_lock(volunteer):
    secret, _ = enrol(volunteer)
    for i in range(MAX_FAILURES - 1):
        twofa_code_check(user=volunteer, code="000000", at=T0 + i)
    assert twofa_code_check(user=volunteer, code=totp.totp(secret, T0 + 10), at=T0 + 10)


def test_lockout_ends_ten_minutes_after_the_last_wrong_code(volunteer):
    secret, _ = enrol(volunteer)
    for i in range(MAX_FAILURES):
        twofa_code_check(user=volunteer, code="000000", at=T0 + i)
    last = T0 + MAX_FAILURES - 1
    assert twofa_locked_until(user=volunteer, now=at_time(last + 599)) is not None
    assert twofa_locked_until(user=volunteer, now=at_time(last + 600)) is None
    later = last + 601
    assert twofa_code_check(user=volunteer, code=totp.totp(secret, later), at=later) is True
    assert not TwoFactorFailure.objects.filter(user=volunteer).exists()


def test_wrong_codes_spread_over_more_than_ten_minutes_do_not_lock(volunteer):
    enrol(volunteer)
    for i in range(MAX_FAILURES):
        twofa_code_check(user=volunteer, code="000000", at=T0 + i * 200)
    assert twofa_locked_until(user=volunteer, now=at_time(T0 + 801)) is None


def test_the_limit_is_per_user(volunteer, outsider_volunteer):
    enrol(volunteer)
    secret, _ = enrol(outsider_volunteer)
    for i in range(MAX_FAILURES):
        twofa_code_check(user=volunteer, code="000000", at=T0 + i)
    code = totp.totp(secret, T0 + 10)
    assert twofa_code_check(user=outsider_volunteer, code=code, at=T0 + 10)


def test_setup_code_is_rate_limited_too(volunteer):
    secret = totp.random_secret()
    for i in range(MAX_FAILURES):
        assert twofa_pending_check(user=volunteer, secret=secret, code="000000", at=T0 + i) == 0
    with pytest.raises(TwoFactorLocked):
        twofa_pending_check(user=volunteer, secret=secret, code=totp.totp(secret, T0), at=T0 + 9)


def test_enrolling_a_new_device_replaces_the_old_one_and_its_codes(volunteer):
    old_secret, old_codes = enrol(volunteer)
    new_secret = totp.random_secret()
    new_codes = totp_device_enrol(user=volunteer, secret=new_secret, step=totp.time_step(T0))
    device = TOTPDevice.objects.get(user=volunteer)
    assert device.secret == new_secret
    assert (
        twofa_code_check(user=volunteer, code=totp.totp(old_secret, T0 + 30), at=T0 + 30) is False
    )
    assert twofa_code_check(user=volunteer, code=old_codes[0], allow_recovery=True, at=T0) is False
    assert twofa_code_check(user=volunteer, code=new_codes[0], allow_recovery=True, at=T0)


def test_the_confirming_code_cannot_be_replayed_after_enrolment(volunteer):
    secret = totp.random_secret()
    code = totp.totp(secret, T0)
    step = twofa_pending_check(user=volunteer, secret=secret, code=code, at=T0)
    totp_device_enrol(user=volunteer, secret=secret, step=step)
    assert twofa_code_check(user=volunteer, code=code, at=T0 + 1) is False


def test_volunteers_cannot_disable(volunteer):
    enrol(volunteer)
    with pytest.raises(PermissionError):
        totp_device_disable(user=volunteer)
    assert TOTPDevice.objects.filter(user=volunteer).exists()


def test_borrowers_can_disable(borrower):
    enrol(borrower)
    totp_device_disable(user=borrower)
    assert not TOTPDevice.objects.filter(user=borrower).exists()
    assert not RecoveryCode.objects.filter(user=borrower).exists()


def test_reset_command_removes_device_codes_failures_and_sessions(volunteer, borrower):
    enrol(volunteer)
    enrol(borrower)
    twofa_code_check(user=volunteer, code="000000", at=T0)
    password_login(Client(), volunteer)
    password_login(Client(), borrower)
    assert Session.objects.count() == 2
    out = StringIO()
    call_command("reset_2fa", "VOLUNTEER@example.com", stdout=out)
    assert "1 session(s) ended" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=volunteer).exists()
    assert not RecoveryCode.objects.filter(user=volunteer).exists()
    assert not TwoFactorFailure.objects.filter(user=volunteer).exists()
    # The borrower's device and session are untouched.
    assert TOTPDevice.objects.filter(user=borrower).exists()
    assert Session.objects.count() == 1


def test_reset_command_for_an_unknown_email_fails_loudly(db):
    with pytest.raises(CommandError, match="No user"):
        call_command("reset_2fa", "nobody@example.com")
