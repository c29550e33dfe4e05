import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from imports.parser import BackupError, iter_backup

from .conftest import CALLS_SAMPLE, SMS_SAMPLE, sms_xml

SHANGHAI = ZoneInfo("Asia/Shanghai")


def records(data: bytes, problems=None):
    return list(iter_backup(io.BytesIO(data), problems=problems))


def test_sms_sample_fields_are_read_exactly():
    first, mum, reply, mms = records(SMS_SAMPLE)
    assert first.kind == "sms"
    assert first.direction == "in"
    assert first.number == "10690000555"
    assert first.body == "【示例贷】您的账单已逾期2天，请及时还款。"
    assert first.contact_name == ""
    assert first.occurred_at.astimezone(SHANGHAI) == datetime(2025, 5, 30, 13, 0, tzinfo=SHANGHAI)
    assert (mum.contact_name, mum.direction) == ("妈妈", "in")
    assert (reply.direction, reply.body) == ("out", "回，七点到。")
    assert mms.index == 4


def test_mms_text_part_and_sender_address():
    mms = records(SMS_SAMPLE)[3]
    assert mms.kind == "mms"
    assert mms.direction == "in"
    assert mms.number == "17000000999"
    assert mms.body == "【示例贷】请于今日内联系客服处理逾期账单。"
    assert mms.occurred_at.astimezone(SHANGHAI) == datetime(2025, 5, 31, 13, 0, tzinfo=SHANGHAI)


def test_call_sample_types_and_durations():
    answered, rejected, outgoing = records(CALLS_SAMPLE)
    assert (answered.kind, answered.call_type, answered.duration_seconds) == ("call", 1, 95)
    assert answered.direction == "in"
    assert (rejected.call_type, rejected.direction, rejected.duration_seconds) == (5, "in", 0)
    assert (outgoing.call_type, outgoing.direction, outgoing.contact_name) == (2, "out", "妈妈")


@pytest.mark.parametrize(
    ("call_type", "direction"),
    [(1, "in"), (2, "out"), (3, "in"), (4, "in"), (5, "in"), (6, "in")],
)
def test_call_types_map_to_direction(call_type, direction):
    data = (
        f"<calls><call number='1' duration='0' date='1748581800000' type='{call_type}' /></calls>"
    ).encode()
    (record,) = records(data)
    assert (record.call_type, record.direction) == (call_type, direction)


def test_missing_attributes_give_empty_values():
    (record,) = records(sms_xml([{"date": "1748581200000"}]))
    assert (record.number, record.body, record.contact_name, record.direction) == (
        "",
        "",
        "",
        "out",
    )


def test_bad_date_is_left_out_and_reported():
    problems = []
    result = records(
        sms_xml([{"date": "yesterday", "type": 1}, {"date": "1748581200000", "type": 1}]),
        problems,
    )
    assert [r.index for r in result] == [2]
    assert [p.index for p in problems] == [1]


def test_truncated_xml_names_line_and_count():
    data = SMS_SAMPLE[: SMS_SAMPLE.index(b"<mms")]
    with pytest.raises(BackupError) as error:
        records(data)
    assert "3" in str(error.value)  # three messages came before
    assert "line" in str(error.value)


def test_non_utf8_file_is_refused_with_line():
    data = sms_xml([{"date": "1748581200000", "type": 1, "body": "x"}]).replace(
        b'body="x"', 'body="逾期"'.encode("gb18030")
    )
    with pytest.raises(BackupError, match="line 1"):
        records(data)


def test_billion_laughs_is_refused():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE smses [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<smses><sms address="1" date="1748581200000" type="1" body="&lol3;" /></smses>"""
    with pytest.raises(BackupError, match="document type"):
        records(bomb)


def test_external_entity_is_refused():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<smses><sms address="1" date="1748581200000" type="1" body="&x;" /></smses>"""
    with pytest.raises(BackupError):
        records(xxe)


def test_other_xml_is_not_a_backup():
    with pytest.raises(BackupError, match="smses"):
        records(b"<html><body/></html>")


def test_empty_file_is_refused():
    with pytest.raises(BackupError):
        records(b"")
