"""Phones: no sideways scroll at 360 px, tap targets big enough, the quick-add fits one screen.

Screenshots of every main page at phone and desktop size land in artifacts/screenshots/.
"""

import json

import pytest

from tests.e2e.conftest import ARTIFACTS, DESKTOP, PHONE
from tests.e2e.pages import LANGUAGES, Contexts, build_world

# Every visible control in <main>, with its size, unless it is a link inside running text
# (WCAG 2.5.8's inline exception) or an input whose whole label is the tap target.
TARGETS_JS = """
() => {
  const out = [];
  const controls = document.querySelectorAll(
    "main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary"
  );
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // checkVisibility() is false inside a closed <details> too.
    if (!el.checkVisibility({visibilityProperty: true}) || !el.getClientRects().length) continue;
    let target = el, why = "";
    if ((el.type === "checkbox" || el.type === "radio") && el.closest("label")) {
      target = el.closest("label");
      why = "label";
    } else if ((el.type === "checkbox" || el.type === "radio") && el.labels && el.labels.length) {
      const label = el.labels[0].getBoundingClientRect();
      out.push({tag: "input+label", text: el.labels[0].innerText.slice(0, 30),
                width: Math.max(box.width, label.width), height: Math.max(box.height, label.height),
                primary: false, inline: false});
      continue;
    }
    const rect = target.getBoundingClientRect();
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    const inline = el.tagName === "A" && style.display === "inline" && block &&
      block.innerText.trim().length > el.innerText.trim().length + 2;
    out.push({
      tag: target.tagName.toLowerCase() + (why ? "(" + why + ")" : ""),
      text: (target.innerText || target.name || target.id || "").trim().slice(0, 30),
      id: target.id || "", cls: target.className || "",
      width: Math.round(rect.width), height: Math.round(rect.height),
      primary: el.matches("button.primary, .button.primary"), inline,
    });
  }
  return out;
}
"""


@pytest.fixture
def world(live_server):
    return build_world()


def test_no_page_scrolls_sideways_and_tap_targets_are_big_enough(browser, live_server, world):
    contexts = Contexts(browser, live_server.url, world, viewport=PHONE)
    wide, small, summary = [], [], []
    try:
        for language in LANGUAGES:
            for name, path, who in world.paths:
                page = contexts.page(who, language)
                page.goto(live_server.url + path)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > PHONE["width"]:
                    wide.append(f"{name} [{language}]: {width}px")
                targets = page.evaluate(TARGETS_JS)
                for t in targets:
                    if t["inline"]:
                        continue
                    minimum = 44 if t["primary"] else 24
                    if t["height"] < minimum or t["width"] < 24:
                        small.append(f"{name} [{language}] {t}")
                under_44 = [t for t in targets if not t["inline"] and t["height"] < 44]
                summary.append(
                    {
                        "page": name,
                        "language": language,
                        "scroll_width": width,
                        "targets": len(targets),
                        "inline_links": sum(t["inline"] for t in targets),
                        "between_24_and_44": [
                            f"{t['tag']} {t['text']} {t['height']}px" for t in under_44
                        ],
                    }
                )
    finally:
        contexts.close()
        ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS.parent / "tap-targets.json").write_text(
            json.dumps(summary, ensure_ascii=False, indent=2)
        )
    assert wide == []
    assert small == []


