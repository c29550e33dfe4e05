"""Shared fixtures: a borrower, another borrower, and volunteers in and out of the case's organisation."""

import pytest

from tests.factories import (
    PASSWORD,
    CaseFactory,
    CaseShareFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def borrower(db):
    return UserFactory(email="borrower@example.com")


@pytest.fixture
def other_borrower(db):
    return UserFactory(email="other@example.com")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="西湖法律援助工作站", slug="xihu-aid")


@pytest.fixture
def volunteer(db, organisation):
    """A volunteer whose organisation the borrower's case is shared with (see shared_case)."""
    user = UserFactory(email="volunteer@example.com")
    MembershipFactory(user=user, organisation=organisation)
    return user


@pytest.fixture
def outsider_volunteer(db):
    """A volunteer of another organisation: must never see the borrower's case."""
    user = UserFactory(email="outsider@example.com")
    MembershipFactory(
        user=user, organisation=OrganisationFactory(name="别的援助中心", slug="elsewhere")
    )
    return user


@pytest.fixture
def case(borrower):
    return CaseFactory(owner=borrower)


@pytest.fixture
def shared_case(case, organisation, borrower):
    CaseShareFactory(case=case, organisation=organisation, granted_by=borrower)
    return case


@pytest.fixture
def borrower_client(client, borrower):
    client.force_login(borrower)
    return client


@pytest.fixture
def other_client(client, other_borrower):
    client.force_login(other_borrower)
    return client


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer)
    mark_second_factor_verified(client)
    return client


@pytest.fixture
def outsider_client(client, outsider_volunteer):
    client.force_login(outsider_volunteer)
    mark_second_factor_verified(client)
    return client


def mark_second_factor_verified(client):
    """Mark a test client's session as having given the second factor (accounts 2FA)."""
    from accounts.services import twofa_mark_verified

    session = client.session
    twofa_mark_verified(session=session)
    session.save()


@pytest.fixture(autouse=True)
def _force_login_passes_second_factor(monkeypatch):
    """`client.force_login(user)` skips the password, so it skips the second factor too:
    tests written before two-step verification keep logging volunteers straight in.
    Tests of the second factor log in with `client.login(...)`, which does not."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        mark_second_factor_verified(self)

    monkeypatch.setattr(Client, "force_login", force_login)


def pytest_collection_modifyitems(config, items):
    """Tests marked `once` (heavy suites: S3 against a real server, database backups) run in
    the SQLite run only: CI (.ci/run) runs the whole suite again on PostgreSQL, and they
    would prove nothing new there."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return
    skip = pytest.mark.skip(reason="runs once per CI, in the SQLite run (marked `once`)")
    for item in items:
        if item.get_closest_marker("once"):
            item.add_marker(skip)
