"""Users, legal-aid organisations and their members.

A borrower is any user. A volunteer or lawyer is a user with a membership in
an organisation; what they may see is decided in cases/access.py from the
cases shared with that organisation.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("name"), max_length=100, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def is_pending_signup(self) -> bool:
        """Signed up but has not yet chosen a password from the emailed link."""
        return not self.is_active and not self.has_usable_password()

    @property
    def is_volunteer(self) -> bool:
        """True when the user belongs to at least one legal-aid organisation."""
        return self.memberships.exists()

    @property
    def must_use_second_factor(self) -> bool:
        """Volunteers see shared cases and staff see everything: neither may turn 2FA off."""
        return self.is_staff or self.is_volunteer


class Organisation(models.Model):
    """A legal-aid clinic or law firm that reviews cases borrowers share with it."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), unique=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        VOLUNTEER = "volunteer", _("Volunteer")
        LAWYER = "lawyer", _("Lawyer")
        ADMIN = "admin", _("Organisation admin")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VOLUNTEER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


class Invitation(models.Model):
    """An organisation admin's emailed invitation to join as a member with a role.

    The link carries a random token; only its SHA-256 is stored, so a copy of the database
    cannot be used to join. It works once, for the address it was sent to, until it expires
    or an admin revokes it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.VOLUNTEER
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation} ({self.role})"

    def status_at(self, now) -> str:
        """Accepted and revoked are final; otherwise pending until it expires."""
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if now >= self.expires_at:
            return self.Status.EXPIRED
        return self.Status.PENDING


class TOTPDevice(models.Model):
    """A user's authenticator app: the shared TOTP secret (RFC 6238) and the last step used.

    The secret is stored as plain base32. Encrypting it with a key from the settings
    would protect it only against a leak of the database alone (not of the server,
    which holds both), and would tie every device to that key's rotation. What we do
    instead: the secret is shown once, on the setup page, and never again; a stolen
    secret still needs the password; staff can reset a device (manage.py reset_2fa).
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(_("secret"), max_length=64)
    # The RFC 6238 time step of the last accepted code: a code is accepted once only.
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self) -> str:
        return str(self.user)


class RecoveryCode(models.Model):
    """A one-time code for when the phone is lost. Only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        constraints = [
            models.UniqueConstraint(fields=["user", "code_hash"], name="unique_recovery_code")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({'used' if self.used_at else 'unused'})"


class TwoFactorFailure(models.Model):
    """One wrong code. Counted per user in the database, so every process sees the same limit."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="twofa_failures")
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("wrong code")
        verbose_name_plural = _("wrong codes")
        indexes = [models.Index(fields=["user", "created_at"], name="twofa_failure_user_time")]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"


class EmailSent(models.Model):
    """An email sent because someone not signed in asked (password reset, sign-up).

    Counted per recipient and per client address to throttle floods. Neither is
    stored as such: only keyed hashes (HMAC with the secret key), and rows older
    than the window are deleted as new ones come.
    """

    recipient_key = models.CharField(max_length=64)
    client_key = models.CharField(max_length=64)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("email sent on request")
        verbose_name_plural = _("emails sent on request")
        indexes = [
            models.Index(fields=["recipient_key", "sent_at"], name="email_sent_recipient_time"),
            models.Index(fields=["client_key", "sent_at"], name="email_sent_client_time"),
        ]

    def __str__(self) -> str:
        return f"{self.sent_at:%Y-%m-%d %H:%M}"
