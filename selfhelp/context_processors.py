"""Values every page needs: the legal-aid pointer, the quick-exit target and the header's links."""

from functools import cached_property

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest

QUICK_EXIT_URL = "https://www.baidu.com/s?wd=%E5%A4%A9%E6%B0%94"


def site(request: HttpRequest) -> dict:
    return {
        "QUICK_EXIT_URL": QUICK_EXIT_URL,
        "LEGAL_AID_PHONE": "12348",
        "QUICK_EXIT_ENDS_SESSION": settings.QUICK_EXIT_ENDS_SESSION,
    }


class Nav:
    """What the header shows a signed-in user: the review-queue link (members of an
    organisation), the organisation pages (its admins) and the unread-notifications badge.

    One query, made only when a template reads it (htmx fragments never do)."""

    def __init__(self, user):
        self._user = user

    @cached_property
    def _row(self) -> dict:
        from accounts.models import Membership, User
        from notifications.models import Notification

        unread = (
            Notification.objects.filter(user=OuterRef("pk"), read_at__isnull=True)
            .order_by()
            .values("user")
            .annotate(n=Count("pk"))
            .values("n")
        )
        row = (
            User.objects.filter(pk=self._user.pk)
            .annotate(
                member=Exists(Membership.objects.filter(user=OuterRef("pk"))),
                admin_of=Subquery(
                    Membership.objects.filter(user=OuterRef("pk"), role=Membership.Role.ADMIN)
                    .order_by("organisation__name")
                    .values("organisation__slug")[:1]
                ),
                unread=Coalesce(Subquery(unread), Value(0)),
            )
            .values("member", "admin_of", "unread")
            .first()
        )
        return row or {"member": False, "admin_of": None, "unread": 0}

    @property
    def is_member(self) -> bool:
        return bool(self._row["member"])

    @property
    def admin_of(self) -> str | None:
        """The slug of the (first) organisation the user administers, if any."""
        return self._row["admin_of"]

    @property
    def unread(self) -> int:
        return self._row["unread"]


def nav(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav": Nav(user)}
