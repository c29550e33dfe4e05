import logging
import re

import pytest
from django.test import Client

from tests.checker.conftest import FAKE_PAPER, INSULT, REMINDER, THREAT, answers

URL = "/check/"


def _titles(response) -> list[str]:
    return re.findall(r'<h3 class="finding-title">(.*?)</h3>', response.content.decode())


def test_get_shows_the_form_in_chinese_by_default(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in response.content.decode()
    assert 'name="messages"' in response.content.decode()


def test_the_language_comes_from_the_url_not_a_cookie(client):
    client.cookies["django_language"] = "zh-hans"
    response = client.get(URL + "?lang=en")
    assert '<html lang="en">' in response.content.decode()
    assert "Is what the collector sent allowed?" in response.content.decode()


def test_the_page_says_plainly_that_nothing_is_stored(client):
    assert (
        "Nothing you type here is stored, logged or sent to analytics"
        in client.get(URL + "?lang=en").content.decode()
    )


def test_two_unlawful_messages_and_a_reminder_give_two_findings_with_citations(client):
    response = client.post(URL + "?lang=en", answers())
    html = response.content.decode()
    assert response.status_code == 200
    assert len(_titles(response)) == 2
    assert html.count('class="citation"') == 2
    assert "治安管理处罚法" in html
    assert "In messages: 1" in html and "In messages: 3" in html and "In messages: 2" not in html


def test_the_lender_type_decides_which_texts_a_finding_cites(client):
    unknown = client.post(URL + "?lang=en", answers(messages=INSULT)).content.decode()
    bank = client.post(URL + "?lang=en", answers(messages=INSULT, lender_type="bank"))
    assert 'class="citation"' not in unknown
    assert "催收工作指引" in bank.content.decode()


def test_the_lawful_reminder_alone_gives_no_finding(client):
    response = client.post(URL + "?lang=en", answers(messages=REMINDER))
    assert _titles(response) == []
    assert "0 findings" in response.content.decode()


def test_messages_separated_by_blank_lines_are_one_message_each(client):
    text = f"{THREAT}\n第二行\n\n{FAKE_PAPER}"
    response = client.post(URL + "?lang=en", answers(messages=text))
    html = response.content.decode()
    assert "In messages: 1" in html and "In messages: 2" in html and "In messages: 3" not in html


def test_a_night_message_breaks_the_quiet_hours(client):
    response = client.post(URL + "?lang=en", answers(messages=REMINDER, time="night"))
    assert len(_titles(response)) == 1


def test_a_third_party_asked_again_after_objecting_is_a_finding(client):
    reminder = "请转告你朋友尽快还钱"
    plain = _titles(client.post(URL + "?lang=en", answers(messages=reminder, recipient="friend")))
    objected = _titles(
        client.post(
            URL + "?lang=en", answers(messages=reminder, recipient="friend", objected="yes")
        )
    )
    assert set(plain) < set(objected)


def test_the_lender_type_is_asked_only_when_there_are_findings(client):
    with_findings = client.post(URL + "?lang=en", answers()).content.decode()
    without = client.post(URL + "?lang=en", answers(messages=REMINDER)).content.decode()
    assert 'name="lender_type"' in with_findings
    assert 'name="lender_type"' not in without


def test_the_channel_follows_the_lender_type(client):
    unknown = client.post(URL + "?lang=en", answers()).content.decode()
    bank = client.post(URL + "?lang=en", answers(lender_type="bank")).content.decode()
    assert "Which kind of lender is this" in unknown
    assert "National Financial Regulatory Administration" in bank
    assert "within 15 days" in bank


def test_too_much_text_gets_a_clear_message(client):
    response = client.post(URL + "?lang=en", answers(messages="催" * 5001))
    assert response.status_code == 200
    assert "That is too much for one check: at most 5,000 characters" in response.content.decode()


def test_too_many_messages_gets_the_same_message(client):
    response = client.post(URL + "?lang=en", answers(messages="\n".join(["还钱"] * 21)))
    assert "That is too much for one check" in response.content.decode()


def test_the_size_message_is_translated(client):
    response = client.post(URL, answers(messages="催" * 5001))
    assert "一次检查的内容太多" in response.content.decode()


def test_htmx_post_returns_only_the_result_fragment(client):
    response = client.post(
        URL + "?lang=en", answers(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="check-result"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="check-result"')
    assert "<h1" not in html and 'class="citation"' in html


def test_the_post_needs_no_csrf_token_because_it_stores_nothing():
    response = Client(enforce_csrf_checks=True).post(URL, answers())
    assert response.status_code == 200


def test_wrong_method_is_refused(client):
    assert client.put(URL).status_code == 405


@pytest.mark.django_db
def test_checking_touches_no_database_and_sets_no_cookie(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        get = client.get(URL)
        post = client.post(URL, answers())
    for response in (get, post):
        assert response.cookies == {}
        assert "Set-Cookie" not in response.headers
        assert response.headers["Cache-Control"] == "no-store"
    assert "csrfmiddlewaretoken" not in post.content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_session_gets_no_new_cookie(client, borrower):
    client.force_login(borrower)
    response = client.post(URL, answers())
    assert response.cookies == {}


def test_the_text_is_never_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(URL, answers())
    client.post(URL, answers(messages="催" * 5001))
    assert THREAT not in caplog.text and "催催催" not in caplog.text


def test_the_csp_is_as_strict_as_the_rest_of_the_app(client):
    csp = client.get(URL).headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_the_clinic_widget_snippet_is_shown_with_its_form(client):
    html = client.get(URL + "?lang=en").content.decode()
    assert "&lt;form method=&quot;post&quot;" in html or '&lt;form method="post"' in html
    assert 'name="messages"' in html


def test_the_clinic_widget_may_send_the_messages_alone():
    response = Client(enforce_csrf_checks=True).post(
        URL + "?lang=en",
        {"messages": f"{THREAT}\n{REMINDER}"},
        HTTP_ORIGIN="https://clinic.example",
    )
    assert response.status_code == 200 and len(_titles(response)) == 1
