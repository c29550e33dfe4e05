"""Join the records of several screenshots: a thread's overlapping bubbles count once.

Pure, like layout.py. Screenshots of one long thread are taken while scrolling,
so consecutive ones repeat a few bubbles, and the first or last bubble on a
screen may be cut by its edge. Bubbles above the first time label on a screen
take their time from the screenshot before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .layout import CALL, NOTE_TIME_ESTIMATED, TIME_NOTES, ScreenRead, ScreenRecord


def _key(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text.lower())


def _same(a: ScreenRecord, b: ScreenRecord, *, a_may_be_cut: bool, b_may_be_cut: bool) -> bool:
    """The same bubble, allowing for one seen cut off at a screen's edge."""
    if a.direction != b.direction:
        return False
    ka, kb = _key(a.text), _key(b.text)
    if ka == kb:
        return bool(ka) or a.occurred_at == b.occurred_at
    # The later screenshot's first bubble may miss its top lines; the earlier one's last its end.
    # A cut bubble keeps at least one whole line, so two characters are enough to match.
    if min(len(ka), len(kb)) < 2:
        return False
    return (b_may_be_cut and ka.endswith(kb)) or (a_may_be_cut and kb.startswith(ka))


def _overlap(a: list[ScreenRecord], b: list[ScreenRecord]) -> int:
    """How many of b's first records repeat a's last ones (0 if none)."""
    for k in range(min(len(a), len(b)), 0, -1):
        tail, head = a[-k:], b[:k]
        if all(
            _same(x, y, a_may_be_cut=(i == k - 1), b_may_be_cut=(i == 0))
            for i, (x, y) in enumerate(zip(tail, head, strict=True))
        ):
            return k
    return 0


def _better(x: ScreenRecord, y: ScreenRecord) -> ScreenRecord:
    """Of two sightings of one bubble, the fuller text and a known time."""
    best = x if len(_key(x.text)) >= len(_key(y.text)) and not (x.clipped and not y.clipped) else y
    if best.occurred_at is None:
        other = y if best is x else x
        estimate = best.estimate or other.estimate
        best = replace(best, occurred_at=other.occurred_at, note=other.note, estimate=estimate)
    return best


def _fill_times(records: list[ScreenRecord], taken_on: date, tz: ZoneInfo) -> list[ScreenRecord]:
    """A bubble above the first time label on screen takes the time of the one before it."""
    out: list[ScreenRecord] = []
    last: datetime | None = None
    for record in records:
        if record.occurred_at is None:
            guess = record.estimate or last
            # The guess from a day shown without a time keeps its note ("only the day").
            note = record.note if record.estimate and record.note else NOTE_TIME_ESTIMATED
            record = replace(record, occurred_at=guess, note=note) if guess else record
        else:
            last = record.occurred_at
        out.append(record)
    # Bubbles before any label: the first known time after them, else noon on the day taken.
    following = next((r.occurred_at for r in out if r.occurred_at), None)
    fallback = following or datetime.combine(taken_on, time(12, 0), tzinfo=tz)
    return [
        replace(r, occurred_at=fallback, note=NOTE_TIME_ESTIMATED) if r.occurred_at is None else r
        for r in out
    ]


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _same_sender(thread_sender: str, sender: str) -> bool:
    """The same thread's header: equal, missing on a scrolled screenshot, or one letter misread."""
    if sender == thread_sender or not sender:
        return True
    # Short service numbers (95188, 95588) differ by one digit and are different senders.
    return min(len(sender), len(thread_sender)) >= 8 and _one_edit_apart(thread_sender, sender)


def _add_calls(
    calls: list[ScreenRecord],
    seen: Counter[tuple],
    records: list[ScreenRecord],
    day: date,
    tz: ZoneInfo,
) -> int:
    """Add one call-log screenshot's rows to `calls`; returns how many were seen before.

    A row shown only with its day (or with no label) is placed on that day (or the day the
    screenshot was taken) at noon, marked as a guess. Rows on one screenshot are each a
    call, however alike: "昨天, missed, from 95188" can be there twice. A row repeats one of
    an earlier screenshot only as many times as that one showed it.
    """
    before = Counter(seen)
    here: Counter[tuple] = Counter()
    duplicates = 0
    for record in records:
        if record.occurred_at is None:
            guess = record.estimate or datetime.combine(day, time(12, 0), tzinfo=tz)
            note = record.note if record.note in TIME_NOTES else NOTE_TIME_ESTIMATED
            record = replace(record, occurred_at=guess, note=note)
        key = (record.sender, record.occurred_at, record.call_type, record.duration_seconds)
        here[key] += 1
        if here[key] <= before[key]:
            duplicates += 1
            continue
        seen[key] += 1
        calls.append(record)
    return duplicates


@dataclass(slots=True)
class Merged:
    records: list[ScreenRecord]
    duplicates: int


def merge_screens(reads: list[ScreenRead], *, taken_on: list[date] | date, tz: ZoneInfo) -> Merged:
    """Join screenshots in upload order: a thread's overlapping bubbles count once.

    Consecutive chat screenshots with the same sender are one thread; a call
    log row seen on two screenshots (same number, time and kind) counts once.
    """
    days = taken_on if isinstance(taken_on, list) else [taken_on] * len(reads)
    threads: list[tuple[str, str, list[ScreenRecord], date]] = []
    duplicates = 0
    calls: list[ScreenRecord] = []
    seen_calls: Counter[tuple] = Counter()
    for read, day in zip(reads, days, strict=True):
        if read.layout == CALL:
            duplicates += _add_calls(calls, seen_calls, read.records, day, tz)
            continue
        if not read.records:
            continue
        if threads and threads[-1][0] == read.layout and _same_sender(threads[-1][1], read.sender):
            thread = threads[-1][2]
            # The thread's name as first read (a later header may be misread by a letter);
            # a group chat's nicknames stay as they are.
            records = [
                replace(r, sender=threads[-1][1]) if r.sender == read.sender else r
                for r in read.records
            ]
            k = _overlap(thread, records)
            for i in range(k):
                thread[len(thread) - k + i] = _better(thread[len(thread) - k + i], records[i])
            duplicates += k
            thread.extend(records[k:])
        else:
            threads.append((read.layout, read.sender, list(read.records), day))
    records: list[ScreenRecord] = []
    for _layout, _sender, thread, day in threads:
        records.extend(_fill_times(thread, day, tz))
    records.extend(calls)
    return Merged(records=records, duplicates=duplicates)
