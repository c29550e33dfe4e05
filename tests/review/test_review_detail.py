import pytest
from django.urls import reverse

from cases.models import CaseShare
from review.models import CaseReview, ReviewNote, ReviewStatus

pytestmark = pytest.mark.django_db


def detail(case):
    return reverse("review:review_detail", args=[case.pk])


def take(case):
    return reverse("review:review_take", args=[case.pk])


def status(case):
    return reverse("review:review_status", args=[case.pk])


def notes(case):
    return reverse("review:note_create", args=[case.pk])


def test_member_sees_status_notes_and_links(volunteer_client, shared_case):
    response = volunteer_client.get(detail(shared_case))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="review-notes"' in text
    assert reverse("cases:case_detail", args=[shared_case.pk]) in text
    assert reverse("letters:letter_index", args=[shared_case.pk]) in text


@pytest.mark.parametrize("name", ["review_detail"])
def test_outsider_gets_404_on_the_page(outsider_client, shared_case, name):
    assert outsider_client.get(reverse(f"review:{name}", args=[shared_case.pk])).status_code == 404


@pytest.mark.parametrize("name", ["review_take", "review_status", "note_create"])
def test_outsider_gets_404_on_every_write(outsider_client, shared_case, name):
    response = outsider_client.post(
        reverse(f"review:{name}", args=[shared_case.pk]), {"status": "done", "text": "偷看"}
    )
    assert response.status_code == 404
    assert not CaseReview.objects.exists()
    assert not ReviewNote.objects.exists()


def test_owner_gets_404(borrower_client, shared_case):
    assert borrower_client.get(detail(shared_case)).status_code == 404


def test_unshared_case_gets_404(volunteer_client, case):
    assert volunteer_client.get(detail(case)).status_code == 404


def test_revoked_share_gets_404(volunteer_client, shared_case):
    CaseShare.objects.filter(case=shared_case).update(revoked_at="2026-01-01T00:00Z")
    assert volunteer_client.get(detail(shared_case)).status_code == 404
    assert volunteer_client.post(notes(shared_case), {"text": "x"}).status_code == 404


def test_anonymous_is_sent_to_log_in(client, shared_case):
    assert client.get(detail(shared_case)).status_code == 302
    assert client.post(take(shared_case)).status_code == 302


@pytest.mark.parametrize("name", ["review_take", "review_status", "note_create"])
def test_writes_refuse_get_with_405(volunteer_client, shared_case, name):
    assert volunteer_client.get(reverse(f"review:{name}", args=[shared_case.pk])).status_code == 405


def test_detail_refuses_post_with_405(volunteer_client, shared_case):
    assert volunteer_client.post(detail(shared_case)).status_code == 405


def test_take_assigns_the_case_to_me_and_starts_the_review(
    volunteer_client, volunteer, organisation, shared_case
):
    response = volunteer_client.post(take(shared_case))
    assert response.status_code == 302
    review = CaseReview.objects.get(case=shared_case, organisation=organisation)
    assert review.assignee == volunteer
    assert review.status == ReviewStatus.IN_REVIEW


def test_status_can_be_set(volunteer_client, organisation, shared_case):
    volunteer_client.post(status(shared_case), {"status": "done"})
    assert CaseReview.objects.get(case=shared_case).status == ReviewStatus.DONE


def test_unknown_status_is_refused(volunteer_client, shared_case):
    response = volunteer_client.post(status(shared_case), {"status": "closed"})
    assert response.status_code == 302
    assert not CaseReview.objects.exists()


def test_note_is_private_by_default(volunteer_client, volunteer, organisation, shared_case):
    response = volunteer_client.post(notes(shared_case), {"text": "先核对借款合同。"})
    assert response.status_code == 302
    note = ReviewNote.objects.get()
    assert (note.author, note.organisation, note.shared_with_borrower) == (
        volunteer,
        organisation,
        False,
    )


def test_htmx_note_returns_the_notes_fragment(volunteer_client, shared_case):
    headers = {"HX-Request": "true", "HX-Target": "review-notes"}
    response = volunteer_client.post(notes(shared_case), {"text": "已看过"}, headers=headers)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="review-notes"')
    assert "已看过" in text
    assert "<html" not in text


def test_plain_get_of_the_page_is_the_full_page(volunteer_client, shared_case):
    text = volunteer_client.get(detail(shared_case)).content.decode()
    assert "<html" in text and 'id="review-notes"' in text


def test_empty_htmx_note_returns_the_fragment_with_the_error(volunteer_client, shared_case):
    headers = {"HX-Request": "true", "HX-Target": "review-notes"}
    response = volunteer_client.post(notes(shared_case), {"text": ""}, headers=headers)
    assert response.status_code == 200
    assert 'id="id_text_error"' in response.content.decode()
    assert not ReviewNote.objects.exists()


def test_borrower_sees_shared_notes_but_never_private_ones(
    client, borrower, volunteer, shared_case
):
    client.force_login(volunteer)
    client.post(notes(shared_case), {"text": "内部备注：不给借款人看"})
    client.post(
        notes(shared_case), {"text": "建议先寄送停止骚扰函。", "shared_with_borrower": "on"}
    )
    client.force_login(borrower)
    text = client.get(reverse("cases:case_detail", args=[shared_case.pk])).content.decode()
    assert "建议先寄送停止骚扰函。" in text
    assert "内部备注" not in text


def test_other_organisations_notes_are_not_shown(volunteer_client, outsider_volunteer, shared_case):
    org = outsider_volunteer.memberships.get().organisation
    ReviewNote.objects.create(
        case=shared_case, organisation=org, author=outsider_volunteer, text="别家备注"
    )
    assert "别家备注" not in volunteer_client.get(detail(shared_case)).content.decode()
