"""The portable case bundle `selfhelp.case/1` (docs/case-bundle.schema.json).

This is the only code that turns bundle JSON into domain objects (rules/domain.py)
and back, and the only code that stores a bundle as a case.

- `bundle_parse` checks the whole bundle and collects every problem (up to
  MAX_ERRORS), each with the path of the bad field, e.g. `contacts[3].occurred_at`.
  Before a file is parsed its values are counted (MAX_VALUES), so a file of millions
  of tiny entries is refused before it can take memory; every section, text, `x-`
  extension and nesting level has its own cap.
- `bundle_dump` writes the canonical form: every field present, money with two
  decimals, times with the offset of the case's time zone, contacts and events in
  time order. `bundle_dump(bundle_parse(x))` is stable.
- `case_import_bundle` stores a bundle all-or-nothing; `case_export_bundle` reads
  a stored case back through cases/adapters.py.
- The optional `actions` (complaints sent, answers, outcomes) are parsed and dumped here,
  but stored and read by the actions app through BUNDLE_STORERS and BUNDLE_LOADERS, so
  that cases never imports it. A bundle without actions dumps without the key.

Lossless means: every value present in an imported bundle comes back on export,
equal in value (amounts as numbers, times as instants). What export may change:
omitted fields come back with their defaults, amounts get two decimals, times are
written in the bundle's time zone, contacts and events are sorted by time (ties
keep their order), installments by due date and fees by charge date (undated
last), `x-` top-level keys are not kept, and a lender named by its common name in
the directory comes back under its full legal name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rules import domain
from rules.engine.detect import TEXT_RULES, detection_fields

from .adapters import case_to_domain
from .bulk import BATCH_SIZE, rows_insert
from .masking import mask_address, mask_id_number, mask_phone
from .models import Case, CaseEvent, Contact, Fee, Installment, Lender, Loan

FORMAT = domain.BUNDLE_FORMAT
# An exported contact takes ~400-700 bytes, so 100 MB leaves room for MAX_CONTACTS.
MAX_BUNDLE_BYTES = 100 * 1024 * 1024
MAX_LOANS = 500
MAX_CONTACTS = 200_000
MAX_EVENTS = 20_000
MAX_ACTIONS = 1_000
MAX_RESPONSES = 100  # answers to one action
MAX_LOAN_ITEMS = 1_000  # installments or fees of one loan
MAX_LIST_ITEMS = 50  # tags or claims of one contact
MAX_TAG_LENGTH = 50
MAX_ERRORS = 50
#: Values of any kind (objects, lists, text, numbers) in the whole file, counted before it is
#: parsed: a file of 100 MB holding 34 million `{}` would otherwise take gigabytes to read.
#: 200,000 contacts of about 25 values each fit, with room for loans and events.
MAX_VALUES = 6_000_000
#: `x-` extensions: how many, how many values each holds, and how deeply they nest.
MAX_EXTENSIONS = 20
MAX_EXTENSION_VALUES = 10_000
MAX_DEPTH = 8

MAX_MONEY = Decimal("1000000000000")  # the models keep 12 digits before the point
MAX_RATE = Decimal("1000")  # Loan.stated_rate: 7 digits, 4 after the point
MAX_DURATION = 2_147_483_647  # PositiveIntegerField
MAX_VISITORS = 32_767  # PositiveSmallIntegerField
MIN_YEAR, MAX_YEAR = 1900, 2200

CENT = Decimal("0.01")
RATE_STEP = Decimal("0.0001")


def _limit(model, name: str) -> int:
    return model._meta.get_field(name).max_length


#: Maximum length of each text field, taken from the model that stores it.
TEXT_LIMITS = {
    "borrower.name": _limit(Case, "borrower_name"),
    "borrower.phone": _limit(Case, "borrower_phone"),
    "borrower.address": _limit(Case, "borrower_address"),
    "borrower.id_number": _limit(Case, "borrower_id_number"),
    "timezone": _limit(Case, "timezone"),
    "loan.ref": _limit(Loan, "ref"),
    "loan.lender": _limit(Loan, "lender_name"),
    "loan.product": _limit(Loan, "product"),
    "loan.contract_no": _limit(Loan, "contract_no"),
    "fee.name": _limit(Fee, "name"),
    "contact.ref": _limit(Contact, "ref"),
    "contact.target_name": _limit(Contact, "target_name"),
    "contact.target_phone": _limit(Contact, "target_phone"),
    "caller.name": _limit(Contact, "caller_name"),
    "caller.organization": _limit(Contact, "caller_organization"),
    "caller.phone": _limit(Contact, "caller_phone"),
    "contact.content": _limit(Contact, "content"),
    "event.target_name": _limit(CaseEvent, "target_name"),
    "event.target_phone": _limit(CaseEvent, "target_phone"),
    "event.note": _limit(CaseEvent, "note"),
}

TOP_KEYS = frozenset({"format", "timezone", "borrower", "loans", "contacts", "events", "actions"})
BORROWER_KEYS = frozenset({"name", "phone", "address", "id_number"})
LOAN_KEYS = frozenset(
    {
        "ref",
        "lender",
        "lender_type",
        "product",
        "purpose",
        "contract_no",
        "principal",
        "amount_received",
        "disbursed_on",
        "installments",
        "fees",
        "overdue_since",
        "outstanding",
        "stated_rate",
    }
)
INSTALLMENT_KEYS = frozenset({"due_on", "amount", "paid"})
FEE_KEYS = frozenset({"name", "amount", "charged_on"})
CONTACT_KEYS = frozenset(
    {
        "ref",
        "loan",
        "occurred_at",
        "channel",
        "connected",
        "duration_seconds",
        "target",
        "target_name",
        "target_phone",
        "visitors",
        "caller",
        "claims_to_be",
        "content",
        "tags",
        "consent_to_time",
        "answers",
    }
)
#: The borrower's answers to possible findings on a contact.
ANSWERS = frozenset({"confirmed", "dismissed"})
CALLER_KEYS = frozenset({"name", "organization", "phone", "identity_disclosed"})
EVENT_KEYS = frozenset({"kind", "at", "loan", "target_phone", "target_name", "note"})
ACTION_KEYS = frozenset(
    {"channel", "method", "sent_on", "loan", "received_on", "tracking_number", "ticket_number",
     "summary", "extended_until", "extension_note", "outcome", "outcome_on", "responses"}
)  # fmt: skip
RESPONSE_KEYS = frozenset({"received_on", "text"})
#: Text limits of the actions app's columns (it owns the table; the bundle checks first).
ACTION_TEXT_LIMITS = {
    "tracking_number": 60,
    "ticket_number": 60,
    "extension_note": 300,
    "summary": domain.NOTE_MAX_LENGTH,
}
RESPONSE_TEXT_LIMIT = domain.NOTE_MAX_LENGTH

#: Apps that keep part of the bundle in their own tables, registered in AppConfig.ready():
#: a storer `(case, parsed, loans_by_ref)` runs inside the import's transaction; a loader
#: `(case) -> {field: value}` adds fields of domain.Case for export.
BUNDLE_STORERS: list[Callable[[Case, domain.Case, dict[str, Loan]], None]] = []
BUNDLE_LOADERS: list[Callable[[Case], dict]] = []

_DECIMAL_RE = re.compile(r"-?[0-9]{1,30}(\.[0-9]{1,30})?")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?"
)


@dataclass(frozen=True, slots=True)
class BundleIssue:
    """One problem in a bundle: where it is (`contacts[3].occurred_at`) and what is wrong."""

    path: str
    message: Any  # a lazy translation with %(name)s placeholders
    params: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The message in the active language."""
        return str(self.message) % self.params if self.params else str(self.message)

    def __str__(self) -> str:
        return f"{self.path}: {self.text}" if self.path else self.text

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.text}


