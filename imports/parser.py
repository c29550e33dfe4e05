"""Read an "SMS Backup & Restore" XML export as a stream of plain records.

The file may hold 100,000 messages, so it is never loaded whole: iterparse
hands over one element at a time and every finished record is cleared from the
tree. defusedxml refuses DTDs, entity declarations and external references, so
a "billion laughs" file or an XXE attempt is rejected before it can expand.

This module is pure: no ORM, no request. Each record is a frozen dataclass the
importer converts into `rules.domain.Contact` objects (see convert.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext_lazy as _

SMS_ROOT = "smses"
CALLS_ROOT = "calls"

# SMS "type": 1 received, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued.
SMS_RECEIVED = 1
# MMS "msg_box": 1 inbox, 2 sent; an <addr> of type 137 is the sender, 151 a recipient.
MMS_INBOX = 1
MMS_FROM = "137"
# Call "type".
CALL_INCOMING = 1
CALL_OUTGOING = 2
CALL_MISSED = 3
CALL_VOICEMAIL = 4
CALL_REJECTED = 5
CALL_BLOCKED = 6
CALL_TYPE_CHOICES = [
    (CALL_INCOMING, _("Incoming call")),
    (CALL_OUTGOING, _("Outgoing call")),
    (CALL_MISSED, _("Missed call")),
    (CALL_VOICEMAIL, _("Voicemail")),
    (CALL_REJECTED, _("Rejected call")),
    (CALL_BLOCKED, _("Blocked call")),
]
#: Calls someone made to the borrower (as opposed to calls the borrower made).
CALLS_TO_BORROWER = frozenset(
    {CALL_INCOMING, CALL_MISSED, CALL_VOICEMAIL, CALL_REJECTED, CALL_BLOCKED}
)

IN = "in"
OUT = "out"

#: Attribute values the app writes for "nothing".
_NULLS = {"", "null"}


@dataclass(frozen=True, slots=True)
class PhoneRecord:
    """One message or call, as the phone recorded it."""

    index: int  # 1-based position among the file's records
    kind: str  # "sms", "mms" or "call"
    direction: str  # IN (to the borrower) or OUT (by the borrower)
    number: str  # the other party's number
    occurred_at: datetime  # aware, UTC
    body: str = ""
    contact_name: str = ""  # the name saved on the phone; "" for unknown numbers
    duration_seconds: int | None = None
    call_type: int | None = None


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record that was left out, and why (shown to the user)."""

    index: int
    message: str


class BackupError(ValueError):
    """The file cannot be read at all. The message is translated and says where."""


def _text(attrs: dict[str, str], name: str) -> str:
    value = (attrs.get(name) or "").strip()
    return "" if value in _NULLS else value


def _int(attrs: dict[str, str], name: str) -> int | None:
    value = _text(attrs, name)
    try:
        return int(value)
    except ValueError:
        return None


def _moment(attrs: dict[str, str]) -> datetime | None:
    millis = _int(attrs, "date")
    if millis is None or millis <= 0:
        return None
    try:
        return datetime.fromtimestamp(millis / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _contact_name(attrs: dict[str, str]) -> str:
    name = _text(attrs, "contact_name")
    return "" if name == "(Unknown)" else name


def _sms(index: int, attrs: dict[str, str], when: datetime) -> PhoneRecord:
    return PhoneRecord(
        index=index,
        kind="sms",
        direction=IN if _int(attrs, "type") == SMS_RECEIVED else OUT,
        number=_text(attrs, "address"),
        occurred_at=when,
        body=attrs.get("body") or "",
        contact_name=_contact_name(attrs),
    )


def _mms(index: int, elem, when: datetime) -> PhoneRecord:
    attrs = elem.attrib
    incoming = _int(attrs, "msg_box") == MMS_INBOX
    number = _text(attrs, "address")
    if incoming:
        for addr in elem.iterfind("addrs/addr"):
            if addr.get("type") == MMS_FROM and _text(addr.attrib, "address"):
                number = _text(addr.attrib, "address")
                break
    texts = [
        part.get("text") or ""
        for part in elem.iterfind("parts/part")
        if part.get("ct") == "text/plain" and _text(part.attrib, "text")
    ]
    return PhoneRecord(
        index=index,
        kind="mms",
        direction=IN if incoming else OUT,
        number=number,
        occurred_at=when,
        body="\n".join(texts),
        contact_name=_contact_name(attrs),
    )


def _call(index: int, attrs: dict[str, str], when: datetime) -> PhoneRecord:
    call_type = _int(attrs, "type")
    duration = _int(attrs, "duration")
    return PhoneRecord(
        index=index,
        kind="call",
        direction=IN if call_type in CALLS_TO_BORROWER else OUT,
        number=_text(attrs, "number"),
        occurred_at=when,
        contact_name=_contact_name(attrs),
        duration_seconds=max(duration, 0) if duration is not None else None,
        call_type=call_type,
    )


_RECORD_TAGS = {SMS_ROOT: {"sms", "mms"}, CALLS_ROOT: {"call"}}


def iter_backup(
    source: IO[bytes], *, problems: list[RecordProblem] | None = None
) -> Iterator[PhoneRecord]:
    """Yield the records of an SMS or call-log backup, one at a time.

    The kind is told by the root element (<smses> or <calls>). A record with no
    readable date is left out and described in `problems` (when given); a file
    that is not well-formed XML, has a DTD or entities, or is not a backup
    raises BackupError naming the line and how many records came before.
    """
    index = 0
    root = None
    wanted: set[str] = set()
    depth = 0
    try:
        for event, elem in iterparse(source, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if root is None:
                    root = elem
                    wanted = _RECORD_TAGS.get(elem.tag, set())
                    if not wanted:
                        raise BackupError(
                            _(
                                "This is not a backup from SMS Backup & Restore: it should "
                                "start with <smses> or <calls>, not <%(tag)s>."
                            )
                            % {"tag": elem.tag[:40]}
                        )
                continue
            depth -= 1
            if depth != 1 or elem.tag not in wanted:
                continue
            index += 1
            when = _moment(elem.attrib)
            if when is None:
                if problems is not None:
                    problems.append(
                        RecordProblem(index, str(_("It has no readable date, so it was left out.")))
                    )
            elif elem.tag == "sms":
                yield _sms(index, elem.attrib, when)
            elif elem.tag == "mms":
                yield _mms(index, elem, when)
            else:
                yield _call(index, elem.attrib, when)
            # Drop the finished record so memory stays flat however long the file is.
            elem.clear()
            root.clear()
    except DefusedXmlException:
        raise BackupError(
            _(
                "This file contains a document type declaration or entities, which phone "
                "backups never have. For your safety it was not read."
            )
        ) from None
    except ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise BackupError(
            _(
                "The file is damaged or incomplete near line %(line)s, after %(count)s "
                "messages or calls. Make a new backup on your phone and upload that file."
            )
            % {"line": line, "count": index}
        ) from None
    except UnicodeDecodeError:
        raise BackupError(
            _(
                "The file is not in the text encoding a backup uses (UTF-8), after %(count)s "
                "messages or calls. Make a new backup on your phone and upload that file."
            )
            % {"count": index}
        ) from None
    if root is None:
        raise BackupError(_("The file is empty."))
