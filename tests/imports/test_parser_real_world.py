"""Shapes that real SMS Backup & Restore exports take, made here by hand."""

import io
import time
import tracemalloc
from datetime import UTC, datetime

import pytest

from imports.parser import BackupInfo, BackupTruncated, iter_backup

MAY_30 = datetime(2025, 5, 30, 5, 0, tzinfo=UTC)


def read(data: bytes, **kwargs):
    info = BackupInfo()
    problems = []
    records = list(iter_backup(io.BytesIO(data), problems=problems, info=info, **kwargs))
    return records, info, problems


class Trickle(io.BytesIO):
    """Hands the parser a few bytes at a time, so references fall across chunk ends."""

    def __init__(self, data: bytes, step: int):
        super().__init__(data)
        self.step = step

    def read(self, size=-1):
        return super().read(self.step)


def test_surrogate_pair_references_become_one_emoji():
    data = (
        b"<smses><sms address='1' date='1748581200000' type='1' "
        b"body='ok &#55357;&#56832; &#xD83D;&#xDE0A;' /></smses>"
    )
    (record,), _info, _problems = read(data)
    assert record.body == "ok \U0001f600 \U0001f60a"


def test_lone_surrogate_becomes_replacement_mark():
    data = b"<smses><sms address='1' date='1748581200000' type='1' body='a&#55357;b' /></smses>"
    (record,), _info, _problems = read(data)
    assert record.body == "a\ufffdb"


@pytest.mark.parametrize("step", [1, 3, 7, 8, 15, 16, 17])
def test_surrogate_pairs_split_across_reads_are_joined(step):
    body = "x&#55357;&#56832;中&amp;&#xD83D;&#xDE00;&#128512;" * 20
    data = f"<smses><sms address='1' date='1748581200000' type='1' body='{body}' /></smses>"
    (record,) = list(iter_backup(Trickle(data.encode(), step)))
    assert record.body == "x\U0001f600中&\U0001f600\U0001f600" * 20


def test_emoji_filter_keeps_memory_flat_on_a_large_file():
    row = (
        "<sms address='10690000555' date='1748581200000' type='1' "
        "body='逾期 &#55357;&#56832;&#55357;&#56832; 请还款' />\n"
    ).encode()
    count = 40_000  # about 4 MB
    data = b"<smses>" + row * count + b"</smses>"
    tracemalloc.start()
    try:
        total = sum(1 for _ in iter_backup(io.BytesIO(data)))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == count
    assert peak < 1_000_000  # far below the file's size


def test_truncated_file_is_refused_with_its_count_of_complete_records():
    rows = b"".join(
        b"<sms address='1' date='%d' type='1' body='m%d' />" % (1748581200000 + i, i)
        for i in range(49)
    )
    data = b"<smses count='60'>" + rows + b"<sms address='1' date='17485"
    with pytest.raises(BackupTruncated) as error:
        read(data)
    assert error.value.complete == 49
    assert "49 complete" in str(error.value)


def test_truncated_file_gives_its_complete_records_when_partial():
    data = (
        b"<smses count='3'><sms address='1' date='1748581200000' type='1' body='a' />"
        b"<sms address='1' date='1748581260000' type='1' body='b' /><sms addr"
    )
    records, info, _problems = read(data, partial=True)
    assert [r.body for r in records] == ["a", "b"]
    assert info.truncated is True
    assert info.records == 2


def test_truncated_inside_an_mms_keeps_only_finished_records():
    data = (
        b"<smses><sms address='1' date='1748581200000' type='1' body='a' />"
        b"<mms date='1748581200000' msg_box='1' address='2'><parts><part ct='text/plain' text='x"
    )
    records, info, _problems = read(data, partial=True)
    assert [r.kind for r in records] == ["sms"]
    assert info.truncated


def test_damage_in_the_middle_is_not_mistaken_for_truncation():
    data = b"<smses><sms address='1' date='1748581200000' type='1' body='a' /><<sms/></smses>"
    with pytest.raises(Exception) as error:
        read(data, partial=True)
    assert not isinstance(error.value, BackupTruncated)
    assert "damaged" in str(error.value)


def test_dates_in_seconds_and_milliseconds_give_the_same_moment():
    data = (
        b"<smses><sms address='1' date='1748581200' type='1' body='s' />"
        b"<sms address='1' date='1748581200000' type='1' body='ms' /></smses>"
    )
    records, _info, _problems = read(data)
    assert [r.occurred_at for r in records] == [MAY_30, MAY_30]


def test_date_sent_is_used_when_date_is_missing():
    data = b"<smses><sms address='1' date='null' date_sent='1748581200000' type='1' /></smses>"
    (record,), _info, _problems = read(data)
    assert record.occurred_at == MAY_30


def test_count_that_does_not_match_is_ignored():
    data = (
        b"<smses count='7'><sms address='1' date='1748581200000' type='1' body='a' />"
        b"<sms address='1' date='1748581200000' type='1' body='b' /></smses>"
    )
    records, info, _problems = read(data)
    assert len(records) == 2
    assert (info.declared_count, info.records) == (7, 2)


def test_single_and_double_quoted_attributes_read_alike():
    data = (
        b"<smses><sms address='10086' date='1748581200000' type='1' body='it&apos;s \"due\"' />"
        b'<sms address="10086" date="1748581200000" type="1" body="it\'s &quot;due&quot;" />'
        b"</smses>"
    )
    records, _info, _problems = read(data)
    assert [r.body for r in records] == ['it\'s "due"', 'it\'s "due"']


def test_null_literals_mean_nothing():
    data = (
        b"<smses><sms address='null' date='1748581200000' type='1' body='null' "
        b"contact_name='null' /></smses>"
    )
    (record,), _info, _problems = read(data)
    assert (record.number, record.body, record.contact_name) == ("", "", "")


def test_record_with_no_address_is_read():
    data = "<smses><sms date='1748581200000' type='1' body='逾期' /></smses>".encode()
    (record,), _info, _problems = read(data)
    assert (record.number, record.body, record.direction) == ("", "逾期", "in")


def test_group_mms_takes_the_sender_from_the_joined_address():
    data = (
        "<smses><mms date='1748581200000' msg_box='1' address='10690000555~13800000000'>"
        "<parts><part ct='application/smil' text='&lt;smil/&gt;' />"
        "<part ct='image/jpeg' text='null' /><part ct='text/plain' /> "
        "<part ct='text/plain' text='请还款' /></parts></mms>"
        "<mms date='1748581200000' msg_box='2' address='13800000001~13800000002'>"
        "<parts><part ct='image/jpeg' /></parts></mms></smses>"
    ).encode()
    incoming, outgoing = read(data)[0]
    assert (incoming.direction, incoming.number, incoming.body) == ("in", "10690000555", "请还款")
    assert (outgoing.direction, outgoing.number, outgoing.body) == (
        "out",
        "13800000001, 13800000002",
        "",
    )


def test_billion_laughs_is_refused_within_a_second():
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY l0 "lol">{levels}]>'
        "<smses><sms address='1' date='1748581200000' type='1' body='&l9;' /></smses>"
    ).encode()
    started = time.monotonic()
    with pytest.raises(Exception, match="document type"):
        read(bomb, partial=True)
    assert time.monotonic() - started < 1
