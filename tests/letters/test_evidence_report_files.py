"""The evidence report shows screenshots as thumbnails beside their hash, and recordings
with their length; the PDF renderer takes the thumbnails inline and fetches nothing."""

import base64
import io
import subprocess

import pytest
from django.urls import reverse
from PIL import Image

from cases import services as case_services
from cases.evidence_media import jpeg_data_uri
from cases.models import Evidence
from letters.kinds import EvidenceFile
from letters.kinds.base import duration_text
from letters.models import LetterDraft
from letters.pdf import FetchRefused, StaticOnlyFetcher
from letters.services import (
    letter_input_for_case,
    letter_render_html,
    letter_render_pdf,
    letter_snapshot,
)
from tests.cases import media_samples as samples
from tests.cases.conftest import upload
from tests.factories import ContactFactory
from tests.letters.builders import make_input


def _jpeg(width=30, height=60) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 220)).save(out, format="JPEG")
    return out.getvalue()


def _input_with_files(language="zh-hans"):
    inp = make_input(language=language)
    files = (
        EvidenceFile(name="催收短信.png", sha256="c" * 64, size=52_000, kind="image",
                     contact_ref="C2", thumbnail=jpeg_data_uri(_jpeg())),
        EvidenceFile(name="通话录音.m4a", sha256="d" * 64, size=9_000, kind="audio",
                     contact_ref="C3", duration_ms=83_400),
        EvidenceFile(name="坏录音.amr", sha256="e" * 64, size=10, kind="audio"),
    )  # fmt: skip
    return inp.__class__(**{**{f: getattr(inp, f) for f in inp.__slots__}, "evidence": files})


@pytest.mark.parametrize(
    ("ms", "language", "text"),
    [
        (83_400, "zh-hans", "1分23秒"),
        (83_400, "en", "1:23"),
        (3_723_000, "zh-hans", "1小时2分3秒"),
        (3_723_000, "en", "1:02:03"),
        (400, "zh-hans", "1秒"),
        (None, "zh-hans", ""),
    ],
)
def test_duration_text(ms, language, text):
    assert duration_text(ms, language) == text


def test_screenshot_is_shown_as_a_thumbnail_next_to_its_hash():
    html = letter_render_html(kind="evidence_report", inp=_input_with_files())
    row = next(r for r in html.split("<tr>") if "c" * 64 in r)
    assert '<img class="thumb" src="data:image/jpeg;base64,' in row
    assert "催收短信.png" in row


def test_recording_is_listed_with_its_length_and_contact():
    html = letter_render_html(kind="evidence_report", inp=_input_with_files())
    assert "时长 1分23秒" in html
    assert "时长未能读取" in html  # the recording whose header could not be read
    assert "录音 2 个（共 1分23秒）" in html  # on the cover


def test_english_report_gives_the_length_too():
    html = letter_render_html(kind="evidence_report", inp=_input_with_files("en"))
    assert "length 1:23" in html
    assert "2 × recording (1:23 in all)" in html


def test_each_contact_names_its_evidence_files():
    html = letter_render_html(kind="evidence_report", inp=_input_with_files())
    assert "证据文件 1" in html  # contact C2 carries file 1
    assert "联系记录第 2 条" in html


def test_pdf_embeds_the_thumbnail_and_fetches_nothing_else(tmp_path):
    pdf = letter_render_pdf(kind="evidence_report", inp=_input_with_files())
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    rows = [line for line in images.stdout.splitlines()[2:] if line.strip()]
    assert len(rows) == 1
    assert rows[0].split()[3:5] == ["30", "60"]  # the thumbnail's own pixels


def test_snapshot_keeps_the_hashes_but_not_the_thumbnails():
    data = letter_snapshot(_input_with_files())
    assert [e["sha256"][0] for e in data["evidence"]] == ["c", "d", "e"]
    assert all(e["thumbnail"] == "" for e in data["evidence"])
    assert data["evidence"][1]["duration_ms"] == 83_400


def test_fetcher_decodes_an_inline_jpeg():
    jpeg = _jpeg()
    response = StaticOnlyFetcher().fetch(jpeg_data_uri(jpeg))
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.read() == jpeg


@pytest.mark.parametrize(
    "url",
    [
        "data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode(),
        "data:image/png;base64," + base64.b64encode(b"<html>not a png").decode(),
        "data:image/jpeg," + "%FF%D8%FF",  # not base64
        "data:image/jpeg;base64,@@@@",
        "data:image/jpeg;base64," + base64.b64encode(b"\xff\xd8\xff" + b"\x00" * 300_000).decode(),
        "DATA:text/html;base64,PGI+",
    ],
    ids=["svg", "png-that-is-not", "not-base64", "bad-base64", "too-large", "html"],
)
def test_fetcher_refuses_any_other_inline_data(url):
    with pytest.raises(FetchRefused):
        StaticOnlyFetcher().fetch(url)


@pytest.mark.django_db
def test_report_of_a_stored_case_shows_uploaded_files(case, borrower):
    contact = ContactFactory(case=case)
    case_services.evidence_add(
        contact=contact, upload=upload("shot.png", samples.png(540, 1200)), uploaded_by=borrower
    )
    recording = case_services.evidence_add(
        contact=contact, upload=upload("call.amr", samples.amr(3000)), uploaded_by=borrower
    )
    Evidence.objects.filter(pk=recording.pk).update(duration_ms=None)  # uploaded long ago
    inp = letter_input_for_case(case=case, language="zh-hans", fields={}, thumbnails=True)
    html = letter_render_html(kind="evidence_report", inp=inp)
    assert html.count('<img class="thumb" src="data:image/jpeg;base64,') == 1
    assert "时长 1分0秒" in html
    recording.refresh_from_db()
    assert recording.duration_ms == 60_000  # measured now, and kept


@pytest.mark.django_db
def test_other_letters_read_no_thumbnails(case, borrower):
    case_services.evidence_add(
        contact=ContactFactory(case=case), upload=upload("shot.png", samples.png(54, 120)),
        uploaded_by=borrower,
    )  # fmt: skip
    inp = letter_input_for_case(case=case, language="zh-hans", fields={})
    assert [e.thumbnail for e in inp.evidence] == [""]


@pytest.mark.django_db
def test_edit_page_previews_the_thumbnails(borrower_client, case, borrower):
    case_services.evidence_add(
        contact=ContactFactory(case=case), upload=upload("shot.png", samples.png(54, 120)),
        uploaded_by=borrower,
    )  # fmt: skip
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report")
    response = borrower_client.get(reverse("letters:letter_edit", args=[draft.pk]))
    assert b'<img class="thumb" src="data:image/jpeg;base64,' in response.content


@pytest.mark.django_db
def test_finalised_and_approved_reports_keep_the_thumbnail(case, borrower, tmp_path):
    from letters.services import letter_finalise, letter_version_store_approved_pdf

    case_services.evidence_add(
        contact=ContactFactory(case=case), upload=upload("shot.png", samples.png(54, 120)),
        uploaded_by=borrower,
    )  # fmt: skip
    draft = LetterDraft.objects.create(case=case, owner=borrower, kind="evidence_report")
    version = letter_finalise(draft=draft)
    assert 'src="data:image/jpeg;base64,' in version.html  # the stored render a lawyer reviews
    version = letter_version_store_approved_pdf(
        version=version, line="经 某工作站 于 2026年1月1日 审阅"
    )
    for name, stored in (("final", version.pdf), ("approved", version.approved_pdf)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(stored.open("rb").read())
        images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
        assert len([r for r in images.stdout.splitlines()[2:] if r.strip()]) == 1, name
