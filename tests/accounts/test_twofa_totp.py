"""RFC 6238 TOTP, our own implementation, against the RFC's published test vectors."""

import base64
from urllib.parse import parse_qs, urlsplit

import pytest

from accounts import totp

# RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ],
)
def test_rfc6238_sha1_vectors_with_8_digits(at, expected):
    assert totp.totp(RFC_SECRET, at, digits=8) == expected


def test_six_digits_are_the_last_six_of_the_rfc_vector():
    assert totp.totp(RFC_SECRET, 59) == "287082"
    assert totp.totp(RFC_SECRET, 1111111109) == "081804"


def test_rfc4226_hotp_vectors():
    key = b"12345678901234567890"
    expected = ["755224", "287082", "359152", "969429", "338314"]
    assert [totp.hotp(key, counter) for counter in range(5)] == expected


def test_code_of_the_current_step_matches():
    assert totp.matching_step(RFC_SECRET, "287082", 59) == 1


@pytest.mark.parametrize("offset", [-30, 30])
def test_one_step_either_side_is_accepted(offset):
    code = totp.totp(RFC_SECRET, 1111111109 + offset)
    assert totp.matching_step(RFC_SECRET, code, 1111111109) == totp.time_step(1111111109 + offset)


@pytest.mark.parametrize("offset", [-60, 60, 600])
def test_two_steps_away_is_refused(offset):
    code = totp.totp(RFC_SECRET, 1111111109 + offset)
    assert totp.matching_step(RFC_SECRET, code, 1111111109) is None


def test_a_step_already_used_cannot_match_again():
    code = totp.totp(RFC_SECRET, 1111111109)
    step = totp.matching_step(RFC_SECRET, code, 1111111109)
    assert step is not None
    assert totp.matching_step(RFC_SECRET, code, 1111111109, after_step=step) is None


def test_an_older_code_is_refused_after_a_newer_one_was_used():
    old = totp.totp(RFC_SECRET, 1111111109 - 30)
    newer_step = totp.time_step(1111111109)
    assert totp.matching_step(RFC_SECRET, old, 1111111109, after_step=newer_step) is None


@pytest.mark.parametrize("code", ["", "28708", "2870820", "abcdef", "287 08x"])
def test_malformed_codes_never_match(code):
    assert totp.matching_step(RFC_SECRET, code, 59) is None


def test_spaces_inside_a_code_are_ignored():
    assert totp.matching_step(RFC_SECRET, "287 082", 59) == 1


def test_random_secret_is_160_bits_of_base32_and_differs_each_time():
    first, second = totp.random_secret(), totp.random_secret()
    assert len(first) == 32
    assert len(totp.secret_bytes(first)) == 20
    assert first != second


def test_secret_in_groups_of_four_decodes_to_the_same_key():
    secret = totp.random_secret()
    grouped = totp.grouped(secret)
    assert grouped.split(" ") == [secret[i : i + 4] for i in range(0, 32, 4)]
    assert totp.secret_bytes(grouped.lower()) == totp.secret_bytes(secret)


def test_provisioning_uri_names_issuer_account_and_parameters():
    uri = totp.provisioning_uri(RFC_SECRET, account="wang@example.com", issuer="Debt Self-Help")
    parts = urlsplit(uri)
    assert parts.scheme == "otpauth"
    assert parts.netloc == "totp"
    assert parts.path == "/Debt%20Self-Help:wang@example.com"
    query = parse_qs(parts.query)
    assert query == {
        "secret": [RFC_SECRET],
        "issuer": ["Debt Self-Help"],
        "algorithm": ["SHA1"],
        "digits": ["6"],
        "period": ["30"],
    }
