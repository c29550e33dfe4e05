"""The job page: when the work is done, it says so and links to what it made and back."""

import pytest
from django.urls import reverse

from jobs.services import job_create, job_finish, job_progress

pytestmark = pytest.mark.django_db


def test_finished_job_links_to_the_result_and_back(borrower_client, borrower, case):
    job = job_create(owner=borrower, kind="letter_finalise", case=case, total=3)
    job_progress(job_id=job.pk, done=1, total=3, message="正在生成 PDF")
    job_finish(
        job_id=job.pk,
        result={"url": "/result.pdf", "label": "下载", "back_url": "/letters/draft/1/",
                "back_label": "返回信函"},
    )  # fmt: skip
    html = borrower_client.get(reverse("jobs:job_detail", args=[job.pk])).content.decode()
    assert 'href="/result.pdf"' in html
    assert 'href="/letters/draft/1/"' in html
    assert "正在生成 PDF" not in html


def test_finished_job_without_a_way_back_links_to_its_case(borrower_client, borrower, case):
    job = job_create(owner=borrower, kind="smoke", case=case, total=1)
    job_finish(job_id=job.pk, result={})
    html = borrower_client.get(reverse("jobs:job_detail", args=[job.pk])).content.decode()
    assert f'href="{reverse("cases:case_detail", args=[case.pk])}"' in html


def test_someone_elses_job_is_404(other_client, borrower, case):
    job = job_create(owner=borrower, kind="smoke", case=case, total=1)
    assert other_client.get(reverse("jobs:job_detail", args=[job.pk])).status_code == 404
