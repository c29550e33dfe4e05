"""Sign-up, profile and the second factor. Login, logout and passwords use Django's auth views."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from selfhelp.views import HtmxHttpRequest

from . import selectors, services, totp
from .access import get_invitation_for_admin, get_organisation_for_admin
from .forms import (
    AccountDeleteForm,
    InvitationForm,
    LoginForm,
    ProfileForm,
    RecoveryCodesSavedForm,
    SetPasswordForm,
    SignupForm,
    TwoFactorCodeForm,
    TwoFactorSetupForm,
)
from .selectors import membership_list_for_user, twofa_status_for_user
from .services import (
    PENDING,
    SESSION_NEW_CODES,
    SESSION_PENDING_SECRET,
    SESSION_RESET_ALLOWED,
    VERIFIED,
    InvitationInvalid,
    recovery_codes_left,
    recovery_codes_regenerate,
    totp_device_disable,
    totp_device_enrol,
    totp_setup_details,
    twofa_has_device,
    twofa_mark_verified,
    twofa_session_start,
    twofa_session_state,
    user_delete,
    user_for_signup_link,
    user_signup_complete,
    user_signup_request,
    user_update_profile,
)
from .throttle import client_address

SESSION_NEXT = "twofa_next"


@require_http_methods(["GET", "POST"])
def signup(request: HtmxHttpRequest) -> HttpResponse:
    """Ask for an address; the answer is the same whether or not it has an account."""
    if request.user.is_authenticated:
        return redirect("cases:case_list")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        next_url = request.POST.get("next", "")
        user_signup_request(
            email=form.cleaned_data["email"],
            display_name=form.cleaned_data["display_name"],
            site_url=request.build_absolute_uri("/"),
            next_path=next_url if _safe_next(request, next_url) == next_url else "",
            client=client_address(request),
        )
        return redirect("accounts:signup_sent")
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "accounts/user_signup.html", {"form": form, "next": next_url})


@require_GET
def signup_sent(request: HtmxHttpRequest) -> HttpResponse:
    """Check your email: said the same way for every address."""
    return render(request, "accounts/user_signup_sent.html")


@require_http_methods(["GET", "POST"])
def signup_confirm(request: HtmxHttpRequest, uidb64: str, token: str) -> HttpResponse:
    """From the emailed link: choose a password, and the account opens and logs in."""
    user = user_for_signup_link(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/user_signup_confirm.html", {"valid_link": False})
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_signup_complete(user=user, password=form.cleaned_data["new_password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your account is ready."))
        return redirect(_safe_next(request, request.POST.get("next")))
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(
        request,
        "accounts/user_signup_confirm.html",
        {"valid_link": True, "form": form, "next": next_url},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HtmxHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=request.user, display_name=form.cleaned_data["display_name"])
        messages.success(request, _("Your name has been saved."))
        return redirect("accounts:profile")
    memberships = list(membership_list_for_user(user=request.user))
    context = {
        "form": form,
        "memberships": memberships,
        "device": twofa_status_for_user(user=request.user),
        # Same rule as User.must_use_second_factor, from the rows already loaded.
        "can_disable": not (request.user.is_staff or memberships),
    }
    return render(request, "accounts/user_profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HtmxHttpRequest) -> HttpResponse:
    """Delete the account and all its data, after the password and an explicit confirmation."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user_delete(user=user)
        messages.success(request, _("Your account and all its data have been deleted."))
        return redirect("home")
    return render(request, "accounts/user_delete.html", {"form": form})


