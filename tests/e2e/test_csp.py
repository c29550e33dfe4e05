"""No step of the app trips its Content Security Policy (no inline style, no eval)."""

from cases.models import Contact
from tests.e2e.conftest import csp_errors, sign_in
from tests.factories import CaseFactory, ContactFactory, UserFactory


def test_htmx_error_response_loads_the_page_without_csp_errors_even_in_debug(
    page, console, live_server, settings
):
    # Under DEBUG, django-htmx's helper used to swap Django's error page (inline <style>) in.
    settings.DEBUG = True
    user = UserFactory()
    case = CaseFactory(owner=user)
    contact = ContactFactory(case=case)
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    Contact.objects.filter(pk=contact.pk).delete()  # deleted meanwhile, e.g. in another tab
    with page.expect_navigation():
        page.locator(f"#contact-{contact.pk} .item-actions a[hx-get]").click()
    assert page.url.endswith(f"/contacts/{contact.pk}/edit/")
    assert csp_errors(console) == []


def test_timeline_and_findings_swaps_after_sharing_trip_no_csp(page, console, live_server):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.factories import CaseShareFactory, OrganisationFactory

    user = UserFactory()
    case = CaseFactory(owner=user)
    for minute in range(3):  # night calls, so the findings panel has findings to swap
        ContactFactory(
            case=case,
            occurred_at=datetime(2025, 4, 12, 23, minute, tzinfo=ZoneInfo("Asia/Shanghai")),
        )
    CaseShareFactory(case=case, organisation=OrganisationFactory(), granted_by=user)
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    assert page.locator("#case-sharing").count() == 1
    # Quick-add: the form, the new timeline item and (on caseChanged) the findings swap in.
    page.fill("#quick_caller_phone", "171 0000 1111")
    with page.expect_response(
        lambda r: r.request.method == "GET" and f"/cases/{case.pk}/" in r.url
    ):
        page.click("#quick-add button[type=submit]")
    page.locator("#timeline-saved").wait_for()
    # The timeline filter swaps #timeline.
    page.click(".filters-box summary")
    with page.expect_response(lambda r: "channel=sms" in r.url):
        page.select_option("#filter_channel", "sms")
    page.wait_for_timeout(300)
    assert csp_errors(console) == []