class BundleError(ValueError):
    """The bundle was rejected whole. `errors` lists every problem found (at most MAX_ERRORS)."""

    def __init__(self, errors: list[BundleIssue], *, truncated: bool = False):
        self.errors = errors
        self.truncated = truncated
        super().__init__("\n".join(str(issue) for issue in errors))

    def __str__(self) -> str:
        return "\n".join(str(issue) for issue in self.errors)


class _TooManyErrors(Exception):
    pass


_MISSING = object()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _unstorable(value: str):
    """Why text cannot be stored as it is (a NUL, or half of a UTF-16 pair), or None."""
    if "\x00" in value:
        return _("Contains a NUL character (\\u0000), which cannot be stored. Remove it.")
    if _SURROGATE.search(value):
        return _(
            "Contains a broken character (half of a UTF-16 pair, such as \\ud800). "
            "Save the file again as UTF-8 from the app that made it."
        )
    return None


def _printable(value: str) -> str:
    """`value` safe to show and to encode as UTF-8: broken characters and NULs as escapes."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\u0000")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Reader:
    """Reads one bundle, recording every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[BundleIssue] = []
        self.zone = ZoneInfo(domain.DEFAULT_TIMEZONE)

    def error(self, path: str, message, **params) -> None:
        # Paths and values may quote the bundle's own text: keep them printable.
        params = {k: _printable(v) if isinstance(v, str) else v for k, v in params.items()}
        self.errors.append(BundleIssue(_printable(path), message, params))
        if len(self.errors) >= MAX_ERRORS:
            raise _TooManyErrors

    # Containers -------------------------------------------------------

    def object(
        self, value, path: str, allowed: frozenset[str], required: Iterable[str] = ()
    ) -> dict | None:
        """`value` as an object with only `allowed` keys and all `required` ones, or None."""
        if not isinstance(value, dict):
            self.error(path, _("Must be an object ({…})."))
            return None
        for key in value:
            if key not in allowed:
                self.error(_join(path, str(key)), _("Unknown field. Check its spelling."))
        for key in required:
            if key not in value:
                self.error(_join(path, key), _("This field is required."))
        return value

    def array(self, obj: dict, key: str, path: str, limit: int) -> list:
        value = obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            return []
        if not isinstance(value, list):
            self.error(_join(path, key), _("Must be a list ([…])."))
            return []
        if len(value) > limit:
            self.error(
                _join(path, key),
                _("Too many items: %(count)d; at most %(limit)d are accepted."),
                count=len(value),
                limit=limit,
            )
            return []
        return value

    # Scalars ----------------------------------------------------------

    def text(self, obj: dict, key: str, path: str, limit: int | None = None) -> str:
        value = obj.get(key, "")
        if not isinstance(value, str):
            self.error(_join(path, key), _("Must be text (a JSON string)."))
            return ""
        if problem := _unstorable(value):
            self.error(_join(path, key), problem)
            return ""
        if limit is not None and len(value) > limit:
            self.error(
                _join(path, key),
                _("Too long: %(length)s characters; at most %(limit)s."),
                length=f"{len(value):,}",
                limit=f"{limit:,}",
            )
        return value

    def ref(self, obj: dict, key: str, path: str, limit: int) -> str:
        value = self.text(obj, key, path, limit)
        if key in obj and isinstance(obj[key], str) and not value.strip():
            self.error(_join(path, key), _("Must not be empty."))
        return value

    def boolean(self, obj: dict, key: str, path: str, *, nullable: bool, default=None):
        value = obj.get(key, default)
        if value is None and nullable:
            return None
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(_join(path, key), _("Must be true or false."))
            return default
        return value

    def integer(self, obj: dict, key: str, path: str, maximum: int) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(_join(path, key), _("Must be a whole number."))
            return None
        if value < 0:
            self.error(_join(path, key), _("Must not be negative."))
        elif value > maximum:
            self.error(_join(path, key), _("Too large: at most %(maximum)d."), maximum=maximum)
        return value

    def decimal(
        self,
        obj: dict,
        key: str,
        path: str,
        *,
        places: int = 2,
        maximum: Decimal = MAX_MONEY,
        required: bool = False,
        example: str = "2710.50",
    ) -> Decimal | None:
        """Money (or a rate) as a decimal string or a whole JSON number; floats are refused."""
        value = obj.get(key)
        where = _join(path, key)
        if value is None:
            if required and key in obj:  # a missing key is reported by object()
                self.error(where, _("This field is required."))
            return None
        if isinstance(value, float):
            self.error(
                where,
                _(
                    'Write this amount as a string, e.g. "%(example)s": numbers with a '
                    "decimal point can lose cents."
                ),
                example=example,
            )
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            self.error(
                where,
                _('Must be an amount written as a string, e.g. "%(example)s".'),
                example=example,
            )
            return None
        if isinstance(value, str) and not _DECIMAL_RE.fullmatch(value):
            self.error(
                where,
                _('Not an amount: use digits and a point, e.g. "%(example)s".'),
                example=example,
            )
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern above rules this out
            self.error(where, _("Not an amount."))
            return None
        if number < 0:
            self.error(where, _("Must not be negative."))
        elif number >= maximum:
            self.error(where, _("Too large."))
        elif -number.as_tuple().exponent > places:
            self.error(where, _("At most %(places)d digits after the point."), places=places)
        return number

    def day(self, obj: dict, key: str, path: str, *, required: bool = False) -> date | None:
        value = obj.get(key)
        where = _join(path, key)
        if value is None:
            if required and key in obj:  # a missing key is reported by object()
                self.error(where, _("This field is required."))
            return None
        if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
            self.error(where, _("Write a date as YYYY-MM-DD, e.g. 2025-04-08."))
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            self.error(where, _("This date does not exist."))
            return None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            self.error(where, _("The year is out of range."))
            return None
        return parsed

    def moment(self, obj: dict, key: str, path: str) -> datetime | None:
        """An ISO 8601 date and time; a time without offset is read in the bundle's time zone."""
        value = obj.get(key)
        where = _join(path, key)
        if value is None:
            if key in obj:
                self.error(where, _("This field is required."))
            return None  # a missing key is reported by object()
        if not isinstance(value, str) or not _DATETIME_RE.fullmatch(value):
            self.error(
                where,
                _("Write a date and time in ISO 8601, e.g. 2025-04-12T10:05:00+08:00."),
            )
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.error(where, _("This date and time does not exist."))
            return None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            self.error(where, _("The year is out of range."))
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.zone)
        return parsed

    def choice(self, obj: dict, key: str, path: str, allowed: frozenset[str], default):
        """One value of a vocabulary. With default None the field is required and null is refused."""
        if key not in obj or (obj[key] is None and default is not None):
            return default
        value = obj[key]
        if not isinstance(value, str) or value not in allowed:
            self.error(
                _join(path, key),
                _("Must be one of: %(choices)s."),
                choices=", ".join(sorted(allowed)),
            )
            return default
        return value

    def choices(self, obj: dict, key: str, path: str, allowed: frozenset[str]) -> tuple[str, ...]:
        result = []
        base = _join(path, key)
        for index, value in enumerate(self.array(obj, key, path, MAX_LIST_ITEMS)):
            if not isinstance(value, str) or value not in allowed:
                self.error(
                    f"{base}[{index}]",
                    _("Must be one of: %(choices)s."),
                    choices=", ".join(sorted(allowed)),
                )
            else:
                result.append(value)
        return tuple(result)

    def tags(self, obj: dict, key: str, path: str) -> tuple[str, ...]:
        result = []
        base = _join(path, key)
        for index, value in enumerate(self.array(obj, key, path, MAX_LIST_ITEMS)):
            if not isinstance(value, str) or not value.strip():
                self.error(f"{base}[{index}]", _("Must be non-empty text."))
            elif problem := _unstorable(value):
                self.error(f"{base}[{index}]", problem)
            elif len(value) > MAX_TAG_LENGTH:
                self.error(
                    f"{base}[{index}]",
                    _("Too long: %(length)s characters; at most %(limit)s."),
                    length=f"{len(value):,}",
                    limit=f"{MAX_TAG_LENGTH:,}",
                )
            else:
                result.append(value)
        return tuple(result)

    def answers(self, obj: dict, key: str, path: str) -> tuple[tuple[str, str], ...]:
        """{rule id: "confirmed" | "dismissed"} for the text rules, as sorted pairs."""
        value = obj.get(key)
        if value is None:
            return ()
        base = _join(path, key)
        if not isinstance(value, dict):
            self.error(base, _("Must be an object of rule ids and answers, or null."))
            return ()
        result = []
        for rule, answer in value.items():
            if rule not in TEXT_RULES:
                self.error(base, _("Unknown rule id: %(value)s."), value=str(rule)[:50])
            elif answer not in ANSWERS:
                self.error(f"{base}.{rule}", _('Must be "confirmed" or "dismissed".'))
            else:
                result.append((rule, answer))
        return tuple(sorted(result))

    def loan_ref(self, obj: dict, key: str, path: str, loan_refs: set[str]) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(_join(path, key), _("Must be a loan reference (text) or null."))
            return None
        if value not in loan_refs:
            self.error(
                _join(path, key),
                _('No loan has the reference "%(ref)s".'),
                ref=value,
            )
            return None
        return value

    def unique_refs(self, items: list, section: str) -> dict[str, str]:
        """Every text `ref` of a section, reporting repeats; maps each ref to its first path."""
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            value = item.get("ref") if isinstance(item, dict) else None
            if not isinstance(value, str) or not value.strip():
                continue  # reported by the item's own checks
            if value in seen:
                self.error(
                    f"{section}[{index}].ref",
                    _('The reference "%(ref)s" is already used by %(other)s.'),
                    ref=value,
                    other=seen[value],
                )
            else:
                seen[value] = f"{section}[{index}]"
        return seen

    # Sections ---------------------------------------------------------

    def timezone(self, bundle: dict) -> str:
        name = bundle.get("timezone", domain.DEFAULT_TIMEZONE)
        if not isinstance(name, str) or not name:
            self.error("timezone", _("Must be an IANA time zone name, e.g. Asia/Shanghai."))
            return domain.DEFAULT_TIMEZONE
        try:
            self.zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.error(
                "timezone",
                _('Unknown time zone "%(name)s": use an IANA name, e.g. Asia/Shanghai.'),
                name=name,
            )
            return domain.DEFAULT_TIMEZONE
        if len(name) > TEXT_LIMITS["timezone"]:
            self.error("timezone", _("Too long."))
        return name

    def borrower(self, bundle: dict) -> domain.Borrower:
        value = bundle.get("borrower")
        if value is None:
            return domain.Borrower()
        obj = self.object(value, "borrower", BORROWER_KEYS)
        if obj is None:
            return domain.Borrower()
        return domain.Borrower(
            **{
                key: self.text(obj, key, "borrower", TEXT_LIMITS[f"borrower.{key}"])
                for key in ("name", "phone", "address", "id_number")
            }
        )

    def loan(self, value, path: str) -> domain.Loan | None:
        obj = self.object(value, path, LOAN_KEYS, required=("ref",))
        if obj is None:
            return None
        installments = []
        for index, item in enumerate(self.array(obj, "installments", path, MAX_LOAN_ITEMS)):
            where = f"{path}.installments[{index}]"
            row = self.object(item, where, INSTALLMENT_KEYS, required=("due_on", "amount"))
            if row is None:
                continue
            due_on = self.day(row, "due_on", where, required=True)
            amount = self.decimal(row, "amount", where, required=True)
            paid = self.decimal(row, "paid", where)
            if due_on and amount is not None:
                installments.append(
                    domain.Installment(due_on=due_on, amount=amount, paid=paid or Decimal("0"))
                )
        fees = []
        for index, item in enumerate(self.array(obj, "fees", path, MAX_LOAN_ITEMS)):
            where = f"{path}.fees[{index}]"
            row = self.object(item, where, FEE_KEYS, required=("name", "amount"))
            if row is None:
                continue
            name = self.ref(row, "name", where, TEXT_LIMITS["fee.name"])
            amount = self.decimal(row, "amount", where, required=True)
            charged_on = self.day(row, "charged_on", where)
            if amount is not None:
                fees.append(domain.Fee(name=name, amount=amount, charged_on=charged_on))
        return domain.Loan(
            ref=self.ref(obj, "ref", path, TEXT_LIMITS["loan.ref"]),
            lender=self.text(obj, "lender", path, TEXT_LIMITS["loan.lender"]),
            lender_type=self.choice(obj, "lender_type", path, domain.LENDER_TYPES, "other"),
            product=self.text(obj, "product", path, TEXT_LIMITS["loan.product"]),
            purpose=self.choice(obj, "purpose", path, domain.PURPOSES, ""),
            contract_no=self.text(obj, "contract_no", path, TEXT_LIMITS["loan.contract_no"]),
            principal=self.decimal(obj, "principal", path),
            amount_received=self.decimal(obj, "amount_received", path),
            disbursed_on=self.day(obj, "disbursed_on", path),
            installments=tuple(installments),
            fees=tuple(fees),
            overdue_since=self.day(obj, "overdue_since", path),
            outstanding=self.decimal(obj, "outstanding", path),
            stated_rate=self.decimal(
                obj, "stated_rate", path, places=4, maximum=MAX_RATE, example="0.1800"
            ),
        )

    def contact(self, value, path: str, loan_refs: set[str]) -> domain.Contact | None:
        obj = self.object(
            value, path, CONTACT_KEYS, required=("ref", "occurred_at", "channel", "target")
        )
        if obj is None:
            return None
        caller = domain.Caller()
        if obj.get("caller") is not None:
            where = f"{path}.caller"
            row = self.object(obj["caller"], where, CALLER_KEYS)
            if row is not None:
                caller = domain.Caller(
                    name=self.text(row, "name", where, TEXT_LIMITS["caller.name"]),
                    organization=self.text(
                        row, "organization", where, TEXT_LIMITS["caller.organization"]
                    ),
                    phone=self.text(row, "phone", where, TEXT_LIMITS["caller.phone"]),
                    identity_disclosed=self.boolean(
                        row, "identity_disclosed", where, nullable=True
                    ),
                )
        occurred_at = self.moment(obj, "occurred_at", path)
        channel = self.choice(obj, "channel", path, domain.CHANNELS, None)
        target = self.choice(obj, "target", path, domain.TARGETS, None)
        contact = dict(
            ref=self.ref(obj, "ref", path, TEXT_LIMITS["contact.ref"]),
            loan=self.loan_ref(obj, "loan", path, loan_refs),
            connected=self.boolean(obj, "connected", path, nullable=True),
            duration_seconds=self.integer(obj, "duration_seconds", path, MAX_DURATION),
            target_name=self.text(obj, "target_name", path, TEXT_LIMITS["contact.target_name"]),
            target_phone=self.text(obj, "target_phone", path, TEXT_LIMITS["contact.target_phone"]),
            visitors=self.integer(obj, "visitors", path, MAX_VISITORS),
            caller=caller,
            claims_to_be=self.choices(obj, "claims_to_be", path, domain.AUTHORITIES),
            content=self.text(obj, "content", path, TEXT_LIMITS["contact.content"]),
            tags=self.tags(obj, "tags", path),
            consent_to_time=self.boolean(
                obj, "consent_to_time", path, nullable=False, default=False
            ),
            answers=self.answers(obj, "answers", path),
        )
        if occurred_at is None or channel is None or target is None:
            return None
        return domain.Contact(occurred_at=occurred_at, channel=channel, target=target, **contact)

    def event(self, value, path: str, loan_refs: set[str]) -> domain.Event | None:
        obj = self.object(value, path, EVENT_KEYS, required=("kind", "at"))
        if obj is None:
            return None
        kind = self.choice(obj, "kind", path, domain.EVENT_KINDS, None)
        at = self.moment(obj, "at", path)
        rest = dict(
            loan=self.loan_ref(obj, "loan", path, loan_refs),
            target_phone=self.text(obj, "target_phone", path, TEXT_LIMITS["event.target_phone"]),
            target_name=self.text(obj, "target_name", path, TEXT_LIMITS["event.target_name"]),
            note=self.text(obj, "note", path, TEXT_LIMITS["event.note"]),
        )
        if kind is None or at is None:
            return None
        return domain.Event(kind=kind, at=at, **rest)

    def action(self, value, path: str, loan_refs: set[str]) -> domain.Action | None:
        obj = self.object(value, path, ACTION_KEYS, required=("channel", "method", "sent_on"))
        if obj is None:
            return None
        channel = self.choice(obj, "channel", path, domain.ACTION_CHANNELS, None)
        method = self.choice(obj, "method", path, domain.ACTION_METHODS, None)
        sent_on = self.day(obj, "sent_on", path, required=True)
        received_on = self.day(obj, "received_on", path)
        if sent_on and received_on and received_on < sent_on:
            self.error(_join(path, "received_on"), _("It cannot have arrived before it was sent."))
        responses = []
        for index, item in enumerate(self.array(obj, "responses", path, MAX_RESPONSES)):
            where = _join(path, f"responses[{index}]")
            answer = self.object(item, where, RESPONSE_KEYS, required=("received_on",))
            if answer is None:
                continue
            day = self.day(answer, "received_on", where, required=True)
            text = self.text(answer, "text", where, RESPONSE_TEXT_LIMIT)
            if day is not None:
                responses.append(domain.ActionResponse(received_on=day, text=text))
        rest = dict(
            loan=self.loan_ref(obj, "loan", path, loan_refs),
            received_on=received_on,
            extended_until=self.day(obj, "extended_until", path),
            outcome=self.choice(obj, "outcome", path, domain.ACTION_OUTCOMES, "pending"),
            outcome_on=self.day(obj, "outcome_on", path),
            responses=tuple(responses),
            **{key: self.text(obj, key, path, limit) for key, limit in ACTION_TEXT_LIMITS.items()},
        )
        if channel is None or method is None or sent_on is None:
            return None
        return domain.Action(channel=channel, method=method, sent_on=sent_on, **rest)

    def extension(self, value, key: str, number: int) -> None:
        """An `x-` field is not read, but it must be small: few of them, few values, shallow."""
        if number == MAX_EXTENSIONS + 1:
            self.error(
                key,
                _("Too many extension fields (x-…): at most %(limit)s are accepted."),
                limit=MAX_EXTENSIONS,
            )
        values, depth = _measure(value, max_values=MAX_EXTENSION_VALUES, max_depth=MAX_DEPTH)
        if values > MAX_EXTENSION_VALUES:
            self.error(
                key,
                _("This extension field holds more than %(limit)s values."),
                limit=f"{MAX_EXTENSION_VALUES:,}",
            )
        elif depth > MAX_DEPTH:
            self.error(
                key,
                _("This extension field is nested more than %(max)s levels deep."),
                max=MAX_DEPTH,
            )

    def bundle(self, bundle) -> domain.Case:
        if not isinstance(bundle, dict):
            self.error("", _("A case bundle must be a JSON object ({…})."))
            return domain.Case()
        extensions = 0
        for key in bundle:
            if isinstance(key, str) and key.startswith("x-"):
                extensions += 1
                self.extension(bundle[key], key, extensions)
            elif key not in TOP_KEYS:
                self.error(
                    str(key),
                    _('Unknown field. Check its spelling; extensions must start with "x-".'),
                )
        if "format" not in bundle:
            self.error("format", _('This field is required: "%(format)s".'), format=FORMAT)
        elif bundle["format"] != FORMAT:
            self.error(
                "format",
                _('Not a case bundle of this version: expected "%(format)s".'),
                format=FORMAT,
            )
        timezone = self.timezone(bundle)
        borrower = self.borrower(bundle)

        loan_items = self.array(bundle, "loans", "", MAX_LOANS)
        refs = set(self.unique_refs(loan_items, "loans"))
        loans = [self.loan(value, f"loans[{index}]") for index, value in enumerate(loan_items)]

        contact_items = self.array(bundle, "contacts", "", MAX_CONTACTS)
        self.unique_refs(contact_items, "contacts")
        contacts = [
            self.contact(value, f"contacts[{index}]", refs)
            for index, value in enumerate(contact_items)
        ]

        events = []
        for index, value in enumerate(self.array(bundle, "events", "", MAX_EVENTS)):
            event = self.event(value, f"events[{index}]", refs)
            if event is not None:
                events.append(event)

        actions = []
        for index, value in enumerate(self.array(bundle, "actions", "", MAX_ACTIONS)):
            action = self.action(value, f"actions[{index}]", refs)
            if action is not None:
                actions.append(action)

        return domain.Case(
            timezone=timezone,
            borrower=borrower,
            loans=tuple(loan for loan in loans if loan is not None),
            contacts=tuple(contact for contact in contacts if contact is not None),
            events=tuple(events),
            actions=tuple(actions),
        )


