"""How the borrower's phone, address and ID number look to someone who may not see them
in full (a volunteer who has not taken the case). Pure: strings in, strings out."""

from __future__ import annotations


def mask_phone(value: str) -> str:
    """The phone with the middle hidden: 138****0000."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_address(value: str) -> str:
    """The address down to the city at most: its first six characters."""
    return value if len(value) <= 6 else value[:6] + "…"


def mask_id_number(value: str) -> str:
    """An ID number with all but the first 4 and last 4 characters hidden."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]
