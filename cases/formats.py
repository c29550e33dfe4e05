"""One way to write an amount of money everywhere: 39,780.00.

The app shows it as ¥39,780.00; letters write 人民币 39,780.00 元 (or CNY 39,780.00).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def money_text(value) -> str:
    """An amount grouped by thousands with two decimals; "" for None, "" or non-numbers."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        return str(value)
    return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
