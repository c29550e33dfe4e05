"""The thirty-second form: defaults, the last caller again, htmx and plain posts."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.forms import QuickContactForm
from cases.selectors import last_callers
from tests.factories import ContactFactory


def quick_url(case):
    return reverse("cases:contact_quick_add", args=[case.pk])


def form_for(case):
    return QuickContactForm(case=case, callers=last_callers(case=case))


def test_defaults_are_now_a_call_to_me(case):
    form = form_for(case)
    assert abs(form.initial["occurred_at"] - timezone.now()) < timedelta(seconds=5)
    assert form["channel"].value() == "call"
    assert form["target"].value() == "borrower"
    assert form["caller"].value() == QuickContactForm.NEW_CALLER


def test_time_input_shows_now_in_the_case_timezone(case, borrower_client):
    case.timezone = "America/New_York"
    case.save()
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    from zoneinfo import ZoneInfo

    local = timezone.localtime(timezone.now(), ZoneInfo("America/New_York"))
    assert f'value="{local:%Y-%m-%dT%H}' in html


def test_last_caller_is_prefilled_and_distinct_callers_are_offered(case):
    now = timezone.now()
    ContactFactory(case=case, caller_name="张三", caller_phone="1", occurred_at=now - timedelta(3))
    ContactFactory(case=case, caller_name="李四", caller_phone="2", occurred_at=now - timedelta(2))
    latest = ContactFactory(
        case=case, caller_name="张三", caller_phone="1", occurred_at=now - timedelta(1)
    )
    ContactFactory(case=case, caller_name="", caller_organization="", caller_phone="")
    form = form_for(case)
    labels = [label for _value, label in form.fields["caller"].choices]
    assert form["caller"].value() == str(latest.pk)
    assert labels[0].startswith("张三") and labels[1].startswith("李四")
    assert len(labels) == 3  # two callers and "someone new"


def test_htmx_quick_add_returns_fresh_form_and_the_new_item(case, borrower_client):
    prior = ContactFactory(case=case, ref="C1", caller_name="王五", caller_phone="0211")
    response = borrower_client.post(
        quick_url(case),
        {
            "occurred_at": timezone.localtime(timezone.now()).strftime("%Y-%m-%dT%H:%M"),
            "channel": "sms",
            "target": "borrower",
            "caller": str(prior.pk),
            "content": "今天必须还款",
            "common_tags": ["threat"],
        },
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="quick-add",
    )
    html = response.content.decode()
    assert response.status_code == 200
    new = case.contacts.get(ref="C2")
    assert (new.channel, new.caller_name, new.caller_phone) == ("sms", "王五", "0211")
    assert new.tags == ["threat"]
    assert html.lstrip().startswith('<section id="quick-add"')
    assert 'hx-swap-oob="afterbegin:#timeline-list"' in html
    assert f'id="contact-{new.pk}"' in html
    # The form comes back empty, with the caller just used preselected.
    assert "今天必须还款" in html.split("hx-swap-oob")[1]
    assert "今天必须还款" not in html.split("hx-swap-oob")[0]


def test_plain_quick_add_redirects_to_the_case_page(case, borrower_client):
    response = borrower_client.post(
        quick_url(case),
        {
            "occurred_at": "2025-04-12T10:00",
            "channel": "call",
            "target": "borrower",
            "caller_phone": "95188",
        },
    )
    assert response.status_code == 302
    contact = case.contacts.get()
    assert response["Location"].endswith(f"#contact-{contact.pk}")
    assert contact.caller_phone == "95188"


def test_invalid_quick_add_keeps_what_was_typed(case, borrower_client):
    data = {"occurred_at": "", "channel": "pigeon", "target": "borrower", "content": "记下来的话"}
    plain = borrower_client.post(quick_url(case), data)
    assert plain.status_code == 200 and "记下来的话" in plain.content.decode()
    assert "<h1" in plain.content.decode()
    htmx = borrower_client.post(
        quick_url(case), data, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="quick-add"
    )
    assert htmx.status_code == 200
    assert "记下来的话" in htmx.content.decode() and "<h1" not in htmx.content.decode()
    assert not case.contacts.exists()


def test_caller_from_another_case_is_refused(case, borrower_client, other_borrower):
    theirs = ContactFactory(case__owner=other_borrower, caller_name="秘密")
    response = borrower_client.post(
        quick_url(case),
        {
            "occurred_at": "2025-04-12T10:00",
            "channel": "call",
            "target": "borrower",
            "caller": theirs.pk,
        },
    )
    assert response.status_code == 200
    assert not case.contacts.exists()


def test_quick_add_fields_are_few(case, borrower_client):
    html = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    section = html.split('id="quick-add"')[1].split("</section>")[0]
    assert section.count("<textarea") == 1
    assert "More details" in section
