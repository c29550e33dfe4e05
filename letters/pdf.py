"""HTML to PDF with WeasyPrint, fetching nothing but the app's own static files.

WeasyPrint's default fetcher reads any file:// URL and any network address, so
a letter with hostile user text could embed /etc/passwd or call an internal
service. StaticOnlyFetcher refuses everything except files that really lie in
the app's static folders (symlinks and `..` resolved before the check), plus
inline JPEG and PNG images in data: URIs (the evidence report's thumbnails, made
by the app from the borrower's own files): those are decoded here, read nothing
and reach nowhere.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import re
import threading
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

#: The origin the print templates' relative and /static/ URLs resolve against.
#: `.invalid` never resolves; the fetcher maps it to the static folders itself.
BASE_URL = "https://selfhelp.invalid/"
STATIC_PREFIX = BASE_URL.rstrip("/") + settings.STATIC_URL
PRINT_CSS = Path(__file__).resolve().parent / "static" / "letters" / "print.css"


class FetchRefused(ValueError):
    """A URL the PDF renderer may not load."""


#: The only data: URIs served: base64 JPEG or PNG, each checked by its magic bytes.
_DATA_IMAGE = re.compile(r"data:(image/jpeg|image/png);base64,([A-Za-z0-9+/]*={0,2})")
_IMAGE_MAGIC = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n"}
#: A thumbnail is a few kilobytes; nothing bigger is decoded.
MAX_INLINE_IMAGE_BYTES = 256 * 1024


def decode_data_image(url: str) -> tuple[bytes, str]:
    """The bytes and type of an inline JPEG or PNG data: URI, or FetchRefused."""
    match = _DATA_IMAGE.fullmatch(url)
    if match is None or len(match[2]) > MAX_INLINE_IMAGE_BYTES * 4 // 3 + 4:
        raise FetchRefused(f"Refused to fetch {url[:80]!r}")
    content_type = match[1]
    try:
        body = base64.b64decode(match[2], validate=True)
    except (binascii.Error, ValueError):
        raise FetchRefused(f"Refused to fetch {url[:80]!r}") from None
    if not body.startswith(_IMAGE_MAGIC[content_type]):
        raise FetchRefused(f"Refused to fetch {url[:80]!r}")
    return body, content_type


def static_roots() -> tuple[Path, ...]:
    """The folders whose files a PDF may load: this app's static folder and the project's."""
    return (
        (Path(__file__).resolve().parent / "static").resolve(),
        *(Path(d).resolve() for d in settings.STATICFILES_DIRS),
    )


def resolve_static(url: str) -> Path:
    """The real path of an allowed static file for `url`, or FetchRefused."""
    if url.startswith(STATIC_PREFIX):
        parts = urlsplit(url)
        if parts.query or parts.fragment:
            url = url.split("?")[0].split("#")[0]
        relative = unquote(url[len(STATIC_PREFIX) :])
        candidates = [root / relative for root in static_roots()]
    elif url.lower().startswith("file:"):
        candidates = [Path(unquote(urlsplit(url).path))]
    else:
        raise FetchRefused(f"Refused to fetch {url[:80]!r}")
    for candidate in candidates:
        if ".." in candidate.parts:
            continue
        if candidate.is_symlink():
            continue
        real = candidate.resolve()
        if not real.is_file():
            continue
        if any(real.is_relative_to(root) for root in static_roots()):
            return real
    raise FetchRefused(f"Refused to fetch {url[:80]!r}")


class StaticOnlyFetcher(URLFetcher):
    """Serve only the app's static files and inline JPEG/PNG images; refuse file://, other
    data:, http(s) and all else."""

    def fetch(self, url, headers=None):
        if url[:5].lower() == "data:":
            body, content_type = decode_data_image(url)
            return URLFetcherResponse(
                url="data:", body=body, headers={"Content-Type": content_type}
            )
        path = resolve_static(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url=path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": content_type},
        )


_lock = threading.Lock()


@cache
def _font_config() -> FontConfiguration:
    # One FontConfiguration for the life of the process: building one costs more than a page.
    return FontConfiguration()


@cache
def _print_css() -> CSS:
    return CSS(
        string=PRINT_CSS.read_text(encoding="utf-8"),
        font_config=_font_config(),
        url_fetcher=StaticOnlyFetcher(),
        base_url=BASE_URL,
    )


def html_to_pdf(html: str) -> bytes:
    """Render a print template's HTML to PDF bytes (A4, fonts subset and embedded)."""
    with _lock:  # FontConfiguration is shared and not thread-safe
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
        return document.write_pdf(stylesheets=[_print_css()], font_config=_font_config())