def _reject_constant(name: str):
    raise ValueError(name)


_JSON_STRING = {
    bytes: re.compile(rb'"(?:[^"\\]|\\.)*"'),
    str: re.compile(r'"(?:[^"\\]|\\.)*"'),
}


def _count_values(data: str | bytes) -> int:
    """How many values a JSON text holds, without parsing it.

    Every value but the first follows a comma or opens a non-empty object or list:
    commas + opening brackets - empty `{}`/`[]` + 1. The quick count also counts the
    commas and brackets inside strings, so it is never too low; only when it is over
    the limit are the strings' own marks taken off, string by string, without copying.
    """
    if isinstance(data, str):
        comma, brace, bracket, empty_object, empty_list = ",", "{", "[", "{}", "[]"
        strings, quote = _JSON_STRING[str], '"'
    else:
        comma, brace, bracket, empty_object, empty_list = b",", b"{", b"[", b"{}", b"[]"
        strings, quote = _JSON_STRING[bytes], b'"'

    def count(*span: int) -> int:
        return (
            data.count(comma, *span)
            + data.count(brace, *span)
            + data.count(bracket, *span)
            - data.count(empty_object, *span)
            - data.count(empty_list, *span)
        )

    quick = count() + 1
    if quick <= MAX_VALUES or quote not in data:
        return quick
    return quick - sum(count(*match.span()) for match in strings.finditer(data))


