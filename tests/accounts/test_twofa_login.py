"""After the password, volunteers (and anyone with an app) give a code before seeing anything."""

import pytest
from django.urls import reverse

from accounts.models import TOTPDevice
from tests.accounts.twofa_helpers import code_now, enrol, fresh_code, password_login
from tests.factories import PASSWORD, LoanFactory

pytestmark = pytest.mark.django_db
VERIFY = reverse("accounts:twofa_verify")
SETUP = reverse("accounts:twofa_setup")
HTMX = {"HX-Request": "true", "HX-Target": "main", "HX-Current-URL": "http://testserver/review/"}


@pytest.fixture
def enrolled(volunteer):
    secret, codes = enrol(volunteer)
    return secret, codes


def test_login_form_sends_an_enrolled_volunteer_to_verify(client, volunteer, enrolled):
    response = client.post(
        reverse("accounts:login"), {"username": volunteer.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "<h1>两步验证</h1>" in response.content.decode()


def test_unverified_volunteer_is_redirected_with_next(client, volunteer, enrolled, shared_case):
    password_login(client, volunteer)
    url = reverse("cases:case_detail", args=[shared_case.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fcases%2F{shared_case.pk}%2F"


def test_htmx_request_gets_hx_redirect_to_verify(client, volunteer, enrolled):
    password_login(client, volunteer)
    response = client.get(reverse("review:review_queue"), headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{VERIFY}?next=%2Freview%2F"
    assert response.content == b""


def test_right_code_verifies_and_goes_to_next(client, volunteer, enrolled, shared_case):
    secret, _ = enrolled
    password_login(client, volunteer)
    url = reverse("cases:case_detail", args=[shared_case.pk])
    response = client.post(VERIFY, {"code": code_now(secret), "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_verifying_changes_the_session_key(client, volunteer, enrolled):
    secret, _ = enrolled
    password_login(client, volunteer)
    before = client.session.session_key
    client.post(VERIFY, {"code": code_now(secret)})
    assert client.session.session_key != before


def test_next_to_another_site_is_ignored(client, volunteer, enrolled):
    secret, _ = enrolled
    password_login(client, volunteer)
    response = client.post(VERIFY, {"code": code_now(secret), "next": "https://evil.example/"})
    assert response["Location"] == reverse("review:review_queue")


def test_volunteer_lands_on_the_review_queue_after_login(client, volunteer, enrolled):
    secret, _ = enrolled
    password_login(client, volunteer)
    response = client.post(VERIFY, {"code": code_now(secret)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("review:review_queue")
    assert response.status_code == 200


def test_wrong_code_shows_an_error_and_stays_blocked(client, volunteer, enrolled):
    password_login(client, volunteer)
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get(reverse("review:review_queue")).status_code == 302


def test_replayed_code_is_refused_in_a_new_session(client, volunteer, enrolled):
    secret, _ = enrolled
    code = code_now(secret)
    password_login(client, volunteer)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post(reverse("accounts:logout"))
    password_login(client, volunteer)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "每个验证码只能用一次" in response.content.decode()


def test_recovery_code_works_once(client, volunteer, enrolled):
    _, codes = enrolled
    password_login(client, volunteer)
    response = client.post(VERIFY, {"code": codes[0]}, follow=True)
    assert response.redirect_chain[0][0] == reverse("review:review_queue")
    assert "还剩 9 个" in response.content.decode()
    client.post(reverse("accounts:logout"))
    password_login(client, volunteer)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 200
    assert client.get(reverse("review:review_queue")).status_code == 302


def test_sixth_try_is_refused_with_a_clear_message(client, volunteer, enrolled):
    password_login(client, volunteer)
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": fresh_code(volunteer)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "错误次数太多" in html
    assert "10 分钟" in html
    assert client.get(reverse("review:review_queue")).status_code == 302


def test_sixth_try_message_in_english(client, volunteer, enrolled):
    client.cookies["django_language"] = "en"
    password_login(client, volunteer)
    for _ in range(6):
        response = client.post(VERIFY, {"code": "000000"})
    assert "Too many wrong codes" in response.content.decode()


def test_volunteer_without_device_is_sent_to_setup(client, volunteer):
    password_login(client, volunteer)
    response = client.get(reverse("cases:case_list"))
    assert response["Location"] == f"{SETUP}?next=%2Fcases%2F"
    # The verify page is no way around it.
    assert client.get(VERIFY)["Location"].startswith(SETUP)


def test_volunteer_with_device_cannot_use_setup_to_enrol_a_new_one(client, volunteer, enrolled):
    password_login(client, volunteer)
    response = client.get(SETUP)
    assert response["Location"].startswith(VERIFY)


def test_borrower_without_device_is_never_asked(client, borrower, case):
    password_login(client, borrower)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    assert client.get(VERIFY)["Location"] == reverse("cases:case_list")


def test_borrower_who_turned_it_on_is_asked(client, borrower, case):
    enrol(borrower)
    password_login(client, borrower)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 302


def test_borrower_made_volunteer_must_enrol_after_the_recheck(client, borrower, organisation):
    from accounts.services import SESSION_CHECKED_AT
    from tests.factories import MembershipFactory

    password_login(client, borrower)
    assert client.get(reverse("cases:case_list")).status_code == 200
    MembershipFactory(user=borrower, organisation=organisation)
    session = client.session
    session[SESSION_CHECKED_AT] = 0  # the exempt decision is old
    session.save()
    assert client.get(reverse("cases:case_list"))["Location"].startswith(SETUP)


def test_anonymous_verify_goes_to_login(client):
    response = client.get(VERIFY)
    assert response["Location"].startswith(reverse("accounts:login"))


def test_verify_refuses_put(client, volunteer, enrolled):
    password_login(client, volunteer)
    assert client.put(VERIFY).status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/logout/",
        "/i18n/setlang/",
        "/jsi18n/",
        "/static/css/app.css",
    ],
)
def test_allow_list_is_reachable_unverified(client, volunteer, enrolled, path):
    password_login(client, volunteer)
    response = client.get(path)
    assert not (response.status_code == 302 and response["Location"].startswith(VERIFY))


def test_logout_works_unverified(client, volunteer, enrolled):
    password_login(client, volunteer)
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_language_switch_works_unverified(client, volunteer, enrolled):
    password_login(client, volunteer)
    response = client.post(reverse("set_language"), {"language": "en", "next": VERIFY})
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    assert "Two-step verification" in client.get(VERIFY).content.decode()


def test_no_page_of_a_shared_case_is_reachable_unverified(client, volunteer, enrolled, shared_case):
    loan = LoanFactory(case=shared_case, ref="L9")
    password_login(client, volunteer)
    urls = [
        reverse("cases:case_detail", args=[shared_case.pk]),
        reverse("cases:loan_detail", args=[shared_case.pk, loan.pk]),
        reverse("cases:case_export", args=[shared_case.pk]),
        reverse("review:review_queue"),
        reverse("review:review_detail", args=[shared_case.pk]),
        reverse("letters:letter_index", args=[shared_case.pk]),
        reverse("accounts:profile"),
        reverse("accounts:twofa_recovery_codes"),
        reverse("home"),
        "/admin/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), url
        htmx = client.get(url, headers=HTMX)
        assert htmx["HX-Redirect"].startswith(VERIFY), url
    post = client.post(reverse("review:note_create", args=[shared_case.pk]), {"body": "x"})
    assert post["Location"] == VERIFY


def test_no_page_of_a_shared_case_is_reachable_before_enrolling(client, volunteer, shared_case):
    password_login(client, volunteer)
    for url in [
        reverse("cases:case_detail", args=[shared_case.pk]),
        reverse("review:review_queue"),
        reverse("review:review_detail", args=[shared_case.pk]),
    ]:
        assert client.get(url)["Location"].startswith(SETUP), url
    assert not TOTPDevice.objects.filter(user=volunteer).exists()


def test_wrong_code_is_not_echoed_back(client, volunteer, enrolled):
    password_login(client, volunteer)
    html = client.post(VERIFY, {"code": "135791"}).content.decode()
    assert "135791" not in html


def test_borrower_with_device_sees_no_volunteer_wording(client, borrower):
    enrol(borrower)
    password_login(client, borrower)
    html = client.get(VERIFY).content.decode()
    assert "现在请输入身份验证器应用中的验证码" in html
    assert "借款人共享给您的案件" not in html


def test_staff_without_membership_must_enrol_too(client):
    from tests.factories import UserFactory

    staff = UserFactory(email="staff@example.com", is_staff=True)
    password_login(client, staff)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_local_demo_settings_let_an_unenrolled_volunteer_in(
    client, volunteer, shared_case, settings
):
    """make run (DEBUG) does not force enrolment, so the demo volunteer logs in with a password."""
    settings.SELFHELP_REQUIRE_STAFF_2FA = False
    password_login(client, volunteer)
    response = client.get(reverse("cases:case_detail", args=[shared_case.pk]))
    assert response.status_code == 200


def test_local_demo_settings_still_ask_an_enrolled_volunteer_for_a_code(
    client, volunteer, enrolled, shared_case, settings
):
    settings.SELFHELP_REQUIRE_STAFF_2FA = False
    password_login(client, volunteer)
    response = client.get(reverse("cases:case_detail", args=[shared_case.pk]))
    assert response.status_code == 302
    assert reverse("accounts:twofa_verify") in response.url


def test_production_settings_force_an_unenrolled_volunteer_to_set_up(
    client, volunteer, shared_case, settings
):
    settings.SELFHELP_REQUIRE_STAFF_2FA = True
    password_login(client, volunteer)
    response = client.get(reverse("cases:case_detail", args=[shared_case.pk]))
    assert response.status_code == 302
    assert reverse("accounts:twofa_setup") in response.url
