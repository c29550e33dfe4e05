"""What the review page reads: messages grouped by number, with a few previews each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Max, Min, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from .models import ImportBatch, StagedMessage

GROUPS_PER_PAGE = 20
MESSAGES_PER_PAGE = 50
PREVIEWS_PER_NUMBER = 2

LIKELY = "likely"
ALL = "all"


@dataclass
class NumberGroup:
    number: str
    contact_name: str
    total: int
    chosen: int
    likely: int
    calls: int
    first_at: datetime
    last_at: datetime
    previews: list[StagedMessage] = field(default_factory=list)

    @property
    def all_chosen(self) -> bool:
        return self.chosen == self.total


def _addable(batch: ImportBatch, show: str) -> QuerySet[StagedMessage]:
    rows = StagedMessage.objects.filter(batch=batch, addable=True)
    if show == LIKELY:
        rows = rows.filter(likely=True)
    return rows


def batch_number_groups(*, batch: ImportBatch, show: str, page: int | str | None) -> Page:
    """One page of sender numbers, most frequent first, each with counts and previews.

    Three queries whatever the page holds: the count, the groups, the previews.
    """
    rows = _addable(batch, show)
    groups = (
        rows.values("number")
        .annotate(
            total=Count("id"),
            chosen=Count("id", filter=Q(selected=True)),
            likely_n=Count("id", filter=Q(likely=True)),
            calls=Count("id", filter=Q(kind=StagedMessage.Kind.CALL)),
            first_at=Min("occurred_at"),
            last_at=Max("occurred_at"),
            name=Max("contact_name"),
        )
        .order_by("-likely_n", "-total", "number")
    )
    page_obj = Paginator(groups, GROUPS_PER_PAGE).get_page(page)
    items = [
        NumberGroup(
            number=g["number"],
            contact_name=g["name"],
            total=g["total"],
            chosen=g["chosen"],
            likely=g["likely_n"],
            calls=g["calls"],
            first_at=g["first_at"],
            last_at=g["last_at"],
        )
        for g in page_obj.object_list
    ]
    by_number = {item.number: item for item in items}
    if by_number:
        previews = (
            rows.filter(number__in=by_number)
            .exclude(body="")
            .annotate(
                position=Window(
                    RowNumber(), partition_by=[F("number")], order_by=[F("occurred_at").desc()]
                )
            )
            .filter(position__lte=PREVIEWS_PER_NUMBER)
            .order_by("number", "position")
        )
        for message in previews:
            by_number[message.number].previews.append(message)
    page_obj.object_list = items
    return page_obj


def batch_number_messages(
    *, batch: ImportBatch, number: str, show: str, page: int | str | None
) -> Page:
    """One page of the messages and calls from one number, oldest first."""
    rows = _addable(batch, show).filter(number=number).order_by("occurred_at", "id")
    return Paginator(rows, MESSAGES_PER_PAGE).get_page(page)


def batch_chosen_count(*, batch: ImportBatch) -> int:
    """How many messages and calls would be added now."""
    return StagedMessage.objects.filter(batch=batch, selected=True).count()


def batch_screenshot_messages(*, batch: ImportBatch) -> list[StagedMessage]:
    """Every message and call read from a batch's screenshots, in reading order."""
    return list(
        StagedMessage.objects.filter(batch=batch).select_related("screenshot").order_by("index")
    )
