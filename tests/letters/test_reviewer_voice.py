"""The letters pages speak to a volunteer or lawyer about the borrower (借款人的信件), not to
them as if they were the borrower; the borrower's own pages keep speaking to them."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from letters.kinds import KINDS
from letters.kinds.order import REVIEWER_REASONS, letters_in_order
from letters.models import LetterDraft
from review.services import case_review_take
from rules.engine import CATALOGUE
from rules.engine.types import Assessment
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db

#: "you" and "your" in English; 您 / 你 in Chinese: words that make the reader the borrower.
SECOND_PERSON = {"en": re.compile(r"\byou(r|rs|rself)?\b", re.I), "zh-hans": re.compile("[您你]")}


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def draft(shared_case, borrower):
    loan = LoanFactory(case=shared_case)
    ContactFactory(case=shared_case, loan=loan)
    return LetterDraft.objects.create(
        case=shared_case, owner=borrower, kind="negotiation", fields={"loan": loan.ref}
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_reviewer_reasons_and_descriptions_never_address_the_borrower(language):
    with translation.override(language):
        texts = [str(t) for pair in REVIEWER_REASONS.values() for t in pair]
        texts += [str(k.description_for(reviewer=True)) for k in KINDS.values()]
        items = letters_in_order(KINDS, Assessment(findings=()), CATALOGUE, reviewer=True)
        texts += [str(item["reason"]) for item in items]
    assert [t for t in texts if SECOND_PERSON[language].search(t)] == []


def test_every_kind_has_a_reviewer_reason():
    assert set(REVIEWER_REASONS) == set(KINDS)


def test_volunteer_index_speaks_about_the_borrower(volunteer_client, shared_case, draft):
    html = volunteer_client.get(reverse("letters:letter_index", args=[shared_case.pk])).content
    html = html.decode()
    assert "The borrower&#x27;s letters" in html or "The borrower's letters" in html
    assert "Letters the borrower has written" in html
    assert "from your case" not in html and "Your letters" not in html
    assert "The borrower" in html and "calls and messages on a timeline" in html


@pytest.mark.parametrize("page", ["letter_index", "letter_edit"])
def test_volunteer_pages_in_chinese_speak_about_the_borrower(volunteer, shared_case, draft, page):
    client = Client()
    client.force_login(volunteer)
    pk = shared_case.pk if page == "letter_index" else draft.pk
    html = client.get(reverse(f"letters:{page}", args=[pk])).content.decode()
    assert "借款人" in html
    main = html[html.index("<main") : html.index("</main>")]
    # 您 only where the page speaks of what the volunteer can do.
    sentences = [s for s in re.split("[。；？！]", main) if SECOND_PERSON["zh-hans"].search(s)]
    assert all("借款人" in s or "您可以" in s or "您接手" in s for s in sentences), sentences


def test_owner_index_still_speaks_to_the_borrower(borrower_client, shared_case, draft):
    html = borrower_client.get(reverse("letters:letter_index", args=[shared_case.pk])).content
    assert b"Your letters" in html and b"from your case" in html


def test_volunteer_letter_page_speaks_about_the_borrower(volunteer_client, draft):
    html = volunteer_client.get(reverse("letters:letter_edit", args=[draft.pk])).content.decode()
    assert "How the borrower should send it" in html and "How to send it" not in html
    assert "Before the borrower sends it" in html and "Before you send it" not in html
    assert "the borrower can afford" in html and "plan you can afford" not in html
    assert "only they can change or finalise it" in html
    assert "masked here until you take the case" in html


def test_after_taking_the_case_the_page_no_longer_says_masked(
    volunteer_client, volunteer, organisation, draft
):
    case_review_take(case=draft.case, organisation=organisation, user=volunteer)
    html = volunteer_client.get(reverse("letters:letter_edit", args=[draft.pk])).content.decode()
    assert "masked here until you take the case" not in html


def test_owner_letter_page_still_speaks_to_the_borrower(borrower_client, draft):
    html = borrower_client.get(reverse("letters:letter_edit", args=[draft.pk])).content.decode()
    assert "How to send it" in html and "Before you send it" in html
    assert "only they can change" not in html