def _check_structure(data: str | bytes) -> None:
    """Refuse a file holding more values than any case, before building a single one."""
    values = _count_values(data)
    if values > MAX_VALUES:
        raise BundleError(
            [
                BundleIssue(
                    "",
                    _(
                        "The file holds %(count)s values; a case file holds at most %(limit)s. "
                        "Nothing was read."
                    ),
                    {"count": f"{values:,}", "limit": f"{MAX_VALUES:,}"},
                )
            ]
        )


def _measure(value, *, max_values: int, max_depth: int) -> tuple[int, int]:
    """(values, depth) of a parsed JSON value, counting no further than the limits."""
    count, deepest = 0, 0
    stack = [(value, 1)]
    while stack and count <= max_values and deepest <= max_depth:
        item, depth = stack.pop()
        count += 1
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return count, deepest


def _load_json(data: str | bytes) -> Any:
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(
            [
                BundleIssue(
                    "",
                    _("The file is too large: at most %(megabytes)d MB."),
                    {"megabytes": MAX_BUNDLE_BYTES // (1024 * 1024)},
                )
            ]
        )
    _check_structure(data)
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BundleError(
                [BundleIssue("", _("The file is not UTF-8 text. Save it as UTF-8 JSON."))]
            ) from None
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise BundleError(
            [
                BundleIssue(
                    "",
                    _("This is not valid JSON (line %(line)d, column %(column)d)."),
                    {"line": exc.lineno, "column": exc.colno},
                )
            ]
        ) from None
    except RecursionError:
        raise BundleError(
            [
                BundleIssue(
                    "",
                    _("The file is nested far more deeply than a case file (at most %(max)s)."),
                    {"max": MAX_DEPTH},
                )
            ]
        ) from None
    except ValueError:  # NaN or Infinity
        raise BundleError([BundleIssue("", _("This is not valid JSON."))]) from None


def bundle_parse(data: dict | str | bytes) -> domain.Case:
    """Check a whole `selfhelp.case/1` bundle and return it as a domain.Case.

    `data` is the decoded JSON (a dict) or the raw text or bytes of a file.
    Raises BundleError listing every problem found (at most MAX_ERRORS), each
    with the path of the bad field.
    """
    if isinstance(data, str | bytes | bytearray):
        data = _load_json(data)
    reader = _Reader()
    try:
        case = reader.bundle(data)
    except _TooManyErrors:
        raise BundleError(reader.errors, truncated=True) from None
    if reader.errors:
        raise BundleError(reader.errors)
    return case


# Dumping ----------------------------------------------------------------


def _money(value: Decimal | None, step: Decimal = CENT) -> str | None:
    if value is None:
        return None
    return format(Decimal(value).quantize(step, rounding=ROUND_HALF_UP), "f")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: datetime, zone: ZoneInfo) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(zone).isoformat()


