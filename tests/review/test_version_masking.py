"""The borrower's phone, address and ID number stay masked on the review app's version page
and the finalised (or approved) PDF is withheld until the reader takes the case: the owner
and the member who took it get the PDF, everyone else in the organisation (a lawyer
included) reads the masked text and is asked to take the case first; other organisations
get a 404."""

import pytest
from django.urls import reverse

from letters import services as letters
from letters.masking import KnownDetails, known_borrower_details, mask_known_details
from letters.models import LetterDraft
from review.services import case_review_take, letter_version_approve
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db

PHONE, ADDRESS, ID_NUMBER = (
    "13812345678",
    "浙江省杭州市西湖区示例路 1 号 2 单元 301 室",
    "11010119900307123X",
)
TYPED_PHONE = "138 1234 5678"  # the sender's phone as the borrower typed it into the letter
MASKED_PHONE, MASKED_ADDRESS, MASKED_ID = "138****5678", "浙江省杭州市…", "1101**********123X"
THIRD_PARTY = "13900000001"


def leaks(text: str) -> list[str]:
    values = (PHONE, TYPED_PHONE, "138-1234-5678", ADDRESS, ID_NUMBER, "示例路", "19900307")
    return [v for v in values if v in text]


@pytest.fixture
def detailed_case(shared_case):
    shared_case.borrower_phone = PHONE
    shared_case.borrower_address = ADDRESS
    shared_case.borrower_id_number = ID_NUMBER
    shared_case.save()
    return shared_case


@pytest.fixture
def draft(detailed_case, borrower):
    loan = LoanFactory(case=detailed_case)
    ContactFactory(case=detailed_case, loan=loan, target="relative", target_phone=THIRD_PARTY)
    return LetterDraft.objects.create(
        case=detailed_case, owner=borrower, kind="stop_harassment", language="zh-hans",
        fields={"loan": loan.ref, "sender_phone": TYPED_PHONE, "sender_address": ADDRESS,
                "show_full_id": True},
    )  # fmt: skip


@pytest.fixture
def final(draft):
    return letters.letter_finalise(draft=draft)


def page(client, version) -> str:
    response = client.get(reverse("review:letter_version_review", args=[version.pk]))
    assert response.status_code == 200
    return response.content.decode()


def download(client, version):
    return client.get(reverse("letters:letter_version_download", args=[version.pk]))


def take(user, case, organisation):
    case_review_take(case=case, organisation=organisation, user=user)


# The stored letter really prints the details (else the masking tests prove nothing)


def test_the_stored_letter_prints_the_details_in_full(final):
    assert TYPED_PHONE in final.html and ADDRESS in final.html and ID_NUMBER in final.html


# The version page


def test_a_volunteer_who_has_not_taken_the_case_reads_the_details_masked(volunteer_client, final):
    html = page(volunteer_client, final)
    assert leaks(html) == []
    assert MASKED_PHONE in html and MASKED_ADDRESS in html and MASKED_ID in html
    assert 'id="details-masked"' in html


def test_the_masked_page_keeps_third_parties_numbers_and_the_paragraphs(volunteer_client, final):
    from letters.paragraphs import letter_paragraphs

    html = page(volunteer_client, final)
    numbered = html.count('<li id="para-')
    assert numbered == len(letter_paragraphs(final.html)) > 5


def test_the_volunteer_who_took_the_case_reads_them_in_full(
    volunteer_client, volunteer, organisation, final
):
    take(volunteer, final.draft.case, organisation)
    html = page(volunteer_client, final)
    assert TYPED_PHONE in html and ADDRESS in html and ID_NUMBER in html
    assert 'id="details-masked"' not in html


def test_a_lawyer_who_has_not_taken_the_case_reads_them_masked_too(lawyer_client, final):
    assert leaks(page(lawyer_client, final)) == []


def test_a_lawyer_who_took_the_case_reads_them_in_full(lawyer_client, lawyer, organisation, final):
    take(lawyer, final.draft.case, organisation)
    assert ID_NUMBER in page(lawyer_client, final)


def test_once_a_colleague_takes_the_case_the_volunteer_reads_them_masked_again(
    volunteer_client, volunteer, lawyer, organisation, final
):
    take(volunteer, final.draft.case, organisation)
    take(lawyer, final.draft.case, organisation)
    assert leaks(page(volunteer_client, final)) == []


def test_a_changed_detail_leaks_neither_in_the_new_text_nor_in_the_struck_out_one(
    volunteer_client, draft, final
):
    letters.letter_draft_update(
        draft=draft, language="zh-hans", fields={**draft.fields, "sender_phone": "13711112222"}
    )
    second = letters.letter_finalise(draft=draft)
    html = page(volunteer_client, second)
    assert leaks(html) == [] and "13711112222" not in html
    assert "137****2222" in html
    struck = html[html.index("<del") :]
    assert MASKED_PHONE in struck[: struck.index("</del>")]


def test_the_diff_compares_masked_with_masked(volunteer_client, draft, final):
    """Finalised again unchanged: no paragraph is marked as changed by the masking."""
    second = letters.letter_finalise(draft=draft)
    html = page(volunteer_client, second)
    assert 'class="para-changed"' not in html and 'class="para-added"' not in html
    assert leaks(html) == []


def test_the_masked_page_still_takes_comments_on_its_paragraphs(volunteer_client, final):
    url = reverse("review:letter_comment_create", args=[final.pk])
    response = volunteer_client.post(url, {"paragraph": "2", "text": "请核对"})
    assert response.status_code == 302


