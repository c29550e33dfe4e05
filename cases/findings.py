"""The rights engine's findings for stored cases, computed once per case revision.

Every page that shows findings (the case page, the review workspace and queue, the
actions pages) and every letter gets them from `case_findings` / `cases_findings`:
one code path, as `assess_case` runs the same engine on a file. The engine stays pure;
storing its result is this module's business.

How it stays right:
- `Case.revision` goes up with every write that can change the findings (the services
  in cases/services.py call case_touch; imports and actions go through it too).
- A result is stored per case and language (finding summaries are translated when they
  are made) with the revision it was computed for and a key naming everything else it
  depends on: the engine's version (code, catalogue, translations, detector), the day
  (limitation periods count to today), the LPR table and the lender directory names of
  the case's loans, all of which staff can edit in the admin.
- The revision is read before the case is, so a stored result is never older than the
  revision it carries; a write that lands meanwhile only makes the next view compute again.

So a view after no change reads one row and runs no engine; the first view after a change
runs the rule pass once (each contact's text detection is already stored on the contact).
Writes that bypass the services (the admin, a shell) do not move the revision: the stored
result is then replaced only at the next change, the next day or the next engine version.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone, translation

from rules import domain
from rules.engine import Assessment, CaseSummary, LprTable, assess, summarize
from rules.engine.stored import (
    assessment_from_data,
    assessment_to_data,
    engine_version,
    summary_from_data,
    summary_to_data,
)
from rules.selectors import lpr_table

from .adapters import case_to_domain, cases_to_domain
from .models import Case, Contact, Loan, StoredFindings

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ContactMoment:
    """When a contact happened and whom it reached: all the charts and the before/after
    counts of actions read of a contact, kept with the stored findings."""

    ref: str
    occurred_at: datetime
    target: str


class CaseFindings:
    """What the rights engine says about a stored case, with what pages need beside it.

    `assessment`, `summary` and `moments` come from one engine run (stored or fresh);
    `case_data` (the whole case as engine data) and `contact_pks` are read on first use.
    """

    def __init__(
        self,
        *,
        case: Case,
        assessment: Assessment,
        summary: CaseSummary,
        moments: tuple[ContactMoment, ...],
        case_data: domain.Case | None = None,
    ):
        self.case = case
        self.assessment = assessment
        self.summary = summary
        self.moments = moments
        if case_data is not None:
            self.__dict__["case_data"] = case_data

    @cached_property
    def case_data(self) -> domain.Case:
        """The stored case as engine data (4 queries)."""
        return case_to_domain(self.case)

    @cached_property
    def contact_pks(self) -> dict[str, int]:
        """Every contact's id by its ref, to link the contacts findings cite."""
        return dict(Contact.objects.filter(case=self.case).values_list("ref", "pk"))


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _moments(case_data: domain.Case) -> tuple[ContactMoment, ...]:
    return tuple(ContactMoment(c.ref, c.occurred_at, c.target) for c in case_data.contacts)


def _to_data(findings: CaseFindings) -> dict:
    return {
        "assessment": assessment_to_data(findings.assessment),
        "summary": summary_to_data(findings.summary),
        "moments": [[m.ref, m.occurred_at.timestamp(), m.target] for m in findings.moments],
    }


def _from_data(case: Case, data: dict, case_data: domain.Case | None) -> CaseFindings:
    return CaseFindings(
        case=case,
        assessment=assessment_from_data(data["assessment"]),
        summary=summary_from_data(data["summary"]),
        moments=tuple(
            ContactMoment(ref, datetime.fromtimestamp(stamp, UTC), target)
            for ref, stamp, target in data["moments"]
        ),
        case_data=case_data,
    )


def _compute(case: Case, case_data: domain.Case, lpr: LprTable, today: date) -> CaseFindings:
    """One run of the engine: the only place a stored case is assessed."""
    assessment = assess(case_data, lpr=lpr, today=today)
    return CaseFindings(
        case=case,
        assessment=assessment,
        summary=summarize(case_data, assessment),
        moments=_moments(case_data),
        case_data=case_data,
    )


