"""Case list, create, edit and delete."""

from django.urls import reverse

from cases.models import Case, Contact, Evidence
from tests.factories import CaseFactory, CaseShareFactory


def test_empty_list_invites_to_start(borrower_client):
    html = borrower_client.get(reverse("cases:case_list")).content.decode()
    assert "Start my first case" in html
    assert reverse("cases:case_create") in html


def test_list_shows_own_cases_and_shared_cases_apart(
    borrower, case, volunteer, volunteer_client, organisation, other_borrower
):
    own = CaseFactory(owner=volunteer, title="我自己的")
    shared = CaseFactory(owner=other_borrower, title="分享来的")
    CaseShareFactory(case=shared, organisation=organisation)
    CaseFactory(owner=other_borrower, title="别人的")
    response = volunteer_client.get(reverse("cases:case_list"))
    assert list(response.context["own_cases"]) == [own]
    assert list(response.context["shared_cases"]) == [shared]
    html = response.content.decode()
    assert "别人的" not in html and case.title not in html


def test_list_query_count_is_constant(borrower, borrower_client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CaseFactory(owner=borrower)
    with CaptureQueriesContext(connection) as small:
        borrower_client.get(reverse("cases:case_list"))
    CaseFactory.create_batch(10, owner=borrower)
    with django_assert_num_queries(len(small.captured_queries)):
        borrower_client.get(reverse("cases:case_list"))


def test_create_case(borrower, borrower_client):
    response = borrower_client.post(
        reverse("cases:case_create"),
        {
            "title": "借呗催收",
            "borrower_name": "李晓梅",
            "borrower_phone": "13800000000",
            "borrower_address": "",
            "borrower_id_number": "110101199001011234",
            "timezone": "Asia/Shanghai",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_detail", args=[case.pk])
    assert (case.owner, case.title, case.borrower_id_number) == (
        borrower,
        "借呗催收",
        "110101199001011234",
    )


def test_create_case_form_defaults_to_shanghai(borrower_client):
    response = borrower_client.get(reverse("cases:case_create"))
    assert response.context["form"]["timezone"].value() == "Asia/Shanghai"


def test_invalid_timezone_is_refused(borrower_client):
    response = borrower_client.post(
        reverse("cases:case_create"), {"title": "x", "timezone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert "timezone" in response.context["form"].errors
    assert not Case.objects.exists()


def test_id_number_is_shown_masked_and_kept_when_left_empty(case, borrower_client):
    case.borrower_id_number = "110101199001011234"
    case.save()
    url = reverse("cases:case_update", args=[case.pk])
    html = borrower_client.get(url).content.decode()
    assert "110101199001011234" not in html and "1101**********1234" in html
    data = {"title": "新标题", "timezone": "Asia/Shanghai", "borrower_id_number": ""}
    assert borrower_client.post(url, data).status_code == 302
    case.refresh_from_db()
    assert (case.title, case.borrower_id_number) == ("新标题", "110101199001011234")
    detail = borrower_client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "110101199001011234" not in detail and "1101**********1234" in detail


def test_id_number_can_be_removed(case, borrower_client):
    case.borrower_id_number = "110101199001011234"
    case.save()
    url = reverse("cases:case_update", args=[case.pk])
    data = {"title": "t", "timezone": "Asia/Shanghai", "clear_id_number": "on"}
    borrower_client.post(url, data)
    case.refresh_from_db()
    assert case.borrower_id_number == ""


def test_delete_case_asks_first_then_deletes_everything(everything, borrower_client):
    url = reverse("cases:case_delete", args=[everything.case.pk])
    confirm = borrower_client.get(url)
    assert confirm.status_code == 200 and "Yes, delete" in confirm.content.decode()
    assert Case.objects.exists()
    response = borrower_client.post(url)
    assert response["Location"] == reverse("cases:case_list")
    assert not Case.objects.exists()
    assert not Contact.objects.exists() and not Evidence.objects.exists()


def test_htmx_delete_case_redirects_on_the_client(everything, borrower_client):
    url = reverse("cases:case_delete", args=[everything.case.pk])
    response = borrower_client.post(url, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("cases:case_list")
    assert not Case.objects.exists()


def test_chinese_is_the_default(client, borrower, settings):
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    client.force_login(borrower)
    html = client.get(reverse("cases:case_list")).content.decode()
    assert "建立我的第一个案件" in html


def test_bad_file_error_is_translated(everything, client, borrower, settings):
    from tests.cases.conftest import upload

    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    client.force_login(borrower)
    url = reverse("cases:evidence_create", args=[everything.case.pk, everything.contact.pk])
    html = client.post(url, {"file": upload("a.png", b"text")}).content.decode()
    assert "不是可以保存的图片、录音或 PDF" in html