def _dump_loan(loan: domain.Loan) -> dict:
    data = {
        "ref": loan.ref,
        "lender": loan.lender,
        "lender_type": loan.lender_type,
        "product": loan.product,
        "contract_no": loan.contract_no,
        "principal": _money(loan.principal),
        "amount_received": _money(loan.amount_received),
        "disbursed_on": _day(loan.disbursed_on),
        "installments": [
            {"due_on": _day(i.due_on), "amount": _money(i.amount), "paid": _money(i.paid)}
            for i in sorted(loan.installments, key=lambda i: i.due_on)
        ],
        "fees": [
            {"name": f.name, "amount": _money(f.amount), "charged_on": _day(f.charged_on)}
            for f in sorted(
                loan.fees, key=lambda f: (f.charged_on is None, f.charged_on or date.min)
            )
        ],
        "overdue_since": _day(loan.overdue_since),
        "outstanding": _money(loan.outstanding),
        "stated_rate": _money(loan.stated_rate, RATE_STEP),
    }
    if loan.purpose:  # optional: a bundle without it reads back as "not recorded"
        data["purpose"] = loan.purpose
    return data


def _dump_contact(contact: domain.Contact, zone: ZoneInfo) -> dict:
    caller = contact.caller
    return {
        "ref": contact.ref,
        "loan": contact.loan,
        "occurred_at": _moment(contact.occurred_at, zone),
        "channel": contact.channel,
        "connected": contact.connected,
        "duration_seconds": contact.duration_seconds,
        "target": contact.target,
        "target_name": contact.target_name,
        "target_phone": contact.target_phone,
        "visitors": contact.visitors,
        "caller": {
            "name": caller.name,
            "organization": caller.organization,
            "phone": caller.phone,
            "identity_disclosed": caller.identity_disclosed,
        },
        "claims_to_be": list(contact.claims_to_be),
        "content": contact.content,
        "tags": list(contact.tags),
        "consent_to_time": contact.consent_to_time,
        "answers": dict(contact.answers),
    }


