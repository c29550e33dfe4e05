"""Who may see a saved action plan: only the owner of the case it is saved on."""

from __future__ import annotations

from django.http import Http404

from .models import GuidancePlan


def get_plan_for_user(user, pk: int) -> GuidancePlan:
    """The plan `pk` if the user owns it and the case it belongs to; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404("No such plan.")
    plan = (
        GuidancePlan.objects.filter(pk=pk, owner=user, case__owner=user)
        .select_related("case")
        .first()
    )
    if plan is None:
        raise Http404("No such plan.")
    return plan
