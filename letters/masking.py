"""A finalised letter's stored HTML as a reader who may not see the borrower's details sees it.

A finalised version keeps the HTML its PDF was made from, with the borrower's phone, address
and ID number printed in full. A volunteer who has not taken the case reads that HTML with
every known form of those values replaced by the masked forms the rest of the app shows
(cases.masking): the values as stored on the case, as the version's snapshot and fields had
them when it was finalised, and in the forms letters print them (as typed, compact, grouped;
escaped as the template escaped them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from cases.masking import mask_address, mask_id_number, mask_phone
from cases.phones import phone_display, phone_normalize

#: Shorter values are not worth masking, and replacing them would garble the letter
#: (a short number can be part of an amount or a date).
MIN_LENGTH = 6


@dataclass(frozen=True, slots=True)
class KnownDetails:
    """The borrower's phones, addresses and ID numbers a letter may have printed."""

    phones: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    id_numbers: tuple[str, ...] = ()


def _phone_forms(value: str) -> list[tuple[str, str]]:
    """As typed, compact, grouped with spaces or dashes: all masked alike (138****5678)."""
    compact = phone_normalize(value)
    grouped = phone_display(compact)
    masked = mask_phone(compact)
    return [(form, masked) for form in (value, compact, grouped, grouped.replace(" ", "-"))]


def _id_forms(value: str) -> list[tuple[str, str]]:
    """As stored, and with its check letter X in either case."""
    return [(form, mask_id_number(form)) for form in (value, value.upper(), value.lower())]


def replacements(known: KnownDetails) -> dict[str, str]:
    """Each printed form of a known value (HTML-escaped, as in the stored render) mapped to
    its masked form (escaped too)."""
    pairs: list[tuple[str, str]] = []
    for phone in known.phones:
        pairs += _phone_forms(phone.strip())
    pairs += [(a.strip(), mask_address(a.strip())) for a in known.addresses]
    for id_number in known.id_numbers:
        pairs += _id_forms(id_number.strip())
    table: dict[str, str] = {}
    for form, masked in pairs:
        if len(form) >= MIN_LENGTH and form != masked:
            table.setdefault(escape(form, quote=False), escape(masked, quote=False))
            table.setdefault(escape(form), escape(masked))
    return table


def mask_known_details(html: str, known: KnownDetails) -> str:
    """`html` with every printed form of the known values masked, in one pass (longest form
    first, so a value inside a longer one is never half-replaced). Pure."""
    table = replacements(known)
    if not table or not html:
        return html
    pattern = re.compile("|".join(re.escape(form) for form in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda match: table[match.group(0)], html)


def _texts(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v.strip()))


def known_borrower_details(*, case, versions: Iterable) -> KnownDetails:
    """What the case says now, and what each version's snapshot and fields said when it was
    made: a letter may print any of them."""
    phones, addresses, ids = (
        [case.borrower_phone],
        [case.borrower_address],
        [case.borrower_id_number],
    )
    for version in versions:
        data = (version.data or {}) if version is not None else {}
        borrower = (data.get("case") or {}).get("borrower") or {}
        fields = data.get("fields") or {}
        phones += [borrower.get("phone"), fields.get("sender_phone")]
        addresses += [borrower.get("address"), fields.get("sender_address")]
        ids.append(borrower.get("id_number"))
    return KnownDetails(phones=_texts(phones), addresses=_texts(addresses), id_numbers=_texts(ids))


def letter_versions_html_masked(*, case, versions: list) -> list[str]:
    """The stored HTML of each version (None gives ""), with the borrower's details masked
    in all of them alike, so a diff between two versions compares masked with masked."""
    known = known_borrower_details(case=case, versions=versions)
    return [mask_known_details(v.html, known) if v is not None else "" for v in versions]
