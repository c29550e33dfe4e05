def test_quick_exit_leaves_the_app_at_once(page, live_server):
    page.route("https://www.baidu.com/**", lambda route: route.fulfill(body="<h1>weather</h1>"))
    page.goto(live_server.url + "/")
    page.click("#quick-exit")
    page.wait_for_url("https://www.baidu.com/**")
    assert "baidu.com" in page.url
    # The app's page was replaced in history, so "back" does not return to it.
    page.go_back()
    assert live_server.url not in page.url


def test_home_page_has_no_sideways_scroll_on_a_phone(page, live_server, shoot):
    page.goto(live_server.url + "/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    shoot(page, "home-phone")


def test_quick_exit_signs_out_so_the_case_is_not_one_tap_away(page, live_server, console):
    import re

    from tests.e2e.conftest import csp_errors, sign_in
    from tests.factories import CaseFactory, UserFactory

    page.route("https://www.baidu.com/**", lambda route: route.fulfill(body="<h1>weather</h1>"))
    user = UserFactory()
    case = CaseFactory(owner=user, title="不想被人看到的案件")
    sign_in(page, user)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.click("#quick-exit")
    page.wait_for_url("https://www.baidu.com/**")
    for _attempt in range(20):  # the beacon may still be on its way
        page.goto(f"{live_server.url}/cases/{case.pk}/")
        if "/accounts/login/" in page.url:
            break
        page.wait_for_timeout(100)
    assert re.search(r"/accounts/login/", page.url)
    assert "不想被人看到的案件" not in page.content()
    assert csp_errors(console) == []