def _dump_event(event: domain.Event, zone: ZoneInfo) -> dict:
    return {
        "kind": event.kind,
        "at": _moment(event.at, zone),
        "loan": event.loan,
        "target_phone": event.target_phone,
        "target_name": event.target_name,
        "note": event.note,
    }


def _dump_action(action: domain.Action) -> dict:
    return {
        "channel": action.channel,
        "method": action.method,
        "sent_on": _day(action.sent_on),
        "loan": action.loan,
        "received_on": _day(action.received_on),
        "tracking_number": action.tracking_number,
        "ticket_number": action.ticket_number,
        "summary": action.summary,
        "extended_until": _day(action.extended_until),
        "extension_note": action.extension_note,
        "outcome": action.outcome,
        "outcome_on": _day(action.outcome_on),
        "responses": [
            {"received_on": _day(r.received_on), "text": r.text} for r in action.responses
        ],
    }


def _instant(value: datetime, zone: ZoneInfo) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=zone)


def detection_row(content: str) -> dict:
    """The stored detection columns of a contact row written in bulk."""
    found, version = detection_fields(content)
    return {"detected": dict(found), "detector_version": version}


def bundle_dump(case: domain.Case) -> dict:
    """The canonical `selfhelp.case/1` bundle of a domain.Case (see the module docstring)."""
    zone = ZoneInfo(case.timezone)
    bundle = {
        "format": FORMAT,
        "timezone": case.timezone,
        "borrower": {
            "name": case.borrower.name,
            "phone": case.borrower.phone,
            "address": case.borrower.address,
            "id_number": case.borrower.id_number,
        },
        "loans": [_dump_loan(loan) for loan in case.loans],
        "contacts": [
            _dump_contact(c, zone)
            for c in sorted(case.contacts, key=lambda c: _instant(c.occurred_at, zone))
        ],
        "events": [
            _dump_event(e, zone) for e in sorted(case.events, key=lambda e: _instant(e.at, zone))
        ],
    }
    if case.actions:
        bundle["actions"] = [_dump_action(a) for a in sorted(case.actions, key=lambda a: a.sent_on)]
    return bundle


