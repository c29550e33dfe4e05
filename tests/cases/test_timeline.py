"""The case page's timeline: filters, the htmx fragment, and constant query counts."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases import services
from tests.cases.conftest import PNG_BYTES, upload
from tests.factories import CaseEventFactory, ContactFactory, LoanFactory

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "timeline"}


def detail(case):
    return reverse("cases:case_detail", args=[case.pk])


def test_full_page_has_everything(everything, borrower_client):
    html = borrower_client.get(detail(everything.case)).content.decode()
    assert html.count("<h1") == 1
    assert 'id="timeline"' in html and 'id="quick-add"' in html and 'id="loans"' in html
    assert f'id="contact-{everything.contact.pk}"' in html
    assert f'id="event-{everything.event.pk}"' in html


def test_htmx_filter_returns_only_the_timeline_fragment(everything, borrower_client):
    response = borrower_client.get(detail(everything.case), {"channel": "call"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="timeline"')
    assert "<h1" not in html and 'id="quick-add"' not in html
    assert f'id="contact-{everything.contact.pk}"' in html


def test_htmx_request_for_another_target_gets_the_full_page(everything, borrower_client):
    response = borrower_client.get(
        detail(everything.case), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="main"
    )
    assert "<h1" in response.content.decode()


def test_filter_by_channel(case, borrower_client):
    call = ContactFactory(case=case, channel="call", content="CALL-ITEM")
    sms = ContactFactory(case=case, channel="sms", connected=None, content="SMS-ITEM")
    html = borrower_client.get(detail(case), {"channel": "sms"}).content.decode()
    assert f'id="contact-{sms.pk}"' in html
    assert f'id="contact-{call.pk}"' not in html


def test_filter_by_target(case, borrower_client):
    mine = ContactFactory(case=case, target="borrower")
    mum = ContactFactory(case=case, target="relative", target_name="妈妈")
    html = borrower_client.get(detail(case), {"target": "relative"}, **HTMX).content.decode()
    assert f'id="contact-{mum.pk}"' in html
    assert f'id="contact-{mine.pk}"' not in html


def test_filter_by_loan(case, borrower_client):
    first, second = LoanFactory(case=case, ref="L1"), LoanFactory(case=case, ref="L2")
    about_first = ContactFactory(case=case, loan=first)
    about_second = ContactFactory(case=case, loan=second)
    html = borrower_client.get(detail(case), {"loan": second.pk}, **HTMX).content.decode()
    assert f'id="contact-{about_second.pk}"' in html
    assert f'id="contact-{about_first.pk}"' not in html


def test_unknown_filter_values_are_ignored(case, borrower_client, other_borrower):
    contact = ContactFactory(case=case)
    their_loan = LoanFactory(case__owner=other_borrower)
    for query in ({"channel": "telepathy"}, {"loan": their_loan.pk}, {"loan": "x"}):
        html = borrower_client.get(detail(case), query).content.decode()
        assert f'id="contact-{contact.pk}"' in html


def test_empty_filter_result_says_so(case, borrower_client):
    ContactFactory(case=case, channel="call")
    html = borrower_client.get(detail(case), {"channel": "visit"}).content.decode()
    assert "No contact matches these filters." in html


def test_times_are_shown_in_the_case_timezone(case, borrower_client):
    case.timezone = "Europe/London"
    case.save()
    ContactFactory(case=case, occurred_at=datetime(2025, 1, 10, 9, 30, tzinfo=ZoneInfo("UTC")))
    html = borrower_client.get(detail(case)).content.decode()
    assert "2025-01-10 09:30" in html
    case.timezone = "Asia/Shanghai"
    case.save()
    assert "2025-01-10 17:30" in borrower_client.get(detail(case)).content.decode()


def add_rows(case, borrower, n):
    for _ in range(n):
        loan = LoanFactory(case=case)
        contact = ContactFactory(case=case, loan=loan, tags=["threat", "自定义"])
        services.evidence_add(
            contact=contact, upload=upload("a.png", PNG_BYTES), uploaded_by=borrower
        )
        CaseEventFactory(case=case, loan=loan)
    services.case_touch(case=case)  # as every write through the services does


def test_query_count_is_constant_as_the_timeline_grows(
    case, borrower, borrower_client, django_assert_num_queries
):
    add_rows(case, borrower, 2)
    borrower_client.get(detail(case))  # warm the session and language
    with CaptureQueriesContext(connection) as small:
        borrower_client.get(detail(case))
    count = len(small.captured_queries)  # before the next request clears the log
    add_rows(case, borrower, 18)
    borrower_client.get(detail(case))  # the first view after the change stores the findings
    with django_assert_num_queries(count):
        response = borrower_client.get(detail(case))
    assert response.content.decode().count('class="timeline-item') == 20


def test_fragment_query_count_is_constant(
    case, borrower, borrower_client, django_assert_num_queries
):
    add_rows(case, borrower, 2)
    with CaptureQueriesContext(connection) as small:
        borrower_client.get(detail(case), **HTMX)
    add_rows(case, borrower, 18)
    with django_assert_num_queries(len(small.captured_queries)):
        borrower_client.get(detail(case), **HTMX)


def test_volunteer_query_count_is_constant(
    shared_case, borrower, volunteer_client, django_assert_num_queries
):
    add_rows(shared_case, borrower, 2)
    with CaptureQueriesContext(connection) as small:
        volunteer_client.get(detail(shared_case))
    add_rows(shared_case, borrower, 18)
    with django_assert_num_queries(len(small.captured_queries)):
        volunteer_client.get(detail(shared_case))


def test_long_timeline_shows_the_newest_page_with_a_link_to_older(case, borrower_client):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from cases.forms import TimelineFilterForm
    from tests.factories import ContactFactory

    page = TimelineFilterForm.PAGE
    now = timezone.now()
    for n in range(page + 5):
        ContactFactory(case=case, ref=f"C{n + 1}", occurred_at=now - timedelta(hours=n))
    url = reverse("cases:case_detail", args=[case.pk])
    html = borrower_client.get(url).content.decode()
    assert html.count('class="timeline-item') == page
    assert "timeline-more" in html and "shown=100" in html
    older = borrower_client.get(url, {"shown": page * 2}).content.decode()
    assert older.count('class="timeline-item') == page + 5
    assert "timeline-more" not in older


def test_older_contacts_come_as_the_timeline_fragment(case, borrower_client):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from tests.factories import ContactFactory

    for n in range(60):
        ContactFactory(case=case, ref=f"C{n + 1}", occurred_at=timezone.now() - timedelta(hours=n))
    response = borrower_client.get(
        reverse("cases:case_detail", args=[case.pk]),
        {"shown": 100, "channel": "call"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="timeline",
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="timeline"')
    assert html.count('class="timeline-item') == 60
