"""Reviewing a finalised version: its stored text with numbered paragraphs, the diff
from the previous version, comments tied to a paragraph, changes requested, and the
approved PDF with its own review line and hash."""

import hashlib
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from letters import services as letters
from letters.models import LetterDraft
from letters.paragraphs import letter_paragraphs, paragraphs_diff, with_review_line
from review.models import LetterComment
from review.services import letter_comment_create, letter_version_approve
from tests.factories import ContactFactory, LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(case, borrower):
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    return LetterDraft.objects.create(
        case=case,
        owner=borrower,
        kind="stop_harassment",
        language="zh-hans",
        fields={"loan": loan.ref, "recipient": "浙江网商银行股份有限公司"},
    )


@pytest.fixture
def final(letter, shared_case):
    return letters.letter_finalise(draft=letter)


def review_url(version):
    return reverse("review:letter_version_review", args=[version.pk])


def comment_url(version):
    return reverse("review:letter_comment_create", args=[version.pk])


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


# Paragraphs and diff (pure)


def test_paragraphs_are_blocks_in_reading_order():
    html = "<article><h2>标题</h2><p>第一段<br>续</p><ol><li>甲</li><li>乙 <b>丙</b></li></ol></article>"
    assert letter_paragraphs(html) == ["标题", "第一段 续", "甲", "乙 丙"]


def test_diff_marks_new_and_changed_paragraphs_and_lists_removed_ones():
    changes, removed = paragraphs_diff(["a", "b", "c", "d"], ["a", "B", "c", "e", "f"])
    assert [(c.number, c.status) for c in changes] == [
        (1, "same"),
        (2, "changed"),
        (3, "same"),
        (4, "changed"),
        (5, "added"),
    ]
    assert changes[1].before == "b" and removed == []


def test_review_line_goes_inside_the_letter_and_is_escaped():
    out = with_review_line("<article><p>x</p></article>", "经 <某> 于 今日 审阅")
    assert out.index("review-line") < out.index("</article>")
    assert "&lt;某&gt;" in out


# The review page


def test_finalising_stores_the_html_the_pdf_was_made_from(final):
    assert "<article" in final.html
    assert len(letter_paragraphs(final.html)) > 5


def test_volunteer_sees_the_stored_version_numbered_with_its_pdf(
    volunteer_client, volunteer, organisation, final
):
    from review.services import case_review_take

    case_review_take(case=final.draft.case, organisation=organisation, user=volunteer)
    response = volunteer_client.get(review_url(final))
    html = response.content.decode()
    assert response.status_code == 200
    first = letter_paragraphs(final.html)[0]
    assert '<li id="para-1" value="1"' in html and first in html
    assert reverse("letters:letter_version_download", args=[final.pk]) in html


def test_before_taking_the_case_the_page_offers_to_take_it_instead_of_the_pdf(
    volunteer_client, final
):
    html = volunteer_client.get(review_url(final)).content.decode()
    assert '<li id="para-1" value="1"' in html
    assert reverse("letters:letter_version_download", args=[final.pk]) not in html
    assert reverse("review:review_take", args=[final.draft.case_id]) in html


def test_the_page_shows_the_stored_version_not_the_current_draft(volunteer_client, final, letter):
    letters.letter_draft_update(
        draft=letter, language="zh-hans", fields={**letter.fields, "recipient": "草稿里的新收件人"}
    )
    html = volunteer_client.get(review_url(final)).content.decode()
    assert "草稿里的新收件人" not in html
    assert "浙江网商银行股份有限公司" in html


def test_the_page_marks_what_changed_since_the_previous_version(volunteer_client, final, letter):
    letters.letter_draft_update(
        draft=letter,
        language="zh-hans",
        fields={**letter.fields, "recipient": "某某消费金融有限公司"},
    )
    second = letters.letter_finalise(draft=letter)
    html = volunteer_client.get(review_url(second)).content.decode()
    assert 'class="para-changed"' in html
    assert "某某消费金融有限公司" in html
    assert "<del" in html and "浙江网商银行股份有限公司" in html


