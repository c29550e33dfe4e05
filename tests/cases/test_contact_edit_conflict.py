"""Two edit forms of one contact: the second save is refused, and nothing typed is lost.

Each test opens the edit form twice (two tabs, or a phone and a computer), saves
the first, then saves the second, which was opened before the first save.
"""

import re

import pytest
from django.urls import reverse

from cases import services
from cases.models import Contact, Evidence
from selfhelp.versioning import EditConflict
from tests.cases.conftest import PNG_BYTES, upload
from tests.cases.test_contact_views import full_data
from tests.factories import ContactFactory

STALE = "This contact was changed somewhere else"


def edit_url(contact):
    return reverse("cases:contact_update", args=[contact.case_id, contact.pk])


def hx(contact):
    return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": f"contact-{contact.pk}"}


def opened_version(html: str) -> str:
    """The hidden version an edit form carries, as the browser would send it back."""
    return re.search(r'name="version" value="(\d+)"', html).group(1)


@pytest.fixture
def contact(case):
    return ContactFactory(case=case, content="原来的内容")


def test_edit_form_carries_the_contact_version(borrower_client, contact):
    html = borrower_client.get(edit_url(contact)).content.decode()
    fragment = borrower_client.get(edit_url(contact), **hx(contact)).content.decode()

    assert opened_version(html) == opened_version(fragment) == str(contact.version)
    assert 'type="hidden" name="version"' in html


def test_second_stale_form_is_refused_and_keeps_what_was_typed(borrower_client, contact):
    first_tab = opened_version(borrower_client.get(edit_url(contact)).content.decode())
    second_tab = opened_version(borrower_client.get(edit_url(contact)).content.decode())

    first = borrower_client.post(edit_url(contact), full_data(content="第一次", version=first_tab))
    second = borrower_client.post(
        edit_url(contact), full_data(content="第二次，我打了很多字", version=second_tab)
    )

    assert first.status_code == 302
    assert second.status_code == 409
    html = second.content.decode()
    assert STALE in html
    assert "第二次，我打了很多字" in html  # the user's input is still on the form
    contact.refresh_from_db()
    assert contact.content == "第一次"  # the first save was not overwritten
    assert contact.version == 2


def test_saving_the_refused_form_again_replaces_the_other_change(borrower_client, contact):
    stale = opened_version(borrower_client.get(edit_url(contact)).content.decode())
    services.contact_update(contact=contact, data={"content": "另一台手机改的"})

    refused = borrower_client.post(edit_url(contact), full_data(content="我的", version=stale))
    again = borrower_client.post(
        edit_url(contact),
        full_data(content="我的", version=opened_version(refused.content.decode())),
    )

    assert refused.status_code == 409
    assert again.status_code == 302
    contact.refresh_from_db()
    assert contact.content == "我的"


def test_htmx_inline_edit_refuses_a_stale_form_in_place(borrower_client, contact):
    first_tab = opened_version(
        borrower_client.get(edit_url(contact), **hx(contact)).content.decode()
    )
    second_tab = opened_version(
        borrower_client.get(edit_url(contact), **hx(contact)).content.decode()
    )
    borrower_client.post(
        edit_url(contact), full_data(content="第一次", version=first_tab), **hx(contact)
    )

    response = borrower_client.post(
        edit_url(contact), full_data(content="行内第二次", version=second_tab), **hx(contact)
    )

    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps only 2xx answers
    assert html.lstrip().startswith(f'<article id="contact-{contact.pk}"')
    assert "<form" in html and "<h1" not in html
    assert STALE in html and "行内第二次" in html
    assert 'role="alert"' in html
    contact.refresh_from_db()
    assert contact.content == "第一次"


def test_form_without_its_version_saves_nothing(borrower_client, contact):
    response = borrower_client.post(edit_url(contact), full_data(content="没有版本"))

    assert response.status_code == 200
    assert "This page is out of date" in response.content.decode()
    contact.refresh_from_db()
    assert contact.content == "原来的内容"


def test_refused_stale_form_keeps_no_uploaded_file(borrower_client, contact):
    stale = opened_version(borrower_client.get(edit_url(contact)).content.decode())
    services.contact_update(contact=contact, data={"content": "别处改的"})

    data = full_data(content="带文件", version=stale, evidence=upload("s.png", PNG_BYTES))
    response = borrower_client.post(edit_url(contact), data)

    assert response.status_code == 409
    assert not Evidence.objects.filter(contact=contact).exists()


def test_service_refuses_a_stale_version_and_changes_nothing(contact):
    services.contact_update(contact=contact, data={"content": "新"}, version=1)

    stale = Contact.objects.get(pk=contact.pk)
    stale.version = 1
    with pytest.raises(EditConflict) as refused:
        services.contact_update(contact=stale, data={"content": "旧表单"}, version=1)

    assert refused.value.current == 2
    contact.refresh_from_db()
    assert (contact.content, contact.version) == ("新", 2)


def test_volunteer_cannot_edit_even_with_the_right_version(volunteer_client, shared_case):
    contact = ContactFactory(case=shared_case)
    response = volunteer_client.post(
        edit_url(contact), full_data(content="志愿者", version=contact.version)
    )
    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.version == 1


def test_the_refusal_is_in_chinese_by_default(borrower_client, contact, settings):
    borrower_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    services.contact_update(contact=contact, data={"content": "别处改的"})

    response = borrower_client.post(edit_url(contact), full_data(version="1"))

    assert "您的修改没有保存" in response.content.decode()
