"""Who may manage an organisation. Every organisation page goes through these helpers.

- Only an admin member of an organisation sees its members and invitations, and invites.
- Anyone else (other members included) gets a 404, so the page's existence never leaks.
"""

from __future__ import annotations

from django.http import Http404

from .models import Invitation, Membership, Organisation


def get_organisation_for_admin(user, slug: str) -> Organisation:
    """The organisation `slug` if the user is one of its admins; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404("No such organisation.")
    organisation = (
        Organisation.objects.filter(slug=slug)
        .filter(memberships__user__pk=user.pk, memberships__role=Membership.Role.ADMIN)
        .first()
    )
    if organisation is None:
        raise Http404("No such organisation.")
    return organisation


def get_invitation_for_admin(user, slug: str, pk: int) -> Invitation:
    """An invitation of an organisation the user administers; 404 otherwise."""
    organisation = get_organisation_for_admin(user, slug)
    invitation = Invitation.objects.filter(pk=pk, organisation=organisation).first()
    if invitation is None:
        raise Http404("No such invitation.")
    invitation.organisation = organisation
    return invitation