def test_a_draft_version_has_no_review_page(volunteer_client, letter, shared_case):
    saved = letters.letter_version_save(draft=letter)
    assert volunteer_client.get(review_url(saved)).status_code == 404


# Comments and change requests


def test_volunteer_requests_changes_on_a_paragraph(volunteer_client, volunteer, final):
    response = volunteer_client.post(
        comment_url(final), {"paragraph": "3", "text": "请写明具体日期", "requests_changes": "on"}
    )
    assert response.status_code == 302
    comment = LetterComment.objects.get()
    assert (comment.paragraph, comment.requests_changes, comment.author) == (3, True, volunteer)


def test_a_paragraph_the_letter_does_not_have_is_refused(volunteer_client, final):
    response = volunteer_client.post(comment_url(final), {"paragraph": "999", "text": "?"})
    assert response.status_code == 200
    assert response.context["form"].errors["paragraph"]
    assert not LetterComment.objects.exists()


def test_the_borrower_sees_the_request_with_the_paragraph_quoted(
    borrower_client, volunteer, organisation, final, letter
):
    letter_comment_create(
        version=final,
        organisation=organisation,
        author=volunteer,
        paragraph=2,
        text="请写明具体日期",
        requests_changes=True,
    )
    html = borrower_client.get(reverse("letters:letter_edit", args=[letter.pk])).content.decode()
    assert "请写明具体日期" in html
    assert letter_paragraphs(final.html)[1][:20] in html
    assert 'id="review-requests"' in html


def test_a_version_with_changes_requested_cannot_be_approved(
    lawyer, volunteer, organisation, final
):
    letter_comment_create(
        version=final,
        organisation=organisation,
        author=volunteer,
        paragraph=None,
        text="改一下",
        requests_changes=True,
    )
    with pytest.raises(ValidationError, match="Changes were requested|已要求修改"):
        letter_version_approve(version=final, approver=lawyer)


def test_a_plain_comment_does_not_block_approval(lawyer, volunteer, organisation, final):
    letter_comment_create(
        version=final,
        organisation=organisation,
        author=volunteer,
        paragraph=1,
        text="很好",
        requests_changes=False,
    )
    assert letter_version_approve(version=final, approver=lawyer).is_approved


def test_an_approved_version_takes_no_more_comments(lawyer, organisation, final):
    letter_version_approve(version=final, approver=lawyer)
    with pytest.raises(ValidationError, match="already been approved|已经审核通过"):
        letter_comment_create(
            version=final,
            organisation=organisation,
            author=lawyer,
            paragraph=None,
            text="x",
            requests_changes=True,
        )


# The approved PDF


def test_approval_keeps_its_own_pdf_with_the_review_line(lawyer, organisation, final):
    approved = letter_version_approve(version=final, approver=lawyer)
    data = approved.approved_pdf.read()
    assert hashlib.sha256(data).hexdigest() == approved.approved_sha256 != approved.sha256
    text = pdf_text(data)
    assert "经 西湖法律援助工作站 于" in text and "审阅" in text
    assert "西湖法律援助工作站" not in pdf_text(final.pdf.open("rb").read())


def test_the_borrower_downloads_the_approved_pdf_named_by_kind_language_and_version(
    borrower_client, lawyer, final
):
    letter_version_approve(version=final, approver=lawyer)
    response = borrower_client.get(reverse("letters:letter_version_download", args=[final.pk]))
    data = b"".join(response.streaming_content)
    assert "stop_harassment-zh-hans-v1-approved.pdf" in response["Content-Disposition"]
    assert "审阅" in pdf_text(data)


def test_deleting_the_case_removes_the_approved_pdf_too(
    lawyer, final, shared_case, django_capture_on_commit_callbacks
):
    from cases.services import case_delete

    approved = letter_version_approve(version=final, approver=lawyer)
    storage, names = approved.approved_pdf.storage, [approved.pdf.name, approved.approved_pdf.name]
    with django_capture_on_commit_callbacks(execute=True):
        case_delete(case=shared_case)
    assert not any(storage.exists(name) for name in names)
