"""Fixtures for the review workflow: a lawyer of the sharing organisation, and letters."""

import pytest
from django.utils import timezone

from accounts.models import Membership
from letters.models import LetterDraft, LetterVersion
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture
def lawyer(organisation):
    """A lawyer of the organisation the case is shared with (see shared_case)."""
    user = UserFactory(email="lawyer@example.com", display_name="王律师")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LAWYER)
    return user


@pytest.fixture
def outsider_lawyer(db):
    """A lawyer of an organisation the case is never shared with."""
    user = UserFactory(email="outsider-lawyer@example.com")
    MembershipFactory(
        user=user,
        organisation=OrganisationFactory(name="别处律所", slug="other-firm"),
        role=Membership.Role.LAWYER,
    )
    return user


@pytest.fixture
def lawyer_client(client, lawyer):
    client.force_login(lawyer)
    return client


@pytest.fixture
def draft(case, borrower):
    return LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )


@pytest.fixture
def version(draft):
    """A finalised version (the PDF itself does not matter to approval)."""
    return LetterVersion.objects.create(
        draft=draft,
        number=1,
        data={"kind": "stop_harassment"},
        sha256="a" * 64,
        size=10,
        finalised_at=timezone.now(),
    )


@pytest.fixture
def unfinalised_version(draft):
    return LetterVersion.objects.create(draft=draft, number=2)
