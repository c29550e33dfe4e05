"""The one-year Loan Prime Rate (LPR) history, as a pure lookup table."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

#: One-year LPR changes since the reform of 2019-08-20 (cn-facts.md section 3.1,
#: VERIFIED-SECONDARY). Rates are fractions: 0.0425 is 4.25 %.
LPR_SEED: tuple[tuple[date, Decimal], ...] = (
    (date(2019, 8, 20), Decimal("0.0425")),
    (date(2019, 9, 20), Decimal("0.0420")),
    (date(2019, 11, 20), Decimal("0.0415")),
    (date(2020, 2, 20), Decimal("0.0405")),
    (date(2020, 4, 20), Decimal("0.0385")),
    (date(2021, 12, 20), Decimal("0.0380")),
    (date(2022, 1, 20), Decimal("0.0370")),
    (date(2022, 8, 22), Decimal("0.0365")),
    (date(2023, 6, 20), Decimal("0.0355")),
    (date(2023, 8, 21), Decimal("0.0345")),
    (date(2024, 7, 22), Decimal("0.0335")),
    (date(2024, 10, 21), Decimal("0.0310")),
    (date(2025, 5, 20), Decimal("0.0300")),
)


class LprTable:
    """The one-year LPR in force on any date since 2019-08-20."""

    def __init__(self, rows: Iterable[tuple[date, Decimal]] = LPR_SEED):
        ordered = sorted(rows)
        self._dates = [effective for effective, _rate in ordered]
        self._rates = [rate for _effective, rate in ordered]

    def rate_on(self, day: date) -> Decimal | None:
        """The rate in force on `day` (a change applies from its effective date), or None before the first."""
        index = bisect_right(self._dates, day) - 1
        return None if index < 0 else self._rates[index]

    def __len__(self) -> int:
        return len(self._dates)

    def fingerprint(self) -> str:
        """Names the table's content: equal tables give equal fingerprints."""
        rows = ";".join(
            f"{d.isoformat()}={r}" for d, r in zip(self._dates, self._rates, strict=True)
        )
        return hashlib.sha256(rows.encode()).hexdigest()[:16]