def _keys(cases: list[Case], *, today: date, language: str, lpr: LprTable) -> dict[int, str]:
    """Per case, a digest of what its findings depend on besides its revision (one query)."""
    lenders: dict[int, list] = {case.pk: [] for case in cases}
    for case_id, ref, name in (
        Loan.objects.filter(case__in=lenders, lender__isnull=False)
        .order_by("case_id", "ref")
        .values_list("case_id", "ref", "lender__name")
    ):
        lenders[case_id].append((ref, name))
    common = "|".join([engine_version(), language, today.isoformat(), lpr.fingerprint()])
    return {
        pk: hashlib.sha256(f"{common}|{names!r}".encode()).hexdigest()
        for pk, names in lenders.items()
    }


def _revisions(cases: list[Case]) -> dict[int, int]:
    """The revisions as they are now in the database (the instances may be older)."""
    return dict(Case.objects.filter(pk__in=[c.pk for c in cases]).values_list("pk", "revision"))


def _store(results: list[tuple[Case, int, str, CaseFindings]], *, language: str) -> None:
    """Keep results for later views: (case, revision, key, findings) each. Replaced whole,
    in the same four queries however many there are. A failure only costs a later view
    the engine run."""
    rows = []
    for case, revision, key, findings in results:
        try:
            data = _to_data(findings)
        except ValueError:
            logger.exception("Findings of case %s cannot be stored", case.pk)
            continue
        rows.append(
            StoredFindings(case=case, language=language, revision=revision, key=key, data=data)
        )
    if not rows:
        return
    try:
        with transaction.atomic():
            StoredFindings.objects.filter(
                case__in=[row.case_id for row in rows], language=language
            ).delete()
            StoredFindings.objects.bulk_create(rows)
    except DatabaseError:  # another view stored them first, or the database is busy
        logger.warning("Findings were not stored", exc_info=True)


def cases_findings(*, cases: Iterable[Case], today: date | None = None) -> dict[int, CaseFindings]:
    """The findings of many cases by case id: stored ones are read (in a constant number of
    queries), the others computed from data loaded in one go, then stored."""
    cases = list(cases)
    if not cases:
        return {}
    today = today or timezone.localdate()
    language = _language()
    lpr = lpr_table()
    keys = _keys(cases, today=today, language=language, lpr=lpr)
    revisions = _revisions(cases)
    stored = {
        case_id: (revision, key, data)
        for case_id, revision, key, data in StoredFindings.objects.filter(
            case__in=cases, language=language
        ).values_list("case_id", "revision", "key", "data")
    }
    results: dict[int, CaseFindings] = {}
    missing: list[Case] = []
    for case in cases:
        revision, key, data = stored.get(case.pk, (None, None, None))
        if revision == revisions.get(case.pk) and key == keys[case.pk]:
            try:
                results[case.pk] = _from_data(case, data, None)
                continue
            except (KeyError, IndexError, TypeError, ValueError):
                logger.warning("Stored findings of case %s are unreadable", case.pk)
        missing.append(case)
    if missing:
        loaded = cases_to_domain(missing)
        for case in missing:
            results[case.pk] = _compute(case, loaded[case.pk], lpr, today)
        _store(
            [(c, revisions.get(c.pk, 0), keys[c.pk], results[c.pk]) for c in missing],
            language=language,
        )
    return results


def case_findings(
    *, case: Case, today: date | None = None, with_case_data: bool = False
) -> CaseFindings:
    """The findings of one case: stored for its revision, or computed now and stored.

    With `with_case_data` (letters), the case data is read first and the findings are
    those of exactly that data, even if the case changes meanwhile.
    """
    if not with_case_data:
        return cases_findings(cases=[case], today=today)[case.pk]
    today = today or timezone.localdate()
    language = _language()
    lpr = lpr_table()
    (key,) = _keys([case], today=today, language=language, lpr=lpr).values()
    revision = _revisions([case]).get(case.pk, 0)
    case_data = case_to_domain(case)
    if _revisions([case]).get(case.pk, 0) != revision:  # changed while it was read
        return _compute(case, case_data, lpr, today)
    row = StoredFindings.objects.filter(
        case=case, language=language, revision=revision, key=key
    ).first()
    if row is not None:
        try:
            return _from_data(case, row.data, case_data)
        except (KeyError, IndexError, TypeError, ValueError):
            logger.warning("Stored findings of case %s are unreadable", case.pk)
    findings = _compute(case, case_data, lpr, today)
    _store([(case, revision, key, findings)], language=language)
    return findings


__all__ = ["CaseFindings", "ContactMoment", "case_findings", "cases_findings"]