# Storing ----------------------------------------------------------------


def _lenders_by_name(names: set[str]) -> dict[str, Lender]:
    """Directory lenders for the given names: by full legal name, else by a unique common name."""
    if not names:
        return {}
    rows = list(Lender.objects.filter(Q(name__in=names) | Q(short_name__in=names)))
    found = {row.name: row for row in rows if row.name in names}
    by_short: dict[str, list[Lender]] = {}
    for row in rows:
        if row.short_name in names:
            by_short.setdefault(row.short_name, []).append(row)
    for short_name, matches in by_short.items():
        if short_name not in found and len(matches) == 1:
            found[short_name] = matches[0]
    return found


def _default_title(case: domain.Case) -> str:
    product = case.loans[0].product if case.loans else ""
    title = " · ".join(part for part in (case.borrower.name, product) if part)
    return title or str(_("Imported case"))


def _validation_to_bundle_error(exc: ValidationError, path: str, fields: dict[str, str]):
    issues = []
    for name, messages in exc.message_dict.items():
        where = _join(path, fields.get(name, name)) if name != "__all__" else path
        issues.extend(BundleIssue(where, message) for message in messages)
    return BundleError(issues)


def case_import_bundle(*, owner, data: dict | str | bytes, title: str | None = None) -> Case:
    """Store a bundle as a new case of `owner`, all or nothing, and return the case.

    Raises BundleError (nothing saved) when the bundle is invalid. Parsing (the
    slow part for a big bundle) runs before the transaction, so no write lock is
    held while it runs; only the inserts are inside it.
    """
    if isinstance(data, str | bytes | bytearray):
        data = _load_json(data)
    parsed = bundle_parse(data)
    kept_title = data.get(TITLE_KEY) if isinstance(data, dict) else None
    if title is None and isinstance(kept_title, str) and kept_title.strip():
        title = kept_title.strip()[: _limit(Case, "title")]
    lenders = _lenders_by_name({loan.lender for loan in parsed.loans if loan.lender})
    return _case_store(owner=owner, parsed=parsed, lenders=lenders, title=title)


