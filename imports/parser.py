"""Read an "SMS Backup & Restore" XML export as a stream of plain records.

The file may hold 100,000 messages, so it is never loaded whole: iterparse
hands over one element at a time and every finished element under the root,
record or not, is cleared from the tree (a file padded with millions of unknown
elements stays as small in memory as a real one). A file nested deeper, or
holding more elements, than any real backup is refused (MAX_DEPTH,
MAX_ELEMENTS). defusedxml refuses DTDs, entity declarations and external
references, so a "billion laughs" file or an XXE attempt is rejected before it
can expand. A message longer than a contact may be (domain.CONTENT_MAX_LENGTH)
is cut to that length and listed as a problem.

Real exports are not always clean XML. Several app versions write an emoji as
two UTF-16 surrogate character references (`&#55357;&#56832;`), which strict
parsers reject; a streaming pre-filter (SurrogateFilter) rewrites each pair into
one reference before the parser sees it. A file cut short (the phone ran out of
space, the transfer stopped) is refused unless the caller asks for the complete
records it holds (`partial=True`).

This module is pure: no ORM, no request. Each record is a frozen dataclass the
importer converts into `rules.domain.Contact` objects (see convert.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import IO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext_lazy as _

from rules.domain import CONTENT_MAX_LENGTH

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

#: A real backup nests 4 levels (<smses><mms><parts><part>); 16 leaves room for versions.
MAX_DEPTH = 16
#: An SMS is one element and an MMS about ten: 3,000,000 elements is far beyond any phone.
MAX_ELEMENTS = 3_000_000

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
    """A record that was left out, or kept but changed (`kept`), and why (shown to the user)."""

    index: int
    message: str
    kept: bool = False


@dataclass(slots=True)
class BackupInfo:
    """What the caller learns about a whole file besides its records."""

    records: int = 0  # complete records read, with or without a usable date
    declared_count: int | None = None  # the root's `count`, which is often wrong
    truncated: bool = False  # the file ended early and only its complete records were read


class BackupError(ValueError):
    """The file cannot be read at all. The message is translated and says where."""


class BackupTruncated(BackupError):
    """The file ends early; `complete` records before the cut could still be imported."""

    def __init__(self, message: str, *, complete: int):
        super().__init__(message)
        self.complete = complete


#: A run of character references that may hold UTF-16 surrogates (5 decimal or 4 hex digits).
_REF_RUN = re.compile(rb"(?:&#(?:\d{5}|[xX][0-9a-fA-F]{4});)+")
_REF = re.compile(rb"&#(\d{5}|[xX][0-9a-fA-F]{4});")
_LAST_REF = re.compile(rb"&#(\d{5}|[xX][0-9a-fA-F]{4});$")
_HIGH = range(0xD800, 0xDC00)
_LOW = range(0xDC00, 0xE000)
_REPLACEMENT = b"&#65533;"
#: The longest reference the filter must hold back at a chunk's end ("&#x" + 4 hex + ";").
_HOLD = 16


def _ref_value(digits: bytes) -> int:
    return int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)


def _join_surrogates(match: re.Match[bytes]) -> bytes:
    """Rewrite a run of references: each high+low surrogate pair becomes one reference."""
    refs = [(m.group(0), _ref_value(m.group(1))) for m in _REF.finditer(match.group(0))]
    out: list[bytes] = []
    i = 0
    while i < len(refs):
        raw, value = refs[i]
        if value in _HIGH and i + 1 < len(refs) and refs[i + 1][1] in _LOW:
            code = 0x10000 + ((value - 0xD800) << 10) + (refs[i + 1][1] - 0xDC00)
            out.append(b"&#%d;" % code)
            i += 2
            continue
        # A lone surrogate is not a character: show the replacement mark instead.
        out.append(_REPLACEMENT if value in _HIGH or value in _LOW else raw)
        i += 1
    return b"".join(out)


class SurrogateFilter:
    """A file wrapper that turns surrogate-pair character references into real ones.

    Works chunk by chunk, holding back at most a few bytes at a chunk's end (an
    unfinished reference, or a high surrogate waiting for its pair), so memory
    stays flat whatever the file's size.
    """

    def __init__(self, raw: IO[bytes]):
        self.raw = raw
        self.held = b""
        self.done = False

    def _split(self, data: bytes) -> tuple[bytes, bytes]:
        cut = len(data)
        amp = data.rfind(b"&", max(0, cut - _HOLD))
        if amp != -1 and b";" not in data[amp:]:
            cut = amp  # an unfinished reference
        last = _LAST_REF.search(data, max(0, cut - _HOLD), cut)
        if last and _ref_value(last.group(1)) in _HIGH:
            cut = last.start()  # its pair may start the next chunk
        return data[:cut], data[cut:]

    def read(self, size: int = -1) -> bytes:
        while not self.done:
            chunk = self.raw.read(size if size and size > 0 else 1 << 16)
            if not chunk:
                self.done = True
                data, self.held = self.held, b""
            else:
                data, self.held = self._split(self.held + chunk)
            if data:
                return _REF_RUN.sub(_join_surrogates, data)
        return b""


def _text(attrs: dict[str, str], name: str) -> str:
    value = (attrs.get(name) or "").strip()
    return "" if value in _NULLS else value


def _int(attrs: dict[str, str], name: str) -> int | None:
    value = _text(attrs, name)
    try:
        return int(value)
    except ValueError:
        return None


#: Below this a `date` is in seconds: in milliseconds it would be before March 1973.
SECONDS_BELOW = 100_000_000_000


def _moment(attrs: dict[str, str]) -> datetime | None:
    """The record's time; `date` in milliseconds (or seconds, as some versions write), else `date_sent`."""
    for name in ("date", "date_sent"):
        stamp = _int(attrs, name)
        if stamp is None or stamp <= 0:
            continue
        seconds = stamp if stamp < SECONDS_BELOW else stamp / 1000
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None


