"""Hostile user text must fetch nothing, attach nothing, and print escaped."""

import http.server
import subprocess
import threading
from pathlib import Path

import pytest
from django.conf import settings

from letters.pdf import FetchRefused, StaticOnlyFetcher, resolve_static
from letters.services import letter_render_pdf
from tests.letters.builders import make_case, make_contacts, make_input


@pytest.fixture
def counting_server():
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { background: red }")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def _hostile_text(base: str) -> str:
    return (
        "<b>粗体</b><img src=file:///etc/passwd>"
        "<link rel=attachment href=file:///etc/passwd>"
        f'<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>'
        f'<div style="background:url({base}/inline.png)">x</div>'
        f"<img src={base}/img.png><img src='data:image/png;base64,iVBORw0KGgo='>"
    )


def test_hostile_text_fetches_nothing_and_shows_escaped(counting_server, tmp_path):
    base, hits = counting_server
    text = _hostile_text(base)
    contacts = tuple(c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "content": text})
                     for c in make_contacts(3))  # fmt: skip
    inp = make_input(case=make_case(contacts), fields={"extra_facts": text, "recipient": text})
    pdf = letter_render_pdf(kind="stop_harassment", inp=inp)
    assert hits == []
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    detach = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True)
    assert detach.stdout.strip().startswith("0 embedded files")
    assert b"root:x:0:0" not in pdf
    assert b"/EmbeddedFile" not in pdf
    txt = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "<b>粗体</b>" in txt.replace("\n", "")
    assert "file:///etc/passwd" in txt.replace("\n", "")


def test_evidence_report_with_hostile_text_fetches_nothing(counting_server):
    base, hits = counting_server
    contacts = tuple(c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "content": _hostile_text(base)})
                     for c in make_contacts(3))  # fmt: skip
    letter_render_pdf(kind="evidence_report", inp=make_input(case=make_case(contacts)))
    assert hits == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/css/app.css",
        "https://example.com/x.css",
        "data:text/css,body{}",
        "https://selfhelp.invalid/static/../../../etc/passwd",
        "https://selfhelp.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://selfhelp.invalid/etc/passwd",
        "ftp://example.com/x",
    ],
)
def test_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises(FetchRefused):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_refuses_symlinks_out_of_static(tmp_path):
    root = Path(settings.STATICFILES_DIRS[0])
    link = root / "letters-test-link.txt"
    link.symlink_to("/etc/passwd")
    try:
        with pytest.raises(FetchRefused):
            resolve_static("https://selfhelp.invalid/static/letters-test-link.txt")
        with pytest.raises(FetchRefused):
            resolve_static(link.as_uri())
    finally:
        link.unlink()


def test_fetcher_serves_app_static_files_with_a_content_type():
    response = StaticOnlyFetcher().fetch("https://selfhelp.invalid/static/letters/print.css")
    assert response.headers["Content-Type"] == "text/css"
    assert b"@page" in response.read()
    response = StaticOnlyFetcher().fetch("https://selfhelp.invalid/static/css/app.css")
    assert response.headers["Content-Type"] == "text/css"
