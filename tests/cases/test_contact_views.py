"""Contacts: the full form, inline edit and delete with htmx, and the same URLs without JS."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from cases.models import Contact
from tests.factories import ContactFactory, LoanFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def full_data(**overrides):
    data = {
        "occurred_at": "2025-04-12T22:40",
        "channel": "call",
        "connected": "true",
        "duration_seconds": "95",
        "target": "relative",
        "target_name": "妈妈",
        "target_phone": "13900000000",
        "caller_name": "李经理",
        "caller_organization": "某某资产管理有限公司",
        "caller_phone": "02188886666",
        "caller_identity_disclosed": "false",
        "claims_to_be": ["police", "court"],
        "content": "说再不还就去我妈家。",
        "common_tags": ["threat", "disclosed_debt"],
        "other_tags": "半夜打电话，  骂人 , 半夜打电话",
    }
    data.update(overrides)
    return data


def test_full_form_saves_every_field_as_domain_values(case, borrower_client):
    loan = LoanFactory(case=case, ref="L1")
    url = reverse("cases:contact_create", args=[case.pk])
    response = borrower_client.post(url, full_data(loan=loan.pk, consent_to_time="on"))
    assert response.status_code == 302
    contact = case.contacts.get()
    assert contact.ref == "C1"
    assert contact.occurred_at == datetime(2025, 4, 12, 22, 40, tzinfo=SHANGHAI)
    assert (contact.connected, contact.duration_seconds) == (True, 95)
    assert (contact.target, contact.target_name, contact.target_phone) == (
        "relative",
        "妈妈",
        "13900000000",
    )
    assert contact.caller_identity_disclosed is False
    assert contact.claims_to_be == ["police", "court"]
    assert contact.tags == ["threat", "disclosed_debt", "半夜打电话", "骂人"]
    assert contact.consent_to_time is True
    assert contact.loan == loan


def test_time_is_read_in_the_case_timezone(case, borrower_client):
    case.timezone = "Europe/Berlin"
    case.save()
    borrower_client.post(reverse("cases:contact_create", args=[case.pk]), full_data())
    assert case.contacts.get().occurred_at == datetime(
        2025, 4, 12, 22, 40, tzinfo=ZoneInfo("Europe/Berlin")
    )


def test_refs_continue_after_the_highest(case, borrower_client):
    ContactFactory(case=case, ref="C1")
    ContactFactory(case=case, ref="C7")
    borrower_client.post(reverse("cases:contact_create", args=[case.pk]), full_data())
    assert case.contacts.filter(ref="C8").exists()


def test_invalid_contact_gives_translated_errors(case, borrower_client):
    url = reverse("cases:contact_create", args=[case.pk])
    response = borrower_client.post(
        url,
        full_data(
            channel="sms",
            visitors="3",
            occurred_at="2099-01-01T10:00",
            claims_to_be=["aliens"],
        ),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"occurred_at", "visitors", "connected", "claims_to_be"}
    assert not case.contacts.exists()


def test_loan_of_another_case_is_refused(case, borrower_client, other_borrower):
    theirs = LoanFactory(case__owner=other_borrower)
    url = reverse("cases:contact_create", args=[case.pk])
    response = borrower_client.post(url, full_data(loan=theirs.pk))
    assert response.status_code == 200
    assert "loan" in response.context["form"].errors


def test_more_details_carries_over_the_channel(case, borrower_client):
    url = reverse("cases:contact_create", args=[case.pk])
    html = borrower_client.get(url, {"channel": "visit"}).content.decode()
    assert 'value="visit" class="chips" required id="id_channel_6" checked' in html


# Inline edit


def edit_url(contact):
    return reverse("cases:contact_update", args=[contact.case_id, contact.pk])


def hx(contact):
    return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": f"contact-{contact.pk}"}


def test_edit_get_full_page_and_fragment_from_the_same_url(case, borrower_client):
    contact = ContactFactory(case=case)
    page = borrower_client.get(edit_url(contact)).content.decode()
    assert "<h1" in page and "<html" in page
    fragment = borrower_client.get(edit_url(contact), **hx(contact)).content.decode()
    assert "<h1" not in fragment and "<html" not in fragment
    assert fragment.lstrip().startswith(f'<article id="contact-{contact.pk}"')
    assert f'hx-post="{edit_url(contact)}"' in fragment


def test_htmx_save_returns_the_timeline_item(case, borrower_client):
    contact = ContactFactory(case=case, content="旧的")
    response = borrower_client.post(
        edit_url(contact), full_data(content="新的内容", version=contact.version), **hx(contact)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<article id="contact-{contact.pk}" class="timeline-item')
    assert "新的内容" in html and "<form" not in html
    contact.refresh_from_db()
    assert contact.content == "新的内容"
    assert contact.ref == "C1" or contact.ref.startswith("C")


def test_plain_save_redirects_to_the_case_page(case, borrower_client):
    contact = ContactFactory(case=case)
    response = borrower_client.post(edit_url(contact), full_data(version=contact.version))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#contact-{contact.pk}")


def test_invalid_htmx_save_returns_the_form_fragment_with_200(case, borrower_client):
    contact = ContactFactory(case=case, content="原来的")
    response = borrower_client.post(
        edit_url(contact),
        full_data(occurred_at="not a time", content="打字了", version=contact.version),
        **hx(contact),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<form" in html and "打字了" in html and "<h1" not in html
    contact.refresh_from_db()
    assert contact.content == "原来的"


def test_cancel_gets_the_item_back(case, borrower_client):
    contact = ContactFactory(case=case)
    url = reverse("cases:contact_detail", args=[case.pk, contact.pk])
    fragment = borrower_client.get(url, **hx(contact)).content.decode()
    assert fragment.lstrip().startswith(f'<article id="contact-{contact.pk}"')
    page = borrower_client.get(url).content.decode()
    assert "<h1" in page and 'id="evidence"' in page


def test_editing_keeps_common_and_free_tags_apart(case, borrower_client):
    contact = ContactFactory(case=case, tags=["threat", "半夜"], claims_to_be=["lawyer"])
    html = borrower_client.get(edit_url(contact)).content.decode()
    prefix = f"contact{contact.pk}_"
    assert f'value="threat" class="chips" id="{prefix}common_tags_0" checked' in html
    assert 'name="other_tags" value="半夜"' in html
    assert f'value="lawyer" class="chips" id="{prefix}claims_to_be_4" checked' in html


# Delete


def delete_url(contact):
    return reverse("cases:contact_delete", args=[contact.case_id, contact.pk])


def test_delete_get_asks_for_confirmation_and_keeps_the_contact(case, borrower_client):
    contact = ContactFactory(case=case)
    response = borrower_client.get(delete_url(contact))
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_delete_post_removes_and_redirects(case, borrower_client):
    contact = ContactFactory(case=case)
    response = borrower_client.post(delete_url(contact))
    assert response.status_code == 302
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_htmx_delete_returns_empty_body_to_remove_the_item(case, borrower_client):
    contact = ContactFactory(case=case)
    response = borrower_client.post(delete_url(contact), **hx(contact))
    assert response.status_code == 200
    assert response.content == b""
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_timeline_delete_link_confirms_with_htmx(case, borrower_client):
    contact = ContactFactory(case=case)
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert f'href="{delete_url(contact)}" hx-post="{delete_url(contact)}"' in html
    assert "hx-confirm=" in html


def test_htmx_delete_from_the_contact_page_goes_back_to_the_case(case, borrower_client):
    contact = ContactFactory(case=case)
    detail = reverse("cases:contact_detail", args=[case.pk, contact.pk])
    response = borrower_client.post(
        delete_url(contact), HTTP_HX_CURRENT_URL=f"http://testserver{detail}", **hx(contact)
    )
    assert response["HX-Redirect"] == reverse("cases:case_detail", args=[case.pk]) + "#timeline"
    assert not Contact.objects.filter(pk=contact.pk).exists()