@transaction.atomic
def _case_store(
    *, owner, parsed: domain.Case, lenders: dict[str, Lender], title: str | None
) -> Case:
    """Insert a parsed bundle in one transaction.

    The case and its loans are full_clean'ed; installments, fees and events go
    through bulk_create and contacts through cases.bulk.rows_insert, without
    per-row full_clean (slow at 100,000 rows) because the parser has checked
    every value already.
    """
    case = Case(
        owner=owner,
        title=title or _default_title(parsed)[: _limit(Case, "title")],
        timezone=parsed.timezone,
        borrower_name=parsed.borrower.name,
        borrower_phone=parsed.borrower.phone,
        borrower_address=parsed.borrower.address,
        borrower_id_number=parsed.borrower.id_number,
    )
    try:
        case.full_clean()
    except ValidationError as exc:
        raise _validation_to_bundle_error(exc, "", {"title": "title"}) from None
    case.save()

    loans: dict[str, Loan] = {}
    installments, fees = [], []
    for index, item in enumerate(parsed.loans):
        lender = lenders.get(item.lender)
        lender_type = item.lender_type
        if lender is not None and lender_type == "other":
            lender_type = lender.lender_type
        loan = Loan(
            case=case,
            ref=item.ref,
            lender=lender,
            lender_name="" if lender else item.lender,
            lender_type=lender_type,
            product=item.product,
            purpose=item.purpose,
            contract_no=item.contract_no,
            principal=item.principal,
            amount_received=item.amount_received,
            disbursed_on=item.disbursed_on,
            overdue_since=item.overdue_since,
            outstanding=item.outstanding,
            stated_rate=item.stated_rate,
        )
        try:
            loan.full_clean()
        except ValidationError as exc:
            raise _validation_to_bundle_error(
                exc, f"loans[{index}]", {"lender_name": "lender"}
            ) from None
        loan.save()
        loans[item.ref] = loan
        installments.extend(
            Installment(loan=loan, due_on=i.due_on, amount=i.amount, paid=i.paid)
            for i in item.installments
        )
        fees.extend(
            Fee(loan=loan, name=f.name, amount=f.amount, charged_on=f.charged_on) for f in item.fees
        )
    Installment.objects.bulk_create(installments, batch_size=BATCH_SIZE)
    Fee.objects.bulk_create(fees, batch_size=BATCH_SIZE)

    rows_insert(
        Contact,
        (
            {
                "case_id": case.pk,
                "ref": c.ref,
                "loan_id": loans[c.loan].pk if c.loan else None,
                "occurred_at": c.occurred_at,
                "channel": c.channel,
                "connected": c.connected,
                "duration_seconds": c.duration_seconds,
                "target": c.target,
                "target_name": c.target_name,
                "target_phone": c.target_phone,
                "visitors": c.visitors,
                "caller_name": c.caller.name,
                "caller_organization": c.caller.organization,
                "caller_phone": c.caller.phone,
                "caller_identity_disclosed": c.caller.identity_disclosed,
                "claims_to_be": list(c.claims_to_be),
                "content": c.content,
                "tags": list(c.tags),
                "consent_to_time": c.consent_to_time,
                "answers": dict(c.answers),
                **detection_row(c.content),
            }
            for c in parsed.contacts
        ),
    )
    CaseEvent.objects.bulk_create(
        [
            CaseEvent(
                case=case,
                kind=e.kind,
                at=e.at,
                loan=loans[e.loan] if e.loan else None,
                target_phone=e.target_phone,
                target_name=e.target_name,
                note=e.note,
            )
            for e in parsed.events
        ],
        batch_size=BATCH_SIZE,
    )
    for store in BUNDLE_STORERS:
        store(case, parsed, loans)
    return case


#: The case's own title travels as an extension field: readers of selfhelp.case/1 that
#: do not know it ignore it, and this app's import uses it as the new case's title.
TITLE_KEY = "x-title"


def case_export_bundle(*, case: Case, borrower_details: bool = True) -> dict:
    """A stored case as a canonical `selfhelp.case/1` bundle (a dict ready for json.dumps),
    with its title under "x-title".

    With borrower_details=False (a reader who may not see them: cases.access.
    may_see_borrower_details), the borrower's phone, address and ID number are exported
    masked, as the pages show them, and so is the borrower's own number on the contacts
    made to them and on events.
    """
    domain_case = case_to_domain(case)
    for load in BUNDLE_LOADERS:
        domain_case = replace(domain_case, **load(case))
    bundle = bundle_dump(domain_case)
    if not borrower_details:
        _mask_borrower_details(bundle)
    return {**bundle, TITLE_KEY: case.title}


def _mask_borrower_details(bundle: dict) -> None:
    borrower = bundle.get("borrower", {})
    own_phone = borrower.get("phone") or ""
    for key, mask in (
        ("phone", mask_phone),
        ("address", mask_address),
        ("id_number", mask_id_number),
    ):
        if borrower.get(key):
            borrower[key] = mask(borrower[key])
    for contact in bundle.get("contacts", []):
        phone = contact.get("target_phone") or ""
        if phone and (contact.get("target") == "borrower" or phone == own_phone):
            contact["target_phone"] = mask_phone(phone)
    for event in bundle.get("events", []):
        if own_phone and event.get("target_phone") == own_phone:
            event["target_phone"] = mask_phone(own_phone)


def bundle_to_json(bundle: dict) -> str:
    """A bundle as the UTF-8 JSON text export writes: Chinese kept readable, indented."""
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "MAX_BUNDLE_BYTES",
    "BundleError",
    "BundleIssue",
    "bundle_dump",
    "bundle_parse",
    "bundle_to_json",
    "case_export_bundle",
    "case_import_bundle",
]