ESSENTIALS = {
    "channel": "#quick-add fieldset",
    "when": "#quick_occurred_at",
    "who": "#quick_target",
    "caller": "#quick_caller",
    "their number": "#quick_caller_phone",
    "what they said": "#quick_content",
    "save": "#quick-add button[type=submit]",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_quick_add_essentials_fit_one_phone_screen_after_the_jump(
    browser, live_server, world, language, shoot
):
    contexts = Contexts(browser, live_server.url, world, viewport=PHONE)
    try:
        page = contexts.page("owner", language)
        page.goto(live_server.url + "/cases/")
        page.locator("main a[href$='#quick-add']").first.click()
        page.wait_for_url("**/cases/*/#quick-add")
        bottoms = {
            name: page.locator(selector).first.evaluate("(el) => el.getBoundingClientRect().bottom")
            for name, selector in ESSENTIALS.items()
        }
        form = page.locator("#quick-add").evaluate(
            "(el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }"
        )
        header = page.locator(".site-header").evaluate("(el) => el.offsetHeight")
        report = {
            "language": language,
            "header_height": header,
            "form": form,
            "bottoms": bottoms,
            "below_fold": max(0, form["bottom"] - PHONE["height"]),
        }
        print(json.dumps(report))
        shoot(page, f"quick-add-jump-{language}-phone")
        (ARTIFACTS.parent / f"quick-add-fold-{language}.json").write_text(
            json.dumps(report, indent=2)
        )
    finally:
        contexts.close()
    hidden = {name: bottom for name, bottom in bottoms.items() if bottom > PHONE["height"]}
    assert hidden == {}


def test_screenshots_of_main_pages_at_phone_and_desktop_size(browser, live_server, world):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = []
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        contexts = Contexts(browser, live_server.url, world, viewport=viewport)
        try:
            for name, path, who in world.paths:
                page = contexts.page(who, "zh-hans")
                page.goto(live_server.url + path)
                target = ARTIFACTS / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            page = contexts.page("owner", "en")
            page.goto(live_server.url + next(p for n, p, _ in world.paths if n == "case_detail"))
            page.screenshot(path=str(ARTIFACTS / f"case_detail-en-{size}.png"), full_page=True)
        finally:
            contexts.close()
    assert all(path.stat().st_size > 1000 for path in written)


def test_phone_menu_opens_by_tap_and_by_keyboard_and_desktop_shows_the_links(
    browser, live_server, world
):
    contexts = Contexts(browser, live_server.url, world, viewport=PHONE)
    try:
        page = contexts.page("owner", "zh-hans")
        page.goto(live_server.url + "/")
        cases_link = page.locator(".site-nav a[href='/cases/']")
        assert not cases_link.is_visible()
        assert page.locator("#quick-exit").is_visible()
        assert page.locator(".language-switch button").is_visible()
        page.click(".site-menu summary")
        cases_link.click()
        page.wait_for_url("**/cases/")
        page.focus(".site-menu summary")
        page.keyboard.press("Enter")
        assert cases_link.is_visible()
    finally:
        contexts.close()
    desktop = Contexts(browser, live_server.url, world, viewport=DESKTOP)
    try:
        page = desktop.page("owner", "zh-hans")
        page.goto(live_server.url + "/")
        assert page.locator(".site-nav a[href='/cases/']").is_visible()
        assert not page.locator(".site-menu summary").is_visible()
    finally:
        desktop.close()


def test_import_pages_fit_a_phone_in_both_languages(browser, live_server, world):
    """The phone import (issue 5): no sideways scroll, big enough targets, screenshots."""
    from tests.e2e.test_import_journey import IMPORT_STATES

    case_path = next(path for name, path, _ in world.paths if name == "case_detail")
    contexts = Contexts(browser, live_server.url, world, viewport=PHONE)
    wide, small, shot = [], [], []
    try:
        for language in LANGUAGES:
            page = contexts.page("owner", language)
            for name, reach in IMPORT_STATES:
                page.goto(live_server.url + case_path)
                reach(page)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > PHONE["width"]:
                    wide.append(f"{name} [{language}]: {width}px")
                for t in page.evaluate(TARGETS_JS):
                    minimum = 44 if t["primary"] else 24
                    if not t["inline"] and (t["height"] < minimum or t["width"] < 24):
                        small.append(f"{name} [{language}] {t}")
                target = ARTIFACTS / f"{name}-{language}-phone.png"
                page.screenshot(path=str(target), full_page=True)
                shot.append(target)
    finally:
        contexts.close()
    assert wide == []
    assert small == []
    assert len(shot) == 2 * len(IMPORT_STATES)
