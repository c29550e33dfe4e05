"""Writes for users: sign-up, profile changes, invitations to an organisation and the second
factor (TOTP, recovery codes)."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext

from selfhelp.deletion import delete_with_files

from . import totp
from .models import (
    EmailSent,
    Invitation,
    Membership,
    Organisation,
    RecoveryCode,
    TOTPDevice,
    TwoFactorFailure,
    User,
)


def user_signup(*, email: str, password: str, display_name: str = "") -> User:
    """Create an active borrower account at once (demo data, tests, staff tools).

    The sign-up page does not use it: see user_signup_request.
    """
    user = User(email=email.strip().lower(), display_name=display_name.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """One-use links that finish a sign-up; a password-reset token does not fit them."""

    key_salt = "accounts.services.SignupTokenGenerator"


signup_token_generator = SignupTokenGenerator()


def _send(*, to: str, subject_template: str, body_template: str, context: dict) -> None:
    subject = "".join(render_to_string(subject_template, context).splitlines())
    send_mail(subject, render_to_string(body_template, context), None, [to])


#: The sliding window over which emails asked for by visitors are counted.
EMAIL_WINDOW = timedelta(hours=1)


def _throttle_key(kind: str, value: str) -> str:
    return salted_hmac(f"accounts.email-throttle.{kind}", value, algorithm="sha256").hexdigest()


def email_request_allowed(*, recipient: str, client: str, now: datetime | None = None) -> bool:
    """Whether an email someone not signed in asked for may go out now; counts it if so.

    At most SELFHELP_EMAILS_PER_RECIPIENT_HOUR emails go to one address, and at most
    SELFHELP_EMAILS_PER_ADDRESS_HOUR are asked for from one client address, in any hour.
    The caller answers the same either way, so the page never says which case it was.
    """
    now = now or timezone.now()
    recipient_key = _throttle_key("recipient", recipient.strip().lower())
    client_key = _throttle_key("client", client)
    with transaction.atomic():
        EmailSent.objects.filter(sent_at__lte=now - EMAIL_WINDOW).delete()
        recent = EmailSent.objects.filter(sent_at__gt=now - EMAIL_WINDOW)
        if recent.filter(recipient_key=recipient_key).count() >= (
            settings.SELFHELP_EMAILS_PER_RECIPIENT_HOUR
        ):
            return False
        if (
            recent.filter(client_key=client_key).count()
            >= settings.SELFHELP_EMAILS_PER_ADDRESS_HOUR
        ):
            return False
        EmailSent.objects.create(recipient_key=recipient_key, client_key=client_key, sent_at=now)
    return True


def user_signup_request(
    *, email: str, display_name: str, site_url: str, next_path: str = "", client: str = "server"
) -> None:
    """Answer a sign-up the same way whether or not the address already has an account.

    Having an account here means having debt trouble, so the page never says
    which case it is: an email goes to the address either way. A new address
    gets a pending account (inactive, no password) and a link to choose the
    password, so only whoever reads the mailbox can finish the sign-up. An
    address with an account gets a reminder with links to log in or reset.
    Past the email throttle (email_request_allowed, counted against `client`, the
    visitor's address) nothing at all happens, and the page still says the same.
    `next_path` (a path on this site, already checked) rides on the link, so the new
    borrower lands where they were going, e.g. saving checked messages to a case.
    """
    email = email.strip().lower()
    if not email_request_allowed(recipient=email, client=client):
        return
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, display_name=display_name.strip(), is_active=False)
        user.set_unusable_password()
        user.full_clean()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:  # the same address, signed up at the same moment
            user = User.objects.get(email__iexact=email)
    context = {"email": user.email, "site_url": site_url.rstrip("/")}
    if user.is_pending_signup:
        context["link"] = context["site_url"] + reverse(
            "accounts:signup_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": signup_token_generator.make_token(user),
            },
        )
        if next_path:
            context["link"] += "?" + urlencode({"next": next_path})
        body = "accounts/email/signup_finish.txt"
    else:
        body = "accounts/email/signup_exists.txt"
    _send(
        to=user.email,
        subject_template="accounts/email/signup_subject.txt",
        body_template=body,
        context=context,
    )


def user_for_signup_link(*, uidb64: str, token: str) -> User | None:
    """The pending account a finish-sign-up link is for, or None if the link is not valid."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk).first()
    if user is None or not user.is_pending_signup:
        return None
    if not signup_token_generator.check_token(user, token):
        return None
    return user


def user_signup_complete(*, user: User, password: str) -> User:
    """Give a pending account its password and open it (the caller validated the password)."""
    user.set_password(password)
    user.is_active = True
    user.full_clean()
    user.save(update_fields=["password", "is_active"])
    return user


def signups_prune(*, older_than_days: int = 7) -> int:
    """Delete pending sign-ups (no password ever chosen) older than the given age."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    stale = User.objects.filter(is_active=False, date_joined__lt=cutoff)
    ids = [user.pk for user in stale if user.is_pending_signup]
    User.objects.filter(pk__in=ids).delete()
    return len(ids)


def password_reset_unknown_address(*, email: str, site_url: str) -> None:
    """Write to an address that asked for a new password but has no account.

    The reset page answers the same either way; an email either way keeps the
    timing the same too, and tells the person how to sign up.
    """
    context = {"email": email, "site_url": site_url.rstrip("/")}
    context["signup_link"] = context["site_url"] + reverse("accounts:signup")
    _send(
        to=email,
        subject_template="registration/password_reset_subject.txt",
        body_template="accounts/email/password_reset_unknown.txt",
        context=context,
    )


def user_update_profile(*, user: User, display_name: str) -> User:
    """Change what the user is called in the app."""
    user.display_name = display_name.strip()
    user.full_clean()
    user.save(update_fields=["display_name"])
    return user


def user_delete(*, user: User) -> None:
    """Delete the account and everything it owns: cases, evidence files, letters, jobs,
    personal-data exports, and the failed logins counted against its address.

    Files in private storage go once the transaction commits (selfhelp.deletion).
    """
    login_failures_clear(user=user)
    delete_with_files(user)


# --- Invitations to an organisation ----------------------------------------------------------


class InvitationInvalid(Exception):
    """The invitation cannot be accepted; `reason` is an Invitation.Status or "wrong_user"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(
    *, organisation: Organisation, email: str, role: str, invited_by: User, site_url: str
) -> Invitation:
    """Invite an address to join the organisation with a role, and email it the link.

    The link works once, for `settings.INVITATION_VALID_DAYS` days. A new invitation to the
    same address replaces any still pending, so only the latest link works. Raises
    ValidationError for an address that is already a member.
    """
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": gettext("This address already belongs to a member of the organisation.")}
        )
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=_token_hash(token),
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    with transaction.atomic():
        Invitation.objects.filter(
            organisation=organisation,
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=now)
        invitation.save()
    link = site_url.rstrip("/") + reverse("accounts:invitation_accept", args=[token])
    context = {
        "organisation": organisation.name,
        "role": invitation.get_role_display(),
        "link": link,
        "days": settings.INVITATION_VALID_DAYS,
    }
    transaction.on_commit(
        lambda: _send(
            to=email,
            subject_template="accounts/email/invitation_subject.txt",
            body_template="accounts/email/invitation.txt",
            context=context,
        )
    )
    return invitation


