"""Another user's letter and a letter that does not exist take the same path to the 404:
the same queries, in the same shape, so timing cannot tell them apart (finding 12)."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import Action
from letters.models import LetterDraft, LetterVersion

pytestmark = pytest.mark.django_db


def _shape(sql: str) -> str:
    """The query with its literals (ids, session key) blanked out."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def _queries_for_404(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 404
    return [_shape(q["sql"]) for q in captured.captured_queries]


@pytest.fixture
def draft(case, borrower):
    return LetterDraft.objects.create(
        case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )


@pytest.fixture
def version(draft):
    return LetterVersion.objects.create(draft=draft, number=1, finalised_at=timezone.now())


def _missing_pk(model) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000


@pytest.mark.parametrize("name", ["letters:letter_edit", "letters:letter_index"])
def test_another_users_draft_and_a_missing_one_cost_the_same_queries(other_client, draft, name):
    pk = draft.case_id if name == "letters:letter_index" else draft.pk
    missing = pk + 1000
    existing = _queries_for_404(other_client, reverse(name, args=[pk]))
    absent = _queries_for_404(other_client, reverse(name, args=[missing]))
    assert existing == absent


def test_a_draft_lookup_is_one_query_scoped_to_visible_cases(other_client, draft):
    queries = _queries_for_404(other_client, reverse("letters:letter_edit", args=[draft.pk]))
    letter_queries = [q for q in queries if "letters_letterdraft" in q]
    assert len(letter_queries) == 1
    assert "cases_case" in letter_queries[0]


def test_another_users_pdf_and_a_missing_one_cost_the_same_queries(other_client, version):
    url = "letters:letter_version_download"
    existing = _queries_for_404(other_client, reverse(url, args=[version.pk]))
    absent = _queries_for_404(other_client, reverse(url, args=[_missing_pk(LetterVersion)]))
    assert existing == absent


def test_an_outsider_volunteer_gets_the_same_queries_too(outsider_client, shared_case, version):
    url = "letters:letter_version_download"
    existing = _queries_for_404(outsider_client, reverse(url, args=[version.pk]))
    absent = _queries_for_404(outsider_client, reverse(url, args=[_missing_pk(LetterVersion)]))
    assert existing == absent


def test_another_users_action_and_a_missing_one_cost_the_same_queries(other_client, case, borrower):
    action = Action.objects.create(
        case=case, channel="lender", method="phone", sent_on=date(2026, 3, 1), created_by=borrower
    )
    url = "actions:action_detail"
    existing = _queries_for_404(other_client, reverse(url, args=[action.pk]))
    absent = _queries_for_404(other_client, reverse(url, args=[_missing_pk(Action)]))
    assert existing == absent


def test_an_outsider_reviewing_a_letter_gets_the_same_queries(outsider_client, version):
    url = "review:letter_version_review"
    existing = _queries_for_404(outsider_client, reverse(url, args=[version.pk]))
    absent = _queries_for_404(outsider_client, reverse(url, args=[_missing_pk(LetterVersion)]))
    assert existing == absent
