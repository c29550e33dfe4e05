"""The public checker reads at most as much text as one contact may hold."""

from rules.domain import CONTENT_MAX_LENGTH
from tests.checker.conftest import answers

URL = "/check/"


def test_over_long_paste_is_refused_with_the_limit(client):
    response = client.post(URL + "?lang=en", answers(messages="还" * (CONTENT_MAX_LENGTH + 1)))
    assert response.status_code == 200
    assert "at most 20000 characters" in response.content.decode()


def test_paste_at_the_limit_is_checked(client):
    response = client.post(URL + "?lang=en", answers(messages="还" * CONTENT_MAX_LENGTH))
    assert response.status_code == 200
    assert "at most 20000 characters" not in response.content.decode()
