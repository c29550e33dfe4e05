"""Browser journeys: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium.
Screenshots land in artifacts/screenshots/ for people to look at.
"""

import contextlib
import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SELFHELP_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    # Let requests the page still has in flight (an htmx refresh after the last click) finish
    # before the live server's database is flushed: a request that wrote after the flush
    # would point at rows that are gone, and the flush's own commit would fail.
    # htmx marks an element with .htmx-request while its request runs.
    with contextlib.suppress(Exception):
        page.wait_for_function("() => !document.querySelector('.htmx-request')", timeout=5_000)
        page.wait_for_timeout(200)
    context.close()


@pytest.fixture
def shoot():
    """Save a full-page screenshot as a test artifact: shoot(page, "case_detail-phone")."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def _shoot(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shoot


def login(page, email: str, password: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")


def sign_in(page, user) -> None:
    """Log `user` in without the login form: a server-side session cookie put in the browser."""
    from django.conf import settings
    from django.test import Client

    from accounts.services import twofa_mark_verified

    client = Client()
    client.force_login(user)
    session = client.session
    twofa_mark_verified(session=session)  # as if the second factor was given
    session.save()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": page.base_url}]
    )


@pytest.fixture
def console(page):
    """Every console message and page error, as text, collected while the test runs."""
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(f"{msg.type}: {msg.text}"))
    page.on("pageerror", lambda exc: messages.append(f"pageerror: {exc}"))
    return messages


def csp_errors(messages: list[str]) -> list[str]:
    words = ("Content Security Policy", "Refused to apply", "Refused to execute", "Refused to load")
    return [m for m in messages if any(w in m for w in words)]


def tiny_png() -> bytes:
    """A real 8x8 PNG, made here so the test needs no fixture file."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