def invitation_for_token(*, token: str) -> Invitation | None:
    """The invitation a link is for, whatever its state, or None for an unknown token."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.filter(token_hash=_token_hash(token))
        .select_related("organisation")
        .first()
    )


def invitation_check(
    *, invitation: Invitation, user: User | None, now: datetime | None = None
) -> None:
    """Raise InvitationInvalid unless the invitation can be accepted now: it is pending (not
    used, revoked or expired) and, once someone is signed in, was sent to their own address.
    A forwarded link is no use to anyone else."""
    status = invitation.status_at(now or timezone.now())
    if status != Invitation.Status.PENDING:
        raise InvitationInvalid(status)
    if user is not None and invitation.email.lower() != (user.email or "").lower():
        raise InvitationInvalid("wrong_user")


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Join the organisation with the invited role; the link is used up.

    The row is locked, so two clicks at once make one membership. A user who is already a
    member keeps their membership and role, and the link is used up all the same.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check(invitation=invitation, user=user)
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation_id=invitation.organisation_id, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """Stop a pending invitation: its link gives the "revoked" page from now on."""
    if invitation.status_at(timezone.now()) != Invitation.Status.PENDING:
        raise ValidationError(gettext("Only a pending invitation can be revoked."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def login_failures_clear(*, user: User) -> int:
    """Forget the failed logins counted against the user's email address (django-axes).

    Called once the user proved they read the mailbox (a new password from the emailed
    link), so the account is not kept locked, and when the account is deleted.
    """
    from axes.models import AccessAttempt

    if not user.email:
        return 0
    count, _ = AccessAttempt.objects.filter(username=user.email.lower()).delete()
    return count


# --- Second factor ---------------------------------------------------------------------------
#
# The session remembers where a signed-in user stands, so that a verified or exempt
# request costs no query at all:
#   "pending"  - the user must give a code (volunteers, and anyone with a device) or enrol;
#   "verified" - a code or recovery code was accepted in this session;
#   "exempt"   - a borrower without a device. Re-checked every few minutes, so a borrower
#                who is made a member of an organisation must enrol soon after, not at the
#                next login.

ISSUER = "Debt Self-Help"
SESSION_STATE = "twofa_state"
SESSION_CHECKED_AT = "twofa_checked_at"
SESSION_PENDING_SECRET = "twofa_pending_secret"
SESSION_RESET_ALLOWED = "twofa_reset_allowed"
SESSION_NEW_CODES = "twofa_new_recovery_codes"
PENDING, VERIFIED, EXEMPT = "pending", "verified", "exempt"
EXEMPT_RECHECK_SECONDS = 300

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=10)
LOCKOUT = timedelta(minutes=10)
RECOVERY_CODE_COUNT = 10
# No 0/o, 1/l/i: codes are copied by hand from paper.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class TwoFactorLocked(Exception):
    """Too many wrong codes: no code is checked until `until`."""

    def __init__(self, until: datetime):
        super().__init__(until)
        self.until = until


def twofa_required(*, user: User) -> bool:
    """Volunteers and staff must use a second factor; so must anyone who turned it on. One query.

    settings.SELFHELP_REQUIRE_STAFF_2FA (on in production, off for the local demo of `make run`)
    decides whether volunteers and staff are forced to enrol; a device, once set up, is always used.
    """
    must = Q(totp_device__isnull=False)
    if settings.SELFHELP_REQUIRE_STAFF_2FA:
        must |= Q(is_staff=True) | Q(memberships__isnull=False)
    return User.objects.filter(pk=user.pk).filter(must).exists()


def twofa_has_device(*, user: User) -> bool:
    """Whether the user has finished setting up an authenticator app."""
    return TOTPDevice.objects.filter(user=user).exists()


def twofa_session_start(*, session: SessionBase, user: User) -> None:
    """At every login: decide whether this session must still give a second factor."""
    session[SESSION_STATE] = PENDING if twofa_required(user=user) else EXEMPT
    session[SESSION_CHECKED_AT] = int(time.time())


def twofa_session_state(*, session: SessionBase, user: User) -> str:
    """Where this session stands: PENDING, VERIFIED or EXEMPT (see the note above).

    A verified or recently checked exempt session costs no query. A session from
    before this feature (no state) is decided now, like a login.
    """
    state = session.get(SESSION_STATE)
    if state == VERIFIED:
        return VERIFIED
    checked_at = session.get(SESSION_CHECKED_AT, 0)
    if state == EXEMPT and time.time() - checked_at < EXEMPT_RECHECK_SECONDS:
        return EXEMPT
    new_state = PENDING if twofa_required(user=user) else EXEMPT
    if new_state != state or new_state == EXEMPT:
        session[SESSION_STATE] = new_state
        session[SESSION_CHECKED_AT] = int(time.time())
    return new_state


def twofa_mark_verified(*, session: SessionBase) -> None:
    """Record in the session that the second factor was given. The caller cycles the key."""
    session[SESSION_STATE] = VERIFIED
    session.pop(SESSION_RESET_ALLOWED, None)
    session.pop(SESSION_PENDING_SECRET, None)


def twofa_locked_until(*, user: User, now: datetime | None = None) -> datetime | None:
    """The end of the lockout if the user gave MAX_FAILURES wrong codes within FAILURE_WINDOW.

    The lockout lasts LOCKOUT from the last wrong code. While it lasts no code is
    checked and nothing is recorded, so it ends on time.
    """
    now = now or timezone.now()
    recent = list(
        TwoFactorFailure.objects.filter(user=user, created_at__gt=now - FAILURE_WINDOW - LOCKOUT)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:MAX_FAILURES]
    )
    if len(recent) < MAX_FAILURES or recent[0] - recent[-1] > FAILURE_WINDOW:
        return None
    until = recent[0] + LOCKOUT
    return until if until > now else None


def _checked(*, user: User, check: Callable[[], bool], now: datetime | None) -> bool:
    """Run `check` under the rate limit: record a failure, or clear them on success."""
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the user row so that parallel guesses are counted one after another.
        User.objects.select_for_update().filter(pk=user.pk).first()
        until = twofa_locked_until(user=user, now=now)
        if until is None:
            ok = check()
            if ok:
                TwoFactorFailure.objects.filter(user=user).delete()
            else:
                TwoFactorFailure.objects.create(user=user, created_at=now)
    if until is not None:
        raise TwoFactorLocked(until)
    return ok


def _accept_step(*, device: TOTPDevice, code: str, at: float) -> bool:
    """Accept a TOTP code for this device once: a compare-and-set on the last used step."""
    step = totp.matching_step(device.secret, code, at, after_step=device.last_used_step)
    if step is None:
        return False
    return bool(
        TOTPDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(last_used_step=step)
    )


def _recovery_hash(code: str) -> str:
    normalised = "".join(ch for ch in code.lower() if ch.isalnum())
    return hashlib.sha256(normalised.encode("ascii", "ignore")).hexdigest()


def _recovery_code_use(*, user: User, code: str, now: datetime) -> bool:
    """Spend one unused recovery code matching `code`. Each code works once."""
    return bool(
        RecoveryCode.objects.filter(
            user=user, code_hash=_recovery_hash(code), used_at__isnull=True
        ).update(used_at=now)
    )


def twofa_code_check(
    *, user: User, code: str, allow_recovery: bool = False, at: float | None = None
) -> bool:
    """Check a code from the user's authenticator app (or a recovery code if allowed).

    Raises TwoFactorLocked after too many wrong codes. Returns False for a wrong,
    replayed or malformed code, which counts towards the limit.
    """
    at = time.time() if at is None else at
    now = datetime.fromtimestamp(at, tz=UTC)

    def check() -> bool:
        device = TOTPDevice.objects.filter(user=user).first()
        if device is not None and _accept_step(device=device, code=code, at=at):
            return True
        return allow_recovery and _recovery_code_use(user=user, code=code, now=now)

    return _checked(user=user, check=check, now=now)


def twofa_pending_check(*, user: User, secret: str, code: str, at: float | None = None) -> int:
    """Check the first code of a new authenticator app. Returns its time step, or 0 if wrong.

    Raises TwoFactorLocked after too many wrong codes, like twofa_code_check.
    """
    at = time.time() if at is None else at
    found: list[int] = []

    def check() -> bool:
        step = totp.matching_step(secret, code, at)
        if step is not None:
            found.append(step)
        return step is not None

    _checked(user=user, check=check, now=datetime.fromtimestamp(at, tz=UTC))
    return found[0] if found else 0


def recovery_codes_regenerate(*, user: User) -> list[str]:
    """Replace all the user's recovery codes with RECOVERY_CODE_COUNT new ones, returned once.

    Only a SHA-256 of each is kept. A code carries about 59 bits of chance, and
    guessing online is rate limited, so a plain hash (no slow hasher) is enough.
    """
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(12))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, code_hash=_recovery_hash(code)) for code in codes
        )
    return codes


def recovery_codes_left(*, user: User) -> int:
    """How many recovery codes the user has not used yet."""
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def totp_device_enrol(*, user: User, secret: str, step: int) -> list[str]:
    """Make `secret` the user's authenticator app, replacing any old one; new recovery codes.

    `step` is the time step of the code that confirmed the app, so it cannot be used again.
    """
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice(user=user, secret=secret, last_used_step=step)
        device.full_clean()
        device.save()
        TwoFactorFailure.objects.filter(user=user).delete()
        return recovery_codes_regenerate(user=user)


def totp_device_disable(*, user: User) -> None:
    """Turn the second factor off. Only borrowers may: volunteers and staff must keep one."""
    if user.must_use_second_factor:
        raise PermissionError("Volunteers and staff cannot turn off the second factor.")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()


def twofa_reset(*, user: User) -> int:
    """Staff recovery: remove the user's device, recovery codes and wrong-code count,
    and end all their sessions so the next login enrols again. Returns the sessions ended.

    Ending sessions works with the database session backends only (the project's default).
    """
    from django.contrib.sessions.models import Session

    ended = 0
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        TwoFactorFailure.objects.filter(user=user).delete()
        if settings.SESSION_ENGINE in (
            "django.contrib.sessions.backends.db",
            "django.contrib.sessions.backends.cached_db",
        ):
            store = import_module(settings.SESSION_ENGINE).SessionStore
            for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
                if session.get_decoded().get("_auth_user_id") == str(user.pk):
                    store(session_key=session.session_key).delete()
                    ended += 1
    return ended


def totp_setup_details(*, user: User, secret: str) -> dict[str, str | int]:
    """What the setup page shows: the otpauth:// URI, its QR code and the secret in groups.

    The QR code is an SVG drawn here (segno, no network) and served as a data: URI in an
    <img>, so the Content Security Policy needs no inline style.
    """
    import segno

    uri = totp.provisioning_uri(secret, account=user.email, issuer=ISSUER)
    qr = segno.make(uri, error="m")
    size, _ = qr.symbol_size(scale=5, border=4)
    return {
        "uri": uri,
        "qr_data_uri": qr.svg_data_uri(scale=5, border=4, dark="#000", light="#fff"),
        "qr_size": size,
        "grouped_secret": totp.grouped(secret),
    }