def landing_url(user) -> str:
    """Where a sign-in without `next` lands: members of an organisation on the review
    queue (their daily work), everyone else on their own cases."""
    if user.is_authenticated and user.memberships.exists():
        return resolve_url("review:review_queue")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def login_locked(
    request: HtmxHttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """What django-axes answers (AXES_LOCKOUT_CALLABLE) to a login, admin login or reset
    request while the account or the address is locked: a page, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/login_locked.html", {"minutes": minutes}, status=429)


class LoginView(auth_views.LoginView):
    """Django's login, landing volunteers on the review queue."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)


@require_POST
def quick_exit(request: HtmxHttpRequest) -> HttpResponse:
    """The quick-exit button's beacon: end the session as the page leaves (unless
    QUICK_EXIT_ENDS_SESSION is off). POST with the CSRF token, like logout."""
    if settings.QUICK_EXIT_ENDS_SESSION:
        logout(request)
    return HttpResponse(status=204)


def _safe_next(request: HtmxHttpRequest, candidate: str | None) -> str:
    """Where to go after the second factor: `next` if it is on this site, else the case list."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return landing_url(request.user)


@login_required
@require_http_methods(["GET", "POST"])
def twofa_verify(request: HtmxHttpRequest) -> HttpResponse:
    """After the password: a code from the authenticator app, or a recovery code."""
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if twofa_session_state(session=request.session, user=request.user) != PENDING:
        return redirect(next_url)
    if not twofa_has_device(user=request.user):
        return redirect("accounts:twofa_setup")
    form = TwoFactorCodeForm(request.POST or None, user=request.user, allow_recovery=True)
    if request.method == "POST" and form.is_valid():
        twofa_mark_verified(session=request.session)
        request.session.cycle_key()
        if form.used_recovery:
            left = recovery_codes_left(user=request.user)
            messages.warning(
                request,
                ngettext(
                    "You used a recovery code. %(left)d is left: make new ones on your account page.",
                    "You used a recovery code. %(left)d are left: make new ones on your account page.",
                    left,
                )
                % {"left": left},
            )
        return redirect(next_url)
    return render(request, "accounts/twofa_verify.html", {"form": form, "next": next_url})


@login_required
@require_http_methods(["GET", "POST"])
def twofa_setup(request: HtmxHttpRequest) -> HttpResponse:
    """Set up an authenticator app: QR code or typed secret, then one code to confirm it.

    The new secret waits in the session until confirmed. Someone who already has an
    app comes here only through the reset page, which asks for a current code first.
    """
    session = request.session
    if twofa_has_device(user=request.user) and not session.get(SESSION_RESET_ALLOWED):
        return redirect("accounts:profile")
    if request.GET.get("next"):
        session[SESSION_NEXT] = _safe_next(request, request.GET["next"])
    secret = session.get(SESSION_PENDING_SECRET) or totp.random_secret()
    session[SESSION_PENDING_SECRET] = secret
    form = TwoFactorSetupForm(request.POST or None, user=request.user, secret=secret)
    if request.method == "POST" and form.is_valid():
        codes = totp_device_enrol(user=request.user, secret=secret, step=form.step)
        twofa_mark_verified(session=session)
        session.cycle_key()
        session[SESSION_NEW_CODES] = codes
        return redirect("accounts:twofa_recovery_codes")
    context = {"form": form, **totp_setup_details(user=request.user, secret=secret)}
    return render(request, "accounts/twofa_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def twofa_recovery_codes(request: HtmxHttpRequest) -> HttpResponse:
    """New recovery codes, shown once: they stay in the session until the user has saved them."""
    codes = request.session.get(SESSION_NEW_CODES)
    if not codes:
        messages.info(request, _("Recovery codes are shown only once. You can make new ones here."))
        return redirect("accounts:profile")
    form = RecoveryCodesSavedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        del request.session[SESSION_NEW_CODES]
        messages.success(request, _("Two-step verification is on."))
        return redirect(_safe_next(request, request.session.pop(SESSION_NEXT, None)))
    return render(request, "accounts/twofa_recovery_codes.html", {"form": form, "codes": codes})


@login_required
@require_POST
def twofa_recovery_regenerate(request: HtmxHttpRequest) -> HttpResponse:
    """New recovery codes; the old ones stop working."""
    if not twofa_has_device(user=request.user):
        return redirect("accounts:profile")
    request.session[SESSION_NEW_CODES] = recovery_codes_regenerate(user=request.user)
    return redirect("accounts:twofa_recovery_codes")


@login_required
@require_http_methods(["GET", "POST"])
def twofa_reset(request: HtmxHttpRequest) -> HttpResponse:
    """Move to a new phone: a current code first, then the setup page for the new app."""
    if not twofa_has_device(user=request.user):
        return redirect("accounts:twofa_setup")
    form = TwoFactorCodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_RESET_ALLOWED] = True
        request.session.pop(SESSION_PENDING_SECRET, None)
        return redirect("accounts:twofa_setup")
    return render(request, "accounts/twofa_reset.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def twofa_disable(request: HtmxHttpRequest) -> HttpResponse:
    """Borrowers may turn the second factor off with a current code. Volunteers may not."""
    if not twofa_has_device(user=request.user):
        return redirect("accounts:profile")
    if request.user.must_use_second_factor:
        if request.method == "POST":
            return HttpResponseForbidden()
        return render(request, "accounts/twofa_disable.html", {"form": None})
    form = TwoFactorCodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        totp_device_disable(user=request.user)
        messages.success(request, _("Two-step verification is off."))
        return redirect("accounts:profile")
    return render(request, "accounts/twofa_disable.html", {"form": form})


# Organisations: members and invitations


@login_required
@require_http_methods(["GET", "POST"])
def organisation_members(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """An admin's page: the members, the pending invitations, and a form to invite."""
    organisation = get_organisation_for_admin(request.user, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                organisation=organisation, invited_by=request.user,
                site_url=request.build_absolute_uri("/"), **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Invitation sent to %s.") % form.cleaned_data["email"])
            return redirect("accounts:organisation_members", slug=slug)
    context = {
        "organisation": organisation,
        "members": selectors.organisation_members(organisation=organisation),
        "invitations": selectors.pending_invitations(organisation=organisation),
        "form": form,
    }
    return render(request, "accounts/organisation_members.html", context)


@login_required
@require_POST
def invitation_revoke(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Stop a pending invitation; its link then says so."""
    invitation = get_invitation_for_admin(request.user, slug, pk)
    try:
        services.invitation_revoke(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation to %s was revoked.") % invitation.email)
    return redirect("accounts:organisation_members", slug=slug)


#: The HTTP status of the invitation page for a link that cannot be used.
_INVALID_STATUS = {"unknown": 404, "wrong_user": 403}


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """From the emailed link: sign in (or sign up), then join with one click. A link that is
    unknown, used, expired, revoked or for another address gets a page that says which."""
    invitation = services.invitation_for_token(token=token)
    user = request.user if request.user.is_authenticated else None
    context = {"invitation": invitation, "next": request.path, "problem": ""}
    try:
        if invitation is None:
            raise InvitationInvalid("unknown")
        if request.method == "POST" and user is not None:
            services.invitation_accept(invitation=invitation, user=user)
            # A new member owes the second factor now, not at the next check.
            if twofa_session_state(session=request.session, user=user) != VERIFIED:
                twofa_session_start(session=request.session, user=user)
            messages.success(request, _("You joined %s.") % invitation.organisation.name)
            return redirect("review:review_queue")
        services.invitation_check(invitation=invitation, user=user)
    except InvitationInvalid as invalid:
        context["problem"] = invalid.reason
        status = _INVALID_STATUS.get(invalid.reason, 410)
        return render(request, "accounts/invitation_accept.html", context, status=status)
    return render(request, "accounts/invitation_accept.html", context)
