"""Two edit pages of one letter draft: the second save is refused, and nothing typed is lost."""

import re

import pytest
from django.urls import reverse

from letters import services
from letters.models import LetterDraft
from selfhelp.versioning import EditConflict
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case,
        owner=borrower,
        kind="stop_harassment",
        language="zh-hans",
        fields={"loan": loan.ref, "sender_name": "原名"},
    )


def edit_url(draft):
    return reverse("letters:letter_edit", args=[draft.pk])


def opened_version(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html).group(1)


def data(draft, version, **fields):
    return {"language": "zh-hans", "loan": draft.fields["loan"], "version": version, **fields}


def test_edit_page_carries_the_draft_version(borrower_client, draft):
    html = borrower_client.get(edit_url(draft)).content.decode()
    assert opened_version(html) == "1"
    assert 'type="hidden" name="version"' in html


def test_second_stale_page_is_refused_and_keeps_what_was_typed(borrower_client, draft):
    first_tab = opened_version(borrower_client.get(edit_url(draft)).content.decode())
    second_tab = opened_version(borrower_client.get(edit_url(draft)).content.decode())

    first = borrower_client.post(edit_url(draft), data(draft, first_tab, sender_name="第一次"))
    second = borrower_client.post(
        edit_url(draft), data(draft, second_tab, sender_name="第二次", extra_facts="我写的事实")
    )

    assert first.status_code == 302
    assert second.status_code == 409
    html = second.content.decode()
    assert "这封信在您打开这个页面后已在别处保存" in html
    assert 'value="第二次"' in html and "我写的事实" in html
    draft.refresh_from_db()
    assert draft.fields["sender_name"] == "第一次"
    assert draft.versions.count() == 1  # only the first save made a version


def test_saving_the_refused_page_again_replaces_the_other_change(borrower_client, draft):
    stale = opened_version(borrower_client.get(edit_url(draft)).content.decode())
    other = {**draft.fields, "sender_name": "别处"}
    services.letter_draft_update(
        draft=LetterDraft.objects.get(pk=draft.pk), language="zh-hans", fields=other
    )

    refused = borrower_client.post(edit_url(draft), data(draft, stale, sender_name="我的"))
    fresh = opened_version(refused.content.decode())
    again = borrower_client.post(edit_url(draft), data(draft, fresh, sender_name="我的"))

    assert (refused.status_code, again.status_code) == (409, 302)
    draft.refresh_from_db()
    assert draft.fields["sender_name"] == "我的"


def test_page_without_its_version_saves_nothing(borrower_client, draft):
    response = borrower_client.post(
        edit_url(draft), {"language": "zh-hans", "loan": draft.fields["loan"], "sender_name": "x"}
    )

    assert response.status_code == 200
    assert "此页面已过时" in response.content.decode()
    draft.refresh_from_db()
    assert draft.fields["sender_name"] == "原名"
    assert not draft.versions.exists()


def test_live_preview_needs_no_version(borrower_client, draft):
    response = borrower_client.post(
        reverse("letters:letter_preview", args=[draft.pk]),
        {"language": "zh-hans", "loan": draft.fields["loan"], "sender_name": "预览名"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="letter-preview",
    )
    assert "预览名" in response.content.decode()


def test_service_refuses_a_stale_version_and_changes_nothing(draft):
    services.letter_draft_update(draft=draft, language="en", fields={"a": 1}, version=1)

    stale = LetterDraft.objects.get(pk=draft.pk)
    with pytest.raises(EditConflict) as refused:
        services.letter_draft_update(draft=stale, language="zh-hans", fields={"b": 2}, version=1)

    assert refused.value.current == 2
    draft.refresh_from_db()
    assert (draft.language, draft.fields, draft.version) == ("en", {"a": 1}, 2)


def test_the_version_is_not_stored_among_the_letter_fields(borrower_client, draft):
    borrower_client.post(edit_url(draft), data(draft, "1", sender_name="名"))
    draft.refresh_from_db()
    assert "version" not in draft.fields and draft.version == 2