def _body(value: str | None) -> str:
    """Message text as written; the app's literal "null" means there was none."""
    value = value or ""
    return "" if value.strip() in _NULLS else value


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
        body=_body(attrs.get("body")),
        contact_name=_contact_name(attrs),
    )


def _mms(index: int, elem, when: datetime) -> PhoneRecord:
    attrs = elem.attrib
    incoming = _int(attrs, "msg_box") == MMS_INBOX
    # A group message lists every party, joined by "~".
    parties = [p.strip() for p in _text(attrs, "address").split("~") if p.strip() not in _NULLS]
    number = parties[0] if incoming and parties else ", ".join(parties)
    if incoming:
        for addr in elem.iterfind("addrs/addr"):
            if addr.get("type") == MMS_FROM and _text(addr.attrib, "address"):
                number = _text(addr.attrib, "address")
                break
    texts = [
        _body(part.get("text"))
        for part in elem.iterfind("parts/part")
        if part.get("ct") == "text/plain" and _body(part.get("text"))
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


def _record(index: int, elem) -> PhoneRecord | None:
    """The record one finished <sms>, <mms> or <call> stands for; None without a readable date."""
    when = _moment(elem.attrib)
    if when is None:
        return None
    if elem.tag == "sms":
        return _sms(index, elem.attrib, when)
    if elem.tag == "mms":
        return _mms(index, elem, when)
    return _call(index, elem.attrib, when)


#: What an MMS is read from (see _mms): (its parent's tag, its tag) below the record.
_MMS_PARTS = {("mms", "addrs"), ("mms", "parts"), ("addrs", "addr"), ("parts", "part")}


def _kept_inside_record(open_elements: list, elem) -> bool:
    """Whether a finished element inside a top-level element is needed to read its record."""
    return (
        open_elements[1].tag == "mms"
        and len(open_elements) <= 3
        and (open_elements[-1].tag, elem.tag) in _MMS_PARTS
    )


#: Expat's codes for a document that stops before it is finished.
_ENDED_EARLY = {3, 5, 6}  # no element found, unclosed token, partial character


def _too_long(index: int, length: int) -> RecordProblem:
    return RecordProblem(
        index,
        str(
            _(
                "Its text is %(length)s characters long; only the first %(limit)s were kept "
                "(a contact holds at most %(limit)s)."
            )
            % {"length": f"{length:,}", "limit": f"{CONTENT_MAX_LENGTH:,}"}
        ),
        kept=True,
    )


def iter_backup(
    source: IO[bytes],
    *,
    problems: list[RecordProblem] | None = None,
    partial: bool = False,
    info: BackupInfo | None = None,
    max_depth: int = MAX_DEPTH,
    max_elements: int = MAX_ELEMENTS,
) -> Iterator[PhoneRecord]:
    """Yield the records of an SMS or call-log backup, one at a time.

    The kind is told by the root element (<smses> or <calls>). A record with no
    readable date is left out and described in `problems` (when given), and a
    message longer than a contact may be is cut and described there too; a file
    that is not well-formed XML, has a DTD or entities, is nested deeper than
    `max_depth` or holds more than `max_elements` elements, or is not a backup
    raises BackupError naming the line and how many records came before. A file
    that simply ends early raises BackupTruncated, unless `partial` is set: then
    its complete records are kept and `info.truncated` tells so.
    """
    info = info if info is not None else BackupInfo()
    index = 0
    root = None
    wanted: set[str] = set()
    open_elements: list = []  # the root, the record being read, and what is open inside it
    elements = 0
    try:
        events = iterparse(SurrogateFilter(source), events=("start", "end"), forbid_dtd=True)
        for event, elem in events:
            if event == "start":
                open_elements.append(elem)
                elements += 1
                if len(open_elements) > max_depth:
                    raise BackupError(
                        _(
                            "This file is nested more than %(max)s levels deep after %(count)s "
                            "messages or calls; a backup from SMS Backup & Restore never is. "
                            "Make a new backup on your phone and upload that file."
                        )
                        % {"max": max_depth, "count": index}
                    )
                if elements > max_elements:
                    raise BackupError(
                        _(
                            "This file holds more than %(max)s entries (after %(count)s messages "
                            "or calls), far more than a phone backup. Make a new backup on your "
                            "phone, without pictures, and upload that file."
                        )
                        % {"max": f"{max_elements:,}", "count": index}
                    )
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
                    info.declared_count = _int(elem.attrib, "count")
                continue
            open_elements.pop()
            if len(open_elements) > 1:
                # Inside a record or an unknown element: keep only what an MMS is read from;
                # a finished element is always its parent's last child.
                if not _kept_inside_record(open_elements, elem):
                    del open_elements[-1][-1]
                continue
            if not open_elements:
                continue  # the root itself ended
            if elem.tag in wanted:
                index += 1
                info.records = index
                record = _record(index, elem)
                if record is None:
                    if problems is not None:
                        problems.append(
                            RecordProblem(
                                index, str(_("It has no readable date, so it was left out."))
                            )
                        )
                else:
                    if len(record.body) > CONTENT_MAX_LENGTH:
                        if problems is not None:
                            problems.append(_too_long(index, len(record.body)))
                        record = replace(record, body=record.body[:CONTENT_MAX_LENGTH])
                    yield record
            # Drop every finished element under the root, record or not, so memory stays
            # flat however long the file is and whatever it is padded with.
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
        if root is not None and getattr(exc, "code", None) in _ENDED_EARLY:
            if partial:
                info.truncated = True
                return
            raise BackupTruncated(
                _(
                    "The file ends early (near line %(line)s): it holds %(count)s complete "
                    "messages or calls. You can import those, or make a new backup on your "
                    "phone and upload that file."
                )
                % {"line": line, "count": index},
                complete=index,
            ) from None
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
