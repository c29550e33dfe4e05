import pytest

from tests.checker.conftest import answers

LIMITS = {"messages": (2, 600), "loan": (2, 600)}


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.CHECKER_RATE_LIMITS = LIMITS


def test_the_third_check_in_the_window_gets_a_429_with_a_clear_message(client):
    for _ in range(2):
        assert client.post("/check/?lang=en", answers()).status_code == 200
    response = client.post("/check/?lang=en", answers())
    assert response.status_code == 429
    assert "Too many checks from your connection" in response.content.decode()
    assert "Threat" not in response.content.decode()
    assert response.cookies == {} and response.headers["Cache-Control"] == "no-store"


def test_the_rate_limit_message_is_translated(client):
    for _ in range(2):
        client.post("/check/", answers())
    assert "检查次数太多" in client.post("/check/", answers()).content.decode()


def test_the_limit_counts_per_address(client):
    for _ in range(2):
        client.post("/check/", answers(), REMOTE_ADDR="10.0.0.1")
    assert client.post("/check/", answers(), REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.post("/check/", answers(), REMOTE_ADDR="10.0.0.1").status_code == 429


def test_reading_the_form_is_not_counted(client):
    for _ in range(5):
        assert client.get("/check/").status_code == 200


def test_htmx_gets_the_message_as_the_result_fragment(client):
    for _ in range(2):
        client.post("/check/", answers())
    response = client.post(
        "/check/?lang=en", answers(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="check-result"
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert html.lstrip().startswith('<section id="check-result"') and "Too many checks" in html


def test_the_loan_checker_is_limited_too(client):
    offer = {"amount": "1000", "term": "1", "installment": "1100"}
    for _ in range(2):
        client.get("/check/loan/", offer)
    assert client.get("/check/loan/", offer).status_code == 429
