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
