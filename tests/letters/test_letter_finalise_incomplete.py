"""Nothing unfinished is finalised: a draft with instruction text left in it is refused,
and the edit page lists what is missing."""

import pytest
from django.urls import reverse

from letters.models import LetterDraft, LetterVersion
from letters.services import LetterIncomplete, letter_finalise
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db

BUDGET = {"monthly_income": "6000", "essential_costs": "3500", "other_debt_payments": "500"}


@pytest.fixture
def draft(case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case, owner=borrower, kind="negotiation", language="zh-hans",
        fields={"loan": loan.ref, "sender_name": "李晓梅"},
    )  # fmt: skip


def test_service_refuses_a_draft_with_placeholders(draft):
    with pytest.raises(LetterIncomplete) as error:
        letter_finalise(draft=draft)
    assert any("困难" in item or "收入" in item for item in error.value.missing)
    assert not LetterVersion.objects.filter(draft=draft).exists()


def test_finalise_view_refuses_and_stores_nothing(borrower_client, draft):
    response = borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))
    assert response.status_code == 302
    assert not LetterVersion.objects.filter(draft=draft, finalised_at__isnull=False).exists()


def test_edit_page_lists_what_is_missing_and_disables_finalising(borrower_client, draft):
    html = borrower_client.get(reverse("letters:letter_edit", args=[draft.pk])).content.decode()
    assert 'id="letter-missing"' in html
    assert "请简要说明收入减少" in html
    assert "disabled" in html[html.index('id="letter-missing"') :]


def test_a_completed_draft_is_finalised(borrower_client, draft):
    draft.fields = {**draft.fields, **BUDGET, "hardship": "失业"}
    draft.save()
    borrower_client.post(reverse("letters:letter_finalise", args=[draft.pk]))
    assert LetterVersion.objects.filter(draft=draft, finalised_at__isnull=False).exists()


def test_police_statement_without_a_police_station_is_refused(case, borrower):
    ContactFactory(case=case)
    draft = LetterDraft.objects.create(
        case=case, owner=borrower, kind="police_statement", language="en",
        fields={"sender_name": "Li"},
    )  # fmt: skip
    with pytest.raises(LetterIncomplete) as error:
        letter_finalise(draft=draft)
    assert "(name of the public security bureau and police station)" in error.value.missing
