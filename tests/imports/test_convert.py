from datetime import UTC, datetime

from imports.convert import record_looks_like_collection, record_to_contact
from imports.parser import PhoneRecord

WHEN = datetime(2025, 5, 30, 5, 0, tzinfo=UTC)


def record(**kwargs) -> PhoneRecord:
    base = {
        "index": 1,
        "kind": "sms",
        "direction": "in",
        "number": "10690000555",
        "occurred_at": WHEN,
    }
    return PhoneRecord(**{**base, **kwargs})


def test_incoming_sms_becomes_sms_contact_to_borrower():
    contact = record_to_contact(record(body="请还款"), ref="C7")
    assert (contact.ref, contact.channel, contact.target) == ("C7", "sms", "borrower")
    assert contact.caller.phone == "10690000555"
    assert contact.content == "请还款"
    assert contact.occurred_at == WHEN


def test_answered_call_is_connected_with_duration():
    contact = record_to_contact(record(kind="call", call_type=1, duration_seconds=95), ref="C1")
    assert (contact.channel, contact.connected, contact.duration_seconds) == ("call", True, 95)


def test_rejected_and_zero_length_calls_are_not_connected():
    rejected = record_to_contact(record(kind="call", call_type=5, duration_seconds=0), ref="C1")
    silent = record_to_contact(record(kind="call", call_type=1, duration_seconds=0), ref="C2")
    assert rejected.connected is False
    assert silent.connected is False


def test_outgoing_is_not_a_contact():
    assert record_to_contact(record(direction="out", body="好的"), ref="C1") is None


def test_collection_words_from_unknown_number_look_likely():
    assert record_looks_like_collection(record(body="您的账单已逾期"))


def test_saved_contact_is_not_likely_even_with_collection_words():
    assert not record_looks_like_collection(record(body="你的账单逾期了吗", contact_name="妈妈"))


def test_ordinary_text_from_unknown_number_is_not_likely():
    assert not record_looks_like_collection(record(body="晚上回家吃饭吗？"))