def test_an_invalid_comment_rerenders_the_page_masked(volunteer_client, final):
    url = reverse("review:letter_comment_create", args=[final.pk])
    response = volunteer_client.post(url, {"paragraph": "999", "text": "?"})
    assert response.status_code == 200 and leaks(response.content.decode()) == []


def test_another_organisation_gets_404(outsider_client, final):
    assert outsider_client.get(
        reverse("review:letter_version_review", args=[final.pk])
    ).status_code == 404  # fmt: skip


# The PDF download


def test_the_owner_downloads_the_pdf(borrower_client, final):
    response = download(borrower_client, final)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_volunteer_who_has_not_taken_the_case_is_asked_to_take_it_first(volunteer_client, final):
    response = download(volunteer_client, final)  # in Chinese, the default
    html = response.content.decode()
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert "请先接手此案" in html
    assert reverse("review:review_take", args=[final.draft.case_id]) in html
    assert f'value="{reverse("review:letter_version_review", args=[final.pk])}"' in html
    assert leaks(html) == []


def test_the_refusal_reads_in_english_too(client, volunteer, final):
    client.force_login(volunteer)
    html = client.get(
        reverse("letters:letter_version_download", args=[final.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Take the case first to see the borrower's full details" in html


def test_the_volunteer_who_took_the_case_downloads_the_pdf(
    volunteer_client, volunteer, organisation, final
):
    take(volunteer, final.draft.case, organisation)
    response = download(volunteer_client, final)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_a_lawyer_who_has_not_taken_the_case_gets_no_pdf(lawyer_client, final):
    assert download(lawyer_client, final).status_code == 403


def test_a_lawyer_who_took_the_case_downloads_it(lawyer_client, lawyer, organisation, final):
    take(lawyer, final.draft.case, organisation)
    assert download(lawyer_client, final).status_code == 200


def test_the_approved_pdf_is_withheld_alike(
    volunteer_client, volunteer, lawyer, organisation, final
):
    letter_version_approve(version=final, approver=lawyer)
    assert download(volunteer_client, final).status_code == 403
    take(volunteer, final.draft.case, organisation)
    response = download(volunteer_client, final)
    assert "-approved.pdf" in response["Content-Disposition"]


def test_another_organisation_gets_404_for_the_pdf(outsider_client, final):
    assert download(outsider_client, final).status_code == 404


def test_the_taker_loses_the_pdf_when_the_share_is_revoked(
    volunteer_client, volunteer, organisation, final
):
    from review.services import case_share_revoke

    take(volunteer, final.draft.case, organisation)
    case_share_revoke(share=final.draft.case.shares.get())
    assert download(volunteer_client, final).status_code == 404


def test_the_letter_page_offers_no_pdf_link_before_taking(volunteer_client, final):
    html = volunteer_client.get(
        reverse("letters:letter_edit", args=[final.draft_id])
    ).content.decode()
    assert reverse("letters:letter_version_download", args=[final.pk]) not in html


# Taking the case from these pages


def test_taking_from_the_refusal_returns_to_the_version_page(volunteer_client, volunteer, final):
    back = reverse("review:letter_version_review", args=[final.pk])
    response = volunteer_client.post(
        reverse("review:review_take", args=[final.draft.case_id]), {"next": back}
    )
    assert response.status_code == 302 and response["Location"] == back
    assert ID_NUMBER in page(volunteer_client, final)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_taking_never_redirects_off_the_site(volunteer_client, final, target):
    case_pk = final.draft.case_id
    response = volunteer_client.post(
        reverse("review:review_take", args=[case_pk]), {"next": target}
    )
    assert response["Location"] == reverse("review:review_detail", args=[case_pk])


# The sharing page says what volunteers see


def test_the_sharing_page_says_the_details_stay_masked_until_the_case_is_taken(
    borrower_client, case
):
    url = reverse("review:share_create", args=[case.pk])
    html = borrower_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "masked" in html and "until one member of the organisation takes your case" in html
    assert "only the member who took your case can download them" in html
    assert "appears in full in your letters" not in html


# The masking itself (pure)


def test_every_printed_form_of_the_phone_is_masked():
    known = KnownDetails(phones=("+86 138-1234-5678",))
    text = "a 13812345678 b 138 1234 5678 c 138-1234-5678 d +86 138-1234-5678"
    assert (
        mask_known_details(text, known) == "a 138****5678 b 138****5678 c 138****5678 d 138****5678"
    )


def test_an_escaped_address_is_masked_as_escaped():
    known = KnownDetails(addresses=('北京市朝阳区<某>路 "A&B" 大厦',))
    html = "<p>北京市朝阳区&lt;某&gt;路 &quot;A&amp;B&quot; 大厦</p>"
    assert mask_known_details(html, known) == "<p>北京市朝阳区…</p>"


def test_an_id_number_is_masked_whatever_the_case_of_its_x():
    known = KnownDetails(id_numbers=("11010119900307123x",))
    assert mask_known_details("11010119900307123X", known) == "1101**********123X"


def test_short_values_are_left_alone():
    known = KnownDetails(phones=("12345",), addresses=("杭州",), id_numbers=("1234",))
    assert mask_known_details("12345 杭州 1234 元", known) == "12345 杭州 1234 元"


def test_the_details_come_from_the_case_and_each_versions_snapshot(detailed_case, final):
    detailed_case.borrower_phone = "13599998888"
    known = known_borrower_details(case=detailed_case, versions=[final, None])
    assert {"13599998888", PHONE, TYPED_PHONE} <= set(known.phones)
    assert known.addresses == (ADDRESS,) and known.id_numbers == (ID_NUMBER,)
