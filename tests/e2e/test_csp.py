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
