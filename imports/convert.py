"""Turn phone records into the case's domain objects, and guess which are collection.

Pure, like the parser: the same `rules.domain.Contact` objects come out of here
as out of the bundle module, so the engine cannot tell where a contact came from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rules import domain
from rules.engine import detect

from .parser import CALL_INCOMING, IN, PhoneRecord

#: Words that show up in collection messages and almost nowhere else.
COLLECTION_WORDS = (
    "逾期",
    "还款",
    "欠款",
    "拖欠",
    "催收",
    "催款",
    "账单",
    "法务",
    "律师函",
    "立案",
    "起诉",
    "诉讼",
    "征信",
    "失信",
    "结清",
)
_COLLECTION_RE = re.compile("|".join(map(re.escape, COLLECTION_WORDS)))

#: An unknown number that calls or writes this often is probably not a friend.
REPEAT_THRESHOLD = 5


def is_addable(record: PhoneRecord) -> bool:
    """Only what someone sent to or tried to call the borrower can be a collection contact."""
    return record.direction == IN


@lru_cache(maxsize=8192)
def text_looks_like_collection(text: str) -> bool:
    """Collection words, or anything the rules detector recognises.

    Cached: collectors send the same templates again and again.
    """
    if not text:
        return False
    return bool(_COLLECTION_RE.search(text)) or bool(detect(text))


def record_looks_like_collection(record: PhoneRecord) -> bool:
    """A message or call to the borrower, from a number not saved on the phone, whose text shows collection.

    Repeated calls from the same number are judged over the whole file by the
    importer (see REPEAT_THRESHOLD), since one record cannot know it.
    """
    return (
        is_addable(record) and not record.contact_name and text_looks_like_collection(record.body)
    )


def record_to_contact(record: PhoneRecord, *, ref: str) -> domain.Contact | None:
    """The domain contact a record stands for, or None for what the borrower sent or made."""
    if not is_addable(record):
        return None
    caller = domain.Caller(name=record.contact_name, phone=record.number)
    if record.kind == "call":
        return domain.Contact(
            ref=ref,
            occurred_at=record.occurred_at,
            channel="call",
            target="borrower",
            connected=record.call_type == CALL_INCOMING and (record.duration_seconds or 0) > 0,
            duration_seconds=record.duration_seconds,
            caller=caller,
        )
    return domain.Contact(
        ref=ref,
        occurred_at=record.occurred_at,
        channel="sms",
        target="borrower",
        caller=caller,
        content=record.body,
    )
