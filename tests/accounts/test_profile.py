import pytest
from django.urls import reverse

from accounts.models import Membership

URL = reverse("accounts:profile")


@pytest.mark.django_db
def test_anonymous_is_redirected_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={URL}"


@pytest.mark.django_db
def test_profile_shows_email_name_and_password_link(borrower_client, borrower):
    response = borrower_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert borrower.email in html
    assert borrower.display_name in html
    assert reverse("accounts:password_change") in html
    assert "我所在的机构" not in html


@pytest.mark.django_db
def test_profile_lists_the_volunteers_organisations(volunteer_client, organisation):
    html = volunteer_client.get(URL).content.decode()
    assert "我所在的机构" in html
    assert organisation.name in html
    assert str(Membership.Role.VOLUNTEER.label) in html


@pytest.mark.django_db
def test_profile_lists_memberships_in_constant_queries(
    volunteer_client, volunteer, django_assert_num_queries
):
    from tests.factories import MembershipFactory

    for _ in range(3):
        MembershipFactory(user=volunteer)
    # session, user, memberships (the nav's review-queue link), memberships with organisations,
    # the two-step verification status (device with its unused recovery codes, one query)
    with django_assert_num_queries(5):
        volunteer_client.get(URL)


@pytest.mark.django_db
def test_changing_the_display_name_saves_and_redirects(borrower_client, borrower):
    response = borrower_client.post(URL, {"display_name": "  王女士 "})
    assert response.status_code == 302
    assert response["Location"] == URL
    borrower.refresh_from_db()
    assert borrower.display_name == "王女士"


@pytest.mark.django_db
def test_too_long_display_name_is_an_error(borrower_client, borrower):
    old = borrower.display_name
    response = borrower_client.post(URL, {"display_name": "长" * 101})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    borrower.refresh_from_db()
    assert borrower.display_name == old


@pytest.mark.django_db
def test_profile_refuses_other_methods(borrower_client):
    assert borrower_client.delete(URL).status_code == 405
