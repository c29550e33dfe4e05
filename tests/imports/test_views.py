import pytest
from django.urls import reverse

from cases.models import Contact
from imports.models import ImportBatch, StagedMessage

from .conftest import CALLS_SAMPLE, SMS_SAMPLE, sms_xml, upload

pytestmark = pytest.mark.django_db


def review_url(batch, **query):
    url = reverse("imports:batch_review", args=[batch.pk])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


# Upload


def test_upload_page_shows_form(borrower_client, case):
    response = borrower_client.get(reverse("imports:import_upload", args=[case.pk]))
    assert response.status_code == 200
    assert response.content.count(b"<h1") == 1
    assert b'type="file"' in response.content


def test_upload_parses_in_background_and_redirects_to_review(
    borrower_client, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(
            reverse("imports:import_upload", args=[case.pk]),
            {"files": [upload("sms.xml", SMS_SAMPLE), upload("calls.xml", CALLS_SAMPLE)]},
        )
    batch = ImportBatch.objects.get(case=case)
    assert response.status_code == 302
    assert response.url == review_url(batch)
    assert batch.status == ImportBatch.Status.READY
    assert batch.job.status == "done"
    page = borrower_client.get(response.url)
    assert "We found 2 messages and calls that look like debt collection" in page.content.decode()
    assert "10690000555" in page.content.decode()


def test_upload_without_file_shows_error(borrower_client, case):
    response = borrower_client.post(reverse("imports:import_upload", args=[case.pk]), {})
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()
    assert response.context["form"].errors


def test_broken_upload_shows_where_it_broke(
    borrower_client, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = borrower_client.post(
            reverse("imports:import_upload", args=[case.pk]),
            {"files": [upload("sms.xml", SMS_SAMPLE[:600])]},
        )
    page = borrower_client.get(response.url).content.decode()
    assert "Nothing was added to your case" in page
    assert "line" in page


def test_anonymous_upload_redirects_to_login(client, case):
    response = client.get(reverse("imports:import_upload", args=[case.pk]))
    assert response.status_code == 302
    assert "login" in response.url


def test_other_borrower_upload_gets_404(other_client, case):
    assert other_client.get(reverse("imports:import_upload", args=[case.pk])).status_code == 404


def test_volunteer_on_shared_case_gets_403(volunteer_client, shared_case):
    url = reverse("imports:import_upload", args=[shared_case.pk])
    assert volunteer_client.get(url).status_code == 403


def test_outsider_volunteer_gets_404(outsider_client, shared_case):
    url = reverse("imports:import_upload", args=[shared_case.pk])
    assert outsider_client.get(url).status_code == 404


def test_upload_wrong_method_is_405(borrower_client, case):
    url = reverse("imports:import_upload", args=[case.pk])
    assert borrower_client.put(url).status_code == 405


# Review


def test_review_plain_gives_full_page_and_htmx_gives_fragment(borrower_client, parsed_batch):
    full = borrower_client.get(review_url(parsed_batch))
    fragment = borrower_client.get(
        review_url(parsed_batch), headers={"HX-Request": "true", "HX-Target": "import-review"}
    )
    assert b"<h1" in full.content
    assert b'id="import-review"' in full.content
    assert b"<h1" not in fragment.content
    assert fragment.content.lstrip().startswith(b'<div id="import-review"')


def test_review_filter_all_shows_saved_contacts_too(borrower_client, parsed_batch):
    likely = borrower_client.get(review_url(parsed_batch)).content.decode()
    everything = borrower_client.get(review_url(parsed_batch, show="all")).content.decode()
    assert "+8613900000002" not in likely
    assert "+8613900000002" in everything


def test_review_by_number_lists_its_messages(borrower_client, parsed_batch):
    page = borrower_client.get(review_url(parsed_batch, show="all", number="02100000777"))
    messages = list(page.context["message_page"])
    assert [m.call_type for m in messages] == [1, 5]


def test_review_query_count_is_constant(
    borrower_client, case, borrower, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from imports.services import batch_create, batch_parse

    def make(senders):
        rows = [
            {"address": f"9{n:04d}", "date": 1748581200000 + i, "type": 1, "body": f"逾期{i}"}
            for n in range(senders)
            for i in range(3)
        ]
        batch = batch_create(case=case, owner=borrower, uploads=[upload("s.xml", sms_xml(rows))])
        return batch_parse(batch_id=batch.pk)

    small, large = make(2), make(15)
    borrower_client.get(review_url(small))  # warm the session
    # 8 = 7 for the page + 1 for the nav's review-queue link (user.is_volunteer)
    with django_assert_num_queries(8) as small_queries:
        borrower_client.get(review_url(small))
    with django_assert_num_queries(len(small_queries.captured_queries)):
        response = borrower_client.get(review_url(large))
    assert len(response.context["group_page"].object_list) == 15


def test_select_all_from_number_then_none(borrower_client, parsed_batch):
    url = reverse("imports:batch_select", args=[parsed_batch.pk])
    borrower_client.post(url, {"sender": "02100000777", "selected": "1", "show": "all"})
    calls = StagedMessage.objects.filter(batch=parsed_batch, number="02100000777")
    assert calls.filter(selected=True).count() == 2
    response = borrower_client.post(url, {"sender": "02100000777", "selected": "0"})
    assert response.status_code == 302
    assert not calls.filter(selected=True).exists()


def test_htmx_select_returns_review_fragment(borrower_client, parsed_batch):
    response = borrower_client.post(
        reverse("imports:batch_select", args=[parsed_batch.pk]),
        {"sender": "10690000555", "selected": "0"},
        headers={"HX-Request": "true", "HX-Target": "import-review"},
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="import-review"')
    assert b"Add 1 contact to the case" in response.content


def test_choose_sets_exactly_the_ticked_messages(borrower_client, parsed_batch):
    shown = list(
        StagedMessage.objects.filter(batch=parsed_batch, addable=True).values_list("pk", flat=True)
    )
    borrower_client.post(
        reverse("imports:batch_choose", args=[parsed_batch.pk]),
        {"shown": shown, "chosen": shown[:1]},
    )
    assert (
        list(
            StagedMessage.objects.filter(batch=parsed_batch, selected=True).values_list(
                "pk", flat=True
            )
        )
        == shown[:1]
    )


def test_commit_adds_contacts_and_reports(borrower_client, parsed_batch, case):
    response = borrower_client.post(reverse("imports:batch_commit", args=[parsed_batch.pk]))
    assert response.status_code == 302
    assert response.url == reverse("cases:case_detail", args=[case.pk])
    assert Contact.objects.filter(case=case).count() == 2
    page = borrower_client.get(response.url).content.decode()
    assert "2 contacts were added to your case" in page


def test_commit_twice_adds_once(borrower_client, parsed_batch, case):
    url = reverse("imports:batch_commit", args=[parsed_batch.pk])
    borrower_client.post(url)
    borrower_client.post(url)
    assert Contact.objects.filter(case=case).count() == 2


def test_cancel_asks_then_discards(borrower_client, parsed_batch, case):
    url = reverse("imports:batch_cancel", args=[parsed_batch.pk])
    assert borrower_client.get(url).status_code == 200
    response = borrower_client.post(url)
    assert response.status_code == 302
    assert not ImportBatch.objects.filter(pk=parsed_batch.pk).exists()
    assert not StagedMessage.objects.exists()
    assert not Contact.objects.filter(case=case).exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("batch_review", "get"),
        ("batch_select", "post"),
        ("batch_choose", "post"),
        ("batch_suggested", "post"),
        ("batch_commit", "post"),
        ("batch_cancel", "get"),
        ("batch_cancel", "post"),
    ],
)
def test_other_borrower_gets_404_everywhere(other_client, parsed_batch, name, method):
    url = reverse(f"imports:{name}", args=[parsed_batch.pk])
    assert getattr(other_client, method)(url).status_code == 404
    assert StagedMessage.objects.filter(batch=parsed_batch).count() == 7


@pytest.mark.parametrize("name", ["batch_review", "batch_cancel"])
def test_volunteer_on_shared_case_gets_404_for_staged_data(
    volunteer_client, shared_case, parsed_batch, name
):
    url = reverse(f"imports:{name}", args=[parsed_batch.pk])
    assert volunteer_client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["batch_review", "batch_commit"])
def test_anonymous_is_sent_to_login(client, parsed_batch, name):
    url = reverse(f"imports:{name}", args=[parsed_batch.pk])
    response = client.get(url) if name == "batch_review" else client.post(url)
    assert response.status_code == 302
    assert "login" in response.url


@pytest.mark.parametrize(
    ("name", "method"),
    [("batch_review", "post"), ("batch_commit", "get"), ("batch_select", "get")],
)
def test_wrong_method_is_405(borrower_client, parsed_batch, name, method):
    url = reverse(f"imports:{name}", args=[parsed_batch.pk])
    assert getattr(borrower_client, method)(url).status_code == 405


def test_case_page_links_to_import_for_owner(borrower_client, case):
    page = borrower_client.get(reverse("cases:case_detail", args=[case.pk]))
    assert reverse("imports:import_upload", args=[case.pk]).encode() in page.content


def test_case_page_has_no_import_link_for_volunteer(volunteer_client, shared_case):
    page = volunteer_client.get(reverse("cases:case_detail", args=[shared_case.pk]))
    assert page.status_code == 200
    assert reverse("imports:import_upload", args=[shared_case.pk]).encode() not in page.content


def test_parsing_page_polls_and_refreshes_when_ready(borrower_client, case, borrower):
    from imports.services import batch_create, batch_parse

    batch = batch_create(case=case, owner=borrower, uploads=[upload("s.xml", SMS_SAMPLE)])
    headers = {"HX-Request": "true", "HX-Target": "import-progress"}
    waiting = borrower_client.get(review_url(batch), headers=headers)
    assert b'id="import-progress"' in waiting.content
    assert b'hx-trigger="every 1s"' in waiting.content
    batch_parse(batch_id=batch.pk)
    done = borrower_client.get(review_url(batch), headers=headers)
    assert done.headers["HX-Refresh"] == "true"


def test_pages_are_chinese_by_default(borrower_client, parsed_batch, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    page = borrower_client.get(review_url(parsed_batch)).content.decode()
    assert "我们找到了 2 条看起来像催收的短信或通话" in page
    assert "把 2 条联系记录加入案件" in page
